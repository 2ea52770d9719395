"""Giving documents their symbols: the next number of a meeting's series, never given twice."""

from __future__ import annotations

import re
import secrets

from django.db import transaction

from cwgcop.documents.enums import SYMBOL_SERIES
from cwgcop.documents.models import PROVISIONAL_SYMBOL_PREFIX, Document, SymbolCounter
from cwgcop.meetings.models import Meeting

# What a symbol may contain, for every body and era: letters and digits (any script's letters are refused so
# that a symbol reads the same in every language), hyphens, full stops, slashes, parentheses, and single
# spaces between two other characters ("CWG-COP/16 Rev.1", "C10/CWG-CP/3 (Add.1)"). It is stored exactly as
# written (no upper-casing), at most 80 characters, unique whatever the case.
SYMBOL_RULE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.\-/()]| (?=[A-Za-z0-9.\-/()]))*")
SYMBOL_MAX_LENGTH = 80
# The same rule in URL patterns (a space reaches the view decoded from %20); non-greedy, as a symbol may
# be followed by further path segments (``/rev1/en/``).
SYMBOL_URL = r"(?P<symbol>[A-Za-z0-9][A-Za-z0-9.\-/() ]*?)"


def is_valid_symbol(symbol: str) -> bool:
    return len(symbol) <= SYMBOL_MAX_LENGTH and SYMBOL_RULE.fullmatch(symbol) is not None


def _highest_taken(meeting: Meeting, prefix: str) -> int:
    taken = Document.objects.filter(symbol__startswith=prefix).values_list("symbol", flat=True)
    return max((int(rest) for s in taken if (rest := s[len(prefix) :]).isdigit()), default=0)


def allocate_symbol(*, meeting: Meeting, kind: str) -> str:
    """Take the next number of the meeting's series for ``kind`` (``CWG-COP-22/6``, ``CWG-COP-22/INF/3``).

    Runs inside the caller's transaction and locks the series' counter row until it commits, so two
    concurrent publications wait for each other. The counter only grows: a number is never given again,
    even if its document is withdrawn or deleted. Symbols typed in by hand are skipped over.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_symbol() must run inside the transaction that uses the symbol")
    series = SYMBOL_SERIES[kind]
    SymbolCounter.objects.get_or_create(meeting=meeting, series=series)
    counter = SymbolCounter.objects.select_for_update().get(meeting=meeting, series=series)
    prefix = f"{meeting.code}/{series}"
    number = max(counter.last_number, _highest_taken(meeting, prefix)) + 1
    counter.last_number = number
    counter.save(update_fields=["last_number"])
    return f"{prefix}{number}"


def provisional_symbol() -> str:
    """A unique placeholder for a submission that has no number yet; never shown to the public."""
    return f"{PROVISIONAL_SYMBOL_PREFIX}{secrets.token_hex(6).upper()}"
