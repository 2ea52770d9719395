"""A consultation that takes answers is one click from the home page; none is listed when none is open."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.consultations.factories import close, consultation
from tests.core.factories import parse, texts

pytestmark = pytest.mark.django_db


def test_the_home_page_links_each_open_consultation(client: Client) -> None:
    soon = consultation(slug="lagoon-voices", title_en="Lagoon voices", title_zh_hans="泻湖之声")
    soon.closes_at = timezone.now() + datetime.timedelta(days=2)
    soon.save(update_fields=["closes_at"])
    consultation(slug="reef-voices", title_en="Reef voices", title_zh_hans="")
    close(consultation(slug="tide-pools", title_en="Tide pools"))
    consultation(slug="unpublished", title_en="Not yet", published_at=None)

    tree = parse(client.get("/zh-hans/").content)

    assert texts(tree, '//section[@aria-labelledby="open-consultations"]//li/a') == ["泻湖之声", "Reef voices"]
    links = tree.xpath('//section[@aria-labelledby="open-consultations"]//li/a')
    assert [link.get("href") for link in links] == ["/zh-hans/consult/lagoon-voices/", "/zh-hans/consult/reef-voices/"]
    # The English fallback title is marked as English on the Chinese page.
    assert [link[0].get("lang") for link in links if len(link)] == ["en"]
    assert tree.xpath('//section[@aria-labelledby="open-consultations"]//a[text()="所有征询"]/@href') == [
        "/zh-hans/consult/"
    ]


def test_the_home_page_lists_no_consultation_when_none_is_open(client: Client) -> None:
    close(consultation(slug="tide-pools", title_en="Tide pools"))

    tree = parse(client.get("/en/").content)

    assert tree.xpath('//*[@id="open-consultations"]') == []
    assert "consult/" not in client.get("/en/").content.decode()
