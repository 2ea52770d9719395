"""Background work of the staff import page (Django's tasks API): checking an archive, then importing it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from cwgcop.history import services
from cwgcop.history.enums import ImportStage
from cwgcop.history.models import ArchiveImport


def _run(import_id: int, actor_id: int | None, *, stage: ImportStage, apply: bool) -> str:
    archive_import = ArchiveImport.objects.get(pk=import_id)
    if archive_import.stage != stage:  # already run (a task delivered twice)
        return archive_import.stage
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    return services.run(actor=actor, archive_import=archive_import, apply=apply).stage


@task()
def check_archive(import_id: int, actor_id: int | None) -> str:
    """The dry run of an uploaded archive; returns the stage it ends in."""
    return _run(import_id, actor_id, stage=ImportStage.CHECKING, apply=False)


@task()
def import_checked_archive(import_id: int, actor_id: int | None) -> str:
    """The import of a checked archive; returns the stage it ends in."""
    return _run(import_id, actor_id, stage=ImportStage.IMPORTING, apply=True)
