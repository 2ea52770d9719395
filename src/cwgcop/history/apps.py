from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    name = "cwgcop.history"
    verbose_name = _("History import and export")
