"""The WSGI front of cwgcop.wsgi answers cached anonymous pages before Django's handler runs, with the very
status, headers and body the stack gave; everything else goes on to Django."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from cwgcop.documents.models import Document
from cwgcop.wsgi import application
from tests.core.factories import cwg_cop, document, meeting_21

pytestmark = pytest.mark.django_db

Answer = tuple[str, list[tuple[str, str]], bytes]
Call = Callable[..., Answer]


@pytest.fixture
def published() -> Document:
    return document(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/5", titles={"en": "Online games"})


@pytest.fixture
def wsgi() -> Iterator[Call]:
    """Call the production WSGI application as a server would. As Django's test client does, the request
    signals do not close the database connection, which holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def call(path: str, method: str = "GET", **headers: str) -> Answer:
        environ: dict[str, Any] = {"REQUEST_METHOD": method, "PATH_INFO": path, "HTTP_HOST": "testserver"}
        environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
        setup_testing_defaults(environ)
        answer: dict[str, Any] = {}

        def start_response(status: str, response_headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            answer.update(status=status, headers=response_headers)

        body = b"".join(application(environ, start_response))
        return answer["status"], answer["headers"], body

    yield call
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def django_reached(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every request that gets past the front to Django (which then answers it as usual)."""
    reached: list[str] = []
    behind = application.application

    def recording(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        reached.append(environ["PATH_INFO"])
        return behind(environ, start_response)

    monkeypatch.setattr(application, "application", recording)
    return reached


def test_cached_page_is_answered_by_the_front_as_the_stack_gave_it(
    wsgi: Call, published: Document, django_reached: list[str], django_assert_num_queries: Any
) -> None:
    first = wsgi("/en/documents/")
    with django_assert_num_queries(0):
        second = wsgi("/en/documents/")
    assert django_reached == ["/en/documents/"]
    assert second == first
    assert first[0] == "200 OK"
    assert dict(first[1])["Content-Language"] == "en"
    assert dict(first[1])["X-Content-Type-Options"] == "nosniff"
    assert b"CWG-COP-21/5" in first[2]


def test_head_is_answered_without_a_body(wsgi: Call, published: Document, django_reached: list[str]) -> None:
    status, headers, body = wsgi("/en/documents/")
    assert wsgi("/en/documents/", method="HEAD") == (status, headers, b"")
    assert dict(headers)["Content-Length"] == str(len(body))
    assert django_reached == ["/en/documents/"]


def test_reader_with_a_session_goes_on_to_django(wsgi: Call, published: Document, django_reached: list[str]) -> None:
    wsgi("/en/documents/")
    wsgi("/en/documents/", cookie="sessionid=anything")
    assert django_reached == ["/en/documents/", "/en/documents/"]


def test_refused_host_gets_djangos_bad_request(wsgi: Call, published: Document, django_reached: list[str]) -> None:
    wsgi("/en/documents/")
    status, _headers, _body = wsgi("/en/documents/", host="evil.example")
    assert status == "400 Bad Request"
    assert django_reached == ["/en/documents/", "/en/documents/"]


def test_pages_that_are_not_public_always_reach_django(
    wsgi: Call, published: Document, django_reached: list[str]
) -> None:
    assert wsgi("/en/account/login/")[0] == "200 OK"
    assert wsgi("/en/account/login/")[0] == "200 OK"
    assert django_reached == ["/en/account/login/", "/en/account/login/"]
