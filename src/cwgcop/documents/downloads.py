"""Sending stored files: checked against their recorded SHA-256 before any byte leaves, or handed to the object
store through a short-lived signed address."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render

from cwgcop.core.http import content_disposition, file_response
from cwgcop.documents import storage
from cwgcop.documents.models import DocumentFile

logger = logging.getLogger("cwgcop.files")


def serve_blob(
    request: HttpRequest,
    *,
    key: str,
    sha256: str,
    size: int,
    filename: str,
    content_type: str,
    last_modified: float,
    public: bool = True,
) -> HttpResponseBase:
    """The stored file with its name, validators and ranges (``core.http.file_response``).

    The bytes are hashed before the answer: a file whose SHA-256 is not the recorded one (or that is gone) is
    refused with a 500 page that says so, and logged at ERROR, so a damaged copy is never served as the published
    one nor described by its old ETag. With ``CWGCOP_S3_SIGNED_URL_SECONDS`` set, a public file is instead a
    redirect to the object store's signed address (``cwgcop verify_files`` checks those files).
    """
    if public and settings.CWGCOP_S3_SIGNED_URL_SECONDS:
        return _signed_redirect(key, filename, content_type)
    try:
        response = file_response(
            request,
            open_stream=lambda: storage.open_verified(key, sha256),
            size=size,
            filename=filename,
            content_type=content_type,
            etag=sha256,
            last_modified=last_modified,
        )
    except storage.DamagedFileError as error:
        logger.error("file %s is damaged (recorded SHA-256 %s, found %s): not served", key, sha256, error.found)
        return render(request, "documents/damaged_file.html", status=500)
    if not public:
        response["Cache-Control"] = "private, no-store"
    return response


def serve_document_file(
    request: HttpRequest, stored: DocumentFile, *, last_modified: float, public: bool = True
) -> HttpResponseBase:
    """One language version of a document, under the name it was uploaded with (``serve_blob``)."""
    return serve_blob(
        request,
        key=stored.storage_key,
        sha256=stored.sha256,
        size=stored.size,
        filename=stored.original_name,
        content_type=stored.media_type,
        last_modified=last_modified,
        public=public,
    )


def _signed_redirect(key: str, filename: str, content_type: str) -> HttpResponseBase:
    url = default_storage.url(  # type: ignore[call-arg]
        key,
        parameters={"ResponseContentDisposition": content_disposition(filename), "ResponseContentType": content_type},
        expire=settings.CWGCOP_S3_SIGNED_URL_SECONDS,
    )
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response
