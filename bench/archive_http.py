"""Benchmark: anonymous archive pages under load, against a static copy served by nginx.

    python3 bench/archive_http.py [--documents 10000] [--database postgres|sqlite] [--duration 10] [--render-samples 50]

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
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def log(text: str) -> None:
    print(f"# {text}", file=sys.stderr, flush=True)


def create_postgres_database(name: str) -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


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

        # A production database has planner statistics; right after a bulk load it has none until autovacuum
        # runs, and the planner then sorts the whole archive for every page.
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
            connection.execute("ANALYZE")
    return result.stdout.strip().splitlines()[-1]


RENDER = """
import os, statistics, sys, time, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
for path in sys.argv[1:]:
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


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


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


def start_gunicorn(env: dict[str, str], port: int, cache_seconds: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            BIN / "gunicorn",
            "cwgcop.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env={**env, "CWGCOP_PAGE_CACHE_SECONDS": str(cache_seconds)},
        start_new_session=True,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


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
    parser.add_argument("--render-samples", type=int, default=50)
    return parser.parse_args()


def production_env(args: argparse.Namespace, workdir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "CWGCOP_DEBUG": "false",
        "CWGCOP_SECRET_KEY": "bench-" + os.urandom(16).hex(),
        "CWGCOP_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CWGCOP_SECURE_COOKIES": "false",
        "CWGCOP_DATA_DIR": str(workdir),
        "CWGCOP_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "cwgcop.settings",
    }
    if args.database == "postgres":
        env["DATABASE_URL"] = create_postgres_database("cwgcop_bench")
    else:
        env.pop("DATABASE_URL", None)
    if args.cache == "redis":
        env["CWGCOP_REDIS_URL"] = "redis://127.0.0.1:6379/5"
        env["CWGCOP_CACHE_PREFIX"] = f"bench-{os.getpid()}"
    return env


def measure_gunicorn(
    args: argparse.Namespace, env: dict[str, str], pages: dict[str, str], static_root: Path
) -> list[str]:
    """Load each page with and without the page cache; keep a byte-identical copy for nginx."""
    base = f"http://127.0.0.1:{args.port}"
    results = []
    for cache_seconds, label in ((300, "gunicorn, page cache"), (0, "gunicorn, no cache (rendered)")):
        server = start_gunicorn(env, args.port, cache_seconds)
        try:
            wait_for(base + "/en/")
            for name, path in pages.items():
                body = fetch(base + path)
                if cache_seconds:
                    target = static_root / path.strip("/") / "index.html"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(body)
                    log(f"{name}: {len(body):,} bytes")
                result = wrk(base + path, args.connections, args.duration)
                results.append(row(f"{name} — {label}, c={args.connections}", result))
                if not cache_seconds:
                    results.append(row(f"{name} — {label}, c=1", wrk(base + path, 1, args.duration)))
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
    env = production_env(args, workdir)
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
    print(f"\nUncached render in-process, {args.render_samples} renders per page, page cache off\n")
    print("| page | wall p50 ms | wall p95 ms | CPU p50 ms |")
    print("|---|---:|---:|---:|")
    for line in renders:
        print(line)
    print(f"\nload average when done: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
