"""The secretariat's pages: write a consultation, open it, hand out group codes, share, write back, archive.

Every page is under the ``staff`` namespace, so sign-in, a staff role and two-factor authentication are checked
before it runs (``accounts.middleware.StaffAccessMiddleware``); each answers 403 to people without its role. None
of them shows what a child wrote: that is the moderation and safeguarding pages' job, and each of their views is
audited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cwgcop.bodies.enums import RoleKind
from cwgcop.consultations import metrics, queries, services
from cwgcop.consultations.forms import ConsultationForm, FeedbackForm, GroupCodeForm, PackageForm, QuestionForm
from cwgcop.consultations.models import Consultation, GroupCode, Question, SharingPackage
from cwgcop.consultations.views import no_store
from cwgcop.core.permissions import check_object_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form


def _consultation(request: HttpRequest, slug: str, permission: str = "consultations.manage") -> Consultation:
    consultation = queries.staff_consultation(slug)
    if consultation is None:
        raise Http404
    check_object_permission(request, permission, consultation)
    return consultation


@require_safe
def consultation_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("consultations.use_staff_pages"):
        raise PermissionDenied
    consultations = list(queries.staff_consultations(request.user))
    # One query for the user's roles, whatever the number of rows (the same rules as rules.py).
    roles = queries.roles_by_body(request.user)
    superuser = bool(request.user.is_superuser)
    rows = []
    for c in consultations:
        kinds = roles.get(c.body_id, set())
        rows.append(
            {
                "consultation": c,
                "manage": superuser or RoleKind.SECRETARIAT in kinds,
                "moderate": superuser or bool(kinds & {RoleKind.SECRETARIAT, RoleKind.MODERATOR}),
                "safeguard": superuser or RoleKind.SAFEGUARDING_LEAD in kinds,
            }
        )
    context = {"rows": rows, "can_create": request.user.has_perm("consultations.create")}
    return no_store(render(request, "consultations/staff/list.html", context))


def _form_page(
    request: HttpRequest, form: ConsultationForm, consultation: Consultation | None, status: int = 200
) -> HttpResponse:
    context = {"form": form, "consultation": consultation, "time_zone": timezone.get_current_timezone_name()}
    return no_store(render(request, "consultations/staff/consultation_form.html", context, status=status))


@require_http_methods(["GET", "POST"])
def consultation_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("consultations.create"):
        raise PermissionDenied
    bodies = queries.staff_bodies(request.user, {RoleKind.SECRETARIAT})
    form = ConsultationForm(request.POST or None, bodies=bodies)
    if request.method == "POST":
        if form.is_valid():
            with refusal_on_form(form):
                consultation = services.create_consultation(actor=request.user, details=form.details())
                messages.success(request, _("Consultation saved as a draft. Now add its questions."))
                return redirect("staff:consultations:manage", slug=consultation.slug)
        return _form_page(request, form, None, status=400)
    return _form_page(request, form, None)


@require_http_methods(["GET", "POST"])
def consultation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug)
    bodies = queries.staff_bodies(request.user, {RoleKind.SECRETARIAT})
    form = ConsultationForm(request.POST or None, bodies=bodies, consultation=consultation)
    if request.method == "POST":
        if form.is_valid():
            with refusal_on_form(form):
                consultation = services.update_consultation(
                    actor=request.user, consultation=consultation, details=form.details()
                )
                messages.success(request, _("Saved."))
                return redirect("staff:consultations:manage", slug=consultation.slug)
        return _form_page(request, form, consultation, status=400)
    return _form_page(request, form, consultation)


def _manage_page(request: HttpRequest, consultation: Consultation, status: int = 200, **extra: Any) -> HttpResponse:
    questions = list(consultation.questions.prefetch_related("choices"))
    context = {
        "consultation": consultation,
        "questions": questions,
        "missing": services.missing_translations(consultation),
        "lead": services.safeguarding_lead(consultation),
        "group_codes": list(queries.group_codes(consultation)),
        "code_form": GroupCodeForm(),
        "can_moderate": request.user.has_perm("consultations.moderate", consultation),
        "can_safeguard": request.user.has_perm("consultations.safeguard", consultation),
        **extra,
    }
    return no_store(render(request, "consultations/staff/manage.html", context, status=status))


@require_safe
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_page(request, _consultation(request, slug))


def _question_page(
    request: HttpRequest, consultation: Consultation, form: QuestionForm, question: Question | None, status: int = 200
) -> HttpResponse:
    context = {"consultation": consultation, "form": form, "question": question}
    return no_store(render(request, "consultations/staff/question_form.html", context, status=status))


@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug)
    form = QuestionForm(request.POST or None, consultation=consultation)
    if request.method == "POST":
        if form.is_valid():
            with refusal_on_form(form):
                services.add_question(actor=request.user, consultation=consultation, **form.service_values())
                messages.success(request, _("Question added."))
                return redirect("staff:consultations:manage", slug=slug)
        return _question_page(request, consultation, form, None, status=400)
    return _question_page(request, consultation, form, None)


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = _consultation(request, slug)
    question = get_object_or_404(Question, pk=pk, consultation=consultation)
    form = QuestionForm(request.POST or None, consultation=consultation, question=question)
    if request.method == "POST":
        if form.is_valid():
            with refusal_on_form(form):
                services.update_question(actor=request.user, question=question, **form.service_values())
                messages.success(request, _("Saved."))
                return redirect("staff:consultations:manage", slug=slug)
        return _question_page(request, consultation, form, question, status=400)
    return _question_page(request, consultation, form, question)


@require_POST
def question_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = _consultation(request, slug)
    question = get_object_or_404(Question, pk=pk, consultation=consultation)
    with refusal_as_messages(request):
        services.delete_question(actor=request.user, question=question)
        messages.success(request, _("Question deleted."))
    return redirect("staff:consultations:manage", slug=slug)


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    published = _("Published: children can take part in the consultation's windows.")
    return _lifecycle_step(request, slug, services.publish, published)


@require_POST
def group_code_create(request: HttpRequest, slug: str) -> HttpResponse:
    """The new code is shown once, on this answer; only its hash is kept."""
    consultation = _consultation(request, slug)
    form = GroupCodeForm(request.POST)
    if form.is_valid():
        with refusal_on_form(form):
            group, code = services.create_group_code(actor=request.user, consultation=consultation, **form.cleaned_data)
            return _manage_page(request, consultation, new_code=code, new_group=group)
    return _manage_page(request, consultation, status=400, code_form=form)


@require_POST
def group_code_deactivate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = _consultation(request, slug)
    group = get_object_or_404(GroupCode, pk=pk, consultation=consultation)
    services.deactivate_group_code(actor=request.user, group=group)
    messages.success(request, _("The code no longer works."))
    return redirect("staff:consultations:manage", slug=slug)


@require_http_methods(["GET", "POST"])
def feedback_edit(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug)
    form = FeedbackForm(request.POST or None, consultation=consultation)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_on_form(form):
                services.publish_feedback(actor=request.user, consultation=consultation, texts=form.texts())
                messages.success(request, _("“You said, we did” is published. Receipt codes now open it."))
                return redirect("staff:consultations:manage", slug=slug)
        status = 400
    context = {"consultation": consultation, "form": form}
    return no_store(render(request, "consultations/staff/feedback_form.html", context, status=status))


@require_POST
def archive(request: HttpRequest, slug: str) -> HttpResponse:
    return _lifecycle_step(request, slug, services.archive, _("Archived."))


def _lifecycle_step(request: HttpRequest, slug: str, step: Callable[..., object], done: str) -> HttpResponse:
    """Move the consultation on in its life (``step`` is the service); a refusal is shown on its manage page."""
    consultation = _consultation(request, slug)
    with refusal_as_messages(request):
        step(actor=request.user, consultation=consultation)
        messages.success(request, done)
    return redirect("staff:consultations:manage", slug=slug)


@require_http_methods(["GET", "POST"])
def packages(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug)
    form = PackageForm(request.POST or None)
    status = 200
    created = None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with refusal_on_form(form):
                created = services.create_package(actor=request.user, consultation=consultation, **form.cleaned_data)
                status = 200
                form = PackageForm()
    context = {
        "consultation": consultation,
        "form": form,
        "packages": list(queries.packages(consultation)),
        "created": created,
        "k": settings.CWGCOP_CONSULTATION_FOCAL_POINT_K,
        "now": timezone.now(),
    }
    return no_store(render(request, "consultations/staff/packages.html", context, status=status))


@require_http_methods(["GET", "POST"])
def package_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Revoke a package's link, in two steps: this page says what will happen, then the button does it."""
    consultation = _consultation(request, slug)
    package = get_object_or_404(SharingPackage, pk=pk, consultation=consultation)
    if request.method == "POST":
        with refusal_as_messages(request):
            services.revoke_package(actor=request.user, package=package)
            messages.success(
                request, _("The link sent to %(recipient)s no longer works.") % {"recipient": package.recipient}
            )
        return redirect("staff:consultations:packages", slug=slug)
    context = {"consultation": consultation, "package": package}
    return no_store(render(request, "consultations/staff/package_revoke.html", context))


@require_safe
def metrics_page(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug, "consultations.view_metrics")
    figures = metrics.metrics(consultation, now=timezone.now())
    breakdowns = [
        (_("By age group"), figures.by_age_band),
        (_("By region"), figures.by_region),
        (_("By language"), figures.by_language),
    ]
    context = {"consultation": consultation, "m": figures, "breakdowns": breakdowns}
    return no_store(render(request, "consultations/staff/metrics.html", context))
