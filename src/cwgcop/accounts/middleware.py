"""Staff pages refuse to work until a staff member has set up two-factor authentication."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from cwgcop.accounts.mfa import needs_mfa_setup

# URL namespaces whose pages count as staff pages (the Django admin is matched by its namespace too).
STAFF_NAMESPACES = frozenset({"staff", "admin"})


def requires_mfa(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Mark a view outside the staff namespace whose use by staff needs two-factor authentication."""
    view.requires_staff_mfa = True  # type: ignore[attr-defined]
    return view


def is_staff_page(request: HttpRequest, view: Any) -> bool:
    match = request.resolver_match
    namespaces = set(match.namespaces) if match else set()
    return bool(namespaces & STAFF_NAMESPACES) or getattr(view, "requires_staff_mfa", False)


class StaffMfaMiddleware:
    """Send a staff member without an authenticator app to set one up before any staff page answers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponseBase | None:
        user = request.user
        if not user.is_authenticated or not is_staff_page(request, view) or not needs_mfa_setup(user):
            return None
        message = _("Your role needs two-factor authentication. Set up an authenticator app to continue.")
        if request.method not in {"GET", "HEAD"}:
            # Nothing is written: a form posted before the set-up is refused, not carried out.
            return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
        messages.warning(request, message)
        return redirect("mfa_activate_totp")
