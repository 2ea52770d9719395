"""Streaming stored files with the headers downloads need: name, type, validators and byte ranges."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header, http_date

RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """The (first, last) byte of a single-range header; ``None`` to ignore it; ``False`` if unsatisfiable."""
    match = RANGE_RE.match(header.strip())
    if not match:
        return None  # several ranges or a syntax we do not serve: answer with the whole file
    start_text, end_text = match.groups()
    if not start_text and not end_text:
        return None
    if not start_text:
        length = int(end_text)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(start_text)
    end = int(end_text) if end_text else size - 1
    if start >= size or end < start:
        return False
    return start, min(end, size - 1)


def _read_range(stream: IO[bytes], start: int, length: int) -> Iterator[bytes]:
    try:
        stream.seek(start)
        remaining = length
        while remaining > 0:
            chunk = stream.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        stream.close()


def file_response(
    request: HttpRequest,
    *,
    stream: IO[bytes],
    size: int,
    filename: str,
    content_type: str,
    etag: str,
    last_modified: float,
    as_attachment: bool = True,
) -> HttpResponse | StreamingHttpResponse | FileResponse:
    """A 200 with the whole file or a 206 with the requested range; 416 when the range is impossible."""
    disposition = content_disposition_header(as_attachment, filename) or "attachment"
    quoted_etag = f'"{etag}"'
    range_header = request.headers.get("Range", "")
    if_range = request.headers.get("If-Range", "")
    wanted = parse_range(range_header, size) if range_header else None
    if if_range and if_range != quoted_etag and if_range != http_date(last_modified):
        wanted = None
    response: HttpResponse | StreamingHttpResponse | FileResponse
    if wanted is False:
        stream.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif isinstance(wanted, tuple):
        start, end = wanted
        response = StreamingHttpResponse(_read_range(stream, start, end - start + 1), status=206)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
        response["Content-Type"] = content_type
    else:
        response = FileResponse(stream, content_type=content_type)
        response["Content-Length"] = str(size)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = disposition
    response["ETag"] = quoted_etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=86400, immutable"
    return response
