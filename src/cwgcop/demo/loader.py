"""Loading the demo data through the same services the platform uses. Running it twice changes nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cwgcop.accounts import services as account_services
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Organization, Role
from cwgcop.core.translated_fields import set_translations
from cwgcop.demo import consultations as demo_consultations
from cwgcop.demo import data, files
from cwgcop.demo import events as demo_events
from cwgcop.demo import liaisons as liaison_demo
from cwgcop.demo import reports as demo_reports
from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document
from cwgcop.meetings import services as meeting_services
from cwgcop.meetings.models import ActionItem, AgendaItem, Meeting, Outcome
from cwgcop.meetings.services import actions as action_services
from cwgcop.meetings.services import agenda as agenda_services
from cwgcop.meetings.services import outcomes as outcome_services

DEMO_USERNAME = "secretariat"
DEMO_EMAIL = "secretariat@example.org"
DEMO_PASSWORD = "cwgcop-demo"  # noqa: S105 - a published demo login for a local demo database
DEMO_MEMBER_USERNAME = "member"
DEMO_MEMBER_EMAIL = "member@example.org"

FILE_NAMES = {"en": "{slug}-e.{ext}", "zh-hans": "{slug}-c.{ext}"}


@dataclass
class Summary:
    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


def _bodies(summary: Summary) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for spec in data.BODIES:
        body = Body.objects.filter(acronym=spec["acronym"]).first()
        if body is None:
            body = Body(acronym=spec["acronym"], slug=spec["slug"], kind=spec["kind"])
            body.symbol_prefix = spec.get("symbol_prefix", "")
            body.parent = bodies.get(spec.get("parent", ""))
            set_translations(body, "name", spec["names"])
            set_translations(body, "description", spec.get("descriptions"))
            body.save()
            summary.add(f"body {body.acronym}")
        bodies[body.acronym] = body
    return bodies


def _organizations(summary: Summary) -> dict[str, Organization]:
    organizations = {}
    for spec in data.ORGANIZATIONS:
        organization, created = Organization.objects.get_or_create(
            name=spec["name"],
            country=spec["country"],
            defaults={"short_name": spec["short_name"], "stakeholder_kind": spec["stakeholder_kind"]},
        )
        if created:
            summary.add(f"organisation {organization.name}")
        organizations[spec["short_name"]] = organization
        organizations[spec["name"]] = organization
    return organizations


def _meetings(bodies: dict[str, Body], summary: Summary) -> dict[int, Meeting]:
    meetings = {}
    for spec in data.MEETINGS:
        body = bodies[spec["body"]]
        meeting = Meeting.objects.filter(body=body, number=spec["number"]).first()
        record = data.MEETING_RECORDS.get(spec["number"], {})
        if meeting is None:
            values = {k: v for k, v in spec.items() if k not in {"body", "number", "start_date", "end_date", "venues"}}
            meeting = meeting_services.create_meeting(
                actor=None,
                body=body,
                number=spec["number"],
                start_date=spec["start_date"],
                end_date=spec["end_date"],
                venues=spec["venues"],
                themes=record.get("themes"),
                summaries=record.get("summaries"),
                **values,
            )
            summary.add(f"meeting {meeting}")
        elif record and not getattr(meeting, "themes_en", ""):
            # A demo database loaded before meetings had themes gains them.
            meeting = meeting_services.update_meeting(
                actor=None, meeting=meeting, themes=record.get("themes"), summaries=record.get("summaries")
            )
        meetings[spec["number"]] = meeting
    return meetings


def _file_maker(spec: dict[str, object], language: str, extension: str) -> Callable[[], bytes]:
    title = spec["titles"][language]  # type: ignore[index]
    paragraphs = spec["text"][language]  # type: ignore[index]
    symbol = str(spec["symbol"])
    if extension == "pdf":
        return lambda: files.make_pdf(symbol=symbol, title=title, paragraphs=paragraphs, language=language)
    return lambda: files.make_docx(symbol=symbol, title=title, paragraphs=paragraphs)


def _attach(document: Document, spec: dict[str, object], extension: str) -> None:
    slug = document.symbol.lower().replace("/", "-")
    for language in ("en", "zh-hans"):
        content = _file_maker(spec, language, extension)()
        document_services.add_file(
            actor=None,
            document=document,
            language=language,
            name=FILE_NAMES[language].format(slug=slug, ext=extension),
            size=len(content),
            stream=io.BytesIO(content),
        )


def _documents(
    bodies: dict[str, Body],
    organizations: dict[str, Organization],
    meetings: dict[int, Meeting],
    summary: Summary,
) -> None:
    for spec in data.DOCUMENTS:
        if Document.objects.filter(symbol=spec["symbol"]).exists():
            continue
        document = document_services.create_document(
            actor=None,
            body=bodies["CWG-COP"],
            meeting=meetings[spec["meeting"]],
            kind=spec["kind"],
            symbol=spec["symbol"],
            titles=spec["titles"],
            original_language="en",
            sources=[organizations[s] for s in spec["sources"]],
        )
        extension = spec["formats"][0]
        _attach(document, spec, extension)
        meeting = meetings[spec["meeting"]]
        published = data.noon_in_geneva(data.publication_day(spec["kind"], meeting.start_date, meeting.end_date))
        document_services.publish_document(actor=None, document=document, published_at=published)
        if spec.get("revision"):
            document_services.start_revision(actor=None, document=document, note=spec["revision"])
            revised = {**spec, "text": {k: [*v, spec["revision"]] for k, v in spec["text"].items()}}
            _attach(document, revised, extension)
            document_services.publish_document(
                actor=None, document=document, published_at=published + data.REVISED_AFTER
            )
        summary.add(f"document {document.symbol}")


def _demo_login(username: str, email: str, summary: Summary) -> Any:
    """A demo account with a verified e-mail address (allauth refuses unverified ones at login)."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(username=username, email=email, password=DEMO_PASSWORD)
        summary.add(f"login {username}")
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _secretariat(bodies: dict[str, Body], summary: Summary) -> None:
    user = _demo_login(DEMO_USERNAME, DEMO_EMAIL, summary)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    Role.objects.get_or_create(user=user, body=bodies["CWG-COP"], kind=RoleKind.SECRETARIAT)


def _member(organizations: dict[str, Organization], summary: Summary) -> None:
    """A delegate who may submit contributions (no role needed) and has a profile."""
    user = _demo_login(DEMO_MEMBER_USERNAME, DEMO_MEMBER_EMAIL, summary)
    if account_services.profile_of(user) is None:
        account_services.update_profile(
            actor=None,
            user=user,
            full_name="Demo Delegate",
            organization=organizations.get("BRA"),
            country="BR",
            language="en",
        )


def _documents_by_symbol(symbols: list[str]) -> list[Document]:
    return [Document.objects.get(symbol=symbol) for symbol in symbols]


def _agendas(meetings: dict[int, Meeting], summary: Summary) -> None:
    for number, items in data.AGENDAS.items():
        meeting = meetings[number]
        if AgendaItem.objects.filter(meeting=meeting).exists():
            continue
        for spec in items:
            agenda_services.add_agenda_item(
                actor=None,
                meeting=meeting,
                titles=spec["titles"],
                documents=_documents_by_symbol(spec["documents"]),
            )
        agenda_services.adopt_agenda(actor=None, meeting=meeting)
        summary.add(f"agenda of {meeting}")


def _outcomes(bodies: dict[str, Body], meetings: dict[int, Meeting], summary: Summary) -> None:
    for number, outcomes in data.OUTCOMES.items():
        meeting = meetings[number]
        if Outcome.objects.filter(meeting=meeting).exists():
            continue
        for spec in outcomes:
            outcome_services.record_outcome(
                actor=None,
                meeting=meeting,
                kind=spec["kind"],
                texts=spec["texts"],
                documents=_documents_by_symbol(spec["documents"]),
                bodies=[bodies[acronym] for acronym in spec["bodies"]],
            )
        summary.add(f"outcomes of {meeting}")


def _action_items(meetings: dict[int, Meeting], summary: Summary) -> None:
    for spec in data.ACTION_ITEMS:
        meeting = meetings[spec["meeting"]]
        outcome = Outcome.objects.get(meeting=meeting, position=spec["outcome"])
        if ActionItem.objects.filter(outcome=outcome).exists():
            continue
        item = action_services.raise_action_item(
            actor=None, outcome=outcome, descriptions=spec["descriptions"], owner_kind=spec["owner_kind"]
        )
        for number in spec["carried_to"]:
            action_services.carry_forward_open_actions(actor=None, meeting=meetings[number])
        closed = spec.get("closed")
        if closed:
            action_services.close_action_item(
                actor=None,
                item=item,
                status=closed["status"],
                evidence_document=Document.objects.get(symbol=closed["evidence_document"]),
            )
        summary.add(f"action item {item.reference}")


def load_demo() -> Summary:
    """Load every demo fact that is missing; return what was created."""
    summary = Summary()
    with transaction.atomic():
        bodies = _bodies(summary)
        organizations = _organizations(summary)
        meetings = _meetings(bodies, summary)
        _secretariat(bodies, summary)
        _member(organizations, summary)
    _documents(bodies, organizations, meetings, summary)
    for item in demo_reports.load(bodies["CWG-COP"]):
        summary.add(item)
    for item in demo_events.load(bodies["CWG-COP"]):
        summary.add(item)
    with transaction.atomic():
        _agendas(meetings, summary)
        _outcomes(bodies, meetings, summary)
        _action_items(meetings, summary)
    liaison_demo.load(summary.created)
    summary.created.extend(demo_consultations.load())
    with transaction.atomic():
        _next_meeting(bodies, summary)
    return summary


def _next_meeting(bodies: dict[str, Body], summary: Summary) -> None:
    """The meeting after the seed's, open for contributions on the day the demo is loaded."""
    spec = data.next_meeting(timezone.localdate())
    body = bodies[spec.pop("body")]
    if Meeting.objects.filter(body=body, number=spec["number"]).exists():
        return
    meeting = meeting_services.create_meeting(actor=None, body=body, **spec)
    summary.add(f"meeting {meeting}")
