"""/healthz and /readyz for load balancers: JSON, never cached, ready without Redis, not ready without storage."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cwgcop.core.outbox import send_later
from tests.core.test_cache_down import redis_down  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_anything(client: Client, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_every_check(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "storage": True,
        "cache": True,
        "tasks": True,
    }
    assert body["checks"]["tasks"]["backend"] == "immediate"


@pytest.mark.usefixtures("redis_down")
def test_readyz_with_redis_down_is_still_ready_and_says_the_cache_is_down(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["checks"]["cache"]["ok"], body["checks"]["database"]["ok"]) == (
        "degraded",
        False,
        True,
    )


def test_readyz_without_the_media_folder_is_not_ready(client: Client, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "unmounted")
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["checks"]["storage"]) == (
        "unavailable",
        {"ok": False, "error": "the media folder is missing or not writable", "ms": body["checks"]["storage"]["ms"]},
    )


def test_readyz_gives_the_age_of_the_oldest_queued_task(client: Client, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.CWGCOP_READY_MAX_TASK_AGE_SECONDS = 600
    from django.core.mail import EmailMessage

    send_later(EmailMessage(subject="Agenda", body="CWG-COP-32", to=["ana@example.net"]))
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=15))
    response = client.get("/readyz")
    assert response.status_code == 200  # an old queue is the worker's problem, not this server's
    tasks = response.json()["checks"]["tasks"]
    assert (tasks["ok"], tasks["backend"]) == (False, "database")
    assert 899 <= tasks["oldest_seconds"] <= 905
    assert response.json()["status"] == "degraded"
