from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cwgcop.core.models import AuditEntry
from cwgcop.documents import contributions
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile
from tests.conftest import stored_files
from tests.core.factories import parse, texts
from tests.documents.contribution_factories import open_meeting, submitted
from tests.factories import member, pdf_bytes, secretariat

pytestmark = pytest.mark.django_db


def _written() -> tuple[int, int, int]:
    return Document.objects.count(), DocumentFile.objects.count(), AuditEntry.objects.count()


def _form(meeting: Any, **files: SimpleUploadedFile) -> dict[str, Any]:
    return {
        "meeting": str(meeting.pk),
        "kind": "contribution",
        "original_language": "en",
        "title_en": "Age assurance",
        "title_zh_hans": "年龄保证",
        **files,
    }


def _pdf(name: str, language: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(name, language), content_type="application/pdf")


def test_member_submits_with_chinese_and_english_files(client: Client) -> None:
    meeting = open_meeting()
    client.force_login(member("ada"))
    response = client.post(
        "/en/submissions/new/",
        _form(meeting, file_en=_pdf("paper-e.pdf", "en"), file_zh_hans=_pdf("paper-c.pdf", "zh-hans")),
    )
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/submissions/{document.pk}/"
    assert document.status == DocumentStatus.SUBMITTED
    assert document.title_zh_hans == "年龄保证"
    page = client.get(response["Location"]).content.decode()
    assert "paper-c.pdf" in page
    assert "not numbered yet" in page
    download = client.get(f"/en/submissions/{document.pk}/files/zh-hans/")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="paper-c.pdf"'


def test_submission_without_any_file_shows_a_translated_message_and_writes_nothing(client: Client) -> None:
    meeting = open_meeting()
    client.force_login(member())
    before = _written()
    response = client.post("/zh-hans/submissions/new/", _form(meeting))
    assert response.status_code == 400
    assert "提交至少需要一个文件：请至少上传一种语言版本的文件。" in response.content.decode()
    assert _written() == before


def test_late_submission_page_says_so_plainly_and_writes_nothing(client: Client) -> None:
    meeting = open_meeting(deadline_in_days=-1)
    client.force_login(member())
    form_page = client.get("/en/submissions/new/").content.decode()
    assert "passed: only the secretariat can still accept a late contribution" in form_page
    before = _written()
    response = client.post("/en/submissions/new/", _form(meeting, file_en=_pdf("late.pdf", "en")))
    assert response.status_code == 400
    assert "The deadline for contributions to CWG-COP-22 was" in response.content.decode()
    assert _written() == before


def test_anonymous_visitor_is_sent_to_sign_in(client: Client) -> None:
    response = client.get("/en/submissions/new/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=/en/submissions/new/"


def test_a_member_cannot_see_another_members_submission(client: Client) -> None:
    meeting = open_meeting()
    document = submitted(actor=member("owner"), meeting=meeting)
    client.force_login(member("other"))
    assert client.get(f"/en/submissions/{document.pk}/").status_code == 404
    assert client.get(f"/en/submissions/{document.pk}/files/en/").status_code == 404
    assert client.post(f"/en/submissions/{document.pk}/submit-again/").status_code == 404
    assert client.get(f"/en/documents/{document.symbol}/").status_code == 404
    assert "Age assurance" not in client.get("/en/submissions/").content.decode()


def test_a_member_cannot_publish_even_their_own_submission(client: Client) -> None:
    meeting = open_meeting()
    author = member("owner")
    document = submitted(actor=author, meeting=meeting)
    client.force_login(author)
    assert client.post(f"/en/staff/submissions/{document.pk}/publish/").status_code == 403
    assert (
        client.post(f"/en/staff/submissions/{document.pk}/return/", {f"r{document.pk}-reason": "x"}).status_code == 403
    )
    document.refresh_from_db()
    assert (document.status, document.is_numbered) == (DocumentStatus.SUBMITTED, False)


def test_secretariat_publishes_from_the_queue(client: Client) -> None:
    meeting = open_meeting()
    document = submitted(actor=member("owner"), meeting=meeting)
    client.force_login(secretariat(meeting.body))
    queue = client.get("/en/staff/submissions/").content.decode()
    assert "Age assurance" in queue
    asked = client.post(f"/en/staff/submissions/{document.pk}/publish/")
    assert asked.status_code == 200
    assert "It gets the next symbol of its meeting and becomes public" in asked.content.decode()
    assert Document.objects.get(pk=document.pk).status == "submitted"  # nothing happens before the second step
    response = client.post(f"/en/staff/submissions/{document.pk}/publish/", {"confirm": "yes"}, follow=True)
    assert "CWG-COP-22/1 is published." in response.content.decode()
    assert Document.objects.get(pk=document.pk).symbol == "CWG-COP-22/1"
    assert client.logout() is None
    public = Client().get("/en/documents/CWG-COP-22/1/")
    assert public.status_code == 200


def test_secretariat_returns_with_a_reason_and_the_member_sees_it(client: Client) -> None:
    meeting = open_meeting()
    author = member("owner")
    document = submitted(actor=author, meeting=meeting)
    client.force_login(secretariat(meeting.body))
    empty = client.post(f"/en/staff/submissions/{document.pk}/return/", {f"r{document.pk}-reason": ""})
    assert empty.status_code == 400
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.SUBMITTED
    response = client.post(
        f"/en/staff/submissions/{document.pk}/return/", {f"r{document.pk}-reason": "Add the Chinese version."}
    )
    assert response.status_code == 302
    client.force_login(author)
    page = client.get(f"/en/submissions/{document.pk}/").content.decode()
    assert "Reason: Add the Chinese version." in page
    assert "Submit again" in page


def test_secretariat_of_another_body_cannot_see_or_publish(client: Client) -> None:
    from tests.factories import BodyFactory

    meeting = open_meeting()
    document = submitted(actor=member("owner"), meeting=meeting)
    client.force_login(secretariat(BodyFactory(acronym="ITU-T-SG17"), username="elsewhere"))
    assert "Age assurance" not in client.get("/en/staff/submissions/").content.decode()
    assert client.post(f"/en/staff/submissions/{document.pk}/publish/").status_code == 404
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.SUBMITTED


@pytest.mark.parametrize("rows", [1, 3])
def test_my_submissions_and_queue_run_a_fixed_number_of_queries(
    client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    meeting = open_meeting()
    author = member("owner")
    sec = secretariat(meeting.body)
    for n in range(rows):
        submitted(actor=author, meeting=meeting, title=f"Paper {n}")
    client.force_login(author)
    with django_assert_num_queries(3):
        assert client.get("/en/submissions/").status_code == 200
    client.force_login(sec)
    with django_assert_num_queries(9):
        assert client.get("/en/staff/submissions/").status_code == 200


def test_history_page_of_a_submission_lists_each_step(client: Client) -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    document = submitted(actor=member("owner"), meeting=meeting)
    contributions.publish_submission(actor=sec, document=document)
    client.force_login(sec)
    page = client.get(f"/en/staff/history/documents.document/{document.pk}/").content.decode()
    for action in ("Document created", "Submitted", "Document numbered", "Document published"):
        assert f"<td>{action}</td>" in page
    assert "CWG-COP-22/1" in page


def test_submitter_adds_a_language_to_a_returned_submission_and_sends_it_again(client: Client) -> None:
    meeting = open_meeting()
    author = member("owner")
    document = submitted(actor=author, meeting=meeting)
    contributions.return_submission(actor=secretariat(meeting.body), document=document, reason="Add Chinese.")
    client.force_login(author)
    response = client.post(
        f"/en/submissions/{document.pk}/upload/", {"language": "zh-hans", "file": _pdf("paper-c.pdf", "zh-hans")}
    )
    assert response.status_code == 302
    revision = Document.objects.get(pk=document.pk).revisions.get()
    assert sorted(revision.files.values_list("language", "original_name")) == [
        ("en", "contribution-en.pdf"),
        ("zh-hans", "paper-c.pdf"),
    ]
    # One for the English file submitted first, one for the Chinese file added after the return.
    assert AuditEntry.objects.filter(action="document.file.add", actor=author).count() == 2
    assert client.post(f"/en/submissions/{document.pk}/submit-again/").status_code == 302
    assert Document.objects.get(pk=document.pk).status == DocumentStatus.SUBMITTED


def test_a_submission_not_returned_cannot_be_changed_and_nothing_is_left_behind(
    client: Client, media_root: Any
) -> None:
    meeting = open_meeting()
    author = member("owner")
    document = submitted(actor=author, meeting=meeting)
    before, files_before = _written(), stored_files(media_root)
    client.force_login(author)
    response = client.post(
        f"/zh-hans/submissions/{document.pk}/upload/", {"language": "fr", "file": _pdf("papier.pdf", "fr")}
    )
    assert response.status_code == 400
    assert texts(parse(response.content), '//div[@role="alert"]//li') == ["只有被退回的提交才能修改。"]
    assert (_written(), stored_files(media_root)) == (before, files_before)


def test_another_member_cannot_change_a_returned_submission(client: Client) -> None:
    meeting = open_meeting()
    document = submitted(actor=member("owner"), meeting=meeting)
    contributions.return_submission(actor=secretariat(meeting.body), document=document, reason="Add Chinese.")
    before = _written()
    client.force_login(member("other"))
    response = client.post(f"/en/submissions/{document.pk}/upload/", {"language": "fr", "file": _pdf("p.pdf", "fr")})
    assert (response.status_code, _written()) == (404, before)
