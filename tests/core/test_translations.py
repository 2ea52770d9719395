"""The interface in the six UN languages: pages, plural forms, the language switcher and translated errors."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from cwgcop.core.errors import DomainError
from cwgcop.documents import services
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting
from tests.factories import MeetingFactory, published_document, secretariat

pytestmark = pytest.mark.django_db

# language → (direction, the "Meetings" navigation link, the "Documents" heading, the footer promise)
FRAME = {
    "ar": ("rtl", "الاجتماعات", "الوثائق", "كل وثيقة منشورة متاحة للجمهور: يمكن قراءتها وتنزيلها دون كلمة مرور."),
    "zh-hans": ("ltr", "会议", "文件", "所有已发布的文件均向公众开放：无需密码即可阅读和下载。"),
    "en": (
        "ltr",
        "Meetings",
        "Documents",
        "Every published document is public: read and download it without a password.",
    ),
    "fr": (
        "ltr",
        "Réunions",
        "Documents",
        "Tout document publié est public\u00a0: lisez-le et téléchargez-le sans mot de passe.",
    ),
    "ru": (
        "ltr",
        "Собрания",
        "Документы",
        "Все опубликованные документы общедоступны: их можно читать и скачивать без пароля.",
    ),
    "es": (
        "ltr",
        "Reuniones",
        "Documentos",
        "Todo documento publicado es público: puede leerse y descargarse sin contraseña.",
    ),
}


def _cwg_cop_meeting() -> Meeting:
    meeting: Meeting = MeetingFactory(
        number=21, body__acronym="CWG-COP", body__symbol_prefix="CWG-COP", format="hybrid", participants_total=129
    )
    return meeting


@pytest.mark.parametrize("language", list(FRAME))
def test_home_page_frame_is_in_the_readers_language(client: Client, language: str) -> None:
    direction, meetings, documents, promise = FRAME[language]
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f'<li><a href="/{language}/meetings/">{meetings}</a></li>' in html
    assert f'<li><a href="/{language}/documents/">{documents}</a></li>' in html
    assert f"<p>{promise}</p>" in html


# language → (meeting heading, format, "Participants" heading, "Total" row label)
MEETING_PAGE = {
    "ar": ("CWG-COP، الاجتماع 21", "هجين", "المشاركون", "المجموع"),
    "zh-hans": ("CWG-COP第21次会议", "混合", "与会者", "总数"),
    "en": ("CWG-COP, meeting 21", "Hybrid", "Participants", "Total"),
    "fr": ("CWG-COP, réunion n°\u00a021", "Hybride", "Participants", "Total"),
    "ru": ("CWG-COP, 21-е собрание", "Гибридный", "Участники", "Всего"),
    "es": ("CWG-COP, 21ª reunión", "Híbrido", "Participantes", "Total"),
}


@pytest.mark.parametrize("language", list(MEETING_PAGE))
def test_meeting_page_is_in_the_readers_language(client: Client, language: str) -> None:
    heading, meeting_format, participants, total = MEETING_PAGE[language]
    meeting = _cwg_cop_meeting()
    with translation.override(language):
        url = meeting.get_absolute_url()
    assert url == f"/{language}/meetings/{meeting.body.slug}/21/"
    html = client.get(url).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f"<dd>{meeting_format}</dd>" in html
    assert f'<h2 id="participants">{participants}</h2>' in html
    assert f'<tr><th scope="row">{total}</th><td class="number">129</td></tr>' in html


# language → the archive's count of 1, 2, 3 and 11 documents (every plural form the language has in that range)
COUNTS = {
    "ar": ("1 وثيقة", "2 وثيقتان", "3 وثائق", "11 وثيقة"),
    "zh-hans": ("1份文件", "2份文件", "3份文件", "11份文件"),
    "en": ("1 document", "2 documents", "3 documents", "11 documents"),
    "fr": ("1 document", "2 documents", "3 documents", "11 documents"),
    "ru": ("1 документ", "2 документа", "3 документа", "11 документов"),
    "es": ("1 documento", "2 documentos", "3 documentos", "11 documentos"),
}


@pytest.mark.parametrize("language", list(COUNTS))
def test_archive_count_uses_the_languages_plural_forms(language: str) -> None:
    with translation.override(language):
        for n, expected in zip((1, 2, 3, 11), COUNTS[language], strict=True):
            assert translation.ngettext("%(counter)s document", "%(counter)s documents", n) % {"counter": n} == expected


def test_archive_page_counts_in_russian(client: Client) -> None:
    meeting = _cwg_cop_meeting()
    for number in (1, 2, 3):
        published_document(meeting=meeting, symbol=f"CWG-COP-21/{number}")
    html = client.get("/ru/documents/").content.decode()
    assert '<p class="count" role="status">3 документа</p>' in html


# language → (document kind, "Original language" label)
DOCUMENT_PAGE = {
    "ar": ("مساهمة", "اللغة الأصلية", "العربية"),
    "zh-hans": ("文稿", "原文语言", "中文"),
    "en": ("Contribution", "Original language", "English"),
    "fr": ("Contribution", "Langue originale", "Français"),
    "ru": ("Вклад", "Язык оригинала", "Русский"),
    "es": ("Contribución", "Idioma original", "Español"),
}


@pytest.mark.parametrize("language", list(DOCUMENT_PAGE))
def test_document_page_shows_kind_and_title_in_the_readers_language(client: Client, language: str) -> None:
    kind, original_language, _name = DOCUMENT_PAGE[language]
    titles = {
        "ar": "آراء الأطفال بشأن خطوط مساعدة الأطفال",
        "zh-hans": "儿童对求助热线的反馈意见",
        "en": "Children's feedback on child helplines",
        "fr": "Retour d'information des enfants sur les services d'assistance téléphonique pour les enfants",
        "ru": "Отзывы детей о телефонах доверия для детей",
        "es": "Opiniones de los niños sobre las líneas de ayuda a la infancia",
    }
    document = published_document(meeting=_cwg_cop_meeting(), symbol="CWG-COP-21/1", titles=titles)
    html = client.get(f"/{language}/documents/{document.symbol}/").content.decode()
    assert f"<dt>{original_language}</dt>" in html
    assert f"<dd>{kind}</dd>" in html
    assert f'<h1><span lang="{language}" dir="auto">{escape(titles[language])}</span></h1>' in html


def test_language_switcher_links_the_same_page_in_every_language(client: Client) -> None:
    html = client.get("/zh-hans/meetings/").content.decode()
    for code in ("ar", "en", "fr", "ru", "es"):
        assert f'href="/{code}/meetings/" lang="{code}" hreflang="{code}">' in html
    assert 'href="/zh-hans/meetings/" lang="zh-hans" hreflang="zh-hans" aria-current="true">' in html


def test_unprefixed_address_redirects_to_the_browsers_language(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert (response.status_code, response["Location"]) == (302, "/zh-hans/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert (response.status_code, response["Location"]) == (302, "/ar/")


def test_cached_public_page_is_not_served_in_another_language(client: Client) -> None:
    assert "<h1>Child Online Protection working group</h1>" in client.get("/en/").content.decode()
    assert "<h1>保护上网儿童工作组</h1>" in client.get("/zh-hans/").content.decode()
    assert "<h1>Child Online Protection working group</h1>" in client.get("/en/").content.decode()


def test_domain_error_message_is_translated_into_chinese() -> None:
    published_document(meeting=_cwg_cop_meeting(), symbol="CWG-COP-21/5")
    meeting = Meeting.objects.get()
    with translation.override("zh-hans"), pytest.raises(DomainError) as raised:
        services.create_document(
            actor=None,
            body=meeting.body,
            meeting=meeting,
            kind="contribution",
            symbol="CWG-COP-21/5",
            titles={"en": "X"},
        )
    assert raised.value.messages == ["文号为CWG-COP-21/5的文件已存在。"]
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("zh-hans", "“CWG_COP_21”不是有效的文号，正确格式如CWG-COP-21/5。"),
        ("ar", "«CWG_COP_21» ليس رمز وثيقة صالحاً (مثال: CWG-COP-21/5)."),
        ("ru", "«CWG_COP_21» не является допустимым обозначением документа (пример: CWG-COP-21/5)."),
    ],
)
def test_staff_form_shows_the_domain_error_in_the_page_language(client: Client, language: str, message: str) -> None:
    meeting = _cwg_cop_meeting()
    client.force_login(secretariat(meeting.body))
    response = client.post(
        f"/{language}/staff/documents/new/",
        {
            "body": meeting.body.pk,
            "meeting": meeting.pk,
            "kind": "contribution",
            "symbol": "CWG_COP_21",
            "original_language": "en",
            "title_en": "A contribution",
        },
    )
    assert response.status_code == 400
    assert f"<li>{message}</li>" in response.content.decode()
    assert Document.objects.count() == 0
