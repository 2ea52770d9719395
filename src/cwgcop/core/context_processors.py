from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_from_path

from cwgcop.core.languages import LANGUAGE_ORDER, current_language, native_name

# Set in the session when a person signs in (accounts.signals) if they hold a staff role: the main navigation
# then shows "Secretariat" without a query on every page.
STAFF_SESSION_KEY = "cwgcop.staff"


def in_language(path: str, code: str) -> str:
    """The same page in language ``code``.

    Pages live under their language's prefix and the URL patterns themselves are not translated, so swapping
    the prefix is enough; that costs nothing, where ``translate_url`` resolves the path again for each language
    (a third of a millisecond each, on every page). A path without a prefix goes through ``translate_url``.
    """
    prefix = get_language_from_path(path)
    if prefix is None:
        return translate_url(path, code)
    return f"/{code}{path[len(prefix) + 1 :]}"


def site(request: HttpRequest) -> dict[str, Any]:
    """The language switcher (links to the same page in each language) and site-wide values."""
    path = request.get_full_path()
    current = current_language()
    switcher = [
        {"code": code, "name_local": native_name(code), "url": in_language(path, code), "current": code == current}
        for code in LANGUAGE_ORDER
    ]
    session = getattr(request, "session", None)
    return {
        "language_switcher": switcher,
        "current_language": current,
        "site_url": settings.SITE_URL,
        "staff_navigation": bool(session is not None and session.get(STAFF_SESSION_KEY)),
    }
