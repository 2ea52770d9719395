"""The archive's manifest as CSV files, for secretariats whose records live in spreadsheets (docs/history.md).

Five files at the archive's root, each optional: ``former_names.csv``, ``meetings.csv``, ``documents.csv``,
``sources.csv`` (a document's sources, one per line) and ``files.csv`` (a document's files, one per line, with its
revision's number, date and note). UTF-8 with or without a byte-order mark, comma-separated, RFC 4180 quoting (a
value with a comma, a quote or a line break is quoted, a quote inside it doubled). They are read into the same
data as ``manifest.json``, so every row is checked by the same importer; a file that cannot be read as CSV refuses
the whole archive with its name and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import number
from cwgcop.core.languages import LANGUAGE_ORDER

FORMER_NAMES, MEETINGS, DOCUMENTS, SOURCES, FILES = (
    "former_names.csv",
    "meetings.csv",
    "documents.csv",
    "sources.csv",
    "files.csv",
)
CSV_FILES = (FORMER_NAMES, MEETINGS, DOCUMENTS, SOURCES, FILES)


def _per_language(prefix: str) -> list[str]:
    return [f"{prefix}_{code}" for code in LANGUAGE_ORDER]


MEETING_TEXT_COLUMNS = {"venues": "venue", "themes": "themes", "summaries": "summary"}
MEETING_FIELDS = (
    "body",
    "number",
    "start_date",
    "end_date",
    "status",
    "format",
    "participants_total",
    "participants_onsite",
    "participants_remote",
)
COLUMNS: dict[str, tuple[list[str], set[str]]] = {
    # file: (every column in the order the export writes them, the columns a file must have)
    FORMER_NAMES: (["body", "acronym", "valid_from", "valid_until", *_per_language("name")], {"body", "acronym"}),
    MEETINGS: (
        [
            *MEETING_FIELDS,
            *(column for prefix in MEETING_TEXT_COLUMNS.values() for column in _per_language(prefix)),
        ],
        {"body", "number"},
    ),
    DOCUMENTS: (
        ["symbol", "body", "meeting", "kind", "original_language", *_per_language("title")],
        {"symbol", "body"},
    ),
    SOURCES: (["symbol", "name", "country"], {"symbol", "name"}),
    FILES: (
        ["symbol", "revision", "published_at", "note", "language", "path", "name", "sha256"],
        {"symbol", "revision", "path"},
    ),
}
INTEGERS = {"number", "meeting", "participants_total", "participants_onsite", "participants_remote", "revision"}


class _Line(dict[str, Any]):
    """A row of a CSV file, with the line it starts on."""

    line: int


def _refuse(name: str, line: int, problem: str) -> DomainError:
    return DomainError(
        _("%(file)s, line %(line)s: %(problem)s") % {"file": name, "line": line, "problem": problem},
        code="manifest_csv",
    )


def _text(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _refuse(name, line, _("this is not UTF-8 text; save the file as UTF-8 (CSV UTF-8).")) from exc


def _integer(name: str, line: int, column: str, value: str) -> int | None:
    if value == "":
        return None
    if not value.strip().lstrip("-").isdigit():
        problem = _("“%(value)s” in the column “%(column)s” is not a whole number.")
        raise _refuse(name, line, problem % {"value": value[:40], "column": column})
    return int(value)


def read_rows(name: str, raw: bytes) -> Iterator[_Line]:
    """The rows of one CSV file as dictionaries of its columns (empty values left out, numbers as integers)."""
    reader = csv.reader(io.StringIO(_text(name, raw), newline=""), strict=True)
    header: list[str] | None = None
    start = 1
    try:
        for values in reader:
            if header is None:
                header = [column.strip() for column in values]
                _check_header(name, header)
            elif values:
                yield _row(name, start, header, values)
            start = reader.line_num + 1
    except csv.Error as exc:
        problem = _(
            "a quoted value is malformed (a quote inside a value must be doubled, and a closing quote must be "
            "followed by a comma or the end of the line)."
        )
        raise _refuse(name, start, problem) from exc


def _check_header(name: str, header: list[str]) -> None:
    known, required = COLUMNS[name]
    unknown = [column for column in header if column not in known]
    if unknown:
        raise _refuse(name, 1, _("unknown column “%(column)s”.") % {"column": unknown[0][:40]})
    missing = sorted(required - set(header))
    if missing:
        raise _refuse(name, 1, _("the column “%(column)s” is missing.") % {"column": missing[0]})


def _row(name: str, line: int, header: list[str], values: list[str]) -> _Line:
    if len(values) != len(header):
        problem = _(
            "every line needs one value per column (values: %(count)s; columns on the first line: %(columns)s)."
        )
        raise _refuse(name, line, problem % {"count": number(len(values)), "columns": number(len(header))})
    row = _Line()
    row.line = line
    for column, value in zip(header, values, strict=True):
        if column in INTEGERS:
            row[column] = _integer(name, line, column, value)
        elif value != "":
            row[column] = value
    return row


def _texts(row: dict[str, Any], prefix: str) -> dict[str, str]:
    return {code: row[f"{prefix}_{code}"] for code in LANGUAGE_ORDER if row.get(f"{prefix}_{code}")}


def _required(name: str, row: _Line, column: str) -> Any:
    value = row.get(column)
    if value is None:
        raise _refuse(name, row.line, _("the column “%(column)s” is empty.") % {"column": column})
    return value


def _former_names(rows: Iterator[_Line]) -> list[dict[str, Any]]:
    bodies: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        name = {key: row.get(key) for key in ("acronym", "valid_from", "valid_until")}
        bodies.setdefault(_required(FORMER_NAMES, row, "body"), []).append({**name, "names": _texts(row, "name")})
    return [{"acronym": acronym, "former_names": names} for acronym, names in bodies.items()]


def _meetings(rows: Iterator[_Line]) -> list[dict[str, Any]]:
    meetings = []
    for row in rows:
        meeting = {key: row[key] for key in MEETING_FIELDS if key in row}
        meeting.update({key: _texts(row, prefix) for key, prefix in MEETING_TEXT_COLUMNS.items()})
        meetings.append(meeting)
    return meetings


def _revisions(rows: Iterator[_Line]) -> dict[str, dict[int, dict[str, Any]]]:
    """symbol → revision number → the revision (its date, note and files), checked for one date and note."""
    found: dict[str, dict[int, dict[str, Any]]] = {}
    for row in rows:
        symbol, number = _required(FILES, row, "symbol"), _required(FILES, row, "revision")
        revision = found.setdefault(symbol, {}).get(number)
        if revision is None:
            revision = {"number": number, "published_at": row.get("published_at"), "note": row.get("note", "")}
            revision["files"], revision["line"] = [], row.line
            found[symbol][number] = revision
        elif (revision["published_at"], revision["note"]) != (row.get("published_at"), row.get("note", "")):
            problem = _("revision %(number)s of %(symbol)s has another date or note than on line %(first)s.")
            raise _refuse(FILES, row.line, problem % {"number": number, "symbol": symbol, "first": revision["line"]})
        revision["files"].append({key: row.get(key) for key in ("language", "path", "name", "sha256")})
    return found


def _sources(rows: Iterator[_Line]) -> dict[str, list[tuple[int, dict[str, str]]]]:
    found: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for row in rows:
        source = {"name": row.get("name", ""), "country": row.get("country", "")}
        found.setdefault(_required(SOURCES, row, "symbol"), []).append((row.line, source))
    return found


def _documents(
    rows: Iterator[_Line],
    sources: dict[str, list[tuple[int, dict[str, str]]]],
    revisions: dict[str, dict[int, dict[str, Any]]],
) -> list[dict[str, Any]]:
    documents = []
    for row in rows:
        symbol = _required(DOCUMENTS, row, "symbol")
        document = {key: row.get(key) for key in ("symbol", "body", "meeting", "kind", "original_language")}
        document["titles"] = _texts(row, "title")
        document["sources"] = [source for _, source in sources.pop(symbol, [])]
        found = revisions.pop(symbol, {})
        document["revisions"] = [
            {key: value for key, value in revision.items() if key != "line"} for _, revision in sorted(found.items())
        ]
        documents.append(document)
    strays = [(FILES, symbol, min(r["line"] for r in found.values())) for symbol, found in revisions.items()]
    strays += [(SOURCES, symbol, found[0][0]) for symbol, found in sources.items()]
    for name, symbol, line in strays[:1]:
        raise _refuse(name, line, _("%(symbol)s is not in documents.csv.") % {"symbol": symbol})
    return documents


def read_csv_manifest(read: Callable[[str], bytes | None]) -> dict[str, Any]:
    """The manifest held in the archive's CSV files; ``read(name)`` gives a file's bytes, or None if absent."""

    def rows(name: str) -> Iterator[_Line]:
        raw = read(name)
        return read_rows(name, raw) if raw is not None else iter(())

    revisions, sources = _revisions(rows(FILES)), _sources(rows(SOURCES))
    return {
        "format": "cwgcop-archive",
        "version": 1,
        "bodies": _former_names(rows(FORMER_NAMES)),
        "meetings": _meetings(rows(MEETINGS)),
        "documents": _documents(rows(DOCUMENTS), sources, revisions),
    }


def _cells(values: dict[str, Any], columns: list[str]) -> list[str]:
    return ["" if values.get(column) is None else str(values[column]) for column in columns]


def _flat(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{code}": text for code, text in texts.items()}


def write_csv_manifest(manifest: dict[str, Any]) -> dict[str, bytes]:
    """The CSV files (name → UTF-8 bytes) that hold ``manifest``; read back, they give the same manifest."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in CSV_FILES}
    for body in manifest["bodies"]:
        for former in body["former_names"]:
            tables[FORMER_NAMES].append({"body": body["acronym"], **former, **_flat("name", former["names"])})
    for meeting in manifest["meetings"]:
        texts = {k: v for key, prefix in MEETING_TEXT_COLUMNS.items() for k, v in _flat(prefix, meeting[key]).items()}
        tables[MEETINGS].append({**meeting, **texts})
    for document in manifest["documents"]:
        tables[DOCUMENTS].append({**document, **_flat("title", document["titles"])})
        for source in document["sources"]:
            tables[SOURCES].append({"symbol": document["symbol"], **source})
        for revision in document["revisions"]:
            for file in revision["files"]:
                tables[FILES].append({"symbol": document["symbol"], "revision": revision["number"], **revision, **file})
    written = {}
    for name, rows in tables.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        columns = COLUMNS[name][0]
        writer.writerow(columns)
        writer.writerows(_cells(row, columns) for row in rows)
        written[name] = buffer.getvalue().encode()
    return written
