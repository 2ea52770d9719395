from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import icalendar
import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Registration
from cwgcop.meetings.services import registration as services
from tests.meetings.factories import person, register, upcoming_meeting

pytestmark = pytest.mark.django_db


def test_register_derives_region_from_country_and_records_audit() -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    registration = register(meeting, user, country="SA", stakeholder_kind="member-state", mode="onsite")
    assert (registration.region, registration.mode, registration.status) == ("arab-states", "onsite", "registered")
    entry = AuditEntry.objects.get(action="registration.create")
    assert (entry.actor, entry.object_id, entry.after["country"]) == (user, str(registration.pk), "SA")


def test_register_sends_confirmation_with_the_meeting_as_ics(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    meeting = upcoming_meeting(number=23, remote_link="https://meet.example.org/cwg", remote_link_private=True)
    with django_capture_on_commit_callbacks(execute=True):
        register(meeting, person("ada"), accessibility_needs="Captioning")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.subject, message.to) == ("Your registration for CWG-COP-23", ["ada@example.org"])
    assert "You are registered for CWG-COP-23." in message.body
    assert "Remote participation link: https://meet.example.org/cwg" in message.body
    assert "Accessibility needs: Captioning" in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("CWG-COP-23.ics", "text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == meeting.start_date
    assert event.decoded("dtend") == meeting.end_date + datetime.timedelta(days=1)
    assert "https://meet.example.org/cwg" in str(event.get("description"))


def test_confirmation_is_written_in_the_language_of_registration(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    meeting = upcoming_meeting(number=23)
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        register(meeting, person("li"))
    assert mail.outbox[0].subject == "您对CWG-COP-23的注册"
    assert "您已注册CWG-COP-23。" in mail.outbox[0].body
    assert "/zh-hans/meetings/registrations/" in mail.outbox[0].body


def test_duplicate_registration_is_refused_and_writes_nothing() -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    register(meeting, user)
    with pytest.raises(DomainError) as error:
        register(meeting, user, mode="onsite")
    assert error.value.code == "registration_duplicate"
    assert error.value.messages == ["You are already registered for CWG-COP-23."]
    assert list(Registration.objects.values_list("mode", flat=True)) == ["remote"]
    assert AuditEntry.objects.filter(action__startswith="registration").count() == 1


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("held", "Registration for CWG-COP-23 is closed: the meeting has been held."),
        ("cancelled", "Registration for CWG-COP-23 is closed: the meeting was cancelled."),
    ],
)
def test_registration_for_a_closed_meeting_is_refused(status: str, message: str) -> None:
    meeting = upcoming_meeting(number=23, status=status)
    with pytest.raises(DomainError) as error:
        register(meeting, person("ada"))
    assert (error.value.code, error.value.messages) == ("registration_closed", [message])
    assert Registration.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_registration_after_the_meeting_ended_is_refused() -> None:
    past = timezone.localdate() - datetime.timedelta(days=3)
    meeting = upcoming_meeting(number=23, status="in-session", start_date=past, end_date=past)
    with pytest.raises(DomainError) as error:
        register(meeting, person("ada"))
    assert error.value.messages == ["Registration for CWG-COP-23 is closed: the meeting has been held."]
    assert Registration.objects.count() == 0


def test_registration_after_its_deadline_is_refused() -> None:
    deadline = timezone.now() - datetime.timedelta(hours=1)
    meeting = upcoming_meeting(number=23, registration_deadline=deadline)
    with pytest.raises(DomainError) as error:
        register(meeting, person("ada"))
    assert error.value.code == "registration_closed"
    assert error.value.messages[0].startswith("Registration for CWG-COP-23 closed on ")
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("meeting_format", "mode", "field", "message"),
    [
        ("in-person", "remote", "mode", "This meeting is held in person only."),
        ("virtual", "onsite", "mode", "This meeting is held online only."),
        ("hybrid", "by-pigeon", "mode", "Choose on site or remote participation."),
    ],
)
def test_registration_with_an_impossible_mode_is_refused(
    meeting_format: str, mode: str, field: str, message: str
) -> None:
    meeting = upcoming_meeting(number=23, format=meeting_format)
    with pytest.raises(DomainError) as error:
        register(meeting, person("ada"), mode=mode)
    assert error.value.message_dict == {field: [message]}
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"country": "XX"}, "country", "Choose a country from the list."),
        ({"organization_name": "  "}, "organization_name", "Give your organisation's name."),
        ({"stakeholder_kind": "lobby"}, "stakeholder_kind", "Choose a stakeholder kind."),
    ],
)
def test_registration_with_bad_facts_is_refused(overrides: dict[str, str], field: str, message: str) -> None:
    meeting = upcoming_meeting(number=23)
    with pytest.raises(DomainError) as error:
        register(meeting, person("ada"), **overrides)
    assert error.value.message_dict == {field: [message]}
    assert Registration.objects.count() == 0


def test_anonymous_cannot_register() -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(DomainError) as error:
        register(upcoming_meeting(number=23), AnonymousUser())
    assert error.value.code == "sign_in_required"
    assert Registration.objects.count() == 0


def test_cancelled_registration_is_renewed_not_duplicated() -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    first = register(meeting, user)
    services.cancel_registration(actor=user, registration=first)
    again = register(meeting, user, mode="onsite")
    assert (again.pk, again.status, again.mode, again.cancelled_at) == (first.pk, "registered", "onsite", None)
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["registration.create", "registration.cancel", "registration.renew"]


def test_cancelling_twice_is_refused() -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    registration = register(meeting, user)
    services.cancel_registration(actor=user, registration=registration)
    with pytest.raises(DomainError) as error:
        services.cancel_registration(actor=user, registration=registration)
    assert error.value.code == "registration_cancelled"
    assert AuditEntry.objects.filter(action="registration.cancel").count() == 1


# --- Pages ----------------------------------------------------------------------------------------------------

FORM = {
    "mode": "remote",
    "organization_name": "University of Geneva",
    "country": "CH",
    "stakeholder_kind": "academia",
    "accessibility_needs": "",
}


def test_register_page_sends_anonymous_readers_to_sign_in(client: Client) -> None:
    upcoming_meeting(number=23)
    response = client.post("/en/meetings/cwg-cop/23/register/", FORM)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/") or "login" in response["Location"]
    assert Registration.objects.count() == 0


def test_register_page_registers_the_signed_in_person(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    client.force_login(user)
    response = client.post("/en/meetings/cwg-cop/23/register/", FORM)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/meetings/registrations/{registration.pk}/"
    assert (registration.meeting, registration.user, registration.region) == (meeting, user, "europe")
    page = client.get(response["Location"])
    assert "University of Geneva" in page.content.decode()
    assert "Cancel this registration" in page.content.decode()


def test_register_page_for_a_held_meeting_says_it_is_closed(client: Client) -> None:
    upcoming_meeting(number=23, status="held")
    client.force_login(person("ada"))
    page = client.get("/en/meetings/cwg-cop/23/register/")
    assert "Registration for CWG-COP-23 is closed: the meeting has been held." in page.content.decode()
    assert 'name="organization_name"' not in page.content.decode()
    response = client.post("/en/meetings/cwg-cop/23/register/", FORM)
    assert response.status_code == 400
    assert "Registration for CWG-COP-23 is closed: the meeting has been held." in response.content.decode()
    assert Registration.objects.count() == 0


def test_register_page_when_already_registered_goes_to_the_registration(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    registration = register(meeting, user)
    client.force_login(user)
    response = client.post("/en/meetings/cwg-cop/23/register/", FORM)
    assert (response.status_code, response["Location"]) == (302, f"/en/meetings/registrations/{registration.pk}/")
    assert Registration.objects.get().organization_name == "Ministry of Communications"


def test_register_page_shows_a_field_error_in_the_readers_language(client: Client) -> None:
    upcoming_meeting(number=23, format="in-person")
    client.force_login(person("ada"))
    response = client.post("/zh-hans/meetings/cwg-cop/23/register/", {**FORM, "mode": "remote"})
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_another_persons_registration_answers_404(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    registration = register(meeting, person("ada"))
    client.force_login(person("eve"))
    assert client.get(f"/en/meetings/registrations/{registration.pk}/").status_code == 404
    assert client.post(f"/en/meetings/registrations/{registration.pk}/cancel/").status_code == 404
    assert Registration.objects.get().status == "registered"


def test_the_bodys_secretariat_may_read_and_cancel_a_registration(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    registration = register(meeting, person("ada"))
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    assert client.get(f"/en/meetings/registrations/{registration.pk}/").status_code == 200
    asked = client.post(f"/en/meetings/registrations/{registration.pk}/cancel/")
    assert asked.status_code == 200
    assert "the secretariat no longer counts you among the participants" in asked.content.decode()
    assert Registration.objects.get().status != "cancelled"
    response = client.post(f"/en/meetings/registrations/{registration.pk}/cancel/", {"confirm": "yes"})
    assert response.status_code == 302
    assert Registration.objects.get().status == "cancelled"


def test_own_registration_can_be_cancelled(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    registration = register(meeting, user)
    client.force_login(user)
    client.post(f"/en/meetings/registrations/{registration.pk}/cancel/", {"confirm": "yes"})
    assert Registration.objects.get().status == "cancelled"
    assert AuditEntry.objects.filter(action="registration.cancel", actor=user).count() == 1


# --- The private remote link ----------------------------------------------------------------------------------

LINK = "https://meet.example.org/secret-room"


def test_a_private_remote_link_is_shown_only_to_registered_participants(client: Client) -> None:
    meeting = upcoming_meeting(number=23, remote_link=LINK, remote_link_private=True)
    anonymous = client.get("/en/meetings/cwg-cop/23/").content.decode()
    assert LINK not in anonymous
    assert "The link is shown to registered participants." in anonymous
    client.force_login(person("eve"))
    assert LINK not in client.get("/en/meetings/cwg-cop/23/").content.decode()
    user = person("ada")
    register(meeting, user)
    client.force_login(user)
    assert LINK in client.get("/en/meetings/cwg-cop/23/").content.decode()
    client.logout()
    assert LINK not in Client().get("/en/meetings/cwg-cop/23/").content.decode()


def test_a_private_remote_link_stays_out_of_the_public_calendar_and_api(client: Client) -> None:
    upcoming_meeting(number=23, remote_link=LINK, remote_link_private=True)
    assert LINK not in client.get("/meetings.ics").content.decode()
    assert client.get("/api/v1/meetings/cwg-cop/23").json()["remote_link"] == ""


def test_a_public_remote_link_is_shown_to_everybody(client: Client) -> None:
    upcoming_meeting(number=23, remote_link=LINK)
    assert LINK in client.get("/en/meetings/cwg-cop/23/").content.decode()
    assert client.get("/api/v1/meetings/cwg-cop/23").json()["remote_link"] == LINK
