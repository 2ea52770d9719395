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


def _write(locale: Path, code: str, entries: list[polib.POEntry]) -> None:
    catalogue = _catalogue("nplurals=2; plural=(n > 1);", entries)
    (locale / code / "LC_MESSAGES").mkdir(parents=True)
    catalogue.save(str(locale / code / "LC_MESSAGES" / "django.po"))


def test_two_apps_translating_one_message_differently_are_reported(tmp_path: Path) -> None:
    bodies, events, meetings = (tmp_path / app / "locale" for app in ("bodies", "events", "meetings"))
    _write(bodies, "fr", [polib.POEntry(msgid="Stakeholder kind", msgstr="Type de partie prenante")])
    _write(events, "fr", [polib.POEntry(msgid="Stakeholder kind", msgstr="Catégorie de partie prenante")])
    _write(
        meetings,
        "fr",
        [
            polib.POEntry(msgid="Stakeholder kind", msgstr="Catégorie de partie prenante"),
            # the same English word with another context is another message: no conflict
            polib.POEntry(msgctxt="status", msgid="Stakeholder kind", msgstr="Type"),
        ],
    )
    _write(bodies, "ru", [polib.POEntry(msgctxt="person", msgid="name", msgstr="имя")])
    _write(events, "ru", [polib.POEntry(msgctxt="person", msgid="name", msgstr="название")])
    _write(meetings, "ru", [polib.POEntry(msgid="name", msgstr="название")])
    assert i18n_check.conflict_problems([bodies, events, meetings]) == [
        (
            'fr: "Stakeholder kind" is translated differently by bodies “Type de partie prenante”; '
            "events, meetings “Catégorie de partie prenante”; Django shows only one of them in every app: "
            "keep one translation, or give each meaning its own context (pgettext)"
        ),
        (
            'ru: "name" (context "person") is translated differently by bodies “имя”; events “название”; '
            "Django shows only one of them in every app: keep one translation, or give each meaning its own context "
            "(pgettext)"
        ),
    ]


def test_plural_entries_conflict_when_any_form_differs(tmp_path: Path) -> None:
    first, second = tmp_path / "documents" / "locale", tmp_path / "liaisons" / "locale"
    forms = {0: "%(counter)s document", 1: "%(counter)s documents"}
    _write(
        first,
        "fr",
        [polib.POEntry(msgid="%(counter)s document", msgid_plural="%(counter)s documents", msgstr_plural=forms)],
    )
    _write(
        second,
        "fr",
        [
            polib.POEntry(
                msgid="%(counter)s document",
                msgid_plural="%(counter)s documents",
                msgstr_plural={**forms, 1: "%(counter)s docs"},
            )
        ],
    )
    assert i18n_check.conflict_problems([first, second]) == [
        (
            'fr: "%(counter)s document" is translated differently by documents “%(counter)s document” / '
            "“%(counter)s documents”; liaisons “%(counter)s document” / “%(counter)s docs”; Django shows only one of "
            "them in every app: keep one translation, or give each meaning its own context (pgettext)"
        )
    ]


def test_identical_translations_and_fuzzy_entries_are_no_conflict(tmp_path: Path) -> None:
    first, second = tmp_path / "core" / "locale", tmp_path / "site" / "locale"
    _write(first, "es", [polib.POEntry(msgid="Search", msgstr="Buscar")])
    _write(
        second,
        "es",
        [
            polib.POEntry(msgid="Search", msgstr="Buscar"),
            polib.POEntry(msgid="Edit", msgstr="Editar"),
        ],
    )
    _write(first, "ar", [polib.POEntry(msgid="Edit", msgstr="تعديل", flags=["fuzzy"])])
    _write(second, "ar", [polib.POEntry(msgid="Edit", msgstr="تحرير")])
    assert i18n_check.conflict_problems([first, second]) == []


@pytest.mark.parametrize(
    ("language", "code"), [("fr", "fr"), ("es", "es"), ("ru", "ru"), ("ar", "ar"), ("zh-hans", "zh_Hans")]
)
def test_every_message_reads_as_its_own_apps_catalogue_says(language: str, code: str) -> None:
    """What Django shows is each app's own translation, also where Django, its admin, allauth or django-countries
    translate the message otherwise (our catalogues are LOCALE_PATHS, which override installed apps)."""
    differing = []
    with translation.override(language):
        for locale in i18n_check.app_locales():
            for entry in polib.pofile(str(locale / code / "LC_MESSAGES" / "django.po")).translated_entries():
                if entry.msgid_plural:
                    shown = [
                        translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                        if entry.msgctxt
                        else translation.ngettext(entry.msgid, entry.msgid_plural, n)
                        for n in range(0, 201)
                    ]
                    if not set(shown) <= set(entry.msgstr_plural.values()):
                        differing.append((locale.parent.name, entry.msgid))
                    continue
                shown_one = (
                    translation.pgettext(entry.msgctxt, entry.msgid)
                    if entry.msgctxt
                    else translation.gettext(entry.msgid)
                )
                if shown_one != entry.msgstr:
                    differing.append((locale.parent.name, entry.msgid))
    assert differing == []


def test_our_translation_wins_over_djangos_admin_and_allauth() -> None:
    # django.contrib.admin: "Filtre", "احفظ"; allauth: "Редактировать", "密钥" for its authenticator's key
    with translation.override("fr"):
        assert translation.gettext("Filter") == "Filtrer"
    with translation.override("ar"):
        assert translation.gettext("Save") == "حفظ"
    with translation.override("ru"):
        assert translation.gettext("Edit") == "Изменить"
    with translation.override("zh-hans"):
        assert translation.pgettext("import row", "Key") == "键"
        assert translation.gettext("Key") == "密钥"


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
