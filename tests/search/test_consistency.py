"""The index follows the archive: publishing, revising, withdrawing, editing and deleting documents."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document
from cwgcop.search.engines import engine_name, get_engine
from cwgcop.search.models import SearchEntry
from cwgcop.search.services import Filters, search
from tests.factories import OrganizationFactory
from tests.search.factories import indexed_document, run_on_commit

pytestmark = pytest.mark.django_db


def symbols(text: str) -> list[str]:
    return [r.document.symbol for r in search(text=text, filters=Filters()).results]


def test_a_withdrawn_document_disappears_from_results() -> None:
    document = indexed_document(symbol="T/1", texts={"en": "Grooming prevention."})
    assert symbols("grooming") == ["T/1"]
    run_on_commit(document_services.withdraw_document, actor=None, document=document, reason="Duplicate.")
    assert symbols("grooming") == []
    assert SearchEntry.objects.filter(document=document).count() == 0


def test_a_new_revision_text_replaces_the_old_one() -> None:
    document = indexed_document(symbol="T/1", texts={"en": "The first draft about grooming."})
    run_on_commit(document_services.start_revision, actor=None, document=document, note="Rewritten")
    assert symbols("grooming") == ["T/1"]  # the pending revision is not public yet
    content = b"The second text is about sextortion."
    document_services.add_file(
        actor=None, document=document, language="en", name="rev1.txt", size=len(content), stream=io.BytesIO(content)
    )
    run_on_commit(document_services.publish_document, actor=None, document=document)
    assert symbols("grooming") == []
    assert symbols("sextortion") == ["T/1"]
    assert [r.document.current_symbol for r in search(text="T/1(Rev.1)", filters=Filters()).results] == ["T/1(Rev.1)"]


def test_a_changed_title_or_source_is_found_at_once() -> None:
    document = indexed_document(symbol="T/1", titles={"en": "Old title"}, texts={"en": "Body."})
    source = OrganizationFactory(name="Lithuania")
    run_on_commit(
        document_services.update_document,
        actor=None,
        document=document,
        titles={"en": "Fresh heading", "zh-hans": "新的标题"},
        sources=[source],
    )
    assert symbols("fresh") == ["T/1"]
    assert symbols("old") == []
    assert symbols("标题") == ["T/1"]
    assert symbols("lithuania") == ["T/1"]


def test_a_deleted_document_leaves_nothing_in_the_index() -> None:
    document = indexed_document(symbol="T/1", texts={"en": "Grooming."})
    Document.objects.filter(pk=document.pk).delete()
    assert symbols("grooming") == []
    assert SearchEntry.objects.count() == 0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_fts")
            assert cursor.fetchone() == (0,)


def test_a_draft_is_never_found() -> None:
    document_services.create_document(
        actor=None,
        body=indexed_document(symbol="T/1", texts={"en": "x"}).body,
        kind="contribution",
        symbol="T/2",
        titles={"en": "Secret draft"},
    )
    assert symbols("secret") == []


def test_rebuild_search_index_rebuilds_from_scratch() -> None:
    indexed_document(symbol="T/1", texts={"en": "Grooming.", "fr": "Pédopiégeage."})
    indexed_document(symbol="T/2", texts={"en": "Sextortion."})
    SearchEntry.objects.all().delete()
    get_engine().clear()
    assert symbols("grooming") == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert out.getvalue() == (
        f"Search index rebuilt ({engine_name()}): 2 documents, 3 language versions; 0 files extracted.\n"
    )
    assert symbols("grooming") == ["T/1"]
    assert symbols("pedopiegeage") == ["T/1"]


def test_engine_refuses_a_configuration_for_another_database(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SEARCH_ENGINE = "postgres" if connection.vendor == "sqlite" else "sqlite-fts5"
    with pytest.raises(ImproperlyConfigured):
        engine_name()
    settings.SEARCH_ENGINE = "elasticsearch"
    with pytest.raises(ImproperlyConfigured):
        engine_name()
