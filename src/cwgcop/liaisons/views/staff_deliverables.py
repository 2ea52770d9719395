"""Secretariat pages for deliverables and their milestones."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cwgcop.core import audit
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_on_form
from cwgcop.core.translated_forms import translated_initial
from cwgcop.liaisons import queries, services
from cwgcop.liaisons.forms import DeliverableForm, MilestoneForm
from cwgcop.liaisons.models import Deliverable, Milestone

DESK = "liaisons.use_liaison_desk"


def _deliverable(request: HttpRequest, slug: str) -> Deliverable:
    deliverable = queries.deliverable(slug)
    if deliverable is None:
        raise Http404
    check_object_permission(request, "liaisons.manage_deliverable", deliverable)
    return deliverable


@require_permission(DESK)
def deliverable_create(request: HttpRequest) -> HttpResponse:
    form = DeliverableForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check_object_permission(request, "liaisons.manage_deliverable", form.cleaned_data["owner"])
        with refusal_on_form(form):
            deliverable = services.create_deliverable(
                actor=request.user,
                owner=form.cleaned_data["owner"],
                titles=form.translations("title"),
                descriptions=form.translations("description"),
                slug=form.cleaned_data["slug"],
            )
            messages.success(request, _("Deliverable created: now add the milestones of its route."))
            return redirect("staff:liaisons:deliverable", slug=deliverable.slug)
    return render(request, "liaisons/staff/deliverable_form.html", {"form": form}, status=400 if form.errors else 200)


# The deliverable's page holds its own form and the milestone form, which share field names: distinct ids.
MILESTONE_IDS = "milestone_%s"


def _manage_page(
    request: HttpRequest,
    deliverable: Deliverable,
    *,
    form: DeliverableForm | None = None,
    milestone_form: MilestoneForm | None = None,
) -> HttpResponse:
    initial = {"owner": deliverable.owner, **translated_initial(deliverable, "title", "description")}
    return render(
        request,
        "liaisons/staff/deliverable_manage.html",
        {
            "deliverable": deliverable,
            "form": form or DeliverableForm(initial=initial, editing=True),
            "milestone_form": milestone_form
            or MilestoneForm(initial={"body": deliverable.owner}, auto_id=MILESTONE_IDS),
            "history": audit.history(deliverable)[:30],
        },
        status=400 if form or milestone_form else 200,
    )


@require_permission(DESK)
def deliverable_manage(request: HttpRequest, slug: str) -> HttpResponse:
    deliverable = _deliverable(request, slug)
    if request.method != "POST":
        return _manage_page(request, deliverable)
    form = DeliverableForm(request.POST, editing=True)
    if form.is_valid():
        with refusal_on_form(form):
            services.update_deliverable(
                actor=request.user,
                deliverable=deliverable,
                owner=form.cleaned_data["owner"],
                titles=form.translations("title"),
                descriptions=form.translations("description"),
            )
            messages.success(request, _("Deliverable saved."))
            return redirect("staff:liaisons:deliverable", slug=deliverable.slug)
    return _manage_page(request, deliverable, form=form)


@require_permission(DESK)
def milestone_add(request: HttpRequest, slug: str) -> HttpResponse:
    deliverable = _deliverable(request, slug)
    form = MilestoneForm(request.POST or None, auto_id=MILESTONE_IDS)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.add_milestone(actor=request.user, deliverable=deliverable, **form.service_values())
            messages.success(request, _("Milestone added."))
            return redirect("staff:liaisons:deliverable", slug=deliverable.slug)
    if request.method != "POST":
        return redirect("staff:liaisons:deliverable", slug=deliverable.slug)
    return _manage_page(request, deliverable, milestone_form=form)


@require_permission(DESK)
def milestone_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    deliverable = _deliverable(request, slug)
    milestone = next((m for m in deliverable.route() if m.pk == pk), None)
    if milestone is None:
        raise Http404
    form = MilestoneForm(request.POST or None, initial=_milestone_initial(milestone))
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.update_milestone(actor=request.user, milestone=milestone, **form.service_values())
            messages.success(request, _("Milestone saved."))
            return redirect("staff:liaisons:deliverable", slug=deliverable.slug)
    return render(
        request,
        "liaisons/staff/milestone_form.html",
        {"form": form, "deliverable": deliverable, "milestone": milestone},
        status=400 if form.errors else 200,
    )


def _milestone_initial(milestone: Milestone) -> dict[str, object]:
    return {
        "body": milestone.body,
        "meeting": milestone.meeting,
        "due_date": milestone.due_date,
        "status": milestone.status,
        "document": milestone.document.symbol if milestone.document else "",
        "achieved_on": milestone.achieved_on,
        **translated_initial(milestone, "title"),
    }
