"""Forms that take a translated text as one field per language (``title_en``, ``title_zh_hans``, …).

The services take such a text as a ``{language: text}`` mapping (``core.translated_fields.set_translations``);
these two helpers turn a model's columns into a form's initial values and a form's fields back into that mapping.
"""

from __future__ import annotations

from typing import Any

from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix


def translated_initial(obj: object, *names: str) -> dict[str, str]:
    """The initial values of the language fields of each of ``names``: what ``obj`` holds in every language."""
    return {
        f"{name}_{field_suffix(code)}": getattr(obj, f"{name}_{field_suffix(code)}", "") or ""
        for name in names
        for code in LANGUAGE_ORDER
    }


class LanguageFields:
    """A form mixin: its ``<name>_<language>`` fields, once cleaned, as the ``{language: text}`` a service takes."""

    cleaned_data: dict[str, Any]

    def translations(self, name: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{name}_{field_suffix(code)}") or "" for code in LANGUAGE_ORDER}
