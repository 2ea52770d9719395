"""Registrations as CSV and XLSX for the secretariat (openpyxl for XLSX)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from cwgcop.events.models import Registration


def _header() -> list[str]:
    return [
        pgettext("person", "Name"),
        _("E-mail"),
        _("Organisation"),
        _("Country"),
        _("ITU region"),
        _("Stakeholder kind"),
        pgettext("attendance mode", "Attendance"),
        _("Status"),
        _("Sign language"),
        _("Captions"),
        _("Other accessibility needs"),
        pgettext("date", "Registered"),
        _("Checked in"),
    ]


def _rows(registrations: Iterable[Registration]) -> Iterable[list[str]]:
    for r in registrations:
        yield [
            r.name,
            r.email if r.erased_at is None else "",
            r.organization,
            str(r.country.name) if r.country else "",
            r.get_region_display() if r.region else "",
            r.get_stakeholder_kind_display(),
            r.get_attendance_mode_display(),
            r.get_status_display(),
            r.sign_language if r.needs_sign_language else "",
            _("yes") if r.needs_captions else "",
            r.accessibility_other,
            r.created_at.isoformat(timespec="minutes"),
            r.checked_in_at.isoformat(timespec="minutes") if r.checked_in_at else "",
        ]


def _safe(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def as_csv(registrations: Iterable[Registration]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    for row in _rows(registrations):
        writer.writerow([_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets then read UTF-8 correctly


def as_xlsx(registrations: Iterable[Registration]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    sheet.append(_header())
    for row in _rows(registrations):
        sheet.append([_safe(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
