"""Checks shared by the liaison and deliverable services."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document


def set_translations(obj: object, field: str, values: dict[str, str], *, required: bool, original: str = "en") -> None:
    """Store ``values`` (language → text) in ``field_<lang>``; the plain field takes the original's text."""
    unknown = set(values) - set(LANGUAGE_ORDER)
    if unknown:
        raise DomainError(
            _("Unknown language: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}, code="language_invalid"
        )
    for code, text in values.items():
        setattr(obj, f"{field}_{field_suffix(code)}", (text or "").strip())
    current = {code: getattr(obj, f"{field}_{field_suffix(code)}", "") or "" for code in LANGUAGE_ORDER}
    if required and not any(current.values()):
        raise DomainError(_("A title is needed in at least one language."), code="title_missing")
    setattr(obj, field, current.get(original) or next((t for t in current.values() if t), ""))


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
