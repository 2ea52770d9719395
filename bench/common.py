"""What the HTTP benchmarks share: a production-like environment, a fresh PostgreSQL database, gunicorn.

Every script sends traffic only to 127.0.0.1 and stops its own servers.
"""

from __future__ import annotations

import os
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
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(workdir: Path, *, port: int, redis_db: int, name: str, **extra: str) -> dict[str, str]:
    """Production settings (debug off, Redis cache) with the data directory in ``workdir`` and e-mail written to
    files under ``workdir/mail``; ``extra`` adds or overrides variables (``DATABASE_URL`` among them)."""
    return {
        **os.environ,
        "CWGCOP_DEBUG": "false",
        "CWGCOP_SECRET_KEY": "bench-" + os.urandom(16).hex(),
        "CWGCOP_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CWGCOP_SECURE_COOKIES": "false",
        "CWGCOP_DATA_DIR": str(workdir),
        "CWGCOP_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "cwgcop.settings",
        "CWGCOP_REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
        "CWGCOP_CACHE_PREFIX": f"bench-{name}-{os.getpid()}",
        "CWGCOP_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "CWGCOP_EMAIL_FILE_PATH": str(workdir / "mail"),
        "CWGCOP_SITE_URL": f"http://127.0.0.1:{port}",
        **extra,
    }


def prepare(env: dict[str, str]) -> None:
    """Migrate the database and collect the static files, as a deployment does."""
    subprocess.run([BIN / "cwgcop", "migrate", "--verbosity", "0"], env=env, check=True)
    subprocess.run([BIN / "cwgcop", "collectstatic", "--noinput", "--verbosity", "0"], env=env, check=True)


def django_run(env: dict[str, str], code: str) -> str:
    """Run ``code`` (which calls ``django.setup()``) in a fresh interpreter; its standard output."""
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(result.stderr)
    return result.stdout


def start_gunicorn(env: dict[str, str], port: int, *, threads: int = 0) -> subprocess.Popen[bytes]:
    """gunicorn with 2 workers: synchronous ones, or ``threads`` threads each (gthread) for slow requests."""
    workers = ["--worker-class", "gthread", "--threads", str(threads)] if threads else []
    command = [BIN / "gunicorn", "cwgcop.wsgi:application", "--workers", "2", *workers]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--backlog", "2048"]
    return subprocess.Popen(command, env=env, start_new_session=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


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


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def setup_scratch_django() -> None:
    """Set Django up in this process on a scratch database, migrated: SQLite in a temporary folder unless
    ``DATABASE_URL`` is set, debug settings. For benchmarks that time code in-process rather than over HTTP."""
    os.environ.setdefault("CWGCOP_DATA_DIR", tempfile.mkdtemp(prefix="cwgcop-bench-"))
    os.environ.setdefault("CWGCOP_DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cwgcop.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
