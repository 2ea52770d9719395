"""Downloads: whole files, names in any script, validators (ETag, Last-Modified), HEAD and byte ranges."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils.http import http_date

from cwgcop.core.http import ascii_name, content_disposition, parse_range
from cwgcop.documents.models import Document, DocumentFile
from tests.core.factories import cwg_cop, draft, meeting_21, moment, revise, set_published
from tests.factories import docx_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db

URL = "/files/CWG-COP-21/5/rev0/en/"
LAST_MODIFIED = "Fri, 20 Sep 2024 10:00:00 GMT"


@pytest.fixture
def pdf() -> bytes:
    return pdf_bytes("Protecting children in online games")


@pytest.fixture
def published(pdf: bytes) -> Document:
    from cwgcop.documents import services

    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/5", languages=())
    upload(created, "en", pdf, "CWG-COP-21-5-E.pdf")
    upload(created, "zh-hans", pdf_bytes("保护儿童", "zh-hans"), "保护上网儿童.pdf")
    upload(created, "ar", docx_bytes("حماية الأطفال"), "حماية الأطفال على الإنترنت.docx")
    services.publish_document(actor=None, document=created)
    return set_published(created, moment(2024, 9, 20))


def stored(language: str, revision: int = 0) -> DocumentFile:
    return DocumentFile.objects.get(revision__number=revision, language=language)


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else bytes(response.content)


def test_download_streams_the_file_with_its_headers(client: Client, published: Document, pdf: bytes) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert body(response) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(pdf))
    assert response["Content-Disposition"] == 'attachment; filename="CWG-COP-21-5-E.pdf"'
    assert response["ETag"] == f'"{stored("en").sha256}"'
    assert response["Last-Modified"] == LAST_MODIFIED
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"] == "public, max-age=86400, immutable"


def test_download_of_chinese_named_file_carries_utf8_name(client: Client, published: Document) -> None:
    response = client.get("/files/CWG-COP-21/5/rev0/zh-hans/")
    assert response["Content-Disposition"] == (
        "attachment; filename=\"download.pdf\"; filename*=UTF-8''"
        "%E4%BF%9D%E6%8A%A4%E4%B8%8A%E7%BD%91%E5%84%BF%E7%AB%A5.pdf"
    )
    assert body(response) == stored_bytes("zh-hans")


def test_download_of_arabic_named_file_carries_utf8_name(client: Client, published: Document) -> None:
    response = client.get("/files/CWG-COP-21/5/rev0/ar/")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"download.docx\"; filename*=UTF-8''"
        "%D8%AD%D9%85%D8%A7%D9%8A%D8%A9%20%D8%A7%D9%84%D8%A3%D8%B7%D9%81%D8%A7%D9%84%20"
        "%D8%B9%D9%84%D9%89%20%D8%A7%D9%84%D8%A5%D9%86%D8%AA%D8%B1%D9%86%D8%AA.docx"
    )


def stored_bytes(language: str) -> bytes:
    from cwgcop.documents import storage

    with storage.open_blob(stored(language).storage_key) as handle:
        return bytes(handle.read())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CWG-COP-21-5-E.pdf", 'attachment; filename="CWG-COP-21-5-E.pdf"'),
        (
            "Rapport (révisé).pdf",
            "attachment; filename=\"Rapport (revise).pdf\"; filename*=UTF-8''Rapport%20%28r%C3%A9vis%C3%A9%29.pdf",
        ),
        ('say "hi".pdf', "attachment; filename=\"say _hi_.pdf\"; filename*=UTF-8''say%20%22hi%22.pdf"),
        ("a\\b.txt", "attachment; filename=\"a_b.txt\"; filename*=UTF-8''a%5Cb.txt"),
        ("Отчёт.pdf", "attachment; filename=\"download.pdf\"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.pdf"),
    ],
)
def test_content_disposition_is_ascii_safe(name: str, expected: str) -> None:
    value = content_disposition(name)
    assert value == expected
    value.encode("ascii")


def test_ascii_name_keeps_the_extension() -> None:
    assert ascii_name("儿童.pdf") == "download.pdf"
    assert ascii_name("Café du Commerce.docx") == "Cafe du Commerce.docx"


def test_if_none_match_gives_304_without_body(client: Client, published: Document) -> None:
    etag = f'"{stored("en").sha256}"'
    response = client.get(URL, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Last-Modified"] == LAST_MODIFIED
    assert client.get(URL, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_if_modified_since_gives_304(client: Client, published: Document) -> None:
    assert client.get(URL, headers={"If-Modified-Since": LAST_MODIFIED}).status_code == 304
    assert client.get(URL, headers={"If-Modified-Since": "Thu, 19 Sep 2024 10:00:00 GMT"}).status_code == 200


def test_head_gives_headers_and_no_body(client: Client, published: Document, pdf: bytes) -> None:
    response = client.head(URL)
    assert response.status_code == 200
    assert response.content == b""
    assert not response.streaming
    assert response["Content-Length"] == str(len(pdf))
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{stored("en").sha256}"'
    assert response["Content-Disposition"] == 'attachment; filename="CWG-COP-21-5-E.pdf"'


def test_range_gives_206_with_exact_bytes(client: Client, published: Document, pdf: bytes) -> None:
    response = client.get(URL, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert body(response) == pdf[:100]
    assert response["Content-Range"] == f"bytes 0-99/{len(pdf)}"
    assert response["Content-Length"] == "100"
    assert response["Content-Type"] == "application/pdf"
    middle = client.get(URL, headers={"Range": "bytes=100-199"})
    assert body(middle) == pdf[100:200]


def test_open_ended_range(client: Client, published: Document, pdf: bytes) -> None:
    response = client.get(URL, headers={"Range": "bytes=1000-"})
    assert response.status_code == 206
    assert body(response) == pdf[1000:]
    assert response["Content-Range"] == f"bytes 1000-{len(pdf) - 1}/{len(pdf)}"


def test_suffix_range_gives_the_last_bytes(client: Client, published: Document, pdf: bytes) -> None:
    response = client.get(URL, headers={"Range": "bytes=-50"})
    assert response.status_code == 206
    assert body(response) == pdf[-50:]
    assert response["Content-Range"] == f"bytes {len(pdf) - 50}-{len(pdf) - 1}/{len(pdf)}"


def test_range_past_the_end_is_clipped(client: Client, published: Document, pdf: bytes) -> None:
    response = client.get(URL, headers={"Range": f"bytes=10-{len(pdf) + 1000}"})
    assert response.status_code == 206
    assert body(response) == pdf[10:]


@pytest.mark.parametrize("header", ["bytes={size}-", "bytes={size}-{size}", "bytes=-0"])
def test_unsatisfiable_range_gives_416(client: Client, published: Document, pdf: bytes, header: str) -> None:
    response = client.get(URL, headers={"Range": header.format(size=len(pdf))})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(pdf)}"
    assert response.content == b""


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "items=0-9", "bytes=abc", "bytes=9-0", "bytes=-"])
def test_unusable_range_gives_the_whole_file(client: Client, published: Document, pdf: bytes, header: str) -> None:
    response = client.get(URL, headers={"Range": header})
    assert response.status_code == 200
    assert body(response) == pdf


def test_if_range_with_old_validator_gives_the_whole_file(client: Client, published: Document, pdf: bytes) -> None:
    etag = f'"{stored("en").sha256}"'
    assert client.get(URL, headers={"Range": "bytes=0-9", "If-Range": etag}).status_code == 206
    response = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": '"old"'})
    assert response.status_code == 200
    assert body(response) == pdf


def test_head_with_range(client: Client, published: Document, pdf: bytes) -> None:
    response = client.head(URL, headers={"Range": "bytes=0-9"})
    assert response.status_code == 206
    assert response["Content-Length"] == "10"
    assert response["Content-Range"] == f"bytes 0-9/{len(pdf)}"
    assert response.content == b""


def test_parse_range_values() -> None:
    assert parse_range("bytes=0-0", 10) == (0, 0)
    assert parse_range("bytes=-20", 10) == (0, 9)
    assert parse_range("bytes=10-", 10) is False
    assert parse_range("bytes=5-2", 10) is None


def test_download_latest_redirects_to_current_revision(client: Client, published: Document) -> None:
    response = client.get("/files/CWG-COP-21/5/en/")
    assert response.status_code == 302
    assert response["Location"] == URL
    revise(published, note="Corrected", languages=("en",))
    response = client.get("/files/CWG-COP-21/5/en/")
    assert response["Location"] == "/files/CWG-COP-21/5/rev1/en/"
    assert client.get(response["Location"]).status_code == 200
    # the current revision has no Chinese version: no older text is offered in its place
    assert client.get("/files/CWG-COP-21/5/zh-hans/").status_code == 404
    assert client.get("/files/CWG-COP-21/5/rev0/zh-hans/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/files/CWG-COP-21/5/rev9/en/",
        "/files/CWG-COP-21/5/rev0/fr/",
        "/files/CWG-COP-21/5/rev0/de/",
        "/files/CWG-COP-21/6/rev0/en/",
        "/files/CWG-COP-21/6/en/",
    ],
)
def test_download_of_missing_file_is_404(client: Client, published: Document, url: str) -> None:
    assert client.get(url).status_code == 404


def test_unpublished_revision_files_are_not_downloadable(client: Client, published: Document) -> None:
    from cwgcop.documents import services

    services.start_revision(actor=None, document=published, note="Work in progress")
    upload(published, "en", pdf_bytes("unfinished"), "unfinished.pdf")
    assert client.get("/files/CWG-COP-21/5/rev1/en/").status_code == 404
    assert client.get("/files/CWG-COP-21/5/en/")["Location"] == URL


def test_download_runs_one_query(client: Client, published: Document, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        response = client.get(URL)
    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(moment(2024, 9, 20).timestamp())
