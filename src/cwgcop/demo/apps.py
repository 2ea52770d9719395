from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data (``cwgcop load_demo``). It sits above every app; nothing but its own command imports it."""

    name = "cwgcop.demo"
    label = "demo"
    verbose_name = _("Demo data")
