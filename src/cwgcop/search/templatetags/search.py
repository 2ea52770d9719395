"""Extraction problems for the secretariat's pages: ``{% load search %}{% extraction_problems %}``."""

from __future__ import annotations

from typing import Any

from django import template

from cwgcop.search.models import ExtractionStatus, FileExtraction

register = template.Library()


@register.inclusion_tag("search/includes/extraction_problems.html")
def extraction_problems(document: Any = None, limit: int = 50) -> dict[str, Any]:
    """Files whose text could not be extracted (of one document, or of the whole archive), newest first."""
    problems = (
        FileExtraction.objects.exclude(status=ExtractionStatus.DONE)
        .select_related("file", "file__revision", "file__revision__document")
        .defer("file__extracted_text")
        .order_by("-extracted_at")
    )
    if document is not None:
        problems = problems.filter(file__revision__document=document)
    return {"problems": list(problems[:limit]), "for_document": document is not None}
