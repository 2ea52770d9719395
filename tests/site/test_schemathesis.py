"""A bounded schemathesis run against the API served by a live server, anonymous and with a token: no server
error, no status code the OpenAPI document does not list for the operation, no answer outside its schema.

Bounded (a few derandomised examples per operation) so that it runs in about a minute on a quiet machine; the
examples still reach every operation with valid and invalid parameters and bodies. Every operation is run and
every failure listed, each with the request that caused it.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from pytest_django.live_server_helper import LiveServer
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.accounts.factories import api_key
from tests.factories import MeetingFactory, secretariat
from tests.search.factories import indexed_document

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
EXAMPLES = 4
TIMEOUT = 60  # seconds: a shared machine under load answers slowly; a server error still answers at once
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def api_schema(live_server: LiveServer, transactional_db: None) -> Any:
    meeting = MeetingFactory(body__acronym="ZZ-TEST", body__slug="zz-test", number=3)
    indexed_document(meeting=meeting, titles={"en": "Helplines"}, texts={"en": "Helplines answer calls."})
    document = Client().get("/api/v1/openapi.json").json()  # the document the live server serves
    loaded = schemathesis.openapi.from_dict(document)
    loaded.config.update(base_url=live_server.url)
    return loaded


def failures_of(loaded: Any, headers: dict[str, str]) -> list[str]:
    """Run every operation's bounded examples; what schemathesis found for each operation, as text."""
    found: list[str] = []
    called: set[str] = set()
    operations = [result.ok() for result in loaded.get_all_operations()]
    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"
        try:
            _runner(operation, headers, called, label)()
        except Exception as failure:  # listed; the next operation runs
            found.append(f"{label}: {failure}")
    # Every operation of the document was called (51 when this was written), so a silent skip cannot pass.
    assert len(called) == len(operations) >= 51
    return found


def _runner(operation: Any, headers: dict[str, str], called: set[str], label: str) -> Any:
    @BOUNDED
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        called.add(label)
        case.call_and_validate(checks=CHECKS, timeout=TIMEOUT, headers=headers)

    return run


def test_api_answers_anonymous_requests_as_its_schema_says(api_schema: Any) -> None:
    assert failures_of(api_schema, {}) == []


def test_api_answers_requests_with_a_token_as_its_schema_says(api_schema: Any) -> None:
    token = api_key(secretariat(MeetingFactory(body__acronym="ZZ-SEC", body__slug="zz-sec", number=1).body))
    assert failures_of(api_schema, {"Authorization": f"Bearer {token}"}) == []
