from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url

from cwgcop.core.languages import LANGUAGE_ORDER, current_language, native_name


def site(request: HttpRequest) -> dict[str, Any]:
    """The language switcher (links to the same page in each language) and site-wide values."""
    path = request.get_full_path()
    switcher = []
    for code in LANGUAGE_ORDER:
        switcher.append(
            {
                "code": code,
                "name_local": native_name(code),
                "url": translate_url(path, code),
                "current": code == current_language(),
            }
        )
    return {
        "language_switcher": switcher,
        "current_language": current_language(),
        "site_url": settings.SITE_URL,
    }
