from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from cwgcop.consultations import results, services
from cwgcop.consultations.results import Cell, suppress
from tests.consultations.factories import consultation, submit

pytestmark = pytest.mark.django_db


def _matrix(rows: list[list[int]]) -> list[list[Cell]]:
    return [[Cell(n) for n in row] for row in rows]


def _hidden(matrix: list[list[Cell]]) -> list[list[bool]]:
    return [[c.suppressed for c in row] for row in matrix]


def test_small_cells_and_their_complements_are_suppressed() -> None:
    matrix = _matrix([[30, 4, 20], [25, 12, 18]])
    suppress(matrix, 10)
    # 4 is small; alone in its row it could be worked out, so the next smallest (20) goes too; its column
    # would then reveal 12 (only hidden cell in column 2 besides 4) → 12 and then 18 go as well.
    assert _hidden(matrix) == [[False, True, True], [False, True, True]]
    for row in _hidden(matrix):
        assert sum(row) != 1
    for column in zip(*_hidden(matrix), strict=True):
        assert sum(column) != 1


def test_zero_and_large_cells_stay_visible() -> None:
    matrix = _matrix([[0, 15], [12, 40]])
    suppress(matrix, 10)
    assert _hidden(matrix) == [[False, False], [False, False]]


def _close(found) -> None:  # type: ignore[no-untyped-def]
    found.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    found.opens_at = timezone.now() - datetime.timedelta(days=3)
    found.save()


def test_results_show_only_overall_while_open_then_breakdowns_with_suppression() -> None:
    found = consultation()
    for _ in range(12):
        submit(found, age_band="13-15", country="KE", choice="Yes")
    for _ in range(3):
        submit(found, age_band="16-17", country="FR", choice="No")
    open_results = results.results(found)
    assert [r.question.order for r in open_results] == [1, 2]
    first = open_results[0]
    assert first.breakdowns == {}
    # 3 is hidden, and 12 with it: the number of responses is public, so 12 would give the 3 away.
    assert [(c.count, c.suppressed) for c in first.overall.rows[0][1]] == [(12, True), (3, True)]
    _close(found)
    closed = results.results(found)[0]
    by_age = {label: [(c.count, c.suppressed) for c in cells] for label, cells in closed.breakdowns["age_band"].rows}
    assert by_age["13–15 years"] == [(12, True), (0, False)]  # complement of the hidden 3 below it
    assert by_age["16–17 years"] == [(0, False), (3, True)]


def test_quotes_name_age_and_region_only_for_large_enough_groups() -> None:
    found = consultation()
    for _ in range(10):
        submit(found, age_band="13-15", country="KE")
    lonely = submit(found, age_band="16-17", country="KE", text="I want helplines on WhatsApp")
    crowded = submit(found, age_band="13-15", country="KE", text="Posters at school")
    for submitted in (lonely, crowded):
        answer = submitted.response.answers.get(question__kind="text")
        services.moderate(actor=None, answer=answer, approve=True)
    quotes = {q.text: q.attribution for q in results.quotes(found)}
    assert quotes == {
        "Posters at school": ["13–15 years", "Africa"],
        "I want helplines on WhatsApp": ["Africa"],
    }


def test_unmoderated_and_rejected_text_never_appears() -> None:
    found = consultation()
    pending = submit(found, text="waiting")
    rejected = submit(found, text="spam spam")
    services.moderate(
        actor=None, answer=rejected.response.answers.get(question__kind="text"), approve=False, reason="spam"
    )
    assert pending.response.answers.get(question__kind="text").moderation == "pending"
    assert results.quotes(found) == []
