"""Reading an attendance list from a CSV file, row by row, with an error for every bad cell.

Nothing here writes: :func:`parse_attendance_csv` turns the text into checked rows and a list of
errors (row number as a spreadsheet shows it, column, message), which the import service previews
and, once the secretariat confirms, writes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from cwgcop.bodies.enums import StakeholderKind
from cwgcop.core import formatting
from cwgcop.meetings.enums import AttendanceMode

MAX_ROWS = 5000
REQUIRED_COLUMNS = ("name", "organisation", "country", "stakeholder_kind", "mode")
OPTIONAL_COLUMNS = ("email",)
# Header spellings accepted for each column (compared lower-case, spaces and dashes as underscores).
COLUMN_ALIASES = {
    "name": "name",
    "full_name": "name",
    "email": "email",
    "e_mail": "email",
    "organisation": "organisation",
    "organization": "organisation",
    "country": "country",
    "stakeholder_kind": "stakeholder_kind",
    "stakeholder": "stakeholder_kind",
    "mode": "mode",
    "participation": "mode",
}
MODE_WORDS = {
    "onsite": AttendanceMode.ONSITE,
    "on_site": AttendanceMode.ONSITE,
    "in_person": AttendanceMode.ONSITE,
    "remote": AttendanceMode.REMOTE,
    "online": AttendanceMode.REMOTE,
    "virtual": AttendanceMode.REMOTE,
}


@dataclass(frozen=True)
class RowError:
    """A problem in one cell (or a whole row when ``column`` is empty). ``row`` counts the header as 1."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class AttendanceRow:
    row: int
    name: str
    email: str
    organization_name: str
    country: str
    stakeholder_kind: str
    mode: str

    @property
    def key(self) -> tuple[str, ...]:
        return person_key(name=self.name, email=self.email, organization_name=self.organization_name)


@dataclass
class ParsedFile:
    rows: list[AttendanceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def broken_rows(self) -> set[int]:
        return {error.row for error in self.errors}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def person_key(*, name: str, email: str, organization_name: str) -> tuple[str, ...]:
    """Who a listed person is: the e-mail address when there is one, else name and organisation."""
    if email:
        return ("email", email.strip().lower())
    return ("name", _normal(name), _normal(organization_name))


def _column_name(header: str) -> str:
    return COLUMN_ALIASES.get(re.sub(r"[\s\-]+", "_", header.strip().lower()), "")


class _Vocabulary:
    """The country codes and names and the stakeholder kinds, looked up once per file, not once per row."""

    def __init__(self) -> None:
        with translation.override("en"):
            self.countries = {str(code): str(code) for code, _name in countries}
            self.countries.update({str(name).casefold(): str(code) for code, name in countries})
            self.kinds = {kind.value: kind.value for kind in StakeholderKind}
            self.kinds.update({str(kind.label).casefold(): kind.value for kind in StakeholderKind})

    def country(self, value: str) -> str | None:
        text = value.strip()
        return self.countries.get(text.upper()) or self.countries.get(text.casefold())

    def kind(self, value: str) -> str | None:
        return self.kinds.get(value.strip().casefold())


def decode(data: bytes) -> str | None:
    """The file's text (UTF-8, with or without the byte-order mark spreadsheets write), else ``None``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _header(reader: csv.reader, parsed: ParsedFile) -> dict[int, str] | None:  # type: ignore[valid-type]
    header = next(reader, None)
    if not header:
        parsed.errors.append(RowError(1, "", _("The file is empty.")))
        return None
    columns = {index: _column_name(name) for index, name in enumerate(header)}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns.values()]
    if missing:
        parsed.errors.append(
            RowError(1, ", ".join(missing), _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        )
        return None
    return columns


def _check_row(number: int, cells: dict[str, str], parsed: ParsedFile, vocabulary: _Vocabulary) -> AttendanceRow | None:
    """The row, checked; or ``None`` with its errors added to ``parsed`` (messages are only built for errors)."""
    errors: list[RowError] = []
    name = cells.get("name", "").strip()
    if not name:
        errors.append(RowError(number, "name", _("The name is missing.")))
    elif len(name) > 200:
        errors.append(RowError(number, "name", _("The name is longer than 200 characters.")))
    email = cells.get("email", "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(RowError(number, "email", _("“%(value)s” is not an e-mail address.") % {"value": email}))
    organization = cells.get("organisation", "").strip()
    if not organization:
        errors.append(RowError(number, "organisation", _("The organisation is missing.")))
    raw_country, raw_kind, raw_mode = (cells.get(c, "") for c in ("country", "stakeholder_kind", "mode"))
    country = vocabulary.country(raw_country)
    if country is None:
        message = _("“%(value)s” is not a country name or code.") % {"value": raw_country}
        errors.append(RowError(number, "country", message))
    kind = vocabulary.kind(raw_kind)
    if kind is None:
        message = _("“%(value)s” is not a stakeholder kind; use one of: %(choices)s.") % {
            "value": raw_kind,
            "choices": ", ".join(StakeholderKind.values),
        }
        errors.append(RowError(number, "stakeholder_kind", message))
    mode = MODE_WORDS.get(re.sub(r"[\s\-]+", "_", raw_mode.strip().lower()))
    if mode is None:
        message = _("“%(value)s” is not a way of taking part; use onsite or remote.") % {"value": raw_mode}
        errors.append(RowError(number, "mode", message))
    parsed.errors.extend(errors)
    if errors or country is None or kind is None or mode is None:
        return None
    return AttendanceRow(number, name, email, organization[:250], country, kind, mode)


def parse_attendance_csv(text: str) -> ParsedFile:
    """Check every row of an attendance list. Columns: name, email (optional), organisation, country
    (ISO code or English name), stakeholder_kind, mode (onsite or remote). Two rows for the same person
    (same e-mail, or same name and organisation) are an error on the second."""
    parsed = ParsedFile()
    reader = csv.reader(io.StringIO(text), _dialect(text))
    columns = _header(reader, parsed)
    if columns is None:
        return parsed
    seen: dict[tuple[str, ...], int] = {}
    vocabulary = _Vocabulary()
    try:
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if number - 1 > MAX_ROWS:
                parsed.errors.append(
                    RowError(
                        number,
                        "",
                        _("The file has more than %(max)s rows; split it.") % {"max": formatting.number(MAX_ROWS)},
                    )
                )
                break
            cells = {columns[i]: v for i, v in enumerate(values) if columns.get(i)}
            row = _check_row(number, cells, parsed, vocabulary)
            if row is None:
                continue
            if row.key in seen:
                parsed.errors.append(
                    RowError(number, "", _("The same person is already on row %(row)s.") % {"row": seen[row.key]})
                )
                continue
            seen[row.key] = number
            parsed.rows.append(row)
    except csv.Error as exc:
        parsed.errors.append(RowError(reader.line_num, "", _("The file is not valid CSV: %(error)s") % {"error": exc}))
    return parsed
