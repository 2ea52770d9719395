"""deploy/nginx.conf, run by a real nginx in front of a real gunicorn serving this checkout on the test database:
the client's address (not nginx's, and not one the client writes itself) is what rate limits count; HTML and
JSON are compressed; static files come from the collected folder.

nginx is Debian's (``python3 dev.py test`` installs it as root, as it does Chromium)."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.events.factories import EventFactory
from tests.processes import database_url

REPO = Path(__file__).resolve().parents[2]
HOST = "cop.test"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PAYLOAD = {
    "name": "Ana Silva",
    "organization": "Escola Digital",
    "country": "BR",
    "stakeholder_kind": "academia",
    "attendance_mode": "online",
    "consent": True,
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes], name: str, log: Path) -> None:
    """Until ``/healthz`` answers 200 on ``port`` (gunicorn binds its port before its worker has loaded the app)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers={"Host": HOST})
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{name} did not answer on port {port}")


def _nginx_config(folder: Path, listen: int, upstream: int, static: Path) -> Path:
    values = {
        "CWGCOP_UPSTREAM": f"127.0.0.1:{upstream}",
        "CWGCOP_LISTEN": f"127.0.0.1:{listen}",
        "CWGCOP_SERVER_NAME": HOST,
        "CWGCOP_STATIC_ROOT": str(static),
    }
    site = (REPO / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for name, value in values.items():  # the ${…} an operator replaces; nginx's own $variables stay
        site = site.replace(f"${{{name}}}", value)
    assert "${CWGCOP_" not in site
    (folder / "cwgcop.conf").write_text(site, encoding="utf-8")
    main = folder / "nginx.conf"
    temp = " ".join(
        f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main.write_text(
        f"{'user root;' if os.geteuid() == 0 else ''}\nworker_processes 1;\ndaemon off;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log;\nevents {{ worker_connections 64; }}\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; {temp} include {folder}/cwgcop.conf; }}\n",
        encoding="utf-8",
    )
    return main


@pytest.fixture
def site_behind_nginx(tmp_path: Path, media_root: Path, transactional_db: None) -> Iterator[int]:
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run `python3 dev.py test` as root, or `apt-get install nginx-light`.")
    static = tmp_path / "static"
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("CWGCOP_")},
        "DJANGO_SETTINGS_MODULE": "cwgcop.settings_test",
        "PYTHONPATH": str(REPO / "src"),
        "DATABASE_URL": database_url(),
        "CWGCOP_DATA_DIR": str(tmp_path / "data"),
        "CWGCOP_STATIC_ROOT": str(static),
        "CWGCOP_MEDIA_ROOT": str(media_root),
        "CWGCOP_ALLOWED_HOSTS": HOST,
        "CWGCOP_TRUSTED_PROXIES": "127.0.0.1",
        "CWGCOP_EVENT_RATE_LIMIT": "2/h",
        "CWGCOP_SECURE_COOKIES": "false",
        "CWGCOP_PAGE_CACHE_SECONDS": "0",
    }
    subprocess.run(
        [sys.executable, "-m", "cwgcop", "collectstatic", "--noinput", "-v", "0"], env=env, check=True, cwd=tmp_path
    )
    app_port, web_port = _free_port(), _free_port()
    app_log, web_log = tmp_path / "gunicorn.log", tmp_path / "error.log"
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "cwgcop.wsgi:application",
            "--workers",
            "1",
            "--graceful-timeout",
            "2",
            "--bind",
            f"127.0.0.1:{app_port}",
        ],
        env=env,
        cwd=tmp_path,
        stdout=app_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    nginx = subprocess.Popen(
        [
            NGINX,
            "-p",
            str(tmp_path),
            "-c",
            str(_nginx_config(tmp_path, web_port, app_port, static)),
            "-e",
            str(web_log),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(app_port, gunicorn, "gunicorn", app_log)
        _wait_for(web_port, nginx, "nginx", web_log)
        yield web_port
    finally:
        for process in (nginx, gunicorn):
            process.terminate()
        for process in (nginx, gunicorn):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _request(
    port: int,
    method: str,
    path: str,
    *,
    source: str = "127.0.0.2",
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """A request to nginx from the loopback address ``source``: each address is another client."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    sent = {"Host": HOST, **(headers or {})}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        sent["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=sent)
    response = conn.getresponse()
    received: dict[str, str] = {}
    for name, value in response.getheaders():  # repeated headers (Vary from the app and from nginx) joined
        key = name.lower()
        received[key] = f"{received[key]}, {value}" if key in received else value
    answer = (response.status, received, response.read())
    conn.close()
    return answer


def test_nginx_forwards_the_client_compresses_and_serves_static(site_behind_nginx: int) -> None:
    event = EventFactory(capacity=50)
    port = site_behind_nginx
    url = f"/api/v1/events/{event.series.slug}/{event.slug}/registrations"

    def register(n: int, source: str, **headers: str) -> int:
        return _request(
            port, "POST", url, source=source, body={**PAYLOAD, "email": f"p{n}@example.org"}, headers=headers
        )[0]

    assert [register(1, "127.0.0.2"), register(2, "127.0.0.2"), register(3, "127.0.0.2")] == [202, 202, 429]
    assert register(4, "127.0.0.3") == 202  # another client has its own count
    assert register(5, "127.0.0.2", **{"X-Forwarded-For": "198.51.100.7"}) == 429  # a written header changes nothing

    status, headers, body = _request(port, "GET", "/en/", headers={"Accept-Encoding": "gzip"})
    assert (status, headers["content-encoding"], "Accept-Encoding" in headers["vary"]) == (200, "gzip", True)
    assert gzip.decompress(body).startswith(b"<!DOCTYPE html>")
    status, headers, body = _request(
        port, "GET", f"/api/v1/events/{event.series.slug}/", headers={"Accept-Encoding": "gzip"}
    )
    assert (status, headers["content-type"], headers["content-encoding"]) == (
        200,
        "application/json; charset=utf-8",
        "gzip",
    )
    assert [row["slug"] for row in json.loads(gzip.decompress(body))] == [event.slug]

    stylesheet = (REPO / "src" / "cwgcop" / "core" / "static" / "cwgcop" / "site.css").read_bytes()
    status, headers, body = _request(port, "GET", "/static/cwgcop/site.css")
    assert (status, headers["cache-control"], body) == (200, "max-age=31536000, public, immutable", stylesheet)
    assert "x-frame-options" not in headers  # nginx answered, not the platform
    status, headers, body = _request(port, "GET", "/static/cwgcop/site.css", headers={"Accept-Encoding": "gzip"})
    assert (status, headers["content-encoding"], gzip.decompress(body)) == (200, "gzip", stylesheet)
    assert _request(port, "GET", "/healthz")[:1] == (200,)
