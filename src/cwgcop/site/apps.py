from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top of the house: the URL root, the API root, the home page, the staff dashboard and the pages that
    gather several apps (a body's page). It imports every app; nothing imports it."""

    name = "cwgcop.site"
    label = "site"
    verbose_name = _("Site")
