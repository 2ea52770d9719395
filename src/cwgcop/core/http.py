"""HTTP helpers: the client's address behind trusted proxies, and streaming stored files with the headers
downloads need (name, type, validators and byte ranges)."""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024
# Characters a quoted file name may hold unescaped in every browser (RFC 6266 §4.3 advises plain ASCII).
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9 !#$&'()+,.;=@\[\]^_`{}~-]+$")
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9 !#$&'()+,.;=@\[\]^_`{}~-]")
# RFC 8187 attr-char: what may stand unescaped in an extended (filename*) value.
_ATTR_CHARS = "!#$&+-.^_`|~"
_VALIDATORS = ("ETag", "Last-Modified", "Cache-Control")
_FILE_HEADERS = ("Accept-Ranges", "Content-Disposition")


IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Set on the request by client_address, so the headers are read once per request.
_CLIENT_ATTRIBUTE = "_cwgcop_client_address"


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``) on every response: camera, microphone, location
    and the other powerful browser features are off for every page, and for anything a page could embed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.policy)
        return response


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def trusted_proxy_networks() -> tuple[IPNetwork, ...]:
    """The networks of ``CWGCOP_TRUSTED_PROXIES`` (addresses and CIDR networks)."""
    return _networks(tuple(settings.CWGCOP_TRUSTED_PROXIES))


def parse_address(text: str) -> IPAddress | None:
    """An address as a proxy writes it (``203.0.113.9``, ``2001:db8::1``, ``[2001:db8::1]:443``, ``…:8080``)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]  # IPv4 with a port
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The address of the person making the request: the one notion every rate limit uses.

    ``REMOTE_ADDR`` unless that peer is a trusted proxy (``CWGCOP_TRUSTED_PROXIES``); then ``X-Forwarded-For``
    is read from the right, skipping trusted hops, and the first address that is not a trusted proxy is the
    client. A hop that is not an address stops the walk at the last trusted one: only the proxies' own entries
    (on the right) are believed, never what a client wrote on the left.
    """
    known = getattr(request, _CLIENT_ATTRIBUTE, None)
    if known is not None:
        return str(known)
    peer_text = str(request.META.get("REMOTE_ADDR", "") or "")
    peer = parse_address(peer_text)
    networks = trusted_proxy_networks()
    client = str(peer) if peer is not None else peer_text
    if peer is not None and networks and _trusted(peer, networks):
        forwarded = [hop for hop in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",") if hop.strip()]
        for hop in reversed(forwarded):
            address = parse_address(hop)
            if address is None:
                break
            client = str(address)
            if not _trusted(address, networks):
                break
    setattr(request, _CLIENT_ATTRIBUTE, client)
    return client


def content_disposition(filename: str, *, as_attachment: bool = True) -> str:
    """``attachment; filename="…"`` and, when the name is not plain ASCII, ``filename*=UTF-8''…`` too.

    The extended form carries the exact name (Chinese, Arabic, accents) for every current browser; the
    plain form before it is an ASCII approximation for old clients (RFC 6266 §4.3).
    """
    disposition = "attachment" if as_attachment else "inline"
    if _PLAIN_NAME.fullmatch(filename):
        return f'{disposition}; filename="{filename}"'
    return f"{disposition}; filename=\"{ascii_name(filename)}\"; filename*=UTF-8''{quote(filename, safe=_ATTR_CHARS)}"


def ascii_name(filename: str) -> str:
    """An ASCII stand-in for ``filename``: accents dropped, other characters replaced, the extension kept."""
    path = PurePosixPath(filename)
    stem = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode("ascii")
    stem = _NOT_PLAIN.sub("_", stem).strip(" .")
    suffix = _NOT_PLAIN.sub("_", unicodedata.normalize("NFKD", path.suffix).encode("ascii", "ignore").decode("ascii"))
    if not stem.replace("_", ""):
        stem = "download"
    return f"{stem}{suffix}"


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """The (first, last) byte of a single-range header; ``None`` to ignore it; ``False`` if unsatisfiable."""
    match = RANGE_RE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None  # several ranges or a syntax we do not serve: answer with the whole file
    start_text, end_text = match.groups()
    if not start_text:
        return _suffix_range(int(end_text), size)
    start = int(start_text)
    if end_text and int(end_text) < start:
        return None  # a range whose end comes before its start is invalid: ignored (RFC 9110 §14.1.1)
    if start >= size:
        return False
    return start, min(int(end_text) if end_text else size - 1, size - 1)


def _suffix_range(length: int, size: int) -> tuple[int, int] | bool:
    """``bytes=-N``: the last N bytes (the whole file when it is shorter)."""
    if length == 0 or size == 0:
        return False
    return max(size - length, 0), size - 1


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
    open_stream: Callable[[], IO[bytes]],
    size: int,
    filename: str,
    content_type: str,
    etag: str,
    last_modified: float,
    as_attachment: bool = True,
) -> HttpResponseBase:
    """The whole file (200), the requested range (206), 416 when the range is impossible, 304 when unchanged.

    ``open_stream`` is called for every answer that describes the file (200, 206, and HEAD, which closes it at
    once), so a stream that checks the bytes as it opens refuses before any header claims them; a 304 and a 416
    never open the file.
    """
    headers = HttpResponse()
    headers["Accept-Ranges"] = "bytes"
    headers["Content-Disposition"] = content_disposition(filename, as_attachment=as_attachment)
    headers["ETag"] = f'"{etag}"'
    headers["Last-Modified"] = http_date(last_modified)
    headers["Cache-Control"] = "public, max-age=86400, immutable"
    conditional = get_conditional_response(request, etag=headers["ETag"], last_modified=int(last_modified))
    if conditional is not None:
        return _with_headers(conditional, headers)
    wanted = _wanted_range(request, size, headers)
    if wanted is False:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return _with_headers(refused, headers)
    start, end = wanted if isinstance(wanted, tuple) else (0, size - 1)
    length = end - start + 1
    stream = open_stream()
    response: HttpResponseBase
    if request.method == "HEAD":
        stream.close()
        response = HttpResponse(status=206 if wanted else 200)
    elif wanted:
        response = StreamingHttpResponse(_read_range(stream, start, length), status=206)
    else:
        response = FileResponse(stream)
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Type"] = content_type
    response["Content-Length"] = str(length)
    return _with_headers(response, headers)


def _wanted_range(request: HttpRequest, size: int, headers: HttpResponse) -> tuple[int, int] | bool | None:
    range_header = request.headers.get("Range", "")
    if not range_header:
        return None
    if_range = request.headers.get("If-Range", "")
    if if_range and if_range not in {headers["ETag"], headers["Last-Modified"]}:
        return None  # the reader's partial copy is of another version: send the whole file
    return parse_range(range_header, size)


def _with_headers(response: HttpResponseBase, headers: HttpResponse) -> HttpResponseBase:
    names = _VALIDATORS if response.status_code in {304, 412} else (*_VALIDATORS, *_FILE_HEADERS)
    for name in names:
        response[name] = headers[name]
    return response
