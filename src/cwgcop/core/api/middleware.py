"""Everything under /api/ answers JSON ``{detail, code}``, whatever part of the stack answers.

django-ninja's own errors already have that shape (cwgcop.core.api.errors); this middleware gives it to the
answers that come from elsewhere: Django's 404 and 500 pages, the CSRF refusal, ninja's bare 405, a request
body over the size limit. It also refuses, before any view runs, a NUL character in the path or the query
string: no text column of PostgreSQL can store it, and it is never part of a valid parameter.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.utils.translation import gettext as _

from cwgcop.core.api.errors import ApiError, error_response, holds_nul

PREFIX = "/api/"


def _message(status: int, request: HttpRequest, response: HttpResponseBase) -> tuple[str, str]:
    if status == 405:
        allowed = response.get("Allow", "")
        return "method_not_allowed", _("The method %(method)s is not allowed here. Allowed: %(allowed)s.") % {
            "method": request.method,
            "allowed": allowed,
        }
    known = {
        400: ("invalid", _("The request is not valid.")),
        401: ("unauthorized", _("Send a valid API token: Authorization: Bearer <token>.")),
        403: ("forbidden", _("You are not allowed to do this.")),
        404: ("not_found", _("Not found.")),
        409: ("conflict", _("The request conflicts with the current state of the record.")),
        413: ("too_large", _("The request is too large.")),
        429: ("too_many_requests", _("Too many requests in a short time. Please try again later.")),
    }
    if status in known:
        return known[status]
    if status >= 500:
        return "server_error", _("Something went wrong on our side. Please try again in a moment.")
    return "error", _("The request could not be answered.")


def has_nul(request: HttpRequest) -> bool:
    """A NUL character in the path, the query string or the text of a JSON body."""
    if "\x00" in request.path_info or any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
    ):
        return True
    if request.content_type != "application/json" or b"\\u0000" not in request.body:
        return False  # JSON writes NUL only as \u0000: the body is parsed only when it holds that
    try:
        return holds_nul(json.loads(request.body))
    except ValueError:
        return False  # not JSON: the endpoint answers that


class ApiErrorsMiddleware:
    """After LocaleMiddleware, so messages are in the reader's language (``Accept-Language``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        try:
            refused = has_nul(request)
        except RequestDataTooBig:
            return error_response(ApiError(413, "too_large", _("The request is too large.")))
        if refused:
            return error_response(
                ApiError(400, "invalid", _("The request holds a NUL character, which text may not contain."))
            )
        response = self.get_response(request)
        if response.status_code < 400 or response.get("Content-Type", "").startswith("application/json"):
            return response
        code, detail = _message(response.status_code, request, response)
        answer: JsonResponse = error_response(ApiError(response.status_code, code, detail))
        for header in ("Allow", "WWW-Authenticate", "Retry-After"):
            if header in response:
                answer[header] = response[header]
        return answer
