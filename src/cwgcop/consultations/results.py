"""Results with small groups suppressed, so that no child can be singled out.

Any figure for a group of fewer than ``k`` people is hidden. A hidden figure must not be recoverable from the
figures shown and the totals a reader knows or could learn (every row and column total, group sizes included,
and each breakdown's columns adding up to the overall figures), so more figures are hidden with it
(*complementary suppression*): first wherever a total has a single hidden figure, then wherever exact linear
algebra over all the totals together still pins one down (:func:`derivable`).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from cwgcop.bodies.enums import Region
from cwgcop.consultations import thresholds
from cwgcop.consultations.enums import AgeBand, Gender, ModerationStatus, QuestionKind
from cwgcop.consultations.models import Answer, Consultation, Question, Response
from cwgcop.core.languages import current_language

DIMENSIONS: dict[str, type[models.TextChoices]] = {"age_band": AgeBand, "region": Region, "gender": Gender}


@dataclass
class Cell:
    count: int
    suppressed: bool = False


@dataclass
class Table:
    """Counts of one question: rows are groups (or one "overall" row), columns are the answer options."""

    columns: list[str]
    rows: list[tuple[str, list[Cell]]]
    totals: list[Cell] = field(default_factory=list)


@dataclass
class QuestionResult:
    question: Question
    overall: Table
    breakdowns: dict[str, Table]


def public_k() -> int:
    return int(settings.CWGCOP_CONSULTATION_PUBLIC_K)


@dataclass(frozen=True, eq=False)
class Sum:
    """A total a reader knows, or could learn: the ``plus`` cells minus the ``minus`` cells.

    Every row and every column counts as known, group sizes included (they may be learnt from another question
    or another table), and each breakdown's column adds up to the overall figure above it.
    """

    plus: tuple[Cell, ...]
    minus: tuple[Cell, ...] = ()

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.plus + self.minus


def table_sums(matrix: list[list[Cell]]) -> list[Sum]:
    """The rows and columns of a plain table, every total known."""
    return [Sum(tuple(row)) for row in matrix] + [Sum(tuple(column)) for column in zip(*matrix, strict=True)]


def suppress(matrix: list[list[Cell]], k: int) -> bool:
    """Protect a plain table whose row and column totals are all known; returns whether anything was hidden."""
    return protect(table_sums(matrix), k)


def _distinct(cells: list[Cell]) -> list[Cell]:
    return list({id(cell): cell for cell in cells}.values())


def structural_zeros(sums: list[Sum]) -> set[int]:
    """The cells (by ``id``) of a total that is zero and only adds (a group nobody is in): everyone knows they
    are 0, so hiding them protects nothing."""
    return {
        id(cell) for total in sums if not total.minus and not any(c.count for c in total.plus) for cell in total.plus
    }


def _pinned(sums: list[Sum], known: set[int]) -> list[Cell]:
    """Unknown cells of a total in which they all count the same way and add up to zero: none is negative,
    so each is 0."""
    for total in sums:
        added = [cell for cell in total.plus if id(cell) not in known]
        taken = [cell for cell in total.minus if id(cell) not in known]
        unknown = added + taken
        if unknown and not (added and taken) and not any(cell.count for cell in unknown):
            return unknown
    return []


def _solved(sums: list[Sum], known: set[int]) -> list[Cell]:
    """Unknown cells that exact linear algebra pins down: Gauss–Jordan elimination on integers (rows kept small by
    their greatest common divisor); a cell is determined when a reduced row holds it alone."""
    unknown = _distinct([cell for total in sums for cell in total.cells if id(cell) not in known])
    index = {id(cell): number for number, cell in enumerate(unknown)}
    rows: list[list[int]] = []
    for total in sums:
        row = [0] * len(unknown)
        for sign, cells in ((1, total.plus), (-1, total.minus)):
            for cell in cells:
                if id(cell) in index:
                    row[index[id(cell)]] += sign
        if any(row):
            rows.append(row)
    pivot_row = 0
    for column in range(len(unknown)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][column]), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        pivot = rows[pivot_row]
        for r, row in enumerate(rows):
            if r != pivot_row and row[column]:
                reduced = [a * pivot[column] - b * row[column] for a, b in zip(row, pivot, strict=True)]
                divisor = math.gcd(*reduced) or 1
                rows[r] = [value // divisor for value in reduced]
        pivot_row += 1
    solved = []
    for row in rows[:pivot_row]:
        nonzero = [column for column, value in enumerate(row) if value]
        if len(nonzero) == 1:
            solved.append(unknown[nonzero[0]])
    return solved


def derivable(sums: list[Sum]) -> list[Cell]:
    """The hidden cells a reader can work out from the visible ones and the totals, in the order found.

    Two ways, repeated with each newly found value until nothing more follows: a total whose unknown cells all
    count the same way and add up to zero holds only zeros (:func:`_pinned`), and exact linear algebra over all
    the totals together (:func:`_solved`). Cells of a group nobody is in are known zeros from the start.
    """
    known = {id(cell) for total in sums for cell in total.cells if not cell.suppressed} | structural_zeros(sums)
    found: list[Cell] = []
    while True:
        new = _pinned(sums, known) or _solved(sums, known)
        if not new:
            return found
        known.update(id(cell) for cell in new)
        found.extend(new)


def _hidden_totals(sums: list[Sum], hidden: list[Cell]) -> tuple[list[list[int]], list[int]]:
    """Each total that holds a hidden cell, as coefficients over ``hidden`` and the hidden cells' true sum."""
    index = {id(cell): i for i, cell in enumerate(hidden)}
    rows, right = [], []
    for total in sums:
        row = [0] * len(hidden)
        value = 0
        for sign, cells in ((1, total.plus), (-1, total.minus)):
            for cell in cells:
                if id(cell) in index:
                    row[index[id(cell)]] += sign
                    value += sign * cell.count
        if any(row):
            rows.append(row)
            right.append(value)
    return rows, right


def pinned_by_integers(sums: list[Sum], k: int) -> list[Cell]:
    """The hidden figures below ``k`` that a reader who also uses that every figure is a whole number, never
    negative, can pin down exactly: an integer-programming attacker (HiGHS through SciPy).

    Linear algebra (:func:`derivable`) finds the figures that follow from the totals whatever the others are; a
    figure can still be the only whole, non-negative value left (a 3 beside figures that cannot go below what
    they are). For each hidden figure below ``k``, solve for its largest and its smallest possible value; if both
    are its true value, it is given away. Every solution met on the way that differs from the truth in another
    figure proves that figure free too, so most figures cost no solve of their own. A solve that fails counts as
    giving the figure away (one more figure is hidden rather than one too few).
    """
    structural = structural_zeros(sums)
    hidden = [c for c in _distinct([c for t in sums for c in t.cells]) if c.suppressed and id(c) not in structural]
    targets = [i for i, cell in enumerate(hidden) if 0 < cell.count < k]
    if not targets:
        return []
    # Imported here: SciPy takes a third of a second to load, and only results pages with hidden figures need it.
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    rows, right = _hidden_totals(sums, hidden)
    truth = np.array([cell.count for cell in hidden], dtype=float)
    if not rows:  # no total holds a hidden figure: nothing pins any down
        return []
    constraint = LinearConstraint(np.array(rows), np.array(right), np.array(right))
    bounds = Bounds(0, float(sum(cell.count for t in sums for cell in t.cells)) or 1.0)
    integrality = np.ones(len(hidden))
    free: set[int] = set()
    found = []
    for i in targets:
        if i in free:
            continue
        pinned = True
        for sense in (-1.0, 1.0):  # the largest value, then the smallest
            objective = np.zeros(len(hidden))
            objective[i] = sense
            solved = milp(objective, constraints=constraint, integrality=integrality, bounds=bounds)
            if solved.status != 0 or solved.x is None:
                break  # no answer from the solver: count the figure as given away
            free.update(int(j) for j in np.nonzero(np.round(solved.x) != truth)[0])
            if i in free:
                pinned = False
                break
        if pinned:
            found.append(hidden[i])
    return found


def _complement(candidates: list[Cell], structural: set[int]) -> Cell | None:
    """The visible cell to hide with an exposed one: the smallest non-zero figure, else a zero (never one of a
    group nobody is in)."""
    visible = [cell for cell in candidates if not cell.suppressed and id(cell) not in structural]
    nonzero = [cell for cell in visible if cell.count > 0]
    return min(nonzero or visible, key=lambda cell: cell.count, default=None)


def protect(sums: list[Sum], k: int) -> bool:
    """Hide every figure below ``k`` (above zero), then as many others as it takes so that no hidden figure
    can be worked out from the visible ones and the totals (*complementary suppression*). Only ever adds
    suppression; returns whether anything is hidden.

    First the quick rule (a total with a single hidden cell gives it away: hide another of its cells), then
    the exact test (:func:`derivable`), which also catches a cell given away by several totals together or by
    zeros, then the integer test (:func:`pinned_by_integers`), which catches a figure below ``k`` that is the
    only whole, non-negative value left: hide another cell of a total that holds it.
    """
    cells = _distinct([cell for total in sums for cell in total.cells])
    structural = structural_zeros(sums)
    for cell in cells:
        if 0 < cell.count < k:
            cell.suppressed = True
    while True:
        lone = next((t for t in sums if sum(1 for c in t.cells if c.suppressed) == 1), None)
        if lone is not None:
            candidates = list(lone.cells)
        else:
            exposed = derivable(sums) or pinned_by_integers(sums, k)
            if not exposed:
                break
            candidates = [c for total in sums if any(c is exposed[0] for c in total.cells) for c in total.cells]
        chosen = _complement(candidates, structural) or _complement(cells, structural)
        if chosen is None:  # everything that can be hidden is
            break
        chosen.suppressed = True
    return any(cell.suppressed for cell in cells)


def counted_responses(consultation: Consultation) -> QuerySet[Response]:
    return Response.objects.filter(consultation=consultation, counted=True, withdrawn_at__isnull=True)


def _options(question: Question) -> list[tuple[object, str]]:
    if question.kind == QuestionKind.SCALE:
        return [(n, str(n)) for n in range(1, 6)]
    return [(c.pk, c.display_label) for c in question.choices.all()]


def published_responses(consultation: Consultation, *, closed: bool) -> QuerySet[Response]:
    """The answers the public figures are made of.

    Once closed, every counted answer. While open, the totals move in steps: only the first answers in a
    multiple of :func:`thresholds.open_step` (at least the public k) count, so the figures change once every
    step of new answers, never with one child's answer: someone watching the page while the child next to
    them answers learns nothing of that child's choice.
    """
    counted = counted_responses(consultation)
    if closed:
        return counted
    step = thresholds.open_step()
    shown = counted.count() // step * step
    first = counted.order_by("pk").values_list("pk", flat=True)[:shown]
    return Response.objects.filter(pk__in=list(first))


def _answers(question: Question, responses: QuerySet[Response]) -> list[tuple[dict[str, Any], object]]:
    """(profile, option) for every choice/scale answer to ``question`` among ``responses``."""
    answers = (
        Answer.objects.filter(question=question, response__in=responses)
        .select_related("response")
        .prefetch_related("choices")
    )
    pairs: list[tuple[dict[str, Any], object]] = []
    for answer in answers:
        profile = {name: getattr(answer.response, name) for name in DIMENSIONS}
        if question.kind == QuestionKind.SCALE:
            if answer.scale:
                pairs.append((profile, answer.scale))
        else:
            pairs.extend((profile, choice.pk) for choice in answer.choices.all())
    return pairs


def question_result(
    question: Question, *, k: int, breakdowns: bool, responses: QuerySet[Response] | None = None
) -> QuestionResult:
    options = _options(question)
    keys = [key for key, _ in options]
    responses = counted_responses(question.consultation) if responses is None else responses
    pairs = _answers(question, responses)
    overall_counts = Counter(option for _, option in pairs)
    overall = [[Cell(overall_counts[key]) for key in keys]]
    result = QuestionResult(
        question=question,
        overall=Table(columns=[label for _, label in options], rows=[("", overall[0])]),
        breakdowns={},
    )
    # The overall row adds up to the number who answered; each breakdown's rows to its groups' sizes, and its
    # columns to the overall figures.
    sums = [Sum(tuple(overall[0]))]
    if breakdowns:
        for name, enum in DIMENSIONS.items():
            groups: list[tuple[str, str]] = [(str(value), str(label)) for value, label in enum.choices]
            counts = {value: Counter() for value, _ in groups}  # type: ignore[var-annotated]
            for profile, option in pairs:
                if profile[name] in counts:
                    counts[profile[name]][option] += 1
            matrix = [[Cell(counts[value][key]) for key in keys] for value, _ in groups]
            sums.extend(Sum(tuple(row)) for row in matrix)
            sums.extend(
                Sum(tuple(column), minus=(total,))
                for column, total in zip(zip(*matrix, strict=True), overall[0], strict=True)
            )
            result.breakdowns[name] = Table(
                columns=[label for _, label in options],
                rows=[(label, matrix[i]) for i, (_, label) in enumerate(groups)],
            )
    protect(sums, k)
    return result


def results(consultation: Consultation, *, k: int | None = None, now: object = None) -> list[QuestionResult]:
    """Every choice and scale question's results; breakdowns only once the consultation has closed."""
    k = public_k() if k is None else k
    closed = consultation.has_closed(now)
    responses = published_responses(consultation, closed=closed)
    questions = consultation.questions.exclude(kind=QuestionKind.TEXT).prefetch_related("choices")
    return [question_result(q, k=k, breakdowns=closed, responses=responses) for q in questions]


@dataclass
class Quote:
    question: str
    text: str
    attribution: list[str]
    answer_id: int = 0


def quotes(consultation: Consultation, *, k: int | None = None) -> list[Quote]:
    """Approved answers to open questions. A quote names its age band and region together only when that
    group has at least ``k`` people; otherwise at most the one of the two whose own group is large enough."""
    k = public_k() if k is None else k
    responses = counted_responses(consultation)
    by_pair = Counter(responses.values_list("age_band", "region"))
    by_band = Counter(responses.values_list("age_band", flat=True))
    by_region = Counter(responses.values_list("region", flat=True))
    approved = (
        Answer.objects.filter(
            response__in=responses, question__kind=QuestionKind.TEXT, moderation=ModerationStatus.APPROVED
        )
        .select_related("response", "question")
        .order_by("question__order", "moderated_at", "pk")
    )
    found = []
    for answer in approved:
        band, region = answer.response.age_band, answer.response.region
        attribution: list[str] = []
        if by_pair[(band, region)] >= k:
            attribution = [str(AgeBand(band).label), str(Region(region).label)]
        elif by_band[band] >= k:
            attribution = [str(AgeBand(band).label)]
        elif region and by_region[region] >= k:
            attribution = [str(Region(region).label)]
        found.append(
            Quote(question=answer.question.display_text, text=answer.text, attribution=attribution, answer_id=answer.pk)
        )
    return found


# What the page, the API and sharing packages show: plain data, a hidden figure as None.


def _counts(cells: list[Cell]) -> list[int | None]:
    return [None if cell.suppressed else cell.count for cell in cells]


def question_data(result: QuestionResult) -> dict[str, Any]:
    return {
        "number": result.question.order,
        "question": result.question.display_text,
        "kind": result.question.kind,
        "columns": list(result.overall.columns),
        "overall": _counts(result.overall.rows[0][1]),
        "breakdowns": {
            name: [{"group": label, "counts": _counts(cells)} for label, cells in table.rows]
            for name, table in result.breakdowns.items()
        },
    }


def quote_data(quote: Quote) -> dict[str, Any]:
    return {"question": quote.question, "text": quote.text, "attribution": list(quote.attribution)}


def public_results(consultation: Consultation, *, k: int | None = None, now: object = None) -> dict[str, Any]:
    """The results as the public sees them, in the active language: figures suppressed at ``k`` (public by
    default), breakdowns and quotes only once the consultation has closed. After the raw answers are deleted,
    the figures kept at that moment (without quotes)."""
    if consultation.kept_results:
        kept = consultation.kept_results
        data = kept.get(current_language()) or next(iter(kept.values()))
        return {**data, "answers_deleted": True}
    k = public_k() if k is None else k
    closed = consultation.has_closed(now)
    return {
        "k": k,
        "closed": closed,
        "responses": published_responses(consultation, closed=closed).count(),
        "questions": [question_data(result) for result in results(consultation, k=k, now=now)],
        "quotes": [quote_data(quote) for quote in quotes(consultation, k=k)] if closed else [],
        "answers_deleted": False,
    }


def package_content(consultation: Consultation, *, k: int) -> tuple[dict[str, Any], list[Quote]]:
    """A sharing package's frozen content (dates only, no receipt hash), and the approved quotes it refers to
    (their words are not copied into the content: see ``PackageQuote``)."""
    data = public_results(consultation, k=k)
    found = quotes(consultation, k=k)
    meeting = consultation.meeting
    return {
        "consultation": {
            "title": consultation.display_title,
            "slug": consultation.slug,
            "meeting": meeting.code if meeting else None,
            "opens_on": timezone.localdate(consultation.opens_at).isoformat(),
            "closes_on": timezone.localdate(consultation.last_closes_at).isoformat(),
            "languages": list(consultation.languages),
            "age_bands": list(consultation.age_bands),
        },
        "prepared_on": timezone.localdate().isoformat(),
        "language": current_language(),
        "k": k,
        "responses": data["responses"],
        "questions": data["questions"],
    }, found


def chart(question: dict[str, Any]) -> list[dict[str, Any]]:
    """Bars for a question's overall figures: width as a share of the largest figure shown (hidden: no bar)."""
    shown = [count for count in question["overall"] if count is not None]
    largest = max(shown, default=0) or 1
    return [
        {"label": label, "count": count, "width": 0 if count is None else round(100 * count / largest, 1)}
        for label, count in zip(question["columns"], question["overall"], strict=True)
    ]
