"""Assembling a report to the Council from the platform's own data, in one language.

The structure follows the group's reports: a cover block (purpose, action required, link to the strategic
plan, financial implications, references), 1 Introduction (establishment, terms of reference, mandate) and
2 Activities (the meetings of the period, the focus areas, and for each meeting its participant figures,
summary and themes, the documents it considered, liaisons received and sent, outcomes and action items).
Every sentence is a translatable template filled from data; nothing is specific to one body or one report.

Where the standing texts come from: the body's governing texts in force in the period
(:func:`queries.texts_in_force`); what belongs to the period (focus areas, financial implications, action
required, link to the strategic plan) from the report itself. Content that exists only in another language
is used as it is, and the section records it under ``missing`` so the editor and the preview flag it: a
report is never silently partly in English.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override, pgettext

from cwgcop.bodies.models import Body
from cwgcop.core import formatting
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import translated, translated_with_language
from cwgcop.liaisons.enums import Direction, MilestoneStatus
from cwgcop.meetings.enums import ActionStatus, OfficerRole
from cwgcop.meetings.figures import participation_figures
from cwgcop.meetings.models import ActionItem, Meeting
from cwgcop.reports import queries, wording
from cwgcop.reports.enums import GoverningTextKind
from cwgcop.reports.models import CouncilReport, GoverningText

BULLET = "– "
# The sections the secretariat's particulars of a report fill, whole; and the paragraph of "activities" they fill.
PARTICULAR_SECTIONS = ("action", "strategic_plan", "financial")


@dataclass
class Section:
    key: str
    title: str
    text: str
    missing: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "text": wording.tidy(self.text), "missing": self.missing}


class Writer:
    """Reads translated content in the report's language and notes what exists only in another language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.missing: list[str] = []

    def t(self, obj: Any, field_name: str, what: str) -> str:
        if obj is None:
            return ""
        value, found = translated_with_language(obj, field_name, self.language)
        if value and found != self.language:
            self.missing.append(what)
        return value

    def lines(self, obj: Any, field_name: str, what: str) -> list[str]:
        return [line.strip() for line in self.t(obj, field_name, what).splitlines() if line.strip()]

    def section(self, key: str, title: str, text: str) -> Section:
        found, self.missing = self.missing, []
        return Section(key, title, text, sorted(set(found)))


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


def _bullets(items: list[str]) -> str:
    return "\n".join(BULLET + item for item in items)


def _space(language: str) -> str:
    """What separates two sentences: nothing in Chinese (the full stop is full-width), a space elsewhere."""
    return "" if language == "zh-hans" else " "


def _names(bodies: Any, language: str) -> str:
    return wording.join([translated(b, "name", language) for b in bodies], language)


def _received(w: Writer, meeting: Meeting) -> list[str]:
    return [
        _("%(title)s (from %(bodies)s)")
        % {"title": w.t(s, "title", str(s)), "bodies": _names(s.from_bodies.all(), w.language)}
        for s in queries.liaisons_at(meeting, Direction.INCOMING)
    ]


def _sent(w: Writer, meeting: Meeting) -> list[str]:
    described = []
    for statement in queries.liaisons_at(meeting, Direction.OUTGOING):
        values = {
            "title": w.t(statement, "title", str(statement)),
            "bodies": _names(statement.to_bodies.all(), w.language),
        }
        if statement.sent_on:
            values["date"] = wording.day(statement.sent_on, w.language)
            described.append(_("%(title)s (to %(bodies)s, sent on %(date)s)") % values)
        else:
            described.append(_("%(title)s (to %(bodies)s)") % values)
    return described


def _milestone(w: Writer, milestone: Any) -> str:
    """``Discussed in ITU-T Study Group 17 (ITU-T SG17, April 2025, planned)``."""
    language = w.language
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
        "step": wording.in_sentence(w.t(milestone, "title", str(milestone)), language),
        "details": separator.join(d for d in details if d),
    }


def _deliverables(
    w: Writer, body: Body, meetings: list[Meeting], start: datetime.date, end: datetime.date
) -> list[str]:
    return [
        _("%(title)s, prepared by the %(owner)s (%(acronym)s): %(route)s.")
        % {
            "title": w.t(deliverable, "title", str(deliverable)),
            "owner": translated(deliverable.owner, "name", w.language),
            "acronym": deliverable.owner.acronym,
            "route": " → ".join(_milestone(w, m) for m in deliverable.milestones.all()),
        }
        for deliverable in queries.deliverables_followed(body, meetings, start, end)
    ]


def _citations(w: Writer, texts: dict[str, GoverningText]) -> list[str]:
    """The establishing and governing texts' citations, in that order (the legal basis of the report)."""
    kinds = (GoverningTextKind.ESTABLISHING, GoverningTextKind.GOVERNING)
    found = [w.t(texts.get(kind), "citation", str(GoverningTextKind(kind).label)) for kind in kinds]
    return [c for c in found if c]


def _cover(
    w: Writer, body: Body, report: CouncilReport | None, texts: dict[str, GoverningText], meetings: list[Meeting]
) -> list[Section]:
    language = w.language
    numbers = [m.number for m in meetings]
    values = {
        "meetings": wording.meeting_phrase(numbers, language, "of"),
        "body": translated(body, "name", language),
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
    citations = _citations(w, texts)
    if citations:
        purpose += _space(language) + _("It is submitted under %(basis)s.") % {
            "basis": wording.join(citations, language)
        }
    sections = [w.section("purpose", pgettext("report section", "Purpose"), purpose)]
    sections.extend(particular_sections(w, report))
    references = list(citations)
    if body.website:
        references.append(_("The %(acronym)s web page: %(url)s") % {"acronym": body.acronym, "url": body.website})
    summaries = queries.chairs_summaries(meetings)
    if summaries:
        references.append(
            # Translators: "meetings" is "of the twenty-first and twenty-second meetings" (its preposition included).
            _("The chair's summary reports %(meetings)s: %(symbols)s")
            % {
                "meetings": wording.meeting_phrase(numbers, language, "of"),
                "symbols": formatting.join_list([d.symbol for d in summaries], language),
            }
        )
    sections.append(w.section("references", _("References"), _bullets(references)))
    return sections


def particular_sections(w: Writer, report: CouncilReport | None) -> list[Section]:
    """The cover sections the secretariat enters per report: action required, strategic plan, finances."""
    return [
        w.section(
            "action",
            _("Action required by the Council"),
            w.t(report, "action_required", _("Action required by the Council")),
        ),
        w.section(
            "strategic_plan",
            _("Link to the Strategic Plan"),
            w.t(report, "strategic_plan", _("Link to the Strategic Plan")),
        ),
        w.section(
            "financial",
            _("Financial implications"),
            w.t(report, "financial_implications", _("Financial implications")),
        ),
    ]


def _introduction(w: Writer, texts: dict[str, GoverningText]) -> Section:
    establishing = texts.get(GoverningTextKind.ESTABLISHING)
    terms = texts.get(GoverningTextKind.TERMS_OF_REFERENCE)
    governing = texts.get(GoverningTextKind.GOVERNING)
    labels = {kind: str(label) for kind, label in GoverningTextKind.choices}
    paragraphs = [
        f"1.1 {w.t(establishing, 'text', labels['establishing'])}",
        f"1.2 {w.t(terms, 'text', labels['terms_of_reference'])}",
        f"1.3 {w.t(governing, 'text', labels['governing'])}\n"
        + _bullets(w.lines(governing, "items", labels["governing"])),
    ]
    return w.section(
        "introduction",
        _("1 Introduction"),
        "\n\n".join(p.strip() for p in paragraphs if p.strip() not in {"1.1", "1.2", "1.3"}),
    )


def _breakdown(rows: list[Any], language: str) -> str:
    return wording.join([f"{row.label} {formatting.number(row.total, language)}" for row in rows], language)


def _participants(meeting: Meeting, language: str) -> str:
    """Who took part: the total, on site and remote, and by region and stakeholder kind when attendance was
    recorded (historic meetings hold only totals)."""
    at = wording.meeting_phrase([meeting.number], language, "at")
    figures = participation_figures(meeting)
    count = figures.total
    if count is not None:
        text = ngettext(
            # Translators: "meeting" is "at the twenty-first meeting" (its preposition included).
            "%(meeting)s, %(count)s participant discussed the contributions and information documents received.",
            "%(meeting)s, %(count)s participants discussed the contributions and information documents received.",
            count,
        ) % {"meeting": at, "count": formatting.number(count, language)}
    else:
        # Translators: "meeting" is "at the twenty-first meeting" (its preposition included).
        text = _("%(meeting)s, participants discussed the contributions and information documents received.") % {
            "meeting": at
        }
    text = wording.sentence(text)
    if figures.onsite is not None and figures.remote is not None:
        text += _space(language) + _("%(onsite)s took part on site and %(remote)s remotely.") % {
            "onsite": formatting.number(figures.onsite, language),
            "remote": formatting.number(figures.remote, language),
        }
    if figures.has_breakdown:
        text += _space(language) + _("By region: %(regions)s. By kind of stakeholder: %(kinds)s.") % {
            "regions": _breakdown(figures.by_region, language),
            "kinds": _breakdown(figures.by_stakeholder_kind, language),
        }
    return text


def _documents(meeting: Meeting, language: str) -> str:
    considered = queries.documents_considered(meeting)
    contributions, information = considered["contribution"], considered["information"]
    parts = []
    if contributions:
        parts.append(
            ngettext(
                "%(count)s contribution (%(symbols)s)", "%(count)s contributions (%(symbols)s)", len(contributions)
            )
            % {
                "count": formatting.number(len(contributions), language),
                "symbols": formatting.join_list([d.symbol for d in contributions], language),
            }
        )
    if information:
        parts.append(
            ngettext(
                "%(count)s information document (%(symbols)s)",
                "%(count)s information documents (%(symbols)s)",
                len(information),
            )
            % {
                "count": formatting.number(len(information), language),
                "symbols": formatting.join_list([d.symbol for d in information], language),
            }
        )
    if not parts:
        return ""
    return _("The meeting considered %(documents)s.") % {"documents": wording.join(parts, language)}


def _officer(officer: Any) -> str:
    """``Name (Organisation, Country)``: the country in the report's language (the caller overrides it)."""
    where = [part for part in (officer.organization.name if officer.organization else "", officer.country.name) if part]
    return f"{officer.display_name} ({', '.join(where)})" if where else officer.display_name


def _officers(meeting: Meeting, language: str) -> str:
    """Who chaired the meeting and who were its vice-chairs ("" when none is recorded)."""
    officers = list(meeting.officers.select_related("user", "user__profile", "organization").order_by("position"))
    chairs = [_officer(o) for o in officers if o.role == OfficerRole.CHAIR]
    vice = [_officer(o) for o in officers if o.role == OfficerRole.VICE_CHAIR]
    if chairs and vice:
        text = ngettext(
            "%(chair)s chaired the meeting, with %(vice_chairs)s as vice-chair.",
            "%(chair)s chaired the meeting, with %(vice_chairs)s as vice-chairs.",
            len(vice),
        ) % {"chair": chairs[0], "vice_chairs": wording.join(vice, language)}
    elif chairs:
        text = _("%(chair)s chaired the meeting.") % {"chair": chairs[0]}
    elif vice:
        text = ngettext(
            "%(vice_chairs)s was vice-chair of the meeting.",
            "%(vice_chairs)s were vice-chairs of the meeting.",
            len(vice),
        ) % {"vice_chairs": wording.join(vice, language)}
    else:
        return ""
    return text


def _discussed(w: Writer, meeting: Meeting) -> str:
    """Who chaired and took part at the meeting, what it discussed and considered, and the liaison statements it
    received."""
    language = w.language
    text = _participants(meeting, language)
    officers = _officers(meeting, language)
    if officers:
        text += _space(language) + officers
    themes = [wording.in_sentence(t, language) for t in w.lines(meeting, "themes", str(meeting))]
    if themes:
        text += _space(language) + _("Themes: %(themes)s.") % {"themes": wording.join(themes, language)}
    summary = " ".join(w.lines(meeting, "summary", str(meeting)))
    if summary:
        text += _space(language) + summary
    documents = _documents(meeting, language)
    if documents:
        text += _space(language) + documents
    received = _received(w, meeting)
    if received:
        text += _space(language) + _("Liaison statements received: %(list)s.") % {
            "list": wording.join(received, language)
        }
    return text


def _outcomes(w: Writer, meeting: Meeting) -> str:
    items = [w.t(o, "text", f"{meeting} {o.position}") for o in queries.outcomes_of(meeting)]
    sent = _sent(w, meeting)
    if sent:
        items.append(_("Liaison statements sent: %(list)s.") % {"list": wording.join(sent, w.language)})
    if not items:
        return ""
    # Translators: "meeting" is "of the twenty-first meeting" (its preposition included).
    lead = _("The main outcomes %(meeting)s were:") % {
        "meeting": wording.meeting_phrase([meeting.number], w.language, "of")
    }
    return wording.sentence(lead) + "\n" + _bullets(items)


def action_state(item: ActionItem, end: datetime.date, language: str) -> str:
    """An action item's state on the period's last day: open, or done/dropped (at a meeting, or on a date)."""
    closed = item.closed_at is not None and item.closed_at.date() <= end and item.status != ActionStatus.OPEN
    if not closed:
        return pgettext("action item state", "open")
    label = wording.in_sentence(str(ActionStatus(item.status).label), language)
    if item.closed_at_meeting is not None:
        # Translators: "meeting" is "at the twenty-first meeting" (its preposition included).
        return _("%(state)s %(meeting)s") % {
            "state": label,
            "meeting": wording.meeting_phrase([item.closed_at_meeting.number], language, "at"),
        }
    assert item.closed_at is not None
    return _("%(state)s on %(date)s") % {"state": label, "date": wording.day(item.closed_at.date(), language)}


def _actions(w: Writer, meeting: Meeting, end: datetime.date) -> str:
    items = queries.action_items_raised(meeting)
    if not items:
        return ""
    language = w.language
    lead = _("Action items raised %(meeting)s, and their state on %(date)s:") % {
        # Translators: "meeting" is "at the twenty-first meeting" (its preposition included).
        "meeting": wording.meeting_phrase([meeting.number], language, "at"),
        "date": wording.day(end, language),
    }
    lines = [
        _("%(reference)s %(description)s (%(owner)s): %(state)s")
        % {
            "reference": item.reference,
            "description": w.t(item, "description", item.reference),
            "owner": item.owner_name,
            "state": action_state(item, end, language),
        }
        for item in items
    ]
    return wording.sentence(lead) + "\n" + _bullets(lines)


def focus_paragraph(report: CouncilReport | None, language: str, w: Writer | None = None) -> str:
    """The period's focus areas as the paragraph "In the period, the group focused on: – …" ("" if none)."""
    writer = w or Writer(language)
    with override(language):
        focus = writer.lines(report, "focus_areas", _("Focus areas")) if report is not None else []
        return _("In the period, the group focused on:") + "\n" + _bullets(focus) if focus else ""


def _activities(
    w: Writer,
    *,
    body: Body,
    report: CouncilReport | None,
    meetings: list[Meeting],
    start: datetime.date,
    end: datetime.date,
) -> Section:
    language = w.language
    numbers = [m.number for m in meetings]
    venues = wording.join(sorted({w.t(m, "venue", str(m)) for m in meetings}), language)
    formats = wording.format_phrase(sorted({m.format for m in meetings}), language)
    opening = _("This document covers the meetings %(acronym)s held between %(start)s and %(end)s.") % {
        "acronym": body.acronym,
        "start": wording.day(start, language),
        "end": wording.day(end, language),
    }
    parts = [opening]
    focus = focus_paragraph(report, language, w)
    if focus:
        parts.append(focus)
    values = {
        "acronym": body.acronym,
        "meetings": wording.meeting_phrase(numbers, language, "object"),
        "dates": wording.dates_phrase([(m.start_date, m.end_date) for m in meetings], language),
        "venue": venues,
        "format": formats,
    }
    if len(meetings) == 1:
        held = pgettext(
            # Translators: "meetings" is "the twenty-first meeting", the object of "held"; "format" is "in hybrid
            # format", "in person" or "virtually".
            "one meeting",
            "%(acronym)s held %(meetings)s on %(dates)s at %(venue)s, %(format)s.",
        )
    else:
        held = pgettext(
            # Translators: "meetings" is "the twenty-first and twenty-second meetings", the object of "held";
            # "format" is "in hybrid format", "in person" or "virtually".
            "several meetings",
            "%(acronym)s held %(meetings)s on %(dates)s at %(venue)s, %(format)s.",
        )
    paragraphs = [held % values]
    for meeting in meetings:
        paragraphs.extend(p for p in (_discussed(w, meeting), _outcomes(w, meeting), _actions(w, meeting, end)) if p)
    tracked = _deliverables(w, body, meetings, start, end)
    if tracked:
        paragraphs.append(_("Deliverables followed across bodies:") + "\n" + _bullets(tracked))
    parts.extend(f"2.{number} {text}" for number, text in enumerate(paragraphs, start=1))
    return w.section("activities", _("2 Activities of %(acronym)s") % {"acronym": body.acronym}, "\n\n".join(parts))


def build(
    *,
    body: Body,
    start: datetime.date,
    end: datetime.date,
    language: str,
    report: CouncilReport | None = None,
) -> list[dict[str, Any]]:
    """The sections of a report on ``body``'s meetings between ``start`` and ``end``, in ``language``.

    ``report`` brings what the secretariat entered for the period (focus areas, financial implications, …);
    each section lists under ``missing`` the content it had to take from another language.
    """
    meetings = check_period(body, start, end)
    texts = queries.texts_in_force(body, start, end)
    w = Writer(language)
    with override(language):
        sections = [
            *_cover(w, body, report, texts, meetings),
            _introduction(w, texts),
            _activities(w, body=body, report=report, meetings=meetings, start=start, end=end),
        ]
    return [s.as_dict() for s in sections]
