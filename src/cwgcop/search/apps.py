from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import pgettext_lazy


class SearchConfig(AppConfig):
    name = "cwgcop.search"
    label = "search"
    verbose_name = pgettext_lazy("noun", "Search")

    def ready(self) -> None:
        from cwgcop.documents.signals import document_changed, documents_changed
        from cwgcop.search import hooks

        document_changed.connect(hooks.document_changed, dispatch_uid="search.document_changed")
        documents_changed.connect(hooks.documents_changed, dispatch_uid="search.documents_changed")
        post_migrate.connect(rebuild_an_emptied_index, sender=self)


def rebuild_an_emptied_index(using: str = "default", **_kwargs: Any) -> None:
    """After ``migrate``: a migration that changes the index's tokens empties it; it is built again here, once
    every app's migrations have run (so the documents' tables are as the code reads them)."""
    from django.db import connections

    from cwgcop.documents.enums import DocumentStatus
    from cwgcop.documents.models import Document
    from cwgcop.search.indexing import rebuild_index
    from cwgcop.search.models import SearchEntry

    tables = connections[using].introspection.table_names()
    if SearchEntry._meta.db_table not in tables or Document._meta.db_table not in tables:
        return  # migrated back to before the search or the archive
    if SearchEntry.objects.using(using).exists():
        _count_an_emptied_vocabulary(using)
        return
    if not Document.objects.using(using).filter(status=DocumentStatus.PUBLISHED).exists():
        return
    rebuild_index()


def _count_an_emptied_vocabulary(using: str) -> None:
    """An index built before the spelling vocabulary existed (migration ``search.0005``) gets its words."""
    from cwgcop.search.indexing import rebuild_vocabulary
    from cwgcop.search.models import SearchWord

    if not SearchWord.objects.using(using).exists():
        rebuild_vocabulary()
