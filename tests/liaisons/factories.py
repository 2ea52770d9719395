"""Factories for liaison tests: real rows through the real services."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from cwgcop.bodies.enums import BodyKind, RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.liaisons import services
from cwgcop.liaisons.models import LiaisonStatement
from tests.accounts.factories import give_totp
from tests.factories import BodyFactory, UserFactory


@dataclass
class Bodies:
    cwg: Body
    sg2: Body
    sg17: Body


def bodies() -> Bodies:
    """CWG-COP and the two study-group bodies it liaises with."""
    return Bodies(
        cwg=BodyFactory(acronym="CWG-COP", slug="cwg-cop", symbol_prefix="CWG-COP"),
        sg2=BodyFactory(acronym="ITU-D SG2 Q3/2", slug="itu-d-sg2-q3", symbol_prefix="SG2-Q3", kind=BodyKind.QUESTION),
        sg17=BodyFactory(acronym="ITU-T SG17", slug="itu-t-sg17", symbol_prefix="SG17", kind=BodyKind.STUDY_GROUP),
    )


def person(body: Body, kind: RoleKind, username: str, email: str = "", *, totp: bool = True) -> Any:
    """A user with ``kind`` in ``body``; staff roles get an authenticator app, as staff pages require."""
    user = UserFactory(username=username, email=email or f"{username}@example.org")
    Role.objects.get_or_create(user=user, body=body, kind=kind)
    if totp:
        give_totp(user)
    return user


def statement(
    direction: str,
    *,
    sender: Body,
    addressee: Body,
    title: str,
    purpose: str,
    deadline: datetime.date | None = None,
    reply_to: LiaisonStatement | None = None,
    **values: Any,
) -> LiaisonStatement:
    """A statement from ``sender`` to ``addressee`` with an English title, through the service."""
    return services.create_statement(
        actor=None,
        direction=direction,
        purpose=purpose,
        titles={"en": title},
        from_bodies=[sender],
        to_bodies=[addressee],
        deadline=deadline,
        reply_to_id=reply_to.pk if reply_to else None,
        **values,
    )


def incoming(
    *,
    title: str = "Statement from SG2",
    purpose: str = "information",
    sent_on: datetime.date = datetime.date(2024, 9, 16),
    **values: Any,
) -> LiaisonStatement:
    """An incoming statement (``sender``, ``addressee`` and the rest as for :func:`statement`)."""
    return statement("incoming", title=title, purpose=purpose, sent_on=sent_on, **values)


def outgoing(*, title: str = "Reply to SG2", purpose: str = "comment", **values: Any) -> LiaisonStatement:
    """An outgoing draft (``sender``, ``addressee`` and the rest as for :func:`statement`)."""
    return statement("outgoing", title=title, purpose=purpose, **values)


def sent(statement: LiaisonStatement, sent_on: datetime.date = datetime.date(2024, 10, 15)) -> LiaisonStatement:
    services.approve_statement(actor=None, statement=statement)
    return services.send_statement(actor=None, statement=statement, sent_on=sent_on)
