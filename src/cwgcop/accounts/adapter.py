"""How allauth fits the platform: where people land after login, and profiles for new accounts."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest
from django.urls import reverse

from cwgcop.accounts.rules import holds_staff_role
from cwgcop.core.http import client_address
from cwgcop.core.outbox import send_later


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        if holds_staff_role(request.user):
            return reverse("staff:dashboard")
        return reverse("accounts:home")

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Sign-up, address confirmation, password reset: rendered now, delivered through the task queue, so
        a mail server that is down never turns a stored sign-up into an error (cwgcop.core.outbox)."""
        from allauth.core import context as allauth_context

        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        send_later(message)

    def get_client_ip(self, request: HttpRequest) -> str:
        """allauth's rate limits (sign-in, sign-up, password reset) count by the same address as every other."""
        return client_address(request)
