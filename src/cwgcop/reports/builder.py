"""Assembling a report to the Council from the platform's own data, in one language.

The structure follows the group's reports: a cover block (purpose, action required, link to the strategic
plan, financial implications, references), 1 Introduction (establishment, terms of reference, mandate) and
2 Activities (the meetings of the period, the focus areas, and for each meeting its participant figures,
themes, liaisons received and sent, and main outcomes). Every sentence is a translatable template filled from
data; nothing is specific to one body or one report.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import long_date
from cwgcop.core.languages import translated
from cwgcop.documents.enums import DocumentKind
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting, Outcome
from cwgcop.reports import wording
from cwgcop.reports.models import Mandate

BULLET = "– "


@dataclass
class Section:
    key: str
    title: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def meetings_in(body: Body, start: datetime.date, end: datetime.date) -> QuerySet[Meeting]:
    return Meeting.objects.filter(body=body, start_date__gte=start, start_date__lte=end).order_by("start_date")


def check_period(body: Body, start: datetime.date, end: datetime.date) -> list[Meeting]:
    if end < start:
        raise DomainError(_("The period ends before it starts."), code="period_invalid")
    meetings = list(meetings_in(body, start, end))
    if not meetings:
        raise DomainError(
            _("%(body)s held no meeting between %(start)s and %(end)s: there is nothing to report.")
            % {"body": body.acronym, "start": start.isoformat(), "end": end.isoformat()},
            code="no_meetings",
        )
    return meetings


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _bullets(items: list[str]) -> str:
    return "\n".join(BULLET + item for item in items)


def _t(obj: Any, field: str, language: str) -> str:
    return translated(obj, field, language)


def _liaisons(meeting: Meeting, direction: str, language: str) -> list[str]:
    """Statements the meeting considered (incoming) or agreed to send (outgoing)."""
    if not apps.is_installed("cwgcop.liaisons"):
        return []
    statement_model = apps.get_model("liaisons", "LiaisonStatement")
    statements = (
        statement_model.objects.filter(direction=direction, meeting=meeting)
        .prefetch_related("from_bodies", "to_bodies")
        .order_by("pk")
    )
    described = []
    for statement in statements:
        bodies = statement.from_bodies.all() if direction == "incoming" else statement.to_bodies.all()
        names = wording.join([_t(b, "name", language) for b in bodies], language)
        described.append(f"{_t(statement, 'title', language)} ({names})")
    return described


def _deliverables(body: Body, start: datetime.date, end: datetime.date, language: str) -> list[str]:
    if not apps.is_installed("cwgcop.liaisons"):
        return []
    deliverable_model = apps.get_model("liaisons", "Deliverable")
    described = []
    from django.db.models import Q

    related = (
        deliverable_model.objects.filter(Q(owner=body) | Q(owner__parent=body) | Q(milestones__body=body))
        .distinct()
        .prefetch_related("milestones")
        .order_by("pk")
    )
    for deliverable in related:
        steps = []
        for milestone in deliverable.milestones.all():
            when = milestone.due_date.isoformat()[:7] if milestone.due_date else ""
            steps.append(f"{_t(milestone, 'title', language)}{f' ({when})' if when else ''}")
        owner = getattr(deliverable, "owner", None)
        owner_name = f" — {owner.acronym}" if owner is not None else ""
        described.append(f"{_t(deliverable, 'title', language)}{owner_name}: {' → '.join(steps)}")
    return described


def _chairs_summaries(meetings: list[Meeting]) -> list[Document]:
    return list(
        Document.objects.filter(meeting__in=meetings, kind=DocumentKind.CHAIRS_SUMMARY, status="published").order_by(
            "symbol"
        )
    )


def _cover(body: Body, mandate: Mandate | None, meetings: list[Meeting], language: str) -> list[Section]:
    numbers = [m.number for m in meetings]
    body_name = _t(body, "name", language)
    basis = _t(mandate, "purpose_basis", language) if mandate else ""
    purpose = _(
        "This report summarises the main outcomes of %(meetings)s of the %(body)s (%(acronym)s), held %(dates)s."
    ) % {
        "meetings": wording.meeting_phrase(numbers, language),
        "body": body_name,
        "acronym": body.acronym,
        "dates": wording.dates_phrase([(m.start_date, m.end_date) for m in meetings], language),
    }
    if basis:
        purpose += ("" if language == "zh-hans" else " ") + _("It is submitted under %(basis)s.") % {"basis": basis}
    references = _lines(_t(mandate, "resolutions", language)) if mandate else []
    if mandate and mandate.web_page:
        references.append(_("The %(acronym)s web page: %(url)s") % {"acronym": body.acronym, "url": mandate.web_page})
    summaries = _chairs_summaries(meetings)
    if summaries:
        references.append(
            _("The chair's summary reports of %(meetings)s: %(symbols)s")
            % {"meetings": wording.meeting_phrase(numbers, language), "symbols": ", ".join(d.symbol for d in summaries)}
        )
    return [
        Section("purpose", _("Purpose"), purpose),
        Section(
            "action", _("Action required by the Council"), _t(mandate, "action_required", language) if mandate else ""
        ),
        Section(
            "strategic_plan",
            _("Link to the Strategic Plan"),
            _t(mandate, "strategic_plan", language) if mandate else "",
        ),
        Section(
            "financial", _("Financial implications"), _t(mandate, "financial_implications", language) if mandate else ""
        ),
        Section("references", _("References"), _bullets(references)),
    ]


def _introduction(body: Body, mandate: Mandate | None, language: str) -> Section:
    if mandate is None:
        return Section("introduction", _("1 Introduction"), "")
    paragraphs = [
        f"1.1 {_t(mandate, 'establishment', language)}",
        f"1.2 {_t(mandate, 'terms_of_reference', language)}",
        f"1.3 {_t(mandate, 'mandate_intro', language)}\n" + _bullets(_lines(_t(mandate, "mandate_items", language))),
    ]
    return Section(
        "introduction",
        _("1 Introduction"),
        "\n\n".join(p for p in paragraphs if p.strip() not in {"1.1", "1.2", "1.3"}),
    )


def _meeting_paragraphs(meeting: Meeting, number: str, language: str) -> list[str]:
    ordinal = wording.meeting_phrase([meeting.number], language)
    paragraphs = []
    figures = meeting.participants_total
    discussed = (
        _("At %(meeting)s, %(count)s participants discussed the contributions and information documents received.")
        % {"meeting": ordinal, "count": figures}
        if figures is not None
        else _("At %(meeting)s, participants discussed the contributions and information documents received.")
        % {"meeting": ordinal}
    )
    space = "" if language == "zh-hans" else " "
    themes = _lines(_t(meeting, "themes", language))
    if themes:
        discussed += space + _("Themes: %(themes)s.") % {"themes": wording.join(themes, language)}
    received = _liaisons(meeting, "incoming", language)
    if received:
        discussed += space + _("Liaison statements received: %(list)s.") % {"list": wording.join(received, language)}
    paragraphs.append(f"{number}.a {discussed}")
    outcomes = Outcome.objects.filter(meeting=meeting).order_by("position")
    items = [_t(o, "text", language) for o in outcomes]
    sent = _liaisons(meeting, "outgoing", language)
    if sent:
        items.append(_("Liaison statements sent: %(list)s.") % {"list": wording.join(sent, language)})
    if items:
        paragraphs.append(
            f"{number}.b " + _("The main outcomes of %(meeting)s were:") % {"meeting": ordinal} + "\n" + _bullets(items)
        )
    return paragraphs


def _activities(
    *,
    body: Body,
    mandate: Mandate | None,
    meetings: list[Meeting],
    start: datetime.date,
    end: datetime.date,
    language: str,
) -> Section:
    numbers = [m.number for m in meetings]
    venues = wording.join(sorted({_t(m, "venue", language) for m in meetings}), language)
    formats = wording.join(sorted({wording.format_label(m.format) for m in meetings}), language)
    opening = _("This document covers the meetings %(acronym)s held between %(start)s and %(end)s.") % {
        "acronym": body.acronym,
        "start": long_date(start, language),
        "end": long_date(end, language),
    }
    parts = [opening]
    focus = _lines(_t(mandate, "focus_areas", language)) if mandate else []
    if focus:
        parts.append(_("In the period, the group focused on:") + "\n" + _bullets(focus))
    held = _("%(acronym)s held %(meetings)s on %(dates)s at %(venue)s, in %(format)s format.") % {
        "acronym": body.acronym,
        "meetings": wording.meeting_phrase(numbers, language),
        "dates": wording.dates_phrase([(m.start_date, m.end_date) for m in meetings], language),
        "venue": venues,
        "format": formats,
    }
    parts.append(f"2.1 {held}")
    for index, meeting in enumerate(meetings, start=2):
        parts.extend(_meeting_paragraphs(meeting, f"2.{index}", language))
    tracked = _deliverables(body, start, end, language)
    if tracked:
        parts.append(_("Deliverables followed across bodies:") + "\n" + _bullets(tracked))
    return Section("activities", _("2 Activities of %(acronym)s") % {"acronym": body.acronym}, "\n\n".join(parts))


def build(*, body: Body, start: datetime.date, end: datetime.date, language: str) -> list[dict[str, str]]:
    """The sections of a report on ``body``'s meetings between ``start`` and ``end``, in ``language``."""
    meetings = check_period(body, start, end)
    mandate = Mandate.objects.filter(body=body).first()
    with override(language):
        sections = [
            *_cover(body, mandate, meetings, language),
            _introduction(body, mandate, language),
            _activities(body=body, mandate=mandate, meetings=meetings, start=start, end=end, language=language),
        ]
    return [s.as_dict() for s in sections]
