"""What happens to an uploaded file before any view sees it: a size limit and the file name as sent.

Out of the box Django keeps every byte of an uploaded file (in memory up to
``FILE_UPLOAD_MAX_MEMORY_SIZE``, then in a temporary file) before a view can look at it, and it quietly
cuts a file name down to its last path component. :class:`UploadGuard`, the first of
``FILE_UPLOAD_HANDLERS``, changes both:

- once a file passes ``CWGCOP_MAX_UPLOAD_BYTES``, its further bytes are counted and dropped as they
  arrive, so an oversized upload is never held whole in memory or on disk; the view receives a
  :class:`HeldBackUpload` carrying only the name and the true size, and the service refuses it with its
  usual, translated message;
- a file name that tries to leave its folder (``../../etc/passwd.pdf``, ``..\\evil.pdf``, control
  characters) reaches the view as the client sent it, again as a content-less :class:`HeldBackUpload`, so
  the service refuses it with a clear message instead of the platform storing the file under a name the
  secretariat never chose.
"""

from __future__ import annotations

import html
import io
import unicodedata
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.http.multipartparser import MultiPartParser


def leaves_its_folder(name: str) -> bool:
    """Whether a file name holds a path, a control character, or is a bare ``.``/``..``."""
    return (
        "/" in name
        or "\\" in name
        or any(unicodedata.category(ch) == "Cc" for ch in name)
        or name.strip() in {".", ".."}
    )


class HeldBackUpload(UploadedFile):
    """An upload whose bytes were not kept: too large, or sent under an unsafe name.

    ``name`` is exactly what the client sent (Django's own upload classes reduce it to its last
    component), so the validators can see and refuse it. Reading it gives no bytes.
    """

    def __init__(self, *, name: str, size: int, content_type: str, charset: str | None) -> None:
        self._client_name = name
        super().__init__(io.BytesIO(), name, content_type, size, charset)

    @property
    def name(self) -> str:
        return self._client_name

    @name.setter
    def name(self, value: str | None) -> None:
        self._client_name = value or ""


class ClientNameParser(MultiPartParser):
    """Django's multipart parser, except that an unsafe file name is passed on as sent (to be refused)."""

    def sanitize_file_name(self, file_name: str) -> str | None:
        unescaped = html.unescape(file_name)
        if leaves_its_folder(unescaped):
            return unescaped
        result: str | None = super().sanitize_file_name(file_name)
        return result


class UploadGuard(FileUploadHandler):
    """Counts each file's bytes and holds back the rest of any file over the limit or with an unsafe name.

    Must come first in ``FILE_UPLOAD_HANDLERS``: returning ``None`` from :meth:`receive_data_chunk`
    keeps a chunk from the handlers after it, which is what stops the memory and disk use.
    """

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.limit = int(settings.CWGCOP_MAX_UPLOAD_BYTES)
        self.received = 0
        self.held_back = False
        self._parsing = False

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],  # noqa: N803 (Django names it so)
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> tuple[Any, Any] | None:
        # Parse with ClientNameParser instead; the handlers it calls include this one again.
        if self._parsing or self.request is None:
            return None
        self._parsing = True
        try:
            parser = ClientNameParser(META, input_data, self.request.upload_handlers, encoding)
            result: tuple[Any, Any] = parser.parse()
            return result
        finally:
            self._parsing = False

    def new_file(self, field_name: str, file_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        self.received = 0
        self.held_back = leaves_its_folder(file_name)
        if self.held_back:
            raise StopFutureHandlers  # no later handler opens a buffer or a temporary file for it

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.held_back = True
        return None if self.held_back else raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if not self.held_back:
            return None
        return HeldBackUpload(
            name=self.file_name or "", size=self.received, content_type=self.content_type or "", charset=self.charset
        )
