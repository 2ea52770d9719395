"""Language-prefixed addresses for the six languages, right-to-left Arabic, and the language switcher."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.core.factories import cwg_cop, document, meeting_21, parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
PAGES = [
    "/{lang}/",
    "/{lang}/meetings/",
    "/{lang}/meetings/cwg-cop/21/",
    "/{lang}/documents/",
    "/{lang}/documents/?kind=contribution&sort=oldest",
    "/{lang}/documents/CWG-COP-21/5/",
    "/{lang}/bodies/",
    "/{lang}/bodies/cwg-cop/",
]


@pytest.fixture
def archive() -> None:
    document(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/5", titles={"en": "Online games"})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_answers_in_every_language(client: Client, archive: None, language: str, page: str) -> None:
    response = client.get(page.format(lang=language))
    assert response.status_code == 200
    root = parse(response.content)
    assert root.get("lang") == language
    assert root.get("dir") == ("rtl" if language == "ar" else "ltr")
    assert response["Content-Language"] == language


def test_arabic_pages_are_right_to_left(client: Client, archive: None) -> None:
    content = client.get("/ar/documents/CWG-COP-21/5/").content.decode()
    assert '<html lang="ar" dir="rtl">' in content


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "/en/documents/CWG-COP-21/5/",
            [
                "/ar/documents/CWG-COP-21/5/",
                "/zh-hans/documents/CWG-COP-21/5/",
                "/en/documents/CWG-COP-21/5/",
                "/fr/documents/CWG-COP-21/5/",
                "/ru/documents/CWG-COP-21/5/",
                "/es/documents/CWG-COP-21/5/",
            ],
        ),
        (
            "/fr/documents/?kind=contribution&page=1",
            [f"/{code}/documents/?kind=contribution&page=1" for code in LANGUAGES],
        ),
        ("/ru/meetings/cwg-cop/21/", [f"/{code}/meetings/cwg-cop/21/" for code in LANGUAGES]),
        ("/ar/", [f"/{code}/" for code in LANGUAGES]),
    ],
)
def test_language_switcher_links_to_the_same_page(
    client: Client, archive: None, page: str, expected: list[str]
) -> None:
    tree = parse(client.get(page).content)
    links = tree.xpath('//nav[@class="languages"]//a')
    assert [link.get("href") for link in links] == expected
    assert [link.get("hreflang") for link in links] == LANGUAGES
    assert [link.get("lang") for link in links] == LANGUAGES
    assert [link.text_content() for link in links] == [
        "العربية",
        "中文",
        "English",
        "Français",
        "Русский",
        "Español",
    ]
    current = page.split("/")[1]
    assert [link.get("href") for link in links if link.get("aria-current") == "true"] == [
        expected[LANGUAGES.index(current)]
    ]


def test_switcher_links_lead_to_pages_in_that_language(client: Client, archive: None) -> None:
    tree = parse(client.get("/en/documents/CWG-COP-21/5/").content)
    for link in tree.xpath('//nav[@class="languages"]//a'):
        response = client.get(link.get("href"))
        assert response.status_code == 200
        assert parse(response.content).get("lang") == link.get("hreflang")


def test_unprefixed_address_redirects_to_the_reader_language(client: Client, archive: None) -> None:
    response = client.get("/documents/CWG-COP-21/5/", headers={"Accept-Language": "ar"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/documents/CWG-COP-21/5/"


def test_unknown_language_prefix_is_not_found(client: Client, archive: None) -> None:
    assert client.get("/de/documents/").status_code == 404
