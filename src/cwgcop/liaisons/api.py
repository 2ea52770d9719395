"""``/api/v1/liaisons/`` and ``/api/v1/deliverables/``: read for everyone, write for the secretariat.

Writes need a personal API token (``Authorization: Bearer …``) and the same named permissions as the
secretariat pages; they call the same services, so a refused change answers 400 (bad input) or 409 (the
statement's state does not allow it) with the service's translated message, and writes nothing.
"""

# No `from __future__ import annotations`: django-ninja reads the parameter annotations at import time.
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from cwgcop.accounts.api_auth import api_token_auth, api_user
from cwgcop.accounts.api_auth import require_api_permission as _allow
from cwgcop.bodies.models import Body
from cwgcop.core.api.errors import ApiError, invalid_parameters
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.documents.api import cited_document
from cwgcop.liaisons import queries, schemas, services
from cwgcop.liaisons.filters import RegisterFilter
from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone
from cwgcop.liaisons.rules import StatementSides
from cwgcop.liaisons.schemas import (
    ConsiderIn,
    ContactIn,
    DeliverableIn,
    DeliverableOut,
    LiaisonDetailOut,
    LiaisonIn,
    LiaisonOut,
    LiaisonPatch,
    MeetingRef,
    MilestoneIn,
    MilestoneOut,
    MilestonePatch,
    SendIn,
)
from cwgcop.meetings.models import Meeting

WRITE_RESPONSES: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409), ErrorSchema)

liaisons = Router(tags=["liaisons"])
deliverables = Router(tags=["deliverables"])


def _bodies(refs: Iterable[str]) -> list[Body]:
    found = []
    for ref in refs:
        body = Body.objects.filter(Q(slug=ref.lower()) | Q(acronym=ref)).first()
        if body is None:
            raise ApiError(400, "body_unknown", _("There is no body %(body)s.") % {"body": ref[:80]})
        found.append(body)
    return found


def _meeting(ref: MeetingRef | None) -> Meeting | None:
    if ref is None:
        return None
    meeting = Meeting.objects.select_related("body").filter(
        Q(body__slug=ref.body.lower()) | Q(body__acronym=ref.body), number=ref.number
    )
    found = meeting.first()
    if found is None:
        raise ApiError(
            400,
            "meeting_unknown",
            _("There is no meeting %(number)s of %(body)s.") % {"number": ref.number, "body": ref.body[:80]},
        )
    return found


def _contacts(contacts: list[ContactIn]) -> list[services.Contact]:
    return [services.Contact(name=c.name, email=c.email) for c in contacts]


def _detail(request: HttpRequest, statement: LiaisonStatement) -> dict[str, Any]:
    fresh = queries.any_statement(statement.pk)
    assert fresh is not None
    return schemas.statement_detail_data(request, fresh, queries.thread(fresh, public_only=not fresh.is_public))


def _managed(request: HttpRequest, pk: int, permission: str) -> LiaisonStatement:
    """The statement for a write: 404 when the user may not even see it, 403 when they may not change it."""
    statement = queries.any_statement(pk)
    user = api_user(request)
    if statement is None:
        raise ApiError(404, "not_found", _("There is no liaison statement %(number)s.") % {"number": pk})
    visible = statement.is_public or any(
        user.has_perm(p, statement) for p in ("liaisons.manage_statement", "liaisons.approve_statement")
    )
    if not visible:
        raise ApiError(404, "not_found", _("There is no liaison statement %(number)s.") % {"number": pk})
    _allow(request, permission, statement)
    return statement


class RegisterFilters(Schema):
    direction: str | None = None
    body: str | None = None
    purpose: str | None = None
    state: str | None = None
    year: int | None = None


@liaisons.get(
    "/", response={200: list[LiaisonOut], 400: ErrorSchema}, summary="Liaison statements (public ones), newest first"
)
@paginate(LimitOffsetPagination)
def list_liaisons(request: HttpRequest, filters: Query[RegisterFilters]) -> LazyPage:
    data = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    register = RegisterFilter(data, queryset=queries.public_statements())
    if not register.is_valid():
        raise invalid_parameters(
            (field, str(message)) for field, messages in register.errors.items() for message in messages
        )
    return LazyPage(register.qs, lambda statement: schemas.statement_data(request, statement))


@liaisons.get(
    "/{int:pk}", response={200: LiaisonDetailOut, 404: ErrorSchema}, summary="A liaison statement with its conversation"
)
def get_liaison(request: HttpRequest, pk: int) -> dict[str, Any]:
    statement = queries.public_statement(pk)
    if statement is None:
        raise Http404
    return schemas.statement_detail_data(request, statement, queries.thread(statement))


@liaisons.post("/", auth=api_token_auth, response={201: LiaisonDetailOut, **WRITE_RESPONSES})
def create_liaison(request: HttpRequest, payload: LiaisonIn) -> Any:
    """Record an incoming statement or draft an outgoing one (secretariat)."""

    from_bodies, to_bodies = _bodies(payload.from_bodies), _bodies(payload.to_bodies)
    _allow(request, "liaisons.manage_statement", StatementSides(payload.direction, from_bodies, to_bodies))
    statement = services.create_statement(
        actor=api_user(request),
        direction=payload.direction,
        purpose=payload.purpose,
        titles=payload.titles,
        texts=payload.texts,
        original_language=payload.original_language,
        from_bodies=from_bodies,
        to_bodies=to_bodies,
        reference=payload.reference,
        attachments=[d for d in (cited_document(s) for s in payload.attachments) if d is not None],
        contacts=_contacts(payload.contacts),
        sent_on=payload.sent_on,
        deadline=payload.deadline,
        meeting=_meeting(payload.meeting),
        reply_to_id=payload.reply_to,
    )
    return Status(201, _detail(request, statement))


@liaisons.patch("/{int:pk}", auth=api_token_auth, response={200: LiaisonDetailOut, **WRITE_RESPONSES})
def update_liaison(request: HttpRequest, pk: int, payload: LiaisonPatch) -> Any:
    """Change a statement; fields left out keep their value, ``"deadline": null`` removes the deadline."""

    statement = _managed(request, pk, "liaisons.manage_statement")
    given = payload.model_fields_set
    values: dict[str, Any] = {
        "purpose": payload.purpose,
        "titles": payload.titles,
        "texts": payload.texts,
        "reference": payload.reference,
        "sent_on": payload.sent_on,
        "deadline": payload.deadline,
        "clear_deadline": "deadline" in given and payload.deadline is None,
        "meeting": _meeting(payload.meeting),
    }
    if payload.from_bodies is not None:
        values["from_bodies"] = _bodies(payload.from_bodies)
    if payload.to_bodies is not None:
        values["to_bodies"] = _bodies(payload.to_bodies)
    if "from_bodies" in values or "to_bodies" in values:
        # New bodies must still leave the statement with the caller's side (no writing in another's name).
        sides = StatementSides(
            statement.direction,
            values.get("from_bodies", list(statement.from_bodies.all())),
            values.get("to_bodies", list(statement.to_bodies.all())),
        )
        _allow(request, "liaisons.manage_statement", sides)
    if payload.attachments is not None:
        values["attachments"] = [d for d in (cited_document(s) for s in payload.attachments) if d is not None]
    if payload.contacts is not None:
        values["contacts"] = _contacts(payload.contacts)
    services.update_statement(actor=api_user(request), statement=statement, **values)
    return Status(200, _detail(request, statement))


def _transition(request: HttpRequest, pk: int, permission: str, step: Callable[..., Any], **values: Any) -> Any:
    """Take a step in the statement's life (``step``: its service, given ``values``) and answer the statement."""
    statement = _managed(request, pk, permission)
    step(actor=api_user(request), statement=statement, **values)
    return Status(200, _detail(request, statement))


@liaisons.post("/{int:pk}/approve", auth=api_token_auth, response={200: LiaisonDetailOut, **WRITE_RESPONSES})
def approve_liaison(request: HttpRequest, pk: int) -> Any:
    """The chair approves an outgoing draft."""
    return _transition(request, pk, "liaisons.approve_statement", services.approve_statement)


@liaisons.post("/{int:pk}/send", auth=api_token_auth, response={200: LiaisonDetailOut, **WRITE_RESPONSES})
def send_liaison(request: HttpRequest, pk: int, payload: SendIn) -> Any:
    """Record that an approved outgoing statement was sent (today unless ``sent_on`` says otherwise)."""
    return _transition(request, pk, "liaisons.manage_statement", services.send_statement, sent_on=payload.sent_on)


@liaisons.post("/{int:pk}/consider", auth=api_token_auth, response={200: LiaisonDetailOut, **WRITE_RESPONSES})
def consider_liaison(request: HttpRequest, pk: int, payload: ConsiderIn) -> Any:
    """Record the meeting that considered an incoming statement."""

    statement = _managed(request, pk, "liaisons.manage_statement")
    meeting = _meeting(payload.meeting)
    assert meeting is not None
    services.consider_statement(actor=api_user(request), statement=statement, meeting=meeting)
    return Status(200, _detail(request, statement))


@liaisons.post("/{int:pk}/note", auth=api_token_auth, response={200: LiaisonDetailOut, **WRITE_RESPONSES})
def note_liaison(request: HttpRequest, pk: int) -> Any:
    return _transition(request, pk, "liaisons.manage_statement", services.note_statement)


@liaisons.post("/{int:pk}/answered", auth=api_token_auth, response={200: LiaisonDetailOut, **WRITE_RESPONSES})
def mark_liaison_answered(request: HttpRequest, pk: int) -> Any:
    return _transition(request, pk, "liaisons.manage_statement", services.mark_answered)


@deliverables.get("/", response=list[DeliverableOut], summary="Deliverables with the milestones of their route")
@paginate(LimitOffsetPagination)
def list_deliverables(request: HttpRequest) -> LazyPage:
    return LazyPage(queries.deliverables(), lambda deliverable: schemas.deliverable_data(request, deliverable))


@deliverables.get("/{slug}", response={200: DeliverableOut, 404: ErrorSchema})
def get_deliverable(request: HttpRequest, slug: str) -> dict[str, Any]:
    deliverable = queries.deliverable(slug)
    if deliverable is None:
        raise Http404
    return schemas.deliverable_data(request, deliverable)


def _deliverable_answer(request: HttpRequest, deliverable: Deliverable, status: int = 200) -> Status[dict[str, Any]]:
    fresh = queries.deliverable(deliverable.slug)
    assert fresh is not None
    return Status(status, schemas.deliverable_data(request, fresh))


@deliverables.post("/", auth=api_token_auth, response={201: DeliverableOut, **WRITE_RESPONSES})
def create_deliverable(request: HttpRequest, payload: DeliverableIn) -> Any:
    owner = _bodies([payload.owner])[0]
    _allow(request, "liaisons.manage_deliverable", owner)
    deliverable = services.create_deliverable(
        actor=api_user(request),
        owner=owner,
        titles=payload.titles,
        descriptions=payload.descriptions,
        slug=payload.slug,
    )
    return _deliverable_answer(request, deliverable, 201)


def _managed_deliverable(request: HttpRequest, slug: str) -> Deliverable:
    deliverable = queries.deliverable(slug)
    if deliverable is None:
        raise ApiError(404, "not_found", _("There is no deliverable %(slug)s.") % {"slug": slug[:80]})
    _allow(request, "liaisons.manage_deliverable", deliverable)
    return deliverable


@deliverables.post("/{slug}/milestones", auth=api_token_auth, response={201: DeliverableOut, **WRITE_RESPONSES})
def add_milestone(request: HttpRequest, slug: str, payload: MilestoneIn) -> Any:
    """Append a milestone to the deliverable's route."""

    deliverable = _managed_deliverable(request, slug)
    services.add_milestone(
        actor=api_user(request),
        deliverable=deliverable,
        titles=payload.titles,
        body=_bodies([payload.body])[0],
        meeting=_meeting(payload.meeting),
        due_date=payload.due_date,
        status=payload.status,
        document=cited_document(payload.document),
        achieved_on=payload.achieved_on,
    )
    return _deliverable_answer(request, deliverable, 201)


@deliverables.patch("/{slug}/milestones/{int:pk}", auth=api_token_auth, response={200: MilestoneOut, **WRITE_RESPONSES})
def update_milestone(request: HttpRequest, slug: str, pk: int, payload: MilestonePatch) -> Any:
    """Change a milestone, e.g. ``{"status": "achieved", "document": "CWG-COP-23/5"}``; null clears a value."""

    deliverable = _managed_deliverable(request, slug)
    milestone = next((m for m in deliverable.route() if m.pk == pk), None)
    if milestone is None:
        raise ApiError(404, "not_found", _("There is no such milestone."))
    given = payload.model_fields_set
    values: dict[str, Any] = {"titles": payload.titles, "status": payload.status}
    if payload.body is not None:
        values["body"] = _bodies([payload.body])[0]
    if "meeting" in given:
        values["meeting"] = _meeting(payload.meeting)
    if "document" in given:
        values["document"] = cited_document(payload.document)
    for name in ("due_date", "achieved_on"):
        if name in given:
            values[name] = getattr(payload, name)
    updated = services.update_milestone(actor=api_user(request), milestone=milestone, **values)
    fresh = Milestone.objects.select_related("body", "meeting__body", "document").get(pk=updated.pk)
    return Status(200, schemas.milestone_data(fresh))
