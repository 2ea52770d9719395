"""Permanent redirects from the old address of a page that moved, registered where the old address lived."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.urls import URLPattern, path
from django.views.generic import RedirectView


class MovedView(RedirectView):
    """301 for reading, 308 for the other methods (a form posted to the old address is posted again, not lost)."""

    permanent = True
    query_string = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        url = self.get_redirect_url(*args, **kwargs)
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in {"GET", "HEAD"} and url:
            response.status_code = 308
        return response

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return self.get(request, *args, **kwargs)


def moved(route: str, to: str) -> URLPattern:
    """The old ``route`` answers with a permanent redirect to the pattern named ``to`` (same arguments, query kept)."""
    return path(route, MovedView.as_view(pattern_name=to))
