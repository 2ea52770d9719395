from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.bodies import queries
from cwgcop.core.cache import public_page
from cwgcop.documents import queries as document_queries
from cwgcop.meetings import queries as meeting_queries


@require_safe
@public_page
def body_list(request: HttpRequest) -> HttpResponse:
    return render(request, "bodies/list.html", {"bodies": queries.bodies()})


@require_safe
@public_page
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = queries.bodies().filter(slug=slug).first()
    if body is None:
        raise Http404
    return render(
        request,
        "bodies/detail.html",
        {
            "body": body,
            "meetings": meeting_queries.public_meetings().filter(body=body)[:20],
            "documents": document_queries.document_rows(
                document_queries.listed_documents().filter(body=body).order_by("-published_at", "-id")[:10]
            ),
        },
    )
