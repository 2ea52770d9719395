"""FastSelect renders exactly what Django's template-based Select renders."""

from __future__ import annotations

import pytest
from django import forms

from cwgcop.core.widgets import FastSelect

CHOICES = [
    ("", "Any"),
    ("a", "Alpha & <Omega>"),
    ("Group", [("b", "Bravo"), ("c", "Charlie")]),
    (3, "Three"),
    (None, "Nothing"),
    ("a", "Alpha again"),  # only the first option with the value is selected
    ("Other <group>", [("d", "Delta"), ("a", "Alpha in a group")]),
]


@pytest.mark.parametrize("value", [None, "", "a", "c", "d", 3, "3", "None", "missing"])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_kind", "aria-describedby": "help", "required": True, "disabled": False}]
)
def test_fast_select_renders_as_djangos_select(value: object, attrs: dict[str, object] | None) -> None:
    expected = forms.Select(choices=CHOICES).render("kind", value, attrs=attrs)
    assert FastSelect(choices=CHOICES).render("kind", value, attrs=attrs) == expected


def test_fast_select_escapes_labels_and_marks_the_selected_option() -> None:
    html = FastSelect(choices=CHOICES).render("kind", "a")
    assert '<option value="a" selected>Alpha &amp; &lt;Omega&gt;</option>' in html
