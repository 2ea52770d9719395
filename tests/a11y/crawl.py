"""The crawl's parts: every URL pattern of the project as an address, and what is checked on every page.

Patterns are walked from the root URL configuration, so a new page is crawled as soon as it is mounted; its
arguments get values from ``World.samples`` by the path segment before them (see ``tests/a11y/world.py``). A
pattern whose argument the world cannot name fails the crawl with the name to add, never silently.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import _axe

# Not pages: the API, feeds, calendars, health checks and file downloads answer machines (tests/site checks them).
NOT_PAGES = frozenset({"api", "admin"})
NOT_PAGE_NAMES = re.compile(r"^(healthz|readyz|api-not-found|feeds-.*|.*-ics|download.*|login)$")
PHONE = {"width": 320, "height": 720}
# The ARIA references axe cannot resolve are reported as "needs review" (incomplete) by these rules.
ARIA_REFERENCE_RULES = frozenset({"aria-valid-attr-value", "aria-allowed-attr", "aria-required-children"})
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARGUMENT = re.compile(r"<(?:\w+:)?(?P<name>\w+)>|\(\?P<(?P<regex>\w+)>")


@dataclass(frozen=True)
class Pattern:
    view_name: str
    route: str

    @property
    def is_staff(self) -> bool:
        return self.view_name.startswith("staff:")

    def arguments(self) -> list[tuple[str, str]]:
        """``(segment before it, name)`` of each argument: ``("actions", "pk")`` for ``actions/<int:pk>/``.

        The segment is empty when another argument comes right before (``<str:language>.<str:fmt>``).
        """
        found = []
        for match in ARGUMENT.finditer(self.route):
            before = self.route[: match.start()].rstrip("/^").rsplit("/", 1)[-1].lstrip("^")
            before = "" if ">" in before else before.rstrip(".")
            found.append((before, match.group("name") or match.group("regex")))
        return found

    def path(self, samples: dict[str, object]) -> str:
        """The address in English with a ``{language}`` placeholder; ``KeyError`` names a missing sample.

        A sample is looked up by view and argument (``consultations:package-download:fmt``), then by segment and
        argument (``actions:pk``), then by argument alone (``slug``).
        """
        kwargs = {}
        for segment, name in self.arguments():
            key = f"{segment}:{name}"
            if f"{self.view_name}:{name}" in samples:
                kwargs[name] = samples[f"{self.view_name}:{name}"]
            elif key in samples:
                kwargs[name] = samples[key]
            elif name in samples:
                kwargs[name] = samples[name]
            else:
                raise KeyError(f"{self.view_name}: add a sample for {key!r} or {name!r} in tests/a11y/world.py")
        with translation.override("en"):
            address = reverse(self.view_name, kwargs=kwargs)
        return address.replace("/en/", "/{language}/", 1) if address.startswith("/en/") else address


def _walk(patterns: list[Any], namespaces: tuple[str, ...] = (), prefix: str = "") -> Iterator[Pattern]:
    for item in patterns:
        if isinstance(item, URLResolver):
            if item.namespace in NOT_PAGES:
                continue
            inner = (*namespaces, item.namespace) if item.namespace else namespaces
            yield from _walk(item.url_patterns, inner, prefix + str(item.pattern))
        elif isinstance(item, URLPattern) and item.name and not NOT_PAGE_NAMES.match(item.name):
            yield Pattern(":".join((*namespaces, item.name)), prefix + str(item.pattern))


def page_patterns() -> list[Pattern]:
    """Every named pattern of the project that may be a page, once each (a legacy redirect is crawled too)."""
    seen: dict[str, Pattern] = {}
    for pattern in _walk(get_resolver().url_patterns):
        seen.setdefault(pattern.view_name, pattern)
    return list(seen.values())


PAGE_PROBLEMS = """() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    const scrolled = document.documentElement.scrollWidth;
    if (scrolled > width) {
        const wide = [];
        for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.width && (box.right > width + 1 || box.left < -1)
                && !element.closest('.visually-hidden, .skip-link')
                && !(element.parentElement && element.parentElement.closest('.table-scroll'))) {
                wide.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                          + (element.className && typeof element.className === 'string'
                             ? '.' + element.className.trim().split(/\\s+/).join('.') : '')
                          + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
            }
        }
        problems.push('scrollWidth ' + scrolled + ' > ' + width + ': ' + wide.slice(-4).join(', '));
    }
    const counts = {};
    for (const element of document.querySelectorAll('[id]')) counts[element.id] = (counts[element.id] || 0) + 1;
    const duplicated = Object.keys(counts).filter((id) => counts[id] > 1);
    if (duplicated.length) problems.push('duplicate ids: ' + duplicated.join(' '));
    for (const attribute of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
        for (const element of document.querySelectorAll('[' + attribute + ']')) {
            for (const id of element.getAttribute(attribute).split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) problems.push(attribute + ' points to missing #' + id);
            }
        }
    }
    for (const scroller of document.querySelectorAll('.table-scroll')) {
        if (scroller.scrollWidth > scroller.clientWidth
            && !(scroller.tabIndex === 0 && (scroller.getAttribute('aria-label')
                 || scroller.getAttribute('aria-labelledby')))) {
            problems.push('a table scrolls in a box that is not focusable and labelled');
        }
    }
    return problems;
}"""

# The first form that sends something and has fields a person must fill, emptied and sent without the
# browser's own checks: the server's error state of the page.
SEND_EMPTY = """(send) => {
    for (const form of document.querySelectorAll('main form')) {
        if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') continue;
        const required = [...form.querySelectorAll('input[required], select[required], textarea[required]')]
            .filter((field) => field.type !== 'hidden' && field.type !== 'file');
        if (!required.length) continue;
        if (!send) return true;
        for (const field of required) {
            if (field.type === 'checkbox' || field.type === 'radio') field.checked = false;
            else if (field.tagName === 'SELECT') field.selectedIndex = -1;
            else field.value = '';
        }
        form.noValidate = true;
        const button = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
        if (button) { button.click(); } else { form.requestSubmit(); }
        return true;
    }
    return false;
}"""

FOCUS_SETTLED = """() => {
    const summary = document.querySelector('.error-summary');
    return !summary || summary.contains(document.activeElement);
}"""

ERROR_SUMMARY = """() => {
    const summary = document.querySelector('.error-summary');
    if (!summary) return ['no error summary after a failed submit'];
    const problems = [];
    if (!summary.contains(document.activeElement)) {
        problems.push('focus is on ' + document.activeElement.tagName + ', not on the error summary');
    }
    for (const link of summary.querySelectorAll('a[href^="#"]')) {
        if (!document.getElementById(link.getAttribute('href').slice(1))) {
            problems.push('the summary links to missing ' + link.getAttribute('href'));
        }
    }
    return problems;
}"""


def page_problems(page: Page, *, axe: bool) -> list[str]:
    problems = [str(problem) for problem in page.evaluate(PAGE_PROBLEMS)]
    if axe:
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations", "incomplete"]}
        results = _axe.run(page, options=options).response
        for violation in results["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            problems.append(f"axe {violation['id']}: {violation['help']} {targets}")
        for item in results["incomplete"]:
            if item["id"] in ARIA_REFERENCE_RULES:
                targets = [node["target"] for node in item["nodes"][:3]]
                problems.append(f"axe needs review {item['id']}: {item['help']} {targets}")
    return problems


def error_state_problems(page: Page, *, axe: bool) -> list[str] | None:
    """Send the page's first form empty; the problems of the page that comes back (``None``: no such form)."""
    if not page.evaluate(SEND_EMPTY, False):
        return None
    with page.expect_navigation():
        page.evaluate(SEND_EMPTY, True)
    # Autofocus runs in the first rendering after load: give a busy machine a moment before asking where focus is.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(FOCUS_SETTLED, timeout=3000)
    return [str(problem) for problem in page.evaluate(ERROR_SUMMARY)] + page_problems(page, axe=axe)
