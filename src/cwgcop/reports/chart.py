"""The participation chart: participants per meeting over the group's history (matplotlib, no text in CJK)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display: render straight to PNG

from matplotlib import pyplot

from cwgcop.bodies.models import Body
from cwgcop.meetings.models import Meeting


def history(body: Body) -> list[tuple[int, int]]:
    """(meeting number, participants) for every meeting of ``body`` that has a participant total."""
    rows = Meeting.objects.filter(body=body, participants_total__isnull=False).order_by("number")
    return [(m.number, int(m.participants_total or 0)) for m in rows]


def participation_png(data: list[tuple[int, int]]) -> bytes:
    """A bar chart of ``data``; axis labels are numbers only, so every language reads it (the caption says
    what it shows, in the report's language)."""
    figure, axes = pyplot.subplots(figsize=(6.4, 3.2), dpi=150)
    positions = list(range(len(data)))
    counts = [count for _, count in data]
    bars = axes.bar(positions, counts, color="#00507a")
    axes.set_xticks(positions, [str(number) for number, _ in data])
    axes.bar_label(bars, labels=[str(c) for c in counts], fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    pyplot.close(figure)
    return buffer.getvalue()
