"""The API's OpenAPI schema is kept in the repository: a change to the API shows as a change to the snapshot.

When the schema changes on purpose, update the snapshot and commit it with the change:

    CWGCOP_UPDATE_SNAPSHOT=1 CWGCOP_TESTING=true pytest tests/site/test_api.py
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest
from django.test import Client

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")
UPDATE = "CWGCOP_UPDATE_SNAPSHOT=1 CWGCOP_TESTING=true pytest tests/site/test_api.py"


def _schema_text(client: Client, language: str = "en") -> str:
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return json.dumps(response.json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_openapi_schema_matches_the_snapshot(client: Client) -> None:
    current = _schema_text(client)
    if os.environ.get("CWGCOP_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text(current, encoding="utf-8")
    kept = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    if current != kept:
        diff = "".join(
            list(difflib.unified_diff(kept.splitlines(True), current.splitlines(True), "snapshot", "current"))[:60]
        )
        pytest.fail(
            "The API's OpenAPI schema differs from tests/site/openapi.snapshot.json.\n"
            f"If the change is intended, update the snapshot and commit it with the change:\n\n    {UPDATE}\n\n"
            f"The first differences:\n{diff}",
            pytrace=False,
        )


def test_openapi_schema_does_not_depend_on_the_readers_language(client: Client) -> None:
    assert _schema_text(client, "zh-hans") == _schema_text(client, "en")


def test_openapi_schema_lists_the_public_endpoints(client: Client) -> None:
    paths = json.loads(_schema_text(client))["paths"]
    assert {
        "/api/v1/bodies/",
        "/api/v1/bodies/{slug}",
        "/api/v1/meetings/",
        "/api/v1/meetings/{body}/{number}",
        "/api/v1/documents/",
        "/api/v1/documents/{symbol}",
    } <= set(paths)
