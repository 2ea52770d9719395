"""Secretariat pages of accounts: the roles of a body, and the history of any recorded object."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Model, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.accounts import queries, services
from cwgcop.accounts.forms import RoleGrantForm
from cwgcop.bodies.models import Body, Role
from cwgcop.core import audit
from cwgcop.core.models import AuditEntry
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form

HISTORY_LIMIT = 200


def _body_or_404(request: HttpRequest, slug: str) -> Body:
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        raise Http404
    check_object_permission(request, "accounts.manage_roles", body)
    return body


def _roles_page(request: HttpRequest, body: Body, form: RoleGrantForm, status: int = 200) -> HttpResponse:
    changes = AuditEntry.objects.filter(object_type="bodies.role").filter(
        Q(after__body_id=body.pk) | Q(before__body_id=body.pk)
    )
    context = {
        "body": body,
        "roles": queries.roles_in(body),
        "form": form,
        "changes": changes.select_related("actor")[:50],
    }
    return render(request, "accounts/staff/roles.html", context, status=status)


@require_permission("accounts.manage_own_account")
def roles(request: HttpRequest, slug: str) -> HttpResponse:
    return _roles_page(request, _body_or_404(request, slug), RoleGrantForm())


@require_POST
@require_permission("accounts.manage_own_account")
def role_grant(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body_or_404(request, slug)
    form = RoleGrantForm(request.POST)
    if form.is_valid():
        person = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if person is None:
            form.add_error("email", _("No account uses this e-mail address. Ask the person to sign up first."))
        else:
            with refusal_on_form(form):
                role = services.grant_role(actor=request.user, user=person, body=body, kind=form.cleaned_data["kind"])
                messages.success(request, _("%(role)s granted.") % {"role": role})
                return redirect("staff:accounts:body-roles", slug=body.slug)
    return _roles_page(request, body, form, status=400)


@require_POST
@require_permission("accounts.manage_own_account")
def role_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = _body_or_404(request, slug)
    role = Role.objects.filter(body=body, pk=pk).select_related("user", "body").first()
    if role is None:
        raise Http404
    with refusal_as_messages(request):
        services.revoke_role(actor=request.user, role=role)
        messages.success(request, _("%(role)s revoked.") % {"role": role})
    return redirect("staff:accounts:body-roles", slug=body.slug)


def _body_of(instance: Model) -> Body | None:
    if isinstance(instance, Body):
        return instance
    body = getattr(instance, "body", None)
    return body if isinstance(body, Body) else None


@require_permission("accounts.manage_own_account")
def history(request: HttpRequest, object_type: str, object_id: str) -> HttpResponse:
    """Every recorded change of one object that belongs to a body, newest first."""
    try:
        model: Any = apps.get_model(object_type)
    except (LookupError, ValueError) as exc:
        raise Http404 from exc
    instance = model._default_manager.filter(pk=object_id).first() if object_id.isdigit() else None
    body = _body_of(instance) if instance is not None else None
    if instance is None or body is None:
        raise Http404
    check_object_permission(request, "accounts.view_history", body)
    entries = audit.history(instance)[:HISTORY_LIMIT]
    return render(request, "accounts/staff/history.html", {"object": instance, "body": body, "entries": entries})
