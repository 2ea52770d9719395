from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "cwgcop.reports"
    label = "reports"
    verbose_name = _("Reports to the Council")

    def ready(self) -> None:
        from cwgcop.documents import storage
        from cwgcop.reports.models import Rendition

        storage.register_reference(Rendition)
