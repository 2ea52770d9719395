"""Help stays in reach when something goes wrong under ``/<language>/consult/``.

A 403, 404, 429 or 500 answer under that prefix that does not already show the help box (a page rendered by
the consultations' own views does) is replaced by the children's error page: what happened, in the child's
language, with the helpline of the chosen country and the "report a problem" link. If that page cannot be
rendered either, the original answer goes out unchanged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

PREFIX = re.compile(r"^/(?:ar|zh-hans|en|fr|ru|es)/consult/")
STATUSES = {403, 404, 429, 500}
HELP_BOX = b'class="help-now"'
logger = logging.getLogger(__name__)


class HelpOnErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code not in STATUSES or not PREFIX.match(request.path_info):
            return response
        if getattr(response, "streaming", False) or HELP_BOX in response.content:
            return response
        from cwgcop.consultations.views.public import error_page

        try:
            helped = error_page(request, response.status_code)
        except Exception:  # the error page must never make an error worse
            logger.exception("The children's error page could not be rendered")
            return response
        # Django logs (and e-mails) an error answer once: the page that replaces it is the same error.
        helped._has_been_logged = getattr(response, "_has_been_logged", False)  # type: ignore[attr-defined]
        return helped
