"""The consultation pages: public (children's), staff and secretariat (moderation, the consultation's record),
sharing (signed links for focal points). What more than one of them needs is here.
"""

from __future__ import annotations

from django.http import HttpResponse


def no_store(response: HttpResponse) -> HttpResponse:
    """Mark a page that must never be kept by a browser or a proxy (staff pages, shared packages)."""
    response["Cache-Control"] = "private, no-store"
    return response
