"""Configuration with debug off: no start without a secret key; secure cookies; security headers.

Each check loads the settings in a fresh Python process with a clean environment, as a production
server would, so that the values the test process runs with (debug, testing) cannot mask them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cwgcop

SECRET = "a-long-random-secret-for-this-test-only-0123456789abcdef"
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(policy: str) -> dict[str, str]:
    """A Content-Security-Policy as {directive: sources} (django-csp does not keep their order)."""
    parts = [part.strip() for part in policy.split(";") if part.strip()]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in parts}


def run_python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cwgcop.settings",
        "CWGCOP_DATA_DIR": str(tmp_path / "data"),
        # The same code as the test process imports (a checkout's src/, not an installed copy).
        "PYTHONPATH": str(Path(cwgcop.__file__).parents[1]),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )


def load_settings(tmp_path: Path, **env: str) -> dict[str, Any]:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name, None) for name in ["
        "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_CONTENT_TYPE_NOSNIFF', "
        "'SECURE_REFERRER_POLICY', 'X_FRAME_OPTIONS', 'ALLOWED_HOSTS', 'SECURE_PROXY_SSL_HEADER', "
        "'PAGE_CACHE_SECONDS', 'CWGCOP_MAIN_BODY', 'CWGCOP_MAX_UPLOAD_BYTES']}))"
    )
    result = run_python(code, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_settings_refuse_to_load_without_secret_key_when_debug_is_off(tmp_path: Path) -> None:
    result = run_python("import django; django.setup()", tmp_path, CWGCOP_DEBUG="false")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: CWGCOP_SECRET_KEY is not set. Set it to a long random "
        "string, or set CWGCOP_DEBUG=true for a development server."
    )


def test_settings_refuse_to_load_without_secret_key_by_default(tmp_path: Path) -> None:
    result = run_python("import django; django.setup()", tmp_path)
    assert result.returncode == 1
    assert "ImproperlyConfigured: CWGCOP_SECRET_KEY is not set." in result.stderr


def test_a_test_runner_in_the_process_does_not_relax_the_production_settings(tmp_path: Path) -> None:
    result = run_python("import pytest, django; django.setup()", tmp_path, CWGCOP_TESTING="true")
    assert result.returncode == 1
    assert "ImproperlyConfigured: CWGCOP_SECRET_KEY is not set." in result.stderr


def test_test_settings_add_a_key_local_hosts_and_plain_static_files(tmp_path: Path) -> None:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DEBUG, bool(s.SECRET_KEY), s.ALLOWED_HOSTS, s.STORAGES['staticfiles']['BACKEND'], "
        "s.CWGCOP_EVENT_FORM_MIN_SECONDS, s.ACCOUNT_DEFAULT_HTTP_PROTOCOL, s.SESSION_COOKIE_SECURE]))"
    )
    result = run_python(code, tmp_path, DJANGO_SETTINGS_MODULE="cwgcop.settings_test")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        False,
        True,
        ["localhost", "127.0.0.1", "[::1]"],
        "django.contrib.staticfiles.storage.StaticFilesStorage",
        0,
        "http",
        True,
    ]


def test_debug_off_sets_secure_cookies_and_hsts(tmp_path: Path) -> None:
    values = load_settings(tmp_path, CWGCOP_SECRET_KEY=SECRET, CWGCOP_ALLOWED_HOSTS="cwgcop.example.org")
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "ALLOWED_HOSTS": ["cwgcop.example.org"],
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "PAGE_CACHE_SECONDS": 300,
        "CWGCOP_MAIN_BODY": "",
        "CWGCOP_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    }


def test_debug_on_runs_without_secret_and_without_secure_cookies(tmp_path: Path) -> None:
    values = load_settings(tmp_path, CWGCOP_DEBUG="true")
    assert (values["DEBUG"], values["SESSION_COOKIE_SECURE"], values["SECURE_HSTS_SECONDS"]) == (True, False, 0)
    assert values["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1", "[::1]"]
    assert values["PAGE_CACHE_SECONDS"] == 0


def test_environment_overrides_are_read(tmp_path: Path) -> None:
    values = load_settings(
        tmp_path,
        CWGCOP_SECRET_KEY=SECRET,
        CWGCOP_HSTS_SECONDS="600",
        CWGCOP_PAGE_CACHE_SECONDS="60",
        CWGCOP_MAIN_BODY="CWG-COP",
        CWGCOP_MAX_UPLOAD_MB="5",
        CWGCOP_ALLOWED_HOSTS="a.example.org, b.example.org",
    )
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["PAGE_CACHE_SECONDS"] == 60
    assert values["CWGCOP_MAIN_BODY"] == "CWG-COP"
    assert values["CWGCOP_MAX_UPLOAD_BYTES"] == 5 * 1024 * 1024
    assert values["ALLOWED_HOSTS"] == ["a.example.org", "b.example.org"]


def test_malformed_number_is_refused_with_its_name(tmp_path: Path) -> None:
    result = run_python("import django; django.setup()", tmp_path, CWGCOP_SECRET_KEY=SECRET, CWGCOP_HSTS_SECONDS="1y")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: CWGCOP_HSTS_SECONDS must be a whole number, not '1y'"
    )


def test_responses_carry_the_security_headers_with_debug_off(tmp_path: Path) -> None:
    code = (
        "import json, django; django.setup(); from django.test import Client; "
        "c = Client(); r = c.get('/api/v1/openapi.json', secure=True); p = c.get('/api/v1/openapi.json'); "
        "print(json.dumps({'status': r.status_code, 'headers': dict(r.headers), 'plain': dict(p.headers)}))"
    )
    result = run_python(code, tmp_path, CWGCOP_SECRET_KEY=SECRET, CWGCOP_ALLOWED_HOSTS="testserver")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    headers = answer["headers"]
    assert answer["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert directives(headers["Content-Security-Policy"]) == CSP
    assert headers["Permissions-Policy"] == (
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(self), geolocation=(), "
        "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
        "publickey-credentials-get=(self), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
    )
    # HSTS is only ever sent over HTTPS (RFC 6797 §7.2); the other headers always.
    assert "Strict-Transport-Security" not in answer["plain"]
    assert directives(answer["plain"]["Content-Security-Policy"]) == CSP


def test_session_cookie_is_secure_and_http_only_with_debug_off(tmp_path: Path) -> None:
    code = (
        "import json, django; django.setup(); "
        "from django.http import HttpResponse; from django.conf import settings; "
        "r = HttpResponse(); r.set_cookie(settings.SESSION_COOKIE_NAME, 'x', secure=settings.SESSION_COOKIE_SECURE, "
        "httponly=settings.SESSION_COOKIE_HTTPONLY, samesite=settings.SESSION_COOKIE_SAMESITE); "
        "m = r.cookies[settings.SESSION_COOKIE_NAME]; "
        "print(json.dumps({'secure': m['secure'], 'httponly': m['httponly'], 'samesite': m['samesite']}))"
    )
    result = run_python(code, tmp_path, CWGCOP_SECRET_KEY=SECRET)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"secure": True, "httponly": True, "samesite": "Lax"}
