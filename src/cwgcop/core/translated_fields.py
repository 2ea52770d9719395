"""The one writer of translated text fields (django-modeltranslation) from a ``{language: text}`` mapping.

Every service that stores a text in several languages calls ``set_translations``. It writes the language
columns (``title_en``, ``title_zh_hans``, …) and nothing else. The untranslated attribute (``title``) is
never assigned: modeltranslation routes such an assignment into the column of the language active at that
moment, which is the reader's language on a ``/zh-hans/`` staff page, so the English text would land in the
Chinese column. The untranslated database column is filled by modeltranslation when the row is saved, and
queries read the language columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def set_translations(
    instance: models.Model,
    field: str,
    texts: Mapping[str, str | None] | None,
    *,
    required: bool = False,
    refusal: StrOrPromise | None = None,
    replace: bool = False,
) -> None:
    """Write ``field`` in each language of ``texts`` (stripped); refuse a language that is not one of the six.

    Languages not in ``texts`` keep their text, or are emptied when ``replace``. With ``required``, the field
    must hold a text in at least one language afterwards; ``refusal`` is the message shown otherwise. Nothing
    is written when a check fails.
    """
    texts = texts or {}
    unknown = sorted(set(texts) - set(LANGUAGE_ORDER))
    if unknown:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)}, code="language_invalid")
    columns = {code: f"{field}_{field_suffix(code)}" for code in LANGUAGE_ORDER}
    written = {
        code: (texts.get(code) or "").strip() if code in texts or replace else getattr(instance, column) or ""
        for code, column in columns.items()
    }
    if required and not any(written.values()):
        raise DomainError(refusal or _("Write this text in at least one language."), code=f"{field}_missing")
    for code, column in columns.items():
        if code in texts or replace:
            setattr(instance, column, written[code])
