"""Fill a catalogue from a Python dict of translations: ``python tools/fill_po.py CATALOGUE.po TRANSLATIONS.py``.

The dict ``T`` (or ``ZH``) maps a msgid — or ``(msgctxt, msgid)``, or ``(msgid, n)`` for plural form n —
to its translation. Entries already translated are overwritten; entries not in the dict are left alone.
"""

from __future__ import annotations

import runpy
import sys

import polib


def fill(po_path: str, translations: dict[object, str]) -> int:
    catalogue = polib.pofile(po_path)
    filled = 0
    for entry in catalogue:
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural) or [0]
            base = translations.get((entry.msgid, 0))
            if base is None:
                continue
            entry.msgstr_plural = {n: translations.get((entry.msgid, n), base) for n in forms}
        else:
            key: object = (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid
            if key not in translations:
                continue
            entry.msgstr = translations[key]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    catalogue.save(po_path)
    return filled


if __name__ == "__main__":
    namespace = runpy.run_path(sys.argv[2])
    table = namespace.get("T") or namespace["ZH"]
    print(f"{fill(sys.argv[1], table)} entries filled in {sys.argv[1]}")
