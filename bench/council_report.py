"""Benchmark: rendering one report to the Council (two meetings) in three formats and six languages.

    python3 bench/council_report.py [--repeat 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cwgcop_bench python3 bench/council_report.py

In this process (the worker that renders), on a scratch database (SQLite in a temporary folder unless
DATABASE_URL is set): a body with its governing texts and two meetings with figures, outcomes and action
items, and a draft in the six languages. It prints the time to assemble the draft, to render each format in
each language (best of ``--repeat``), to render all eighteen files, and to publish (which renders and stores
them all), then the process's peak resident memory. It asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from common import setup_scratch_django

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
FORMATS = ["docx", "pdf", "html"]


def best_of(repeat: int, action: Any) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, 1000 * (time.perf_counter() - start))
    return best, result


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup_scratch_django()
    from django.db import connection

    from cwgcop.bodies.models import Body
    from cwgcop.meetings.models import ActionItem, Meeting, Outcome
    from cwgcop.reports import services

    print(f"database: {connection.vendor}; languages: {len(LANGUAGES)}; formats: {len(FORMATS)}; meetings: 2")
    print(f"peak memory after start-up: {peak_mib():.0f} MiB")
    body = Body.objects.create(acronym="BWG", slug="bwg", name="Bench working group", kind="cwg", symbol_prefix="BWG")
    for code, name in zip(
        LANGUAGES, ["فريق العمل", "基准工作组", "Bench working group", "Groupe", "Группа", "Grupo"], strict=True
    ):
        setattr(body, f"name_{code.replace('-', '_')}", name)
    body.save()
    services.add_governing_text(
        actor=None,
        body=body,
        kind="governing",
        texts={
            "citation": {code: f"Resolution 179 (Rev. 2022) [{code}]" for code in LANGUAGES},
            "items": dict.fromkeys(LANGUAGES, "one\ntwo\nthree"),
        },
        valid_from=datetime.date(2023, 1, 1),
    )
    for number, day, count in ((21, datetime.date(2024, 9, 30), 129), (22, datetime.date(2025, 2, 12), 191)):
        meeting = Meeting.objects.create(
            body=body,
            number=number,
            start_date=day,
            end_date=day + datetime.timedelta(days=1),
            venue="Geneva",
            participants_total=count,
        )
        for position in range(1, 6):
            outcome = Outcome.objects.create(
                meeting=meeting, position=position, kind="agreed", text=f"Outcome {position} " + "text " * 40
            )
        ActionItem.objects.create(
            outcome=outcome, meeting=meeting, number=1, description="Do it", owner_kind="secretariat"
        )
    period = {"start": datetime.date(2024, 6, 1), "end": datetime.date(2025, 6, 30)}
    start = time.perf_counter()
    report = services.create_draft(
        actor=None, body=body, languages=LANGUAGES, council_document="C25/99", history_chart=True, **period
    )
    print(f"{'assemble the draft (6 languages)':<44} {1000 * (time.perf_counter() - start):9.1f} ms")

    def draw() -> services.Charts:
        charts = services.draw_charts(report)
        for language in LANGUAGES:  # each language has its own drawing (figures, and mirrored in Arabic)
            charts.period_png(language)
            charts.history_png(language)
        return charts

    elapsed, charts = best_of(args.repeat, draw)
    print(f"{'draw the two charts in six languages':<44} {elapsed:9.1f} ms")
    total = elapsed

    def render(language: str, fmt: str) -> bytes:
        return services.render_report(report, language, fmt, charts=charts)

    for fmt in FORMATS:
        times = []
        for language in LANGUAGES:
            elapsed, data = best_of(args.repeat, lambda language=language, fmt=fmt: render(language, fmt))
            times.append(elapsed)
            print(f"render {fmt:<4} {language:<8} {elapsed:9.1f} ms {len(data):>9,} bytes")
        total += sum(times)
        print(f"{'render ' + fmt + ', six languages':<44} {sum(times):9.1f} ms")
    print(f"{'charts and all 18 files (sum of best runs)':<44} {total:9.1f} ms")
    services.approve(actor=None, report=report, version=1)
    start = time.perf_counter()
    services.publish(actor=None, report=report)
    print(f"{'publish (render and store 18 files)':<44} {1000 * (time.perf_counter() - start):9.1f} ms")
    print(f"peak memory of the worker: {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()
