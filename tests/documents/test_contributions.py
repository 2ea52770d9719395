from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation

from cwgcop.accounts import services as account_services
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.documents import contributions, services
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, SymbolCounter
from tests.conftest import stored_files
from tests.documents.contribution_factories import open_meeting, submitted, version
from tests.factories import BodyFactory, member, published_document, secretariat

pytestmark = pytest.mark.django_db


def _written() -> tuple[int, int, int]:
    return Document.objects.count(), DocumentFile.objects.count(), AuditEntry.objects.count()


def test_member_submits_before_the_deadline_and_is_emailed(django_capture_on_commit_callbacks) -> None:
    meeting = open_meeting()
    author = member("ada")
    with django_capture_on_commit_callbacks(execute=True):
        document = submitted(actor=author, meeting=meeting, languages=("zh-hans", "en"))
    assert (document.status, document.late, document.is_numbered) == (DocumentStatus.SUBMITTED, False, False)
    assert document.symbol.startswith("PENDING-")
    assert sorted(document.revisions.get().files.values_list("language", flat=True)) == ["en", "zh-hans"]
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert mail.outbox[0].subject == "Your submission to CWG-COP-22 was received"
    actions = list(AuditEntry.objects.filter(object_type="documents.document").values_list("action", flat=True))
    assert actions == ["document.submit", "document.create"]


def test_submission_after_the_deadline_is_refused_for_a_member(media_root: Path) -> None:
    meeting = open_meeting(deadline_in_days=-1)
    before = _written()
    with pytest.raises(DomainError) as error, translation.override("en"):
        submitted(actor=member(), meeting=meeting)
    assert error.value.code == "deadline_passed"
    message = error.value.messages[0]
    assert message.startswith("The deadline for contributions to CWG-COP-22 was ")
    assert "Only the secretariat can still accept a late contribution" in message
    assert _written() == before
    assert stored_files(media_root) == []


def test_late_submission_message_is_translated_into_chinese() -> None:
    meeting = open_meeting(deadline_in_days=-1)
    with pytest.raises(DomainError) as error, translation.override("zh-hans"):
        submitted(actor=member(), meeting=meeting)
    assert "CWG-COP-22 的文稿提交截止时间为" in error.value.messages[0]


def test_secretariat_can_still_accept_a_late_submission_marked_late() -> None:
    meeting = open_meeting(deadline_in_days=-1)
    document = submitted(actor=secretariat(meeting.body), meeting=meeting)
    assert (document.status, document.late) == (DocumentStatus.SUBMITTED, True)


def test_secretariat_of_another_body_cannot_accept_late() -> None:
    meeting = open_meeting(deadline_in_days=-1)
    elsewhere = secretariat(BodyFactory(acronym="ITU-T-SG17"), username="elsewhere")
    with pytest.raises(DomainError) as error:
        submitted(actor=elsewhere, meeting=meeting)
    assert error.value.code == "deadline_passed"


def test_submission_without_any_file_is_refused_and_nothing_written() -> None:
    meeting = open_meeting()
    before = _written()
    with pytest.raises(DomainError) as error, translation.override("en"):
        submitted(actor=member(), meeting=meeting, title="T", versions=[])
    assert error.value.messages == [
        "A submission needs at least one file: upload the document in at least one language."
    ]
    assert _written() == before


def test_a_bad_second_file_leaves_nothing_behind(media_root: Path) -> None:
    meeting = open_meeting()
    broken = contributions.LanguageVersion(language="zh-hans", name="x.pdf", size=5, stream=io.BytesIO(b"hello"))
    before = _written()
    with pytest.raises(DomainError) as error:
        submitted(actor=member(), meeting=meeting, title="T", versions=[version("en"), broken])
    assert error.value.code == "file_content_mismatch"
    assert _written() == before
    assert stored_files(media_root) == []


def test_members_submit_only_contributions_and_information_documents() -> None:
    with pytest.raises(DomainError) as error:
        submitted(actor=member(), meeting=open_meeting(), kind="outcome")
    assert error.value.code == "kind_invalid"


def test_a_held_meeting_accepts_no_submission() -> None:
    meeting = open_meeting()
    meeting.status = "held"
    meeting.save(update_fields=["status"])
    with pytest.raises(DomainError) as error:
        submitted(actor=member(), meeting=meeting)
    assert error.value.code == "meeting_closed"


def test_publishing_numbers_per_series_and_emails_in_the_submitters_language(
    django_capture_on_commit_callbacks,
) -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    author = member("li")
    account_services.update_profile(
        actor=author, user=author, full_name="李华", organization=None, country="CN", language="zh-hans"
    )
    first = submitted(actor=author, meeting=meeting)
    info = submitted(actor=author, meeting=meeting, kind="information")
    second = submitted(actor=author, meeting=meeting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for document in (second, info, first):
            contributions.publish_submission(actor=sec, document=document)
    symbols = [Document.objects.get(pk=d.pk).symbol for d in (second, info, first)]
    assert symbols == ["CWG-COP-22/1", "CWG-COP-22/INF/1", "CWG-COP-22/2"]
    assert Document.objects.get(pk=first.pk).status == DocumentStatus.PUBLISHED
    assert mail.outbox[0].subject == "您提交的文件已发布，文号为 CWG-COP-22/1"
    assert "李华" in mail.outbox[0].body
    assert "http://127.0.0.1:8000/zh-hans/documents/CWG-COP-22/1/" in mail.outbox[0].body
    numbered = AuditEntry.objects.filter(action="document.number", object_id=str(first.pk)).get()
    assert (numbered.before["symbol"], numbered.after["symbol"]) == (first.symbol, "CWG-COP-22/2")


def test_numbers_are_never_reused_after_withdrawal() -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    first = submitted(actor=member(), meeting=meeting)
    contributions.publish_submission(actor=sec, document=first)
    services.withdraw_document(actor=sec, document=Document.objects.get(pk=first.pk), reason="Sent twice")
    Document.objects.filter(pk=first.pk).delete()  # even if the row were gone, the counter remembers
    second = submitted(actor=member("b"), meeting=meeting)
    contributions.publish_submission(actor=sec, document=second)
    assert Document.objects.get(pk=second.pk).symbol == "CWG-COP-22/2"
    assert SymbolCounter.objects.get(meeting=meeting, series="").last_number == 2


def test_numbering_skips_symbols_typed_in_by_hand() -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    published_document(meeting=meeting, symbol="CWG-COP-22/7")
    document = submitted(actor=member(), meeting=meeting)
    contributions.publish_submission(actor=sec, document=document)
    assert Document.objects.get(pk=document.pk).symbol == "CWG-COP-22/8"


def test_return_sends_the_reason_and_the_member_resubmits(django_capture_on_commit_callbacks) -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    author = member("ada")
    document = submitted(actor=author, meeting=meeting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        contributions.return_submission(actor=sec, document=document, reason="Please add the Chinese version.")
    document.refresh_from_db()
    assert (document.status, document.return_reason) == (DocumentStatus.DRAFT, "Please add the Chinese version.")
    assert mail.outbox[0].subject == "Your submission to CWG-COP-22 was returned"
    assert "Reason: Please add the Chinese version." in mail.outbox[0].body
    services.add_file(
        actor=author,
        document=document,
        language="zh-hans",
        name="c.pdf",
        size=version("zh-hans").size,
        stream=version("zh-hans").stream,
    )
    contributions.resubmit_contribution(actor=author, document=document)
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED


def test_return_without_reason_is_refused() -> None:
    meeting = open_meeting()
    document = submitted(actor=member(), meeting=meeting)
    with pytest.raises(DomainError) as error:
        contributions.return_submission(actor=secretariat(meeting.body), document=document, reason="  ")
    assert error.value.code == "reason_missing"
    document.refresh_from_db()
    assert document.status == DocumentStatus.SUBMITTED


def test_member_cannot_publish_or_return() -> None:
    meeting = open_meeting()
    author = member()
    document = submitted(actor=author, meeting=meeting)
    with pytest.raises(PermissionDenied):
        contributions.publish_submission(actor=author, document=document)
    with pytest.raises(PermissionDenied):
        contributions.return_submission(actor=author, document=document, reason="x")
    document.refresh_from_db()
    assert (document.status, document.is_numbered) == (DocumentStatus.SUBMITTED, False)


def test_publishing_twice_is_refused() -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    document = submitted(actor=member(), meeting=meeting)
    contributions.publish_submission(actor=sec, document=document)
    with pytest.raises(DomainError) as error:
        contributions.publish_submission(actor=sec, document=document)
    assert error.value.code == "not_submitted"
    assert SymbolCounter.objects.get().last_number == 1


def test_withdrawn_submission_leaves_a_public_tombstone(client) -> None:
    meeting = open_meeting()
    sec = secretariat(meeting.body)
    document = submitted(actor=member(), meeting=meeting)
    contributions.publish_submission(actor=sec, document=document)
    services.withdraw_document(actor=sec, document=Document.objects.get(pk=document.pk), reason="Submitted twice")
    response = client.get("/en/documents/CWG-COP-22/1/")
    assert response.status_code == 410
    page = response.content.decode()
    assert "This document was withdrawn." in page
    assert "Reason: Submitted twice" in page
    withdrawn_at = Document.objects.get(pk=document.pk).withdrawn_at
    # The date's format belongs to the tombstone template; here: the page says when, in the right year.
    assert re.search(rf"Withdrawn on [^<]*{withdrawn_at.year}\.", page)


def test_deadline_passed_is_exact_to_the_second() -> None:
    meeting = open_meeting()
    deadline = meeting.contribution_deadline
    assert contributions.deadline_passed(meeting, now=deadline) is False
    assert contributions.deadline_passed(meeting, now=deadline + datetime.timedelta(seconds=1)) is True
