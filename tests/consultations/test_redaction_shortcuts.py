"""The redaction's shortcuts (patterns not run on a text that cannot hold a match) find exactly what the full
patterns find: every corpus text, read with and without them (docs/consultations.md, "Speed")."""

from __future__ import annotations

import re

import pytest

from cwgcop.consultations.redaction import chinese, dates, evaluate, places
from cwgcop.consultations.redaction.normalise import normalise

# The corpora read (tuning, held-out, the training writers, blind12, blind13): texts, those without a year, the dates
# of birth found, the pattern runs the script shortcuts skip (schools and addresses), the schools and addresses found.
SIZES = {"texts": 9211, "no year": 8900, "dates": 191, "skipped": 44697, "places": 1838}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    loaders = [
        evaluate.load,
        evaluate.load_unseen,
        evaluate.load_training,
        evaluate.load_blind12,
        evaluate.load_blind13,
    ]
    return [normalise(record["text"]).text for loader in loaders for record in loader()]


def test_a_full_date_is_looked_for_only_where_a_year_is(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    shortcut = [dates.dates_of_birth(text) for text in texts]
    skipped = sum(1 for text in texts if not dates.YEAR.search(text))
    monkeypatch.setattr(dates, "YEAR", re.compile(""))  # every text read in full
    assert [dates.dates_of_birth(text) for text in texts] == shortcut
    assert (len(texts), skipped, sum(map(len, shortcut))) == (SIZES["texts"], SIZES["no year"], SIZES["dates"])


def test_a_script_s_patterns_read_only_texts_in_that_script(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    shortcut = [(places.schools(text), places.addresses(text)) for text in texts]
    skipped = sum(
        len(patterns) - len(places._readable(text, patterns))
        for text in texts
        for patterns in (places.SCHOOLS, places.ADDRESSES)
    )
    monkeypatch.setattr(places, "NEEDS", {})
    assert [(places.schools(text), places.addresses(text)) for text in texts] == shortcut
    assert (skipped, sum(len(a) + len(b) for a, b in shortcut)) == (SIZES["skipped"], SIZES["places"])


def test_jieba_s_hmm_runs_only_where_a_name_in_company_can_be(
    texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """cue_names skips its HMM pass over a Chinese text holding none of COMPANY_AFTER; with every text read in
    full, the same names."""
    chinese_texts = [text for text in texts if chinese.HAS_CJK.search(text)]
    shortcut = [chinese.cue_names(text) for text in chinese_texts]
    skipped = sum(1 for text in chinese_texts if not chinese.company_possible(text))
    monkeypatch.setattr(chinese, "company_possible", lambda _text: True)
    assert [chinese.cue_names(text) for text in chinese_texts] == shortcut
    assert (len(chinese_texts), skipped, sum(map(len, shortcut))) == (1771, 1288, 442)
