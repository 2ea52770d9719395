"""Secretariat pages for bodies and organisations: thin views that validate, check a permission and call a service."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cwgcop.bodies import queries, services
from cwgcop.bodies.forms import BodyForm, MergeForm, OrganizationForm, body_initial
from cwgcop.bodies.models import Body, Organization
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_on_form


@require_permission("bodies.use_staff_pages")
def body_list(request: HttpRequest) -> HttpResponse:
    context = {
        "bodies": list(queries.bodies()),
        "can_create": request.user.has_perm("bodies.create_body"),
    }
    return render(request, "bodies/staff/body_list.html", context)


@require_permission("bodies.create_body")
def body_create(request: HttpRequest) -> HttpResponse:
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            body = services.create_body(
                actor=request.user,
                acronym=form.cleaned_data["acronym"],
                names=form.names(),
                kind=form.cleaned_data["kind"],
                parent=form.cleaned_data["parent"],
                website=form.cleaned_data["website"] or "",
                symbol_prefix=form.cleaned_data["symbol_prefix"] or "",
            )
            messages.success(request, _("Body %(body)s created.") % {"body": body.acronym})
            return redirect("staff:bodies:body-list")
    return render(request, "bodies/staff/body_form.html", {"form": form}, status=form_status(form))


def _body(request: HttpRequest, slug: str, permission: str) -> Body:
    body: Body = get_object_or_404(queries.bodies(), slug=slug)
    check_object_permission(request, permission, body)
    return body


@require_permission("bodies.use_staff_pages")
def body_edit(request: HttpRequest, slug: str) -> HttpResponse:
    body = _body(request, slug, "bodies.edit_body")
    form = BodyForm(request.POST or None, initial=body_initial(body), body=body)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.update_body(
                actor=request.user,
                body=body,
                names=form.names(),
                kind=form.cleaned_data["kind"],
                parent=form.cleaned_data["parent"],
                website=form.cleaned_data["website"] or "",
            )
            messages.success(request, _("Body %(body)s saved.") % {"body": body.acronym})
            return redirect("staff:bodies:body-list")
    return render(request, "bodies/staff/body_form.html", {"form": form, "body": body}, status=form_status(form))


@require_permission("bodies.use_staff_pages")
def body_retire(request: HttpRequest, slug: str) -> HttpResponse:
    """A confirmation page (GET) naming what retiring does; the POST retires."""
    body = _body(request, slug, "bodies.retire_body")
    if request.method == "POST":
        with refusal_as_messages(request):
            services.retire_body(actor=request.user, body=body)
            messages.success(request, _("Body %(body)s retired.") % {"body": body.acronym})
        return redirect("staff:bodies:body-list")
    return render(request, "bodies/staff/body_retire.html", {"body": body})


@require_permission("bodies.manage_organizations")
def organization_list(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()[:100]
    organizations = queries.organizations_for_staff()
    if query:
        organizations = organizations.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
    page = Paginator(organizations, 50).get_page(request.GET.get("page"))
    return render(request, "bodies/staff/organization_list.html", {"page": page, "q": query})


@require_permission("bodies.manage_organizations")
def organization_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            organization = services.create_organization(actor=request.user, **form.service_values())
            messages.success(request, _("%(name)s added.") % {"name": organization.name})
            return redirect("staff:bodies:organization-list")
    return render(request, "bodies/staff/organization_form.html", {"form": form}, status=form_status(form))


@require_permission("bodies.manage_organizations")
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    initial = {
        "name": organization.name,
        "short_name": organization.short_name,
        "country": str(organization.country or ""),
        "stakeholder_kind": organization.stakeholder_kind,
    }
    form = OrganizationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.update_organization(actor=request.user, organization=organization, **form.service_values())
            messages.success(request, _("%(name)s saved.") % {"name": form.cleaned_data["name"]})
            return redirect("staff:bodies:organization-list")
    context = {"form": form, "organization": organization}
    return render(request, "bodies/staff/organization_form.html", context, status=form_status(form))


@require_permission("bodies.manage_organizations")
def organization_retire(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    if request.method == "POST":
        with refusal_as_messages(request):
            services.retire_organization(actor=request.user, organization=organization)
            messages.success(request, _("%(name)s retired.") % {"name": organization.name})
        return redirect("staff:bodies:organization-list")
    return render(request, "bodies/staff/organization_retire.html", {"organization": organization})


@require_permission("bodies.manage_organizations")
def organization_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Step one chooses the duplicate; step two names what will move and asks to confirm; then the merge."""
    survivor = get_object_or_404(Organization, pk=pk)
    form = MergeForm(request.POST or None, survivor=survivor)
    if request.method == "POST" and form.is_valid():
        duplicate = form.cleaned_data["duplicate"]
        if form.cleaned_data["confirmed"]:
            with refusal_on_form(form):
                services.merge_organizations(actor=request.user, survivor=survivor, duplicate=duplicate)
                messages.success(
                    request,
                    _("%(duplicate)s was merged into %(survivor)s.")
                    % {"duplicate": duplicate.name, "survivor": survivor.name},
                )
                return redirect("staff:bodies:organization-edit", pk=survivor.pk)
        else:
            context = {"survivor": survivor, "duplicate": duplicate, "references": queries.references_to(duplicate)}
            return render(request, "bodies/staff/organization_merge_confirm.html", context)
    context = {"form": form, "survivor": survivor}
    return render(request, "bodies/staff/organization_merge.html", context, status=form_status(form))
