"""A sharing package as CSV: one row per figure (a hidden figure is an empty cell). Quotes are in JSON and HTML."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _


def breakdown_names() -> dict[str, str]:
    return {"": _("Everyone"), "age_band": _("Age group"), "region": _("Region"), "gender": _("Gender")}


def package_csv(content: dict[str, Any]) -> str:
    names = breakdown_names()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Question number"), _("Question"), _("Breakdown"), _("Group"), _("Answer"), _("Count")])
    for question in content["questions"]:
        rows = [("", names[""], question["overall"])]
        for name, groups in question["breakdowns"].items():
            rows.extend((name, group["group"], group["counts"]) for group in groups)
        for breakdown, group, counts in rows:
            for column, count in zip(question["columns"], counts, strict=True):
                writer.writerow(
                    [
                        question["number"],
                        question["question"],
                        names.get(breakdown, breakdown),
                        group,
                        column,
                        "" if count is None else count,
                    ]
                )
    return out.getvalue()
