from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.events import services
from cwgcop.events.models import Event, Registration
from tests.events.factories import EventFactory, applicant, confirmed

pytestmark = pytest.mark.django_db


def _statuses(event: Event) -> list[tuple[str, str]]:
    return list(Registration.objects.filter(event=event).order_by("id").values_list("name", "status"))


def test_register_waits_for_address_confirmation_and_mails_the_link(django_capture_on_commit_callbacks) -> None:
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        registration, secret = services.register(event=event, applicant=applicant(1, country="EG"))
    assert (registration.status, registration.region, registration.email) == (
        "pending",
        "arab-states",
        "person1@example.org",
    )
    assert registration.secret_hash == services.hash_secret(secret)
    assert secret not in registration.secret_hash
    assert Event.objects.get(pk=event.pk).confirmed_count == 0
    assert len(mail.outbox) == 1
    assert f"/en/events/registration/{registration.public_id}/{secret}/confirm/" in mail.outbox[0].body


def test_confirmation_takes_places_then_fills_the_waiting_list_in_order(django_capture_on_commit_callbacks) -> None:
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(1, 5):
            confirmed(event, number)
    assert _statuses(event) == [
        ("Person 1", "confirmed"),
        ("Person 2", "confirmed"),
        ("Person 3", "waitlisted"),
        ("Person 4", "waitlisted"),
    ]
    assert Event.objects.get(pk=event.pk).confirmed_count == 2
    confirmation = next(m for m in mail.outbox if m.to == ["person1@example.org"] and "registered" in m.subject)
    assert confirmation.attachments[0][0] == "event.ics"
    assert (
        b"BEGIN:VEVENT" in confirmation.attachments[0][1].encode()
        if isinstance(confirmation.attachments[0][1], str)
        else confirmation.attachments[0][1]
    )


def test_cancelling_a_place_promotes_the_first_on_the_list_and_tells_them(django_capture_on_commit_callbacks) -> None:
    event = EventFactory(capacity=1)
    first = confirmed(event, 1)
    confirmed(event, 2)
    confirmed(event, 3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel(registration=first)
    assert [r.name for r in promoted] == ["Person 2"]
    assert _statuses(event) == [("Person 1", "cancelled"), ("Person 2", "confirmed"), ("Person 3", "waitlisted")]
    assert Event.objects.get(pk=event.pk).confirmed_count == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["person1@example.org", "person2@example.org"]
    assert any(m.subject.startswith("A place is now yours") for m in mail.outbox)


def test_confirming_twice_changes_nothing() -> None:
    event = EventFactory(capacity=1)
    registration = confirmed(event, 1)
    again = services.confirm_email(registration=registration)
    assert again.status == "confirmed"
    assert Event.objects.get(pk=event.pk).confirmed_count == 1


def test_database_refuses_a_count_above_capacity() -> None:
    event = EventFactory(capacity=1)
    confirmed(event, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(confirmed_count=2)


def test_duplicate_address_is_refused_with_nothing_written() -> None:
    event = EventFactory()
    first, _secret = services.register(event=event, applicant=applicant(1))
    services.confirm_email(registration=first)
    before = (Registration.objects.count(), AuditEntry.objects.count())
    with pytest.raises(DomainError) as error:
        services.register(event=event, applicant=applicant(1, email="PERSON1@example.org", name="Other"))
    assert error.value.code == "registration_duplicate"
    assert (Registration.objects.count(), AuditEntry.objects.count()) == before


def test_address_can_register_again_after_cancelling() -> None:
    event = EventFactory()
    first = confirmed(event, 1)
    services.cancel(registration=first)
    second, _secret = services.register(event=event, applicant=applicant(1))
    assert second.status == "pending"


@pytest.mark.parametrize(
    ("overrides", "code", "message"),
    [
        ({"email": "not-an-address"}, "email_invalid", "“not-an-address” is not a valid e-mail address."),
        ({"consent": False}, "consent_missing", "Please accept the privacy notice to register."),
        ({"name": "  "}, "name_missing", "Please give your name."),
    ],
)
def test_bad_applicant_is_refused_with_a_clear_message(overrides: dict[str, object], code: str, message: str) -> None:
    event = EventFactory()
    with pytest.raises(DomainError) as error:
        services.register(event=event, applicant=applicant(1, **overrides))
    assert (error.value.code, error.value.messages) == (code, [message])
    assert Registration.objects.count() == 0


def test_registration_outside_the_window_is_refused_in_the_users_language() -> None:
    now = timezone.now()
    event = EventFactory(registration_opens_at=now + datetime.timedelta(days=1))
    with translation.override("zh-hans"), pytest.raises(DomainError) as error:
        services.register(event=event, applicant=applicant(1))
    assert error.value.code == "registration_closed"
    assert error.value.messages == ["本次活动的注册尚未开放或已经截止。"]
    closed = EventFactory(
        registration_closes_at=now - datetime.timedelta(minutes=1),
        registration_opens_at=now - datetime.timedelta(days=2),
    )
    with pytest.raises(DomainError):
        services.register(event=closed, applicant=applicant(2))
    assert Registration.objects.count() == 0


def test_online_event_refuses_in_person_attendance() -> None:
    event = EventFactory(format="online")
    with pytest.raises(DomainError) as error:
        services.register(event=event, applicant=applicant(1, attendance_mode="in-person"))
    assert error.value.code == "mode_invalid"


def test_capacity_cannot_drop_below_confirmed_and_raising_it_promotes() -> None:
    event = EventFactory(capacity=2)
    for number in range(1, 5):
        confirmed(event, number)
    with pytest.raises(DomainError) as error:
        services.set_capacity(actor=None, event=event, capacity=1)
    assert error.value.messages == ["2 people are already confirmed: the capacity cannot be lower than that."]
    assert Event.objects.get(pk=event.pk).capacity == 2
    services.set_capacity(actor=None, event=event, capacity=3)
    assert _statuses(event)[2:] == [("Person 3", "confirmed"), ("Person 4", "waitlisted")]
    assert Event.objects.get(pk=event.pk).confirmed_count == 3


def test_forged_and_replayed_links_are_refused() -> None:
    event = EventFactory()
    registration, secret = services.register(event=event, applicant=applicant(1))
    with pytest.raises(DomainError) as forged:
        services.registration_for_link(str(registration.public_id), secret + "x")
    assert forged.value.code == "link_invalid"
    found = services.registration_for_link(str(registration.public_id), secret)
    services.cancel(registration=found)
    with pytest.raises(DomainError) as replayed:
        services.cancel(registration=services.registration_for_link(str(registration.public_id), secret))
    assert replayed.value.code == "registration_cancelled"


def test_erase_own_blanks_personal_data_but_keeps_counts() -> None:
    event = EventFactory(capacity=1)
    first = confirmed(event, 1, country="BR", stakeholder_kind="academia")
    confirmed(event, 2)
    services.erase_own(registration=first)
    erased = Registration.objects.get(pk=first.pk)
    assert (erased.name, erased.organization, erased.status, erased.region, erased.stakeholder_kind) == (
        "—",
        "",
        "cancelled",
        "americas",
        "academia",
    )
    assert erased.email == f"erased-{erased.public_id}@invalid"
    assert not AuditEntry.objects.filter(after__icontains="person1@example.org").exists()
    assert _statuses(event)[1] == ("Person 2", "confirmed")


def test_erase_expired_only_touches_events_past_the_retention_period() -> None:
    now = timezone.now()
    old = EventFactory(
        starts_at=now - datetime.timedelta(days=100),
        ends_at=now - datetime.timedelta(days=99),
        registration_opens_at=now - datetime.timedelta(days=130),
        registration_closes_at=now - datetime.timedelta(days=101),
    )
    recent = EventFactory()
    Registration.objects.create(
        event=old,
        name="Old",
        email="old@example.org",
        stakeholder_kind="other",
        attendance_mode="online",
        consented_at=now,
        status="confirmed",
        secret_hash="x",
        region="europe",
    )
    confirmed(recent, 1)
    assert services.erase_expired(now=now, days=90) == 1
    assert list(Registration.objects.order_by("id").values_list("name", "region")) == [
        ("—", "europe"),
        ("Person 1", "africa"),
    ]
    assert services.erase_expired(now=now, days=90) == 0
