"""How allauth fits the platform: where people land after login, and profiles for new accounts."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from cwgcop.accounts.rules import holds_staff_role
from cwgcop.core.http import client_address


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        if holds_staff_role(request.user):
            return reverse("staff:dashboard")
        return reverse("accounts:home")

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's rate limits (sign-in, sign-up, password reset) count by the same address as every other."""
        return client_address(request)
