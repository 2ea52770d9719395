"""The second step before what cannot be undone, without JavaScript.

A button that publishes, withdraws or cancels posts to its view as before; the view calls its service only when
the post carries ``confirm=yes``. Otherwise it answers :func:`confirmation_page`, which names what will happen
and posts the same request again with ``confirm=yes`` (or goes back, changing nothing). Forms that already have
fields take a :func:`confirm_field` checkbox instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CONFIRMED = "yes"


def is_confirmed(request: HttpRequest) -> bool:
    return request.method == "POST" and request.POST.get("confirm") == CONFIRMED


def confirm_field(label: StrOrPromise) -> forms.BooleanField:
    """A required checkbox that names what will happen; an unticked box is refused with a clear message."""
    return forms.BooleanField(label=label, error_messages={"required": _("Tick the box to confirm.")})


def confirmation_page(
    request: HttpRequest,
    *,
    title: object,
    consequence: object,
    button: object,
    back: str,
    hidden: Iterable[tuple[str, str]] = (),
) -> HttpResponse:
    """Ask before going on: the page posts to the address it was reached at, with ``confirm=yes``."""
    context = {
        "title": title,
        "consequence": consequence,
        "button": button,
        "back": back,
        "action": request.path,
        "hidden": list(hidden),
    }
    response = render(request, "confirm.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
