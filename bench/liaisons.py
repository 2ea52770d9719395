"""Benchmark: the liaison register, a long conversation, the feed, the API and the reminder run.

    python3 bench/liaisons.py [--statements 2000] [--thread 60] [--due 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cwgcop_bench python3 bench/liaisons.py

In this process, on a scratch database (SQLite in a temporary folder unless DATABASE_URL is set): three
bodies, ``--statements`` statements through the services (half incoming, half sent replies), one conversation
of ``--thread`` statements, ``--due`` statements for action whose deadline is near. It prints the time of
each step (pages rendered with the page cache off; reads: the best of five) and the number of queries. It asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from io import StringIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from common import setup_scratch_django


def timed(label: str, action: Any, repeat: int = 1) -> Any:
    """Run ``action`` ``repeat`` times; print the fastest run and its number of queries."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    best = float("inf")
    result = None
    count = 0
    for _ in range(repeat):
        reset_queries()  # the query log keeps 9,000 entries: counting across its limit would be wrong
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = action()
            best = min(best, 1000 * (time.perf_counter() - start))
        count = len(queries)
    shown = f"{count:6d}" if count < 9000 else " >9000"
    print(f"{label:<60} {best:9.1f} ms {shown} queries" + (f" (best of {repeat})" if repeat > 1 else ""))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=2000)
    parser.add_argument("--thread", type=int, default=60)
    parser.add_argument("--due", type=int, default=300)
    args = parser.parse_args()

    os.environ["CWGCOP_PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("CWGCOP_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    setup_scratch_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from cwgcop.bodies.enums import RoleKind
    from cwgcop.bodies.models import Body, Role
    from cwgcop.liaisons import queries, services
    from cwgcop.liaisons.models import LiaisonStatement

    print(f"database: {connection.vendor}; statements: {args.statements}; thread: {args.thread}; due: {args.due}")
    cwg = Body.objects.create(acronym="CWG-COP", slug="cwg-cop", name="CWG-COP", kind="cwg")
    sg2 = Body.objects.create(acronym="ITU-D SG2 Q3/2", slug="itu-d-sg2-q3", name="SG2 Q3/2", kind="question")
    sg17 = Body.objects.create(acronym="ITU-T SG17", slug="itu-t-sg17", name="SG17", kind="study-group")
    user = get_user_model().objects.create_user("bench-sec", "sec@example.org", "bench-password-1")
    Role.objects.create(user=user, body=cwg, kind=RoleKind.SECRETARIAT)
    start_day = datetime.date(2020, 1, 1)

    def create_pairs() -> None:
        for i in range(args.statements // 2):
            day = start_day + datetime.timedelta(days=i % 1500)
            question = services.create_statement(
                actor=None,
                direction="incoming",
                purpose="information",
                titles={"en": f"Statement {i}", "zh-hans": f"声明 {i}"},
                from_bodies=[sg2 if i % 2 else sg17],
                to_bodies=[cwg],
                sent_on=day,
            )
            reply = services.create_statement(
                actor=None,
                direction="outgoing",
                purpose="comment",
                titles={"en": f"Reply {i}"},
                from_bodies=[cwg],
                to_bodies=[sg2 if i % 2 else sg17],
                reply_to_id=question.pk,
            )
            services.approve_statement(actor=None, statement=reply)
            services.send_statement(actor=None, statement=reply, sent_on=day + datetime.timedelta(days=20))

    timed(f"create {args.statements} statements (services, with audit)", create_pairs)

    def long_thread() -> LiaisonStatement:
        previous = None
        for i in range(args.thread):
            previous = services.create_statement(
                actor=None,
                direction="incoming",
                purpose="information",
                titles={"en": f"Conversation {i}"},
                from_bodies=[sg2],
                to_bodies=[cwg],
                sent_on=start_day + datetime.timedelta(days=i),
                reply_to_id=previous.pk if previous else None,
            )
        assert previous is not None
        return previous

    last = timed(f"a conversation {args.thread} statements deep", long_thread)

    today = datetime.date.today()

    def due() -> None:
        for i in range(args.due):
            services.create_statement(
                actor=None,
                direction="incoming",
                purpose="action",
                titles={"en": f"Request {i}"},
                from_bodies=[sg2],
                to_bodies=[cwg],
                sent_on=today - datetime.timedelta(days=30),
                deadline=today + datetime.timedelta(days=i % 10),
            )

    timed(f"{args.due} statements for action, deadline near", due)

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/en/")  # the first request loads URLs and templates: not what is measured
    timed("register, first page", lambda: client.get("/en/liaisons/"), repeat=5)
    timed(
        "register, outgoing to SG2 in 2021",
        lambda: client.get("/en/liaisons/?direction=outgoing&body=itu-d-sg2-q3&year=2021"),
        repeat=5,
    )
    timed("register, page 40", lambda: client.get("/en/liaisons/?page=40"), repeat=5)
    timed("statement page, end of the long conversation", lambda: client.get(f"/en/liaisons/{last.pk}/"), repeat=5)
    timed("thread query alone", lambda: queries.thread(last), repeat=5)
    timed("body page (CWG-COP)", lambda: client.get("/en/bodies/cwg-cop/"), repeat=5)
    timed("Atom feed (50 newest)", lambda: client.get("/feeds/liaisons.atom"), repeat=5)
    timed("API list, limit 200", lambda: client.get("/api/v1/liaisons/?limit=200"), repeat=5)
    timed("reminders, first run", lambda: call_command("send_liaison_reminders", stdout=StringIO()))
    timed("reminders, second run (nothing to send)", lambda: call_command("send_liaison_reminders", stdout=StringIO()))


if __name__ == "__main__":
    main()
