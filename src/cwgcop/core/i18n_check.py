"""Checks the translation catalogues: all six languages complete, every plural form written, .mo current.

Run by ``python3 dev.py lint``: ``python -m cwgcop.core.i18n_check``. Exits non-zero with a list of problems.

English is the source language: an English entry may stay empty (gettext then shows the msgid), but every
other catalogue must translate every entry, with exactly as many plural forms as its language has
(Arabic six, Russian four, Spanish and French three, Chinese one) and none of them empty.

Django merges every app's catalogue into one per language, so a message (same ``msgctxt`` and ``msgid``)
translated differently by two of our apps shows only one of the two translations everywhere: the check
fails on such a conflict, naming the language, the message and the apps. Keep one translation for one
meaning, or give each meaning its own context (``pgettext``, ``{% translate "…" context "…" %}``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent.parent
SOURCE = "en"
TRANSLATED = ("ar", "zh_Hans", "fr", "ru", "es")
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def app_locales() -> list[Path]:
    """Every app's ``locale`` folder (each app keeps its own catalogue)."""
    return sorted(p for p in PACKAGE.glob("*/locale") if p.is_dir())


def problems() -> list[str]:
    found: list[str] = []
    locales = app_locales()
    for locale in locales:
        found.extend(f"{locale.parent.name}/{problem}" for problem in catalogue_problems(locale))
    found.extend(conflict_problems(locales))
    return found


Translation = str | tuple[str, ...]


def _translations(catalogue: polib.POFile) -> dict[tuple[str | None, str], Translation]:
    """(msgctxt, msgid) → the translation (a plural entry: its forms in order) of every translated entry."""
    return {
        (e.msgctxt, e.msgid): tuple(e.msgstr_plural[k] for k in sorted(e.msgstr_plural)) if e.msgid_plural else e.msgstr
        for e in catalogue.translated_entries()
        if "fuzzy" not in e.flags
    }


def _shown(translation: Translation) -> str:
    return " / ".join(f"“{form}”" for form in translation) if isinstance(translation, tuple) else f"“{translation}”"


def conflict_problems(locales: list[Path]) -> list[str]:
    """Messages that two apps translate differently, per translated language (each ``locale`` is ``<app>/locale``).

    One line per language and message: ``fr: "Stakeholder kind" is translated differently by bodies
    “Type de partie prenante”; events, meetings “Catégorie de partie prenante” …``.
    """
    found: list[str] = []
    for code in TRANSLATED:
        by_message: dict[tuple[str | None, str], dict[Translation, list[str]]] = {}
        for locale in locales:
            po_path = locale / code / "LC_MESSAGES" / "django.po"
            if not po_path.exists():
                continue  # reported by catalogue_problems
            for key, translation in _translations(polib.pofile(str(po_path))).items():
                by_message.setdefault(key, {}).setdefault(translation, []).append(locale.parent.name)
        for (context, msgid), variants in sorted(by_message.items(), key=lambda item: (item[0][1], item[0][0] or "")):
            if len(variants) < 2:
                continue
            message = f'"{msgid}"' + (f' (context "{context}")' if context is not None else "")
            apps = "; ".join(
                f"{', '.join(sorted(names))} {_shown(t)}"
                for t, names in sorted(variants.items(), key=lambda v: sorted(v[1]))
            )
            found.append(
                f"{code}: {message} is translated differently by {apps}; Django shows only one of them in every app: "
                "keep one translation, or give each meaning its own context (pgettext)"
            )
    return found


def plural_count(catalogue: polib.POFile) -> int | None:
    match = NPLURALS.search(catalogue.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def completeness_problems(code: str, catalogue: polib.POFile) -> list[str]:
    """Untranslated, fuzzy and short plural entries of a catalogue that must be complete."""
    found: list[str] = []
    missing = [e.msgid for e in catalogue.untranslated_entries()] + [e.msgid for e in catalogue.fuzzy_entries()]
    if missing:
        found.append(f"{code}: {len(missing)} untranslated or fuzzy, e.g. {missing[:3]}")
    forms = plural_count(catalogue)
    if forms is None:
        found.append(f"{code}: the catalogue has no Plural-Forms header")
        return found
    short = [
        e.msgid
        for e in catalogue
        if e.msgid_plural
        and not e.obsolete
        and (sorted(e.msgstr_plural) != list(range(forms)) or not all(v.strip() for v in e.msgstr_plural.values()))
    ]
    if short:
        found.append(f"{code}: {len(short)} plural entries without all {forms} forms, e.g. {short[:3]}")
    return found


def catalogue_problems(locale: Path) -> list[str]:
    found: list[str] = []
    for code in (SOURCE, *TRANSLATED):
        po_path = locale / code / "LC_MESSAGES" / "django.po"
        mo_path = po_path.with_suffix(".mo")
        if not po_path.exists():
            found.append(f"{code}: no catalogue at {po_path}")
            continue
        catalogue = polib.pofile(str(po_path))
        if code != SOURCE:
            found.extend(completeness_problems(code, catalogue))
        if not mo_path.exists():
            found.append(f"{code}: not compiled (no {mo_path.name})")
            continue
        compiled = {
            (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in polib.mofile(str(mo_path))
        }
        source = {
            (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalogue.translated_entries()
        }
        if any(compiled.get(key) != value for key, value in source.items()):
            found.append(f"{code}: {mo_path.name} is older than {po_path.name}; run `python3 dev.py messages`")
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
