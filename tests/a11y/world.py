"""A small made-up world for the crawl: one of every object a URL pattern can name, written through the services.

The Reef Safety Forum (not the seed's group) has a past meeting with an agenda, an outcome, an action item, a
registration and attendance; documents (one revised, one draft); liaison statements; a deliverable with a
milestone; an event with a registration; an open and a closed consultation (answers, a moderation queue, a
safeguarding case, a sharing package); a Council report and a governing text. Titles exist in some languages
only, so pages show fallback content in another language than their own.

``samples`` gives the value of each URL argument by the path segment before it (``actions/<int:pk>`` → the
action item's id): a new pattern whose argument follows a known segment is crawled without a change here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from django.utils import timezone

from cwgcop.accounts import services as account_services
from cwgcop.bodies.enums import BodyKind, RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.consultations import services as consultation_services
from cwgcop.consultations.models import Answer, SafeguardingCase
from cwgcop.documents import services as document_services
from cwgcop.events.models import Event
from cwgcop.history.models import ArchiveImport
from cwgcop.liaisons import services as liaison_services
from cwgcop.meetings.models import Meeting, Registration
from cwgcop.meetings.services import agenda as agenda_services
from cwgcop.meetings.services import attendance as attendance_services
from cwgcop.reports import services as report_services
from cwgcop.reports.services import governing
from tests.accounts.factories import give_totp, verify_email
from tests.consultations.factories import close, consultation, send_package, submit
from tests.core.factories import document, revise
from tests.documents.contribution_factories import submitted
from tests.events.factories import EventFactory, EventSeriesFactory, applicant
from tests.factories import BodyFactory, MeetingFactory, OrganizationFactory, UserFactory, held_meeting
from tests.meetings.factories import action_item, outcome, register

SYMBOL_PREFIX = "RSF"


@dataclass
class World:
    user: Any
    samples: dict[str, object]
    # Pages in a state no pattern names by itself: a closed consultation's results, a second kind of page.
    extra_paths: list[str] = field(default_factory=list)

    def cookie(self) -> tuple[str, str]:
        """The session cookie of ``user``, signed in (staff roles with an authenticator app)."""
        from django.conf import settings

        client = Client()
        client.force_login(self.user)
        morsel = client.cookies[settings.SESSION_COOKIE_NAME]
        return morsel.key, morsel.value


def _body() -> Body:
    return BodyFactory(
        acronym="RSF",
        slug="reef-safety",
        symbol_prefix=SYMBOL_PREFIX,
        kind=BodyKind.COUNCIL_WORKING_GROUP,
        name="Reef Safety Forum",
        name_en="Reef Safety Forum",
        name_fr="Forum sur la sécurité des récifs",
    )


def _staff(body: Body) -> Any:
    user = UserFactory(username="coralwarden", email="warden@example.org", first_name="Ana", last_name="Reyes")
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    verify_email(user)
    give_totp(user)
    RecoveryCodes.activate(user)
    for kind in (RoleKind.SECRETARIAT, RoleKind.CHAIR, RoleKind.SAFEGUARDING_LEAD, RoleKind.MODERATOR):
        Role.objects.get_or_create(user=user, body=body, kind=kind)
    return user


def _meetings(body: Body, user: Any) -> dict[str, object]:
    held = held_meeting(body, 7, "2026-03-09", "2026-03-10", venue="Suva, Fiji", status="held", participants_total=38)
    start = timezone.localdate() + datetime.timedelta(days=40)
    upcoming = MeetingFactory(
        body=body,
        number=8,
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        status="open",
        venue_en="Nadi",
        contribution_deadline=timezone.now() + datetime.timedelta(days=20),
    )
    item = agenda_services.add_agenda_item(
        actor=None, meeting=upcoming, titles={"en": "Opening of the meeting", "fr": "Ouverture de la réunion"}
    )
    agreed = outcome(held, "The forum agreed to map the reefs.")
    action = action_item(agreed, "Draft a map of the reefs.")
    registration = register(upcoming, user)
    # Registration closed when the meeting was held: the row is written as it stood then.
    past_registration = Registration.objects.create(
        meeting=held,
        user=user,
        mode="onsite",
        organization_name="Ministry of Fisheries",
        country="FJ",
        stakeholder_kind="member-state",
    )
    attendance_services.record_attendance(actor=None, meeting=held, attended={past_registration.pk: "onsite"})
    attendance = Meeting.objects.get(pk=held.pk).attendance.get()
    submission = submitted(actor=user, meeting=upcoming, title="Coral nurseries for children’s education")
    return {
        "meeting": held,
        "meetings:pk": held.pk,
        "agenda-items:pk": item.pk,
        "outcomes:pk": agreed.pk,
        "actions:pk": action.pk,
        "registrations:pk": registration.pk,
        "attendance:pk": attendance.pk,
        "submissions:pk": submission.pk,
        "upcoming": upcoming,
    }


def _documents(body: Body, held: Meeting) -> dict[str, object]:
    published = document(
        meeting=held,
        symbol=f"{SYMBOL_PREFIX}-7/3",
        titles={"en": "Reef monitoring by young divers", "ar": "رصد الشعاب المرجانية من قبل الغواصين الشباب"},
        languages=("en", "ar"),
    )
    revise(published, note="Figures of 2025 added", languages=("en",))
    document_services.create_document(
        actor=None, body=body, meeting=held, kind="information", symbol=f"{SYMBOL_PREFIX}-7/INF/2", titles={"en": "x"}
    )
    return {"symbol": published.symbol}


def _liaisons(body: Body, held: Meeting) -> dict[str, object]:
    other = BodyFactory(acronym="OSG-4", slug="osg-4", symbol_prefix="OSG4", kind=BodyKind.STUDY_GROUP)
    statement = liaison_services.create_statement(
        actor=None,
        direction="incoming",
        purpose="action",
        titles={"en": "Request for reef data (https://example.org/reef-data)"},
        from_bodies=[other],
        to_bodies=[body],
        sent_on=datetime.date(2026, 2, 2),
        deadline=datetime.date(2026, 12, 1),
    )
    deliverable = liaison_services.create_deliverable(
        actor=None, owner=body, titles={"en": "Reef gap analysis"}, descriptions={"en": "What is missing."}
    )
    milestone = liaison_services.add_milestone(
        actor=None, deliverable=deliverable, titles={"en": "Draft to OSG-4"}, body=body, meeting=held
    )
    return {
        "liaisons:pk": statement.pk,
        "new:direction": "outgoing",
        "deliverables:slug": deliverable.slug,
        "workplan:slug": deliverable.slug,
        "milestones:pk": milestone.pk,
    }


def _events() -> dict[str, object]:
    series = EventSeriesFactory(slug="reef-talks", title="Reef Talks", title_en="Reef Talks", title_fr="Récifs")
    event: Event = EventFactory(series=series, slug="tides-2027", title_en="Tides and children online", capacity=40)
    from cwgcop.events import services as event_services

    registration, secret = event_services.register(event=event, applicant=applicant(1, name="Mele Tuilagi"))
    event_services.confirm_email(registration=registration)
    event_services.register(event=event, applicant=applicant(2, name="Jon Ek"))
    return {
        "series": series.slug,
        "event": event.slug,
        "public_id": registration.public_id,
        "secret": secret,
    }


def _consultations(body: Body, user: Any) -> tuple[dict[str, object], list[str]]:
    found = consultation(
        body=body,
        slug="reef-voices",
        title="Reef voices",
        title_en="Reef voices",
        title_zh_hans="",
        languages=["en", "fr", "ar"],
    )
    first = submit(found, text="I learned to dive at school and I love the fish.")
    # A word-list finding the learned check sets aside: the moderation page carries its note (every language, 320 px).
    submit(found, text="I have written the letters and I am ready", language="ar", country="EG")
    submit(found, text="Please keep the beaches clean.", age_band="16-17", country="FJ", language="fr")
    waiting = first.response.answers.get(question__kind="text")
    code, _raw = consultation_services.create_group_code(actor=user, consultation=found, label="Suva school club")
    closed = consultation(body=body, slug="tide-pools", title_en="Tide pools", title_zh_hans="潮池")
    for number in range(6):
        submit(closed, text=f"Answer {number}", choice="No" if number % 2 else "Yes")
    escalated = submit(closed, text="A man I met in a game keeps asking me to send photos and says to keep it secret.")
    escalated_answer: Answer = escalated.response.answers.get(question__kind="text")
    # The safeguarding check opens the case by itself for such words.
    case = SafeguardingCase.objects.get(answer=escalated_answer)
    close(closed)
    package, link = send_package(closed, recipient="Pacific focal point", email="focal@example.org", actor=user)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    samples = {
        "slug": found.slug,
        "moderation:pk": waiting.pk,
        "safeguarding:pk": case.pk,
        "questions:pk": found.questions.first().pk,  # type: ignore[union-attr]
        "codes:pk": code.pk,
        "package:token": token,
        "packages:pk": package.pk,
        "staff:consultations:package-revoke:slug": closed.slug,
    }
    extra = [f"/{{language}}/consult/{closed.slug}/results/", f"/{{language}}/consult/{closed.slug}/"]
    return samples, extra


def _reports(body: Body, user: Any) -> dict[str, object]:
    text = governing.add_governing_text(
        actor=None,
        body=body,
        kind="governing",
        texts={"citation": {"en": "Council Decision 77 (2025)"}, "text": {"en": "The forum shall:"}},
        valid_from=datetime.date(2025, 1, 1),
    )
    report = report_services.create_draft(
        actor=user,
        body=body,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 6, 30),
        languages=["en", "ar"],
        council_document="C26/91",
    )
    return {"reports:pk": report.pk, "edit:pk": text.pk, "governing-texts:slug": body.slug}


def build() -> World:
    body = _body()
    user = _staff(body)
    meetings = _meetings(body, user)
    held = meetings.pop("meeting")
    assert isinstance(held, Meeting)
    meetings.pop("upcoming")
    consultation_samples, extra = _consultations(body, user)
    token = account_services.create_api_token(actor=user, name="reef script")
    organization = OrganizationFactory(name="Reef Guardians", country="FJ")
    archive = ArchiveImport.objects.create(
        name="reef-history.zip", stored_as="imports/reef-history.zip", language="en", stage="checked", created_by=user
    )
    samples: dict[str, object] = {
        "body": body.slug,
        "number": held.number,
        "bodies:slug": body.slug,
        "tokens:pk": token.token.pk,
        "accounts:pk": user.pk,
        "organisations:pk": organization.pk,
        "imports:pk": archive.pk,
        "roles:pk": Role.objects.filter(user=user, body=body).first().pk,  # type: ignore[union-attr]
        "language": "en",
        "object_id": held.pk,
        "fmt": "html",  # a report on the web
        "export:fmt": "csv",
        "consultations:package-download:fmt": "csv",
        "history:slug": body.slug,
        "object_type": "meetings.meeting",
        "v:number": 1,
        # Links from e-mails that are out of date: the pages that say so.
        "key": "out-of-date",
        "uidb36": "zz",
        **meetings,
        **_documents(body, held),
        **_liaisons(body, held),
        **_events(),
        **consultation_samples,
        **_reports(body, user),
    }
    return World(user=user, samples=samples, extra_paths=extra)
