"""Degrade, don't fall: with Redis unreachable, pages, downloads, the API, sign-in and event registration
answer (slower) and the failure is logged; rate limits still hold (counted in the process); a committed write is
never reported as a failure. With Redis reachable the same backend is the shared cache."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache, caches
from django.test import Client

from cwgcop.core.cache import archive_generation, bump_archive_generation, forget_local_pages
from cwgcop.core.cache_backend import ResilientRedisCache
from cwgcop.documents.models import Document
from cwgcop.events.models import Registration
from tests.accounts.factories import verify_email
from tests.events.factories import EventFactory
from tests.events.test_api import PAYLOAD
from tests.events.test_views import _form
from tests.factories import UserFactory, published_document

pytestmark = pytest.mark.django_db

DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1: connection refused at once
UP = "redis://127.0.0.1:6379/0"


def redis_cache(location: str, prefix: str) -> dict[str, Any]:
    """The cache as settings.py configures it from CWGCOP_REDIS_URL."""
    return {
        "default": {
            "BACKEND": "cwgcop.core.cache_backend.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 1.0,
                "SOCKET_TIMEOUT": 1.0,
                "RETRY_SECONDS": 5.0,
                "LOCAL_FALLBACK_PREFIXES": ("rl:", "allauth:rl:", "consult-rate:"),
            },
        }
    }


@pytest.fixture
def redis_down(settings: Any) -> Iterator[None]:
    settings.CACHES = redis_cache(DOWN, f"test-{uuid.uuid4().hex}")
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_GENERATION_SECONDS = 0
    forget_local_pages()
    yield
    forget_local_pages()


@pytest.fixture
def redis_up(settings: Any) -> Iterator[None]:
    settings.CACHES = redis_cache(UP, f"test-{uuid.uuid4().hex}")
    settings.PAGE_CACHE_SECONDS = 300
    forget_local_pages()
    yield
    cache.clear()
    forget_local_pages()


@pytest.fixture
def published() -> Document:
    return published_document(symbol="CWG-COP-88/3", titles={"en": "Helplines in small island states"})


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_every_kind_of_request_answers(
    published: Document, caplog: pytest.LogCaptureFixture, settings: Any
) -> None:
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="cwgcop.cache"):
        home = client.get("/en/")
        assert home.status_code == 200
        assert "CWG-COP-88/3" in home.content.decode()
        download = client.get("/files/CWG-COP-88/3/rev0/en/")
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
        api = client.get("/api/v1/documents/CWG-COP-88/3")
        assert api.status_code == 200
        assert api.json()["symbol"] == "CWG-COP-88/3"
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.name == "cwgcop.cache"] == [
        "The shared cache (Redis) is unreachable"
    ]


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_sign_in_works() -> None:
    verify_email(UserFactory(username="ngozi", email="ngozi@example.net"))
    client = Client(raise_request_exception=False)
    response = client.post("/en/account/login/", {"login": "ngozi@example.net", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_an_event_registration_is_stored_and_reported_as_stored(
    django_capture_on_commit_callbacks: Any,
) -> None:
    event = EventFactory(capacity=5)
    client = Client(raise_request_exception=False)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(f"/en/events/{event.series.slug}/{event.slug}/register/", _form(email="tala@example.net"))
        api = client.post(
            f"/api/v1/events/{event.series.slug}/{event.slug}/registrations",
            {**PAYLOAD, "email": "sione@example.net"},
            content_type="application/json",
        )
    assert (page.status_code, api.status_code) == (200, 202)
    assert sorted(Registration.objects.values_list("email", flat=True)) == ["sione@example.net", "tala@example.net"]


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_rate_limits_still_hold_counted_in_the_process(settings: Any) -> None:
    settings.CWGCOP_EVENT_RATE_LIMIT = "2/h"
    event = EventFactory(capacity=10)
    client = Client(REMOTE_ADDR="198.51.100.90", raise_request_exception=False)
    url = f"/en/events/{event.series.slug}/{event.slug}/register/"
    codes = [client.post(url, _form(email=f"p{n}@example.net")).status_code for n in range(3)]
    assert codes == [200, 200, 429]
    assert Registration.objects.count() == 2


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_the_generation_bump_after_commit_does_not_raise(
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        bump_archive_generation()
    assert len(callbacks) == 1
    # Every reading of the generation is new while Redis is down: no page is served stale from a process copy.
    assert archive_generation() != archive_generation()


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_pages_are_rendered_fresh_after_a_change(published: Document) -> None:
    client = Client()
    assert "Helplines in small island states" in client.get("/en/documents/").content.decode()
    other = published_document(symbol="CWG-COP-88/4", titles={"en": "Reporting tools for schools"})
    assert other.symbol in client.get("/en/documents/").content.decode()


@pytest.mark.usefixtures("redis_down")
def test_a_down_redis_is_left_alone_until_the_retry_time_is_over(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = caches["default"]
    assert isinstance(backend, ResilientRedisCache)
    assert backend.get("anything", "default") == "default"
    assert backend.is_down
    calls: list[str] = []
    monkeypatch.setattr("django_redis.cache.RedisCache.get", lambda *args, **kwargs: calls.append("redis") or None)
    assert backend.get("anything", "fallback") == "fallback"
    assert calls == []  # no connection attempt while it is known to be down
    monkeypatch.setattr(backend, "_down_until", 0.0)
    assert backend.get("anything", "fallback") is None
    assert calls == ["redis"]


@pytest.mark.usefixtures("redis_up")
def test_with_redis_up_limits_and_pages_are_shared(settings: Any) -> None:
    settings.CWGCOP_EVENT_RATE_LIMIT = "1/h"
    event = EventFactory(capacity=10)
    url = f"/en/events/{event.series.slug}/{event.slug}/register/"
    client = Client(REMOTE_ADDR="198.51.100.91")
    assert client.post(url, _form(email="a@example.net")).status_code == 200
    # Another process would read the same counter: forget this one's memory entirely.
    forget_local_pages()
    assert client.post(url, _form(email="b@example.net")).status_code == 429
    backend = caches["default"]
    assert isinstance(backend, ResilientRedisCache)
    assert not backend.is_down
    assert backend.ping() is True
    keys = list(backend.iter_keys("rl:events.register:*"))  # type: ignore[attr-defined]
    assert len(keys) == 1
    assert "198.51.100.91" not in keys[0]
