#!/usr/bin/env python3
"""The project's two commands, runnable with nothing but Python 3.11+ and git.

    python3 dev.py demo   set everything up and serve the platform with demo data on http://127.0.0.1:8000
    python3 dev.py test   set everything up and run the whole suite (lint, types, SQLite, PostgreSQL, browser)

Other commands: ``lint``, ``lock`` (refresh requirements.lock), ``messages`` (update and compile translations).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed"
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/cwgcop"


def say(text: str) -> None:
    print(f"\033[1m==> {text}\033[0m", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None, check: bool = True) -> int:
    merged = {**os.environ, **(env or {})}
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=merged, check=False)
    if check and result.returncode != 0:
        sys.exit(result.returncode)
    return result.returncode


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit("cwgcop needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv")
        venv.create(VENV, with_pip=True)
    lock_stamp = LOCK.stat().st_mtime_ns if LOCK.exists() else 0
    wanted = f"{extras}:{lock_stamp}:{(ROOT / 'pyproject.toml').stat().st_mtime_ns}"
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say(f"Installing cwgcop{'[' + extras + ']' if extras else ''} (pinned by requirements.lock)")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    constraints = ["-c", str(LOCK)] if LOCK.exists() else []
    run(PYTHON, "-m", "pip", "install", "--quiet", *constraints, "-e", target)
    STAMP.write_text(wanted)


def ensure_chromium() -> str:
    """Debian's Chromium, which the browser tests drive (Playwright's own download is not used)."""
    found = shutil.which("chromium")
    if found:
        return found
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit("The browser tests need Debian's chromium package: run `apt-get install chromium` as root.")
    say("Installing Debian's chromium for the browser tests")
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium")
    found = shutil.which("chromium")
    if not found:
        sys.exit("chromium was installed but is not on PATH.")
    return found


def ensure_nginx() -> None:
    """Debian's nginx, which tests/site/test_nginx.py runs in front of gunicorn with deploy/nginx.conf."""
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit("The deployment test needs Debian's nginx: run `apt-get install nginx-light` as root.")
    say("Installing Debian's nginx for the deployment test")
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx-light")


# What WeasyPrint (the PDF of the reports to the Council) needs from the system: Pango and its HarfBuzz, and fonts
# for the six languages (Noto: Latin, Cyrillic and Arabic in fonts-noto-core, Chinese in fonts-noto-cjk); the tests
# read the PDFs back with poppler's pdftotext and pdftoppm.
PDF_PACKAGES = (
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz0b",
    "fonts-noto-core",
    "fonts-noto-cjk",
    "poppler-utils",
)
PDF_FONTS = ("Noto Sans", "Noto Naskh Arabic", "Noto Sans CJK SC")


def _missing_fonts() -> list[str]:
    if shutil.which("fc-list") is None or shutil.which("pdftotext") is None:
        return list(PDF_FONTS)
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return [font for font in PDF_FONTS if font not in families]


def ensure_pdf_fonts() -> None:
    """Pango and the Noto fonts the report PDFs are laid out with (Debian packages, installed as root)."""
    missing = _missing_fonts()
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit(
            "The report PDFs need Pango and the Noto fonts (missing: " + ", ".join(missing) + "): run "
            f"`apt-get install {' '.join(PDF_PACKAGES)}` as root."
        )
    say("Installing Pango and the Noto fonts for the report PDFs")
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *PDF_PACKAGES)
    missing = _missing_fonts()
    if missing:
        sys.exit("The fonts were installed but fontconfig does not list: " + ", ".join(missing) + ".")


def postgres_reachable(url: str) -> bool:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), timeout=3):
            return True
    except OSError:
        return False


DEMO_LOGINS = (
    ("secretariat", "the secretariat: meetings, documents, liaisons, events, reports"),
    ("chair", "the chair: approves agendas, outcomes and the report to the Council"),
    ("member", "a delegate: registers and submits contributions"),
    ("moderator", "moderates the children's consultation"),
    ("safeguarding", "the safeguarding lead of the children's consultation"),
)


def cmd_demo() -> None:
    ensure_venv("")
    ensure_pdf_fonts()
    data_dir = Path(os.environ.get("CWGCOP_DATA_DIR") or ROOT / "var")
    data_dir.mkdir(parents=True, exist_ok=True)
    port = os.environ.get("CWGCOP_PORT", "8000")
    site_url = os.environ.get("CWGCOP_SITE_URL") or f"http://127.0.0.1:{port}"
    env = {
        "CWGCOP_DEBUG": "true",
        "CWGCOP_DATA_DIR": str(data_dir),
        # Links in e-mails and calendars point at the address this server answers on.
        "CWGCOP_SITE_URL": site_url,
        # Every e-mail in the terminal and as a file in var/mail/ (unless a backend is chosen).
        "CWGCOP_EMAIL_BACKEND": os.environ.get("CWGCOP_EMAIL_BACKEND", "cwgcop.core.mail.DevelopmentBackend"),
    }
    cwgcop = BIN / "cwgcop"
    say("Migrating the SQLite database in " + str(data_dir))
    run(cwgcop, "migrate", "--verbosity", "0", env=env)
    say("Loading the demo data")
    run(cwgcop, "load_demo", env=env)
    # A migration may change the index's shape and empty it (search.0003); for the demo's few documents
    # rebuilding it every time costs a second and keeps an older ./var working.
    run(cwgcop, "rebuild_search_index", env=env)
    print(f"\n  cwgcop is running on {site_url}/")
    print("  Sign in at /en/account/login/ with any of these logins (password: cwgcop-demo):")
    for username, who in DEMO_LOGINS:
        print(f"    {username:<13} {who}")
    print("  Staff roles are asked to set up an authenticator app (any TOTP app) on their first staff page.")
    print(f"  E-mail is not sent: every message is printed here and written to {data_dir / 'mail'}/\n", flush=True)
    run(cwgcop, "runserver", f"127.0.0.1:{port}", env=env)


def cmd_lint() -> None:
    ensure_venv("dev")
    say("ruff (lint)")
    run(BIN / "ruff", "check", "src", "tests", "bench", "dev.py")
    say("ruff (format)")
    run(BIN / "ruff", "format", "--check", "src", "tests", "bench", "dev.py")
    say("mypy")
    run(BIN / "mypy", env={"CWGCOP_TESTING": "true"})
    say("migrations are up to date")
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        run(
            BIN / "cwgcop",
            "makemigrations",
            "--check",
            "--dry-run",
            env={"CWGCOP_TESTING": "true", "CWGCOP_DATA_DIR": scratch},
        )
    say("translation catalogues compile and are complete")
    run(PYTHON, "-m", "cwgcop.core.i18n_check")


def cmd_test() -> None:
    ensure_venv("dev")
    ensure_pdf_fonts()
    chromium = ensure_chromium()
    ensure_nginx()
    cmd_lint()
    ci = os.environ.get("CI", "").lower() == "true"
    pg_url = os.environ.get("CWGCOP_TEST_POSTGRES_URL", DEFAULT_PG_URL)
    pg_ok = postgres_reachable(pg_url)
    if not pg_ok and ci:
        sys.exit(f"PostgreSQL is not reachable at {pg_url}; CI requires it.")
    workers = os.environ.get("CWGCOP_TEST_WORKERS", str(min(os.cpu_count() or 1, 4)))
    parallel = ["-n", workers] if workers not in {"", "0", "1"} else []
    pytest = [BIN / "pytest", "-p", "no:cacheprovider", *parallel, *sys.argv[2:]]
    base = {"CHROMIUM_PATH": chromium, "CWGCOP_TESTING": "true"}
    say("Tests on SQLite (including the browser journeys)")
    first = run(*pytest, env={**base, "DATABASE_URL": ""}, check=False)
    second = 0
    if pg_ok:
        say(f"Tests on PostgreSQL ({pg_url})")
        marks = "not browser and not database_free"
        second = run(*pytest, "-m", marks, env={**base, "DATABASE_URL": pg_url}, check=False)
    else:
        say("PostgreSQL is not reachable: the PostgreSQL run is SKIPPED (it is required when CI=true)")
        second = 1
    sys.exit(1 if first or second else 0)


def cmd_lock() -> None:
    ensure_venv("dev")
    frozen = subprocess.run(
        [str(PYTHON), "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in frozen.splitlines() if line and not line.startswith("cwgcop")]
    LOCK.write_text(
        "# Generated by `python3 dev.py lock`: exact versions of every dependency.\n" + "\n".join(lines) + "\n"
    )
    say(f"Wrote {LOCK.name} ({len(lines)} packages)")


def cmd_messages() -> None:
    """Update every app's catalogue from its code and templates, then compile them all."""
    ensure_venv("dev")
    env = {"CWGCOP_TESTING": "true"}
    only = sys.argv[2:]  # optionally: the apps to update, e.g. `python3 dev.py messages documents`
    for app in sorted(p for p in (ROOT / "src" / "cwgcop").iterdir() if (p / "apps.py").exists()):
        if only and app.name not in only:
            continue
        (app / "locale").mkdir(exist_ok=True)
        languages = [arg for code in ("ar", "zh_Hans", "en", "fr", "ru", "es") for arg in ("-l", code)]
        subprocess.run(
            [str(BIN / "cwgcop"), "makemessages", "--no-obsolete", "--no-location", "--add-location=never", *languages],
            cwd=app,
            env={**os.environ, **env},
            check=True,
        )
        subprocess.run([str(BIN / "cwgcop"), "compilemessages"], cwd=app, env={**os.environ, **env}, check=True)


COMMANDS = {"demo": cmd_demo, "test": cmd_test, "lint": cmd_lint, "lock": cmd_lock, "messages": cmd_messages}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]]()
