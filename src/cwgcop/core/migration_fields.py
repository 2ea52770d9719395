"""What the migrations repeat for every translated field, written once. FROZEN: migrations run it.

django-modeltranslation gives a translated field six copies, one per UN language (``title_ar`` … ``title_es``),
each the field with ``null=True``. A migration writes the group as ``*translated("title", models.CharField(…))``
instead of seven lines. Every migration that was ever applied runs this code again on a fresh instance, so it must
keep returning exactly what it returns today: never change the languages, their order or the copies' options here
(a change of the model's languages is a new migration written out in full).
"""

from __future__ import annotations

from typing import Any

# The suffixes of the six copies, in the order most migrations created them; a few created them alphabetically.
SUFFIXES = ("ar", "zh_hans", "en", "fr", "ru", "es")
ALPHABETICAL = ("ar", "en", "es", "fr", "ru", "zh_hans")


def translated(name: str, field: Any, suffixes: tuple[str, ...] = SUFFIXES) -> list[tuple[str, Any]]:
    """The field ``name`` and its six language copies (the same field, ``null=True``) in the order ``suffixes``
    gives (the order of the table's columns), as ``(name, field)`` pairs for ``migrations.CreateModel``."""
    _, _path, args, kwargs = field.deconstruct()
    copies = [(f"{name}_{suffix}", type(field)(*args, **{**kwargs, "null": True})) for suffix in suffixes]
    return [(name, field), *copies]
