"""Builds consultations/data/given_names/cyrillic_forms.txt from pymorphy3's Russian dictionary (OpenCorpora,
CC BY-SA), for the redaction of children's answers: every singular form of every word the dictionary tags as a
given name (``Name``), so that "Дарьи", "Тимуром" and "Софье" are known as well as "Дарья", "Тимур", "Софья".

    pip install pymorphy3==2.0.6 pymorphy3-dicts-ru==2.4.417150.4580142
    python tools/build_cyrillic_names.py > src/cwgcop/consultations/data/given_names/cyrillic_forms.txt

Left out: a form whose most likely reading is not a given name ("вера" faith, "роза" rose, "лев" lion,
"любовь" love): in a child's sentence it is most often the word. pymorphy3 is needed only to build the list,
never at run time (about four minutes).
"""

from __future__ import annotations

import sys

import pymorphy3  # type: ignore[import-not-found]


def main() -> None:
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    forms: set[str] = set()
    for parse in morph.iter_known_word_parses():
        tag = parse.tag
        if "Name" in tag and "sing" in tag and "Abbr" not in tag and "Init" not in tag:
            forms.add(parse.word)
    kept = sorted(word for word in forms if "Name" in morph.parse(word)[0].tag)
    sys.stdout.write("# Given names in Russian, every singular form; built by tools/build_cyrillic_names.py from\n")
    sys.stdout.write("# pymorphy3-dicts-ru 2.4.417150.4580142 (OpenCorpora, CC BY-SA). Do not edit by hand.\n")
    sys.stdout.write("\n".join(kept) + "\n")


if __name__ == "__main__":
    main()
