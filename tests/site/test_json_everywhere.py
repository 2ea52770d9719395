"""Everything under /api/ answers JSON {detail, code}, and none of the inputs that used to give a 5xx does."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client

from cwgcop.core.cache import PageCacheApp
from cwgcop.events.models import Registration
from tests.events.factories import EventFactory
from tests.events.test_api import PAYLOAD

pytestmark = pytest.mark.django_db


def test_a_post_to_no_endpoint_answers_json_404_not_the_csrf_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/no-such-thing/", {"a": "b"})
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json() == {
        "detail": "There is no such API endpoint. The list is at /api/v1/docs.",
        "code": "not_found",
    }


def test_an_unsupported_method_answers_json_405_with_allow(client: Client) -> None:
    response = client.delete("/api/v1/documents/")
    assert (response.status_code, response["Content-Type"]) == (405, "application/json")
    assert response["Allow"] == "GET"
    assert response.json() == {
        "detail": "The method DELETE is not allowed here. Allowed: GET.",
        "code": "method_not_allowed",
    }


def test_the_405_is_in_the_readers_language(client: Client) -> None:
    response = client.put("/api/v1/documents/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.json()["detail"] == "El método PUT no está permitido aquí. Permitidos: GET."


def test_an_offset_past_what_a_database_counts_is_a_400(client: Client) -> None:
    for url in ("/api/v1/documents/", "/api/v1/liaisons/", "/api/v1/meetings/"):
        response = client.get(url, {"offset": str(2**63)})
        assert response.status_code == 400, url
        assert response.json() == {
            "detail": "Some parameters are not valid.",
            "code": "invalid",
            "errors": [{"field": "offset", "message": f"Enter a number less than or equal to {2**62}."}],
        }


def test_the_largest_offset_accepted_answers_an_empty_page(client: Client) -> None:
    response = client.get("/api/v1/documents/", {"offset": str(2**62)})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("year", ["0", "10000", "-5"])
def test_a_liaison_year_outside_the_calendar_is_a_400(client: Client, year: str) -> None:
    response = client.get("/api/v1/liaisons/", {"year": year})
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], [e["field"] for e in body["errors"]]) == ("invalid", ["year"])


def test_a_liaison_year_outside_the_calendar_on_the_page_is_a_form_error_not_a_500(client: Client) -> None:
    response = client.get("/en/liaisons/", {"year": "0"})
    assert response.status_code in {200, 400}


def test_a_nul_character_in_json_text_is_a_400_and_nothing_is_written(client: Client) -> None:
    event = EventFactory(capacity=5)
    url = f"/api/v1/events/{event.series.slug}/{event.slug}/registrations"
    response = client.post(url, {**PAYLOAD, "name": "Wei\u0000Zhang"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request holds a NUL character, which text may not contain.",
        "code": "invalid",
    }
    assert Registration.objects.count() == 0


def test_a_nul_character_in_a_query_parameter_is_a_400(client: Client) -> None:
    response = client.get("/api/v1/documents/", {"q": "child\x00safety"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_a_body_that_is_not_json_is_a_400(client: Client) -> None:
    event = EventFactory(capacity=5)
    url = f"/api/v1/events/{event.series.slug}/{event.slug}/registrations"
    response = client.post(url, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_a_body_over_the_limit_is_a_json_413(client: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    event = EventFactory(capacity=5)
    url = f"/api/v1/events/{event.series.slug}/{event.slug}/registrations"
    response = client.post(url, {**PAYLOAD, "organization": "x" * 2000}, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "The request is too large.", "code": "too_large"}


def test_a_server_error_under_the_api_answers_json_500(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database fell over")

    monkeypatch.setattr("cwgcop.bodies.api.queries.bodies", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/bodies/")
    assert (response.status_code, response["Content-Type"]) == (500, "application/json")
    assert response.json() == {
        "detail": "Something went wrong on our side. Please try again in a moment.",
        "code": "server_error",
    }


def _wsgi(path: str, method: str = "GET") -> tuple[str, dict[str, str], bytes]:
    """A request as gunicorn hands it over: the path's UTF-8 bytes as a Latin-1 string."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SCRIPT_NAME": "",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
    }
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(PageCacheApp(WSGIHandler())(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.mark.django_db(transaction=True)  # the WSGI handler closes the connection after each request
@pytest.mark.parametrize("path", ["/api/v1/documents/CWG-COP-1/д", "/api/v1/网址/", "/en/documents/بحث/"])
def test_a_non_latin_path_through_the_page_cache_front_is_not_a_500(path: str) -> None:
    status, headers, _body = _wsgi(path)
    assert status == "404 Not Found"
    expected = "application/json" if path.startswith("/api/") else "text/html; charset=utf-8"
    assert headers["Content-Type"] == expected
