"""In a real browser: a child answers in Chinese (JavaScript off), gets a receipt; the moderator approves; the
results show with small groups hidden; the receipt opens "you said, we did". axe-core checks the child's pages.

It uses the shared browser of tests/browser/conftest.py: a second Playwright started beside that session-wide
one, on the same xdist worker, fails ("Sync API inside the asyncio loop").
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, Response, expect
from pytest_django.live_server_helper import LiveServer

from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Consultation
from tests.browser.conftest import NewPage, assert_no_axe_violations
from tests.consultations.factories import close, consultation, lead, moderator, submit

pytestmark = pytest.mark.browser

WORDS = "希望可以在线聊天，打电话有点害怕。<b>谢谢</b>"


def _accessible(page: Page, checker: Page) -> None:
    """axe-core's WCAG 2.2 A/AA check of ``page`` as it is now. axe needs JavaScript, which the child's page has
    switched off, so its HTML is checked in ``checker`` (JavaScript on, same origin, so the stylesheet loads)."""
    checker.goto(page.url.split("?")[0].rsplit("/consult/", 1)[0] + "/consult/help/")
    checker.set_content(page.content())
    checker.wait_for_load_state()
    assert_no_axe_violations(checker)


def _signed_in(new_page: NewPage, user: Any, base_url: str) -> Page:
    """A browser context carrying ``user``'s session (signing in, with two factors, is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    page = new_page()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return page


def _answer_in_chinese(page: Page, checker: Page, base_url: str, found: Consultation) -> str:
    loaded: list[Response] = []

    def keep(response: Response) -> None:
        loaded.append(response)

    page.on("response", keep)
    page.goto(f"{base_url}/zh-hans/consult/{found.slug}/?country=CN")
    expect(page.get_by_role("heading", level=1)).to_have_text("儿童求助热线")
    page.remove_listener("response", keep)
    # The first load as the browser fetched it, byte for byte: only this site, under 150 KB in all.
    assert {response.url.split("?")[0].removeprefix(base_url) for response in loaded} >= {
        f"/zh-hans/consult/{found.slug}/",
        "/static/cwgcop/site.css",
    }
    assert all(response.url.startswith(base_url) for response in loaded)
    assert sum(len(response.body()) for response in loaded) < 150 * 1024
    expect(page.get_by_role("complementary", name="需要帮助吗？")).to_contain_text("12355")
    _accessible(page, checker)
    page.get_by_label("你多大了？").select_option("13-15")
    page.get_by_label("你住在哪个国家？").select_option("CN")
    page.get_by_role("group", name="你听说过儿童求助热线吗？").get_by_label("是").check()
    page.get_by_role("group", name="你有多信任它们？").get_by_label("4").check()
    page.get_by_role("textbox", name="怎样才能让它们更好？").fill(WORDS)
    page.get_by_role("button", name="发送我的回答").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("谢谢你！")
    _accessible(page, checker)
    code = page.locator(".receipt-code strong").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    return code


def test_a_child_answers_in_chinese_and_follows_the_consultation_to_its_feedback(
    new_page: NewPage, live_server: LiveServer, transactional_db: None
) -> None:
    found = consultation()
    lead(found)
    staff = moderator(found)
    for _ in range(11):
        submit(found, age_band="13-15", country="KE", choice="Yes")
    submit(found, age_band="18-24", country="BR", choice="No")
    base = live_server.url

    child = new_page(java_script_enabled=False)
    checker = new_page()
    code = _answer_in_chinese(child, checker, base, found)
    stored = Answer.objects.get(question__kind="text")
    assert (stored.text, stored.moderation, stored.response.language) == (WORDS, "pending", "zh-hans")

    reviewer = _signed_in(new_page, staff, base)
    reviewer.goto(f"{base}/en/staff/consultations/{found.slug}/moderation/")
    item = reviewer.locator("article.moderation-item", has_text="希望可以在线聊天")
    item.get_by_role("button", name="Approve").click()
    expect(reviewer.get_by_text("No answer is waiting.")).to_be_visible()
    assert Answer.objects.get(pk=stored.pk).moderation == "approved"

    close(found)
    services.publish_feedback(
        actor=None,
        consultation=Consultation.objects.get(pk=found.pk),
        texts={"en": "We asked helplines to offer chat.", "zh-hans": "我们请求助热线开通在线聊天。"},
    )
    child.goto(f"{base}/zh-hans/consult/{found.slug}/results/")
    expect(child.get_by_role("heading", level=1)).to_contain_text("结果")
    expect(child.get_by_text("有13名青少年参加了。")).to_be_visible()
    everyone = child.get_by_role("table", name="所有人").first
    # 12 said yes and 1 said no: the 1 is hidden, and the 12 with it (the total would give the 1 away).
    expect(everyone.get_by_role("row", name=re.compile("^是"))).to_contain_text("已隐藏")
    expect(everyone.get_by_role("row", name=re.compile("^否"))).to_contain_text("已隐藏")
    by_age = child.get_by_role("table", name="按年龄组").first
    # The one aged 18–24 is hidden, and so is that group's "yes" (0), which would give the "no" away; the 12
    # aged 13–15 show, since the hidden overall figures leave two unknowns in every total.
    expect(by_age.get_by_role("row", name=re.compile("^18–24岁"))).to_have_text(
        re.compile("18–24岁\\s*已隐藏\\s*已隐藏")
    )
    expect(by_age.get_by_role("row", name=re.compile("^13–15岁"))).to_have_text(re.compile("13–15岁\\s*12\\s*0"))
    quotes = child.get_by_role("region", name="他们自己的话")
    expect(quotes).to_contain_text(WORDS)  # the tags are text, never markup
    assert child.locator("blockquote b").count() == 0
    _accessible(child, checker)

    child.goto(f"{base}/zh-hans/consult/{found.slug}/receipt/")
    child.get_by_label("你的回执代码").fill(code)
    child.get_by_role("button", name="看看工作组做了什么").click()
    expect(child.get_by_role("heading", level=2)).to_have_text("你们说了，我们做了")
    expect(child.get_by_text("我们请求助热线开通在线聊天。")).to_be_visible()
    _accessible(child, checker)
