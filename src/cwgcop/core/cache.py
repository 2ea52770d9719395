"""Whole-page caching of anonymous public pages, invalidated whenever the archive changes.

A page is cached only for a reader with no session cookie and no pending messages (the messages
framework keeps them in a cookie; a page showing them is that reader's alone), only when the response
sets no cookie, hands out no CSRF token and is not private, and under a key that carries the *archive
generation*: every service that changes what public pages show calls :func:`bump_archive_generation`
after its transaction commits, which makes every cached page unreachable at once. With several server
processes the cache must be shared (Redis, ``CWGCOP_REDIS_URL``) for invalidation to reach them all.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers

from cwgcop.core.languages import current_language

GENERATION_KEY = "archive-generation"
V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def archive_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return int(generation)


def bump_archive_generation() -> None:
    """Make every cached public page stale. Call it once the change is committed."""

    def bump() -> None:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)

    transaction.on_commit(bump)


def _request_is_cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
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
    url = request.get_full_path()
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{archive_generation()}:{current_language()}:{digest}"


def public_page(view: V) -> V:
    """Serve ``view`` from the page cache to anonymous readers; fill the cache on a miss."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _request_is_cacheable(request):
            return _varies_by_cookie(view(request, *args, **kwargs))
        key = page_key(request)
        cached = cache.get(key)
        if cached is not None:
            return _varies_by_cookie(cast(HttpResponse, cached))
        response = view(request, *args, **kwargs)

        def store(rendered: HttpResponseBase) -> None:
            if _response_is_cacheable(request, rendered):
                cache.set(key, rendered, settings.PAGE_CACHE_SECONDS)

        if hasattr(response, "add_post_render_callback") and not getattr(response, "is_rendered", True):
            response.add_post_render_callback(store)
        else:
            store(response)
        return _varies_by_cookie(response)

    return cast(V, wrapped)
