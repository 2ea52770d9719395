"""Text extraction when a document is published: every format, failures recorded and shown, never blocking."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client, override_settings

from cwgcop.documents.models import DocumentFile
from cwgcop.search.extraction import extract
from cwgcop.search.models import ExtractionStatus, FileExtraction
from cwgcop.search.services import Filters, search
from cwgcop.search.tasks import extract_document_text
from tests.accounts.factories import give_totp
from tests.factories import BodyFactory, UserFactory, docx_bytes, pdf_bytes
from tests.search.factories import indexed_document

pytestmark = pytest.mark.django_db


def symbols(text: str) -> list[str]:
    return [r.document.symbol for r in search(text=text, filters=Filters()).results]


def pptx_bytes(text: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = text
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(text: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Country", text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ODF_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>'
    "<text:h>Cyberbullying<text:s/>prevention</text:h>"
    '<text:p>Second<text:s text:c="2"/>line<text:tab/>with <text:span>a span</text:span> inside</text:p>'
    "<table:table><table:table-row><table:table-cell><text:p>Cell text</text:p></table:table-cell>"
    "</table:table-row></table:table></office:text></office:body></office:document-content>"
)


def odf_bytes(media_type: str, content: str = ODF_CONTENT, *, compressed_mimetype: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        kind = zipfile.ZIP_DEFLATED if compressed_mimetype else zipfile.ZIP_STORED
        package.writestr(zipfile.ZipInfo("mimetype"), media_type, compress_type=kind)
        package.writestr("content.xml", content)
        package.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


ODT = "application/vnd.oasis.opendocument.text"


def broken_xlsx() -> bytes:
    """Passes the upload checks (a zip with the workbook part) but cannot be read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "this is not xml")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "word"),
    [
        ("a.pdf", pdf_bytes("Cyberbullying prevention"), "cyberbullying"),
        ("a.docx", docx_bytes("Cyberbullying prevention"), "cyberbullying"),
        ("a.txt", b"Cyberbullying prevention", "cyberbullying"),
        ("a.html", b"<html><script>var hidden=1</script><p>Cyberbullying &amp; more</p></html>", "cyberbullying"),
        ("a.pptx", pptx_bytes("Cyberbullying prevention"), "cyberbullying"),
        ("a.xlsx", xlsx_bytes("Cyberbullying prevention"), "cyberbullying"),
        ("a.odt", odf_bytes(ODT), "cyberbullying"),
        ("a.ods", odf_bytes("application/vnd.oasis.opendocument.spreadsheet"), "cyberbullying"),
        ("a.odp", odf_bytes("application/vnd.oasis.opendocument.presentation"), "cyberbullying"),
    ],
)
def test_publishing_extracts_the_text_of_each_format(name: str, content: bytes, word: str) -> None:
    indexed_document(symbol="T/1", texts={}, files={"en": (name, content)})
    stored = DocumentFile.objects.get()
    assert word in stored.extracted_text.lower()
    assert FileExtraction.objects.get(file=stored).status == ExtractionStatus.DONE
    assert symbols(word) == ["T/1"]


def test_extraction_of_html_leaves_out_scripts() -> None:
    result = extract("text/html", io.BytesIO(b"<p>Visible</p><script>hidden()</script><style>p{}</style>"))
    assert (result.status, result.text) == (ExtractionStatus.DONE, "Visible")


def test_chinese_pdf_is_extracted_and_found() -> None:
    indexed_document(symbol="T/1", texts={}, files={"zh-hans": ("a.pdf", pdf_bytes("保护上网儿童", "zh-hans"))})
    assert symbols("上网") == ["T/1"]


def test_a_file_that_cannot_be_read_is_recorded_and_the_document_stays_published() -> None:
    document = indexed_document(
        symbol="T/1", titles={"en": "Spreadsheet of figures"}, texts={}, files={"en": ("a.xlsx", broken_xlsx())}
    )
    extraction = FileExtraction.objects.get()
    assert document.status == "published"
    assert extraction.status == ExtractionStatus.FAILED
    assert extraction.error == "OSError: File contains no valid workbook part"
    assert symbols("spreadsheet") == ["T/1"]  # title and symbol are still searchable


def test_the_secretariat_sees_files_whose_text_could_not_be_read() -> None:
    body = BodyFactory(acronym="CWG-COP")
    indexed_document(body=body, symbol="T/1", texts={}, files={"en": ("figures.xlsx", broken_xlsx())})
    indexed_document(body=body, symbol="T/2", texts={"en": "Readable."})
    client = Client()
    admin = UserFactory(username="admin", is_superuser=True)
    give_totp(admin)  # staff pages require two-factor authentication (cwgcop.accounts.middleware)
    client.force_login(admin)
    dashboard = client.get("/en/staff/").content.decode()
    page = client.get("/en/staff/documents/T/1/").content.decode()
    fine = client.get("/en/staff/documents/T/2/").content.decode()
    assert "figures.xlsx — <strong>Extraction failed</strong>" in dashboard
    assert 'href="/en/staff/documents/T/1/">T/1</a>' in dashboard
    assert "figures.xlsx — <strong>Extraction failed</strong>" in page
    assert "Text for search" not in fine


def test_a_pdf_without_text_is_recorded_as_empty() -> None:
    result = extract("application/pdf", io.BytesIO(pdf_bytes(" ")))
    assert result.status in {ExtractionStatus.EMPTY, ExtractionStatus.DONE}
    assert extract("text/plain", io.BytesIO(b"   \n ")).status == ExtractionStatus.EMPTY


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}})
def test_with_a_worker_the_text_is_searchable_once_the_task_ran() -> None:
    from django_tasks_db.models import DBTaskResult

    indexed_document(symbol="T/1", titles={"en": "Queued"}, texts={"en": "Sextortion awareness."})
    assert symbols("queued") == ["T/1"]  # indexed at once, without its text
    assert symbols("sextortion") == []
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.args_kwargs) == (
        "cwgcop.search.tasks.extract_document_text",
        {"args": [DocumentFile.objects.get().revision.document_id], "kwargs": {}},
    )
    extract_document_text.call(*queued.args_kwargs["args"])
    assert symbols("sextortion") == ["T/1"]


def test_odf_text_keeps_its_spaces_tabs_spans_and_cells() -> None:
    result = extract(ODT, io.BytesIO(odf_bytes(ODT)))
    assert (result.status, result.text) == (
        ExtractionStatus.DONE,
        "Cyberbullying prevention\nSecond  line\twith a span inside\nCell text",
    )


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.odt", odf_bytes(ODT, compressed_mimetype=True), "file_content_mismatch"),
        ("a.odt", odf_bytes("application/vnd.oasis.opendocument.spreadsheet"), "file_content_mismatch"),
        ("a.ods", odf_bytes(ODT), "file_content_mismatch"),
        ("a.odt", docx_bytes("Not an ODF package"), "file_content_mismatch"),
        ("a.odt", b"plain text", "file_content_mismatch"),
    ],
)
def test_an_odf_upload_must_be_the_package_its_extension_promises(name: str, content: bytes, code: str) -> None:
    from cwgcop.core.errors import DomainError
    from cwgcop.documents.validators import check_upload

    with pytest.raises(DomainError) as refused:
        check_upload(name, len(content), io.BytesIO(content))
    assert refused.value.code == code
    assert str(refused.value.message).startswith("The file's content is not a .od")


def test_an_odf_package_without_its_content_is_refused_as_damaged() -> None:
    from cwgcop.core.errors import DomainError
    from cwgcop.documents.validators import check_upload

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), ODT)
        package.writestr("styles.xml", "<x/>")
    with pytest.raises(DomainError) as refused:
        check_upload("a.odt", len(buffer.getvalue()), io.BytesIO(buffer.getvalue()))
    assert (refused.value.code, str(refused.value.message)) == (
        "file_malformed",
        "The file is damaged and cannot be read.",
    )


def test_an_odf_content_with_entities_is_not_expanded() -> None:
    content = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    result = extract(ODT, io.BytesIO(odf_bytes(ODT, content)))
    assert (result.status, result.error) == (
        ExtractionStatus.FAILED,
        "ExtractionError: content.xml declares a DTD or entities",
    )


ARABIC_RUN_TOGETHER = "تتلقىخطوطمساعدةالأطفالمكالماتمنالشبابالذينيتعرضونللتنمرأوالاستدراجأوالإساءةعبرالإنترنت" * 4


def test_an_extraction_that_lost_its_spaces_is_marked_for_the_secretariat_not_done() -> None:
    result = extract("text/plain", io.BytesIO(ARABIC_RUN_TOGETHER.encode()))
    assert (result.status, result.error) == (
        ExtractionStatus.SUSPECT,
        "words run together: 344 letters a word on average (spaces lost?)",
    )
    spaced = "تتلقى خطوط مساعدة الأطفال مكالمات من الشباب الذين يتعرضون للتنمر أو الاستدراج " * 4
    assert extract("text/plain", io.BytesIO(spaced.encode())).status == ExtractionStatus.DONE


def test_an_extraction_of_mostly_replacement_characters_is_marked() -> None:
    result = extract("text/plain", io.BytesIO(("\ufffd\ufffd\ufffd ab " * 20).encode()))
    assert (result.status, result.error) == (
        ExtractionStatus.SUSPECT,
        "60 of 100 characters are replacement or private-use characters",
    )


def test_the_secretariat_sees_a_suspect_extraction_on_the_document_page() -> None:
    indexed_document(symbol="T/1", texts={}, files={"ar": ("nospaces.txt", ARABIC_RUN_TOGETHER.encode())})
    assert FileExtraction.objects.get().status == ExtractionStatus.SUSPECT
    client = Client()
    admin = UserFactory(username="admin", is_superuser=True)
    give_totp(admin)
    client.force_login(admin)
    page = client.get("/en/staff/documents/T/1/").content.decode()
    assert "nospaces.txt — <strong>Text looks wrong</strong>" in page


def test_an_arabic_pdf_written_by_libreoffice_keeps_the_spaces_between_its_words() -> None:
    from pathlib import Path

    suite = Path(__file__).with_name("relevance_suite")
    pdf = (suite / "files" / "R-3.ar.pdf").read_bytes()
    result = extract("application/pdf", io.BytesIO(pdf))
    assert result.status == ExtractionStatus.DONE
    assert "تتيح الرقابة الأبوية للأسر تصفية المواقع" in " ".join(result.text.split())
    indexed_document(symbol="T/1", texts={}, files={"ar": ("controls.pdf", pdf)})
    assert symbols("الرقابة الأبوية") == ["T/1"]
    assert symbols("رقابة أبوية") == ["T/1"]


def test_the_chinese_dictionary_loads_once_for_the_process() -> None:
    from cwgcop.search import chinese

    chinese.warm()
    loaded = chinese._jieba()
    chinese.warm()
    assert chinese._jieba() is loaded
    assert chinese.words("儿童保护") == ("儿童", "保护")
