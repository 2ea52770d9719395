"""The one gate of the staff area: sign-in, a staff role and two-factor authentication before any staff page runs.

Every staff page is mounted under the ``staff`` URL namespace (``site/staff_urls.py``, one nested namespace per app);
the Django admin is matched by its ``admin`` namespace. Per-object permissions stay in the views (``has_perm``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from cwgcop.accounts.mfa import has_totp, needs_mfa_setup
from cwgcop.accounts.rules import holds_staff_role
from cwgcop.accounts.sessions import mark_staff_session

# URL namespaces whose pages are staff pages.
STAFF_NAMESPACES = frozenset({"staff", "admin"})
# Account pages (not staff pages: anyone signed in uses them) that a staff-role holder may use only with two-factor
# authentication set up: an API token acts with the holder's roles, so it must not be easier to get than a staff page.
MFA_FOR_STAFF_ROLES = frozenset({"accounts:tokens", "accounts:token-revoke"})
READING = frozenset({"GET", "HEAD"})


def is_staff_page(request: HttpRequest) -> bool:
    match = request.resolver_match
    return bool(match and STAFF_NAMESPACES & set(match.namespaces))


def _mfa_refusal(request: HttpRequest) -> HttpResponseBase:
    message = _("Your role needs two-factor authentication. Set up an authenticator app to continue.")
    if request.method not in READING:
        # Nothing is written: a form posted before the set-up is refused, not carried out.
        return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")
    messages.warning(request, message)
    return redirect("mfa_activate_totp")


class StaffAccessMiddleware:
    """Refuse a staff page before its view runs unless the user is signed in, holds a staff role and uses 2FA."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponseBase | None:
        user = request.user
        if is_staff_page(request):
            if not user.is_authenticated:
                if request.method in READING:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            if not holds_staff_role(user):
                raise PermissionDenied
            mark_staff_session(request)  # a role granted during the session: its limits apply from now
            return None if has_totp(user) else _mfa_refusal(request)
        match = request.resolver_match
        if match and match.view_name in MFA_FOR_STAFF_ROLES and user.is_authenticated and needs_mfa_setup(user):
            return _mfa_refusal(request)
        return None
