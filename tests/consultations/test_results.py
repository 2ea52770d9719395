from __future__ import annotations

import datetime
import random
from fractions import Fraction
from typing import Any

import pytest
from django.utils import timezone

from cwgcop.consultations import results, services
from cwgcop.consultations.results import Cell, Sum, suppress
from tests.consultations.factories import answers, close, consultation, submit

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
    # While open, the figures move in steps of k (10): the first ten answers, all "Yes".
    assert [(c.count, c.suppressed) for c in first.overall.rows[0][1]] == [(10, False), (0, False)]
    _close(found)
    closed = results.results(found)[0]
    by_age = {label: [(c.count, c.suppressed) for c in cells] for label, cells in closed.breakdowns["age_band"].rows}
    # The 3 aged 16–17 who said "No" are hidden, and their "Yes" (0) with them: with the group's size known,
    # a visible 0 would give the 3 away. The overall "Yes" is hidden (see above), so the 12 aged 13–15 can
    # show: 16–17 "Yes" and the overall "Yes" stay two unknowns in every total.
    assert by_age["13–15 years"] == [(12, False), (0, False)]
    assert by_age["16–17 years"] == [(0, True), (3, True)]
    # 3 is hidden, and 12 with it: the number of responses is public, so 12 would give the 3 away.
    assert [(c.count, c.suppressed) for c in closed.overall.rows[0][1]] == [(12, True), (3, True)]


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


# An attacker who knows every figure shown and every total (each row and column, group sizes included, and that
# each breakdown's columns add up to the overall figures), and that no figure is negative. Written apart from
# results.derivable, with fractions: it solves what it can, and the test checks it never reaches a figure of a
# group smaller than k.

Key = tuple[object, ...]
Equation = tuple[dict[Key, int], int]


def _reduced_rows(rows: list[list[Fraction]]) -> list[list[Fraction]]:
    rows = [list(row) for row in rows]
    lead = 0
    width = len(rows[0]) - 1 if rows else 0
    for column in range(width):
        pivot = next((r for r in range(lead, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[lead], rows[pivot] = rows[pivot], rows[lead]
        rows[lead] = [value / rows[lead][column] for value in rows[lead]]
        for r in range(len(rows)):
            if r != lead and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[lead], strict=True)]
        lead += 1
    return rows[:lead]


def _attack(equations: list[Equation], shown: dict[Key, int | None]) -> dict[Key, int]:
    """Every hidden figure the attacker works out, with its value."""
    known = {key: value for key, value in shown.items() if value is not None}
    found: dict[Key, int] = {}
    while True:
        reduced = []
        for coefficients, total in equations:
            unknown = {key: c for key, c in coefficients.items() if key not in known}
            rest = total - sum(c * known[key] for key, c in coefficients.items() if key in known)
            if unknown:
                reduced.append((unknown, rest))
        new: dict[Key, int] = {}
        for unknown, rest in reduced:
            signs = {c > 0 for c in unknown.values()}
            if rest == 0 and len(signs) == 1:
                new.update(dict.fromkeys(unknown, 0))
        if not new and reduced:
            keys = sorted({key for unknown, _ in reduced for key in unknown}, key=repr)
            matrix = [[Fraction(unknown.get(key, 0)) for key in keys] + [Fraction(rest)] for unknown, rest in reduced]
            for row in _reduced_rows(matrix):
                nonzero = [i for i, value in enumerate(row[:-1]) if value != 0]
                if len(nonzero) == 1:
                    new[keys[nonzero[0]]] = int(row[-1] / row[nonzero[0]])
        if not new:
            return found
        known.update(new)
        found.update(new)


def _table_attack(matrix: list[list[Cell]]) -> dict[Key, int]:
    rows, columns = len(matrix), len(matrix[0])
    equations: list[Equation] = [
        ({(r, c): 1 for c in range(columns)}, sum(x.count for x in matrix[r])) for r in range(rows)
    ]
    equations += [
        ({(r, c): 1 for r in range(rows)}, sum(matrix[r][c].count for r in range(rows))) for c in range(columns)
    ]
    shown: dict[Key, int | None] = {
        (r, c): None if matrix[r][c].suppressed else matrix[r][c].count for r in range(rows) for c in range(columns)
    }
    return _attack(equations, shown)


def test_a_hidden_figure_given_away_by_several_totals_together_is_protected_too() -> None:
    counts = [[3, 4, 5, 50], [6, 7, 40, 60], [30, 20, 2, 8], [25, 35, 9, 1]]
    # Hiding only where a row or column has a single hidden figure leaves this: every row and column has two
    # or more, yet the 5 follows from rows 1 and 2 minus columns 1 and 2 (it joins two closed groups).
    lone_rule_only = _matrix(counts)
    for row in lone_rule_only:
        for cell in row:
            cell.suppressed = cell.count < 10
    assert _table_attack(lone_rule_only) == {(0, 2): 5}
    matrix = _matrix(counts)
    suppress(matrix, 10)
    assert _hidden(matrix) == [
        [True, True, True, False],
        [True, True, True, False],
        [False, False, True, True],
        [False, False, True, True],
    ]
    assert _table_attack(matrix) == {}


def test_zeros_that_would_give_a_small_figure_away_are_hidden_too() -> None:
    # Row 1 holds 3 and a 0: with the row's total known, a visible 0 gives the 3 away.
    matrix = _matrix([[3, 0], [20, 30]])
    suppress(matrix, 10)
    assert _hidden(matrix) == [[True, True], [True, True]]
    assert _table_attack(matrix) == {}


def test_no_figure_below_k_can_be_worked_out_from_random_tables() -> None:
    generator = random.Random(179)
    tried = 0
    for _ in range(1500):
        rows, columns = generator.randint(2, 5), generator.randint(2, 5)
        counts = [
            [generator.choice([0, 0, 1, 2, 3, 5, 8, 9, 10, 12, 15, 30]) for _ in range(columns)] for _ in range(rows)
        ]
        totals = [sum(row) for row in counts] + [sum(column) for column in zip(*counts, strict=True)]
        if any(0 < total < 10 for total in totals):
            continue  # a known total below k is itself a small group: nothing a table can hide
        matrix = _matrix(counts)
        suppress(matrix, 10)
        assert all(cell.suppressed for row in matrix for cell in row if 0 < cell.count < 10), counts
        worked_out = _table_attack(matrix)
        assert {key: value for key, value in worked_out.items() if 0 < value < 10} == {}, counts
        assert all(value == counts[r][c] for (r, c), value in worked_out.items())  # type: ignore[misc]
        tried += 1
    assert tried > 300


def _published_equations(
    data: dict[str, Any], truth: dict[str, Any]
) -> tuple[list[Equation], dict[Key, int | None], dict[Key, int]]:
    """The totals, the figures shown and the true figures of one question as published (``question_data``)."""
    shown: dict[Key, int | None] = {("overall", j): value for j, value in enumerate(data["overall"])}
    real: dict[Key, int] = {("overall", j): value for j, value in enumerate(truth["overall"])}
    equations: list[Equation] = [(dict.fromkeys(real, 1), sum(real.values()))]
    for name, groups in data["breakdowns"].items():
        columns: dict[int, dict[Key, int]] = {j: {("overall", j): -1} for j in range(len(data["overall"]))}
        for g, (group, true_group) in enumerate(zip(groups, truth["breakdowns"][name], strict=True)):
            keys = [(name, g, j) for j in range(len(group["counts"]))]
            shown.update(zip(keys, group["counts"], strict=True))
            real.update(zip(keys, true_group["counts"], strict=True))
            equations.append((dict.fromkeys(keys, 1), sum(true_group["counts"])))
            for j, key in enumerate(keys):
                columns[j][key] = 1
        equations.extend((coefficients, 0) for coefficients in columns.values())
    return equations, shown, real


@pytest.mark.parametrize("seed", [3, 21, 2025])
def test_published_results_give_no_small_group_away_open_or_closed_public_or_shared(seed: int) -> None:
    generator = random.Random(seed)
    found = consultation()
    countries = ["KE", "KE", "KE", "NG", "FR", "FR", "BR", "CN", "EG", "RU"]
    for _ in range(60):
        choice = generator.choice(["Yes", "Yes", "No"])
        submission = services.Submission(
            language="en",
            age_band=generator.choice(["13-15", "13-15", "16-17", "9-12", "18-24"]),
            country=generator.choice(countries),
            gender=generator.choice(["girl", "boy", "unsaid", "other"]),
            answers=answers(found, choice=choice, scale=generator.choice([1, 3, 4, 4, 5, 5])),
        )
        services.submit_response(consultation=found, submission=submission)
    figures_shown = 0
    for state in ("open", "closed"):
        if state == "closed":
            close(found)
        truth = [results.question_data(r) for r in results.results(found, k=0)]
        for k in (10, 5):
            published = results.public_results(found, k=k)
            for data, true_data in zip(published["questions"], truth, strict=True):
                assert bool(data["breakdowns"]) == (state == "closed")
                equations, shown, real = _published_equations(data, true_data)
                for key, value in shown.items():
                    assert value is None or value == real[key]
                    assert value is None or not 0 < value < k, (key, value)
                worked_out = _attack(equations, shown)
                assert all(real[key] == value for key, value in worked_out.items())
                small = {key: value for key, value in worked_out.items() if 0 < value < k}
                assert small == {}, (state, k, data["number"], small)
                figures_shown += sum(1 for value in shown.values() if value)
    # Not everything is hidden: the large groups still show (an empty table would pass the checks above).
    assert figures_shown > 40


def test_a_quote_names_only_its_age_group_or_nothing_when_the_smaller_groups_are_below_k(client: Any) -> None:
    found = consultation()
    for _ in range(10):
        submit(found, age_band="13-15", country="FR")
    # 13–15 has 11 people, but only 1 of them lives in the Americas, and only 1 person does.
    band_only = submit(found, age_band="13-15", country="BR", text="Helplines on chat")
    # 9–12 has 1 person, Asia-Pacific has 1: neither may be named.
    neither = submit(found, age_band="9-12", country="CN", text="Free calls")
    for submitted in (band_only, neither):
        services.moderate(actor=None, answer=submitted.response.answers.get(question__kind="text"), approve=True)
    close(found)
    assert {q.text: q.attribution for q in results.quotes(found)} == {
        "Helplines on chat": ["13–15 years"],
        "Free calls": [],
    }
    page = client.get(f"/en/consult/{found.slug}/results/").content.decode()
    assert "<footer>What would make them better? — 13–15 years</footer>" in page
    assert "<footer>What would make them better?</footer>" in page
    assert "Americas" not in page.split('id="quotes"')[1]
    api = client.get(f"/api/v1/consultations/{found.slug}/results").json()
    assert [(q["text"], q["attribution"]) for q in api["quotes"]] == [
        ("Helplines on chat", ["13–15 years"]),
        ("Free calls", []),
    ]


def test_each_figure_is_a_table_row_with_its_bar_and_a_hidden_figure_has_no_bar(client: Any) -> None:
    found = consultation()
    for _ in range(20):
        submit(found, choice="Yes")
    for _ in range(10):
        submit(found, choice="No")
    skipped_scale = answers(found, choice="No", scale=None)
    services.submit_response(
        consultation=found,
        submission=services.Submission(language="en", age_band="13-15", country="KE", answers=skipped_scale),
    )
    _close(found)
    page = client.get(f"/en/consult/{found.slug}/results/").content.decode()
    bar = '<svg width="100%" height="14" focusable="false"><rect x="0" y="0" height="14" width="{}%"/></svg>'
    assert (
        '<tr><th scope="row">Yes</th><td class="number">20</td><td class="bar" aria-hidden="true">'
        + bar.format("100.0")
        + "</td></tr>"
    ) in page
    assert (
        '<tr><th scope="row">No</th><td class="number">11</td><td class="bar" aria-hidden="true">'
        + bar.format("55.0")
        + "</td></tr>"
    ) in page
    # The scale: 30 said 4, the one who skipped it is not counted; 1, 2, 3 and 5 are 0 and show as 0.
    assert (
        '<tr><th scope="row">4</th><td class="number">30</td><td class="bar" aria-hidden="true">'
        + bar.format("100.0")
        + "</td></tr>"
    ) in page
    assert results.chart({"columns": ["A", "B"], "overall": [None, 12]}) == [
        {"label": "A", "count": None, "width": 0},
        {"label": "B", "count": 12, "width": 100.0},
    ]


# An integer-programming attacker, written apart from results.pinned_by_integers: it enumerates every way to fill
# the hidden figures with whole, non-negative numbers that agrees with every total, and reads off the figures that
# take a single value in all of them. Exact, and small enough tables keep it quick.


def _integer_attack(equations: list[Equation], shown: dict[Key, int | None], bound: int) -> dict[Key, int]:
    hidden = sorted((key for key, value in shown.items() if value is None), key=repr)
    known = {key: value for key, value in shown.items() if value is not None}
    reduced = []
    for coefficients, total in equations:
        rest = total - sum(c * known[key] for key, c in coefficients.items() if key in known)
        unknown = {key: c for key, c in coefficients.items() if key not in known}
        if unknown:
            reduced.append((unknown, rest))
    position = {key: i for i, key in enumerate(hidden)}
    # The totals whose last unknown (in the order filled) is each hidden figure: checked, or solved, there.
    closing: dict[int, list[tuple[dict[Key, int], int]]] = {}
    for unknown, rest in reduced:
        closing.setdefault(max(position[key] for key in unknown), []).append((unknown, rest))
    values: dict[Key, set[int]] = {key: set() for key in hidden}
    chosen: dict[Key, int] = {}

    def fits(at: int) -> bool:
        return all(sum(c * chosen[key] for key, c in unknown.items()) == rest for unknown, rest in closing.get(at, []))

    def fill(at: int) -> None:
        if at == len(hidden):
            for key in hidden:
                values[key].add(chosen[key])
            return
        key = hidden[at]
        # A total that this figure closes with coefficient ±1 fixes its value; otherwise try every value.
        forced = next(((u, r) for u, r in closing.get(at, []) if abs(u[key]) == 1), None)
        if forced is not None:
            unknown, rest = forced
            candidates: range | list[int] = [
                (rest - sum(c * chosen[k] for k, c in unknown.items() if k != key)) * unknown[key]
            ]
        else:
            candidates = range(bound + 1)
        for value in candidates:
            if 0 <= value <= bound:
                chosen[key] = value
                if fits(at):
                    fill(at + 1)
        chosen.pop(key, None)

    fill(0)
    return {key: next(iter(found)) for key, found in values.items() if len(found) == 1}


def _linked(overall: list[int], breakdowns: list[list[list[int]]]) -> tuple[list[Sum], list[Cell]]:
    """A question's published totals: the overall row, and breakdowns whose columns add up to it."""
    top = [Cell(value) for value in overall]
    sums: list[Sum] = [Sum(tuple(top))]
    cells: list[Cell] = []
    for rows in breakdowns:
        matrix = _matrix(rows)
        cells += [cell for row in matrix for cell in row]
        sums += [Sum(tuple(row)) for row in matrix]
        sums += [
            Sum(tuple(column), minus=(total,)) for column, total in zip(zip(*matrix, strict=True), top, strict=True)
        ]
    # The overall figures last: the attacker fills cells in this order, and each overall figure is then fixed by
    # its column.
    return sums, cells + top


def _sum_equations(sums: list[Sum], cells: list[Cell]) -> tuple[list[Equation], dict[Key, int | None]]:
    """A question's totals as the attackers read them: cells keyed by their position in ``cells``."""
    key = {id(cell): (f"{i:04d}",) for i, cell in enumerate(cells)}
    equations: list[Equation] = []
    for total in sums:
        coefficients: dict[Key, int] = {}
        for sign, part in ((1, total.plus), (-1, total.minus)):
            for cell in part:
                coefficients[key[id(cell)]] = coefficients.get(key[id(cell)], 0) + sign
        equations.append((coefficients, sum(c.count for c in total.plus) - sum(c.count for c in total.minus)))
    return equations, {key[id(cell)]: None if cell.suppressed else cell.count for cell in cells}


def _sum_attack(sums: list[Sum], cells: list[Cell]) -> dict[Key, int]:
    """The integer attacker on a question's totals: the cells it pins, with their values."""
    equations, shown = _sum_equations(sums, cells)
    return _integer_attack(equations, shown, max(sum(cell.count for cell in total.plus) for total in sums))


# Found by a search over random questions: with the linear rules alone, a 2 stays the only whole, non-negative
# value its hidden cell can take.
PINNED_BY_INTEGERS = ([10, 42, 4], [[[6, 20, 4], [1, 20, 0], [3, 2, 0]], [[0, 20, 0], [0, 2, 0], [10, 20, 4]]])


def test_a_small_figure_that_only_whole_non_negative_numbers_give_away_is_protected(monkeypatch: Any) -> None:
    linear_sums, linear_cells = _linked(*PINNED_BY_INTEGERS)
    monkeypatch.setattr(results, "pinned_by_integers", lambda sums, k: [])
    results.protect(linear_sums, 5)
    monkeypatch.undo()
    assert _attack(*_sum_equations(linear_sums, linear_cells)) == {}  # linear algebra finds nothing ...
    pinned = _sum_attack(linear_sums, linear_cells)
    assert {p: v for p, v in pinned.items() if 0 < v < 5} != {}  # ... but whole numbers pin a small figure
    assert [cell.count for cell in results.pinned_by_integers(linear_sums, 5)] == [2]
    sums, cells = _linked(*PINNED_BY_INTEGERS)
    results.protect(sums, 5)
    assert results.pinned_by_integers(sums, 5) == []
    assert {p: v for p, v in _sum_attack(sums, cells).items() if 0 < v < 5} == {}
    assert all(cell.suppressed for cell in cells if 0 < cell.count < 5)


def test_no_figure_below_k_can_be_pinned_by_an_integer_attacker_on_random_tables() -> None:
    generator = random.Random(550)
    tried = 0
    for _ in range(600):
        rows, columns = generator.randint(2, 3), generator.randint(2, 3)
        counts = [[generator.choice([0, 0, 1, 2, 3, 5, 8, 10, 12, 15]) for _ in range(columns)] for _ in range(rows)]
        totals = [sum(row) for row in counts] + [sum(column) for column in zip(*counts, strict=True)]
        if any(0 < total < 10 for total in totals):
            continue
        equations: list[Equation] = [({(r, c): 1 for c in range(columns)}, sum(counts[r])) for r in range(rows)]
        equations += [
            ({(r, c): 1 for r in range(rows)}, sum(counts[r][c] for r in range(rows))) for c in range(columns)
        ]
        matrix = _matrix(counts)
        suppress(matrix, 10)
        shown: dict[Key, int | None] = {
            (r, c): None if matrix[r][c].suppressed else counts[r][c] for r in range(rows) for c in range(columns)
        }
        worked_out = _integer_attack(equations, shown, max(totals))
        assert all(value == counts[r][c] for (r, c), value in worked_out.items())  # type: ignore[misc]
        assert {key: v for key, v in worked_out.items() if 0 < v < 10} == {}, counts
        tried += 1
    assert tried > 100
