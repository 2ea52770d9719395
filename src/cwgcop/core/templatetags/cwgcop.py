from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from cwgcop.core import audit, formatting
from cwgcop.core.languages import current_language, direction, native_name, translated_with_language

register = template.Library()


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date) -> str:
    return formatting.date_range(start, end)


@register.simple_tag
def meeting_name(meeting: Any) -> str:
    return formatting.meeting_name(meeting.body.acronym, meeting.number)


@register.filter
def long_date(value: datetime.date | str | None) -> str:
    """``12 February 2025`` in the reader's language (a date-time is read as its local day; an ISO date as a date).

    Frozen content (a sharing package) keeps its dates as ``2026-12-01``; the page still shows them in words.
    """
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value) if value else None
    return formatting.long_date(value) if value else ""


@register.filter
def number(value: object) -> object:
    """A count or figure in the reader's language's digits and grouping: ``{{ total|number }}`` → ``12 345``.

    Whole numbers stay numbers (``core.formatting.Figure``), so ``{% blocktranslate count counter=n|number %}``
    still chooses the plural form; anything that is not a number (``None``, ``""``) passes through unchanged.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    return formatting.Figure(value) if isinstance(value, int) else formatting.number(value)


@register.filter
def percent(fraction: float | Decimal | None) -> str:
    """A share (``0.375``) as a per cent in the reader's language: ``38%``, ``38 %``."""
    return "" if fraction is None else formatting.percent(fraction)


@register.filter
def file_size(size: int | None) -> str:
    """A size in bytes with CLDR's short unit in the reader's language: ``1.5 MB``, ``1,5 Mo``."""
    return "" if size is None else formatting.file_size(size)


@register.simple_tag
def in_language(obj: Any, field: str, fallback: str | None = None) -> SafeString:
    """A translated field in the reader's language (else ``fallback``, else any), marked with its language.

    ``<span lang="en" dir="auto">…</span>``: screen readers pronounce an English title shown on an Arabic page
    as English (WCAG 3.1.2), and the bidirectional algorithm keeps its punctuation in place.
    """
    value, language = translated_with_language(obj, field, fallback=fallback)
    if not value:
        return SafeString("")
    return format_html('<span lang="{}" dir="auto">{}</span>', language, value)


@register.simple_tag
def content_language(obj: Any, field: str, fallback: str | None = None) -> str:
    """The language in which a translated field is shown to this reader, for a ``lang`` on a whole block.

    ``{% content_language meeting "summary" "en" as summary_language %}``, then
    ``<div lang="{{ summary_language }}" dir="auto">``: an English summary on an Arabic page reads left to right.
    """
    return translated_with_language(obj, field, fallback=fallback)[1]


@register.filter
def long_datetime(value: datetime.datetime | None) -> str:
    return formatting.long_datetime(value) if value else ""


@register.filter
def language_name(code: str) -> str:
    """The language's name in itself (``Français``), so a reader finds their own language whatever the page's."""
    return native_name(code)


@register.filter
def format_label(media_type: str) -> str:
    return formatting.MEDIA_LABELS.get(media_type, media_type)


def _other_language(value: object) -> str:
    """The language of a translated value when it is not the page's (``""`` otherwise, or when unknown)."""
    language = getattr(value, "language", "")
    return language if language and language != current_language() else ""


@register.filter
def marked(value: object) -> SafeString:
    """A translated value (``display_title``, …) marked with its language when it differs from the page's.

    ``{{ event.display_title|marked }}`` gives ``<span lang="en" dir="ltr">Tides</span>`` on a French page whose
    event has no French title, and the plain (escaped) title otherwise.
    """
    language = _other_language(value)
    if not language:
        return format_html("{}", value)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction(language), value)


@register.filter
def lang_attributes(value: object) -> SafeString:
    """`` lang="en" dir="ltr"`` for the element that holds a translated block in another language, else nothing.

    ``<div{{ consultation.display_introduction|lang_attributes }}>{{ consultation.display_introduction|linebreaks }}``
    """
    language = _other_language(value)
    if not language:
        return SafeString("")
    return format_html(' lang="{}" dir="{}"', language, direction(language))


ITEMS = "_cwgcop_list_items"


class ListNode(template.Node):
    """``{% joined %}{% for x in xs %}{% item %}<a …>{{ x }}</a>{% enditem %}{% endfor %}{% endjoined %}``."""

    def __init__(self, nodelist: template.NodeList, style: formatting.ListStyle) -> None:
        self.nodelist = nodelist
        self.style = style

    def render(self, context: template.Context) -> str:
        items: list[str] = []
        with context.push(**{ITEMS: items}):
            self.nodelist.render(context)
        # Babel joins placeholders (its patterns hold no markup), then each placeholder becomes its item's HTML.
        placeholders = [f"\x00{number}\x00" for number in range(len(items))]
        joined = str(conditional_escape(formatting.join_list(placeholders, style=self.style)))
        # Each item is isolated, so a Latin name in an Arabic list keeps its place beside the Arabic "and".
        for placeholder, item in zip(placeholders, items, strict=True):
            joined = joined.replace(placeholder, f"<bdi>{item}</bdi>")
        return SafeString(joined)


class ItemNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        context[ITEMS].append(self.nodelist.render(context))
        return ""


@register.tag
def joined(parser: template.base.Parser, token: template.base.Token) -> ListNode:
    """Items joined by the reader's language's list pattern (CLDR via Babel): ``A, B and C``, ``A、B和C``.

    ``{% joined %}`` or ``{% joined "or" %}``; each ``{% item %}…{% enditem %}`` inside is one element (loops
    and conditions around items are fine; other output between them is dropped).
    """
    bits = token.split_contents()
    style = bits[1].strip("\"'") if len(bits) > 1 else "standard"
    if style not in ("standard", "or"):
        raise template.TemplateSyntaxError(f"joined: unknown list style {style!r}")
    nodelist = parser.parse(("endjoined",))
    parser.delete_first_token()
    return ListNode(nodelist, style)  # type: ignore[arg-type]


@register.tag
def item(parser: template.base.Parser, token: template.base.Token) -> ItemNode:
    nodelist = parser.parse(("enditem",))
    parser.delete_first_token()
    return ItemNode(nodelist)


@register.filter
def as_list(values: Any) -> str:
    """Plain strings joined by the reader's language's list pattern: ``{{ names|as_list }}``."""
    return formatting.join_list([str(value) for value in values])


@register.filter
def action_label(code: str) -> str:
    """An audit entry's action as a reader says it: ``meeting.create`` → ``Meeting created``."""
    return audit.action_label(code)
