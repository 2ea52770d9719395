"""Whole-page caching of anonymous public pages, invalidated whenever the archive changes.

Views marked :func:`public_page` may be cached; :class:`PageCacheMiddleware`, first in the middleware stack,
stores their *finished* response (with every header the stack added: security headers, CSP, language, Vary).
The next anonymous reader of the same URL is answered from the cache by :class:`PageCacheApp`, the WSGI front of
``cwgcop.wsgi`` (gunicorn and ``runserver`` both serve it), before Django's handler runs at all; Django's test
client, which has no front, is answered by the middleware. That is what makes a cached page cheap
(docs/benchmarks.md).

A page is cached only for a reader with no session cookie and no pending messages (the messages
framework keeps them in a cookie; a page showing them is that reader's alone), only when the response
sets no cookie, hands out no CSRF token and is not private, and under a key that carries the *archive
generation*: every service that changes what public pages show calls :func:`bump_archive_generation`
after its transaction commits, which makes every cached page unreachable at once. With several server
processes the cache must be shared (Redis, ``CWGCOP_REDIS_URL``) for invalidation to reach them all.

Two tiers: the shared cache holds every stored page, and each process keeps the pages it served last in its own
memory (``CWGCOP_PAGE_CACHE_LOCAL_PAGES``), with the generation it last read from the shared cache. A process
reads the generation again when its copy is older than ``CWGCOP_PAGE_CACHE_GENERATION_SECONDS`` (default 1 s):
a change made through another process shows there within that time, a change made here at once. Without this a
cached page costs two round trips to Redis, which is most of its price.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import wraps
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse

GENERATION_KEY = "archive-generation"
# Set in request.META by @public_page: the middleware may store this request's finished response.
PUBLIC_PAGE = "cwgcop.public_page"
V = TypeVar("V", bound=Callable[..., HttpResponseBase])


# A stored page: status, headers and body, as the response left the middleware stack.
StoredPage = tuple[int, list[tuple[str, str]], bytes]


class _ProcessCopy:
    """This process's recent pages and its last reading of the archive generation (shared by its threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.read_at = float("-inf")
        self.pages: OrderedDict[str, StoredPage] = OrderedDict()

    def remember_generation(self, generation: int) -> None:
        with self.lock:
            if generation != self.generation:
                self.pages.clear()
            self.generation, self.read_at = generation, time.monotonic()

    def get(self, key: str) -> StoredPage | None:
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage) -> None:
        limit = settings.PAGE_CACHE_LOCAL_PAGES
        if limit <= 0:
            return
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > limit:
                self.pages.popitem(last=False)


_local = _ProcessCopy()


def archive_generation() -> int:
    """The current archive generation: this process's copy while it is fresh enough, else the shared one."""
    if time.monotonic() - _local.read_at < settings.PAGE_CACHE_GENERATION_SECONDS:
        return _local.generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        first = time.time_ns()
        cache.add(GENERATION_KEY, first, timeout=None)
        generation = cache.get(GENERATION_KEY, first)  # another process may have added its own first
    _local.remember_generation(int(generation))
    return int(generation)


def bump_archive_generation() -> None:
    """Make every cached public page stale. Call it once the change is committed.

    Robust: the change is committed whatever happens here, so a failure is logged and never reaches the
    request (with Redis down the backend already answers without raising; see core.cache_backend).
    """

    def bump() -> None:
        try:
            generation = cache.incr(GENERATION_KEY)
        except ValueError:
            generation = time.time_ns()
            cache.set(GENERATION_KEY, generation, timeout=None)
        _local.remember_generation(int(generation))

    transaction.on_commit(bump, robust=True)


def forget_local_pages() -> None:
    """Drop this process's copies (the shared cache is untouched); for tests that empty the shared cache."""
    with _local.lock:
        _local.pages.clear()
        _local.read_at = float("-inf")


def _request_is_cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        # SecurityMiddleware, further in, sends plain HTTP to HTTPS when told to: the cache must not answer first.
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
    )


def _response_is_cacheable(request: HttpRequest, response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        # A page holding a CSRF token holds this reader's token (its cookie is set after the view).
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "streaming", False)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _varies_by_cookie(response: HttpResponseBase) -> HttpResponseBase:
    """Tell shared caches (a CDN, nginx) that a signed-in reader gets another page at the same address."""
    patch_vary_headers(response, ["Cookie"])
    return response


def page_key(request: HttpRequest) -> str:
    """The URL, in the language LocaleMiddleware will choose for it (from the path, else the cookie or the
    Accept-Language header), and its scheme (HTTPS pages carry HSTS), under the current archive generation."""
    url = request.get_full_path()
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    language = translation.get_language_from_request(request, check_path=True)
    return f"page:{archive_generation()}:{request.scheme}:{language}:{digest}"


def _stored(key: str) -> StoredPage | None:
    stored = _local.get(key)
    if stored is None:
        stored = cache.get(key)
        if stored is not None:
            _local.put(key, stored)
    return stored


# Set in the WSGI environ by PageCacheApp on a miss: the key it looked up, so the middleware need not again.
MISSED_KEY = "cwgcop.page_cache_missed"


def lookup(request: HttpRequest) -> tuple[str | None, StoredPage | None]:
    """The page-cache key of this request (None when it may not be cached) and the page stored under it."""
    if not _request_is_cacheable(request):
        return None, None
    missed = request.META.get(MISSED_KEY)
    if missed is not None:
        return missed, None
    request.get_host()  # a Host that ALLOWED_HOSTS refuses gets its 400, never a cached page
    key = page_key(request)
    return key, _stored(key)


def public_page(view: V) -> V:
    """Let :class:`PageCacheMiddleware` serve ``view`` to anonymous readers from the page cache."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        request.META[PUBLIC_PAGE] = True
        return _varies_by_cookie(view(request, *args, **kwargs))

    return cast(V, wrapped)


class PageCacheMiddleware:
    """Store the finished responses of :func:`public_page` views, and answer anonymous readers from them.

    First in ``MIDDLEWARE``, so a stored page carries every header the stack adds (security headers, CSP,
    language, Vary) and a cached answer skips the whole stack. Behind :class:`PageCacheApp` (production) it
    answers only what that front could not, such as a page stored in the meantime.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key, stored = lookup(request)
        if stored is not None:
            return _response(stored)
        response = self.get_response(request)
        if key is not None and request.META.get(PUBLIC_PAGE) and _response_is_cacheable(request, response):
            stored = (response.status_code, list(response.items()), cast(HttpResponse, response).content)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            _local.put(key, stored)
        return response


def _response(stored: StoredPage) -> HttpResponse:
    status, headers, body = stored
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response.headers[name] = value
    return response


class PageCacheApp:
    """The WSGI application behind a front that answers cached pages before Django's request handling.

    A cached page through the whole handler costs about 0.2 ms of Python (request signals, the request and
    response objects, the middleware chain); answered here it costs the lookup alone. Anything unusual (a
    refused Host, a malformed request) goes on to Django, which answers it as it always does.
    """

    def __init__(self, application: WSGIHandler) -> None:
        self.application = application

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            # A copy: WSGIRequest writes the decoded path back into the environ it is given (META is the
            # environ), and Django's handler must still find the raw PATH_INFO the server sent.
            key, stored = lookup(WSGIRequest(dict(environ)))
        except Exception:  # Django's handler gives the proper answer (400, 500) to a bad request
            key, stored = None, None
        if stored is None:
            if key is not None:
                environ[MISSED_KEY] = key
            return self.application(environ, start_response)
        status, headers, body = stored
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]
