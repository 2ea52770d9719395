"""Checks the translation catalogues: Chinese and English complete, the other four present, .mo current.

Run by ``python3 dev.py lint``: ``python -m cwgcop.core.i18n_check``. Exits non-zero with a list of problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent.parent
COMPLETE = ("zh_Hans", "en")
PRESENT = ("ar", "fr", "ru", "es")


def app_locales() -> list[Path]:
    """Every app's ``locale`` folder (each app keeps its own catalogue)."""
    return sorted(p for p in PACKAGE.glob("*/locale") if p.is_dir())


def problems() -> list[str]:
    found: list[str] = []
    for locale in app_locales():
        found.extend(f"{locale.parent.name}/{problem}" for problem in catalogue_problems(locale))
    return found


def catalogue_problems(locale: Path) -> list[str]:
    found: list[str] = []
    for code in COMPLETE + PRESENT:
        po_path = locale / code / "LC_MESSAGES" / "django.po"
        mo_path = po_path.with_suffix(".mo")
        if not po_path.exists():
            found.append(f"{code}: no catalogue at {po_path}")
            continue
        catalogue = polib.pofile(str(po_path))
        if code in COMPLETE and code != "en":
            missing = [e.msgid for e in catalogue.untranslated_entries()] + [e.msgid for e in catalogue.fuzzy_entries()]
            if missing:
                found.append(f"{code}: {len(missing)} untranslated or fuzzy, e.g. {missing[:3]}")
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
