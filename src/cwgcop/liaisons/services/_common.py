"""Checks shared by the liaison and deliverable services."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cwgcop.core.errors import DomainError
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document

TITLE_MISSING = gettext_lazy("A title is needed in at least one language.")


def check_publishable_document(document: Document) -> None:
    """Only published documents of the archive may be attached or fulfil a milestone: never a draft."""
    if document.status == DocumentStatus.WITHDRAWN:
        raise DomainError(
            _("%(symbol)s was withdrawn and cannot be used here.") % {"symbol": document.symbol},
            code="document_withdrawn",
        )
    if document.status != DocumentStatus.PUBLISHED:
        raise DomainError(
            _("%(symbol)s is not published yet: only published documents of the archive can be used here.")
            % {"symbol": document.symbol},
            code="document_not_published",
        )
