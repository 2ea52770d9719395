"""Addresses and translated values as the API gives them. Every address is absolute, so that machines can follow it.

Addresses are built from the request, so they lead back to the host the client reached (the host is
checked against ``CWGCOP_ALLOWED_HOSTS`` before any view runs).
"""

from __future__ import annotations

from django.http import HttpRequest

from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def translations(obj: object, field: str) -> dict[str, str]:
    """The value of a translated ``field`` in each language it has, by language code."""
    values = {code: getattr(obj, f"{field}_{field_suffix(code)}", "") or "" for code in LANGUAGE_ORDER}
    return {code: text for code, text in values.items() if text}
