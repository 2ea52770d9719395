"""View helpers that check a named permission (see each app's ``rules.py``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def require_permission(name: str) -> Callable[[V], V]:
    """Send anonymous users to the login page; refuse signed-in users without ``name`` (403)."""

    def decorator(view: V) -> V:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(name):
                raise PermissionDenied
            response = view(request, *args, **kwargs)
            response.headers["Cache-Control"] = "private, no-store"
            return response

        # Read by the test that proves every view needing a staff permission is mounted under ``staff``.
        wrapped.required_permission = name  # type: ignore[attr-defined]
        return cast(V, wrapped)

    return decorator


def check_object_permission(request: HttpRequest, name: str, obj: Any) -> None:
    if not request.user.has_perm(name, obj):
        raise PermissionDenied
