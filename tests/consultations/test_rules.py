"""Every staff endpoint of consultations, for every kind of person; and nothing a child wrote is visible
anywhere (page, API, sharing package) before a moderator approves it.

Anonymous readers are sent to sign in (a form posted anonymously is refused, 403), people without the role get
403. Safeguarding cases are for the safeguarding lead only: not the secretariat, not a moderator unless they are
also a lead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Consultation, GroupCode, SafeguardingCase
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import verify_email
from tests.consultations.factories import (
    approve_text,
    close,
    consultation,
    lead,
    moderator,
    secretariat,
    send_package,
    submit,
)
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db

ALLOWED, FORBIDDEN, SIGN_IN = "allowed", 403, 302


@dataclass
class World:
    consultation: Consultation
    answer: Answer
    case: SafeguardingCase
    group: GroupCode


def _world() -> World:
    found = consultation()
    lead(found, "the-lead")
    waiting = submit(found, text="more helplines please")
    risky = submit(found, text="I want to die")
    group, _code = services.create_group_code(actor=None, consultation=found, label="School")
    return World(
        consultation=found,
        answer=waiting.response.answers.get(question__kind="text"),
        case=SafeguardingCase.objects.get(answer__response=risky.response),
        group=group,
    )


@dataclass
class Endpoint:
    name: str
    method: str
    path: Callable[[World], str]
    roles: set[str]  # who may use it, besides a superuser
    data: dict[str, str] | None = None


def _slug(world: World) -> str:
    return f"/en/staff/consultations/{world.consultation.slug}"


SECRETARIAT = {"secretariat"}
ENDPOINTS = [
    Endpoint("staff list", "get", lambda w: "/en/staff/consultations/", {"secretariat", "moderator", "lead"}),
    Endpoint("create", "get", lambda w: "/en/staff/consultations/new/", SECRETARIAT),
    Endpoint("moderation queue", "get", lambda w: f"{_slug(w)}/moderation/", {"secretariat", "moderator"}),
    Endpoint(
        "moderate",
        "post",
        lambda w: f"{_slug(w)}/moderation/{w.answer.pk}/",
        {"secretariat", "moderator"},
        {"decision": "approve"},
    ),
    Endpoint(
        "escalation page",
        "get",
        lambda w: f"{_slug(w)}/moderation/{w.answer.pk}/escalate/",
        {"secretariat", "moderator", "lead"},
    ),
    Endpoint(
        "escalate",
        "post",
        lambda w: f"{_slug(w)}/moderation/{w.answer.pk}/escalate/",
        {"secretariat", "moderator", "lead"},
        {"reason": "He writes about a man who waits for him after school."},
    ),
    Endpoint("safeguarding queue", "get", lambda w: f"{_slug(w)}/safeguarding/", {"lead"}),
    Endpoint(
        "act on a case",
        "post",
        lambda w: f"{_slug(w)}/safeguarding/{w.case.pk}/",
        {"lead"},
        {"status": "in-progress", "notes": "x"},
    ),
    Endpoint("manage", "get", lambda w: f"{_slug(w)}/", SECRETARIAT),
    Endpoint("edit", "get", lambda w: f"{_slug(w)}/edit/", SECRETARIAT),
    Endpoint("add a question", "get", lambda w: f"{_slug(w)}/questions/new/", SECRETARIAT),
    Endpoint(
        "edit a question",
        "get",
        lambda w: f"{_slug(w)}/questions/{w.consultation.questions.first().pk}/",  # type: ignore[union-attr]
        SECRETARIAT,
    ),
    Endpoint(
        "delete a question",
        "post",
        lambda w: f"{_slug(w)}/questions/{w.consultation.questions.first().pk}/delete/",  # type: ignore[union-attr]
        SECRETARIAT,
    ),
    Endpoint("publish", "post", lambda w: f"{_slug(w)}/publish/", SECRETARIAT),
    Endpoint(
        "create a group code",
        "post",
        lambda w: f"{_slug(w)}/codes/",
        SECRETARIAT,
        {"label": "Club", "facilitator": "Ana Ruiz", "facilitator_contact": "+34 600 000 000"},
    ),
    Endpoint("switch a group code off", "post", lambda w: f"{_slug(w)}/codes/{w.group.pk}/deactivate/", SECRETARIAT),
    Endpoint("feedback form", "get", lambda w: f"{_slug(w)}/feedback/", SECRETARIAT),
    Endpoint("publish feedback", "post", lambda w: f"{_slug(w)}/feedback/", SECRETARIAT, {"feedback_en": "x"}),
    Endpoint("archive", "post", lambda w: f"{_slug(w)}/archive/", SECRETARIAT),
    Endpoint("packages", "get", lambda w: f"{_slug(w)}/packages/", SECRETARIAT),
    Endpoint(
        "create a package",
        "post",
        lambda w: f"{_slug(w)}/packages/",
        SECRETARIAT,
        {"recipient": "GCI", "recipient_kind": "gci-experts", "recipient_email": "g@example.org", "language": "en"},
    ),
    Endpoint("metrics", "get", lambda w: f"{_slug(w)}/metrics/", {"secretariat", "moderator", "lead"}),
]
PEOPLE = ["anonymous", "member", "moderator", "lead", "secretariat", "secretariat elsewhere"]


def _client_for(person: str, world: World) -> Client:
    client = Client()
    found = world.consultation
    if person == "anonymous":
        return client
    if person == "member":
        user = UserFactory(username="member")
        verify_email(user)
    elif person == "moderator":
        user = moderator(found)
    elif person == "lead":
        user = lead(found, "the-lead")
    elif person == "secretariat":
        user = secretariat(found)
    else:
        other = consultation(slug="elsewhere", body=BodyFactory())
        user = secretariat(other, "sec-elsewhere")
    client.force_login(user)
    return client


def _expected(person: str, endpoint: Endpoint) -> object:
    if person == "anonymous":
        return SIGN_IN if endpoint.method == "get" else FORBIDDEN
    if person == "secretariat elsewhere":
        # The list and the creation page serve every secretariat; this body's consultation is not theirs.
        return ALLOWED if endpoint.name in {"staff list", "create"} else FORBIDDEN
    return ALLOWED if person in endpoint.roles else FORBIDDEN


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])
def test_every_staff_endpoint_answers_each_person_as_it_should(endpoint: Endpoint) -> None:
    world = _world()
    # Everyone refused first, then a check that nothing changed, then the people allowed.
    order = sorted(PEOPLE, key=lambda person: _expected(person, endpoint) == ALLOWED)
    checked = False
    for person in order:
        expected = _expected(person, endpoint)
        if expected == ALLOWED and not checked:
            _nothing_changed(world)
            checked = True
        client = _client_for(person, world)
        response = getattr(client, endpoint.method)(endpoint.path(world), endpoint.data or {})
        if expected == ALLOWED:
            assert response.status_code not in {403, 404}, (person, response.status_code)
        else:
            assert response.status_code == expected, (person, response.status_code)
            if expected == SIGN_IN:
                assert response["Location"] == f"/en/account/login/?next={endpoint.path(world)}"


def _nothing_changed(world: World) -> None:
    assert Answer.objects.get(pk=world.answer.pk).moderation == "pending"
    assert SafeguardingCase.objects.get(pk=world.case.pk).first_action_at is None
    assert SafeguardingCase.objects.count() == 1  # nobody escalated
    assert GroupCode.objects.get(pk=world.group.pk).active is True
    assert world.consultation.questions.count() == 3
    assert Consultation.objects.get(pk=world.consultation.pk).archived_at is None
    assert AuditEntry.objects.filter(actor__isnull=False).count() == 0


def test_a_moderator_who_is_also_the_lead_sees_the_cases() -> None:
    world = _world()
    user = moderator(world.consultation)
    Role.objects.create(user=user, body=world.consultation.body, kind=RoleKind.SAFEGUARDING_LEAD)
    client = Client()
    client.force_login(user)
    page = client.get(f"{_slug(world)}/safeguarding/")
    assert page.status_code == 200
    assert "I want to die" in page.content.decode()
    assert AuditEntry.objects.filter(action="consultation.view_cases", actor=user).count() == 1


def test_the_moderation_queue_never_shows_an_answer_held_for_safeguarding() -> None:
    world = _world()
    client = Client()
    client.force_login(moderator(world.consultation))
    page = client.get(f"{_slug(world)}/moderation/").content.decode()
    assert "more helplines please" in page
    assert "I want to die" not in page


def test_staff_without_two_factor_authentication_are_sent_to_set_it_up_first() -> None:
    world = _world()
    from tests.consultations.factories import staff

    user = staff(world.consultation, RoleKind.SAFEGUARDING_LEAD, "new-lead", totp=False)
    client = Client()
    client.force_login(user)
    response = client.get(f"{_slug(world)}/safeguarding/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/2fa/totp/activate/"
    refused = client.post(f"{_slug(world)}/safeguarding/{world.case.pk}/", {"status": "closed"})
    assert refused.status_code == 403
    assert SafeguardingCase.objects.get(pk=world.case.pk).status == "open"


MARK = "UNSEEN-WORDS about helplines"


def _everywhere(client: Client, found: Consultation, package_paths: list[str]) -> dict[str, str]:
    slug = found.slug
    places = {
        "index": "/en/consult/",
        "take part": f"/en/consult/{slug}/",
        "results": f"/en/consult/{slug}/results/",
        "feedback": f"/en/consult/{slug}/feedback/",
        "API list": "/api/v1/consultations/",
        "API detail": f"/api/v1/consultations/{slug}",
        "API results": f"/api/v1/consultations/{slug}/results",
    }
    for number, path in enumerate(package_paths):
        for fmt in ("", "json/", "csv/"):
            places[f"package {number} {fmt.rstrip('/') or 'html'}"] = path + fmt
    return {name: client.get(path).content.decode() for name, path in places.items()}


def test_nothing_a_child_wrote_is_visible_anywhere_until_a_moderator_approves_it() -> None:
    found = consultation()
    for _ in range(11):
        submit(found)
    submitted = submit(found, text=MARK)
    close(found)
    _package, before = send_package(found)
    client = Client()
    before_path = before.removeprefix("http://127.0.0.1:8000")
    for place, text in _everywhere(client, found, [before_path]).items():
        assert "UNSEEN-WORDS" not in text, place
    staff_client = Client()
    staff_client.force_login(secretariat(found))
    for path in (
        "/en/staff/consultations/",
        f"/en/staff/consultations/{found.slug}/",
        f"/en/staff/consultations/{found.slug}/metrics/",
    ):
        assert "UNSEEN-WORDS" not in staff_client.get(path).content.decode(), path
    approve_text(submitted)
    _package, after = send_package(found)
    seen = _everywhere(client, found, [before_path, after.removeprefix("http://127.0.0.1:8000")])
    assert {place for place, text in seen.items() if "UNSEEN-WORDS" in text} == {
        "results",
        "API results",
        "package 1 html",
        "package 1 json",
    }
