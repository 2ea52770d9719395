"""The shapes of the meetings API: meetings, registrations, outcomes and action items (in and out)."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Schema

from cwgcop.core.api.serializers import absolute, translations
from cwgcop.meetings.models import ActionItem, Meeting, Outcome, Registration


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


class MeetingRef(Schema):
    body: str = Field(description="The body's slug, e.g. cwg-cop.")
    number: int = Field(description="The meeting's number, e.g. 23.")


class RegistrationIn(MeetingRef):
    mode: str = Field(description="onsite or remote")
    organization: str
    country: str = Field(description="ISO 3166-1 alpha-2 code, e.g. CN")
    stakeholder_kind: str = Field(
        description="member-state, sector-member, associate, academia, civil-society, un-igo or other"
    )
    accessibility_needs: str = ""


class RegistrationOut(Schema):
    id: int
    meeting: str
    mode: str
    organization: str
    country: str
    region: str
    stakeholder_kind: str
    accessibility_needs: str
    status: str
    created_at: datetime.datetime
    remote_link: str = Field(description="The meeting's remote link, for an active registration.")
    url: str

    @staticmethod
    def resolve_meeting(obj: Registration) -> str:
        return obj.meeting.code

    @staticmethod
    def resolve_organization(obj: Registration) -> str:
        return obj.organization_name

    @staticmethod
    def resolve_country(obj: Registration) -> str:
        return str(obj.country)

    @staticmethod
    def resolve_remote_link(obj: Registration) -> str:
        return obj.meeting.remote_link if obj.is_active else ""

    @staticmethod
    def resolve_url(obj: Registration) -> str:
        return _absolute(obj.get_absolute_url())


class OutcomeIn(MeetingRef):
    kind: str = Field(description="agreed, requested, welcomed, approved, noted or reaffirmed")
    texts: dict[str, str] = Field(description="The text per language code (ar, zh-hans, en, fr, ru, es).")
    documents: list[str] = Field(default_factory=list, description="Symbols of linked documents.")
    bodies: list[str] = Field(default_factory=list, description="Acronyms of the bodies concerned.")
    position: int | None = Field(default=None, description="Where to insert it (1 = first); default: last.")


class OutcomeOut(Schema):
    id: int
    meeting: str
    position: int
    kind: str
    text: str
    texts: dict[str, str]
    documents: list[str] = Field(description="Symbols of the linked published documents.")
    bodies: list[str]
    action_items: list[str] = Field(description="References of the action items raised from it.")
    url: str

    @staticmethod
    def resolve_meeting(obj: Outcome) -> str:
        return obj.meeting.code

    @staticmethod
    def resolve_text(obj: Outcome) -> str:
        return obj.display_text

    @staticmethod
    def resolve_texts(obj: Outcome) -> dict[str, str]:
        return translations(obj, "text")

    @staticmethod
    def resolve_documents(obj: Outcome) -> list[str]:
        return [d.symbol for d in obj.documents.all()]

    @staticmethod
    def resolve_bodies(obj: Outcome) -> list[str]:
        return [b.acronym for b in obj.bodies.all()]

    @staticmethod
    def resolve_action_items(obj: Outcome) -> list[str]:
        return [item.reference for item in obj.action_items.all()]

    @staticmethod
    def resolve_url(obj: Outcome) -> str:
        return _absolute(obj.get_absolute_url())


class ActionItemIn(Schema):
    outcome: int = Field(description="The id of the outcome the item is raised from.")
    descriptions: dict[str, str] = Field(description="What is to be done, per language code.")
    owner_kind: str = Field(default="secretariat", description="secretariat, organization or body")
    owner_organization: int | None = Field(default=None, description="The owning organisation's id.")
    owner_body: str | None = Field(default=None, description="The owning body's acronym.")
    due_date: datetime.date | None = Field(default=None, description="Empty: due at the next meeting.")


class ActionCloseIn(Schema):
    status: str = Field(description="done or dropped")
    evidence_document: str | None = Field(default=None, description="The symbol of the document that closes it.")
    evidence_outcome: int | None = Field(default=None, description="The id of the outcome that closes it.")
    note: str = ""


class ActionItemOut(Schema):
    id: int
    reference: str
    raised_at: str
    outcome: int
    description: str
    descriptions: dict[str, str]
    owner_kind: str
    owner: str
    due_date: datetime.date | None
    due: str
    status: str
    closed_at: datetime.datetime | None
    closed_at_meeting: str | None
    evidence_document: str | None
    evidence_outcome: int | None
    closing_note: str
    carried_to: list[str] = Field(description="The meetings the item was carried forward to while open.")
    url: str

    @staticmethod
    def resolve_raised_at(obj: ActionItem) -> str:
        return obj.meeting.code

    @staticmethod
    def resolve_outcome(obj: ActionItem) -> int:
        return obj.outcome_id

    @staticmethod
    def resolve_description(obj: ActionItem) -> str:
        return obj.display_description

    @staticmethod
    def resolve_descriptions(obj: ActionItem) -> dict[str, str]:
        return translations(obj, "description")

    @staticmethod
    def resolve_owner(obj: ActionItem) -> str:
        return obj.owner_name

    @staticmethod
    def resolve_due(obj: ActionItem) -> str:
        return obj.due_label

    @staticmethod
    def resolve_closed_at_meeting(obj: ActionItem) -> str | None:
        return obj.closed_at_meeting.code if obj.closed_at_meeting else None

    @staticmethod
    def resolve_evidence_document(obj: ActionItem) -> str | None:
        return obj.evidence_document.symbol if obj.evidence_document else None

    @staticmethod
    def resolve_evidence_outcome(obj: ActionItem) -> int | None:
        return obj.evidence_outcome_id

    @staticmethod
    def resolve_carried_to(obj: ActionItem) -> list[str]:
        return [carried.meeting.code for carried in obj.carried_to.all()]

    @staticmethod
    def resolve_url(obj: ActionItem) -> str:
        return _absolute(obj.get_absolute_url())


class ParticipantsSchema(Schema):
    total: int | None
    onsite: int | None
    remote: int | None


class OfficerSchema(Schema):
    role: str = Field(description="chair or vice-chair.")
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code, or empty.")
    organization: str = Field(description="The organisation's name, or empty.")


class OfficerIn(Schema):
    role: str = Field(description="chair or vice-chair.")
    email: str = Field("", description="The e-mail address of the officer's account; or give a name.")
    name: str = Field("", max_length=200, description="The officer's name when they have no account here.")
    country: str = Field("", description="ISO 3166-1 alpha-2 code, e.g. KE.")
    organization: int | None = Field(None, description="The id of the officer's organisation.")


class MeetingIn(Schema):
    """A new meeting. Texts map language codes to text (``{"en": "Geneva"}``)."""

    body: str = Field(description="The body's slug, e.g. cwg-cop.")
    number: int = Field(ge=1, le=32767, description="The meeting's ordinal number; unique per body.")
    start_date: datetime.date
    end_date: datetime.date
    venues: dict[str, str] = {}
    format: str = Field("hybrid", description="in-person, hybrid or virtual.")
    remote_link: str = Field("", max_length=200)
    remote_link_private: bool = Field(True, description="Only registered participants see the remote link.")
    registration_deadline: datetime.datetime | None = None
    contribution_deadline: datetime.datetime | None = None
    status: str = Field("planned", description="planned, open, in-session, held or cancelled.")
    themes: dict[str, str] = {}
    summaries: dict[str, str] = {}
    officers: list[OfficerIn] = Field([], description="The chair and vice-chairs, in order.")


class MeetingChange(Schema):
    """What changes in a meeting: the fields given; the others keep their value."""

    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    venues: dict[str, str] | None = None
    format: str | None = None
    remote_link: str | None = Field(None, max_length=200)
    remote_link_private: bool | None = None
    registration_deadline: datetime.datetime | None = None
    contribution_deadline: datetime.datetime | None = None
    themes: dict[str, str] | None = None
    summaries: dict[str, str] | None = None


class MeetingStatusIn(Schema):
    status: str = Field(description="planned, open, in-session, held or cancelled.")


class MeetingSchema(Schema):
    body: str = Field(description="The acronym of the body that meets.")
    body_slug: str
    number: int = Field(description="The ordinal number of the meeting: 21 for the 21st meeting.")
    code: str = Field(description="Used in document symbols and in /api/v1/documents/?meeting={code}.")
    start_date: datetime.date
    end_date: datetime.date
    venue: str
    format: str = Field(description="in-person, hybrid or virtual.")
    status: str
    remote_link: str
    contribution_deadline: datetime.datetime | None
    participants: ParticipantsSchema = Field(description="Participant figures, when they are known.")
    officers: list[OfficerSchema] = Field(description="The chair and vice-chairs, in order.")
    url: str = Field(description="The meeting's public page.")
    documents: str = Field(description="The API address of the meeting's documents.")


class MeetingFilters(Schema):
    body: str | None = Field(None, description="The slug of the body, e.g. cwg-cop.")
    year: int | None = Field(None, ge=1865, le=2200, description="Meetings that start in this year.")


def meeting_data(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    documents = reverse("api:list_documents") + "?" + urlencode({"meeting": meeting.code})
    return {
        "body": meeting.body.acronym,
        "body_slug": meeting.body.slug,
        "number": meeting.number,
        "code": meeting.code,
        "start_date": meeting.start_date,
        "end_date": meeting.end_date,
        "venue": meeting.display_venue,
        "format": meeting.format,
        "status": meeting.status,
        # A private link is for registered participants only (they get it with their registration).
        "remote_link": "" if meeting.remote_link_private else meeting.remote_link,
        "contribution_deadline": meeting.contribution_deadline,
        "participants": {
            "total": meeting.participants_total,
            "onsite": meeting.participants_onsite,
            "remote": meeting.participants_remote,
        },
        "officers": [
            {
                "role": officer.role,
                "name": officer.display_name,
                "country": str(officer.country or ""),
                "organization": officer.organization.name if officer.organization else "",
            }
            for officer in meeting.officers.all()
        ],
        "url": absolute(request, meeting.get_absolute_url()),
        "documents": absolute(request, documents),
    }
