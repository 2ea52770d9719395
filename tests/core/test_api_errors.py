"""The one shape of every API error, whatever raised it."""

from __future__ import annotations

import pytest
from django.http import Http404, HttpRequest
from django.test import Client
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.testing import TestClient

from cwgcop.core.api import errors
from cwgcop.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _client_raising(error: Exception) -> TestClient:
    api = NinjaAPI(urls_namespace=f"errors-{id(error)}")
    errors.install(api)

    @api.get("/")
    def endpoint(request: HttpRequest) -> None:
        raise error

    return TestClient(api)


@pytest.mark.parametrize(
    ("error", "status", "body"),
    [
        (
            DomainError("A document with the symbol X/1 already exists.", code="symbol_taken"),
            409,
            {"detail": "A document with the symbol X/1 already exists.", "code": "symbol_taken"},
        ),
        (
            DomainError("The file is empty.", code="file_empty"),
            400,
            {"detail": "The file is empty.", "code": "file_empty"},
        ),
        (DomainError("No code."), 400, {"detail": "No code.", "code": "refused"}),
        (Http404("internal wording"), 404, {"detail": "Not found.", "code": "not_found"}),
        (errors.NotFoundError("Gone fishing."), 404, {"detail": "Gone fishing.", "code": "not_found"}),
        (HttpError(429, "Try again later."), 429, {"detail": "Try again later.", "code": "too_many_requests"}),
        (HttpError(418, "I am a teapot."), 418, {"detail": "I am a teapot.", "code": "error"}),
    ],
)
def test_errors_answer_detail_and_code(error: Exception, status: int, body: dict[str, str]) -> None:
    response = _client_raising(error).get("/")
    assert (response.status_code, response.json()) == (status, body)


def test_unknown_api_address_answers_json_not_a_page(client: Client) -> None:
    response = client.get("/api/v1/minutes/")
    assert (response.status_code, response["Content-Type"], response.json()) == (
        404,
        "application/json",
        {"detail": "There is no such API endpoint. The list is at /api/v1/docs.", "code": "not_found"},
    )


def test_unknown_api_address_answers_in_chinese(client: Client) -> None:
    response = client.get("/api/v1/minutes/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.json() == {"detail": "没有这个API端点。端点列表见 /api/v1/docs。", "code": "not_found"}


def test_missing_token_answers_in_the_same_shape(client: Client) -> None:
    response = client.get("/api/v1/account/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert (response.status_code, response["WWW-Authenticate"], response.json()) == (
        401,
        "Bearer",
        {"detail": "请发送有效的API令牌：Authorization: Bearer <令牌>。", "code": "unauthorized"},
    )


def test_api_reference_page_uses_only_our_own_static_files(client: Client) -> None:
    page = client.get("/api/v1/docs").content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js"></script>' in page
    assert "cdn" not in page.lower()
