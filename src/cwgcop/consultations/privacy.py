"""Error reports about child-facing pages carry neither what a child wrote nor the network address.

Django already masks the posted values of views marked ``sensitive_post_parameters`` and the local variables
of functions marked ``sensitive_variables``; this filter also masks the address headers of those requests,
so that an error report e-mailed to the administrators holds no IP address of a child.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter

ADDRESS_HEADERS = ("REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


class ReporterFilter(SafeExceptionReporterFilter):
    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta: dict[str, Any] = super().get_safe_request_meta(request)
        if getattr(request, "sensitive_post_parameters", None):
            for header in ADDRESS_HEADERS:
                if header in meta:
                    meta[header] = self.cleansed_substitute
        return meta
