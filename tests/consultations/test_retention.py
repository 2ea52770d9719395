"""What is kept of a child's answers, and for how long: the period runs from the close; stored times are the hour
(answers) or the day (audit entries, withdrawals); deleted or withdrawn words leave every sharing package at once;
expired and revoked packages keep nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, PackageDownload, PackageQuote, SafeguardingCase, SharingPackage
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import approve_text, close, consultation, lead, secretariat, send_package, submit

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2031, 3, 14, 15, 9, 26, 535897, tzinfo=datetime.UTC)


def _answer_at(found: Any, moment: datetime.datetime, **values: Any) -> services.Submitted:
    from tests.consultations.factories import answers

    submission = services.Submission(
        language="en",
        age_band="13-15",
        country="KE",
        answers=answers(found, text=values.pop("text", "")),
        **values,
    )
    return services.submit_response(consultation=found, submission=submission, now=moment)


def test_an_answer_keeps_its_hour_and_its_audit_entry_its_day_only(monkeypatch: Any) -> None:
    found = consultation(opens_at=MOMENT - datetime.timedelta(days=1), closes_at=MOMENT + datetime.timedelta(days=1))
    lead(found)
    monkeypatch.setattr(timezone, "now", lambda: MOMENT)
    submitted = _answer_at(found, MOMENT, text="I want to die")
    times = set(Answer.objects.filter(response=submitted.response).values_list("received_at", flat=True))
    assert times == {datetime.datetime(2031, 3, 14, 15, 0, tzinfo=datetime.UTC)}
    case = SafeguardingCase.objects.get()
    assert case.opened_at == datetime.datetime(2031, 3, 14, 15, 0, tzinfo=datetime.UTC)
    [entry] = AuditEntry.objects.filter(action="consultation.respond")
    assert entry.created_at == datetime.datetime(2031, 3, 14, 0, 0, tzinfo=datetime.UTC)
    services.withdraw(consultation=found, receipt=submitted.receipt)
    [withdrawn] = AuditEntry.objects.filter(action="consultation.withdraw")
    assert withdrawn.created_at == datetime.datetime(2031, 3, 14, 0, 0, tzinfo=datetime.UTC)
    submitted.response.refresh_from_db()
    assert submitted.response.withdrawn_at == datetime.datetime(2031, 3, 14, 0, 0, tzinfo=datetime.UTC)


def test_the_retention_period_runs_from_the_close_of_the_live_window_when_later() -> None:
    found = consultation()
    submit(found, text="posters")
    close(found)
    found.live_opens_at = found.closes_at - datetime.timedelta(days=1)
    found.live_closes_at = found.closes_at + datetime.timedelta(days=5)
    found.save()
    assert services.delete_expired_answers(now=found.closes_at + datetime.timedelta(days=181)) == 0
    assert services.delete_expired_answers(now=found.live_closes_at + datetime.timedelta(days=181)) == 1


def _shared(found: Any) -> tuple[SharingPackage, str, Any]:
    lead(found)
    for _ in range(10):
        submit(found, choice="Yes")
    kept = submit(found, text="Helplines should answer on chat")
    taken_back = submit(found, text="More posters at school")
    approve_text(kept)
    approve_text(taken_back)
    close(found)
    package, link = send_package(found, recipient="Ministry of ICT focal point", email="focal@example.gov")
    return package, link.removeprefix("http://127.0.0.1:8000"), taken_back


def test_words_taken_back_or_deleted_leave_every_package_at_once(client: Client) -> None:
    found = consultation()
    package, path, taken_back = _shared(found)
    quoted = [q["text"] for q in services.package_data(package)["quotes"]]
    assert quoted == ["Helplines should answer on chat", "More posters at school"]
    services.withdraw(consultation=found, receipt=taken_back.receipt)
    page = client.get(path).content.decode()
    assert "More posters at school" not in page
    assert "Helplines should answer on chat" in page
    assert [q["text"] for q in client.get(path + "json/").json()["quotes"]] == ["Helplines should answer on chat"]
    services.delete_expired_answers(days=0)
    assert PackageQuote.objects.count() == 0
    assert client.get(path + "json/").json()["quotes"] == []
    assert "Helplines should answer on chat" not in client.get(path).content.decode()


def test_an_expired_package_keeps_nothing_after_the_daily_run() -> None:
    found = consultation()
    package, _path, _taken_back = _shared(found)
    SharingPackage.objects.filter(pk=package.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    services.delete_expired_answers()
    package.refresh_from_db()
    assert package.content == {}
    assert PackageQuote.objects.filter(package=package).count() == 0


def test_every_opening_is_logged_with_the_named_recipient(client: Client) -> None:
    found = consultation()
    package, path, _taken_back = _shared(found)
    client.get(path)
    client.get(path + "csv/")
    assert list(PackageDownload.objects.order_by("pk").values_list("recipient", "recipient_email", "format")) == [
        ("Ministry of ICT focal point", "focal@example.gov", "html"),
        ("Ministry of ICT focal point", "focal@example.gov", "csv"),
    ]
    entries = AuditEntry.objects.filter(action="consultation.package_download").order_by("pk")
    assert [e.after for e in entries] == [
        {
            "package": package.pk,
            "recipient": "Ministry of ICT focal point",
            "recipient_email": "focal@example.gov",
            "format": fmt,
        }
        for fmt in ("html", "csv")
    ]


def test_the_secretariat_revokes_a_link_in_two_steps_and_it_opens_nothing_after(client: Client) -> None:
    found = consultation()
    package, path, _taken_back = _shared(found)
    staff_client = Client()
    staff_client.force_login(secretariat(found))
    listing = staff_client.get(f"/en/staff/consultations/{found.slug}/packages/").content.decode()
    revoke_url = f"/en/staff/consultations/{found.slug}/packages/{package.pk}/revoke/"
    assert f'href="{revoke_url}"' in listing
    step = staff_client.get(revoke_url)
    assert step.status_code == 200
    assert "will stop working at once" in step.content.decode()
    assert SharingPackage.objects.get(pk=package.pk).revoked_at is None  # nothing happens on the first step
    done = staff_client.post(revoke_url, follow=True)
    assert "no longer works" in done.content.decode()
    package.refresh_from_db()
    assert package.revoked_at is not None
    assert package.content == {}
    assert PackageQuote.objects.filter(package=package).count() == 0
    refused = client.get(path)
    assert refused.status_code == 410
    assert PackageDownload.objects.count() == 0
    again = staff_client.post(revoke_url, follow=True).content.decode()
    assert "This package&#x27;s link is already revoked." in again
    assert AuditEntry.objects.filter(action="consultation.package_revoke").count() == 1


def test_only_the_secretariat_of_the_body_revokes(client: Client) -> None:
    from tests.accounts.factories import give_totp
    from tests.factories import BodyFactory, UserFactory

    found = consultation()
    package, _path, _taken_back = _shared(found)
    other = consultation(slug="elsewhere", body=BodyFactory(acronym="ITU-D-SG2"))
    outsider = secretariat(other, username="other-sec")
    member = UserFactory(username="member")
    give_totp(member)
    for user in (outsider, member):
        client.force_login(user)
        assert client.post(f"/en/staff/consultations/{found.slug}/packages/{package.pk}/revoke/").status_code == 403
    assert SharingPackage.objects.get(pk=package.pk).revoked_at is None
