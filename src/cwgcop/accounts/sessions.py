"""Staff sessions end sooner: after ``CWGCOP_STAFF_SESSION_IDLE_MINUTES`` without a request (default 30) and
``CWGCOP_STAFF_SESSION_MAX_HOURS`` after signing in (default 12), whatever the activity.

A session is a staff session once its user signs in holding a staff role, or is let into a staff page (a role
granted during a session). Other sessions keep Django's two weeks. The times are kept in the session itself,
so they hold with any session backend; the last request's time is written at most once a minute.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _

STAFF_KEY = "cwgcop_staff_session"
SIGNED_IN_KEY = "cwgcop_signed_in_at"
SEEN_KEY = "cwgcop_seen_at"
SEEN_RESOLUTION_SECONDS = 60


def _idle_seconds() -> int:
    return int(settings.CWGCOP_STAFF_SESSION_IDLE_MINUTES) * 60


def _max_seconds() -> int:
    return int(settings.CWGCOP_STAFF_SESSION_MAX_HOURS) * 3600


def mark_staff_session(request: HttpRequest) -> None:
    """Make the session of a staff-role holder a staff session (idempotent)."""
    session = request.session
    if session.get(STAFF_KEY):
        return
    now = int(time.time())
    session[STAFF_KEY] = True
    session.setdefault(SIGNED_IN_KEY, now)
    session[SEEN_KEY] = now
    session.set_expiry(_idle_seconds())


def start(request: HttpRequest, *, staff: bool) -> None:
    """At every sign-in (``accounts.signals``): the clock of the absolute limit starts, for staff with the limits."""
    request.session[SIGNED_IN_KEY] = int(time.time())
    if staff:
        mark_staff_session(request)


def expired(request: HttpRequest, now: int) -> str | None:
    """Why the staff session of ``request`` has ended, or None while it lasts."""
    session = request.session
    if not session.get(STAFF_KEY):
        return None
    if now - int(session.get(SIGNED_IN_KEY, now)) > _max_seconds():
        return _("Your session has ended: staff sessions last at most %(hours)s hours. Sign in again.") % {
            "hours": settings.CWGCOP_STAFF_SESSION_MAX_HOURS
        }
    if now - int(session.get(SEEN_KEY, now)) > _idle_seconds():
        return _("Your session has ended after %(minutes)s minutes without activity. Sign in again.") % {
            "minutes": settings.CWGCOP_STAFF_SESSION_IDLE_MINUTES
        }
    return None


class StaffSessionExpiryMiddleware:
    """Sign out a staff session past its limits before anything runs (the request goes on signed out: a staff
    page then asks to sign in); otherwise note the request's time."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            now = int(time.time())
            reason = expired(request, now)
            if reason is not None:
                logout(request)
                messages.info(request, reason)
            elif request.session.get(STAFF_KEY) and now - request.session[SEEN_KEY] >= SEEN_RESOLUTION_SECONDS:
                request.session[SEEN_KEY] = now
                request.session.set_expiry(_idle_seconds())
        return self.get_response(request)
