"""Health checks for load balancers and monitoring: ``/healthz`` (the process answers) and ``/readyz``.

``/readyz`` answers 503 when this server cannot serve readers (database or file storage unreachable) and 200
otherwise, with what it found. The cache and the task queue are reported but do not make the server unready:
without Redis every page is still served (docs/decisions.md, "Redis down is a logged slowdown"), and an old
queued task is a worker's problem, not this server's. Neither answer is cached, nor needs a session.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _timed(check: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        found = check()
    except Exception as error:  # a health check reports every failure, whatever it is
        found = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    found["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return found


def _database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _cache() -> dict[str, Any]:
    ping = getattr(cache, "ping", None)
    if ping is not None:
        return {"ok": bool(ping())}
    cache.set("readyz", 1, 10)
    return {"ok": cache.get("readyz") == 1}


def _storage() -> dict[str, Any]:
    if isinstance(default_storage, FileSystemStorage):
        location = str(default_storage.location)
        ok = os.path.isdir(location) and os.access(location, os.W_OK)
        return {"ok": ok} if ok else {"ok": False, "error": "the media folder is missing or not writable"}
    default_storage.exists("readyz")  # one round trip to the object store
    return {"ok": True}


def _queue() -> dict[str, Any]:
    backend = str(settings.TASKS["default"]["BACKEND"])
    if not backend.startswith("django_tasks_db"):
        return {"ok": True, "backend": "immediate", "oldest_seconds": 0}
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    due = DBTaskResult.objects.ready()  # queued and due (a retry waiting for its time is not late)
    oldest: datetime.datetime | None = due.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = int((now - oldest).total_seconds()) if oldest else 0
    return {"ok": age <= settings.CWGCOP_READY_MAX_TASK_AGE_SECONDS, "backend": "database", "oldest_seconds": age}


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": _timed(_database),
        "storage": _timed(_storage),
        "cache": _timed(_cache),
        "tasks": _timed(_queue),
    }
    ready = checks["database"]["ok"] and checks["storage"]["ok"]
    status = "ok" if all(check["ok"] for check in checks.values()) else ("degraded" if ready else "unavailable")
    return JsonResponse({"status": status, "checks": checks}, status=200 if ready else 503)
