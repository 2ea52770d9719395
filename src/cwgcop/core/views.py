from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.bodies.queries import main_body
from cwgcop.core.cache import public_page
from cwgcop.documents import queries as document_queries
from cwgcop.meetings import queries as meeting_queries


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    body = main_body()
    upcoming = meeting_queries.upcoming()
    recent = meeting_queries.recent()
    if body is not None:
        upcoming = upcoming.filter(body=body)
        recent = recent.filter(body=body)
    return render(
        request,
        "core/home.html",
        {
            "body": body,
            "upcoming": list(upcoming[:3]),
            "recent": list(recent[:5]),
            "latest": document_queries.document_rows(
                document_queries.listed_documents().order_by("-published_at", "-id")[:10]
            ),
        },
    )


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A limit was reached (sign-in, sign-up, password reset through allauth): said in the reader's language."""
    response = render(request, "429.html", status=429)
    response["Cache-Control"] = "no-store"
    return response
