"""Benchmark: importing a large attendance list, and the figures and register that read it.

    python3 bench/attendance_import.py [--rows 5000] [--broken 100] [--actions 2000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cwgcop_bench python3 bench/attendance_import.py

In this process, on a scratch database (SQLite in a temporary folder unless DATABASE_URL is set): a meeting,
a CSV list of ``--rows`` people of whom ``--broken`` rows are broken, then
1. the preview (parse and plan, nothing written),
2. the import of the valid rows, 3. the same file imported again (every row an update),
4. the meeting's figures by region and stakeholder kind, 5. the action register's CSV with ``--actions`` items.
It prints the time of each step. It is not a test and asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from common import setup_scratch_django

COUNTRIES = ["CN", "BR", "KE", "SA", "CH", "RU", "US", "IN", "FR", "EG", "JP", "AR"]
KINDS = ["member-state", "sector-member", "academia", "civil-society", "un-igo", "other"]


def make_csv(rows: int, broken: int) -> str:
    rng = random.Random(7)
    bad = set(rng.sample(range(rows), broken))
    lines = ["name,email,organisation,country,stakeholder_kind,mode"]
    for i in range(rows):
        country = "Atlantis" if i in bad else rng.choice(COUNTRIES)
        lines.append(
            f"Person {i},person{i}@example.org,Organisation {i % 300},{country},{rng.choice(KINDS)},"
            f"{rng.choice(['onsite', 'remote'])}"
        )
    return "\n".join(lines) + "\n"


def timed(label: str, action: object) -> object:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    print(f"{label:<52} {1000 * (time.perf_counter() - start):9.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--broken", type=int, default=100)
    parser.add_argument("--actions", type=int, default=2000)
    args = parser.parse_args()

    setup_scratch_django()
    from django.db import connection
    from django.test import Client

    from cwgcop.bodies.models import Body
    from cwgcop.meetings.figures import participation_figures
    from cwgcop.meetings.models import ActionItem, Attendance, Meeting, Outcome
    from cwgcop.meetings.services import actions, attendance, outcomes

    print(f"database: {connection.vendor}; rows: {args.rows} ({args.broken} broken); actions: {args.actions}")
    body, _ = Body.objects.get_or_create(acronym="BENCH", defaults={"slug": "bench", "name": "Bench"})
    Meeting.objects.filter(body=body).delete()
    meeting = Meeting.objects.create(body=body, number=1, start_date="2025-01-01", end_date="2025-01-02", status="held")
    text = make_csv(args.rows, args.broken)

    preview = timed(
        "preview (parse + plan, nothing written)",
        lambda: attendance.import_attendance(actor=None, meeting=meeting, text=text, dry_run=True),
    )
    print(f"  → {preview.valid_count} valid rows, {preview.broken_count} broken")  # type: ignore[attr-defined]
    timed(
        "import of the valid rows",
        lambda: attendance.import_attendance(actor=None, meeting=meeting, text=text, only_valid_rows=True),
    )
    timed(
        "same file again (every row an update)",
        lambda: attendance.import_attendance(actor=None, meeting=meeting, text=text, only_valid_rows=True),
    )
    print(f"  → {Attendance.objects.filter(meeting=meeting).count()} people listed")
    figures = timed("figures by region and stakeholder kind", lambda: participation_figures(meeting))
    print(f"  → total {figures.total}, {len(figures.by_region)} regions")  # type: ignore[attr-defined]

    source = outcomes.record_outcome(actor=None, meeting=meeting, kind="requested", texts={"en": "Do things."})
    start = time.perf_counter()
    for i in range(args.actions):
        actions.raise_action_item(actor=None, outcome=source, descriptions={"en": f"Task {i}"})
    print(
        f"{'raising ' + str(args.actions) + ' action items (one service call each)':<52} "
        f"{1000 * (time.perf_counter() - start):9.1f} ms"
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/en/meetings/")  # the first request imports the URL configuration and templates
    response = timed("action register as CSV (all items)", lambda: client.get("/en/meetings/actions.csv"))
    lines = response.content.count(b"\n")  # type: ignore[attr-defined]
    print(f"  → {lines - 1} rows")
    timed("action register page (first 50)", lambda: client.get("/en/meetings/actions/?status=open"))
    ActionItem.objects.filter(meeting=meeting).delete()
    Outcome.objects.filter(meeting=meeting).delete()


if __name__ == "__main__":
    main()
