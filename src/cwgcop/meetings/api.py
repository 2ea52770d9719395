"""The meetings part of the API: reading meetings (anyone), registering for a meeting (any signed-up person,
with a token), recording outcomes and action items (the body's secretariat), and reading outcomes and action
items (anyone).

Every write endpoint checks a named permission and calls the same service as the web pages. An object a
person may not see answers 404; a permission a person lacks on an object they can see answers 403.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from cwgcop.accounts.api_auth import api_token_auth, api_user, require_api_permission
from cwgcop.bodies.api import body_or_404
from cwgcop.bodies.models import Body, Organization
from cwgcop.core.api.errors import NotFoundError
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.core.errors import DomainError
from cwgcop.meetings import queries
from cwgcop.meetings import services as meeting_services
from cwgcop.meetings.citations import published_by_symbol
from cwgcop.meetings.models import ActionItem, CarriedAction, Meeting, Outcome, Registration
from cwgcop.meetings.schemas import (
    ActionCloseIn,
    ActionItemIn,
    ActionItemOut,
    MeetingChange,
    MeetingFilters,
    MeetingIn,
    MeetingSchema,
    MeetingStatusIn,
    OfficerIn,
    OutcomeIn,
    OutcomeOut,
    RegistrationIn,
    RegistrationOut,
    meeting_data,
)
from cwgcop.meetings.services import actions as action_services
from cwgcop.meetings.services import outcomes as outcome_services
from cwgcop.meetings.services import registration as registration_services

# The operation ids of the meetings' public endpoints are part of the published API (clients generate code from
# them): they keep the names they had before the router moved here from the old `cwgcop.api` package.
meetings = Router(tags=["meetings"])
registrations = Router(tags=["registrations"], auth=api_token_auth)
outcomes = Router(tags=["outcomes"])
action_items = Router(tags=["action items"])


def _meeting(body: str, number: int) -> Meeting:
    meeting = queries.meeting(body.lower(), number)
    if meeting is None:
        raise Http404
    return meeting


def _organization(pk: int | None) -> Organization | None:
    """The organisation a payload names by id (None when it names none); an unknown id is refused."""
    if pk is None:
        return None
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise DomainError(_("No organisation with this id."), code="organization_unknown")
    return organization


def _bodies(acronyms: list[str]) -> list[Body]:
    found = {b.acronym: b for b in Body.objects.filter(acronym__in=acronyms)}
    missing = [a for a in acronyms if a not in found]
    if missing:
        raise DomainError(_("No body %(acronyms)s.") % {"acronyms": ", ".join(missing)}, code="body_unknown")
    return [found[a] for a in acronyms]


# --- Registrations (token required; a person sees only their own) ---------------------------------------------


def _own_registrations(request: HttpRequest) -> QuerySet[Registration]:
    return Registration.objects.filter(user=api_user(request)).select_related("meeting", "meeting__body")


@registrations.post("/", response={201: RegistrationOut}, summary="Register for a meeting")
def register(request: HttpRequest, payload: RegistrationIn) -> Status[Registration]:
    meeting = _meeting(payload.body, payload.number)
    user = require_api_permission(request, "meetings.register_for_meeting", meeting)
    registration = registration_services.register_for_meeting(
        actor=user,
        meeting=meeting,
        mode=payload.mode,
        organization_name=payload.organization,
        country=payload.country,
        stakeholder_kind=payload.stakeholder_kind,
        accessibility_needs=payload.accessibility_needs,
    )
    return Status(201, _own_registrations(request).get(pk=registration.pk))


@registrations.get("/", response=list[RegistrationOut], summary="Your registrations")
def list_registrations(request: HttpRequest) -> QuerySet[Registration]:
    return _own_registrations(request).order_by("-created_at")


def _registration(request: HttpRequest, pk: int) -> Registration:
    registration = Registration.objects.select_related("meeting", "meeting__body").filter(pk=pk).first()
    if registration is None or not api_user(request).has_perm("meetings.view_registration", registration):
        raise Http404
    return registration


@registrations.get("/{registration_id}", response=RegistrationOut, summary="One of your registrations")
def get_registration(request: HttpRequest, registration_id: int) -> Registration:
    return _registration(request, registration_id)


@registrations.post("/{registration_id}/cancel", response=RegistrationOut, summary="Cancel a registration")
def cancel_registration(request: HttpRequest, registration_id: int) -> Registration:
    registration = _registration(request, registration_id)
    user = require_api_permission(request, "meetings.cancel_registration", registration)
    registration_services.cancel_registration(actor=user, registration=registration)
    return _registration(request, registration_id)


# --- Outcomes (read: anyone; write: the body's secretariat) -----------------------------------------------------


class OutcomeFilters(Schema):
    body: str
    number: int


def _outcome(pk: int) -> Outcome:
    outcome = queries.outcomes_with_links().filter(pk=pk).first()
    if outcome is None:
        raise Http404
    return outcome


@outcomes.get("/", response=list[OutcomeOut], summary="A meeting's outcomes, in order")
def list_outcomes(request: HttpRequest, filters: Query[OutcomeFilters]) -> list[Outcome]:
    return list(queries.outcomes(_meeting(filters.body, filters.number)))


@outcomes.get("/{outcome_id}", response=OutcomeOut, summary="One outcome")
def get_outcome(request: HttpRequest, outcome_id: int) -> Outcome:
    return _outcome(outcome_id)


@outcomes.post("/", response={201: OutcomeOut}, auth=api_token_auth, summary="Record an outcome (secretariat)")
def record_outcome(request: HttpRequest, payload: OutcomeIn) -> Status[Outcome]:
    meeting = _meeting(payload.body, payload.number)
    user = require_api_permission(request, "meetings.record_outcomes", meeting)
    outcome = outcome_services.record_outcome(
        actor=user,
        meeting=meeting,
        kind=payload.kind,
        texts=payload.texts,
        documents=published_by_symbol(payload.documents),
        bodies=_bodies(payload.bodies),
        position=payload.position,
    )
    return Status(201, _outcome(outcome.pk))


# --- Action items (read: anyone; write: the body's secretariat) -------------------------------------------------


class ActionFilters(Schema):
    body: str | None = None
    raised_at: int | None = None
    status: str | None = None
    owner: str | None = None


def _with_carried(queryset: QuerySet[ActionItem]) -> QuerySet[ActionItem]:
    return queryset.prefetch_related(
        Prefetch("carried_to", queryset=CarriedAction.objects.select_related("meeting", "meeting__body"))
    )


def _action(pk: int) -> ActionItem:
    item = _with_carried(queries.action_items()).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


@action_items.get("/", response=list[ActionItemOut], summary="The action register")
@paginate(LimitOffsetPagination)
def list_action_items(request: HttpRequest, filters: Query[ActionFilters]) -> QuerySet[ActionItem]:
    queryset = _with_carried(queries.action_register())
    if filters.body:
        queryset = queryset.filter(meeting__body__slug=filters.body.lower())
    if filters.raised_at:
        queryset = queryset.filter(meeting__number=filters.raised_at)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.owner:
        queryset = queryset.filter(owner_kind=filters.owner)
    return queryset


@action_items.get("/{item_id}", response=ActionItemOut, summary="One action item")
def get_action_item(request: HttpRequest, item_id: int) -> ActionItem:
    return _action(item_id)


@action_items.post(
    "/",
    response={201: ActionItemOut},
    auth=api_token_auth,
    summary="Raise an action item from an outcome (secretariat)",
)
def raise_action_item(request: HttpRequest, payload: ActionItemIn) -> Status[ActionItem]:
    outcome = _outcome(payload.outcome)
    user = require_api_permission(request, "meetings.manage_actions", outcome)
    item = action_services.raise_action_item(
        actor=user,
        outcome=outcome,
        descriptions=payload.descriptions,
        owner_kind=payload.owner_kind,
        owner_organization=_organization(payload.owner_organization),
        owner_body=_bodies([payload.owner_body])[0] if payload.owner_body else None,
        due_date=payload.due_date,
    )
    return Status(201, _action(item.pk))


@action_items.post("/{item_id}/close", response=ActionItemOut, auth=api_token_auth, summary="Close an action item")
def close_action_item(request: HttpRequest, item_id: int, payload: ActionCloseIn) -> ActionItem:
    item = _action(item_id)
    user = require_api_permission(request, "meetings.manage_actions", item)
    evidence_outcome = None
    if payload.evidence_outcome is not None:
        evidence_outcome = Outcome.objects.select_related("meeting").filter(pk=payload.evidence_outcome).first()
        if evidence_outcome is None:
            raise DomainError(_("No outcome with this id."), code="outcome_unknown")
    action_services.close_action_item(
        actor=user,
        item=item,
        status=payload.status,
        evidence_document=published_by_symbol([payload.evidence_document])[0] if payload.evidence_document else None,
        evidence_outcome=evidence_outcome,
        note=payload.note,
    )
    return _action(item_id)


@meetings.get(
    "/",
    response={200: list[MeetingSchema], 400: ErrorSchema},
    summary="List meetings",
    operation_id="cwgcop_api_meetings_list_meetings",
)
@paginate(LimitOffsetPagination)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilters]) -> LazyPage:
    """Meetings, newest first."""
    queryset = queries.public_meetings().prefetch_related(queries.officers())
    if filters.body:
        queryset = queryset.filter(body__slug=filters.body.lower())
    if filters.year:
        queryset = queryset.filter(start_date__year=filters.year)
    return LazyPage(queryset, lambda meeting: meeting_data(request, meeting))


@meetings.get(
    "/{body}/{number}",
    response={200: MeetingSchema, 404: ErrorSchema},
    summary="One meeting",
    operation_id="cwgcop_api_meetings_get_meeting",
)
def get_meeting(request: HttpRequest, body: str, number: int) -> dict[str, Any]:
    """The ``number``-th meeting of the body whose slug is ``body``: ``/meetings/cwg-cop/21``."""
    meeting = queries.meeting_with_officers(body, number)
    if meeting is None:
        raise NotFoundError(_("There is no meeting %(number)s of “%(body)s”.") % {"number": number, "body": body[:80]})
    return meeting_data(request, meeting)


# --- Creating and changing meetings (the body's secretariat) ------------------------------------------------


def _officers(entries: list[OfficerIn]) -> list[meeting_services.Officer]:
    officers = []
    for entry in entries:
        user = None
        if entry.email.strip():
            user = get_user_model().objects.filter(email__iexact=entry.email.strip(), is_active=True).first()
            if user is None:
                raise DomainError(
                    _("No account has the e-mail address %(email)s; give the officer's name instead.")
                    % {"email": entry.email.strip()[:200]},
                    code="officer_unknown",
                )
        officers.append(
            meeting_services.Officer(
                role=entry.role,
                user=user,
                name=entry.name,
                country=entry.country,
                organization=_organization(entry.organization),
            )
        )
    return officers


def _fresh(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    return meeting_data(request, queries.meeting_with_officers(meeting.body.slug, meeting.number))  # type: ignore[arg-type]


@meetings.post(
    "/",
    response={201: MeetingSchema},
    auth=api_token_auth,
    summary="Create a meeting (secretariat)",
    operation_id="cwgcop_api_meetings_create_meeting",
)
@transaction.atomic
def create_meeting(request: HttpRequest, payload: MeetingIn) -> Status[dict[str, Any]]:
    """The meeting and its officers are written together or not at all."""
    body = body_or_404(payload.body)
    user = require_api_permission(request, "bodies.manage_body", body)
    meeting = meeting_services.create_meeting(
        actor=user,
        body=body,
        number=payload.number,
        start_date=payload.start_date,
        end_date=payload.end_date,
        venues=payload.venues,
        themes=payload.themes,
        summaries=payload.summaries,
        format=payload.format,
        remote_link=payload.remote_link,
        remote_link_private=payload.remote_link_private,
        registration_deadline=payload.registration_deadline,
        contribution_deadline=payload.contribution_deadline,
        status=payload.status,
    )
    if payload.officers:
        meeting_services.set_meeting_officers(actor=user, meeting=meeting, officers=_officers(payload.officers))
    return Status(201, _fresh(request, meeting))


def _managed(request: HttpRequest, body: str, number: int, permission: str) -> tuple[Meeting, Any]:
    meeting = queries.meeting(body.lower(), number)
    if meeting is None:
        raise NotFoundError(_("There is no meeting %(number)s of “%(body)s”.") % {"number": number, "body": body[:80]})
    return meeting, require_api_permission(request, permission, meeting)


@meetings.patch(
    "/{body}/{number}",
    response={200: MeetingSchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Change a meeting (secretariat)",
    operation_id="cwgcop_api_meetings_update_meeting",
)
def update_meeting(request: HttpRequest, body: str, number: int, payload: MeetingChange) -> dict[str, Any]:
    """Only the fields given change. The number and the body never change."""
    meeting, user = _managed(request, body, number, "meetings.manage_meeting")
    given = payload.dict(exclude_unset=True)
    texts = {name: given.pop(name) for name in ("venues", "themes", "summaries") if name in given}
    meeting_services.update_meeting(actor=user, meeting=meeting, **texts, **given)
    return _fresh(request, meeting)


@meetings.post(
    "/{body}/{number}/status",
    response={200: MeetingSchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Change a meeting's status (secretariat)",
    operation_id="cwgcop_api_meetings_change_status",
)
def change_status(request: HttpRequest, body: str, number: int, payload: MeetingStatusIn) -> dict[str, Any]:
    meeting, user = _managed(request, body, number, "meetings.manage_meeting")
    meeting_services.change_meeting_status(actor=user, meeting=meeting, status=payload.status)
    return _fresh(request, meeting)


@meetings.put(
    "/{body}/{number}/officers",
    response={200: MeetingSchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Set a meeting's chair and vice-chairs (secretariat)",
    operation_id="cwgcop_api_meetings_set_officers",
)
def set_officers(request: HttpRequest, body: str, number: int, payload: list[OfficerIn]) -> dict[str, Any]:
    """The list replaces the officers the meeting had; an empty list removes them all."""
    meeting, user = _managed(request, body, number, "meetings.manage_officers")
    meeting_services.set_meeting_officers(actor=user, meeting=meeting, officers=_officers(payload))
    return _fresh(request, meeting)
