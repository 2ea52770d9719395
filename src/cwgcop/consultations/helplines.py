"""The child helpline to show for a country, from a maintained list with a global fallback.

Every entry of ``data/helplines.json`` records the page its number was checked against (``source``) and when
(``checked``); the list is refused as it is read if one does not, so an unsourced number can never reach a child.
The fallback (Child Helpline International's directory) is named in the reader's language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

DATA = Path(__file__).resolve().parent / "data" / "helplines.json"
FIELDS = {"name", "phone", "url", "source", "checked"}


@dataclass(frozen=True)
class Helpline:
    name: str
    phone: str
    url: str
    is_fallback: bool
    source: str = ""


class UnsourcedHelpline(ValueError):  # noqa: N818 - what an operator reads when the list is wrong
    """An entry of the helpline list lacks a field or a source page."""


@cache
def table() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(DATA.read_text(encoding="utf-8"))
    entries = {k: v for k, v in data.items() if not k.startswith("_")}
    for code, entry in entries.items():
        if set(entry) != FIELDS or not entry["source"].startswith("https://") or not entry["checked"]:
            raise UnsourcedHelpline(f"helpline {code}: every entry needs {sorted(FIELDS)}, with an https source")
        if code != "global" and not entry["phone"]:
            raise UnsourcedHelpline(f"helpline {code}: a country's entry needs a phone number")
    return entries


def helpline_for(country: str | None) -> Helpline:
    entries = table()
    entry = entries.get((country or "").upper())
    if entry is None:
        fallback = entries["global"]
        name = _("Child Helpline International: free helplines in every country")
        return Helpline(name=name, phone="", url=fallback["url"], is_fallback=True, source=fallback["source"])
    return Helpline(
        name=entry["name"], phone=entry["phone"], url=entry["url"], is_fallback=False, source=entry["source"]
    )


def countries() -> list[str]:
    """The countries with an entry of their own."""
    return sorted(code for code in table() if code != "global")
