"""The meeting's public record: the register of action items (page and CSV) and one action item."""

from __future__ import annotations

import csv

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from cwgcop.core.cache import public_page
from cwgcop.meetings import queries
from cwgcop.meetings.filters import ActionFilter
from cwgcop.meetings.models import ActionItem

PAGE_SIZE = 50


def _filtered(request: HttpRequest) -> ActionFilter:
    return ActionFilter(request.GET or None, queryset=queries.action_register())


@require_safe
@public_page
def action_register(request: HttpRequest) -> HttpResponse:
    action_filter = _filtered(request)
    page = Paginator(action_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/actions.html",
        {"filter": action_filter, "page": page, "query": query.urlencode()},
    )


CSV_COLUMNS = (
    "reference",
    "raised_at",
    "outcome",
    "description",
    "owner",
    "due",
    "status",
    "closed_at_meeting",
    "evidence",
    "note",
    "url",
)


def _csv_row(item: ActionItem, site_url: str) -> list[str]:
    evidence = ""
    if item.evidence_document is not None:
        evidence = item.evidence_document.symbol
    elif item.evidence_outcome is not None:
        evidence = f"{item.evidence_outcome.meeting.code} #{item.evidence_outcome.position}"
    return [
        item.reference,
        item.meeting.code,
        str(item.outcome.position),
        item.display_description,
        item.owner_name,
        item.due_date.isoformat() if item.due_date else item.due_label,
        item.status,
        item.closed_at_meeting.code if item.closed_at_meeting else "",
        evidence,
        item.closing_note,
        f"{site_url}{item.get_absolute_url()}",
    ]


@require_safe
@public_page
def action_register_csv(request: HttpRequest) -> HttpResponse:
    """The register as CSV, with the same filters as the page; UTF-8 with a BOM so spreadsheets read it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="action-items.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for item in _filtered(request).qs.iterator(chunk_size=500):
        writer.writerow(_csv_row(item, settings.SITE_URL))
    return response


@require_safe
@public_page
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(queries.action_items(), pk=pk)
    carried_to = [
        c.meeting for c in item.carried_to.select_related("meeting", "meeting__body").order_by("meeting__number")
    ]
    return render(request, "meetings/action.html", {"item": item, "carried_to": carried_to})
