"""A model's translated field as a reader sees it: ``display_title = TranslatedDisplay("title")``.

Reading ``obj.display_title`` gives the field in the active language, else in another language (English first),
as :func:`cwgcop.core.languages.translated` finds it. The value is a ``Translated``, a ``str`` that knows its
language, for pages to mark a fallback (typed as ``str``, as the properties it replaces were).
"""

from __future__ import annotations

from typing import Any, Self, overload

from cwgcop.core.languages import translated


class TranslatedDisplay:
    """The text of the translated ``field`` (``title`` for ``title_en``, ``title_zh_hans``, …) in the reader's
    language: one line on the model instead of a property per field.

    ``fallback_from`` names the instance's attribute holding the language to try before any other (a liaison
    statement falls back to the language it was written in).
    """

    def __init__(self, field: str, *, fallback_from: str | None = None) -> None:
        self.field = field
        self.fallback_from = fallback_from

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type[Any]) -> str: ...

    def __get__(self, instance: object | None, owner: type[Any]) -> Self | str:
        if instance is None:
            return self
        fallback = getattr(instance, self.fallback_from) if self.fallback_from else None
        return translated(instance, self.field, fallback=fallback)
