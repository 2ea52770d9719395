"""The participation charts read in the report's language: figures grouped as it writes them, and mirrored in
Arabic (the first meeting on the right, the value axis on the right)."""

from __future__ import annotations

import datetime
import io

from PIL import Image

from cwgcop.reports import chart

BAR = (0, 80, 122)  # chart.COLOUR
TWO_MEETINGS = [
    chart.Point(21, datetime.date(2024, 9, 30), 1200),
    chart.Point(22, datetime.date(2025, 2, 12), 300),
]


def _columns(png: bytes, row: int, colour: tuple[int, int, int]) -> list[int]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return [x for x in range(image.width) if image.getpixel((x, row)) == colour]


def _vertical_lines(png: bytes) -> list[int]:
    """Columns dark from top to bottom of the plot: the value axis, and the filled tall bar."""
    image = Image.open(io.BytesIO(png)).convert("L")
    return [x for x in range(image.width) if all(image.getpixel((x, y)) < 128 for y in range(60, 400))]


def test_the_period_chart_grows_from_the_left_in_english() -> None:
    png = chart.participation_png(TWO_MEETINGS, "en")
    # Row 120 crosses only meeting 21's bar (1,200 participants): on the left, beside the axis at column 85.
    assert (_columns(png, 120, BAR)[0], _columns(png, 120, BAR)[-1]) == (125, 468)
    assert [x for x in _vertical_lines(png) if x < 125] == [85, 86]


def test_the_period_chart_is_mirrored_in_arabic() -> None:
    png = chart.participation_png(TWO_MEETINGS, "ar")
    # The first meeting's bar stands on the right, and the value axis after it at the right edge.
    assert (_columns(png, 120, BAR)[0], _columns(png, 120, BAR)[-1]) == (491, 834)
    assert [x for x in _vertical_lines(png) if x > 834] == [873, 874]


def test_the_history_chart_runs_from_right_to_left_in_arabic() -> None:
    def top_point(language: str) -> tuple[int, int]:
        image = Image.open(io.BytesIO(chart.history_image(TWO_MEETINGS, language=language))).convert("RGB")
        columns = sorted({x for x in range(image.width) for y in range(40, 120) if image.getpixel((x, y)) == BAR})
        return columns[0], columns[-1]

    # Meeting 21 (30 September 2024, the highest point) sits 0.37 of the way along the axis from 2024 to 2026:
    # from the left in English, from the right in Arabic.
    assert (top_point("en"), top_point("ar")) == ((437, 466), (613, 643))


def test_the_value_axis_groups_figures_as_the_language_writes_them() -> None:
    # The same bars with French grouping ("1 200") take a few pixels more for the axis labels.
    png = chart.participation_png(TWO_MEETINGS, "fr")
    assert (_columns(png, 120, BAR)[0], _columns(png, 120, BAR)[-1]) == (123, 467)
