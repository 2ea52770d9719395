"""The public search page: ``/<lang>/search/?q=…`` with the archive's filters. No login."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.core.cache import public_page
from cwgcop.core.refusals import form_status, refusal_on_form
from cwgcop.search import services
from cwgcop.search.forms import FILTER_FIELDS, SearchForm

PAGE_SIZE = 20


@require_safe
@public_page
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict[str, object] = {"form": form, "searched": bool(request.GET.get("q", "").strip())}
    if form.is_valid() and context["searched"]:
        number = _page_number(request)
        # A search the engine cannot run (no words, only operators) is shown above the results.
        with refusal_on_form(form):
            result = services.search(
                text=form.cleaned_data["q"],
                filters=form.filters(),
                limit=PAGE_SIZE,
                offset=(number - 1) * PAGE_SIZE,
            )
            context.update(
                result=result,
                page=Paginator(range(result.total), PAGE_SIZE).get_page(number),
                query=_without(request, "page"),
                unfiltered=_without(request, "page", *FILTER_FIELDS),
            )
            spelling = services.spelling_suggestion(result)
            if spelling is not None:
                context.update(spelling=spelling, spelling_query=_replaced(request, q=spelling.text))
            if not result.results and result.offset == 0:
                tried = services.suggestions(result)
                context.update(
                    suggestions=tried,
                    fewer_words=_replaced(request, q=tried.fewer_words) if tried.fewer_words else "",
                    other_languages=_without(request, "page", "language"),
                )
    return render(request, "search/search.html", context, status=form_status(form))


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        return 1


def _without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _replaced(request: HttpRequest, **values: str) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in values.items():
        query[name] = value
    return query.urlencode()
