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

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override, pgettext

from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import translated
from cwgcop.liaisons.enums import Direction, MilestoneStatus
from cwgcop.meetings.models import Meeting
from cwgcop.reports import queries, wording
from cwgcop.reports.models import Mandate

BULLET = "– "


@dataclass
class Section:
    key: str
    title: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def check_period(body: Body, start: datetime.date, end: datetime.date) -> list[Meeting]:
    if end < start:
        raise DomainError(_("The period ends before it starts."), code="period_invalid")
    meetings = list(queries.meetings_in(body, start, end))
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


def _space(language: str) -> str:
    """What separates two sentences: nothing in Chinese (the full stop is full-width), a space elsewhere."""
    return "" if language == "zh-hans" else " "


def _names(bodies: Any, language: str) -> str:
    return wording.join([_t(b, "name", language) for b in bodies], language)


def _received(meeting: Meeting, language: str) -> list[str]:
    return [
        _("%(title)s (from %(bodies)s)")
        % {"title": _t(s, "title", language), "bodies": _names(s.from_bodies.all(), language)}
        for s in queries.liaisons_at(meeting, Direction.INCOMING)
    ]


def _sent(meeting: Meeting, language: str) -> list[str]:
    described = []
    for statement in queries.liaisons_at(meeting, Direction.OUTGOING):
        values = {"title": _t(statement, "title", language), "bodies": _names(statement.to_bodies.all(), language)}
        if statement.sent_on:
            values["date"] = wording.day(statement.sent_on, language)
            described.append(_("%(title)s (to %(bodies)s, sent on %(date)s)") % values)
        else:
            described.append(_("%(title)s (to %(bodies)s)") % values)
    return described


def _milestone(milestone: Any, language: str) -> str:
    """``Discussed in ITU-T Study Group 17 (ITU-T SG17, April 2025, planned)``."""
    if milestone.meeting is not None:
        when = wording.dates(milestone.meeting.start_date, milestone.meeting.end_date, language)
    elif milestone.due_date is not None:
        when = wording.month(milestone.due_date, language)
    elif milestone.achieved_on is not None:
        when = wording.day(milestone.achieved_on, language)
    else:
        when = ""
    status = wording.in_sentence(str(MilestoneStatus(milestone.status).label), language)
    details = [milestone.body.acronym, when, status]
    separator = "，" if language == "zh-hans" else ("، " if language == "ar" else ", ")
    return _("%(step)s (%(details)s)") % {
        "step": wording.in_sentence(_t(milestone, "title", language), language),
        "details": separator.join(d for d in details if d),
    }


def _deliverables(
    body: Body, meetings: list[Meeting], start: datetime.date, end: datetime.date, language: str
) -> list[str]:
    return [
        _("%(title)s, prepared by the %(owner)s (%(acronym)s): %(route)s.")
        % {
            "title": _t(deliverable, "title", language),
            "owner": _t(deliverable.owner, "name", language),
            "acronym": deliverable.owner.acronym,
            "route": " → ".join(_milestone(m, language) for m in deliverable.milestones.all()),
        }
        for deliverable in queries.deliverables_followed(body, meetings, start, end)
    ]


def _cover(body: Body, mandate: Mandate | None, meetings: list[Meeting], language: str) -> list[Section]:
    numbers = [m.number for m in meetings]
    body_name = _t(body, "name", language)
    basis = _t(mandate, "purpose_basis", language) if mandate else ""
    values = {
        "meetings": wording.meeting_phrase(numbers, language, "of"),
        "body": body_name,
        "acronym": body.acronym,
        "dates": wording.dates_phrase([(m.start_date, m.end_date) for m in meetings], language),
    }
    if len(meetings) == 1:
        purpose = pgettext(
            # Translators: "meetings" is "of the twenty-first meeting" (its preposition included).
            "one meeting",
            "This report summarises the main outcomes %(meetings)s of the %(body)s (%(acronym)s), held %(dates)s.",
        )
    else:
        purpose = pgettext(
            # Translators: "meetings" is "of the twenty-first and twenty-second meetings" (its preposition included).
            "several meetings",
            "This report summarises the main outcomes %(meetings)s of the %(body)s (%(acronym)s), held %(dates)s.",
        )
    purpose %= values
    if basis:
        purpose += _space(language) + _("It is submitted under %(basis)s.") % {"basis": basis}
    references = _lines(_t(mandate, "resolutions", language)) if mandate else []
    if mandate and mandate.web_page:
        references.append(_("The %(acronym)s web page: %(url)s") % {"acronym": body.acronym, "url": mandate.web_page})
    summaries = queries.chairs_summaries(meetings)
    if summaries:
        references.append(
            # Translators: "meetings" is "of the twenty-first and twenty-second meetings" (its preposition included).
            _("The chair's summary reports %(meetings)s: %(symbols)s")
            % {
                "meetings": wording.meeting_phrase(numbers, language, "of"),
                "symbols": ", ".join(d.symbol for d in summaries),
            }
        )
    return [
        Section("purpose", pgettext("report section", "Purpose"), purpose),
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


def _discussed(meeting: Meeting, language: str) -> str:
    """Who took part at the meeting, what it discussed, and the liaison statements it received."""
    at = wording.meeting_phrase([meeting.number], language, "at")
    count = meeting.participants_total
    if count is not None:
        text = ngettext(
            # Translators: "meeting" is "at the twenty-first meeting" (its preposition included).
            "%(meeting)s, %(count)s participant discussed the contributions and information documents received.",
            "%(meeting)s, %(count)s participants discussed the contributions and information documents received.",
            count,
        ) % {"meeting": at, "count": count}
    else:
        # Translators: "meeting" is "at the twenty-first meeting" (its preposition included).
        text = _("%(meeting)s, participants discussed the contributions and information documents received.") % {
            "meeting": at
        }
    text = wording.sentence(text)
    themes = [wording.in_sentence(t, language) for t in _lines(_t(meeting, "themes", language))]
    if themes:
        text += _space(language) + _("Themes: %(themes)s.") % {"themes": wording.join(themes, language)}
    received = _received(meeting, language)
    if received:
        text += _space(language) + _("Liaison statements received: %(list)s.") % {
            "list": wording.join(received, language)
        }
    return text


def _outcomes(meeting: Meeting, language: str) -> str:
    items = [_t(o, "text", language) for o in queries.outcomes_of(meeting)]
    sent = _sent(meeting, language)
    if sent:
        items.append(_("Liaison statements sent: %(list)s.") % {"list": wording.join(sent, language)})
    if not items:
        return ""
    # Translators: "meeting" is "of the twenty-first meeting" (its preposition included).
    lead = _("The main outcomes %(meeting)s were:") % {
        "meeting": wording.meeting_phrase([meeting.number], language, "of")
    }
    return wording.sentence(lead) + "\n" + _bullets(items)


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
        "start": wording.day(start, language),
        "end": wording.day(end, language),
    }
    parts = [opening]
    focus = _lines(_t(mandate, "focus_areas", language)) if mandate else []
    if focus:
        parts.append(_("In the period, the group focused on:") + "\n" + _bullets(focus))
    values = {
        "acronym": body.acronym,
        "meetings": wording.meeting_phrase(numbers, language, "object"),
        "dates": wording.dates_phrase([(m.start_date, m.end_date) for m in meetings], language),
        "venue": venues,
        "format": formats,
    }
    if len(meetings) == 1:
        # Translators: "meetings" is "the twenty-first meeting", the object of "held".
        held = pgettext("one meeting", "%(acronym)s held %(meetings)s on %(dates)s at %(venue)s, in %(format)s format.")
    else:
        held = pgettext(
            # Translators: "meetings" is "the twenty-first and twenty-second meetings", the object of "held".
            "several meetings",
            "%(acronym)s held %(meetings)s on %(dates)s at %(venue)s, in %(format)s format.",
        )
    paragraphs = [held % values]
    for meeting in meetings:
        paragraphs.extend(p for p in (_discussed(meeting, language), _outcomes(meeting, language)) if p)
    tracked = _deliverables(body, meetings, start, end, language)
    if tracked:
        paragraphs.append(_("Deliverables followed across bodies:") + "\n" + _bullets(tracked))
    parts.extend(f"2.{number} {text}" for number, text in enumerate(paragraphs, start=1))
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
    return [{**s.as_dict(), "text": wording.tidy(s.text)} for s in sections]
