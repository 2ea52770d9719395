"""Files in an S3-compatible bucket: the same boto3 calls production makes, against moto's S3 server running as
its own process (tests/s3.py). Uploads, streamed and signed downloads, damaged files, replaced drafts and
``verify_files``."""

from __future__ import annotations

import io
import urllib.request
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from cwgcop.documents import services, storage
from cwgcop.documents.models import DocumentFile
from tests.core.factories import cwg_cop, draft, meeting_21
from tests.factories import pdf_bytes, upload
from tests.s3 import keys, s3_client

pytestmark = pytest.mark.django_db
URL = "/files/CWG-COP-21/9/rev0/en/"


def _publish(content: bytes) -> DocumentFile:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    upload(created, "en", content, "Rapport S3.pdf")
    services.publish_document(actor=None, document=created)
    return DocumentFile.objects.get()


def test_upload_is_stored_in_the_bucket_and_streamed_back(
    client: Client, s3_endpoint: str, s3_bucket: str, media_root: Any
) -> None:
    content = pdf_bytes("stored in the bucket")
    stored = _publish(content)
    assert keys(s3_endpoint, s3_bucket) == [stored.storage_key]
    assert list(media_root.rglob("*")) == []
    response = client.get(URL)
    assert response.status_code == 200
    assert response["ETag"] == f'"{stored.sha256}"'
    assert b"".join(response.streaming_content) == content
    ranged = client.get(URL, HTTP_RANGE="bytes=0-7")
    assert (ranged.status_code, b"".join(ranged.streaming_content)) == (206, content[:8])


def test_signed_download_redirects_to_a_short_lived_address(
    client: Client, s3_endpoint: str, s3_bucket: str, settings: Any
) -> None:
    settings.CWGCOP_S3_SIGNED_URL_SECONDS = 120
    content = pdf_bytes("signed download")
    stored = _publish(content)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    assert location.startswith(f"{s3_endpoint}/{s3_bucket}/{stored.storage_key}?")
    assert "X-Amz-Expires=120" in location
    assert "X-Amz-Signature=" in location
    with urllib.request.urlopen(location, timeout=10) as answer:
        assert answer.read() == content
        assert answer.headers["Content-Disposition"] == 'attachment; filename="Rapport S3.pdf"'


def test_damaged_object_is_refused_and_verify_files_reports_it(
    client: Client, s3_endpoint: str, s3_bucket: str
) -> None:
    content = pdf_bytes("to be damaged")
    stored = _publish(content)
    damaged = bytearray(content)
    damaged[50] ^= 0x01
    client_s3 = s3_client(s3_endpoint)
    client_s3.put_object(Bucket=s3_bucket, Key=stored.storage_key, Body=bytes(damaged))
    response = Client().get(URL)
    assert response.status_code == 500
    assert "ETag" not in response
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("verify_files", stdout=out)
    found = storage.digest(io.BytesIO(bytes(damaged)))[0]
    assert out.getvalue() == f"DAMAGED  {stored.storage_key}: recorded {stored.sha256}, found {found}\n"
    assert str(failed.value) == "1 files checked, 1 missing or damaged, 0 orphans (0 removed)"


def test_replaced_draft_and_orphans_are_removed_from_the_bucket(
    s3_endpoint: str, s3_bucket: str, django_capture_on_commit_callbacks: Any
) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    with django_capture_on_commit_callbacks(execute=True):
        upload(created, "en", pdf_bytes("first"))
        upload(created, "en", pdf_bytes("second"))
    kept = DocumentFile.objects.get().storage_key
    assert keys(s3_endpoint, s3_bucket) == [kept]
    orphan = storage.store(io.BytesIO(pdf_bytes("killed upload")), ".pdf").key
    out = io.StringIO()
    call_command("verify_files", "--delete-orphans", "--orphan-min-age", "0", stdout=out)
    assert out.getvalue() == f"REMOVED  {orphan}\n1 files checked, 0 missing or damaged, 1 orphans (1 removed)\n"
    assert keys(s3_endpoint, s3_bucket) == [kept]


def test_readiness_checks_the_bucket(client: Client, s3_bucket: str) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["storage"]["ok"] is True
