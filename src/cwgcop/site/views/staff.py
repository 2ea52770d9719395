"""The staff dashboard: what waits for the secretariat, across the archive and the meetings."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cwgcop.core.permissions import require_permission
from cwgcop.documents import queries as document_queries
from cwgcop.documents.enums import DocumentStatus
from cwgcop.meetings import queries as meeting_queries
from cwgcop.site.staff_areas import staff_areas


@require_permission("bodies.use_staff_pages")
def dashboard(request: HttpRequest) -> HttpResponse:
    documents = document_queries.staff_documents()
    return render(
        request,
        "site/dashboard.html",
        {
            "pending": list(documents.exclude(status__in=[DocumentStatus.PUBLISHED, DocumentStatus.WITHDRAWN])[:50]),
            "recent": list(documents.filter(status=DocumentStatus.PUBLISHED)[:20]),
            "meetings": list(meeting_queries.public_meetings()[:20]),
            "areas": staff_areas(request.user),
        },
    )
