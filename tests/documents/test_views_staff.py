"""The secretariat's document pages: create, upload, publish, revise and withdraw through the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cwgcop.bodies.enums import BodyKind, RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.core.models import AuditEntry
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from tests.core.factories import document, draft, meeting_21, organization, parse, texts
from tests.factories import BodyFactory, UserFactory, pdf_bytes, secretariat

pytestmark = pytest.mark.django_db


def actions(document: Document) -> list[tuple[str, str | None]]:
    entries = AuditEntry.objects.filter(object_type="documents.document", object_id=str(document.pk)).order_by("id")
    return [(entry.action, entry.actor.username if entry.actor else None) for entry in entries]


def errors(response: Any) -> list[str]:
    return texts(parse(response.content), '//*[@role="alert"]//li | //p[@class="error"]')


def test_secretariat_creates_a_document_as_draft(client: Client, body: Body, staff: Any) -> None:
    m21 = meeting_21(body)
    saudi = organization("Saudi Arabia", "SA")
    response = client.post(
        "/en/staff/documents/new/",
        {
            "body": body.pk,
            "meeting": m21.pk,
            "kind": "contribution",
            "symbol": "",
            "original_language": "en",
            "title_en": "Protecting children in online games",
            "title_zh_hans": "在网络游戏中保护儿童",
            "sources": [saudi.pk],
        },
    )
    created = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/documents/CWG-COP-21/1/"
    assert created.symbol == "CWG-COP-21/1"
    assert created.status == DocumentStatus.DRAFT
    assert (created.title_en, created.title_zh_hans, created.title_fr) == (
        "Protecting children in online games",
        "在网络游戏中保护儿童",
        "",
    )
    assert list(created.sources.values_list("name", flat=True)) == ["Saudi Arabia"]
    assert created.created_by == staff
    assert list(created.revisions.values_list("number", "published_at")) == [(0, None)]
    assert actions(created) == [("document.create", "sec")]
    page = client.get(response["Location"])
    assert texts(parse(page.content), '//ul[@class="messages"]/li') == ["Document CWG-COP-21/1 created as a draft."]
    assert page["Cache-Control"] == "private, no-store"


def test_secretariat_working_in_chinese_keeps_every_title(client: Client, body: Body, staff: Any) -> None:
    client.post(
        "/zh-hans/staff/documents/new/",
        {
            "body": body.pk,
            "kind": "contribution",
            "symbol": "CWG-COP/INF/7",
            "original_language": "en",
            "title_en": "Helplines",
            "title_zh_hans": "求助热线",
        },
    )
    created = Document.objects.get()
    assert (created.title_en, created.title_zh_hans) == ("Helplines", "求助热线")


def test_document_form_refuses_a_meeting_of_another_body(client: Client, body: Body, staff: Any) -> None:
    other = BodyFactory(acronym="CWG-Internet", kind=BodyKind.COUNCIL_WORKING_GROUP)
    Role.objects.create(user=staff, body=other, kind=RoleKind.SECRETARIAT)
    response = client.post(
        "/en/staff/documents/new/",
        {
            "body": other.pk,
            "meeting": meeting_21(body).pk,
            "kind": "contribution",
            "original_language": "en",
            "title_en": "X",
        },
    )
    assert response.status_code == 400
    assert errors(response) == ["The meeting belongs to another body."]
    assert Document.objects.count() == 0
    assert AuditEntry.objects.filter(action="document.create").count() == 0


def test_document_form_needs_a_title(client: Client, body: Body, staff: Any) -> None:
    response = client.post(
        "/en/staff/documents/new/",
        {"body": body.pk, "kind": "contribution", "symbol": "CWG-COP/1", "original_language": "en"},
    )
    assert response.status_code == 400
    assert errors(response) == ["A document needs a title in at least one language."]
    assert Document.objects.count() == 0


def test_document_form_refuses_a_taken_symbol(client: Client, body: Body, staff: Any) -> None:
    document(meeting=meeting_21(body), symbol="CWG-COP-21/5")
    response = client.post(
        "/en/staff/documents/new/",
        {"body": body.pk, "kind": "contribution", "symbol": "cwg-cop-21/5", "original_language": "en", "title_en": "X"},
    )
    assert response.status_code == 400
    assert errors(response) == ["A document with the symbol CWG-COP-21/5 already exists."]
    assert Document.objects.count() == 1


def test_secretariat_uploads_publishes_revises_and_withdraws(client: Client, body: Body, staff: Any) -> None:
    created = draft(meeting=meeting_21(body), symbol="CWG-COP-21/5", languages=())
    manage = "/en/staff/documents/CWG-COP-21/5/"

    content = pdf_bytes("Protecting children")
    response = client.post(
        f"{manage}upload/",
        {"language": "en", "file": SimpleUploadedFile("儿童保护.pdf", content, content_type="application/pdf")},
    )
    assert response.status_code == 302
    stored = DocumentFile.objects.get()
    assert (stored.language, stored.original_name, stored.size, stored.revision.number) == (
        "en",
        "儿童保护.pdf",
        len(content),
        0,
    )

    response = client.post(f"{manage}publish/", {"confirm": "on"})
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.status == DocumentStatus.PUBLISHED
    assert created.published_at is not None
    assert client.get("/en/documents/CWG-COP-21/5/").status_code == 200

    response = client.post(f"{manage}revise/", {"note": "Corrected table 2"})
    assert response.status_code == 302
    pending = DocumentRevision.objects.get(document=created, number=1)
    assert (pending.note, pending.published_at) == ("Corrected table 2", None)
    corrected = pdf_bytes("Protecting children, corrected")
    client.post(f"{manage}upload/", {"language": "en", "file": SimpleUploadedFile("corrected.pdf", corrected)})
    client.post(f"{manage}publish/", {"confirm": "on"})
    pending.refresh_from_db()
    assert pending.published_at is not None
    page = parse(client.get("/en/documents/CWG-COP-21/5/").content)
    assert texts(page, '//p[@class="symbol-heading"]') == ["CWG-COP-21/5(Rev.1)"]

    response = client.post(f"{manage}withdraw/", {"reason": "Submitted twice", "confirm": "on"})
    assert response.status_code == 302
    created.refresh_from_db()
    assert (created.status, created.withdrawal_reason) == (DocumentStatus.WITHDRAWN, "Submitted twice")
    assert created.withdrawn_at is not None
    assert client.get("/en/documents/CWG-COP-21/5/").status_code == 410

    assert actions(created) == [
        ("document.create", None),
        ("document.publish", "sec"),
        ("document.publish", "sec"),
        ("document.withdraw", "sec"),
    ]
    file_entries = AuditEntry.objects.filter(action="document.file.add").order_by("id")
    assert [(e.actor.username, e.after["original_name"]) for e in file_entries] == [
        ("sec", "儿童保护.pdf"),
        ("sec", "corrected.pdf"),
    ]
    assert list(
        AuditEntry.objects.filter(action="document.revision.start").values_list("actor__username", flat=True)
    ) == ["sec"]
    publish = AuditEntry.objects.filter(action="document.publish").order_by("id").last()
    assert publish is not None
    assert publish.after["revision"] == 1


def test_manage_page_lists_revisions_files_and_history(client: Client, body: Body, staff: Any) -> None:
    draft(meeting=meeting_21(body), symbol="CWG-COP-21/5", languages=("en", "zh-hans"))
    tree = parse(client.get("/en/staff/documents/CWG-COP-21/5/").content)
    assert texts(tree, '//p[@class="symbol-heading"]') == ["CWG-COP-21/5"]
    assert texts(tree, '//dl[@class="facts"]/dd')[0] == "Draft"
    assert tree.xpath('//form[contains(@action, "/publish/")]/button/text()') == ["Publish CWG-COP-21/5"]
    assert tree.xpath('//form[contains(@action, "/revise/")]') == []


def test_upload_of_bad_file_shows_the_error_and_writes_nothing(client: Client, body: Body, staff: Any) -> None:
    draft(meeting=meeting_21(body), symbol="CWG-COP-21/5", languages=())
    response = client.post(
        "/en/staff/documents/CWG-COP-21/5/upload/",
        {"language": "en", "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf at all")},
    )
    assert response.status_code == 400
    assert texts(parse(response.content), '//p[@class="error"]') == [
        "The file's content is not a .pdf file. Check that you chose the right file."
    ]
    assert DocumentFile.objects.count() == 0


def test_publishing_without_file_shows_the_error(client: Client, body: Body, staff: Any) -> None:
    created = draft(meeting=meeting_21(body), symbol="CWG-COP-21/5", languages=())
    response = client.post("/en/staff/documents/CWG-COP-21/5/publish/", {"confirm": "on"}, follow=True)
    assert texts(parse(response.content), '//ul[@class="messages"]/li') == [
        "CWG-COP-21/5 has no file yet: upload at least one language version."
    ]
    created.refresh_from_db()
    assert created.status == DocumentStatus.DRAFT


def test_withdrawing_needs_a_reason(client: Client, body: Body, staff: Any) -> None:
    created = document(meeting=meeting_21(body), symbol="CWG-COP-21/5")
    response = client.post("/en/staff/documents/CWG-COP-21/5/withdraw/", {"reason": "  "})
    assert response.status_code == 400
    assert texts(parse(response.content), '//p[@class="error"]') == [
        "This field is required.",
        "Tick the box to confirm.",
    ]
    created.refresh_from_db()
    assert created.status == DocumentStatus.PUBLISHED
    assert AuditEntry.objects.filter(action="document.withdraw").count() == 0


def test_publishing_and_withdrawing_wait_for_the_confirmation(client: Client, body: Body, staff: Any) -> None:
    meeting = meeting_21(body)
    created = document(meeting=meeting, symbol="CWG-COP-21/5")
    unticked = client.post("/en/staff/documents/CWG-COP-21/5/withdraw/", {"reason": "Sent twice"})
    assert unticked.status_code == 400
    assert texts(parse(unticked.content), '//p[@class="error"]') == ["Tick the box to confirm."]
    created.refresh_from_db()
    assert created.status == DocumentStatus.PUBLISHED
    ticked = client.post("/en/staff/documents/CWG-COP-21/5/withdraw/", {"reason": "Sent twice", "confirm": "on"})
    assert ticked.status_code == 302
    created.refresh_from_db()
    assert created.status == DocumentStatus.WITHDRAWN
    drafted = draft(meeting=meeting, symbol="CWG-COP-21/6")
    client.post("/en/staff/documents/CWG-COP-21/6/publish/", {})
    drafted.refresh_from_db()
    assert drafted.status == DocumentStatus.DRAFT


def test_second_revision_while_one_is_pending_is_refused(client: Client, body: Body, staff: Any) -> None:
    document(meeting=meeting_21(body), symbol="CWG-COP-21/5")
    client.post("/en/staff/documents/CWG-COP-21/5/revise/", {"note": "first"})
    response = client.post("/en/staff/documents/CWG-COP-21/5/revise/", {"note": "second"})
    assert response.status_code == 400
    assert DocumentRevision.objects.filter(number=2).count() == 0


STAFF_GETS = ["/en/staff/", "/en/staff/documents/new/", "/en/staff/meetings/new/", "/en/staff/documents/CWG-COP-21/5/"]
STAFF_POSTS = [
    ("/en/staff/documents/CWG-COP-21/5/publish/", {}),
    ("/en/staff/documents/CWG-COP-21/5/revise/", {"note": "x"}),
    ("/en/staff/documents/CWG-COP-21/5/withdraw/", {"reason": "x"}),
]


@pytest.fixture
def published(body: Body) -> Document:
    return document(meeting=meeting_21(body), symbol="CWG-COP-21/5")


@pytest.mark.parametrize("url", STAFF_GETS)
def test_anonymous_reader_is_sent_to_sign_in(client: Client, published: Document, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/account/login/?next={url}"


@pytest.mark.parametrize(("url", "data"), STAFF_POSTS)
def test_anonymous_post_changes_nothing(client: Client, published: Document, url: str, data: dict[str, str]) -> None:
    assert client.post(url, data).status_code == 403
    assert actions(published) == [("document.create", None), ("document.publish", None)]


@pytest.mark.parametrize("url", STAFF_GETS)
def test_member_without_secretariat_role_is_refused(client: Client, body: Body, published: Document, url: str) -> None:
    member = UserFactory(username="member")
    Role.objects.create(user=member, body=body, kind=RoleKind.MEMBER)
    client.force_login(member)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize(("url", "data"), STAFF_POSTS)
def test_member_cannot_change_documents(
    client: Client, body: Body, published: Document, url: str, data: dict[str, str]
) -> None:
    client.force_login(UserFactory(username="member"))
    assert client.post(url, data).status_code == 403
    published.refresh_from_db()
    assert published.status == DocumentStatus.PUBLISHED
    assert actions(published) == [("document.create", None), ("document.publish", None)]


@pytest.mark.parametrize(("url", "data"), STAFF_POSTS)
def test_secretariat_of_another_body_cannot_manage_these_documents(
    client: Client, published: Document, url: str, data: dict[str, str]
) -> None:
    other = BodyFactory(acronym="CWG-Internet", kind=BodyKind.COUNCIL_WORKING_GROUP)
    client.force_login(secretariat(other, username="other-sec"))
    assert client.get("/en/staff/").status_code == 200
    assert client.get("/en/staff/documents/CWG-COP-21/5/").status_code == 403
    assert client.post(url, data).status_code == 403
    published.refresh_from_db()
    assert published.status == DocumentStatus.PUBLISHED
    assert DocumentRevision.objects.filter(document=published).count() == 1


def test_secretariat_of_another_body_cannot_create_documents_for_this_body(client: Client, body: Body) -> None:
    other = BodyFactory(acronym="CWG-Internet", kind=BodyKind.COUNCIL_WORKING_GROUP)
    client.force_login(secretariat(other, username="other-sec"))
    response = client.post(
        "/en/staff/documents/new/",
        {"body": body.pk, "kind": "contribution", "symbol": "CWG-COP/1", "original_language": "en", "title_en": "X"},
    )
    assert response.status_code == 403
    assert Document.objects.count() == 0


def test_secretariat_of_another_body_cannot_upload(client: Client, body: Body) -> None:
    draft(meeting=meeting_21(body), symbol="CWG-COP-21/5", languages=())
    other = BodyFactory(acronym="CWG-Internet", kind=BodyKind.COUNCIL_WORKING_GROUP)
    client.force_login(secretariat(other, username="other-sec"))
    response = client.post(
        "/en/staff/documents/CWG-COP-21/5/upload/",
        {"language": "en", "file": SimpleUploadedFile("a.pdf", pdf_bytes("x"))},
    )
    assert response.status_code == 403
    assert DocumentFile.objects.count() == 0


def test_dashboard_lists_pending_documents_and_meetings(client: Client, body: Body, staff: Any) -> None:
    m21 = meeting_21(body)
    draft(meeting=m21, symbol="CWG-COP-21/5", titles={"en": "Waiting"})
    document(meeting=m21, symbol="CWG-COP-21/6", titles={"en": "Out"})
    tree = parse(client.get("/en/staff/").content)
    assert [texts(row, "./*") for row in tree.xpath("//table/tbody/tr")] == [["CWG-COP-21/5", "Waiting", "Draft"]]
    assert "CWG-COP, meeting 21" in texts(tree, "//main//li")[-1]
