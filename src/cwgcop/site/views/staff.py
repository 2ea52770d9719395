"""The staff dashboard: what waits for the secretariat, across the archive and the meetings."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cwgcop.core.permissions import require_permission
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document
from cwgcop.meetings import queries as meeting_queries
from cwgcop.site.staff_areas import staff_areas


@require_permission("bodies.use_staff_pages")
def dashboard(request: HttpRequest) -> HttpResponse:
    # Only what the lists show: symbols, titles and statuses, and the published revisions that name the current
    # symbol (the archive's file and source prefetches cost six queries the dashboard never read).
    documents = Document.objects.order_by("-updated_at")
    published = documents.filter(status=DocumentStatus.PUBLISHED).prefetch_related("revisions")
    return render(
        request,
        "site/dashboard.html",
        {
            "pending": list(documents.exclude(status__in=[DocumentStatus.PUBLISHED, DocumentStatus.WITHDRAWN])[:50]),
            "recent": list(published[:20]),
            "meetings": list(meeting_queries.public_meetings()[:20]),
            "areas": staff_areas(request.user),
        },
    )
