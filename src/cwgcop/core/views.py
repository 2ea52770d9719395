"""The pages Django shows when no view can answer: not found, and server error."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A limit was reached (sign-in, sign-up, password reset through allauth): said in the reader's language."""
    response = render(request, "429.html", status=429)
    response["Cache-Control"] = "no-store"
    return response
