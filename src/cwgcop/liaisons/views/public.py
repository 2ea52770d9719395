"""The public liaison register, statement pages with their threads, and the workplan. No login anywhere."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.core.cache import public_page
from cwgcop.documents.rows import rows_of
from cwgcop.liaisons import queries
from cwgcop.liaisons.filters import RegisterFilter

PAGE_SIZE = 25
FILTERS = ("direction", "body", "purpose", "state", "year")


@require_safe
@public_page
def register(request: HttpRequest) -> HttpResponse:
    register_filter = RegisterFilter(request.GET, queryset=queries.public_statements())
    paginator = Paginator(register_filter.qs, PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "liaisons/register.html",
        {
            "filter": register_filter,
            "page": paginator.get_page(request.GET.get("page")),
            "query": query.urlencode(),
            "active_filters": any(request.GET.get(name) for name in FILTERS),
        },
    )


@require_safe
@public_page
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = queries.public_statement(pk)
    if statement is None:
        raise Http404
    return render(
        request,
        "liaisons/detail.html",
        {
            "statement": statement,
            "attachments": rows_of(statement.attachments.all()),
            "thread": queries.thread(statement),
        },
    )


@require_safe
@public_page
def workplan(request: HttpRequest) -> HttpResponse:
    return render(request, "liaisons/workplan.html", {"deliverables": list(queries.deliverables())})


@require_safe
@public_page
def deliverable_detail(request: HttpRequest, slug: str) -> HttpResponse:
    deliverable = queries.deliverable(slug)
    if deliverable is None:
        raise Http404
    return render(request, "liaisons/deliverable.html", {"deliverable": deliverable})
