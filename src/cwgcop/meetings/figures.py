"""A meeting's participant figures: total, on site and remote, by ITU region and by stakeholder kind.

The figures come from the recorded attendance when the meeting has any; otherwise from the totals
stored on the meeting (historic meetings hold only those, such as the 21st meeting's 129). Only these
counts are public, never the attendance list itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.enums import Region, StakeholderKind
from cwgcop.meetings.enums import AttendanceMode
from cwgcop.meetings.models import Attendance, Meeting

UNKNOWN = _("Not known")


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    onsite: int
    remote: int

    @property
    def total(self) -> int:
        return self.onsite + self.remote


@dataclass(frozen=True)
class ParticipationFigures:
    """``source`` says where the numbers come from: ``attendance``, ``totals`` (typed), or ``none``."""

    source: Literal["attendance", "totals", "none"]
    total: int | None
    onsite: int | None
    remote: int | None
    by_region: list[FigureRow] = field(default_factory=list)
    by_stakeholder_kind: list[FigureRow] = field(default_factory=list)

    @property
    def has_breakdown(self) -> bool:
        return self.source == "attendance"


def _rows(counts: dict[tuple[str, str], int], choices: Sequence[tuple[str, Any]], keys: set[str]) -> list[FigureRow]:
    rows = [
        FigureRow(
            value,
            str(label),
            counts.get((value, AttendanceMode.ONSITE), 0),
            counts.get((value, AttendanceMode.REMOTE), 0),
        )
        for value, label in choices
        if value in keys
    ]
    if "" in keys:
        rows.append(
            FigureRow(
                "", str(UNKNOWN), counts.get(("", AttendanceMode.ONSITE), 0), counts.get(("", AttendanceMode.REMOTE), 0)
            )
        )
    return rows


def participation_figures(meeting: Meeting) -> ParticipationFigures:
    """The meeting's figures, with the breakdowns when attendance was recorded (one query)."""
    grouped = list(
        Attendance.objects.filter(meeting=meeting)
        .values_list("region", "stakeholder_kind", "mode")
        .annotate(count=Count("id"))
        .order_by()
    )
    if not grouped:
        onsite, remote = meeting.participants_onsite, meeting.participants_remote
        if meeting.participants is None and onsite is None and remote is None:
            return ParticipationFigures("none", None, None, None)
        return ParticipationFigures("totals", meeting.participants, onsite, remote)
    by_region: dict[tuple[str, str], int] = {}
    by_kind: dict[tuple[str, str], int] = {}
    for region, kind, mode, count in grouped:
        by_region[(region, mode)] = by_region.get((region, mode), 0) + count
        by_kind[(kind, mode)] = by_kind.get((kind, mode), 0) + count
    onsite = sum(c for (_key, mode), c in by_region.items() if mode == AttendanceMode.ONSITE)
    remote = sum(c for (_key, mode), c in by_region.items() if mode == AttendanceMode.REMOTE)
    return ParticipationFigures(
        "attendance",
        onsite + remote,
        onsite,
        remote,
        by_region=_rows(by_region, Region.choices, {r for r, _m in by_region}),
        by_stakeholder_kind=_rows(by_kind, StakeholderKind.choices, {k for k, _m in by_kind}),
    )
