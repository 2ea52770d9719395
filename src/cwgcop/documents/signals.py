"""What the archive tells the apps above it. The archive does not know who listens (search does).

``document_changed`` is sent, inside the service's transaction, when a document changes what the public can
find: a publication, a new revision, a withdrawal. Its one argument is ``document_id``. A receiver that acts on
the change registers its work with ``transaction.on_commit``, so a refused or rolled-back change does nothing.

Inside :func:`changes_batched` (a bulk write such as the history import), ``document_changed`` is held and one
``documents_changed`` (argument ``document_ids``, each once, in order) is sent at the end instead, so receivers
do their work once for the lot rather than once per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.dispatch import Signal

_held: ContextVar[list[int] | None] = ContextVar("held_document_changes", default=None)


class _DocumentChanged(Signal):
    def send(self, sender: Any, **named: Any) -> list[tuple[Any, Any]]:
        held = _held.get()
        if held is not None:
            held.append(named["document_id"])
            return []
        return super().send(sender, **named)


document_changed = _DocumentChanged()
documents_changed = Signal()


@contextmanager
def changes_batched() -> Iterator[None]:
    """Hold ``document_changed`` while the block runs (inside the caller's transaction), then send one
    ``documents_changed`` for every document changed, unless the block raised."""
    held: list[int] = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
    if held:
        documents_changed.send(sender=None, document_ids=list(dict.fromkeys(held)))
