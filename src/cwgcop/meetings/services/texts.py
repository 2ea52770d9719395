"""Writing translated text fields (django-modeltranslation) from a ``{language: text}`` mapping."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix


def set_translations(instance: models.Model, field: str, texts: dict[str, str] | None) -> None:
    """Set ``field`` in each language of ``texts``; languages not given keep their text.

    The untranslated column takes the English text (else the first given). It is written with the
    default language active: modeltranslation would otherwise write it into the *reader's* language
    column, so a secretariat working in Chinese would overwrite the Chinese text with the English one.
    """
    if not texts:
        return
    unknown = sorted(set(texts) - set(LANGUAGE_ORDER))
    if unknown:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)}, code="language_invalid")
    for code, text in texts.items():
        setattr(instance, f"{field}_{field_suffix(code)}", (text or "").strip())
    base = (texts.get("en") or next((v for v in texts.values() if v), "")).strip()
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        setattr(instance, field, base if base else getattr(instance, f"{field}_en", ""))
