"""Participation charts (matplotlib; axis labels are numbers and years only, so every language reads them,
and the caption says what they show in the report's language).

Each chart is drawn for a language: its figures are grouped as the language writes them (``1 234``), and in
a right-to-left language the chart is mirrored, time running from right to left with the value axis on the
right, as an Arabic reader reads a chart. There are no words to shape: meeting numbers, figures and years.

- the period's chart: participants at each meeting of the report's period, by meeting number;
- the history chart: participants at every meeting of the body on a time axis with years, so a year without
  meetings shows as a gap.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no display: render straight to PNG

from matplotlib import dates as mdates
from matplotlib import pyplot
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter
from PIL import Image

from cwgcop.bodies.models import Body
from cwgcop.core.formatting import number
from cwgcop.core.languages import direction
from cwgcop.meetings.models import Meeting

COLOUR = "#00507a"


@dataclass(frozen=True)
class Point:
    number: int
    start: datetime.date
    participants: int


def _points(meetings: object) -> list[Point]:
    return [
        Point(m.number, m.start_date, int(m.participants))
        for m in meetings  # type: ignore[attr-defined]
        if m.participants is not None
    ]


def period(body: Body, start: datetime.date, end: datetime.date) -> list[Point]:
    """The meetings of ``body`` that started in the period and have a participant figure, in order."""
    return _points(Meeting.objects.filter(body=body, start_date__range=(start, end)).order_by("start_date"))


def history(body: Body) -> list[Point]:
    """Every meeting of ``body`` with a participant figure, in order."""
    return _points(Meeting.objects.filter(body=body).order_by("start_date"))


def _save(figure: object, fmt: str) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()  # type: ignore[attr-defined]
    figure.savefig(buffer, format=fmt)  # type: ignore[attr-defined]
    pyplot.close(figure)  # type: ignore[arg-type]
    if fmt != "png":
        return buffer.getvalue()
    # Without the alpha channel, a PDF embeds the chart as one image, not an image and its mask.
    buffer.seek(0)
    flat = io.BytesIO()
    Image.open(buffer).convert("RGB").save(flat, format="PNG")
    return flat.getvalue()


def _read_in(axes: Axes, language: str) -> None:
    """The value axis's figures in ``language``; for a right-to-left language, the chart mirrored: the
    horizontal axis runs from right to left and the value axis stands on the right."""
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: number(round(value, 6), language)))
    axes.tick_params(labelsize=8)
    if direction(language) == "rtl":
        axes.invert_xaxis()
        axes.yaxis.tick_right()
        axes.spines[["top", "left"]].set_visible(False)
    else:
        axes.spines[["top", "right"]].set_visible(False)


def participation_png(data: list[Point], language: str = "en") -> bytes:
    """Bars of the period's meetings, labelled with their numbers and participant counts."""
    figure, axes = pyplot.subplots(figsize=(6.4, 3.2), dpi=150)
    positions = list(range(len(data)))
    counts = [p.participants for p in data]
    bars = axes.bar(positions, counts, color=COLOUR)
    axes.set_xticks(positions, [str(p.number) for p in data])
    axes.bar_label(bars, labels=[number(c, language) for c in counts], fontsize=8)
    _read_in(axes, language)
    return _save(figure, "png")


def history_image(data: list[Point], fmt: str = "png", language: str = "en") -> bytes:
    """Participants at every meeting on a time axis: one tick per year, a point per meeting labelled with its
    number; a year with no meeting is an empty stretch of the axis."""
    figure, axes = pyplot.subplots(figsize=(7.2, 3.0), dpi=150)
    days = [p.start for p in data]
    counts = [p.participants for p in data]
    axes.plot(days, counts, color=COLOUR, linewidth=1, marker="o", markersize=4)  # type: ignore[arg-type]
    for point in data:
        axes.annotate(
            str(point.number),
            (point.start, point.participants),
            textcoords="offset points",
            xytext=(0, 5),
            ha="center",
            fontsize=7,
        )
    first = datetime.date(min(days).year, 1, 1)
    last = datetime.date(max(days).year + 1, 1, 1)
    axes.set_xlim(first, last)  # type: ignore[arg-type]
    axes.set_ylim(0, max(counts) * 1.2)
    axes.xaxis.set_major_locator(mdates.YearLocator())  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    _read_in(axes, language)
    return _save(figure, fmt)


def years(data: list[Point]) -> list[tuple[int, list[Point]]]:
    """Every year from the first meeting's to the last one's, with its meetings (an empty list for a gap)."""
    if not data:
        return []
    by_year: dict[int, list[Point]] = {}
    for point in data:
        by_year.setdefault(point.start.year, []).append(point)
    return [(year, by_year.get(year, [])) for year in range(data[0].start.year, data[-1].start.year + 1)]
