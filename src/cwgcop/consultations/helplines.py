"""The child helpline to show for a country, from a maintained list with a global fallback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "helplines.json"


@dataclass(frozen=True)
class Helpline:
    name: str
    phone: str
    url: str
    is_fallback: bool


@cache
def _table() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(DATA.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def helpline_for(country: str | None) -> Helpline:
    table = _table()
    entry = table.get((country or "").upper())
    if entry is None:
        return Helpline(is_fallback=True, **table["global"])
    return Helpline(is_fallback=False, **entry)
