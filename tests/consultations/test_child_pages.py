"""Every page a child sees: no third-party script (CSP), only the CSRF cookie, under 150 KB on first load, no
script at all, help for the chosen country with a global fallback, a way to report a problem; and rate
limiting that never keeps a network address."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from cwgcop.consultations import form_tokens, ratelimit, services
from cwgcop.consultations.models import Consultation, Response
from tests.consultations.factories import close, consultation, submit

pytestmark = pytest.mark.django_db

FIRST_LOAD_LIMIT = 150 * 1024


def form_data(
    found: Consultation, text: str = "Helplines should answer on chat too", **overrides: str
) -> dict[str, str]:
    questions = {q.order: q for q in found.questions.all()}
    data = {
        "form_token": form_tokens.issue(found),
        "age_band": "13-15",
        "country": "KE",
        "gender": "unsaid",
        f"q{questions[1].pk}": str(questions[1].choices.first().pk),  # type: ignore[union-attr]
        f"q{questions[2].pk}": "5",
        f"q{questions[3].pk}": text,
    }
    data.update(overrides)
    return data


@dataclass
class Page:
    name: str
    load: Callable[[Client, Consultation], HttpResponse]
    has_form: bool
    country: str  # the country the page was asked for ("" = none chosen)


def _receipt_post(action: str, confirm: str = "") -> Callable[[Client, Consultation], HttpResponse]:
    def load(client: Client, found: Consultation) -> HttpResponse:
        code = submit(found, country="KE").receipt
        data = {"receipt": code, "action": action, "confirm": confirm}
        return client.post(f"/en/consult/{found.slug}/receipt/?country=KE", data)  # type: ignore[return-value]

    return load


PAGES = [
    Page("index", lambda c, f: c.get("/en/consult/"), False, ""),
    Page("take part", lambda c, f: c.get(f"/en/consult/{f.slug}/?country=KE"), True, "KE"),
    Page("receipt after answering", lambda c, f: c.post(f"/en/consult/{f.slug}/answer/", form_data(f)), False, "KE"),
    Page(
        "helpline page after a disclosure",
        lambda c, f: c.post(f"/en/consult/{f.slug}/answer/", form_data(f, "he hits me every day")),
        False,
        "KE",
    ),
    Page(
        "answer refused",
        lambda c, f: c.post(f"/en/consult/{f.slug}/answer/", form_data(f, age_band="")),
        True,
        "KE",
    ),
    Page("results", lambda c, f: c.get(f"/en/consult/{f.slug}/results/"), False, ""),
    Page("you said, we did", lambda c, f: c.get(f"/en/consult/{f.slug}/feedback/?country=KE"), False, "KE"),
    Page("receipt code", lambda c, f: c.get(f"/en/consult/{f.slug}/receipt/"), True, ""),
    Page("receipt opens the feedback", _receipt_post("feedback"), False, "KE"),
    Page("receipt asks before withdrawing", _receipt_post("withdraw"), True, "KE"),
    Page("receipt withdraws the answers", _receipt_post("withdraw", confirm="yes"), False, "KE"),
    Page("help", lambda c, f: c.get("/en/consult/help/"), False, ""),
    Page("help for a country", lambda c, f: c.get("/en/consult/help/?country=KE"), False, "KE"),
]


def _first_load_bytes(response: HttpResponse) -> int:
    """The page and what the browser must fetch to show it: stylesheets, scripts and images of our own."""
    body = response.content.decode()
    total = len(response.content)
    for url in re.findall(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/static/[^"]+)"', body):
        path = finders.find(url.removeprefix("/static/"))
        assert path, url
        with open(str(path), "rb") as handle:
            total += len(handle.read())
    return total


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_child_page_is_safe_light_and_shows_help(client: Client, page: Page) -> None:
    found = consultation()
    response = page.load(client, found)
    body = response.content.decode()
    assert response.status_code in {200, 400}
    parts = [part.split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    csp = {part[0]: part[1:] for part in parts}
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert "http" not in response["Content-Security-Policy"]
    assert "<script" not in body  # nothing needs a script; nothing from elsewhere could run
    # The answer form carries a signed token instead of the CSRF cookie; the receipt form still uses the cookie.
    cookie_forms = page.has_form and 'name="form_token"' not in body
    assert set(response.cookies) == ({"csrftoken"} if cookie_forms else set())
    assert ('name="form_token"' in body) == (page.name in {"take part", "answer refused"})
    assert _first_load_bytes(response) < FIRST_LOAD_LIMIT
    assert "Need help now?" in body
    if page.country == "KE":
        assert "Childline Kenya" in body
        assert "116" in body
    else:
        assert "Child Helpline International" in body
    assert 'href="mailto:safeguarding@itu.int?subject=cwgcop"' in body
    assert "Report a problem with this page" in body


def test_pages_with_a_childs_words_or_receipt_are_never_cached(client: Client) -> None:
    found = consultation()
    assert client.get(f"/en/consult/{found.slug}/")["Cache-Control"] == "private, no-store"
    answered = client.post(f"/en/consult/{found.slug}/answer/", form_data(found))
    assert answered["Cache-Control"] == "private, no-store"
    assert client.get(f"/en/consult/{found.slug}/receipt/")["Cache-Control"] == "private, no-store"


def test_the_helpline_follows_the_chosen_country_in_chinese(client: Client) -> None:
    found = consultation()
    body = client.get(f"/zh-hans/consult/{found.slug}/?country=CN").content.decode()
    assert "需要帮助吗？" in body
    assert "12355" in body
    assert "你听说过儿童求助热线吗？" in body


def test_the_take_part_page_asks_for_nothing_that_identifies_a_child(client: Client) -> None:
    found = consultation()
    body = client.get(f"/en/consult/{found.slug}/").content.decode()
    names = set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', body))
    questions = {f"q{pk}" for pk in found.questions.values_list("pk", flat=True)}
    assert names == {"form_token", "age_band", "country", "gender", "q", *questions}
    assert "We delete your answers 180 days after the consultation closes." in body


def test_a_language_the_consultation_does_not_offer_shows_the_ones_it_does(client: Client) -> None:
    found = consultation()
    body = client.get(f"/fr/consult/{found.slug}/").content.decode()
    assert '<form method="post"' not in body
    assert f'href="/zh-hans/consult/{found.slug}/" lang="zh-hans">中文</a>' in body
    assert f'href="/en/consult/{found.slug}/" lang="en">English</a>' in body


def test_too_many_answers_from_one_network_are_refused_and_nothing_is_written(settings: Any) -> None:
    settings.CWGCOP_CONSULTATION_RATE_LIMIT = 2
    found = consultation()
    school = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(2):
        assert school.post(f"/en/consult/{found.slug}/answer/", form_data(found)).status_code == 200
    refused = school.post(f"/en/consult/{found.slug}/answer/", form_data(found))
    assert refused.status_code == 429
    assert "Many answers came from your network just now. Please wait a little and try again." in (
        refused.content.decode()
    )
    assert Response.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.8")
    assert other.post(f"/en/consult/{found.slug}/answer/", form_data(found)).status_code == 200
    assert Response.objects.count() == 3


def test_a_live_session_with_a_group_code_has_its_own_higher_limit(settings: Any) -> None:
    """During the live window, answers with an active group code count in their own bucket against the live limit;
    the same network's other answers keep theirs; a wrong code is an ordinary answer."""
    settings.CWGCOP_CONSULTATION_RATE_LIMIT = 2
    settings.CWGCOP_CONSULTATION_LIVE_RATE_LIMIT = 4
    now = timezone.now()
    found = consultation(
        live_opens_at=now - datetime.timedelta(hours=1), live_closes_at=now + datetime.timedelta(hours=2)
    )
    hall_group = found.group_codes.create(label="Nairobi hall", code_hash=services.hash_code("HALL-2026"))
    url = f"/en/consult/{found.slug}/answer/"
    assert 'name="group_code"' in Client().get(f"/en/consult/{found.slug}/").content.decode()
    hall = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [hall.post(url, form_data(found, group_code="hall-2026")).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    statuses = [hall.post(url, form_data(found, group_code="")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert hall.post(url, form_data(found, group_code="WRONG-0000")).status_code == 429
    assert Response.objects.filter(group_code=hall_group).count() == 4
    assert Response.objects.count() == 6


def test_a_group_code_outside_the_live_window_counts_against_the_networks_limit(settings: Any) -> None:
    settings.CWGCOP_CONSULTATION_RATE_LIMIT = 2
    settings.CWGCOP_CONSULTATION_LIVE_RATE_LIMIT = 4
    found = consultation()  # no live window
    found.group_codes.create(label="Nairobi hall", code_hash=services.hash_code("HALL-2026"))
    hall = Client(REMOTE_ADDR="198.51.100.7")
    url = f"/en/consult/{found.slug}/answer/"
    statuses = [hall.post(url, form_data(found, group_code="HALL-2026")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert Response.objects.filter(group_code__label="Nairobi hall").count() == 2


def test_rate_limit_keys_hold_no_address_and_change_every_day(client: Client) -> None:
    found = consultation()
    Client(REMOTE_ADDR="198.51.100.7").post(f"/en/consult/{found.slug}/answer/", form_data(found))
    keys = [key for key in cache._cache if ratelimit.PREFIX in key]  # type: ignore[attr-defined]
    assert len(keys) == 1
    assert "198.51.100.7" not in keys[0]
    assert "198-51-100-7" not in keys[0]
    day_one = datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC)
    day_two = day_one + datetime.timedelta(days=1)
    first, second = ratelimit.network_key("198.51.100.7", day_one), ratelimit.network_key("198.51.100.7", day_two)
    assert first.split(":")[-1] != second.split(":")[-1]
    assert ratelimit.network_key("198.51.100.7", day_one) == first
    assert ratelimit.network_key("198.51.100.8", day_one) != first


def test_the_results_page_shows_breakdowns_only_after_closing(client: Client) -> None:
    found = consultation()
    for _ in range(12):
        submit(found, age_band="13-15", choice="Yes")
    open_page = client.get(f"/en/consult/{found.slug}/results/").content.decode()
    assert "By age group" not in open_page
    assert "only overall figures are shown until it closes" in open_page
    close(found)
    closed_page = client.get(f"/en/consult/{found.slug}/results/").content.decode()
    assert "By age group" in closed_page
    assert "By region" in closed_page
    assert "By gender" in closed_page


def test_the_feedback_page_says_when_the_group_has_not_written_back(client: Client) -> None:
    found = consultation()
    assert "The group has not written back yet." in client.get(f"/en/consult/{found.slug}/feedback/").content.decode()
    close(found)
    services.publish_feedback(
        actor=None,
        consultation=found,
        texts={"en": "We asked for chat helplines.", "zh-hans": "我们要求开通聊天热线。"},
    )
    assert "我们要求开通聊天热线。" in client.get(f"/zh-hans/consult/{found.slug}/feedback/").content.decode()


def test_a_draft_consultation_has_no_public_page(client: Client) -> None:
    found = consultation(published_at=None)
    for path in ("", "results/", "feedback/", "receipt/"):
        assert client.get(f"/en/consult/{found.slug}/{path}").status_code == 404
    assert client.post(f"/en/consult/{found.slug}/answer/", form_data(found)).status_code == 404
    assert Response.objects.count() == 0
    assert f"/consult/{found.slug}/" not in client.get("/en/consult/").content.decode()


def test_the_index_lists_published_consultations_only(client: Client) -> None:
    consultation(slug="open-one", title_en="Open one")
    consultation(slug="draft-one", title_en="Draft one", published_at=None)
    consultation(
        slug="later-one",
        title_en="Later one",
        opens_at=timezone.now() + datetime.timedelta(days=3),
        closes_at=timezone.now() + datetime.timedelta(days=9),
    )
    body = client.get("/en/consult/").content.decode()
    assert "Open one" in body
    assert "Later one" in body
    assert "Draft one" not in body
