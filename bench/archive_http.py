"""Benchmark: anonymous archive pages under load, against a static copy served by nginx.

    python3 bench/archive_http.py [--documents 10000] [--database postgres|sqlite] [--duration 10] [--render-samples 200]

It fills a fresh database with synthetic published documents, serves the platform with gunicorn
(2 workers, production settings: debug off, Redis cache when --cache redis), and loads the archive
listing and a document page from a second process (wrk, Debian package) on 127.0.0.1: first with the
page cache, then with it switched off (every request rendered), then a byte-identical static copy of
each page from nginx. It prints requests/s and p50/p99 latency, and the in-process price of rendering each
page with the page cache off. It is not a test and asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BIN, ROOT, create_postgres_database, log, production_env, start_gunicorn, stop, wait_for


def seed(env: dict[str, str], documents: int) -> str:
    """Migrate and insert ``documents`` published documents; return one document's symbol."""
    subprocess.run([BIN / "cwgcop", "migrate", "--verbosity", "0"], env=env, check=True)
    code = f"""
import datetime, django
django.setup()
from django.utils import timezone
from seed_archive import seed_archive
print(seed_archive({documents}))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "PYTHONPATH": str(ROOT / "bench") + os.pathsep + env.get("PYTHONPATH", "")},
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"seeding failed:\n{result.stderr}")
    if env.get("DATABASE_URL", "").startswith("postgres"):
        import psycopg

        # A production database has been through autovacuum: planner statistics (without them the planner
        # sorted the whole archive for every page) and a visibility map (without it, counting the archive
        # reads every row instead of the status index alone). Right after a bulk load it has neither.
        # The checkpoint writes out the load's dirty pages now, not during the measurements.
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
            connection.execute("CHECKPOINT")
    return result.stdout.strip().splitlines()[-1]


RENDER = """
import os, statistics, sys, time, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
for path in sys.argv[1:]:
    for _ in range(20):  # warm up: the process's caches and the database's pages, as in a running server
        assert client.get(path).status_code == 200
    wall, cpu = [], []
    for _ in range({samples}):
        started, used = time.perf_counter(), time.process_time()
        client.get(path)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    wall.sort()
    print(path, statistics.median(wall), wall[int(len(wall) * 0.95)], statistics.median(cpu))
"""


def measure_render(env: dict[str, str], pages: dict[str, str], samples: int) -> list[str]:
    """Render each page in-process with the page cache off: the price of a page that is not cached yet, without
    HTTP or queueing (wall time includes the database's answers; CPU time is this process's alone)."""
    output = subprocess.run(
        [sys.executable, "-c", RENDER.format(samples=samples), *pages.values()],
        env={**env, "CWGCOP_PAGE_CACHE_SECONDS": "0"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = []
    for (name, _path), line in zip(pages.items(), output.strip().splitlines(), strict=True):
        _, p50, p95, cpu = line.split()
        rows.append(f"| {name} | {float(p50):.1f} | {float(p95):.1f} | {float(cpu):.1f} |")
    return rows


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return bytes(response.read())


WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_PCT = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_ERR = re.compile(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)")


def to_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, connections: int, duration: int) -> dict[str, float | str]:
    output = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(WRK_RPS.search(output).group(1))  # type: ignore[union-attr]
    pct = {p: to_ms(v, u) for p, v, u in WRK_PCT.findall(output)}
    errors = "; ".join(m.group(0) for m in WRK_ERR.finditer(output)) or "none"
    return {"rps": rps, "p50": pct.get("50", float("nan")), "p99": pct.get("99", float("nan")), "errors": errors}


def start_nginx(root: Path, port: int, workdir: Path) -> subprocess.Popen[bytes]:
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"""
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ text/html html; }}
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path {workdir}/body;
  proxy_temp_path {workdir}/proxy;
  fastcgi_temp_path {workdir}/fastcgi;
  uwsgi_temp_path {workdir}/uwsgi;
  scgi_temp_path {workdir}/scgi;
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
"""
    )
    return subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"], start_new_session=True)


def row(name: str, result: dict[str, float | str]) -> str:
    return f"| {name} | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} | {result['errors']} |"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--cache", choices=["redis", "locmem"], default="redis")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=8931)
    parser.add_argument("--render-samples", type=int, default=200)
    return parser.parse_args()


def bench_env(args: argparse.Namespace, workdir: Path) -> dict[str, str]:
    env = production_env(workdir, port=args.port, redis_db=5, name="archive")
    if args.database == "postgres":
        env["DATABASE_URL"] = create_postgres_database("cwgcop_bench")
    else:
        env.pop("DATABASE_URL", None)
    if args.cache == "locmem":
        env.pop("CWGCOP_REDIS_URL")
    return env


def measure_gunicorn(
    args: argparse.Namespace, env: dict[str, str], pages: dict[str, str], static_root: Path
) -> list[str]:
    """Load each page with and without the page cache; keep a byte-identical copy for nginx."""
    base = f"http://127.0.0.1:{args.port}"
    results = []
    for cache_seconds, label in ((300, "gunicorn, page cache"), (0, "gunicorn, no cache (rendered)")):
        server = start_gunicorn({**env, "CWGCOP_PAGE_CACHE_SECONDS": str(cache_seconds)}, args.port)
        try:
            wait_for(base + "/en/")
            for name, path in pages.items():
                body = fetch(base + path)
                if cache_seconds:
                    target = static_root / path.strip("/") / "index.html"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(body)
                    log(f"{name}: {len(body):,} bytes")
                if not cache_seconds:
                    # One connection first: after the run at 64, gunicorn still works through the requests
                    # that wrk gave up on, and a one-connection run behind them measures that queue.
                    results.append(row(f"{name} — {label}, c=1", wrk(base + path, 1, args.duration)))
                result = wrk(base + path, args.connections, args.duration)
                results.append(row(f"{name} — {label}, c={args.connections}", result))
        finally:
            stop(server)
    return results


def measure_nginx(args: argparse.Namespace, pages: dict[str, str], static_root: Path, workdir: Path) -> list[str]:
    port = args.port + 1
    nginx = start_nginx(static_root, port, workdir)
    results = []
    try:
        wait_for(f"http://127.0.0.1:{port}{next(iter(pages.values()))}")
        for name, path in pages.items():
            result = wrk(f"http://127.0.0.1:{port}{path}", args.connections, args.duration)
            results.append(row(f"{name} — nginx static copy, c={args.connections}", result))
    finally:
        stop(nginx)
    return results


def main() -> None:
    args = parse_args()
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed: apt-get install wrk nginx-light")
    workdir = Path(tempfile.mkdtemp(prefix="cwgcop-bench-"))
    workdir.chmod(0o755)  # nginx workers run as another user and must read the static copy
    env = bench_env(args, workdir)
    log(f"seeding {args.documents} documents into {args.database}")
    started = time.monotonic()
    symbol = seed(env, args.documents)
    log(f"seeded in {time.monotonic() - started:.1f} s; collecting static files")
    subprocess.run([BIN / "cwgcop", "collectstatic", "--noinput", "--verbosity", "0"], env=env, check=True)
    pages = {"archive listing": "/en/documents/", "document page": f"/en/documents/{symbol}/"}
    static_root = workdir / "static-copy"
    renders = measure_render(env, pages, args.render_samples)
    results = measure_gunicorn(args, env, pages, static_root)
    results += measure_nginx(args, pages, static_root, workdir)
    print(
        f"\nArchive pages, {args.documents:,} documents, {args.database}, cache {args.cache}, "
        f"wrk {args.duration} s per row, {datetime.date.today()}, {os.cpu_count()} cores\n"
    )
    print("| page — server | requests/s | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---|")
    for line in results:
        print(line)
    print(f"\nUncached render in-process, {args.render_samples} renders per page after 20, page cache off\n")
    print("| page | wall p50 ms | wall p95 ms | CPU p50 ms |")
    print("|---|---:|---:|---:|")
    for line in renders:
        print(line)
    print(f"\nload average when done: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
