"""The one way a view shows a service's refusal: every view that calls a service uses one of these.

A view loads its object (404) and checks a named permission, validates a form, calls one service and
redirects. The service may refuse with a ``DomainError``, having written nothing; the two context managers
below show that refusal the page's way: next to the form that asked for the change, or as messages on the
page the user is sent back to. A block that ends by redirecting leaves the code after it to the refusal.
A page whose refusal is a page of its own (a dead link, an expired package) is decorated with
``refusal_as_response``. Nothing but ``DomainError`` is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse

from cwgcop.core.errors import DomainError


@contextmanager
def refusal_on_form(form: BaseForm, field: str | None = None) -> Iterator[None]:
    """Show a ``DomainError`` raised in the block on ``form``: next to ``field``, or above all fields."""
    try:
        yield
    except DomainError as error:
        form.add_error(field, error)


@contextmanager
def refusal_as_messages(request: HttpRequest) -> Iterator[None]:
    """Show each message of a ``DomainError`` raised in the block as an error on the next page."""
    try:
        yield
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)


def form_status(form: BaseForm) -> int:
    """A page that shows a form with errors answers 400, so that tests and tools see the refusal."""
    return 400 if form.errors else 200


View = Callable[..., HttpResponse]


def refusal_as_response(respond: Callable[[HttpRequest, DomainError], HttpResponse]) -> Callable[[View], View]:
    """Answer a ``DomainError`` raised by the decorated view with ``respond(request, error)``: its own error page."""

    def decorate(view: View) -> View:
        @wraps(view)
        def refusing(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except DomainError as error:
                return respond(request, error)

        return refusing

    return decorate
