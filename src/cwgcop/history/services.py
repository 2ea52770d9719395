"""The staff import page's write path: keep an uploaded archive, check it (a dry run) and import it, both in the
background (:mod:`cwgcop.history.tasks`), with the report and the stage kept on an :class:`ArchiveImport`."""

from __future__ import annotations

import logging
import uuid
from functools import partial
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.errors import DomainError
from cwgcop.history import progress
from cwgcop.history.enums import HistoryAction, ImportStage
from cwgcop.history.importer import import_archive
from cwgcop.history.models import ArchiveImport

logger = logging.getLogger(__name__)


def archive_path(archive_import: ArchiveImport) -> Path:
    return progress.import_dir() / archive_import.stored_as


def _enqueue(task_name: str, import_id: int, actor_id: int | None) -> None:
    from cwgcop.history import tasks

    getattr(tasks, task_name).enqueue(import_id, actor_id)


def _actor_id(actor: Actor) -> int | None:
    person = signed_in_or_none(actor)
    return person.pk if person is not None else None


def start_check(*, actor: Actor, upload: UploadedFile, language: str) -> ArchiveImport:
    """Keep the uploaded ZIP under ``CWGCOP_IMPORT_DIR`` and check it in the background: a dry run whose report
    (in ``language``) the staff page shows. Nothing of the archive is written to the records yet."""
    stored_as = f"{uuid.uuid4().hex}.zip"
    path = progress.import_dir() / stored_as
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    try:
        return _record_check(
            actor=actor, name=Path(upload.name or "archive.zip").name, stored_as=stored_as, language=language
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise


@transaction.atomic
def _record_check(*, actor: Actor, name: str, stored_as: str, language: str) -> ArchiveImport:
    archive_import = ArchiveImport.objects.create(
        name=name[:255], stored_as=stored_as, language=language, created_by=signed_in_or_none(actor)
    )
    audit.record(actor=actor, action=HistoryAction.IMPORT_CHECK, instance=archive_import, after={"name": name})
    transaction.on_commit(partial(_enqueue, "check_archive", archive_import.pk, _actor_id(actor)))
    return archive_import


@transaction.atomic
def start_import(*, actor: Actor, archive_import: ArchiveImport) -> ArchiveImport:
    """Import a checked archive in the background; refused unless its check found every row acceptable."""
    archive_import = ArchiveImport.objects.select_for_update().get(pk=archive_import.pk)
    if archive_import.stage != ImportStage.CHECKED:
        raise DomainError(_("Only an archive whose check refused no row can be imported."), code="not_checked")
    archive_import.stage = ImportStage.IMPORTING
    archive_import.save(update_fields=["stage"])
    audit.record(
        actor=actor, action=HistoryAction.IMPORT_RUN, instance=archive_import, after={"name": archive_import.name}
    )
    transaction.on_commit(partial(_enqueue, "import_checked_archive", archive_import.pk, _actor_id(actor)))
    return archive_import


def run(*, actor: Actor, archive_import: ArchiveImport, apply: bool) -> ArchiveImport:
    """The background step: the dry run (``apply=False``) or the import, in the language of the person who
    uploaded the archive. The importer writes all or nothing in its own transaction; the outcome is kept on the
    record, and the uploaded file is removed once there is nothing left to do with it."""
    path = archive_path(archive_import)
    with translation.override(archive_import.language):
        try:
            report = import_archive(
                actor=actor, path=path, dry_run=not apply, progress=progress.recorder(archive_import.pk)
            )
        except DomainError as error:
            return _finish(archive_import, ImportStage.REFUSED, message=" ".join(str(m) for m in error.messages))
        except Exception as error:
            logger.exception("Archive import %s stopped", archive_import.pk)
            message = _("The run stopped on an unexpected error; nothing was imported: %(error)s") % {
                "error": f"{type(error).__name__}: {error}"
            }
            return _finish(archive_import, ImportStage.FAILED, message=message)
    rows = [[row.section, row.key, row.action, row.reason] for row in report.rows]
    done = ImportStage.IMPORTED if apply else ImportStage.CHECKED
    stage = ImportStage.REFUSED if report.refused else done
    return _finish(archive_import, stage, rows=rows)


@transaction.atomic
def _finish(
    archive_import: ArchiveImport, stage: ImportStage, *, rows: list[list[str]] | None = None, message: str = ""
) -> ArchiveImport:
    archive_import = ArchiveImport.objects.select_for_update().get(pk=archive_import.pk)
    archive_import.stage = stage
    archive_import.message = message
    if rows is not None:
        archive_import.rows = rows
    archive_import.finished_at = timezone.now()
    archive_import.save(update_fields=["stage", "message", "rows", "finished_at"])
    if stage != ImportStage.CHECKED:
        transaction.on_commit(partial(archive_path(archive_import).unlink, missing_ok=True))
    transaction.on_commit(partial(progress.clear, archive_import.pk))
    return archive_import
