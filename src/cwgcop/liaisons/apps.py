from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiaisonsConfig(AppConfig):
    name = "cwgcop.liaisons"
    label = "liaisons"
    verbose_name = _("Liaisons")
