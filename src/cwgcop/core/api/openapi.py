"""The OpenAPI document lists every error answer an operation can give, in the one shape ``{detail, code}``.

Endpoints declare their own success shapes (and some errors, with their own wording); the errors that come from
the API's machinery rather than from an endpoint are added here to every operation they can reach:

- 400 (invalid parameters, a NUL character), 405 (another method than the path allows) and 500: every operation;
- 401 and 403: operations that take an API token;
- 404: operations with a parameter (a path, or a filter naming a meeting or body) and every write: each may
  name a record that does not exist;
- 409: every write (the record's state may not allow it); 413: operations with a request body;
- 429: operations with a rate limit, named by the API's root.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from ninja import NinjaAPI

from cwgcop.core.api.errors import HTTP_CODES

WRITES = frozenset({"post", "put", "patch", "delete"})
ERROR_REF = {"$ref": "#/components/schemas/ErrorSchema"}


def _answer(status: int) -> dict[str, Any]:
    code = HTTP_CODES.get(status, "server_error")
    return {
        "description": f"Error {{detail, code}}; code {code} unless the operation names its own.",
        "content": {"application/json": {"schema": ERROR_REF}},
    }


def error_statuses(method: str, path: str, operation: dict[str, Any], rate_limited: bool) -> list[int]:
    """The error statuses an operation can answer (see the module's docstring)."""
    statuses = [400, 405, 500]
    if operation.get("security"):
        statuses += [401, 403]
    if "{" in path or method in WRITES or operation.get("parameters"):
        statuses.append(404)  # a record named in the path, the query (a filter) or the body may not exist
    if method in WRITES:
        statuses.append(409)
    if "requestBody" in operation:
        statuses.append(413)
    if rate_limited:
        statuses.append(429)
    return sorted(statuses)


def document_errors(api: NinjaAPI, *, rate_limited: Collection[tuple[str, str]] = ()) -> None:
    """Make ``api``'s OpenAPI document list each operation's error answers. ``rate_limited`` names the operations
    with a rate limit as (method, path), e.g. ``("post", "/api/v1/events/{series}/{event}/registrations")``."""
    original: Callable[..., Any] = api.get_openapi_schema

    def with_errors(*args: Any, **kwargs: Any) -> Any:
        schema = original(*args, **kwargs)
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                for status in error_statuses(method, path, operation, (method, path) in rate_limited):
                    responses.setdefault(str(status), _answer(status))
        return schema

    api.get_openapi_schema = with_errors  # type: ignore[method-assign]
