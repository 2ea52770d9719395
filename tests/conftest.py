from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from cwgcop.bodies.models import Body
from cwgcop.core.cache import forget_local_pages
from cwgcop.documents import storage
from tests.core.factories import cwg_cop
from tests.factories import secretariat
from tests.queries import PageInQueries


@pytest.fixture(autouse=True)
def media_root(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Each test stores files in its own folder, so a test can check that nothing stray is left."""
    media = tmp_path / "media"
    media.mkdir()
    settings.MEDIA_ROOT = str(media)  # type: ignore[attr-defined]
    return media


@pytest.fixture(autouse=True)
def _no_pending_files() -> Iterator[None]:
    """Files a test stored inside its never-committed transaction are not swept by the next test's requests."""
    yield
    storage.forget_pending()


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """A request to /ru/… leaves Russian active in the thread; each test starts and ends in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    """Each test starts with an empty cache: the shared one and this process's copies of pages."""
    cache.clear()
    forget_local_pages()
    yield
    cache.clear()
    forget_local_pages()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    """The real hasher takes about a second a password on purpose; tests need no such protection."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


def stored_files(media_root: Path) -> list[Path]:
    return sorted(p for p in media_root.rglob("*") if p.is_file())


# The body a staff-page test works on, and its secretariat signed in (a test module may define its own).
@pytest.fixture
def body() -> Body:
    return cwg_cop()


@pytest.fixture
def staff(client: Client, body: Body) -> Any:
    user = secretariat(body, username="sec")
    client.force_login(user)
    return user


@pytest.fixture
def page_in_queries(client: Client, django_assert_num_queries: Any) -> PageInQueries:
    """Read a page with ``client`` and prove it takes exactly ``queries`` queries: ``page_in_queries(url, 8)``.

    The page is read twice and only the second read is counted: on the first the session and the two-factor
    check settle. A list page's query-count test reads it with 1 and with 3 rows and the same count."""

    def read(url: str, queries: int) -> str:
        client.get(url)
        with django_assert_num_queries(queries):
            return client.get(url).content.decode()

    return read
