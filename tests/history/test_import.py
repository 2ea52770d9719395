"""Importing a group's history: what is created, idempotence, the dry run, and the search over imported files."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from cwgcop.bodies.models import BodyName
from cwgcop.core.models import AuditEntry
from cwgcop.documents.models import Document, DocumentFile
from cwgcop.history.importer import import_archive
from cwgcop.meetings.models import Meeting
from cwgcop.search.services import Filters, search
from cwgcop.search.tasks import refresh_documents
from tests.conftest import stored_files
from tests.history.fixture import BODY, make_body, write_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    make_body()
    return write_archive(tmp_path / "archive")


def test_import_enters_the_decade_as_it_was(archive: Path, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        report = import_archive(actor=None, path=archive, dry_run=False)
    assert report.applied is True
    assert (report.count("create"), report.count("refused")) == (1 + 10 + 21, 0)
    assert Meeting.objects.filter(body__acronym=BODY).count() == 10
    assert Meeting.objects.get(number=4).participants_total == 32
    old = Document.objects.get(symbol="WG-DL/2/1 Rev.1")
    assert old.published_at == datetime.datetime(2011, 3, 1, 8, 30, tzinfo=datetime.UTC)
    assert sorted(Document.objects.values_list("symbol", flat=True))[:3] == [
        "C14/CWG-DL/1",
        "C14/CWG-DL/2",
        "CWG-DL-10/1",
    ]
    revised = Document.objects.get(symbol="CWG-DL-10/2")
    assert revised.published_at == datetime.datetime(2019, 2, 22, 9, 0, tzinfo=datetime.UTC)
    assert [(r.number, r.published_at.year, r.note) for r in revised.published_revisions()] == [
        (1, 2019, "Corrected figures"),
        (0, 2019, ""),
    ]
    assert revised.current_revision is not None
    assert revised.current_revision.languages() == ["zh-hans"]
    former = BodyName.objects.get()
    assert (former.acronym, former.name_fr) == ("WG-DL", "Groupe de travail sur la culture numérique")
    assert former.body.name_on(datetime.date(2012, 3, 13)) == former
    assert former.body.name_on(datetime.date(2015, 3, 16)) == former.body
    # Extracted and indexed like an upload: words of the files' text are found.
    found = [r.document.symbol for r in search(text="learners 2013", filters=Filters(), limit=50).results]
    assert found == ["WG-DL/4/1"]
    # Found under the name the body bore then, and under today's.
    under_former = {r.document.symbol for r in search(text="WG-DL teacher", filters=Filters(), limit=50).results}
    under_today = {r.document.symbol for r in search(text="CWG-DL teacher", filters=Filters(), limit=50).results}
    assert under_former == {"WG-DL/1/2", "WG-DL/2/2", "WG-DL/3/2", "WG-DL/4/2", "C14/CWG-DL/2"}
    # Every "teacher" document but CWG-DL-10/2, whose current revision (Rev.1) has only a Chinese file.
    assert len(under_today) == 9
    assert "CWG-DL-10/2" not in under_today


def test_importing_twice_changes_nothing(archive: Path) -> None:
    import_archive(actor=None, path=archive, dry_run=False)
    entries, files = AuditEntry.objects.count(), DocumentFile.objects.count()
    again = import_archive(actor=None, path=archive, dry_run=False)
    assert {row.action for row in again.rows} == {"unchanged"}
    assert (AuditEntry.objects.count(), DocumentFile.objects.count()) == (entries, files)


def test_a_changed_title_and_a_new_revision_are_updates(archive: Path, tmp_path: Path) -> None:
    import_archive(actor=None, path=archive, dry_run=False)
    from tests.history.fixture import build_manifest

    manifest = build_manifest(tmp_path / "second")
    manifest["documents"][0]["titles"]["en"] = "Report 2010/1, corrected title"
    write_archive(tmp_path / "second", manifest)
    report = import_archive(actor=None, path=tmp_path / "second", dry_run=False)
    assert [(r.key, r.action) for r in report.rows if r.action != "unchanged"] == [("WG-DL/1/1", "update")]
    assert Document.objects.get(symbol="WG-DL/1/1").title_en == "Report 2010/1, corrected title"


def test_dry_run_reports_each_row_and_writes_nothing(archive: Path, media_root: Path) -> None:
    report = import_archive(actor=None, path=archive, dry_run=True)
    assert report.applied is False
    assert [(r.section, r.key, r.action) for r in report.rows[:3]] == [
        ("former_name", "CWG-DL WG-DL", "create"),
        ("meeting", "CWG-DL-1", "create"),
        ("meeting", "CWG-DL-2", "create"),
    ]
    assert (Document.objects.count(), Meeting.objects.count(), BodyName.objects.count()) == (0, 0, 0)
    assert stored_files(media_root) == []


def test_command_dry_run_in_french(archive: Path) -> None:
    out = io.StringIO()
    call_command("import_archive", str(archive), "--dry-run", "--language", "fr", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "créer\tancien nom\tCWG-DL WG-DL"
    assert lines[-2] == "32 à créer, 0 à mettre à jour, 0 inchangés, 0 refusés."
    assert lines[-1] == "Essai à blanc : rien n’a été écrit."


def test_command_import_refused_says_why_and_fails(archive: Path) -> None:
    (archive / "files" / "rev1.txt").write_bytes(b"tampered")
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"^1 row refused: nothing was imported\.$"):
        call_command("import_archive", str(archive), stdout=out)
    assert "refused\tdocument\tWG-DL/2/1 Rev.1\tThe file files/rev1.txt does not match its checksum" in out.getvalue()
    assert Document.objects.count() == 0


def test_extraction_and_indexing_wait_for_one_queued_task(
    archive: Path, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    """The import queues one task for every document it publishes, not a reindex and a task per document."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with django_capture_on_commit_callbacks(execute=True):
        import_archive(actor=None, path=archive, dry_run=False)
    queued = list(DBTaskResult.objects.values_list("task_path", "args_kwargs"))
    assert [path for path, _ in queued] == ["cwgcop.search.tasks.refresh_documents"]
    assert queued[0][1]["args"][0] == list(Document.objects.order_by("pk").values_list("pk", flat=True))
    assert search(text="learners 2013", filters=Filters(), limit=50).results == []  # not read yet
    assert refresh_documents.call(*queued[0][1]["args"]) == 42  # what the worker runs: every file read
    found = [r.document.symbol for r in search(text="learners 2013", filters=Filters(), limit=50).results]
    assert found == ["WG-DL/4/1"]
    assert DocumentFile.objects.filter(extraction__isnull=True).count() == 0
