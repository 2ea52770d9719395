"""Benchmark: a burst of children's answers during a live consultation session.

    python3 bench/consultation_answers.py [--answers 500] [--port 8946] [--time-limit 600] [--cost-only]

Against PostgreSQL and gunicorn (2 workers × 8 threads, production settings, Redis cache), from this process on
127.0.0.1 with one thread per child:
1. every child opens the take-part page (English or Chinese) to get its form and signed form token (not timed);
2. every child posts its answers at the same moment: a choice, a scale and an open text that holds an e-mail
   address, a phone number, a link, a handle or an ID number about half of the time, and a disclosure in one
   answer out of 50 (which opens a safeguarding case and e-mails the lead);
3. a few more answers are posted one by one past the rate limit, which must refuse them (429).
It prints submissions/s and p50/p99 latency of the burst, then the cost of redaction and of the safeguarding
check per answer (each, and both together, wall and thread CPU time, with the load average), timed in-process over
the same texts and over every text of the six-language corpora in tests/consultations/, and checks the database: every answer stored, none
with an original e-mail address, phone number or ID, the expected safeguarding cases.

The rate limit (``CWGCOP_CONSULTATION_RATE_LIMIT``, per network per hour under a salted daily hash) stays on
for the run, counted in Redis and shared by both workers, but is raised to ``answers + 10``: every simulated
child comes from 127.0.0.1, one network, where the default of 300 would refuse the burst's last 200.

Bounded: traffic goes only to 127.0.0.1; the whole run stops after ``--time-limit`` seconds whatever happens;
the server is stopped, the temporary directory removed and the database dropped (unless ``--keep``). It is not
a test: it asserts nothing, but says plainly whether each expectation held.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    create_postgres_database,
    django_run,
    drop_postgres_database,
    log,
    percentile,
    prepare,
    production_env,
    start_gunicorn,
    stop,
    wait_for,
)

DATABASE = "cwgcop_bench_consult"
SLUG = "live-burst"
COUNTRIES = ["KE", "CN", "BR", "FR", "EG", "IN", "RU", "US", "NG", "MX"]
BANDS = ["9-12", "13-15", "16-17", "18-24"]
ENGLISH = [
    "Chat at night would help. Write to me at kid{n}@example.org",
    "Call me on +254 722 {a:03d} {b:03d} after school, the helpline was busy",
    "My instagram is @child_{n} and the helpline should be there too",
    "I saw the number on www.helpline{n}.org but nobody answered",
    "My student number is A{n:07d} and my teacher told me about 116",
    "Posters at school and a free number would help everyone",
    "The helpline should answer in my language and not ask my name",
    "Friends told me it is only for big problems, so I never called",
]
CHINESE = [
    "晚上能在线聊天就好了，我的邮箱是 kid{n}@example.cn",
    "给我打电话 138 {a:04d} {b:04d}，热线总是占线",
    "学校里应该多贴海报，让大家知道免费电话",
    "希望热线不要问我的名字",
]
DISCLOSURE = {"en": "he hits me every day and I am scared to go home", "zh-hans": "他天天打我，我不敢回家"}

SETUP = """
import datetime, django
django.setup()
from django.contrib.auth import get_user_model
from django.utils import timezone
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.consultations.models import Choice, Consultation, Question
now = timezone.now()
body, _ = Body.objects.get_or_create(acronym="BENCH", defaults={{"slug": "bench", "name": "Bench", "name_en": "Bench"}})
lead, _ = get_user_model().objects.get_or_create(username="bench-lead", defaults={{"email": "lead@example.org"}})
Role.objects.get_or_create(user=lead, body=body, kind=RoleKind.SAFEGUARDING_LEAD)
Consultation.objects.filter(slug="{slug}").delete()
found = Consultation.objects.create(
    slug="{slug}", body=body, title="Child helplines", title_en="Child helplines", title_zh_hans="儿童求助热线",
    introduction_en="Tell us about helplines.", introduction_zh_hans="请告诉我们您对求助热线的看法。",
    privacy_notice_en="Your answers are anonymous.", privacy_notice_zh_hans="您的回答是匿名的。",
    languages=["en", "zh-hans"], age_bands=["9-12", "13-15", "16-17", "18-24"],
    opens_at=now - datetime.timedelta(days=7), closes_at=now - datetime.timedelta(days=1),
    live_opens_at=now - datetime.timedelta(hours=1), live_closes_at=now + datetime.timedelta(hours=3),
    published_at=now - datetime.timedelta(days=7),
)
single = Question.objects.create(consultation=found, order=1, kind="single", text="Have you heard of a child helpline?",
    text_en="Have you heard of a child helpline?", text_zh_hans="你听说过儿童求助热线吗？", required=True)
for order, (en, zh) in enumerate([("Yes", "是"), ("No", "否")], start=1):
    Choice.objects.create(question=single, order=order, label=en, label_en=en, label_zh_hans=zh)
Question.objects.create(consultation=found, order=2, kind="scale", text="How much do you trust them?",
    text_en="How much do you trust them?", text_zh_hans="你有多信任它们？")
Question.objects.create(consultation=found, order=3, kind="text", text="What would make them better?",
    text_en="What would make them better?", text_zh_hans="怎样才能让它们更好？")
"""

REPORT = """
import django, json
django.setup()
from django.db.models import Count, Q
from cwgcop.consultations.models import Answer, Response, SafeguardingCase
responses = Response.objects.filter(consultation__slug="{slug}")
texts = Answer.objects.filter(response__in=responses, question__kind="text")
originals = json.loads({originals!r})
stored = list(texts.values_list("text", flat=True))
print(json.dumps({{
    "responses": responses.count(),
    "by_language": dict(responses.values_list("language").annotate(n=Count("id")).order_by()),
    "text_answers": texts.count(),
    "redacted": texts.filter(redactions__gt=0).count(),
    "moderation": dict(texts.values_list("moderation").annotate(n=Count("id")).order_by()),
    "cases": SafeguardingCase.objects.filter(consultation__slug="{slug}").count(),
    "originals_found": sum(1 for piece in originals if any(piece in text for text in stored)),
}}))
"""

REDACTION_COST = """
import django, json, os, statistics, time
django.setup()
from cwgcop.consultations import redaction, safeguarding
with open({path!r}, encoding="utf-8") as file:
    answers = json.load(file)
for text, language, country in answers:  # warm up: patterns compiled, phone metadata and word lists loaded
    redaction.redact(text, country=country); safeguarding.suggests_risk(text, language)
load = os.getloadavg()[0]
redact, risk, both, cpu = [], [], [], []
best = [float("inf")] * len(answers)  # per text, the fastest of the rounds: the cost without other processes' noise
for _round in range({rounds}):
    for index, (text, language, country) in enumerate(answers):
        cpu_started = time.thread_time_ns()
        started = time.perf_counter_ns(); redaction.redact(text, country=country)
        middle = time.perf_counter_ns(); safeguarding.suggests_risk(text, language)
        ended = time.perf_counter_ns()
        cpu.append((time.thread_time_ns() - cpu_started) / 1000)
        best[index] = min(best[index], cpu[-1])
        redact.append((middle - started) / 1000); risk.append((ended - middle) / 1000)
        both.append((ended - started) / 1000)
def p(values, q):
    values = sorted(values); return values[min(len(values) - 1, int(len(values) * q))]
figures = {{name: {{"mean": statistics.fmean(v), "p50": statistics.median(v), "p99": p(v, 0.99), "n": len(v)}}
    for name, v in (("redact", redact), ("safeguarding", risk), ("both", both), ("both_cpu", cpu), ("best", best))}}
figures["load"] = load
print(json.dumps(figures))
"""
COST_LABELS = {
    "redact": "redaction (`redaction.redact`), wall",
    "safeguarding": "safeguarding check (`suggests_risk`), wall",
    "both": "**both, per answer**, wall",
    "both_cpu": "**both, per answer**, CPU time of the thread",
    "best": "**both, per answer**, CPU time, fastest of the rounds for each text",
}
COUNTRY = {"ar": "SA", "zh": "CN", "zh-hans": "CN", "en": "GB", "fr": "FR", "ru": "RU", "es": "ES"}


def corpus_answers() -> list[tuple[str, str, str]]:
    """Every text of the redaction corpora (tuning and held-out) and of the safeguarding corpus: six languages,
    short and long, with and without personal details, as (text, language, country)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.consultations.safeguarding_measure import load as safeguarding_texts

    from cwgcop.consultations.redaction.evaluate import load, load_unseen

    language = {"zh": "zh-hans"}
    found = [(r["text"], language.get(r["lang"], r["lang"]), COUNTRY[r["lang"]]) for r in load() + load_unseen()]
    found += [(t.text, t.language, COUNTRY[t.language]) for t in safeguarding_texts()]
    return found


def timed_cost(env: dict[str, str], answers: list[tuple[str, str, str]], rounds: int) -> dict[str, Any]:
    """Redaction and safeguarding timed in a fresh interpreter over ``answers`` (passed through a file)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as file:
        json.dump(answers, file)
    try:
        return json.loads(django_run(env, REDACTION_COST.format(path=file.name, rounds=rounds)))  # type: ignore[no-any-return]
    finally:
        os.unlink(file.name)


def cost_table(cost: dict[str, Any], title: str) -> None:
    print(f"\n{title} (load average {cost['load']:.1f} when timing started)\n")
    print("| in-process, per answer | mean µs | p50 µs | p99 µs | timings |")
    print("|---|---:|---:|---:|---:|")
    for name, label in COST_LABELS.items():
        figures = cost[name]
        print(f"| {label} | {figures['mean']:,.0f} | {figures['p50']:,.0f} | {figures['p99']:,.0f} | {figures['n']} |")


def answer_text(number: int, language: str) -> str:
    if number % 50 == 7:
        return DISCLOSURE[language]
    templates = CHINESE if language == "zh-hans" else ENGLISH
    return templates[number % len(templates)].format(n=number, a=number % 1000, b=(number * 37) % 1000)


def originals(texts: list[str]) -> list[str]:
    """The personal details written into the answers: none of them may reach the database."""
    pattern = r"kid\d+@example\.\w+|\+254 722 \d{3} \d{3}|138 \d{4} \d{4}|@child_\d+|www\.helpline\d+\.org|A\d{7}"
    return sorted({piece for text in texts for piece in re.findall(pattern, text)})


class Child:
    """One simulated child: its own cookies, its language, its answers."""

    def __init__(self, base: str, number: int) -> None:
        self.number = number
        self.language = "zh-hans" if number % 3 == 0 else "en"
        self.country = COUNTRIES[number % len(COUNTRIES)]
        self.band = BANDS[number % len(BANDS)]
        self.text = answer_text(number, self.language)
        self.url = f"{base}/{self.language}/consult/{SLUG}/"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.form: dict[str, str] = {}

    def open_page(self) -> None:
        page = self.opener.open(self.url + f"?country={self.country}", timeout=120).read().decode()
        token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        fields = dict.fromkeys(re.findall(r'name="(q\d+)"', page))
        single, scale, text = list(fields)
        choices = re.findall(rf'name="{single}" value="(\d+)"', page)
        self.form = {
            "form_token": token,
            "age_band": self.band,
            "country": self.country,
            "gender": ["girl", "boy", "unsaid", "other"][self.number % 4],
            single: choices[self.number % 2],
            scale: str(1 + self.number % 5),
            text: self.text,
        }

    def send(self) -> int:
        data = urllib.parse.urlencode(self.form).encode()
        request = urllib.request.Request(self.url + "answer/", data=data, headers={"Referer": self.url})
        with self.opener.open(request, timeout=120) as response:
            body = response.read().decode()
            receipt = 'class="receipt-code"' in body or 'class="help-now urgent"' in body
            return response.status if receipt else -response.status


def timed(function: Any) -> tuple[object, float]:
    started = time.perf_counter()
    try:
        status: object = function()
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        status = f"error: {error}"
    return status, (time.perf_counter() - started) * 1000


def burst(children: list[Child]) -> tuple[list[tuple[object, float]], float]:
    barrier = threading.Barrier(len(children))

    def one(child: Child) -> tuple[object, float]:
        barrier.wait()
        return timed(child.send)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(children)) as pool:
        results = list(pool.map(one, children))
    return results, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--port", type=int, default=8946)
    parser.add_argument("--time-limit", type=int, default=600, help="seconds before the run stops by itself")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the texts when timing redaction")
    parser.add_argument("--keep", action="store_true", help="keep the database for inspection")
    parser.add_argument("--database", default=DATABASE, help="PostgreSQL database to create (and drop)")
    parser.add_argument("--redis-db", type=int, default=9, help="Redis database for the cache and the rate limit")
    parser.add_argument(
        "--cost-only", action="store_true", help="only time redaction and safeguarding in-process (no server)"
    )
    args = parser.parse_args()
    if args.cost_only:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cwgcop.settings", "CWGCOP_DEBUG": "true"}
        env.setdefault("CWGCOP_DATA_DIR", tempfile.mkdtemp(prefix="cwgcop-bench-cost-"))
        cost = timed_cost(env, corpus_answers(), args.rounds)
        cost_table(cost, f"Redaction and safeguarding on the six-language corpora ({os.cpu_count()} cores)")
        return
    workdir = Path(tempfile.mkdtemp(prefix="cwgcop-bench-consult-"))
    env = production_env(
        workdir,
        port=args.port,
        redis_db=args.redis_db,
        name="consult",
        DATABASE_URL=create_postgres_database(args.database),
        CWGCOP_CONSULTATION_RATE_LIMIT=str(args.answers + 10),
    )
    server: subprocess.Popen[bytes] | None = None

    def give_up(_signum: int, _frame: object) -> None:
        log(f"time limit of {args.time_limit} s reached: stopping")
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
        os._exit(2)

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.time_limit)
    load_before = os.getloadavg()
    try:
        prepare(env)
        django_run(env, SETUP.format(slug=SLUG))
        base = f"http://127.0.0.1:{args.port}"
        server = start_gunicorn(env, args.port, threads=8)
        wait_for(f"{base}/en/consult/")
        children = [Child(base, number) for number in range(args.answers)]
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(lambda child: child.open_page(), children))
        log(f"{len(children)} children have their form; the burst starts")
        load_burst = os.getloadavg()
        results, elapsed = burst(children)
        # Past the limit: 10 more are allowed in this hour, the next ones refused.
        extra = [Child(base, args.answers + n) for n in range(15)]
        limited = []
        for child in extra:
            child.open_page()
            limited.append(timed(child.send)[0])
        texts = [child.text for child in children + extra]
        report = json.loads(django_run(env, REPORT.format(slug=SLUG, originals=json.dumps(originals(texts)))))
        cost = timed_cost(env, [(c.text, c.language, c.country) for c in children], args.rounds)
        corpus_cost = timed_cost(env, corpus_answers(), args.rounds)
    finally:
        signal.alarm(0)
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)
        if not args.keep:
            drop_postgres_database(args.database)
    statuses = Counter(str(status) for status, _ in results)
    latencies = [ms for _, ms in results]
    errors = sum(n for status, n in statuses.items() if status.startswith(("5", "error", "-")))
    disclosures = sum(1 for child in children + extra[:10] if child.number % 50 == 7)
    print(
        f"\nConsultation answers in a burst: {args.answers} children at once, open text, PostgreSQL, "
        f"gunicorn 2 workers × 8 threads, {os.cpu_count()} cores, load average "
        f"{load_before[0]:.1f} before the run and {load_burst[0]:.1f} when the burst started\n"
    )
    print("| phase | submissions | submissions/s | p50 ms | p99 ms | errors | statuses |")
    print("|---|---:|---:|---:|---:|---:|---|")
    print(
        f"| burst of answers (page POST) | {len(results)} | {len(results) / elapsed:,.1f} | "
        f"{statistics.median(latencies):,.0f} | {percentile(latencies, 0.99):,.0f} | {errors} | "
        f"{dict(sorted(statuses.items()))} |"
    )
    cost_table(cost, "The burst's answers (English and Chinese)")
    cost_table(corpus_cost, "The six-language corpora (redaction tuning and held-out, safeguarding)")
    print()
    expected_responses = args.answers + 10
    print(
        f"database: {report['responses']} responses (expected {expected_responses}: the burst and 10 more), "
        f"by language {report['by_language']}; {report['text_answers']} open answers, {report['redacted']} with "
        f"personal details removed, moderation {report['moderation']}"
    )
    print(
        f"safeguarding cases: {report['cases']} (expected {disclosures}); original personal details found in the "
        f"database: {report['originals_found']} of {len(originals(texts))} (expected 0)"
    )
    print(
        f"past the rate limit: {Counter(str(s) for s in limited)} "
        f"(expected 10 × 200 then 5 × 429; the limit was {args.answers + 10} per network per hour)"
    )


if __name__ == "__main__":
    main()
