"""Form widgets that render in Python where Django's templates cost more than the rest of a list page's form."""

from __future__ import annotations

import html
from typing import Any

from django import forms
from django.forms.renderers import BaseRenderer
from django.forms.widgets import Input
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """Attributes as Django's ``attrs.html`` writes them: in their order, ``True`` bare, ``False`` left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value)),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class FastSelect(forms.Select):
    """Django's ``Select``, with the same markup, rendered in Python instead of one template include per option.

    The archive's filter form has some sixty options; through templates they were the largest single part of
    rendering the archive page (about 10 ms of 50 at 10,000 documents, docs/benchmarks.md). Django's own
    ``optgroups`` makes a dictionary of attributes per option, so the options are written directly from the
    choices, with the rules of ``ChoiceWidget.optgroups``: one option selected at most, the first whose value
    matches.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: BaseRenderer | None = None
    ) -> SafeString:
        if self.allow_multiple_selected:
            return super().render(name, value, attrs, renderer)
        wanted = self.format_value(value)
        selected = False
        parts: list[str] = []
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                options = []
                for subvalue, sublabel in option_label:
                    html, selected = _option(subvalue, sublabel, wanted, selected)
                    options.append(html)
                parts.append(
                    f'\n  <optgroup label="{conditional_escape(option_value)}">{"".join(options)}\n  </optgroup>'
                )
            else:
                html, selected = _option("" if option_value is None else option_value, option_label, wanted, selected)
                parts.append(html)
        attributes = _attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{"".join(parts)}\n</select>')  # noqa: S308


def _option(value: Any, label: Any, wanted: list[str], selected: bool) -> tuple[str, bool]:
    """An ``<option>`` as ``django/forms/widgets/select_option.html`` writes it, and whether one is now selected."""
    text = str(value)
    is_selected = not selected and text in wanted
    mark = " selected" if is_selected else ""
    # The standard library's escape, as Django's does without its lazy-string wrapper; a label already safe
    # (SafeString) is kept as it is, as conditional_escape does.
    shown = label.__html__() if hasattr(label, "__html__") else html.escape(str(label))
    return f'\n  <option value="{html.escape(text)}"{mark}>{shown}</option>\n', selected or is_selected


class _FastInput(Input):
    """An ``<input>`` as ``django/forms/widgets/input.html`` writes it, without a template."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: BaseRenderer | None = None
    ) -> SafeString:
        formatted = self.format_value(value)
        shown = "" if formatted is None else f' value="{escape(formatted)}"'
        attributes = _attributes(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<input type="{escape(self.input_type)}" name="{escape(name)}"{shown}{attributes}>')  # noqa: S308


class FastTextInput(_FastInput, forms.TextInput):
    """Django's ``TextInput``, with the same markup, rendered without a template."""


class FastNumberInput(_FastInput, forms.NumberInput):
    """Django's ``NumberInput``, with the same markup, rendered without a template."""
