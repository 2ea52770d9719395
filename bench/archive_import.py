"""Benchmark: importing a group's history from an archive, importing it again, and exporting it.

    python3 bench/archive_import.py [--documents 1000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cwgcop_bench python3 bench/archive_import.py --documents 10000

In this process, on a scratch database (SQLite in a temporary folder unless DATABASE_URL is set): an archive
folder with ``--documents`` published documents in 10 meetings, two small text files each (English and French,
so 2N files), then
1. the dry run (every row written in a transaction that is rolled back),
2. the import (one transaction; after it commits, one task reading and indexing every document is queued),
3. that task, run by a worker in this process (``db_worker --batch``): text extraction and indexing,
4. the same archive imported again (every row unchanged),
5. the export to a new folder.
Tasks go to the database queue (``CWGCOP_TASKS_BACKEND=database``), as in production; ``--immediate`` runs them
in-process at the commit instead, counted in the import's time.
It prints wall time, documents per second and the process's peak resident memory after each step. It is not a
test and asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

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


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, documents: int, action: object) -> object:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:8.1f} s  {documents / seconds:8.1f} documents/s  peak RSS {peak_mb():7.0f} MB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--immediate", action="store_true", help="Run tasks in-process at the commit.")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="cwgcop-bench-"))
    (scratch / "data").mkdir()
    os.environ.setdefault("CWGCOP_DATA_DIR", str(scratch / "data"))
    os.environ.setdefault("CWGCOP_DEBUG", "true")
    os.environ.setdefault("CWGCOP_TASKS_BACKEND", "immediate" if args.immediate else "database")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwgcop.settings")
    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)
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
    print(
        f"database: {connection.vendor}; {args.documents} documents, {2 * args.documents} files "
        f"(archive written in {time.perf_counter() - start:.1f} s); peak RSS {peak_mb():.0f} MB"
    )
    n = args.documents
    report = timed("dry run", n, lambda: import_archive(actor=None, path=scratch / "archive", dry_run=True))
    print(f"  → {report.count('create')} rows to create, {len(report.refused)} refused")  # type: ignore[attr-defined]
    timed(
        "import" + (" (with extraction and indexing)" if args.immediate else " (extraction queued)"),
        n,
        lambda: import_archive(actor=None, path=scratch / "archive", dry_run=False),
    )
    print(f"  → {Document.objects.count()} documents in the archive")
    if not args.immediate:
        timed(
            "worker: extraction and indexing",
            n,
            lambda: call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0),
        )
        print(f"  → {FileExtraction.objects.count()} files read, {SearchEntry.objects.count()} index entries")
    again = timed("same archive again", n, lambda: import_archive(actor=None, path=scratch / "archive", dry_run=False))
    print(f"  → {again.count('unchanged')} rows unchanged")  # type: ignore[attr-defined]
    counts = timed("export", n, lambda: export_archive(scratch / "export"))
    print(f"  → {counts}")


if __name__ == "__main__":
    main()
