"""Help is always in reach (issue 13): a sourced helpline for every country listed, Arabic-speaking countries
included, a fallback in the child's language, and the help box on every answer under /consult/, errors too."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from cwgcop.consultations import form_tokens, helplines, queries, ratelimit
from cwgcop.consultations.helplines import DATA, UnsourcedHelpline, helpline_for
from tests.consultations.factories import consultation

HELP_BOX = '<aside class="help-now"'
FALLBACK = {
    "ar": "منظمة خطوط مساعدة الأطفال الدولية: خطوط مساعدة مجانية في كل بلد",
    "zh-hans": "国际儿童求助热线组织：各国的免费求助热线",
    "en": "Child Helpline International: free helplines in every country",
    "fr": "Child Helpline International : des lignes d'écoute gratuites dans tous les pays",
    "ru": "Child Helpline International: бесплатные телефоны доверия во всех странах",
    "es": "Child Helpline International: líneas de ayuda gratuitas en todos los países",
}


def test_every_listed_country_has_a_number_and_the_page_it_was_checked_against() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for code, entry in data.items():
        if code.startswith("_"):
            continue
        assert set(entry) == {"name", "phone", "url", "source", "checked"}, code
        assert entry["source"].startswith("https://"), code
        assert code == "global" or entry["phone"], code
    # Arabic-speaking countries have their own helpline, not the English fallback.
    assert {"EG", "SA", "PS"} <= set(helplines.countries())
    assert helpline_for("eg") == helplines.Helpline(
        name="خط نجدة الطفل",
        phone="16000",
        url="",
        is_fallback=False,
        source="https://dailynewsegypt.com/2010/09/20/family-and-population-ministry-improve-hotlines-as-demand-for-their-services-rise",
    )


def test_an_entry_without_a_source_is_refused_as_the_list_is_read(tmp_path: Any, monkeypatch: Any) -> None:
    broken = tmp_path / "helplines.json"
    broken.write_text(
        json.dumps(
            {
                "global": {"name": "x", "phone": "", "url": "", "source": "https://example.org", "checked": "2026"},
                "MA": {"name": "Somewhere", "phone": "2511", "url": "", "source": "", "checked": "2026-12-06"},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(helplines, "DATA", broken)
    helplines.table.cache_clear()
    try:
        with pytest.raises(UnsourcedHelpline, match="helpline MA"):
            helplines.table()
    finally:
        helplines.table.cache_clear()


@pytest.mark.parametrize("language", list(FALLBACK))
def test_the_fallback_is_named_in_the_childs_language(language: str) -> None:
    with translation.override(language):
        found = helpline_for("MA")  # Morocco: not listed yet
    assert (found.name, found.is_fallback, found.url) == (
        FALLBACK[language],
        True,
        "https://childhelplineinternational.org/helplines/",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/ar/consult/no-such-consultation/", 404),
        ("/fr/consult/no-such-consultation/results/", 404),
        ("/es/consult/help/not-a-page/", 404),
    ],
)
def test_a_missing_page_under_consult_shows_the_help_box(path: str, status: int) -> None:
    response = Client().get(path + "?country=EG")
    body = response.content.decode()
    assert response.status_code == status
    assert HELP_BOX in body
    assert "16000" in body  # the Egyptian helpline, for ?country=EG
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_a_refusal_under_consult_shows_the_help_box_in_the_childs_language() -> None:
    """The receipt form still uses Django's CSRF cookie: a browser that blocks it is refused (403), with help."""
    found = consultation(slug="jeunes-2027")
    response = Client(enforce_csrf_checks=True).post(
        f"/ru/consult/{found.slug}/receipt/", {"receipt": "ABCD-EFGH-JKLM"}
    )
    body = response.content.decode()
    assert response.status_code == 403
    assert HELP_BOX in body
    assert "Эта страница не для вас" in body
    assert FALLBACK["ru"] in body


@pytest.mark.django_db
def test_a_server_error_under_consult_shows_the_help_box(monkeypatch: Any) -> None:
    def broken(slug: str) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(queries, "public_consultation", broken)
    response = Client(raise_request_exception=False).get("/zh-hans/consult/any-consultation/?country=CN")
    body = response.content.decode()
    assert response.status_code == 500
    assert HELP_BOX in body
    assert "12355" in body
    assert "我们这边出了点问题" in body


@pytest.mark.django_db
def test_too_many_answers_show_the_help_box_and_keep_the_childs_words(monkeypatch: Any) -> None:
    monkeypatch.setattr(ratelimit, "over_limit", lambda request, **_kwargs: True)
    found = consultation(slug="rate-2027")
    text_question = found.questions.get(kind="text")
    client = Client()
    data = {
        "form_token": form_tokens.issue(found),
        "age_band": "13-15",
        "country": "SA",
        f"q{text_question.pk}": "Nobody listens at home",
    }
    response = client.post(f"/en/consult/{found.slug}/answer/", data, HTTP_SEC_FETCH_SITE="same-origin")
    body = response.content.decode()
    assert response.status_code == 429
    assert HELP_BOX in body
    assert "116111" in body
    assert "Nobody listens at home</textarea>" in body


@pytest.mark.django_db
def test_pages_outside_consult_keep_the_sites_own_error_page() -> None:
    response = Client().get("/en/meetings/no-such-meeting-at-all/")
    assert response.status_code == 404
    assert HELP_BOX not in response.content.decode()
