"""A child whose browser blocks cookies can still answer (issue 13): the answer form carries a signed token bound
to the consultation and a nonce; cross-site posts are still refused; on any refusal the child's words come back."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import signing
from django.test import Client

from cwgcop.consultations import form_tokens
from cwgcop.consultations.models import Answer, Consultation, Response
from tests.consultations.factories import consultation

pytestmark = pytest.mark.django_db

WORDS = "Mi profe dice que el chat de ayuda cierra a las ocho"
HELP_BOX = '<aside class="help-now"'


@pytest.fixture
def found() -> Consultation:
    return consultation(slug="voces-2027", languages=["en", "es"])


def _cookieless() -> Client:
    """A browser that refuses every cookie, with Django's CSRF checks on as in production."""
    client = Client(enforce_csrf_checks=True)
    client.cookies.clear()
    return client


def _token_from(body: str) -> str:
    return re.search(r'<input type="hidden" name="form_token" value="([^"]+)">', body).group(1)  # type: ignore[union-attr]


def _data(found: Consultation, token: str) -> dict[str, str]:
    questions = {q.order: q for q in found.questions.all()}
    return {
        "form_token": token,
        "age_band": "13-15",
        "country": "ES",
        f"q{questions[1].pk}": str(questions[1].choices.first().pk),  # type: ignore[union-attr]
        f"q{questions[3].pk}": WORDS,
    }


def _answer(client: Client, found: Consultation, data: dict[str, str], **headers: str) -> Any:
    return client.post(f"/es/consult/{found.slug}/answer/", data, **headers)


def test_a_child_whose_browser_blocks_cookies_answers(found: Consultation) -> None:
    client = _cookieless()
    page = client.get(f"/es/consult/{found.slug}/")
    assert page.cookies == {}  # the page sets no cookie at all
    token = _token_from(page.content.decode())
    client.cookies.clear()
    response = _answer(client, found, _data(found, token), HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200
    assert "Gracias" in response.content.decode()
    assert Answer.objects.get(question__kind="text").text == WORDS
    assert Response.objects.get().country.code == "ES"


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://games.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://games.example/free-skins"},
    ],
    ids=["sec-fetch cross-site", "sec-fetch same-site", "origin", "null origin", "referer"],
)
def test_a_post_from_another_site_is_refused_and_the_words_come_back(found: Consultation, headers: Any) -> None:
    response = _answer(_cookieless(), found, _data(found, form_tokens.issue(found)), **headers)
    body = response.content.decode()
    assert response.status_code == 403
    assert "Tus respuestas llegaron desde otro sitio web, así que no las guardamos." in body
    assert f"{WORDS}</textarea>" in body
    assert HELP_BOX in body
    assert Response.objects.count() == 0


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "http://testserver"}, {"HTTP_REFERER": "http://testserver/es/consult/voces-2027/"}, {}],
    ids=["same origin", "same-site referer", "no header at all"],
)
def test_a_post_from_this_site_is_accepted_without_a_cookie(found: Consultation, headers: Any) -> None:
    response = _answer(_cookieless(), found, _data(found, form_tokens.issue(found)), **headers)
    assert response.status_code == 200
    assert Response.objects.count() == 1


def test_a_token_of_another_consultation_a_changed_or_an_old_token_is_refused(
    found: Consultation, monkeypatch: Any
) -> None:
    other = consultation(slug="otra-2027")
    genuine = form_tokens.issue(found)
    changed = genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB")
    unsigned = signing.dumps({"c": found.pk, "n": "x"}, salt="another purpose")
    for token in (form_tokens.issue(other), changed, unsigned, ""):
        response = _answer(_cookieless(), found, _data(found, token), HTTP_SEC_FETCH_SITE="same-origin")
        body = response.content.decode()
        assert response.status_code == 403
        assert "Este formulario es demasiado antiguo para enviarlo." in body
        assert f"{WORDS}</textarea>" in body
    monkeypatch.setattr(form_tokens, "MAX_AGE", -1)  # a day has gone by
    expired = _answer(_cookieless(), found, _data(found, genuine), HTTP_SEC_FETCH_SITE="same-origin")
    assert expired.status_code == 403
    assert Response.objects.count() == 0


def test_a_replayed_form_is_refused_and_a_refusal_gives_a_new_token_that_works(found: Consultation) -> None:
    client = _cookieless()
    data = _data(found, form_tokens.issue(found))
    assert _answer(client, found, data, HTTP_SEC_FETCH_SITE="same-origin").status_code == 200
    replayed = _answer(client, found, data, HTTP_SEC_FETCH_SITE="same-origin")
    body = replayed.content.decode()
    assert replayed.status_code == 403
    assert "Estas respuestas ya se enviaron." in body
    assert f"{WORDS}</textarea>" in body
    assert Response.objects.count() == 1
    fresh = _token_from(body)
    assert fresh != data["form_token"]
    again = _answer(client, found, {**data, "form_token": fresh}, HTTP_SEC_FETCH_SITE="same-origin")
    assert again.status_code == 200
    assert Response.objects.count() == 2
