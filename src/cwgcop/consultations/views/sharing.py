"""Sharing packages through their signed, expiring link: a readable page, JSON and CSV. No account needed.

Every download is logged (``PackageDownload`` and the audit log). The link is a secret: the pages are never
cached, never indexed, and send no referrer.
"""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import override
from django.views.decorators.http import require_GET

from cwgcop.consultations import exports, services
from cwgcop.consultations.views import no_store
from cwgcop.core.errors import DomainError
from cwgcop.core.refusals import refusal_as_response

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}


def _sealed(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return no_store(response)


def _package_refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    return _sealed(render(request, "consultations/package_error.html", {"error": error}, status=410))


@require_GET
@refusal_as_response(_package_refused)
def package(request: HttpRequest, token: str, fmt: str = "html") -> HttpResponse:
    if fmt not in services.sharing.FORMATS:
        raise Http404
    found = services.package_for_token(token)
    services.record_download(package=found, format=fmt)
    content = services.package_data(found)
    if fmt == "html":
        with override(found.language):
            return _sealed(
                render(request, "consultations/package.html", {"package": found, "content": content, "token": token})
            )
    with override(found.language):
        body = json.dumps(content, ensure_ascii=False, indent=2) if fmt == "json" else exports.package_csv(content)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{found.consultation.slug}-package-{found.pk}.{fmt}"'
    return _sealed(response)
