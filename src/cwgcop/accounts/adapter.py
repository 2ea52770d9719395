"""How allauth fits the platform: where people land after login, and profiles for new accounts."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from cwgcop.accounts.rules import holds_staff_role


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        if holds_staff_role(request.user):
            return reverse("staff:dashboard")
        return reverse("accounts:home")
