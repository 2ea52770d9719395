"""Secretariat (and chair) pages for liaison statements: thin views that check a permission and call a service."""

from __future__ import annotations

from typing import Any, Protocol

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_on_form
from cwgcop.documents.rows import rows_of
from cwgcop.liaisons import queries, services
from cwgcop.liaisons.enums import Direction, LiaisonState
from cwgcop.liaisons.forms import ConsiderForm, SendForm, StatementForm, statement_initial
from cwgcop.liaisons.models import LiaisonStatement
from cwgcop.liaisons.rules import StatementSides

DESK = "liaisons.use_liaison_desk"


def _statement(request: HttpRequest, pk: int, permission: str | None = "liaisons.manage_statement") -> LiaisonStatement:
    statement = queries.any_statement(pk)
    if statement is None:
        raise Http404
    if permission is not None:
        check_object_permission(request, permission, statement)
    elif not (
        request.user.has_perm("liaisons.manage_statement", statement)
        or request.user.has_perm("liaisons.approve_statement", statement)
    ):
        raise PermissionDenied
    return statement


@require_permission(DESK)
def desk(request: HttpRequest) -> HttpResponse:
    statements = queries.staff_statements()
    return render(
        request,
        "liaisons/staff/desk.html",
        {
            "awaiting_approval": list(statements.filter(state=LiaisonState.DRAFT)[:50]),
            "approved": list(statements.filter(state=LiaisonState.APPROVED)[:50]),
            "deadlines": list(queries.deadlines()),
            "days": queries.reminder_days(),
            "recent": list(statements[:30]),
            "deliverables": list(queries.deliverables()),
        },
    )


@require_permission(DESK)
def deadlines(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "liaisons/staff/deadlines.html",
        {"deadlines": list(queries.deadlines()), "days": queries.reminder_days()},
    )


@require_permission(DESK)
def statement_create(request: HttpRequest, direction: str) -> HttpResponse:
    if direction not in Direction.values:
        raise Http404
    initial: dict[str, Any] = {}
    reply_to = request.GET.get("reply_to", "")
    if reply_to.isdigit():
        initial = _reply_initial(int(reply_to))
    form = StatementForm(request.POST or None, direction=direction, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = form.service_values()
        sides = StatementSides(direction, values["from_bodies"], values["to_bodies"])
        check_object_permission(request, "liaisons.manage_statement", sides)
        with refusal_on_form(form):
            statement = services.create_statement(
                actor=request.user,
                direction=direction,
                original_language=form.cleaned_data["original_language"],
                reply_to_id=form.cleaned_data["reply_to"],
                **values,
            )
            messages.success(request, _("Liaison statement %(number)s saved.") % {"number": statement.pk})
            return redirect("staff:liaisons:manage", pk=statement.pk)
    return render(
        request,
        "liaisons/staff/statement_form.html",
        {"form": form, "direction": Direction(direction)},
        status=form_status(form),
    )


def _reply_initial(pk: int) -> dict[str, Any]:
    """A reply goes back the way the statement came: its senders become the addressees."""
    original = LiaisonStatement.objects.filter(pk=pk).prefetch_related("from_bodies", "to_bodies").first()
    if original is None:
        return {"reply_to": pk}
    return {
        "reply_to": pk,
        "from_bodies": list(original.to_bodies.all()),
        "to_bodies": list(original.from_bodies.all()),
    }


@require_permission(DESK)
def statement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    statement = _statement(request, pk)
    form = StatementForm(
        request.POST or None, direction=statement.direction, editing=True, initial=statement_initial(statement)
    )
    if request.method == "POST" and form.is_valid():
        values = form.service_values()
        sides = StatementSides(statement.direction, values["from_bodies"], values["to_bodies"])
        check_object_permission(request, "liaisons.manage_statement", sides)
        with refusal_on_form(form):
            services.update_statement(
                actor=request.user, statement=statement, clear_deadline=values["deadline"] is None, **values
            )
            messages.success(request, _("Liaison statement %(number)s saved.") % {"number": statement.pk})
            return redirect("staff:liaisons:manage", pk=statement.pk)
    return render(
        request,
        "liaisons/staff/statement_form.html",
        {"form": form, "statement": statement, "direction": Direction(statement.direction)},
        status=form_status(form),
    )


def _manage_page(request: HttpRequest, statement: LiaisonStatement, status: int = 200, **forms: Any) -> HttpResponse:
    user = request.user
    context = {
        "statement": statement,
        "attachments": rows_of(statement.attachments.all()),
        "thread": queries.thread(statement, public_only=False),
        "consider_form": ConsiderForm(),
        "send_form": SendForm(),
        "can_manage": user.has_perm("liaisons.manage_statement", statement),
        "can_approve": user.has_perm("liaisons.approve_statement", statement),
        "history": audit.history(statement)[:50],
    }
    context.update(forms)
    return render(request, "liaisons/staff/statement_manage.html", context, status=status)


@require_permission(DESK)
def statement_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _manage_page(request, _statement(request, pk, permission=None))


class _Transition(Protocol):
    def __call__(self, *, actor: Actor, statement: LiaisonStatement) -> object: ...


def _transition(
    request: HttpRequest, pk: int, change: _Transition, done: str, permission: str = "liaisons.manage_statement"
) -> HttpResponse:
    """Move the statement on by one step of its life (a button on the manage page) and go back to that page."""
    statement = _statement(request, pk, permission)
    with refusal_as_messages(request):
        change(actor=request.user, statement=statement)
        messages.success(request, done)
    return redirect("staff:liaisons:manage", pk=statement.pk)


@require_POST
@require_permission(DESK)
def statement_approve(request: HttpRequest, pk: int) -> HttpResponse:
    done = _("Approved: the secretariat can now send it.")
    return _transition(request, pk, services.approve_statement, done, permission="liaisons.approve_statement")


@require_POST
@require_permission(DESK)
def statement_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.return_to_draft, _("Back to draft: it needs the chair's approval again."))


@require_POST
@require_permission(DESK)
def statement_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.note_statement, _("Noted."))


@require_POST
@require_permission(DESK)
def statement_answered(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, services.mark_answered, _("Marked as answered."))


def _recorded_with_form(
    request: HttpRequest, pk: int, form_class: type[ConsiderForm] | type[SendForm], record: Any, said: str, *, form: str
) -> HttpResponse:
    """A step recorded with what its small form on the statement's page gives (the meeting, the day sent)."""
    statement = _statement(request, pk)
    bound = form_class(request.POST)
    if bound.is_valid():
        with refusal_on_form(bound):
            record(actor=request.user, statement=statement, **bound.cleaned_data)
            messages.success(request, said)
            return redirect("staff:liaisons:manage", pk=statement.pk)
    return _manage_page(request, statement, status=400, **{form: bound})


@require_POST
@require_permission(DESK)
def statement_consider(request: HttpRequest, pk: int) -> HttpResponse:
    said = _("Recorded as considered.")
    return _recorded_with_form(request, pk, ConsiderForm, services.consider_statement, said, form="consider_form")


@require_POST
@require_permission(DESK)
def statement_send(request: HttpRequest, pk: int) -> HttpResponse:
    said = _("Recorded as sent: the statement is now public.")
    return _recorded_with_form(request, pk, SendForm, services.send_statement, said, form="send_form")
