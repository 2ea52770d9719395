"""Benchmark: 1,000 people register at once for an event with 300 places.

    python3 bench/event_registrations.py [--people 1000] [--capacity 300] [--cancel 50]

Against PostgreSQL and gunicorn (2 workers × 8 threads, production settings), from this process on
127.0.0.1 with one thread per person:
1. every person posts a registration to the API at the same moment;
2. every person follows the confirmation link from their e-mail at the same moment (e-mail goes through the
   task queue, as in production: ``CWGCOP_TASKS_BACKEND=database`` with one ``cwgcop db_worker`` beside
   gunicorn, which writes the messages to files with Django's file-based backend; they are read back from there
   once the worker has delivered them all, and the time that took is printed);
3. 50 confirmed people cancel at the same moment (page → CSRF token → POST), and the first 50 on the waiting
   list must be promoted, in list order.
It prints counts and p50/p99 latency per phase, and checks the database for overbooking and duplicates. It is
not a test: it asserts nothing, but says plainly whether each expectation held.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tempfile

from common import (
    BIN,
    create_postgres_database,
    django_run,
    log,
    prepare,
    production_env,
    start_gunicorn,
    stop,
    wait_for,
)

SETUP = """
import datetime, django
django.setup()
from django.utils import timezone
from cwgcop.events.models import Event, EventSeries
now = timezone.now()
series, _ = EventSeries.objects.get_or_create(slug="bench", defaults={{"title": "Bench", "title_en": "Bench"}})
Event.objects.filter(series=series).delete()
Event.objects.create(series=series, slug="load", title="Load", title_en="Load", capacity={capacity},
    starts_at=now + datetime.timedelta(days=5), ends_at=now + datetime.timedelta(days=5, hours=2),
    registration_opens_at=now - datetime.timedelta(days=1), registration_closes_at=now + datetime.timedelta(days=4),
    format="online")
"""

REPORT = """
import django, json
django.setup()
from django.db.models import Count
from cwgcop.events.models import Event, Registration
event = Event.objects.get(series__slug="bench", slug="load")
rows = Registration.objects.filter(event=event)
print(json.dumps({
    "confirmed_count_column": event.confirmed_count,
    "statuses": dict(rows.values_list("status").annotate(n=Count("id")).order_by()),
    "duplicate_addresses": rows.values("email").annotate(n=Count("id")).filter(n__gt=1).count(),
    "waitlist_order": list(rows.filter(status="waitlisted").order_by("waitlisted_at", "id").values_list("email", flat=True)),
    "confirmed": list(rows.filter(status="confirmed").values_list("email", flat=True)),
}))
"""


def timed(function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        status = function(*args)
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        status = f"error: {error}"
    return status, (time.perf_counter() - started) * 1000


def run_all(function, items, barrier_size):  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(barrier_size)

    def one(item):  # type: ignore[no-untyped-def]
        barrier.wait()
        return timed(function, item)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=barrier_size) as pool:
        results = list(pool.map(one, items))
    return results, time.perf_counter() - started


def summary(name: str, results, elapsed: float) -> str:  # type: ignore[no-untyped-def]
    latencies = sorted(ms for _, ms in results)
    statuses = Counter(str(status) for status, _ in results)
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    errors = sum(n for s, n in statuses.items() if s.startswith("5") or s.startswith("error"))
    return (
        f"| {name} | {len(results)} | {len(results) / elapsed:,.0f} | {p50:.0f} | {p99:.0f} | {errors} | "
        f"{dict(sorted(statuses.items()))} |"
    )


def read_links(mail_dir: Path) -> dict[str, str]:
    links: dict[str, str] = {}
    for path in mail_dir.glob("*.log"):
        text = path.read_text()
        for address, link in re.findall(r"To: (\S+)\n.*?(http://\S+/confirm/)", text, re.S):
            links[address] = link
    return links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--capacity", type=int, default=300)
    parser.add_argument("--cancel", type=int, default=50)
    parser.add_argument("--port", type=int, default=8941)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cwgcop-bench-events-"))
    mail_dir = workdir / "mail"
    env = production_env(
        workdir,
        port=args.port,
        redis_db=7,
        name="events",
        DATABASE_URL=create_postgres_database("cwgcop_bench_events"),
        CWGCOP_EVENT_RATE_LIMIT="1000000/h",
        CWGCOP_TASKS_BACKEND="database",
    )
    prepare(env)
    django_run(env, SETUP.format(capacity=args.capacity))
    base = f"http://127.0.0.1:{args.port}"
    server = start_gunicorn(env, args.port, threads=8)
    worker = subprocess.Popen(
        [BIN / "cwgcop", "db_worker", "--interval", "0.05", "--no-startup-delay"],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    rows = []
    try:
        wait_for(base + "/en/")
        url = f"{base}/api/v1/events/bench/load/registrations"

        def register(number: int) -> int:
            body = json.dumps(
                {
                    "name": f"Person {number}",
                    "email": f"p{number}@example.org",
                    "organization": "Bench",
                    "country": ["CH", "CN", "KE", "BR", "SA", "RU"][number % 6],
                    "stakeholder_kind": "other",
                    "attendance_mode": "online",
                    "consent": True,
                }
            ).encode()
            request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status

        results, elapsed = run_all(register, range(args.people), args.people)
        rows.append(summary("register (POST API)", results, elapsed))
        delivered_from = time.monotonic()
        links = read_links(mail_dir)
        while len(links) < args.people and time.monotonic() - delivered_from < 300:
            time.sleep(0.5)
            links = read_links(mail_dir)
        delivery_seconds = time.monotonic() - delivered_from
        log(f"{len(links)} confirmation links read from e-mail files")

        def confirm(link: str) -> int:
            with urllib.request.urlopen(link, timeout=120) as response:
                return response.status

        order = sorted(links)
        results, elapsed = run_all(confirm, [links[a] for a in order], len(order))
        rows.append(summary("confirm (GET e-mail link)", results, elapsed))
        before = json.loads(django_run(env, REPORT))
        to_cancel = before["confirmed"][: args.cancel]
        expected_promoted = before["waitlist_order"][: args.cancel]

        def cancel(address: str) -> int:
            manage = links[address].removesuffix("confirm/")
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            # The confirmation step names what will happen; its button posts again with confirm=yes.
            page = opener.open(manage + "cancel/", timeout=120).read().decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "confirm": "yes"}).encode()
            request = urllib.request.Request(manage + "cancel/", data=data, headers={"Referer": manage + "cancel/"})
            with opener.open(request, timeout=120) as response:
                return response.status

        results, elapsed = run_all(cancel, to_cancel, len(to_cancel))
        rows.append(summary(f"cancel {len(to_cancel)} at once (confirmation page + POST)", results, elapsed))
        after = json.loads(django_run(env, REPORT))
    finally:
        stop(server)
        stop(worker)
    promoted = [a for a in expected_promoted if a in set(after["confirmed"])]
    print(
        f"\nEvent registration under load: {args.people} people, capacity {args.capacity}, PostgreSQL, "
        f"gunicorn 2 workers × 8 threads, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n"
    )
    print(
        f"e-mail through the queue: all {len(links)} confirmation messages delivered by one db_worker "
        f"{delivery_seconds:.1f} s after the last registration answered\n"
    )
    print("| phase | requests | req/s | p50 ms | p99 ms | server errors | statuses |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(row)
    print()
    print(
        f"after confirmation: {before['statuses']} (confirmed_count column {before['confirmed_count_column']}), "
        f"duplicate addresses: {before['duplicate_addresses']}"
    )
    print(f"after cancelling {len(to_cancel)}: {after['statuses']} (column {after['confirmed_count_column']})")
    print(
        f"promoted in waiting-list order: {len(promoted)} of the first {len(expected_promoted)} "
        f"({'exactly the first ones' if promoted == expected_promoted else 'NOT in order'}); "
        f"still waiting, in order: {after['waitlist_order'] == before['waitlist_order'][args.cancel :]}"
    )


if __name__ == "__main__":
    main()
