"""A person's own account pages: overview, profile, API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.accounts import queries, services
from cwgcop.accounts.forms import ProfileForm, TokenForm
from cwgcop.accounts.mfa import has_totp
from cwgcop.accounts.rules import holds_staff_role
from cwgcop.core.languages import current_language
from cwgcop.core.permissions import require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form


@require_permission("accounts.manage_own_account")
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/home.html",
        {
            "profile": services.profile_of(request.user),
            "roles": queries.roles_of(request.user),
            "has_totp": has_totp(request.user),
            "is_staff_member": holds_staff_role(request.user),
        },
    )


@require_permission("accounts.manage_own_account")
def profile(request: HttpRequest) -> HttpResponse:
    current = services.profile_of(request.user)
    initial = {
        "full_name": current.full_name if current else "",
        "organization": current.organization if current else None,
        "country": str(current.country) if current and current.country else "",
        "language": current.language if current else current_language(),
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.update_profile(actor=request.user, user=request.user, **form.profile_values())
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:home")
    return render(request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200)


@require_permission("accounts.manage_own_account")
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form, "name"):
            issued = services.create_api_token(actor=request.user, name=form.cleaned_data["name"])
            form = TokenForm()
    context = {"form": form, "issued": issued, "tokens": queries.tokens_of(request.user)}
    return render(request, "accounts/tokens.html", context, status=400 if form.errors else 200)


@require_POST
@require_permission("accounts.manage_own_account")
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = queries.tokens_of(request.user).filter(pk=pk).first()
    if token is None:
        raise Http404
    with refusal_as_messages(request):
        services.revoke_api_token(actor=request.user, token=token)
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
