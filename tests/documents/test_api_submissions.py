from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cwgcop.core.models import AuditEntry
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile
from tests.accounts.factories import api_key, bearer
from tests.documents.contribution_factories import open_meeting, submitted
from tests.factories import BodyFactory, OrganizationFactory, member, pdf_bytes, secretariat

pytestmark = pytest.mark.django_db

URL = "/api/v1/submissions/"


def _written() -> tuple[int, int, int]:
    return Document.objects.count(), DocumentFile.objects.count(), AuditEntry.objects.count()


def _payload(**extra: Any) -> dict[str, Any]:
    return {"body": "cwg-cop", "number": "22", "kind": "contribution", "title_en": "Age assurance", **extra}


def _pdf(name: str, language: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(name, language), content_type="application/pdf")


def test_member_submits_with_files_and_lists_own_submissions(client: Client) -> None:
    open_meeting()
    source = OrganizationFactory(name="Brazil")
    key = api_key(member("ada"))
    response = client.post(
        URL,
        _payload(sources=[str(source.pk)], file_en=_pdf("e.pdf", "en"), file_zh_hans=_pdf("c.pdf", "zh-hans")),
        **bearer(key),
    )
    assert response.status_code == 201
    data = response.json()
    document = Document.objects.get()
    assert (data["id"], data["status"], data["late"], data["symbol"]) == (document.pk, "submitted", False, None)
    assert (data["meeting"], data["languages"], data["public_url"]) == ("CWG-COP-22", ["zh-hans", "en"], None)
    assert list(document.sources.all()) == [source]
    mine = client.get(URL, **bearer(key)).json()
    assert [row["id"] for row in mine] == [document.pk]


def test_anonymous_requests_are_401_on_every_endpoint(client: Client) -> None:
    meeting = open_meeting()
    document = submitted(actor=member(), meeting=meeting)
    before = _written()
    for method, url in [
        ("post", URL),
        ("get", URL),
        ("get", f"{URL}{document.pk}"),
        ("post", f"{URL}{document.pk}/publish"),
        ("post", f"{URL}{document.pk}/return"),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 401, url
        assert response.json()["code"] == "unauthorized"
    assert _written() == before


def test_submission_without_file_is_400_with_the_translated_message(client: Client) -> None:
    open_meeting()
    key = api_key(member())
    before = _written()
    response = client.post(URL, _payload(), HTTP_ACCEPT_LANGUAGE="zh-hans", **bearer(key))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "提交至少需要一个文件：请至少上传一种语言版本的文件。",
        "code": "files_missing",
    }
    assert _written() == before


def test_late_submission_by_a_member_is_refused(client: Client) -> None:
    open_meeting(deadline_in_days=-1)
    key = api_key(member())
    before = _written()
    response = client.post(URL, _payload(file_en=_pdf("e.pdf", "en")), **bearer(key))
    assert response.status_code == 409
    assert response.json()["code"] == "deadline_passed"
    assert response.json()["detail"].startswith("The deadline for contributions to CWG-COP-22 was ")
    assert _written() == before


def test_submission_to_an_unknown_meeting_is_404(client: Client) -> None:
    open_meeting()
    response = client.post(URL, _payload(number="99", file_en=_pdf("e.pdf", "en")), **bearer(api_key(member())))
    assert response.status_code == 404


def test_member_cannot_publish_or_return_their_own_submission(client: Client) -> None:
    meeting = open_meeting()
    author = member("ada")
    document = submitted(actor=author, meeting=meeting)
    key = api_key(author)
    response = client.post(f"{URL}{document.pk}/publish", **bearer(key))
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    returned = client.post(
        f"{URL}{document.pk}/return", {"reason": "no"}, content_type="application/json", **bearer(key)
    )
    assert returned.status_code == 403
    document.refresh_from_db()
    assert (document.status, document.is_numbered) == (DocumentStatus.SUBMITTED, False)


def test_guessing_another_members_submission_is_404(client: Client) -> None:
    meeting = open_meeting()
    document = submitted(actor=member("owner"), meeting=meeting)
    key = api_key(member("guesser"))
    for method, url in [
        ("get", f"{URL}{document.pk}"),
        ("post", f"{URL}{document.pk}/publish"),
        ("get", f"{URL}{document.pk + 1000}"),
    ]:
        assert getattr(client, method)(url, **bearer(key)).status_code == 404, url
    returned = client.post(
        f"{URL}{document.pk}/return", {"reason": "x"}, content_type="application/json", **bearer(key)
    )
    assert returned.status_code == 404
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.SUBMITTED


def test_secretariat_of_another_body_gets_404(client: Client) -> None:
    meeting = open_meeting()
    document = submitted(actor=member("owner"), meeting=meeting)
    key = api_key(secretariat(BodyFactory(acronym="ITU-T-SG17"), username="elsewhere"))
    assert client.post(f"{URL}{document.pk}/publish", **bearer(key)).status_code == 404


def test_secretariat_publishes_and_returns_through_the_api(client: Client) -> None:
    meeting = open_meeting()
    first = submitted(actor=member("a"), meeting=meeting)
    second = submitted(actor=member("b"), meeting=meeting)
    key = api_key(secretariat(meeting.body))
    published = client.post(f"{URL}{first.pk}/publish", **bearer(key))
    assert published.status_code == 200
    assert (published.json()["symbol"], published.json()["status"]) == ("CWG-COP-22/1", "published")
    assert published.json()["public_url"] == "http://127.0.0.1:8000/en/documents/CWG-COP-22/1/"
    again = client.post(f"{URL}{first.pk}/publish", **bearer(key))
    assert again.status_code == 409
    assert again.json()["code"] == "not_submitted"
    empty = client.post(f"{URL}{second.pk}/return", {"reason": " "}, content_type="application/json", **bearer(key))
    assert empty.status_code == 400
    assert empty.json()["code"] == "reason_missing"
    returned = client.post(
        f"{URL}{second.pk}/return", {"reason": "Wrong meeting."}, content_type="application/json", **bearer(key)
    )
    assert returned.status_code == 200
    assert (returned.json()["status"], returned.json()["return_reason"]) == ("draft", "Wrong meeting.")


def test_secretariat_token_without_two_factors_is_refused(client: Client) -> None:
    from allauth.mfa.models import Authenticator

    meeting = open_meeting()
    document = submitted(actor=member("a"), meeting=meeting)
    sec = secretariat(meeting.body)
    key = api_key(sec)
    Authenticator.objects.filter(user=sec).delete()
    assert client.post(f"{URL}{document.pk}/publish", **bearer(key)).status_code == 401
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.SUBMITTED


@pytest.mark.parametrize("rows", [1, 3])
def test_own_submissions_list_runs_a_fixed_number_of_queries(  # type: ignore[no-untyped-def]
    client: Client, django_assert_num_queries, rows: int
) -> None:
    meeting = open_meeting()
    author = member("tomas")
    for number in range(rows):
        submitted(actor=author, meeting=meeting, title=f"Safety report {number}", languages=("en", "es"))
    key = bearer(api_key(author))
    with django_assert_num_queries(6):  # the same for 1 or 3 submissions
        data = client.get(URL, **key).json()
    assert [sorted(item["languages"]) for item in data] == [["en", "es"]] * rows


def _past_meeting(**extra: Any) -> Any:
    import datetime

    from tests.factories import MeetingFactory

    body = BodyFactory(acronym="ITU-D SG9", slug="itu-d-sg9", symbol_prefix="SG9")
    return MeetingFactory(
        body=body,
        number=4,
        start_date=datetime.date(2019, 3, 4),
        end_date=datetime.date(2019, 3, 5),
        status="held",
        **extra,
    )


def test_the_secretariat_files_a_document_for_a_past_meeting(client: Client) -> None:
    meeting = _past_meeting()
    key = api_key(secretariat(meeting.body))
    payload = {**_payload(body="itu-d-sg9", number="4"), "file_en": _pdf("e.pdf", "en")}
    response = client.post(URL, payload, **bearer(key))
    assert response.status_code == 201
    assert (response.json()["meeting"], response.json()["status"]) == ("SG9-4", "submitted")
    assert Document.objects.get().meeting == meeting


def test_a_member_and_another_bodys_secretariat_cannot_file_for_a_past_meeting(client: Client) -> None:
    _past_meeting()
    other = BodyFactory(acronym="OTHER-WG", slug="other-wg")
    keys = [api_key(member("ada")), api_key(secretariat(other, username="elsewhere"))]
    before = _written()
    for key in keys:
        payload = {**_payload(body="itu-d-sg9", number="4"), "file_en": _pdf("e.pdf", "en")}
        response = client.post(URL, payload, **bearer(key))
        assert (response.status_code, response.json()["code"]) == (409, "meeting_closed")
    assert _written() == before


def test_not_even_the_secretariat_files_for_a_cancelled_meeting(client: Client) -> None:
    meeting = _past_meeting()
    meeting.status = "cancelled"
    meeting.save(update_fields=["status"])
    payload = {**_payload(body="itu-d-sg9", number="4"), "file_en": _pdf("e.pdf", "en")}
    response = client.post(URL, payload, **bearer(api_key(secretariat(meeting.body))))
    assert (response.status_code, response.json()["code"]) == (409, "meeting_closed")
    assert Document.objects.count() == 0
