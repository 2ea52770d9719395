"""Every page of the project at 320 CSS px, in every language: no sideways scroll, no broken ids, axe clean.

The crawl walks every URL pattern (``crawl.page_patterns``) with the objects of a made-up world
(``world.build``), signed out where a page is public and signed in (staff roles, two factors) where it asks for
it. Each page is loaded at 320 px; the document must not scroll sideways, no id may appear twice, every
``aria-describedby``/``labelledby``/``controls`` must name an element of the page, and a table wider than the
screen scrolls in its own focusable, labelled box. In English and Arabic axe-core runs too: no WCAG 2.2 A/AA
violation and no "needs review" item about ARIA references. The first form of each page that has required
fields is then sent empty: the error page that comes back passes the same checks, shows an error summary that
has focus and links to each field. Public and children's pages are crawled in all six languages, staff pages in
English and Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from tests.a11y import crawl
from tests.a11y.world import World, build
from tests.browser.conftest import NewPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("en", "ar", "zh-hans", "fr", "ru", "es")
AXE_LANGUAGES = frozenset({"en", "ar"})
STAFF_LANGUAGES = frozenset({"en", "ar"})
LOGIN = "/account/login/"


@dataclass(frozen=True)
class Visit:
    path: str  # with a ``{language}`` placeholder
    signed_in: bool
    staff: bool


def plan(world: World) -> tuple[list[Visit], dict[str, str]]:
    """The pages to visit, signed in only where the page asks for it; and what is not a page, with why."""
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(world.user)
    visits: list[Visit] = []
    skipped: dict[str, str] = {}
    paths = [(pattern.path(world.samples), pattern.is_staff) for pattern in crawl.page_patterns()]
    paths += [(path, False) for path in world.extra_paths]
    for path, staff in paths:
        address = path.format(language="en")
        response = anonymous.get(address, follow=True)
        needs_sign_in = staff or (response.redirect_chain and LOGIN in response.redirect_chain[-1][0])
        if needs_sign_in:
            response = signed_in.get(address, follow=True)
        if response.status_code == 405:
            skipped[path] = "no page: it only takes a POST"
        elif not response.get("Content-Type", "").startswith("text/html"):
            skipped[path] = response.get("Content-Type", "")
        elif response.get("Content-Disposition", "").startswith("attachment"):
            skipped[path] = "a download"
        else:
            visits.append(Visit(path, bool(needs_sign_in), staff))
    return visits, skipped


def _visit(page: Page, url: str, *, axe: bool) -> list[str]:
    response = page.goto(url)
    problems = [f"status {response.status}"] if response is not None and response.status >= 400 else []
    problems += crawl.page_problems(page, axe=axe)
    error_state = crawl.error_state_problems(page, axe=axe)
    if error_state:
        problems += [f"after sending the form empty: {problem}" for problem in error_state]
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_fits_320_px_with_valid_ids_and_no_axe_finding(
    language: str, new_page: NewPage, live_server: LiveServer
) -> None:
    world = build()
    visits, skipped = plan(world)
    anonymous = new_page(viewport=crawl.PHONE)
    signed_in = new_page(viewport=crawl.PHONE)
    name, value = world.cookie()
    signed_in.context.add_cookies([{"name": name, "value": value, "url": live_server.url}])
    problems: dict[str, list[str]] = {}
    visited = 0
    for visit in visits:
        if visit.staff and language not in STAFF_LANGUAGES:
            continue
        path = visit.path.format(language=language)
        page = signed_in if visit.signed_in else anonymous
        visited += 1
        if found := _visit(page, live_server.url + path, axe=language in AXE_LANGUAGES):
            problems[path] = found

    report = "\n".join(f"{path}: {problem}" for path, found in problems.items() for problem in found)
    assert problems == {}, f"{len(problems)} of {visited} pages in {language!r}:\n{report}"
    # The walk reached the pages (a broken sample would show as a 404 above): 60 public pages, 45 staff pages.
    assert visited >= (100 if language in STAFF_LANGUAGES else 60)
    assert "/{language}/staff/" not in skipped
