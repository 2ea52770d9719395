"""Recording who attended a meeting: ticks against registrations, or an imported list.

Once a meeting has recorded attendance, its participant figures (``participants_total``, ``…_onsite``,
``…_remote``) are counted from it by these functions, so every reader of those fields (pages, the API,
the Council report) sees the same numbers. A meeting without attendance keeps the figures typed for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import number
from cwgcop.meetings.attendance_csv import AttendanceRow, RowError, parse_attendance_csv, person_key
from cwgcop.meetings.enums import AttendanceMode, MeetingAction, MeetingStatus, RegistrationStatus
from cwgcop.meetings.models import Attendance, Meeting, Registration

FIGURES = ("participants_total", "participants_onsite", "participants_remote")


def _lock(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_("%(meeting)s was cancelled: it has no attendance.") % {"meeting": meeting.code})
    return meeting


def _count_figures(meeting: Meeting) -> None:
    """Set the meeting's figures from its attendance; no attendance leaves no figures."""
    counts = Attendance.objects.filter(meeting=meeting).aggregate(
        total=Count("id"),
        onsite=Count("id", filter=Q(mode=AttendanceMode.ONSITE)),
        remote=Count("id", filter=Q(mode=AttendanceMode.REMOTE)),
    )
    has_any = counts["total"] > 0
    meeting.participants_total = counts["total"] if has_any else None
    meeting.participants_onsite = counts["onsite"] if has_any else None
    meeting.participants_remote = counts["remote"] if has_any else None
    meeting.save(update_fields=[*FIGURES, "updated_at"])


def _figures(meeting: Meeting) -> dict[str, Any]:
    return {name: getattr(meeting, name) for name in FIGURES}


def _from_registration(registration: Registration, mode: str) -> Attendance:
    return Attendance(
        meeting_id=registration.meeting_id,
        registration=registration,
        name=registration.person_name,
        email=registration.user.email,
        organization_name=registration.organization_name,
        country=registration.country,
        region=registration.region,
        stakeholder_kind=registration.stakeholder_kind,
        mode=mode,
        source=Attendance.Source.TICK,
    )


@transaction.atomic
def record_attendance(*, actor: Actor, meeting: Meeting, attended: Mapping[int, str]) -> Meeting:
    """Tick who attended among the meeting's registrations: ``{registration id: mode}``.

    A registration left out is un-ticked (its attendance removed); attendance imported for people who
    did not register is not touched. A registration of another meeting, or a cancelled one, is refused.
    """
    meeting = _lock(meeting)
    registrations = {
        r.pk: r
        for r in Registration.objects.filter(meeting=meeting, status=RegistrationStatus.REGISTERED).select_related(
            "user", "attendance"
        )
    }
    unknown = set(attended) - set(registrations)
    if unknown:
        raise DomainError(_("Some ticked registrations are not registrations for this meeting."), code="not_registered")
    if any(mode not in AttendanceMode.values for mode in attended.values()):
        raise DomainError(_("Choose on site or remote participation."), code="mode_invalid")
    before = {**_figures(meeting), "attended": sorted(r for r in registrations if _attendance(registrations[r]))}
    for pk, registration in registrations.items():
        current = _attendance(registration)
        if pk not in attended:
            if current is not None:
                current.delete()
        elif current is None:
            _from_registration(registration, attended[pk]).save()
        elif current.mode != attended[pk]:
            current.mode = attended[pk]
            current.save(update_fields=["mode"])
    _count_figures(meeting)
    after = {**_figures(meeting), "attended": sorted(attended)}
    audit.record(actor=actor, action=MeetingAction.ATTENDANCE_TICK, instance=meeting, before=before, after=after)
    bump_archive_generation()
    return meeting


def _attendance(registration: Registration) -> Attendance | None:
    try:
        return registration.attendance
    except Attendance.DoesNotExist:
        return None


@transaction.atomic
def remove_attendance(*, actor: Actor, attendance: Attendance) -> Meeting:
    """Take one person off a meeting's attendance list."""
    meeting = _lock(attendance.meeting)
    before = audit.snapshot(attendance)
    attendance.delete()
    _count_figures(meeting)
    audit.record(actor=actor, action=MeetingAction.ATTENDANCE_REMOVE, instance=meeting, before=before, after={})
    bump_archive_generation()
    return meeting


@dataclass
class AttendanceImport:
    """What an import did, or (dry run) would do: rows to add, rows that update a person already listed,
    and the errors, row by row."""

    to_create: list[AttendanceRow] = field(default_factory=list)
    to_update: list[AttendanceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    @property
    def valid_count(self) -> int:
        return len(self.to_create) + len(self.to_update)

    @property
    def broken_count(self) -> int:
        return len({error.row for error in self.errors})


def _key(attendance: Attendance) -> tuple[str, ...]:
    return person_key(name=attendance.name, email=attendance.email, organization_name=attendance.organization_name)


def _plan(meeting: Meeting, text: str) -> tuple[AttendanceImport, dict[tuple[str, ...], Attendance]]:
    parsed = parse_attendance_csv(text)
    existing = {_key(a): a for a in Attendance.objects.filter(meeting=meeting)}
    plan = AttendanceImport(errors=parsed.errors)
    for row in parsed.rows:
        (plan.to_update if row.key in existing else plan.to_create).append(row)
    return plan, existing


IMPORTED_FIELDS = [
    "name",
    "email",
    "organization_name",
    "country",
    "region",
    "stakeholder_kind",
    "mode",
    "registration",
]


def _unlinked_registrations(meeting: Meeting) -> dict[str, Registration]:
    """Active registrations without attendance, by their person's e-mail address (to link imported rows)."""
    registrations = Registration.objects.filter(
        meeting=meeting, status=RegistrationStatus.REGISTERED, attendance__isnull=True
    ).select_related("user")
    return {r.user.email.lower(): r for r in registrations.order_by("-id") if r.user.email}


def _values(attendance: Attendance) -> tuple[object, ...]:
    return tuple(str(getattr(attendance, f"{name}_id" if name == "registration" else name)) for name in IMPORTED_FIELDS)


def _fill(attendance: Attendance, row: AttendanceRow, registrations: dict[str, Registration]) -> Attendance:
    attendance.name = row.name
    attendance.email = row.email or attendance.email
    attendance.organization_name = row.organization_name
    attendance.country = row.country
    attendance.stakeholder_kind = row.stakeholder_kind
    attendance.mode = row.mode
    attendance.derive_region()
    if attendance.registration_id is None and row.email:
        attendance.registration = registrations.pop(row.email.lower(), None)
    return attendance


def import_attendance(
    *, actor: Actor, meeting: Meeting, text: str, only_valid_rows: bool = False, dry_run: bool = False
) -> AttendanceImport:
    """Import an attendance list (see :func:`cwgcop.meetings.attendance_csv.parse_attendance_csv`).

    With ``dry_run`` nothing is written: the result is the preview. Otherwise the list is written only
    when every row is valid, or, when the secretariat chose ``only_valid_rows``, the valid rows are
    written and the broken ones skipped. A person already listed (same e-mail, or same name and
    organisation) is updated, not added twice, so importing the same file again changes nothing.
    """
    if dry_run:
        return _plan(meeting, text)[0]
    return _import(actor=actor, meeting=meeting, text=text, only_valid_rows=only_valid_rows)


@transaction.atomic
def _import(*, actor: Actor, meeting: Meeting, text: str, only_valid_rows: bool) -> AttendanceImport:
    meeting = _lock(meeting)
    plan, existing = _plan(meeting, text)
    if plan.errors and not only_valid_rows:
        raise DomainError(
            ngettext(
                "%(count)s row has errors: correct the file, or choose to import only the valid rows.",
                "%(count)s rows have errors: correct the file, or choose to import only the valid rows.",
                plan.broken_count,
            )
            % {"count": number(plan.broken_count)},
            code="import_has_errors",
        )
    if not plan.valid_count:
        raise DomainError(_("The file has no valid row to import."), code="import_empty")
    before = _figures(meeting)
    registrations = _unlinked_registrations(meeting)
    changed = []
    for row in plan.to_update:
        listed = existing[row.key]
        was = _values(listed)
        if _values(_fill(listed, row, registrations)) != was:
            changed.append(listed)
    # Only the people whose facts changed are written: importing the same file again writes nothing.
    Attendance.objects.bulk_update(changed, IMPORTED_FIELDS, batch_size=100)
    Attendance.objects.bulk_create(
        [
            _fill(Attendance(meeting=meeting, source=Attendance.Source.IMPORT), row, registrations)
            for row in plan.to_create
        ],
        batch_size=500,
    )
    _count_figures(meeting)
    after = {
        **_figures(meeting),
        "imported_rows": len(plan.to_create),
        "updated_rows": len(plan.to_update),
        "skipped_rows": sorted({e.row for e in plan.errors}),
    }
    audit.record(actor=actor, action=MeetingAction.ATTENDANCE_IMPORT, instance=meeting, before=before, after=after)
    bump_archive_generation()
    plan.written = True
    return plan
