"""Staff pages for other people's accounts: find one, deactivate it, remove a lost authenticator (each with a
confirmation step that names what will happen)."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cwgcop.accounts import care, queries
from cwgcop.accounts.services import display_name
from cwgcop.core import audit
from cwgcop.core.permissions import require_permission
from cwgcop.core.refusals import refusal_as_messages

ACTIONS = {"deactivate", "authenticators"}


@require_permission("accounts.care_for_accounts")
def accounts(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()[:100]
    found = []
    if query:
        found = list(
            get_user_model()
            .objects.filter(Q(email__icontains=query) | Q(username__icontains=query))
            .select_related("profile")
            .order_by("email")[:50]
        )
    return render(request, "accounts/staff/accounts.html", {"q": query, "found": found})


@require_permission("accounts.care_for_accounts")
def account(request: HttpRequest, pk: int) -> HttpResponse:
    """The account's facts; POST ``action`` asks to confirm, POST ``action`` + ``confirmed`` does it."""
    person = get_object_or_404(get_user_model(), pk=pk)
    action = request.POST.get("action", "")
    if request.method == "POST" and action in ACTIONS:
        if request.POST.get("confirmed"):
            with refusal_as_messages(request):
                if action == "deactivate":
                    care.deactivate_account(actor=request.user, user=person)
                    messages.success(request, _("%(person)s can no longer sign in.") % {"person": display_name(person)})
                else:
                    care.remove_authenticators(actor=request.user, user=person)
                    messages.success(
                        request,
                        _("The authenticator of %(person)s was removed.") % {"person": display_name(person)},
                    )
            return redirect("staff:accounts:account", pk=person.pk)
        return render(request, "accounts/staff/account_confirm.html", {"person": person, "action": action})
    context = {
        "person": person,
        "name": display_name(person),
        "roles": queries.roles_of(person),
        "has_authenticator": Authenticator.objects.filter(user=person).exists(),
        "history": audit.history(person).select_related("actor")[:20],
    }
    return render(request, "accounts/staff/account.html", context)
