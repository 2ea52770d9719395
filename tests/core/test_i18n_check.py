"""The catalogue check: six complete languages with every plural form, and plural forms chosen right."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.utils import translation

from cwgcop.core import i18n_check

HEADER = {"Content-Type": "text/plain; charset=UTF-8"}


def _catalogue(plural_forms: str, entries: list[polib.POEntry]) -> polib.POFile:
    catalogue = polib.POFile()
    catalogue.metadata = {**HEADER, "Plural-Forms": plural_forms}
    catalogue.extend(entries)
    return catalogue


RUSSIAN = "nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);"


def test_a_plural_entry_with_fewer_forms_than_the_language_has_is_reported() -> None:
    entry = polib.POEntry(msgid="%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "%(n)s день", 1: "%(n)s дня"})
    assert i18n_check.completeness_problems("ru", _catalogue(RUSSIAN, [entry])) == [
        "ru: 1 plural entries without all 4 forms, e.g. ['%(n)s day']"
    ]


def test_an_empty_plural_form_and_an_untranslated_entry_are_reported() -> None:
    plural = polib.POEntry(msgid="%(n)s item", msgid_plural="%(n)s items", msgstr_plural={0: "%(n)s élément", 1: ""})
    plain = polib.POEntry(msgid="Save", msgstr="")
    assert i18n_check.completeness_problems("fr", _catalogue("nplurals=2; plural=(n > 1);", [plural, plain])) == [
        "fr: 2 untranslated or fuzzy, e.g. ['%(n)s item', 'Save']",
        "fr: 1 plural entries without all 2 forms, e.g. ['%(n)s item']",
    ]


def test_a_complete_catalogue_has_no_problems() -> None:
    entry = polib.POEntry(msgid="%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "%(n)s天"})
    assert i18n_check.completeness_problems("zh_Hans", _catalogue("nplurals=1; plural=0;", [entry])) == []


def test_the_shipped_catalogues_are_complete_in_six_languages() -> None:
    assert i18n_check.problems() == []


def test_every_app_has_six_catalogues() -> None:
    for locale in i18n_check.app_locales():
        names = sorted(p.name for p in Path(locale).iterdir() if p.is_dir())
        assert names == ["ar", "en", "es", "fr", "ru", "zh_Hans"], locale


# language → the figure line for 1, 2, 5, 11 and 38 confirmed participants on an event page
PARTICIPANTS = {
    "ar": [
        "مشارك مؤكد واحد (1)",
        "مشاركان مؤكدان (2)",
        "5 مشاركين مؤكدين",
        "11 مشاركًا مؤكدًا",
        "38 مشاركًا مؤكدًا",
    ],
    "ru": [
        "1 подтверждённый участник",
        "2 подтверждённых участника",
        "5 подтверждённых участников",
        "11 подтверждённых участников",
        "38 подтверждённых участников",
    ],
    "es": [
        "1 participante confirmado",
        "2 participantes confirmados",
        "5 participantes confirmados",
        "11 participantes confirmados",
        "38 participantes confirmados",
    ],
    "zh-hans": [
        "1名已确认的与会者",
        "2名已确认的与会者",
        "5名已确认的与会者",
        "11名已确认的与会者",
        "38名已确认的与会者",
    ],
}


@pytest.mark.parametrize("language", list(PARTICIPANTS))
def test_event_figures_use_the_languages_own_plural_forms(language: str) -> None:
    with translation.override(language):
        lines = [
            translation.ngettext("%(counter)s confirmed participant", "%(counter)s confirmed participants", n)
            % {"counter": n}
            for n in (1, 2, 5, 11, 38)
        ]
    assert lines == PARTICIPANTS[language]
