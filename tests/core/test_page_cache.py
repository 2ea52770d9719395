"""The page cache: anonymous pages come from the cache, go stale when the archive changes, and never
carry one person's page to another."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from pytest_django.fixtures import Settings as SettingsWrapper

from cwgcop.core.cache import GENERATION_KEY, PageCacheMiddleware, archive_generation, public_page
from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document
from cwgcop.meetings import services as meeting_services
from tests.core.factories import cwg_cop, document, draft, meeting_21, parse, revise, texts
from tests.factories import UserFactory, secretariat, upload

pytestmark = pytest.mark.django_db

PAGES = [
    "/en/",
    "/en/meetings/",
    "/en/meetings/cwg-cop/21/",
    "/en/documents/",
    "/en/documents/?kind=contribution",
    "/en/documents/CWG-COP-21/5/",
    "/en/bodies/",
    "/en/bodies/cwg-cop/",
    "/meetings.ics",
]


@pytest.fixture
def published() -> Document:
    return document(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/5", titles={"en": "Online games"})


def symbols(client: Client, url: str = "/en/documents/") -> list[str]:
    return texts(parse(client.get(url).content), '//a[@class="symbol"]')


def title(client: Client) -> list[str]:
    return texts(parse(client.get("/en/documents/CWG-COP-21/5/").content), "//h1")


def rename_behind_the_cache(document: Document, text: str) -> None:
    """Change a title without a service, so that no invalidation happens: only a fresh render shows it."""
    Document.objects.filter(pk=document.pk).update(title_en=text)


@pytest.mark.parametrize("url", PAGES)
def test_second_anonymous_request_is_served_from_the_cache(
    client: Client, published: Document, django_assert_num_queries: Any, url: str
) -> None:
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Vary"] == first["Vary"]


def test_head_request_is_served_from_the_cache(
    client: Client, published: Document, django_assert_num_queries: Any
) -> None:
    client.get("/en/documents/")
    with django_assert_num_queries(0):
        response = client.head("/en/documents/")
    assert response.status_code == 200
    assert response.content == b""


def test_cached_page_is_stale_after_a_change_behind_the_cache(client: Client, published: Document) -> None:
    assert title(client) == ["Online games"]
    rename_behind_the_cache(published, "Renamed")
    assert title(client) == ["Online games"]  # proves the page came from the cache


def test_publishing_makes_the_archive_show_the_document(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    assert symbols(client) == ["CWG-COP-21/5"]
    with django_capture_on_commit_callbacks(execute=True):
        document(meeting=published.meeting, symbol="CWG-COP-21/6")
    assert symbols(client) == ["CWG-COP-21/6", "CWG-COP-21/5"]
    assert symbols(client, "/en/") == ["CWG-COP-21/6", "CWG-COP-21/5"]


def test_withdrawing_turns_the_cached_page_into_a_tombstone(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    assert client.get("/en/documents/CWG-COP-21/5/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        document_services.withdraw_document(actor=None, document=published, reason="Duplicate")
    assert client.get("/en/documents/CWG-COP-21/5/").status_code == 410
    assert symbols(client) == []


def test_new_revision_shows_on_the_cached_pages(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    assert symbols(client) == ["CWG-COP-21/5"]
    with django_capture_on_commit_callbacks(execute=True):
        revise(published, note="Corrected")
    assert symbols(client) == ["CWG-COP-21/5(Rev.1)"]
    assert texts(parse(client.get("/en/documents/CWG-COP-21/5/").content), '//p[@class="symbol-heading"]') == [
        "CWG-COP-21/5(Rev.1)"
    ]


def test_unpublished_work_does_not_empty_the_cache(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    generation = archive_generation()
    with django_capture_on_commit_callbacks(execute=True):
        created = draft(meeting=published.meeting, symbol="CWG-COP-21/9")
        document_services.start_revision(actor=None, document=published)
        upload(published, "fr")
    assert created.status == "draft"
    assert archive_generation() == generation


def test_meeting_change_shows_on_the_cached_pages(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = published.meeting
    assert meeting is not None
    page = f"/en/meetings/{meeting.body.slug}/21/"
    client.get(page)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.update_meeting(actor=None, meeting=meeting, venues={"en": "CICG, Geneva"})
    assert texts(parse(client.get(page).content), '//dl[@class="facts"]/dd')[2] == "CICG, Geneva"


def test_title_change_shows_on_the_cached_pages(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    assert title(client) == ["Online games"]
    with django_capture_on_commit_callbacks(execute=True):
        document_services.update_document(actor=None, document=published, titles={"en": "Games online"})
    assert title(client) == ["Games online"]


def test_new_meeting_shows_on_the_cached_meetings_list(
    client: Client, published: Document, django_capture_on_commit_callbacks: Any
) -> None:
    client.get("/en/meetings/")
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.create_meeting(
            actor=None,
            body=published.body,
            number=22,
            start_date=datetime.date(2025, 2, 12),
            end_date=datetime.date(2025, 2, 13),
        )
    rows = parse(client.get("/en/meetings/").content).xpath("//tbody/tr/th")
    assert [" ".join(row.text_content().split()) for row in rows] == ["CWG-COP, meeting 22", "CWG-COP, meeting 21"]


def test_request_with_a_session_cookie_is_never_served_a_cached_page(client: Client, published: Document) -> None:
    assert title(client) == ["Online games"]  # cached for anonymous readers
    rename_behind_the_cache(published, "Renamed")
    with_cookie = Client()
    with_cookie.cookies["sessionid"] = "anything"
    assert title(with_cookie) == ["Renamed"]
    assert title(client) == ["Online games"]


def test_request_with_a_session_cookie_never_stores_a_page(client: Client, published: Document) -> None:
    with_cookie = Client()
    with_cookie.cookies["sessionid"] = "anything"
    assert title(with_cookie) == ["Online games"]
    rename_behind_the_cache(published, "Renamed")
    assert title(client) == ["Renamed"]  # nothing was stored by the first request


def test_signed_in_secretariat_page_never_reaches_an_anonymous_reader(client: Client, published: Document) -> None:
    staff = Client()
    staff.force_login(secretariat(published.body))
    staff_page = staff.get("/en/documents/").content.decode()
    assert "Sign out" in staff_page
    assert "csrfmiddlewaretoken" in staff_page
    anonymous = client.get("/en/documents/").content.decode()
    assert "Sign out" not in anonymous
    assert "csrfmiddlewaretoken" not in anonymous
    assert 'href="/en/account/login/"' in anonymous


def test_anonymous_page_never_reaches_a_signed_in_reader(client: Client, published: Document) -> None:
    client.get("/en/documents/")
    member = Client()
    member.force_login(UserFactory(username="member"))
    assert "Sign out" in member.get("/en/documents/").content.decode()


def test_reader_with_pending_messages_is_neither_served_nor_stored(client: Client, published: Document) -> None:
    assert title(client) == ["Online games"]
    rename_behind_the_cache(published, "Renamed")
    with_messages = Client()
    with_messages.cookies["messages"] = "someone's pending message"
    assert title(with_messages) == ["Renamed"]
    assert title(client) == ["Online games"]


def through_the_cache(view: Callable[[HttpRequest], HttpResponse]) -> PageCacheMiddleware:
    """``view`` behind the page-cache middleware alone, as the stack would call it."""
    return PageCacheMiddleware(view)


def test_public_page_is_stored_by_the_middleware_and_answered_from_it(rf: RequestFactory) -> None:
    calls: list[int] = []

    @public_page
    def page(request: HttpRequest) -> HttpResponse:
        calls.append(1)
        return HttpResponse("the same for everyone")

    served = through_the_cache(page)
    first, second = served(rf.get("/en/page/")), served(rf.get("/en/page/"))
    assert len(calls) == 1
    assert (first.content, second.content) == (b"the same for everyone", b"the same for everyone")


def test_view_not_marked_public_is_never_stored(rf: RequestFactory) -> None:
    calls: list[int] = []

    def page(request: HttpRequest) -> HttpResponse:
        calls.append(1)
        return HttpResponse("mine")

    served = through_the_cache(page)
    served(rf.get("/en/page/"))
    served(rf.get("/en/page/"))
    assert len(calls) == 2


def test_page_that_hands_out_a_csrf_token_is_not_stored(rf: RequestFactory) -> None:
    calls: list[int] = []

    @public_page
    def form_page(request: HttpRequest) -> HttpResponse:
        calls.append(1)
        return HttpResponse(f"token {get_token(request)}")

    served = through_the_cache(form_page)
    served(rf.get("/en/form/"))
    served(rf.get("/en/form/"))
    assert len(calls) == 2


def test_page_setting_a_cookie_or_private_is_not_stored(rf: RequestFactory) -> None:
    calls: list[str] = []

    def counted(make: Callable[[], HttpResponse]) -> PageCacheMiddleware:
        @public_page
        def view(request: HttpRequest) -> HttpResponse:
            calls.append(request.path)
            return make()

        return through_the_cache(view)

    def with_cookie() -> HttpResponse:
        response = HttpResponse("x")
        response.set_cookie("choice", "1")
        return response

    def private() -> HttpResponse:
        response = HttpResponse("x")
        response["Cache-Control"] = "private"
        return response

    for path, view in [
        ("/cookie/", counted(with_cookie)),
        ("/private/", counted(private)),
        ("/missing/", counted(lambda: HttpResponse("gone", status=404))),
    ]:
        view(rf.get(path))
        view(rf.get(path))
    assert calls == ["/cookie/", "/cookie/", "/private/", "/private/", "/missing/", "/missing/"]


def test_cached_page_keeps_the_headers_the_stack_added(client: Client, published: Document) -> None:
    first = client.get("/en/documents/")
    second = client.get("/en/documents/")
    for header in ("Content-Security-Policy", "Content-Language", "Vary", "Content-Type"):
        assert second[header] == first[header]
    assert second["Content-Language"] == "en"
    assert "default-src 'self'" in second["Content-Security-Policy"]


def test_cached_page_is_not_served_to_a_host_that_is_not_allowed(client: Client, published: Document) -> None:
    assert client.get("/en/documents/").status_code == 200
    assert client.get("/en/documents/", headers={"Host": "evil.example"}).status_code == 400


def test_plain_http_is_redirected_even_when_the_page_is_cached(
    client: Client, published: Document, settings: SettingsWrapper
) -> None:
    assert client.get("/en/documents/", secure=True).status_code == 200
    settings.SECURE_SSL_REDIRECT = True
    redirecting = Client()  # SecurityMiddleware reads the setting when the stack is built
    response = redirecting.get("/en/documents/")
    assert (response.status_code, response["Location"]) == (301, "https://testserver/en/documents/")
    assert redirecting.get("/en/documents/", secure=True).status_code == 200


def test_languages_are_cached_apart(client: Client, published: Document) -> None:
    meeting = published.meeting
    assert meeting is not None
    meeting_services.update_meeting(actor=None, meeting=meeting, venues={"en": "Geneva", "zh-hans": "日内瓦"})
    english = client.get("/meetings.ics", headers={"Accept-Language": "en"}).content.decode()
    chinese = client.get("/meetings.ics", headers={"Accept-Language": "zh-hans"}).content.decode()
    assert "LOCATION:Geneva" in english
    assert "LOCATION:日内瓦" in chinese


def test_cache_can_be_turned_off(client: Client, published: Document, settings: SettingsWrapper) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    assert title(client) == ["Online games"]
    rename_behind_the_cache(published, "Renamed")
    assert title(client) == ["Renamed"]


def test_cached_pages_tell_shared_caches_they_vary_by_cookie(client: Client, published: Document) -> None:
    client.get("/en/documents/")
    assert "Cookie" in client.get("/en/documents/")["Vary"]


def test_change_made_through_another_process_shows_once_the_generation_is_read_again(
    client: Client, published: Document, settings: SettingsWrapper
) -> None:
    settings.PAGE_CACHE_GENERATION_SECONDS = 3600
    assert title(client) == ["Online games"]
    rename_behind_the_cache(published, "Renamed")
    cache.incr(GENERATION_KEY)  # what another server process's change does to the shared cache
    assert title(client) == ["Online games"]  # this process trusts its reading of the generation for an hour
    settings.PAGE_CACHE_GENERATION_SECONDS = 0
    assert title(client) == ["Renamed"]


def test_change_made_in_this_process_shows_at_once_whatever_the_generation_interval(
    client: Client, published: Document, settings: SettingsWrapper, django_capture_on_commit_callbacks: Any
) -> None:
    settings.PAGE_CACHE_GENERATION_SECONDS = 3600
    assert title(client) == ["Online games"]
    with django_capture_on_commit_callbacks(execute=True):
        document_services.update_document(actor=None, document=published, titles={"en": "Games online"})
    assert title(client) == ["Games online"]


def test_pages_come_from_the_shared_cache_without_a_local_copy(
    client: Client, published: Document, settings: SettingsWrapper, django_assert_num_queries: Any
) -> None:
    settings.PAGE_CACHE_LOCAL_PAGES = 0
    first = client.get("/en/documents/")
    with django_assert_num_queries(0):
        second = client.get("/en/documents/")
    assert second.content == first.content


def test_each_process_keeps_only_its_most_recent_pages(
    client: Client, published: Document, settings: SettingsWrapper, django_assert_num_queries: Any
) -> None:
    settings.PAGE_CACHE_LOCAL_PAGES = 1
    settings.PAGE_CACHE_GENERATION_SECONDS = 3600
    assert title(client) == ["Online games"]
    bodies = client.get("/en/bodies/").content  # pushes the document page out of this process's copies
    cache.clear()  # the shared copies are gone (Redis restarted, say); this process's one page remains
    rename_behind_the_cache(published, "Renamed")
    with django_assert_num_queries(0):
        assert client.get("/en/bodies/").content == bodies
    assert title(client) == ["Renamed"]
