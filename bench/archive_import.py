"""Benchmark: importing a group's history from an archive, importing it again, and exporting it.

    python3 bench/archive_import.py [--documents 10000]
    python3 bench/archive_import.py --documents 10000 --database-url postgres://postgres@127.0.0.1:5432/postgres

In this process, with production settings (debug off, so no query log) on a scratch database (SQLite in a
temporary folder, or with ``--database-url`` a new PostgreSQL database ``cwgcop_bench_archive`` on that server,
dropped at the end): an archive folder with ``--documents`` published documents in 10 meetings, two small text
files each (English and French, so 2N files), then
1. the dry run (every row written in a transaction that is rolled back),
2. the import (one transaction; after it commits, one task reading and indexing every document is queued),
3. that task, run by a worker in this process (``db_worker --batch``): text extraction and indexing,
4. the same archive imported again (every row unchanged),
5. the export to a new folder.
Tasks go to the database queue (``CWGCOP_TASKS_BACKEND=database``), as in production; ``--immediate`` runs them
in-process at the commit instead, counted in the import's time; ``--no-worker`` leaves them undone (step 3).
After each step it prints the wall time, documents and files per second, this process's CPU time (which a busy
machine changes less than the wall time; the database server's is not counted), and the peak resident memory of
the process during that step (Linux: the high-water mark, reset before each step; elsewhere the peak so far);
``--tracemalloc`` adds the peak of Python's own allocations (slower). It is not a test and asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def make_archive(root: Path, documents: int) -> None:
    meetings = [
        {
            "body": "BENCH",
            "number": n,
            "start_date": f"{2000 + n}-05-0{n % 9 + 1}",
            "end_date": f"{2000 + n}-05-0{n % 9 + 1}",
            "status": "held",
            "format": "in-person",
            "participants_total": 30 + n,
        }
        for n in range(1, 11)
    ]
    rows = []
    (root / "files").mkdir(parents=True)
    for i in range(documents):
        meeting = i % 10 + 1
        files = []
        for language, words in (("en", "literacy learners report"), ("fr", "rapport culture numérique")):
            content = f"BENCH/{meeting}/{i} {words} {i}\n".encode()
            path = f"files/{i}-{language}.txt"
            (root / path).write_bytes(content)
            files.append(
                {
                    "language": language,
                    "path": path,
                    "name": f"doc-{i}-{language}.txt",
                    "sha256": hashlib.sha256(content).hexdigest(),
                }
            )
        rows.append(
            {
                "symbol": f"BENCH/{meeting}/{i + 1}",
                "body": "BENCH",
                "meeting": meeting,
                "kind": "contribution",
                "titles": {"en": f"Report {i}", "fr": f"Rapport {i}"},
                "sources": [{"name": f"Org {i % 50}", "country": "KE"}],
                "revisions": [{"number": 0, "published_at": f"{2000 + meeting}-04-01T10:00:00+00:00", "files": files}],
            }
        )
    manifest = {"format": "cwgcop-archive", "version": 1, "bodies": [], "meetings": meetings, "documents": rows}
    (root / "manifest.json").write_text(json.dumps(manifest))


def reset_peak() -> None:
    """Start the step's peak resident memory from now (Linux: writing 5 to clear_refs resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    if tracemalloc.is_tracing():
        tracemalloc.reset_peak()


def peak_mb() -> float:
    """The process's peak resident memory since :func:`reset_peak`, or since it started."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, documents: int, files: int, action: Callable[[], Any]) -> Any:
    reset_peak()
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    heap = (
        f"  Python heap peak {tracemalloc.get_traced_memory()[1] / 2**20:6.0f} MB" if tracemalloc.is_tracing() else ""
    )
    print(
        f"{label:<36} {seconds:8.1f} s  {documents / seconds:7.1f} documents/s  {files / seconds:7.1f} files/s"
        f"  (CPU {cpu:6.1f} s)  peak RSS {peak_mb():5.0f} MB{heap}",
        flush=True,
    )
    return result


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--immediate", action="store_true", help="Run tasks in-process at the commit.")
    parser.add_argument("--database-url", help="A PostgreSQL server: a new database is made on it and dropped.")
    parser.add_argument("--tracemalloc", action="store_true", help="Also measure the Python heap's peak (slower).")
    parser.add_argument("--no-worker", action="store_true", help="Leave the queued extraction undone (step 3).")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="cwgcop-bench-"))
    (scratch / "data").mkdir()
    database = "cwgcop_bench_archive"
    if args.database_url:
        sys.path.insert(0, str(ROOT))
        from bench.common import create_postgres_database

        server = args.database_url.rsplit("/", 1)[0]
        create_postgres_database(database)
        os.environ["DATABASE_URL"] = f"{server}/{database}"
    os.environ.update(
        CWGCOP_DATA_DIR=str(scratch / "data"),
        CWGCOP_DEBUG="false",
        CWGCOP_SECRET_KEY="bench-" + os.urandom(16).hex(),
        CWGCOP_LOG_LEVEL="WARNING",
        CWGCOP_TASKS_BACKEND="immediate" if args.immediate else "database",
        DJANGO_SETTINGS_MODULE="cwgcop.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from cwgcop.bodies.models import Body
    from cwgcop.documents.models import Document
    from cwgcop.history.exporter import export_archive
    from cwgcop.history.importer import import_archive
    from cwgcop.search.models import FileExtraction, SearchEntry

    Body.objects.get_or_create(acronym="BENCH", defaults={"slug": "bench", "name": "Bench", "name_en": "Bench"})
    start = time.perf_counter()
    make_archive(scratch / "archive", args.documents)
    n, files = args.documents, 2 * args.documents
    print(
        f"database: {connection.vendor}; {n} documents, {files} files, {folder_mb(scratch / 'archive'):.1f} MB "
        f"(archive written in {time.perf_counter() - start:.1f} s); peak RSS {peak_mb():.0f} MB",
        flush=True,
    )
    if args.tracemalloc:
        tracemalloc.start()
    try:
        report = timed("dry run", n, files, lambda: import_archive(actor=None, path=scratch / "archive", dry_run=True))
        print(f"  -> {report.count('create')} rows to create, {len(report.refused)} refused")
        timed(
            "import" + (" (with extraction, indexing)" if args.immediate else " (extraction queued)"),
            n,
            files,
            lambda: import_archive(actor=None, path=scratch / "archive", dry_run=False),
        )
        print(f"  -> {Document.objects.count()} documents in the archive")
        if not args.immediate and not args.no_worker:
            timed(
                "worker: extraction and indexing",
                n,
                files,
                lambda: call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0),
            )
            print(f"  -> {FileExtraction.objects.count()} files read, {SearchEntry.objects.count()} index entries")
        again = timed(
            "same archive again", n, files, lambda: import_archive(actor=None, path=scratch / "archive", dry_run=False)
        )
        print(f"  -> {again.count('unchanged')} rows unchanged")
        counts = timed("export", n, files, lambda: export_archive(scratch / "export"))
        print(f"  -> {counts}; {folder_mb(scratch / 'export'):.1f} MB written")
    finally:
        connection.close()
        if args.database_url:
            from bench.common import drop_postgres_database

            drop_postgres_database(database)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
