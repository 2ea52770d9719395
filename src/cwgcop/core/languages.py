"""The six official languages of the United Nations, as the platform names them."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh-hans", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


# The order in which the ITU lists its languages in document headers.
LANGUAGE_ORDER: tuple[str, ...] = ("ar", "zh-hans", "en", "fr", "ru", "es")

# The order in which a missing translation is looked for in other languages (as modeltranslation does).
FALLBACK_ORDER: tuple[str, ...] = ("en", "fr", "es", "ru", "zh-hans", "ar")

# Short labels for a language version of a document, as printed on ITU documents.
LANGUAGE_SHORT = {"ar": "A", "zh-hans": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}


# The languages written right to left.
RIGHT_TO_LEFT = frozenset({"ar"})


def direction(code: str) -> str:
    """``rtl`` or ``ltr``: the direction of ``code``'s script, for a ``dir`` beside a ``lang``."""
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


class Translated(str):
    """A translated value that knows the language it is in (a fallback may be in another than the reader's).

    It is a ``str`` everywhere; templates mark it with its language where it differs from the page's
    (the ``marked`` and ``lang_attributes`` filters of ``core.templatetags.cwgcop``, WCAG 3.1.2).
    """

    language: str

    def __new__(cls, value: str, language: str) -> Translated:
        made = super().__new__(cls, value)
        made.language = language
        return made


def native_name(code: str) -> str:
    """The language's name in itself, as ``settings.LANGUAGES`` spells it (``Français``, ``中文``)."""
    from django.conf import settings

    return str(dict(settings.LANGUAGES).get(code, code))


def current_language() -> str:
    """The active UI language, normalised to one of the six codes (English when none is active)."""
    code = (get_language() or "en").lower()
    if code in LANGUAGE_ORDER:
        return code
    if code.startswith("zh"):
        return "zh-hans"
    base = code.split("-")[0]
    return base if base in LANGUAGE_ORDER else "en"


def field_suffix(language: str) -> str:
    """The suffix django-modeltranslation gives a field in ``language`` (``zh-hans`` → ``zh_hans``)."""
    return language.replace("-", "_")


def translated_fields(field: str) -> tuple[str, ...]:
    """The columns django-modeltranslation makes for ``field``: ``title_ar``, ``title_zh_hans``, …"""
    return tuple(f"{field}_{field_suffix(code)}" for code in LANGUAGE_ORDER)


def translated_with_language(
    obj: object, field: str, language: str | None = None, fallback: str | None = None
) -> tuple[str, str]:
    """``(value, language of value)`` of a translated ``field``: in ``language``, else ``fallback``, else any.

    "Any language" follows ``FALLBACK_ORDER`` (English first, the language most readers share), not the
    ITU listing order, which would show a French reader the Arabic or Chinese text before the English.
    Pages mark a value shown in another language than the page's with that language (WCAG 3.1.2).
    Both are ``""`` when the field is empty in every language. ``obj`` is a model instance or a mapping of
    its values (``title_en``, ``title_zh_hans``, …).
    """
    language = language or current_language()
    order = [language]
    if fallback:
        order.append(fallback)
    order.extend(FALLBACK_ORDER)
    for code in order:
        name = f"{field}_{field_suffix(code)}"
        value = obj.get(name, "") if isinstance(obj, Mapping) else getattr(obj, name, "")
        if value:
            return str(value), code
    return "", ""


def translated(obj: object, field: str, language: str | None = None, fallback: str | None = None) -> Translated:
    """The value of a translated ``field`` in ``language``, else in ``fallback``, else in any language.

    The value carries the language it was found in (``.language``), for pages to mark a fallback.
    """
    value, found = translated_with_language(obj, field, language, fallback)
    return Translated(value, found)
