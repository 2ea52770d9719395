"""FastSelect renders exactly what Django's template-based Select renders."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.widgets import Input
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from cwgcop.core.widgets import FastNumberInput, FastSelect, FastTextInput

CHOICES = [
    ("", "Any"),
    ("a", "Alpha & <Omega>"),
    ("Group", [("b", "Bravo"), ("c", "Charlie")]),
    (3, "Three"),
    (None, "Nothing"),
    ("a", "Alpha again"),  # only the first option with the value is selected
    ("s", mark_safe("<b>Safe</b> &amp; kept")),
    ("l", gettext_lazy("Any")),
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


@pytest.mark.parametrize("value", [None, "", "2024", 2024, '"<quoted> & more"', 0])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_year", "required": True, "disabled": False, "min": 1865, "placeholder": 'a"b'}]
)
@pytest.mark.parametrize(
    ("fast", "django_widget"), [(FastTextInput, forms.TextInput), (FastNumberInput, forms.NumberInput)]
)
def test_fast_inputs_render_as_djangos(
    fast: type[Input], django_widget: type[Input], value: object, attrs: dict[str, object] | None
) -> None:
    own = {"max": 9998, "class": "narrow"}
    expected = django_widget(attrs=own).render("year", value, attrs=attrs)
    assert fast(attrs=own).render("year", value, attrs=attrs) == expected
