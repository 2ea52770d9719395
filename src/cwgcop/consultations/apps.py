from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "cwgcop.consultations"
    label = "consultations"
    verbose_name = _("Consultations with children and young people")

    def ready(self) -> None:
        from cwgcop.consultations import thresholds

        thresholds.check()
