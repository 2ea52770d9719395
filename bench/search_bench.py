"""Benchmark of the full-text search on both engines, at archive scale. Prints numbers; asserts nothing.

    python3 bench/search_bench.py [--documents 100000] [--database sqlite|postgres|both] [--queries 200]
    python3 bench/search_bench.py --documents 100000 --database sqlite --keep DIR   # then --reuse DIR/cwgcop.sqlite3
    python3 bench/search_bench.py --documents 100000 --database postgres --pg-database NAME   # then --pg-reuse

For each engine it creates a fresh database (SQLite in a temporary folder; PostgreSQL database
``--pg-database``, default ``search_speed_bench``, on 127.0.0.1:5432), loads the synthetic corpus of ``search_corpus.py`` as published
documents whose files' text is already extracted, then prints:

- index build time (``rebuild_index()``: tokenising every language version and writing the engine's index),
- index size on disk (SQLite: the FTS5 tables and the entries, by ``dbstat``; PostgreSQL: the entries table
  with its tsvector column and GIN index, ``pg_total_relation_size``),
- p50/p95/p99 latency over ``--queries`` queries per class, without and with a filter (a meeting): the engine
  query alone (ranked page of 20 with the total) and the whole service (plus the documents and snippets),
  the mean total, and the share of queries that matched more language versions than the engine ranks
  (``CANDIDATES``; their total is a lower bound),
  Words are drawn from each language's vocabulary, every word equally likely (the corpus itself is Zipfian,
  so most words are rare and a few occur in most documents); phrases and half of the Chinese 4-character
  queries are cut from a random document's text,
- recall and precision of the Chinese classes against a substring ground truth over the corpus (with every
  match ranked: this measures what the index finds, not the bound on candidates).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "search_speed_bench"
CLASSES = ("English word", "English phrase", "Chinese 2 characters", "Chinese 4 characters", "Arabic word", "Symbol")


def log(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--reuse",
        metavar="SQLITE_FILE",
        help="query an SQLite database built by an earlier run with the same --documents and --seed (no build)",
    )
    parser.add_argument("--pg-database", default=PG_BENCH, help="the PostgreSQL database to (re)create")
    parser.add_argument(
        "--pg-reuse",
        action="store_true",
        help="query the PostgreSQL database --pg-database built by an earlier run with the same --documents and "
        "--seed (no build)",
    )
    parser.add_argument(
        "--keep",
        metavar="FOLDER",
        help="build the SQLite database in FOLDER and keep it there (for --reuse FOLDER/cwgcop.sqlite3)",
    )
    args = parser.parse_args()
    if args.reuse:
        os.environ.update(
            CWGCOP_DATA_DIR=str(Path(args.reuse).parent), DJANGO_SETTINGS_MODULE="cwgcop.settings_test", DATABASE_URL=""
        )
        os.environ["CWGCOP_BENCH_SQLITE_FILE"] = args.reuse
        run(args.documents, args.queries, args.seed, reuse=True)
        return
    if args.pg_reuse:
        os.environ.update(DJANGO_SETTINGS_MODULE="cwgcop.settings_test")
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.pg_database}"
        with tempfile.TemporaryDirectory(prefix="cwgcop-search-bench-") as scratch:
            os.environ["CWGCOP_DATA_DIR"] = scratch
            run(args.documents, args.queries, args.seed, reuse=True)
        return
    if args.database == "both":
        for database in ("sqlite", "postgres"):
            argv = [sys.executable, __file__, "--documents", str(args.documents), "--database", database]
            argv += ["--pg-database", args.pg_database]
            subprocess.run([*argv, "--queries", str(args.queries), "--seed", str(args.seed)], check=True)
        return
    with tempfile.TemporaryDirectory(prefix="cwgcop-search-bench-") as scratch:
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
        os.environ["CWGCOP_DATA_DIR"] = args.keep or scratch
        os.environ["DJANGO_SETTINGS_MODULE"] = "cwgcop.settings_test"
        if args.database == "postgres":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{args.pg_database}"')
                connection.execute(f'CREATE DATABASE "{args.pg_database}"')
            os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.pg_database}"
        else:
            os.environ["DATABASE_URL"] = ""
        run(args.documents, args.queries, args.seed)


def run(count: int, queries: int, seed: int, *, reuse: bool = False) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwgcop.settings")
    sys.path.insert(0, str(ROOT / "bench"))
    import django
    from django.conf import settings

    if reuse and "CWGCOP_BENCH_SQLITE_FILE" in os.environ:
        settings.DATABASES["default"]["NAME"] = os.environ["CWGCOP_BENCH_SQLITE_FILE"]
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cwgcop.search.engines import engine_name, get_engine
    from cwgcop.search.indexing import rebuild_index
    from search_corpus import Corpus

    corpus = Corpus(seed)
    started = time.perf_counter()
    documents = corpus.documents(count)
    # The corpus stays in memory for the ground truth: out of the garbage collector's way, so that its full
    # collections (a scan of every document object) do not land in the search latencies.
    gc.freeze()
    log(f"generated {count} documents in {time.perf_counter() - started:.1f} s")
    if reuse:  # rows were loaded in order into a fresh database: ids and meetings follow the numbers
        started = time.perf_counter()
        call_command("migrate", verbosity=0)  # the code may have gained migrations since (and count the words)
        log(f"migrated (with the spelling vocabulary if it was missing) in {time.perf_counter() - started:.1f} s")
        ids, meetings = [d.number + 1 for d in documents], [d.number % 25 + 1 for d in documents]
        indexed, build = (0, 0), float("nan")
    else:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        ids, meetings = load(documents)
        log(f"loaded the archive rows in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        indexed = rebuild_index()
        build = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    size = get_engine().size_bytes()
    version = (
        connection.cursor().connection.execute("SELECT sqlite_version()").fetchone()[0]
        if (connection.vendor == "sqlite")
        else connection.cursor().connection.info.server_version
    )
    print(f"\n## {engine_name()} — {count:,} documents ({connection.vendor} {version})\n")
    print(f"- machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} when the queries started")
    if reuse:
        print("- index build: not measured in this run (the database of an earlier run was reused)")
    else:
        print(f"- index build: {build:.1f} s ({indexed[1]:,} language versions)")
    print(f"- index size: {size / 1_048_576:.1f} MiB")
    from cwgcop.search.models import SearchWord

    print(f"- spelling vocabulary: {SearchWord.objects.count():,} words")
    measure(corpus, documents, ids, meetings, queries, seed)


def load(documents: list[Any]) -> tuple[list[int], list[int]]:
    """Published documents with one text file each (text already extracted), in bulk. Returns pks and meetings."""
    import datetime

    from django.db import transaction

    from cwgcop.bodies.models import Body
    from cwgcop.core.languages import field_suffix
    from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
    from cwgcop.meetings.models import Meeting

    with transaction.atomic():
        body = Body.objects.create(
            acronym="CWG-COP", slug="cwg-cop", name="CWG-COP", kind="cwg", symbol_prefix="CWG-COP"
        )
        meetings = [
            Meeting.objects.create(
                body=body,
                number=n,
                start_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=180 * n),
                end_date=datetime.date(2010, 1, 2) + datetime.timedelta(days=180 * n),
                venue="Geneva",
                format="hybrid",
                status="held",
            )
            for n in range(1, 26)
        ]
        start = datetime.datetime(2010, 1, 1, tzinfo=datetime.UTC)
        ids: list[int] = []
        meeting_of: list[int] = []
        for offset in range(0, len(documents), 5000):
            batch = documents[offset : offset + 5000]
            rows = []
            for doc in batch:
                meeting = meetings[doc.number % len(meetings)]
                published = start + datetime.timedelta(minutes=doc.number * 80)
                row = Document(
                    symbol=f"CWG-COP-{meeting.number}/{doc.number + 1}",
                    body=body,
                    meeting=meeting,
                    kind="contribution",
                    original_language=doc.language,
                    status="published",
                    published_at=published,
                    **{f"title_{field_suffix(doc.language)}": doc.title[:500]},
                )
                rows.append(row)
                meeting_of.append(meeting.pk)
            created = Document.objects.bulk_create(rows)
            ids.extend(d.pk for d in created)
            revisions = DocumentRevision.objects.bulk_create(
                [DocumentRevision(document=d, number=0, published_at=d.published_at) for d in created]
            )
            DocumentFile.objects.bulk_create(
                [
                    DocumentFile(
                        revision=revision,
                        language=doc.language,
                        original_name="text.txt",
                        storage_key=f"bench/{doc.number}.txt",
                        sha256=f"{doc.number:064d}",
                        size=len(doc.body.encode()),
                        media_type="text/plain",
                        extracted_text=doc.body,
                    )
                    for revision, doc in zip(revisions, batch, strict=True)
                ]
            )
    return ids, meeting_of


def sample_queries(  # noqa: PLR0917
    corpus: Any, documents: list[Any], ids: list[int], meetings: list[int], n: int, seed: int
) -> dict[str, list[tuple[str, int]]]:
    """``n`` (query, meeting of the document it came from) per class, drawn from the corpus."""
    from cwgcop.search.text import TOKEN_RE

    rng = random.Random(seed + 1)
    by_language: dict[str, list[Any]] = {}
    for doc in documents:
        by_language.setdefault(doc.language, []).append(doc)
    symbols = [(f"CWG-COP-{m}/{d.number + 1}", i) for i, (d, m) in enumerate(zip(documents, meetings, strict=True))]

    def cjk(length: int) -> tuple[str, int]:
        while True:
            doc = rng.choice(by_language["zh-hans"])
            runs = [m.group() for m in TOKEN_RE.finditer(doc.body) if m.lastgroup == "cjk" and len(m.group()) >= length]
            run = rng.choice(runs)
            at = rng.randrange(len(run) - length + 1)
            return run[at : at + length], doc.number

    def phrase(language: str) -> tuple[str, int]:
        doc = rng.choice(by_language[language])
        words = doc.body.split()
        at = rng.randrange(len(words) - 1)
        return f'"{words[at]} {words[at + 1]}"', doc.number

    def word(language: str) -> tuple[str, int]:
        # A word of the language's vocabulary, each equally likely (not weighted by its frequency).
        text = rng.choice(corpus.vocabulary[language])
        if language == "ar":
            text = rng.choice(("", "ال", "وال", "بال")) + text
        return text, rng.choice(by_language[language]).number

    def chinese_word(length: int) -> tuple[str, int]:
        words = [w for w in corpus.vocabulary["zh-hans"] if len(w) == length]
        return rng.choice(words), rng.choice(by_language["zh-hans"]).number

    drawn = {
        "English word": [word("en") for _ in range(n)],
        "English phrase": [phrase("en") for _ in range(n)],
        "Chinese 2 characters": [chinese_word(2) for _ in range(n)],
        "Chinese 4 characters": [cjk(4) if i % 2 else chinese_word(4) for i in range(n)],
        "Arabic word": [word("ar") for _ in range(n)],
        "Symbol": [(s, documents[i].number) for s, i in rng.sample(symbols, n)],
    }
    return {name: [(text, meetings[number]) for text, number in items] for name, items in drawn.items()}


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def measure(corpus: Any, documents: list[Any], ids: list[int], meetings: list[int], n: int, seed: int) -> None:  # noqa: PLR0917
    from cwgcop.search.engines import Filters, get_engine
    from cwgcop.search.query import parse_query
    from cwgcop.search.services import search

    engine = get_engine()
    drawn = sample_queries(corpus, documents, ids, meetings, n, seed)
    print(
        "\n| query class | filter | engine p50 | p95 | p99 | service p50 | p95 | p99 | service CPU p50 | p95 "
        "| mean matches | more than ranked |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in CLASSES:
        for filtered in (False, True):
            engine_ms: list[float] = []
            service_ms: list[float] = []
            service_cpu_ms: list[float] = []
            matches: list[int] = []
            capped = 0
            for text, meeting in drawn[name]:
                filters = Filters(meeting=meeting) if filtered else Filters()
                query = parse_query(text)
                engine.search(query, filters, limit=20, offset=0)  # warm the page cache of the database
                started = time.perf_counter()
                page = engine.search(query, filters, limit=20, offset=0)
                engine_ms.append((time.perf_counter() - started) * 1000)
                started, cpu = time.perf_counter(), time.process_time()
                search(text=text, filters=filters, limit=20, language="en")
                service_ms.append((time.perf_counter() - started) * 1000)
                service_cpu_ms.append((time.process_time() - cpu) * 1000)
                matches.append(page.total)
                capped += not page.exact
            e50, e95, e99 = percentiles(engine_ms)
            s50, s95, s99 = percentiles(service_ms)
            c50, c95, _c99 = percentiles(service_cpu_ms)
            label = "meeting" if filtered else "none"
            print(
                f"| {name} | {label} | {e50:.1f} | {e95:.1f} | {e99:.1f} | {s50:.1f} | {s95:.1f} | {s99:.1f} "
                f"| {c50:.2f} | {c95:.2f} | {statistics.fmean(matches):,.0f} | {capped / len(drawn[name]):.0%} |"
            )
    print(f"\n- load average {os.getloadavg()[0]:.1f} when the queries ended; service CPU is this process's CPU time")
    chinese_recall(engine, documents, ids, drawn)


def chinese_recall(engine: Any, documents: list[Any], ids: list[int], drawn: dict[str, list[tuple[str, int]]]) -> None:
    from cwgcop.search.engines import Filters
    from cwgcop.search.query import parse_query

    # Recall of the matching itself: every match is ranked here, whatever the engine's bound on candidates.
    engine.candidates = 10**9
    chinese = [(ids[d.number], d.title + "\n" + d.body) for d in documents if d.language == "zh-hans"]
    print("\n| Chinese class | queries | expected matches (substring) | found | recall | precision |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in ("Chinese 2 characters", "Chinese 4 characters"):
        expected = found = correct = 0
        for text, _meeting in drawn[name]:
            truth = {pk for pk, body in chinese if text in body}
            page = engine.search(parse_query(text), Filters(), limit=1_000_000, offset=0)
            hits = {hit.document_id for hit in page.hits}
            expected += len(truth)
            found += len(hits)
            correct += len(truth & hits)
        recall = correct / expected if expected else 1.0
        precision = correct / found if found else 1.0
        print(f"| {name} | {len(drawn[name])} | {expected:,} | {found:,} | {recall:.4f} | {precision:.4f} |")


if __name__ == "__main__":
    main()
