"""The documents a meeting's record cites, as the meetings app may know them: through this port only.

Documents stand above meetings: a document is submitted to a meeting, numbered from it and accepted while it
is open, so ``documents`` imports ``meetings`` and never the reverse. A meeting's record still cites documents
(agenda items and outcomes list them, a published document may close an action item, the meeting page lists
the meeting's documents): the models name them by string (``"documents.Document"``), and what the record asks
of the archive is the :class:`Archive` below, which the documents app registers when Django starts
(``documents.apps.DocumentsConfig.ready`` → ``documents.citations.DocumentArchive``).
"""

from __future__ import annotations

from typing import Any, Protocol, TypeAlias

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.meetings.models import Meeting

# A document of the archive (``documents.Document``: ``pk``, ``symbol``, ``status``, ``body_id``, ``meeting``), which
# this app may not name by its class.
CitedDocument: TypeAlias = Any


class Archive(Protocol):
    """What the meeting record asks of the documents it cites."""

    def published(self) -> QuerySet[Any]:
        """Published documents, in symbol order (what a reader may see cited)."""

    def is_published(self, document: CitedDocument) -> bool: ...

    def citable(self, meeting: Meeting) -> QuerySet[Any]:
        """What an agenda item or an outcome of ``meeting`` may list: its body's published documents and the
        meeting's own, never a withdrawn one."""

    def evidence(self, meeting: Meeting) -> QuerySet[Any]:
        """What may close an action item raised at ``meeting``: its body's published documents, newest first."""

    def rows_by_kind(self, meeting: Meeting) -> dict[str, list[Any]]:
        """The rows of the meeting's published documents grouped by kind (its label), for the meeting page."""


_archive: Archive | None = None


def register(archive: Archive) -> None:
    global _archive  # noqa: PLW0603 — set once, when the documents app is ready
    _archive = archive


def archive() -> Archive:
    if _archive is None:
        raise RuntimeError("No archive is registered: cwgcop.documents must be in INSTALLED_APPS.")
    return _archive


def published_by_symbol(symbols: list[str]) -> list[CitedDocument]:
    """The published documents with ``symbols``, in that order; an unknown one is refused by name."""
    found = {d.symbol: d for d in archive().published().filter(symbol__in=symbols)}
    missing = [s for s in symbols if s not in found]
    if missing:
        raise DomainError(
            _("No published document %(symbols)s.") % {"symbols": ", ".join(missing)}, code="document_unknown"
        )
    return [found[s] for s in symbols]
