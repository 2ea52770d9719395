from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString

from cwgcop.documents.rows import DocumentRow, rows_html

register = template.Library()


@register.simple_tag
def document_rows(rows: Iterable[DocumentRow]) -> SafeString:
    """``{% document_rows rows %}``: a list of documents (``documents.queries.document_rows``), as HTML."""
    return rows_html(rows)
