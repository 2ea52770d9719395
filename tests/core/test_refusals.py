"""The one way views show a refusal: on the form, as messages, or as the page's own error response; nothing else
is caught."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from cwgcop.core.errors import DomainError
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_as_response, refusal_on_form


class NoteForm(forms.Form):
    note = forms.CharField()


def _request() -> HttpRequest:
    request = RequestFactory().post("/staff/")
    request._messages = CookieStorage(request)  # type: ignore[attr-defined]
    return request


def _shown(request: HttpRequest) -> list[tuple[int, str]]:
    return [(message.level, message.message) for message in messages.get_messages(request)]


def _refuse(*messages_: str) -> None:
    raise DomainError(list(messages_), code="refused")


def test_refusal_on_form_puts_the_message_above_the_fields_and_goes_on() -> None:
    form = NoteForm({"note": "x"})
    assert form.is_valid()
    steps = []
    with refusal_on_form(form):
        steps.append("called")
        _refuse("The meeting is closed.")
        steps.append("not reached")
    steps.append("after")
    assert steps == ["called", "after"]
    assert form.errors == {"__all__": ["The meeting is closed."]}


def test_refusal_on_form_puts_the_message_next_to_the_named_field() -> None:
    form = NoteForm({"note": "x"})
    assert form.is_valid()
    with refusal_on_form(form, "note"):
        _refuse("Too late.")
    assert form.errors == {"note": ["Too late."]}


def test_refusal_on_form_leaves_the_form_alone_when_the_change_is_made() -> None:
    form = NoteForm({"note": "x"})
    assert form.is_valid()
    steps = []
    with refusal_on_form(form):
        steps.append("called")
    assert steps == ["called"]
    assert form.errors == {}


@pytest.mark.parametrize("error", [ValueError("bug"), ValidationError("not a refusal of the domain")])
def test_refusal_on_form_lets_other_errors_through(error: Exception) -> None:
    form = NoteForm({"note": "x"})
    assert form.is_valid()
    with pytest.raises(type(error)), refusal_on_form(form):
        raise error
    assert form.errors == {}


def test_refusal_as_messages_shows_every_message_as_an_error_and_skips_the_rest_of_the_block() -> None:
    request = _request()
    with refusal_as_messages(request):
        _refuse("First problem.", "Second problem.")
        messages.success(request, "Saved.")
    assert _shown(request) == [(messages.ERROR, "First problem."), (messages.ERROR, "Second problem.")]


def test_refusal_as_messages_keeps_what_the_block_says_when_the_change_is_made() -> None:
    request = _request()
    with refusal_as_messages(request):
        messages.success(request, "Saved.")
    assert _shown(request) == [(messages.SUCCESS, "Saved.")]


def test_refusal_as_messages_lets_other_errors_through() -> None:
    request = _request()
    with pytest.raises(ValueError, match="bug"), refusal_as_messages(request):
        raise ValueError("bug")
    assert _shown(request) == []


def test_form_status_is_400_for_a_form_with_errors_and_200_otherwise() -> None:
    assert form_status(NoteForm()) == 200
    assert form_status(NoteForm({"note": "x"})) == 200
    assert form_status(NoteForm({})) == 400


def _gone(request: HttpRequest, error: DomainError) -> HttpResponse:
    return HttpResponse(f"{request.path} {error.code}: {' '.join(error.messages)}", status=410)


@refusal_as_response(_gone)
def _link(request: HttpRequest, secret: str) -> HttpResponse:
    if secret != "s3cret":
        raise DomainError("This link no longer works.", code="link_invalid")
    return HttpResponse(f"open {secret}")


def test_refusal_as_response_answers_a_refusal_with_the_pages_own_response() -> None:
    response = _link(RequestFactory().get("/links/x/"), "wrong")
    assert (response.status_code, response.content.decode()) == (
        410,
        "/links/x/ link_invalid: This link no longer works.",
    )


def test_refusal_as_response_leaves_the_answer_alone_when_nothing_is_refused() -> None:
    response = _link(RequestFactory().get("/links/x/"), "s3cret")
    assert (response.status_code, response.content.decode()) == (200, "open s3cret")
    assert _link.__name__ == "_link"


def test_refusal_as_response_lets_other_errors_through() -> None:
    @refusal_as_response(_gone)
    def broken(request: HttpRequest) -> HttpResponse:
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        broken(RequestFactory().get("/"))
