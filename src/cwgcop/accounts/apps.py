from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cwgcop.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from cwgcop.accounts import sessions, signals  # noqa: F401  (signals connects its receivers)

        user_logged_in.connect(sessions.on_login, dispatch_uid="accounts.staff_session")
