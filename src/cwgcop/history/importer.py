"""Importing a group's history from an archive (``manifest.json`` and its files): plan, dry run, import.

Every row goes through the services that the secretariat's pages use (``create_meeting``, ``update_document``
…), so an imported document is checked, stored, indexed and extracted like an uploaded one. A new document goes
through ``documents.services.PastDocuments``: checked and its files stored row by row with the messages of
``create_document``, ``add_file`` and ``publish_document``, then written with the audit entries those would
write, :data:`BATCH` documents at a time in a few bulk inserts (one by one through those services if the
database refuses a batch, so the row at fault is reported). The whole import runs in one transaction, each row in
a savepoint: a row the services refuse is reported with their message, and if any row is refused the whole
import is rolled back (all or nothing), files it stored included. A dry run is the same run, always rolled back.
A row whose record already holds what the manifest says is "unchanged", so importing the same archive twice
changes nothing.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body, BodyName, Organization
from cwgcop.bodies.services import ensure_organization, record_former_name
from cwgcop.core.actors import Actor, actor_may
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents import services as documents
from cwgcop.documents import storage
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document
from cwgcop.documents.signals import changes_batched
from cwgcop.documents.validators import check_file_name
from cwgcop.history.csv_manifest import CSV_FILES, read_csv_manifest
from cwgcop.history.source import MANIFEST, ArchiveSource
from cwgcop.meetings.enums import MeetingStatus
from cwgcop.meetings.models import Meeting
from cwgcop.meetings.services.meeting import create_meeting, update_meeting

FORMAT = "cwgcop-archive"
VERSION = 1
CREATE, UPDATE, UNCHANGED, REFUSED = "create", "update", "unchanged", "refused"
MEETING_TEXTS = {"venues": "venue", "themes": "themes", "summaries": "summary"}
MEETING_VALUES = ("format", "status", "participants_total", "participants_onsite", "participants_remote")
# New documents written per bulk insert: a few queries per batch instead of some forty per document.
BATCH = 500


@dataclass
class Row:
    section: str
    key: str
    action: str
    reason: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    applied: bool = False

    @property
    def refused(self) -> list[Row]:
        return [row for row in self.rows if row.action == REFUSED]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


class RowRefusedError(Exception):
    """A row cannot go in: ``message`` says why, in the reader's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _RollbackError(Exception):
    pass


def parse_manifest(raw: bytes) -> dict[str, Any]:
    """The manifest as data, or a :class:`DomainError` that says what is wrong with it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DomainError(
            _("The manifest is not UTF-8 text (byte %(position)s); save it as UTF-8.") % {"position": exc.start},
            code="manifest_encoding",
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DomainError(
            _("The manifest is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": exc.lineno, "column": exc.colno},
            code="manifest_malformed",
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        raise DomainError(
            _('The manifest must say "format": "%(format)s" and "version": %(version)s.')
            % {"format": FORMAT, "version": VERSION},
            code="manifest_format",
        )
    for section in ("bodies", "meetings", "documents"):
        if not isinstance(data.get(section, []), list):
            raise DomainError(_("“%(section)s” must be a list.") % {"section": section}, code="manifest_malformed")
    return data


def _required(row: dict[str, Any], name: str) -> Any:
    value = row.get(name) if isinstance(row, dict) else None
    if value in (None, ""):
        raise RowRefusedError(_("The field “%(field)s” is missing.") % {"field": name})
    return value


def _date(row: dict[str, Any], name: str) -> datetime.date:
    value = _required(row, name)
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise RowRefusedError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": str(value)[:40]})
    return parsed


def _moment(row: dict[str, Any], name: str) -> datetime.datetime:
    value = _required(row, name)
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        parsed_day = parse_date(value) if isinstance(value, str) else None
        if parsed_day is None:
            raise RowRefusedError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": str(value)[:40]})
        parsed = datetime.datetime.combine(parsed_day, datetime.time(12), tzinfo=datetime.UTC)
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=datetime.UTC)
    if parsed > timezone.now():
        raise RowRefusedError(_("The date %(date)s is in the future.") % {"date": value})
    return parsed


def _texts(row: dict[str, Any], name: str) -> dict[str, str]:
    value = row.get(name) or {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise RowRefusedError(_("“%(field)s” must map language codes to text.") % {"field": name})
    return value


def _new_document_fields(
    row: dict[str, Any], *, body: Body, meeting: Meeting | None, titles: dict[str, str], sources: list[Organization]
) -> dict[str, Any]:
    """What a row says of a document it creates, as both ways of creating one take it (live or as a past one)."""
    return {
        "body": body,
        "kind": str(_required(row, "kind")),
        "titles": titles,
        "original_language": row.get("original_language") or "en",
        "meeting": meeting,
        "symbol": str(_required(row, "symbol")),
        "sources": sources,
    }


def _body(acronym: Any) -> Body:
    body = Body.objects.filter(acronym=acronym).first() if isinstance(acronym, str) else None
    if body is None:
        raise RowRefusedError(_("There is no body with the acronym “%(acronym)s”.") % {"acronym": str(acronym)[:40]})
    return body


class Importer:
    def __init__(self, *, actor: Actor, source: ArchiveSource, manifest: dict[str, Any]) -> None:
        self.actor = actor
        self.source = source
        self.manifest = manifest
        self.report = Report()
        self.new_keys: set[str] = set()
        # Bodies and meetings looked up once per import, not once per row (neither is created by a document row).
        self._bodies: dict[str, Body] = {}
        self._meetings: dict[tuple[int, int], Meeting] = {}
        # Sources by (name, country): forgotten when a row is refused, since its savepoint may have created one.
        self._organizations: dict[tuple[str, str], Organization] = {}
        self.past = documents.PastDocuments(actor=actor)
        self._batched: list[tuple[int, dict[str, Any]]] = []  # (index in the report, row) of documents not saved yet

    def rows(self) -> Iterator[tuple[str, str, Callable[[], str]]]:
        """(section, key, the function that writes the row and says what it did), in the order they go in."""
        for body_row in self.manifest.get("bodies", []):
            for name_row in (body_row.get("former_names") or []) if isinstance(body_row, dict) else [None]:
                key = f"{body_row.get('acronym') if isinstance(body_row, dict) else '?'} {_key(name_row, 'acronym')}"
                yield "former_name", key, partial(self.former_name, body_row, name_row)
        # Entered in order, so each meeting takes the action items still open from the one before.
        for meeting_row in sorted(self.manifest.get("meetings", []), key=_meeting_order):
            key = f"{_key(meeting_row, 'body')}-{_key(meeting_row, 'number')}"
            yield "meeting", key, partial(self.meeting, meeting_row)
        seen: set[str] = set()
        for document_row in self.manifest.get("documents", []):
            symbol = _key(document_row, "symbol")
            duplicate = symbol.casefold() in seen
            seen.add(symbol.casefold())
            yield "document", symbol, partial(self.document, document_row, duplicate)

    def run(self, *, apply: bool, progress: Callable[[int, int], None] | None = None) -> Report:
        rows = list(self.rows())
        try:
            with transaction.atomic(), changes_batched():
                for done, (section, key, write) in enumerate(rows, start=1):
                    self.report.rows.append(self._one(section, key, write))
                    if len(self.past) >= BATCH:
                        self._save_batch()
                    if progress is not None:
                        progress(done, len(rows))
                self._save_batch()
                if not apply or self.report.refused:
                    raise _RollbackError
        except _RollbackError:
            self._discard_new_files()
        except BaseException:
            self._discard_new_files()
            raise
        else:
            self.report.applied = True
        return self.report

    def _one(self, section: str, key: str, write: Callable[[], str]) -> Row:
        try:
            with transaction.atomic():
                return Row(section, key, write())
        except RowRefusedError as exc:
            self._organizations.clear()
            return Row(section, key, REFUSED, exc.message)
        except DomainError as exc:
            self._organizations.clear()
            return Row(section, key, REFUSED, " ".join(str(m) for m in exc.messages))

    def _save_batch(self) -> None:
        batched, self._batched = self._batched, []
        try:
            self.past.save()
        except (DatabaseError, DomainError):
            # The database refused what the checks let through (another writer took a symbol meanwhile): the
            # batch goes in again one row at a time through the services, so the row at fault is reported.
            for index, row in batched:
                key = self.report.rows[index].key
                self.report.rows[index] = self._one("document", key, partial(self.document, row, False, batch=False))

    def _body(self, acronym: Any) -> Body:
        """The row's body; a person (not the command line) imports only for bodies whose secretariat they are on."""
        body = self._bodies.get(acronym) if isinstance(acronym, str) else None
        if body is None:
            body = self._bodies[acronym] = _body(acronym)
        if self.actor is not None and not actor_may(self.actor, "history.import_for_body", body):
            raise RowRefusedError(
                _("You are not on the secretariat of %(acronym)s, so you cannot import its records.")
                % {"acronym": body.acronym}
            )
        return body

    def _discard_new_files(self) -> None:
        storage.remove_all_unreferenced(self.new_keys)

    # Former names ----------------------------------------------------------------------------------------
    def former_name(self, body_row: Any, row: Any) -> str:
        if not isinstance(row, dict):
            raise RowRefusedError(_("A row must be an object with named fields."))
        body = self._body(body_row.get("acronym"))
        valid_from, valid_until = _date(row, "valid_from"), _date(row, "valid_until")
        if valid_until >= timezone.localdate():
            raise RowRefusedError(_("The date %(date)s is in the future.") % {"date": valid_until.isoformat()})
        names = _texts(row, "names")
        existing = BodyName.objects.filter(body=body, valid_from=valid_from).first()
        if existing is not None and _same_former_name(existing, row, names, valid_until):
            return UNCHANGED
        record_former_name(
            actor=self.actor,
            body=body,
            acronym=str(_required(row, "acronym")),
            names=names,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        return UPDATE if existing else CREATE

    # Meetings --------------------------------------------------------------------------------------------
    def meeting(self, row: Any) -> str:
        if not isinstance(row, dict):
            raise RowRefusedError(_("A row must be an object with named fields."))
        body = self._body(row.get("body"))
        number = _required(row, "number")
        if not isinstance(number, int):
            raise RowRefusedError(_("The field “%(field)s” is missing.") % {"field": "number"})
        start, end = _date(row, "start_date"), _date(row, "end_date")
        values: dict[str, Any] = {name: row[name] for name in MEETING_VALUES if name in row}
        values.setdefault("status", MeetingStatus.HELD)
        if values["status"] == MeetingStatus.HELD and end > timezone.localdate():
            raise RowRefusedError(_("The date %(date)s is in the future.") % {"date": end.isoformat()})
        texts = {param: _texts(row, param) for param in MEETING_TEXTS}
        existing = Meeting.objects.filter(body=body, number=number).first()
        if existing is None:
            create_meeting(
                actor=self.actor, body=body, number=number, start_date=start, end_date=end, **texts, **values
            )
            return CREATE
        values.update(start_date=start, end_date=end)
        changed = {name: value for name, value in values.items() if getattr(existing, name) != value}
        changed_texts = {
            param: texts[param]
            for param, column in MEETING_TEXTS.items()
            if any(getattr(existing, f"{column}_{field_suffix(c)}") != t.strip() for c, t in texts[param].items())
        }
        if not changed and not changed_texts:
            return UNCHANGED
        update_meeting(actor=self.actor, meeting=existing, **changed_texts, **changed)
        return UPDATE

    # Documents -------------------------------------------------------------------------------------------
    def document(self, row: Any, duplicate: bool, *, batch: bool = True) -> str:
        if not isinstance(row, dict):
            raise RowRefusedError(_("A row must be an object with named fields."))
        symbol = str(_required(row, "symbol"))
        if duplicate:
            raise RowRefusedError(_("The symbol %(symbol)s appears twice in the manifest.") % {"symbol": symbol})
        body = self._body(row.get("body"))
        meeting = None
        if row.get("meeting") is not None:
            meeting = self._meeting(body, row["meeting"])
            if meeting is None:
                raise RowRefusedError(
                    _("%(body)s has no meeting number %(number)s.") % {"body": body.acronym, "number": row["meeting"]}
                )
        titles = _texts(row, "titles")
        revisions = sorted(
            _required(row, "revisions"), key=lambda r: r.get("number", -1) if isinstance(r, dict) else -1
        )
        if [r.get("number") for r in revisions] != list(range(len(revisions))):
            raise RowRefusedError(_("Revisions must be numbered 0, 1, 2 … without gaps."))
        sources = [self._organization(s) for s in row.get("sources") or []]
        if batch and self.past.taken(symbol) != symbol and _one_file_per_language(revisions):
            fields = _new_document_fields(row, body=body, meeting=meeting, titles=titles, sources=sources)
            self._add_past_document(row, fields=fields, revisions=revisions)
            return CREATE
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            fields = _new_document_fields(row, body=body, meeting=meeting, titles=titles, sources=sources)
            document = documents.create_document(actor=self.actor, **fields)
            self._add_revisions(document, revisions, first=0)
            return CREATE
        return self._update_document(
            document, row=row, body=body, meeting=meeting, titles=titles, sources=sources, revisions=revisions
        )

    def _add_past_document(
        self, row: dict[str, Any], *, fields: dict[str, Any], revisions: list[dict[str, Any]]
    ) -> None:
        """Check a new document and store its files; it is written with its batch (:meth:`_save_batch`)."""
        with ExitStack() as files:
            past = [
                documents.PastRevision(
                    published_at=_moment(revision_row, "published_at"),
                    note=revision_row.get("note") or "",
                    files=[self._past_file(file_row, files) for file_row in self._files(revision_row)],
                )
                for revision_row in revisions
            ]
            self.new_keys.update(self.past.add(revisions=past, **fields))
        self._batched.append((len(self.report.rows), row))

    def _update_document(
        self,
        document: Document,
        *,
        row: dict[str, Any],
        body: Body,
        meeting: Meeting | None,
        titles: dict[str, str],
        sources: list[Organization],
        revisions: list[dict[str, Any]],
    ) -> str:
        if document.status != DocumentStatus.PUBLISHED or (document.body_id, document.meeting_id, document.kind) != (
            body.pk,
            meeting.pk if meeting else None,
            row.get("kind"),
        ):
            raise RowRefusedError(
                _("%(symbol)s is already in the archive with another body, meeting, kind or status.")
                % {"symbol": document.symbol}
            )
        published = {r.number: r for r in document.revisions.filter(published_at__isnull=False)}
        for revision_row in revisions[: len(published)]:
            stored = published[revision_row["number"]]
            files = {(f.language, f.sha256) for f in stored.files.all()}
            wanted = {(f.get("language"), str(f.get("sha256", "")).lower()) for f in revision_row.get("files") or []}
            if files != wanted or stored.published_at != _moment(revision_row, "published_at"):
                raise RowRefusedError(
                    _("%(symbol)s is published with other files or another date; published files never change.")
                    % {"symbol": stored.symbol}
                )
        changed = False
        current_titles = {code: getattr(document, f"title_{field_suffix(code)}") or "" for code in LANGUAGE_ORDER}
        current_sources = set(document.sources.values_list("pk", flat=True))
        if any(current_titles.get(c, "") != t.strip() for c, t in titles.items()) or current_sources != {
            s.pk for s in sources
        }:
            documents.update_document(actor=self.actor, document=document, titles=titles, sources=sources)
            changed = True
        if len(revisions) > len(published):
            self._add_revisions(document, revisions, first=len(published))
            changed = True
        return UPDATE if changed else UNCHANGED

    def _meeting(self, body: Body, number: Any) -> Meeting | None:
        if not isinstance(number, int):
            return None
        meeting = self._meetings.get((body.pk, number))
        if meeting is None:
            meeting = Meeting.objects.filter(body=body, number=number).first()
            if meeting is not None:
                self._meetings[(body.pk, number)] = meeting
        return meeting

    def _organization(self, row: Any) -> Organization:
        if not isinstance(row, dict):
            raise RowRefusedError(_("A row must be an object with named fields."))
        name, country = str(_required(row, "name")), row.get("country") or ""
        key = (name.strip(), str(country).strip().upper())
        if key not in self._organizations:
            self._organizations[key] = ensure_organization(actor=self.actor, name=name, country=country)
        return self._organizations[key]

    def _add_revisions(self, document: Document, revisions: list[dict[str, Any]], *, first: int) -> None:
        for revision_row in revisions[first:]:
            published_at = _moment(revision_row, "published_at")
            if revision_row["number"] > 0:
                documents.start_revision(actor=self.actor, document=document, note=revision_row.get("note") or "")
            for file_row in self._files(revision_row):
                self._add_file(document, file_row)
            documents.publish_document(actor=self.actor, document=document, published_at=published_at)

    @staticmethod
    def _files(revision_row: dict[str, Any]) -> list[Any]:
        files = revision_row.get("files") or []
        if not files:
            raise RowRefusedError(_("Revision %(number)s has no file.") % {"number": revision_row["number"]})
        return list(files)

    def _past_file(self, row: Any, files: ExitStack) -> documents.PastFile:
        """The file the row names, checked against its checksum and open until the document is added."""
        if not isinstance(row, dict):
            raise RowRefusedError(_("A row must be an object with named fields."))
        path = str(_required(row, "path"))
        expected = str(_required(row, "sha256")).lower()
        if not self.source.exists(path):
            raise RowRefusedError(_("The file %(path)s is not in the archive.") % {"path": path})
        stream = files.enter_context(self.source.open(path))
        sha256, size = storage.digest(stream)
        if sha256 != expected:
            raise RowRefusedError(_("The file %(path)s does not match its checksum in the manifest.") % {"path": path})
        name = str(row.get("name") or path.rsplit("/", 1)[-1])
        return documents.PastFile(language=str(_required(row, "language")), name=name, size=size, stream=stream)

    def _add_file(self, document: Document, row: Any) -> None:
        with ExitStack() as files:
            file = self._past_file(row, files)
            key = storage.key_for(storage.digest(file.stream)[0], check_file_name(file.name)[1])
            if not default_storage.exists(key):
                self.new_keys.add(key)
            documents.add_file(
                actor=self.actor,
                document=document,
                language=file.language,
                name=file.name,
                size=file.size,
                stream=file.stream,
            )


def _one_file_per_language(revisions: list[dict[str, Any]]) -> bool:
    """Whether every revision has files, each of another language (else the services say what is wrong)."""
    for revision in revisions:
        files = revision.get("files") or []
        languages = [f.get("language") if isinstance(f, dict) else None for f in files]
        if not files or len(set(languages)) != len(languages):
            return False
    return bool(revisions)


def _meeting_order(row: Any) -> tuple[str, int]:
    if not isinstance(row, dict):
        return ("", 0)
    number = row.get("number")
    return (str(row.get("body")), number if isinstance(number, int) else 0)


def _key(row: Any, name: str) -> str:
    return str(row.get(name, "?")) if isinstance(row, dict) else "?"


def _same_former_name(existing: BodyName, row: dict[str, Any], names: dict[str, str], until: datetime.date) -> bool:
    return (
        existing.acronym == str(row.get("acronym", "")).strip()
        and existing.valid_until == until
        and all(
            (getattr(existing, f"name_{field_suffix(c)}") or "") == (names.get(c) or "").strip() for c in LANGUAGE_ORDER
        )
    )


def read_manifest(source: ArchiveSource) -> dict[str, Any]:
    """``manifest.json`` if the archive has one, else its CSV files (:mod:`cwgcop.history.csv_manifest`)."""
    raw = source.read(MANIFEST)
    if raw is not None:
        return parse_manifest(raw)
    if any(source.exists(name) for name in CSV_FILES):
        return read_csv_manifest(source.read)
    raise DomainError(
        _("The archive has no manifest.json, nor any of %(files)s.") % {"files": ", ".join(CSV_FILES)},
        code="manifest_missing",
    )


@contextmanager
def opened(path: Any) -> Iterator[tuple[ArchiveSource, dict[str, Any]]]:
    source = ArchiveSource(path)
    try:
        yield source, read_manifest(source)
    finally:
        source.close()


def import_archive(
    *, actor: Actor, path: Any, dry_run: bool, progress: Callable[[int, int], None] | None = None
) -> Report:
    """Import the archive at ``path`` (a folder or a ZIP), or only say what it would do (``dry_run``).

    Raises :class:`DomainError` when the archive itself cannot be read (no manifest, not UTF-8, not JSON, a
    ZIP bomb or a path outside it); otherwise returns the report, row by row. Nothing is written unless every
    row can go in.
    """
    with opened(path) as (source, manifest):
        return Importer(actor=actor, source=source, manifest=manifest).run(apply=not dry_run, progress=progress)
