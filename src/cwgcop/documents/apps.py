from django.apps import AppConfig
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
