"""The public pages that gather several apps: the home page and the pages of the bodies."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.bodies import queries as body_queries
from cwgcop.consultations import queries as consultation_queries
from cwgcop.core.cache import public_page
from cwgcop.documents import queries as document_queries
from cwgcop.meetings import queries as meeting_queries


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    body = body_queries.main_body()
    upcoming = meeting_queries.upcoming()
    recent = meeting_queries.recent()
    if body is not None:
        upcoming = upcoming.filter(body=body)
        recent = recent.filter(body=body)
    return render(
        request,
        "site/home.html",
        {
            "body": body,
            "upcoming": list(upcoming[:3]),
            "recent": list(recent[:5]),
            # Children and young people find a consultation that takes answers from the first page.
            "consultations": list(consultation_queries.open_consultations()[:3]),
            "latest": document_queries.document_rows(
                document_queries.listed_documents().order_by("-published_at", "-id")[:10]
            ),
        },
    )


@require_safe
@public_page
def body_list(request: HttpRequest) -> HttpResponse:
    return render(request, "site/bodies/list.html", {"bodies": body_queries.bodies()})


@require_safe
@public_page
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = body_queries.bodies().filter(slug=slug).first()
    if body is None:
        raise Http404
    return render(
        request,
        "site/bodies/detail.html",
        {
            "body": body,
            "meetings": meeting_queries.public_meetings().filter(body=body)[:20],
            "documents": document_queries.document_rows(
                document_queries.listed_documents().filter(body=body).order_by("-published_at", "-id")[:10]
            ),
        },
    )
