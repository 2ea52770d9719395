"""What the archive tells the apps above it. The archive does not know who listens (search does).

``document_changed`` is sent, inside the service's transaction, when a document changes what the public can
find: a publication, a new revision, a withdrawal. Its one argument is ``document_id``. A receiver that acts on
the change registers its work with ``transaction.on_commit``, so a refused or rolled-back change does nothing.
"""

from __future__ import annotations

from django.dispatch import Signal

document_changed = Signal()
