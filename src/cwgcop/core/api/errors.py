"""Every error of the API has one shape: ``{"detail": <message>, "code": <machine code>}``.

``detail`` is in the reader's language (``Accept-Language``); ``code`` never changes with the language, so
scripts test ``code``. Invalid parameters add ``errors``, one entry per parameter. A
:class:`~cwgcop.core.errors.DomainError` from a service keeps its message and code, so the API and the
pages tell a user the same thing.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cwgcop.core.errors import DomainError

# Domain errors that mean "the record is not in a state that allows this" rather than "bad input".
CONFLICT_CODES = frozenset(
    {
        "symbol_taken",
        "document_withdrawn",
        "revision_published",
        "revision_pending",
        # meetings: registration, agenda, outcomes, action items
        "registration_duplicate",
        "registration_closed",
        "registration_cancelled",
        "agenda_adopted",
        "agenda_draft",
        "outcome_in_use",
        "action_closed",
        "action_open",
        "meeting_cancelled",
        # documents: submissions
        "not_submitted",
        "not_returned",
        "deadline_passed",
        "meeting_closed",
        # events: series and events
        "slug_taken",
        "event_cancelled",
        "series_retired",
        "series_has_events",
        "dates_need_postponing",
        # bodies, organisations and meetings: what must be unique already exists
        "number_taken",
        "acronym_taken",
        "organization_taken",
        # liaisons: statements and deliverables
        "transition_invalid",
        "not_approved",
        "statement_locked",
        "not_outgoing",
        "not_incoming",
    }
)


# The code of an HttpError raised by an endpoint, by its status.
HTTP_CODES = {
    400: "invalid",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    405: "method_not_allowed",
    413: "too_large",
    429: "too_many_requests",
}


class ApiError(Exception):
    """An answer other than 2xx, with a translated message and a stable code."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        errors: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors


class NotFoundError(ApiError):
    def __init__(self, detail: str) -> None:
        super().__init__(404, "not_found", detail)


def error_response(error: ApiError) -> JsonResponse:
    body: dict[str, Any] = {"detail": error.detail, "code": error.code}
    if error.errors is not None:
        body["errors"] = error.errors
    return JsonResponse(body, status=error.status, json_dumps_params={"ensure_ascii": False})


def invalid_parameters(errors: Iterable[tuple[str, str]]) -> ApiError:
    return ApiError(
        400,
        "invalid",
        _("Some parameters are not valid."),
        [{"field": field, "message": message} for field, message in errors],
    )


# What a reader is told about a pydantic error, by its type (pydantic's own messages are English only).
PYDANTIC_MESSAGES: Mapping[str, Any] = {
    "int_parsing": gettext_lazy("Enter a whole number."),
    "int_type": gettext_lazy("Enter a whole number."),
    "greater_than_equal": gettext_lazy("Enter a number greater than or equal to %(ge)s."),
    "less_than_equal": gettext_lazy("Enter a number less than or equal to %(le)s."),
    "string_too_long": gettext_lazy("Enter at most %(max_length)s characters."),
    "missing": gettext_lazy("This parameter is required."),
}


def _pydantic_message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    context = dict(error.get("ctx") or {})
    if kind in {"enum", "literal_error"}:
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return _("Choose one of: %(choices)s.") % {"choices": ", ".join(choices)}
    template = PYDANTIC_MESSAGES.get(kind)
    if template is None:
        return _("This value is not valid.")
    return str(template) % context if "%(" in str(template) else str(template)


def _field(location: Iterable[Any]) -> str:
    # ninja reports ("query", "filters", "kind"): the reader knows the parameter as "kind".
    parts = [str(part) for part in location if part not in {"query", "path", "body", "filters"}]
    return ".".join(parts) or "request"


def install(api: NinjaAPI) -> None:
    """Route every error the API can raise through :func:`error_response`."""

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
        return error_response(error)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
        return error_response(NotFoundError(_("Not found.")))

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
        problems = [(_field(e.get("loc", ())), _pydantic_message(e)) for e in error.errors]
        return error_response(invalid_parameters(problems))

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
        response = error_response(
            ApiError(401, "unauthorized", _("Send a valid API token: Authorization: Bearer <token>."))
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
        # Raised by endpoints with an already translated message: only the code is added.
        code = HTTP_CODES.get(error.status_code, "error")
        return error_response(ApiError(error.status_code, code, str(error.message)))

    @api.exception_handler(RequestDataTooBig)
    def too_large(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
        return error_response(ApiError(413, "too_large", _("The request is too large.")))

    @api.exception_handler(json.JSONDecodeError)
    def not_json(request: HttpRequest, error: json.JSONDecodeError) -> HttpResponse:
        return error_response(ApiError(400, "invalid", _("The request body is not valid JSON.")))

    @api.exception_handler(DomainError)
    def refused(request: HttpRequest, error: DomainError) -> HttpResponse:
        return error_response(refusal(error))


def refusal(error: DomainError, *, plain_conflicts: Collection[str] | None = None) -> ApiError:
    """The answer to a service's refusal: its message, its code and, for a refusal about fields, the fields.

    409 when the code says the record's state does not allow the change (:data:`CONFLICT_CODES`), else 400.
    With ``plain_conflicts`` (see :func:`plain_refusal_codes`) the code is the status's plain one instead.
    """
    # A DomainError about fields (a dict of messages) has no code of its own; its fields are listed.
    code = str(getattr(error, "code", None) or "refused")
    fields = None
    if hasattr(error, "error_dict"):
        fields = [
            {"field": field, "message": str(message)}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    if plain_conflicts is None:
        status = 409 if code in CONFLICT_CODES else 400
    else:
        status = 409 if code in plain_conflicts else 400
        code = HTTP_CODES[status]
    return ApiError(status, code, " ".join(str(m) for m in error.messages), fields)


P = ParamSpec("P")
R = TypeVar("R")


def plain_refusal_codes(*, conflicts: Collection[str] = ()) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """For the endpoints whose clients have always been answered a refusal with the status's plain code
    (``invalid``, or ``conflict`` for a code in ``conflicts``) rather than the refusal's own: they keep it.

    Put it under the router's decorator. Every other endpoint lets a refusal reach the API's handler.
    """

    def decorate(endpoint: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(endpoint)
        def answer(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return endpoint(*args, **kwargs)
            except DomainError as error:
                raise refusal(error, plain_conflicts=conflicts) from error

        # ninja reads the parameters' types from the signature, resolved here in the endpoint's own module.
        answer.__signature__ = inspect.signature(endpoint, eval_str=True)  # type: ignore[attr-defined]
        return answer

    return decorate


def holds_nul(value: Any) -> bool:
    """Whether parsed JSON holds a NUL character in any text (no PostgreSQL text column can store one)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_nul(item) for item in value)
    return False


@csrf_exempt  # a POST to no endpoint is answered 404, not refused as a form without its token
def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any address under /api/v1/ that names no endpoint (a Django view, outside ninja's routing)."""
    return error_response(NotFoundError(_("There is no such API endpoint. The list is at /api/v1/docs.")))
