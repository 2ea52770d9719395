"""Side effects after the answer is certain: e-mail goes through the task queue (retried by the worker), so
an SMTP server that is down never turns a stored registration or sign-up into an error, and the person can ask
for the e-mail again. The SMTP server here is Django's SMTP backend pointed at a closed port, not a mock."""

from __future__ import annotations

import datetime
import logging
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cwgcop.core.outbox import message_data, message_from, send_later
from cwgcop.core.tasks import retry_delay
from cwgcop.events.models import Registration
from cwgcop.meetings.models import Registration as MeetingRegistration
from tests.events.factories import EventFactory
from tests.events.test_views import _form
from tests.meetings.factories import person, upcoming_meeting
from tests.meetings.test_registration import FORM as MEETING_FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_down(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1  # nothing listens: connection refused
    settings.EMAIL_TIMEOUT = 2


def smtp_back(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_message_survives_the_queue_whole() -> None:
    original = EmailMessage(
        subject="Votre inscription", body="Bonjour Zoé", to=["zoe@example.net"], headers={"X-Kind": "event"}
    )
    original.attach("event.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    copy = message_from(message_data(original))
    assert (copy.subject, copy.body, copy.to, copy.extra_headers) == (
        "Votre inscription",
        "Bonjour Zoé",
        ["zoe@example.net"],
        {"X-Kind": "event"},
    )
    assert [tuple(a) for a in copy.attachments] == [
        ("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    ]


@pytest.mark.usefixtures("smtp_down")
def test_event_registration_with_smtp_down_is_stored_and_answered_then_the_email_can_be_asked_again(
    settings: Any, django_capture_on_commit_callbacks: Any, caplog: pytest.LogCaptureFixture
) -> None:
    event = EventFactory(capacity=4)
    url = f"/en/events/{event.series.slug}/{event.slug}/register/"
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="cwgcop.mail"), django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, _form(email="mele@example.net"))
    assert first.status_code == 200
    assert "We sent a message to mele@example.net" in first.content.decode()
    assert Registration.objects.get().status == "pending"
    assert "E-mail to mele@example.net not sent after 1 attempt(s); given up" in caplog.text
    # The mail server is back; the person registers again and gets a working link instead of "already registered".
    smtp_back(settings)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, _form(email="mele@example.net"))
    assert again.status_code == 200
    assert "We sent a message to mele@example.net" in again.content.decode()
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1
    confirm = next(link for link in re.findall(r"http://\S+", str(mail.outbox[0].body)) if "/confirm/" in link)
    followed = client.get(confirm.removeprefix(settings.SITE_URL))
    assert followed.status_code == 302
    assert Registration.objects.get().status == "confirmed"


@pytest.mark.usefixtures("smtp_down")
def test_meeting_registration_with_smtp_down_is_stored_and_answered(
    django_capture_on_commit_callbacks: Any,
) -> None:
    upcoming_meeting(number=31)
    client = Client(raise_request_exception=False)
    client.force_login(person("tevita"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/meetings/cwg-cop/31/register/", MEETING_FORM)
    registration = MeetingRegistration.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/en/meetings/registrations/{registration.pk}/")


@pytest.mark.usefixtures("smtp_down")
def test_sign_up_with_smtp_down_is_answered_and_signing_in_sends_the_link_again(settings: Any) -> None:
    settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = 0
    client = Client(raise_request_exception=False)
    data = {
        "email": "losa@example.net",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "full_name": "Losa Fifita",
        "language": "en",
    }
    response = client.post("/en/account/signup/", data)
    assert (response.status_code, response["Location"]) == (302, "/en/account/confirm-email/")
    assert get_user_model().objects.filter(email="losa@example.net").count() == 1
    smtp_back(settings)
    again = client.post("/en/account/login/", {"login": "losa@example.net", "password": "a-long-enough-passphrase"})
    assert (again.status_code, again["Location"]) == (302, "/en/account/confirm-email/")
    assert [m.to for m in mail.outbox] == [["losa@example.net"]]
    assert "/en/account/confirm-email/" in str(mail.outbox[0].body)


@pytest.mark.django_db(transaction=True)  # the worker closes its connections between tasks
@pytest.mark.usefixtures("smtp_down")
def test_with_the_queue_a_failed_delivery_is_tried_again_later(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    send_later(EmailMessage(subject="Reminder", body="CWG-COP-31 starts soon", to=["kalo@example.net"]))
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert (retry.status, retry.args_kwargs["args"][1]) == ("READY", 2)
    wait = retry.run_after - timezone.now()
    assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(minutes=1)
    # The server comes back and the retry is due: it is delivered.
    smtp_back(settings)
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert [m.subject for m in mail.outbox] == ["Reminder"]


def test_retries_wait_longer_each_time_up_to_six_hours() -> None:
    assert [retry_delay(n) for n in (1, 2, 3, 4, 5)] == [
        datetime.timedelta(minutes=1),
        datetime.timedelta(minutes=5),
        datetime.timedelta(minutes=25),
        datetime.timedelta(minutes=125),
        datetime.timedelta(minutes=360),
    ]
