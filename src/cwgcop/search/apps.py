from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "cwgcop.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from cwgcop.documents.signals import document_changed
        from cwgcop.search import hooks

        document_changed.connect(hooks.document_changed, dispatch_uid="search.document_changed")
