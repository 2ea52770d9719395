"""Every change to the archive. Views, the API and commands call these functions; nothing else writes.

Each function takes keyword-only arguments, runs in one transaction, records an audit entry, and makes
cached public pages stale once the change is committed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cwgcop.bodies.models import Body, Organization
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import long_date
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.core.models import AuditEntry
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents import signals, storage
from cwgcop.documents.enums import SYMBOL_SERIES, DocumentAction, DocumentKind, DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.documents.symbols import allocate_symbol, is_valid_symbol
from cwgcop.documents.validators import CheckedFile, check_upload
from cwgcop.meetings.models import Meeting


def _check_symbol(symbol: str) -> str:
    """The symbol exactly as written (see :data:`cwgcop.documents.symbols.SYMBOL_RULE`), if no other has it."""
    symbol = _symbol_as_written(symbol)
    _refuse_taken(Document.objects.filter(symbol__iexact=symbol).values_list("symbol", flat=True).first())
    return symbol


def _symbol_as_written(symbol: str) -> str:
    symbol = symbol.strip()
    if not is_valid_symbol(symbol):
        raise DomainError(
            _("“%(symbol)s” is not a valid document symbol, e.g. CWG-COP-21/5.") % {"symbol": symbol[:80]},
            code="symbol_invalid",
        )
    if "(REV." in symbol.upper():
        raise DomainError(_("Give the symbol without the revision."), code="symbol_invalid")
    return symbol


def _refuse_taken(taken: str | None) -> None:
    if taken is not None:
        raise DomainError(
            _("A document with the symbol %(symbol)s already exists.") % {"symbol": taken},
            code="symbol_taken",
        )


TITLE_MISSING = gettext_lazy("A document needs a title in at least one language.")


def _refuse_misplaced(*, body: Body, meeting: Meeting | None, kind: str) -> None:
    """Refuse an unknown kind, or a meeting of another body than the document's."""
    if kind not in DocumentKind.values:
        raise DomainError(_("Unknown document kind."), code="kind_invalid")
    if meeting is not None and meeting.body_id != body.pk:
        raise DomainError(_("The meeting belongs to another body."), code="meeting_body_mismatch")


def _unsaved_document(
    *,
    actor: Actor,
    body: Body,
    meeting: Meeting | None,
    kind: str,
    symbol: str,
    language: str,
    titles: dict[str, str],
    status: str = DocumentStatus.DRAFT,
    published_at: datetime.datetime | None = None,
) -> Document:
    """A document made by ``actor``, not saved yet, with its titles (refused without one); a draft by default."""
    document = Document(symbol=symbol, body=body, meeting=meeting, kind=kind, original_language=language, status=status)
    document.published_at = published_at
    document.created_by = signed_in_or_none(actor)
    set_translations(document, "title", titles, required=True, refusal=TITLE_MISSING)
    return document


def next_symbol(*, meeting: Meeting, kind: str) -> str:
    """The next unused symbol in the meeting's series for ``kind`` (``CWG-COP-21/6``, ``…/INF/3``).

    A preview only: :func:`cwgcop.documents.symbols.allocate_symbol` is what gives a number, under a lock,
    and never gives the same number twice.
    """
    series = f"{meeting.code}/{SYMBOL_SERIES[kind]}"
    taken = Document.objects.filter(meeting=meeting, symbol__startswith=series).values_list("symbol", flat=True)
    numbers = [int(rest) for s in taken if (rest := s[len(series) :]).isdigit()]
    return f"{series}{max(numbers, default=0) + 1}"


@transaction.atomic
def create_document(
    *,
    actor: Actor,
    body: Body,
    kind: str,
    titles: dict[str, str],
    original_language: str = "en",
    meeting: Meeting | None = None,
    symbol: str | None = None,
    sources: Iterable[Organization] = (),
) -> Document:
    """Create a draft document. Without ``symbol``, the next one of the meeting's series is assigned."""
    _refuse_misplaced(body=body, meeting=meeting, kind=kind)
    if symbol:
        symbol = _check_symbol(symbol)
    elif meeting is not None:
        symbol = allocate_symbol(meeting=meeting, kind=kind)
    else:
        raise DomainError(_("A document without a meeting needs a symbol."), code="symbol_missing")
    document = _unsaved_document(
        actor=actor, body=body, meeting=meeting, kind=kind, symbol=symbol, language=original_language, titles=titles
    )
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        raise DomainError(
            _("A document with the symbol %(symbol)s already exists.") % {"symbol": symbol},
            code="symbol_taken",
        ) from exc
    document.sources.set(list(sources))
    DocumentRevision.objects.create(document=document, number=0)
    audit.record(actor=actor, action=DocumentAction.CREATE, instance=document)
    return document


def _pending_revision(document: Document) -> DocumentRevision:
    revision = document.revisions.filter(published_at__isnull=True).order_by("-number").first()
    if revision is None:
        raise DomainError(
            _("%(symbol)s is published: start a new revision to change its files.") % {"symbol": document.symbol},
            code="revision_published",
        )
    return revision


def add_file(
    *,
    actor: Actor,
    document: Document,
    language: str,
    name: str,
    size: int,
    stream: IO[bytes],
) -> DocumentFile:
    """Attach the ``language`` version to the document's unpublished revision.

    The upload is checked whole (name, size, content, readability) before anything is written. The revision is
    locked, so two uploads of the same language at once end with the later one in place. The file of a replaced
    draft version is removed once the change commits (if nothing else names it); if the change, or the
    transaction it is part of, rolls back, the file this call stored is removed (``storage.sweep``).
    """
    if document.status == DocumentStatus.WITHDRAWN:
        raise DomainError(_("%(symbol)s was withdrawn.") % {"symbol": document.symbol}, code="document_withdrawn")
    if language not in LANGUAGE_ORDER:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": language}, code="language_invalid")
    checked = check_upload(name, size, stream)
    blob = storage.store(stream, checked.extension)
    with storage.discarded_on_error(blob), storage.swept(), transaction.atomic():
        revision = DocumentRevision.objects.select_for_update().get(pk=_pending_revision(document).pk)
        replaced = revision.files.filter(language=language).first()
        before = audit.snapshot(replaced) if replaced else {}
        if replaced is not None:
            replaced.delete()
            if replaced.storage_key != blob.key:
                storage.remove_after_commit(replaced.storage_key)
        stored = _file_of(revision, language, checked, blob)
        stored.save(force_insert=True)
        storage.keep(blob, stream)
        audit.record(actor=actor, action=DocumentAction.FILE_ADD, instance=stored, before=before)
    return stored


def _file_of(revision: DocumentRevision, language: str, checked: CheckedFile, blob: storage.StoredBlob) -> DocumentFile:
    """The row of a checked and stored file (not saved yet)."""
    return DocumentFile(
        revision=revision,
        language=language,
        original_name=checked.name,
        storage_key=blob.key,
        sha256=blob.sha256,
        size=blob.size,
        media_type=checked.media_type,
        page_count=checked.page_count,
    )


@transaction.atomic
def publish_document(
    *, actor: Actor, document: Document, published_at: datetime.datetime | None = None
) -> DocumentRevision:
    """Publish the pending revision: its files become public and can never be changed again.

    ``published_at`` records when a document that reaches the archive late (the record of a meeting held before
    the platform) was first published; it cannot be in the future, nor before the revision it revises.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.WITHDRAWN:
        raise DomainError(_("%(symbol)s was withdrawn.") % {"symbol": document.symbol}, code="document_withdrawn")
    revision = _pending_revision(document)
    if not revision.files.exists():
        raise DomainError(
            _("%(symbol)s has no file yet: upload at least one language version.") % {"symbol": revision.symbol},
            code="revision_empty",
        )
    now = _publication_time(document, revision, published_at)
    before = audit.snapshot(document, ["status", "published_at"])
    revision.published_at = now
    revision.save(update_fields=["published_at"])
    document.status = DocumentStatus.PUBLISHED
    if document.published_at is None:
        document.published_at = now
    document.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(
        actor=actor,
        action=DocumentAction.PUBLISH,
        instance=document,
        before=before,
        after={**audit.snapshot(document, ["status", "published_at"]), "revision": revision.number},
    )
    bump_archive_generation()
    signals.document_changed.send(sender=Document, document_id=document.pk)
    return revision


def _publication_time(
    document: Document, revision: DocumentRevision, published_at: datetime.datetime | None
) -> datetime.datetime:
    now = timezone.now()
    if published_at is None:
        return now
    earlier = (
        DocumentRevision.objects.filter(document=document, number__lt=revision.number, published_at__isnull=False)
        .order_by("-number")
        .values_list("published_at", flat=True)
        .first()
    )
    _check_publication_time(revision.symbol, published_at, earlier, now)
    return published_at


def _check_publication_time(
    symbol: str, published_at: datetime.datetime, earlier: datetime.datetime | None, now: datetime.datetime
) -> None:
    if published_at > now:
        raise DomainError(_("A publication date cannot be in the future."), code="published_in_future")
    if earlier is not None and published_at < earlier:
        raise DomainError(
            _("%(symbol)s cannot be published before the revision it revises (%(date)s).")
            % {"symbol": symbol, "date": long_date(earlier)},
            code="published_before_previous",
        )


@transaction.atomic
def start_revision(*, actor: Actor, document: Document, note: str = "") -> DocumentRevision:
    """Open revision N+1 of a published document; the files of earlier revisions stay downloadable."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.WITHDRAWN:
        raise DomainError(
            _("%(symbol)s was withdrawn and cannot be revised.") % {"symbol": document.symbol},
            code="document_withdrawn",
        )
    if document.status != DocumentStatus.PUBLISHED:
        raise DomainError(
            _("Only a published document can be revised; change the draft instead."),
            code="document_not_published",
        )
    if document.revisions.filter(published_at__isnull=True).exists():
        raise DomainError(_("A new revision is already being prepared."), code="revision_pending")
    last = document.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = DocumentRevision.objects.create(document=document, number=last + 1, note=note.strip()[:500])
    audit.record(actor=actor, action=DocumentAction.REVISION_START, instance=revision)
    return revision


@transaction.atomic
def withdraw_document(*, actor: Actor, document: Document, reason: str) -> Document:
    """Withdraw a document. Its page stays as a public tombstone that says when and why."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why the document is withdrawn."), code="reason_missing")
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.status == DocumentStatus.WITHDRAWN:
        raise DomainError(_("%(symbol)s was withdrawn.") % {"symbol": document.symbol}, code="document_withdrawn")
    before = audit.snapshot(document, ["status", "withdrawn_at", "withdrawal_reason"])
    document.status = DocumentStatus.WITHDRAWN
    document.withdrawn_at = timezone.now()
    document.withdrawal_reason = reason
    document.save(update_fields=["status", "withdrawn_at", "withdrawal_reason", "updated_at"])
    audit.record(actor=actor, action=DocumentAction.WITHDRAW, instance=document, before=before)
    bump_archive_generation()
    signals.document_changed.send(sender=Document, document_id=document.pk)
    return document


@transaction.atomic
def update_document(
    *,
    actor: Actor,
    document: Document,
    titles: dict[str, str] | None = None,
    sources: Iterable[Organization] | None = None,
) -> Document:
    """Change a document's titles or sources (metadata only; files change through revisions)."""
    before = audit.snapshot(document)
    if titles is not None:
        set_translations(document, "title", titles, required=True, refusal=TITLE_MISSING)
    document.save()
    if sources is not None:
        document.sources.set(list(sources))
    audit.record(actor=actor, action=DocumentAction.UPDATE, instance=document, before=before)
    if document.is_public:
        bump_archive_generation()
        signals.document_changed.send(sender=Document, document_id=document.pk)
    return document


@dataclass(frozen=True)
class PastFile:
    """One language version of a past revision, read from ``stream`` (open while :meth:`PastDocuments.add` runs)."""

    language: str
    name: str
    size: int
    stream: IO[bytes]


@dataclass(frozen=True)
class PastRevision:
    published_at: datetime.datetime
    note: str
    files: list[PastFile]


@dataclass
class _PastDocument:
    document: Document
    sources: list[Organization]
    revisions: list[tuple[DocumentRevision, list[DocumentFile]]]
    blobs: list[storage.StoredBlob] = field(default_factory=list)


class PastDocuments:
    """New documents of the past, each published at its own dates, written many at a time (the history import).

    :meth:`add` checks one document as :func:`create_document`, :func:`start_revision`, :func:`add_file` and
    :func:`publish_document` would, with their messages (symbol, kind, meeting, titles, each file whole, each
    date), and stores its files; it raises :class:`DomainError` for a document those services refuse, which is
    then not kept. :meth:`save` writes every document added since the last save in a few bulk inserts, with the
    audit entries the four services would have written, and sends ``document_changed`` for each. Call both in
    the caller's transaction; the files are kept (``storage.keep``) when it commits, as an upload's are.
    """

    def __init__(self, *, actor: Actor) -> None:
        self.actor = actor
        self._taken: dict[str, str] | None = None
        self._pending: list[_PastDocument] = []

    def __len__(self) -> int:
        return len(self._pending)

    def taken(self, symbol: str) -> str | None:
        """The symbol, as stored, of the document that has ``symbol`` whatever the case; added ones count."""
        if self._taken is None:  # one query per import instead of one per document
            self._taken = {s.upper(): s for s in Document.objects.order_by().values_list("symbol", flat=True)}
        return self._taken.get(symbol.strip().upper())

    def add(
        self,
        *,
        body: Body,
        kind: str,
        titles: dict[str, str],
        original_language: str,
        meeting: Meeting | None,
        symbol: str,
        sources: Iterable[Organization],
        revisions: list[PastRevision],
    ) -> list[str]:
        """Check the document and store its files; the storage keys of the files this call stored first."""
        _refuse_misplaced(body=body, meeting=meeting, kind=kind)
        symbol = _symbol_as_written(symbol)
        _refuse_taken(self.taken(symbol))
        document = _unsaved_document(
            actor=self.actor,
            body=body,
            meeting=meeting,
            kind=kind,
            symbol=symbol,
            language=original_language,
            titles=titles,
            status=DocumentStatus.PUBLISHED,
            published_at=revisions[0].published_at if revisions else None,
        )
        past = _PastDocument(document=document, sources=list(dict.fromkeys(sources)), revisions=[])
        try:
            self._check_revisions(past, revisions, now=timezone.now())
        except BaseException:
            for blob in past.blobs:
                storage.discard(blob)
            raise
        self._pending.append(past)
        if self._taken is not None:
            self._taken[symbol.upper()] = symbol
        return [blob.key for blob in past.blobs if blob.created]

    def _check_revisions(self, past: _PastDocument, revisions: list[PastRevision], *, now: datetime.datetime) -> None:
        earlier: datetime.datetime | None = None
        for number, given in enumerate(revisions):
            revision = DocumentRevision(
                document=past.document,
                number=number,
                note=given.note.strip()[:500] if number else "",
                published_at=given.published_at,
            )
            files: dict[str, DocumentFile] = {}
            for past_file in given.files:
                if past_file.language not in LANGUAGE_ORDER:
                    raise DomainError(
                        _("Unknown language: %(codes)s.") % {"codes": past_file.language}, code="language_invalid"
                    )
                if past_file.language in files:  # the caller sends such a revision through add_file, which replaces
                    raise ValueError(f"two {past_file.language} files in one revision")
                checked = check_upload(past_file.name, past_file.size, past_file.stream)
                blob = storage.store(past_file.stream, checked.extension)
                past.blobs.append(blob)
                files[past_file.language] = _file_of(revision, past_file.language, checked, blob)
            if not files:
                raise DomainError(
                    _("%(symbol)s has no file yet: upload at least one language version.")
                    % {"symbol": revision.symbol},
                    code="revision_empty",
                )
            _check_publication_time(revision.symbol, given.published_at, earlier, now)
            earlier = given.published_at
            past.revisions.append((revision, list(files.values())))

    def save(self) -> list[Document]:
        """Write the documents added since the last save (a savepoint: all of them, or none and the error)."""
        pending, self._pending = self._pending, []
        if not pending:
            return []
        with transaction.atomic():
            Document.objects.bulk_create([past.document for past in pending])
            Document.sources.through.objects.bulk_create(
                [
                    Document.sources.through(document_id=past.document.pk, organization_id=source.pk)
                    for past in pending
                    for source in past.sources
                ]
            )
            # Each revision and file takes its parent's new primary key as it is inserted.
            DocumentRevision.objects.bulk_create([revision for past in pending for revision, _ in past.revisions])
            DocumentFile.objects.bulk_create([f for past in pending for _, files in past.revisions for f in files])
            AuditEntry.objects.bulk_create([entry for past in pending for entry in self._audit_entries(past)])
            for past in pending:
                for blob in past.blobs:
                    storage.keep(blob)
        bump_archive_generation()
        for past in pending:
            signals.document_changed.send(sender=Document, document_id=past.document.pk)
        return [past.document for past in pending]

    def _audit_entries(self, past: _PastDocument) -> Iterator[AuditEntry]:
        """What create_document, start_revision, add_file and publish_document would have recorded, in order."""
        document, actor = past.document, self.actor
        unpublished = {"status": DocumentStatus.DRAFT.value, "published_at": None}
        yield audit.unsaved(
            actor=actor,
            action=DocumentAction.CREATE,
            instance=document,
            after={**audit.snapshot(document), **unpublished},
        )
        for revision, files in past.revisions:
            if revision.number:
                yield audit.unsaved(
                    actor=actor,
                    action=DocumentAction.REVISION_START,
                    instance=revision,
                    after={**audit.snapshot(revision), "published_at": None},
                )
            for file in files:
                yield audit.unsaved(actor=actor, action=DocumentAction.FILE_ADD, instance=file)
            published = audit.snapshot(document, ["status", "published_at"])
            yield audit.unsaved(
                actor=actor,
                action=DocumentAction.PUBLISH,
                instance=document,
                before=unpublished if revision.number == 0 else published,
                after={**published, "revision": revision.number},
            )
