"""The one writer of translated fields: each language's text in its own column, whatever language is active."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from cwgcop.bodies.models import Body
from cwgcop.consultations.models import Consultation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents.models import Document
from cwgcop.liaisons.models import LiaisonStatement
from cwgcop.meetings.models import Meeting
from tests.factories import BodyFactory, secretariat

pytestmark = pytest.mark.django_db

# A name in each of the six languages, none of them the demo's.
NAMES = {
    "ar": "فريق الخبراء المعني بالسلامة",
    "zh-hans": "安全问题专家组",
    "en": "Expert group on safety",
    "fr": "Groupe d'experts sur la sécurité",
    "ru": "Группа экспертов по безопасности",
    "es": "Grupo de expertos sobre seguridad",
}


def columns(body: Body, field: str = "name") -> dict[str, str]:
    return {code: getattr(body, f"{field}_{code.replace('-', '_')}") or "" for code in LANGUAGE_ORDER}


@pytest.mark.parametrize("active", LANGUAGE_ORDER)
def test_each_language_is_written_to_its_own_column_whatever_language_is_active(active: str) -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    with translation.override(active):
        set_translations(body, "name", {code: f"  {text} " for code, text in NAMES.items()})
    body.save()
    body.refresh_from_db()
    assert columns(body) == NAMES


@pytest.mark.parametrize("active", ["zh-hans", "ar", "ru"])
def test_saved_row_keeps_each_language_when_written_in_another_language(active: str) -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    with translation.override(active):
        set_translations(body, "name", {"en": "Expert group on safety", "zh-hans": "安全问题专家组"})
        body.save()
    stored = Body.objects.get(pk=body.pk)
    assert columns(stored) == {
        "ar": "",
        "zh-hans": "安全问题专家组",
        "en": "Expert group on safety",
        "fr": "",
        "ru": "",
        "es": "",
    }


def test_languages_not_given_keep_their_text() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    set_translations(body, "name", NAMES)
    set_translations(body, "name", {"fr": "Groupe d'experts", "ru": ""})
    assert columns(body) == {**NAMES, "fr": "Groupe d'experts", "ru": ""}


def test_replace_empties_the_languages_not_given() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    set_translations(body, "name", NAMES)
    set_translations(body, "name", {"es": "Grupo de expertos"}, replace=True)
    assert columns(body) == {"ar": "", "zh-hans": "", "en": "", "fr": "", "ru": "", "es": "Grupo de expertos"}


def test_no_texts_change_nothing() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    set_translations(body, "name", NAMES)
    set_translations(body, "name", None)
    set_translations(body, "name", {})
    assert columns(body) == NAMES


def test_unknown_language_is_refused_and_nothing_is_written() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    set_translations(body, "name", {"en": "Expert group on safety"})
    with pytest.raises(DomainError) as error:
        set_translations(body, "name", {"en": "Changed", "de": "Sicherheit", "zh": "安全"})
    assert (error.value.code, error.value.messages) == ("language_invalid", ["Unknown language: de, zh."])
    assert columns(body)["en"] == "Expert group on safety"


def test_unknown_language_is_refused_in_the_readers_language() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    with translation.override("fr"), pytest.raises(DomainError) as error:
        set_translations(body, "name", {"pt": "Segurança"})
    assert error.value.messages == ["Langue inconnue\xa0: pt."]


def test_required_text_must_remain_in_at_least_one_language() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    set_translations(body, "name", {"ru": "Группа"}, required=True)
    with pytest.raises(DomainError) as error:
        set_translations(body, "name", {"ru": "  "}, required=True)
    assert (error.value.code, error.value.messages) == ("name_missing", ["Write this text in at least one language."])
    assert columns(body)["ru"] == "Группа"


def test_required_text_refusal_can_name_what_is_missing() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    with pytest.raises(DomainError) as error:
        set_translations(body, "description", {"en": ""}, required=True, refusal="Describe the group.")
    assert (error.value.code, error.value.messages) == ("description_missing", ["Describe the group."])


def test_optional_text_may_be_empty_in_every_language() -> None:
    body = Body(acronym="EG-SAFE", slug="eg-safe")
    set_translations(body, "description", dict.fromkeys(LANGUAGE_ORDER, ""))
    assert columns(body, "description") == dict.fromkeys(LANGUAGE_ORDER, "")


# The secretariat working in Chinese creates one of each through the staff pages.


@pytest.fixture
def chinese_secretariat(client: Client) -> tuple[Client, Body]:
    body = BodyFactory(acronym="EG-SAFE", slug="eg-safe", symbol_prefix="EG-SAFE")
    client.force_login(secretariat(body, username="mei"))
    return client, body


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _only(columns: dict[str, Any]) -> dict[str, str]:
    return {name: value or "" for name, value in columns.items()}


def test_staff_pages_in_chinese_keep_each_language_in_its_column(chinese_secretariat: tuple[Client, Body]) -> None:
    client, body = chinese_secretariat
    sender = BodyFactory(acronym="SG-9", slug="sg-9")
    answers = [
        client.post(
            "/zh-hans/staff/liaisons/new/incoming/",
            {
                "purpose": "information",
                "from_bodies": [sender.pk],
                "to_bodies": [body.pk],
                "title_en": "Request",
                "title_zh_hans": "请求",
                "text_en": "Please reply.",
                "text_zh_hans": "请回复。",
                "sent_on": "2026-02-03",
                "original_language": "en",
            },
        ),
        client.post(
            "/zh-hans/staff/meetings/new/",
            {
                "body": body.pk,
                "number": "4",
                "start_date": "2026-05-11",
                "end_date": "2026-05-12",
                "venue_en": "Nairobi",
                "venue_zh_hans": "内罗毕",
                "format": "in-person",
                "status": "planned",
            },
        ),
        client.post(
            "/zh-hans/staff/documents/new/",
            {
                "body": body.pk,
                "kind": "contribution",
                "symbol": "EG-SAFE/INF/3",
                "original_language": "en",
                "title_en": "Safety by design",
                "title_zh_hans": "设计安全",
            },
        ),
        client.post(
            "/zh-hans/staff/consultations/new/",
            {
                "slug": "safe-games",
                "body": str(body.pk),
                "languages": ["en", "zh-hans"],
                "age_bands": ["13-15"],
                "opens_at": _local(timezone.now() + datetime.timedelta(days=1)),
                "closes_at": _local(timezone.now() + datetime.timedelta(days=20)),
                "title_en": "Safe games",
                "title_zh_hans": "安全游戏",
                "introduction_en": "Tell us about games.",
                "introduction_zh_hans": "告诉我们关于游戏的事。",
            },
        ),
    ]
    assert [answer.status_code for answer in answers] == [302, 302, 302, 302]
    statement = LiaisonStatement.objects.get()
    meeting = Meeting.objects.get()
    document = Document.objects.get()
    consultation = Consultation.objects.get()
    assert _only(
        {
            "statement.title_en": statement.title_en,
            "statement.title_zh_hans": statement.title_zh_hans,
            "statement.title_fr": statement.title_fr,
            "statement.text_en": statement.text_en,
            "statement.text_zh_hans": statement.text_zh_hans,
            "meeting.venue_en": meeting.venue_en,
            "meeting.venue_zh_hans": meeting.venue_zh_hans,
            "meeting.venue_fr": meeting.venue_fr,
            "document.title_en": document.title_en,
            "document.title_zh_hans": document.title_zh_hans,
            "document.title_fr": document.title_fr,
            "consultation.title_en": consultation.title_en,
            "consultation.title_zh_hans": consultation.title_zh_hans,
            "consultation.introduction_en": consultation.introduction_en,
            "consultation.introduction_zh_hans": consultation.introduction_zh_hans,
            "consultation.title_fr": consultation.title_fr,
        }
    ) == {
        "statement.title_en": "Request",
        "statement.title_zh_hans": "请求",
        "statement.title_fr": "",
        "statement.text_en": "Please reply.",
        "statement.text_zh_hans": "请回复。",
        "meeting.venue_en": "Nairobi",
        "meeting.venue_zh_hans": "内罗毕",
        "meeting.venue_fr": "",
        "document.title_en": "Safety by design",
        "document.title_zh_hans": "设计安全",
        "document.title_fr": "",
        "consultation.title_en": "Safe games",
        "consultation.title_zh_hans": "安全游戏",
        "consultation.introduction_en": "Tell us about games.",
        "consultation.introduction_zh_hans": "告诉我们关于游戏的事。",
        "consultation.title_fr": "",
    }
