from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "cwgcop.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        # The meetings below cite documents through their port; the archive answers it (see meetings.citations).
        from cwgcop.documents.citations import DocumentArchive
        from cwgcop.meetings import citations

        citations.register(DocumentArchive())

        from cwgcop.documents import storage
        from cwgcop.documents.models import DocumentFile

        storage.register_reference(DocumentFile)
        # A request whose transaction rolled back leaves no file it stored (documents/storage.py).
        request_finished.connect(_sweep_stored_files, dispatch_uid="cwgcop.documents.sweep")


def _sweep_stored_files(**kwargs: object) -> None:
    from cwgcop.documents import storage

    storage.sweep()
