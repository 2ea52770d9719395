"""Who asks a service for a change: the ``actor`` every service takes (keyword-only) and records in the audit log.

``Actor`` is what a view (``request.user``), an API endpoint (the token's user) or a management command or the
demo (``None``: the system itself) has in hand, so each passes it unchanged. It is a plain union rather than a
Protocol because django-stubs types ``request.user`` as ``User | AnonymousUser`` and the models' ``created_by``
foreign keys as ``User``: a union lets mypy check both without casts. A service that needs a signed-in person
(an API token, a registration) narrows it with ``is_signed_in``; permissions go through ``actor_may``, which
gives the system no permission at all.
"""

from __future__ import annotations

from typing import TypeAlias, TypeGuard

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

Actor: TypeAlias = User | AnonymousUser | None


def is_signed_in(actor: Actor) -> TypeGuard[User]:
    """True for a signed-in person; False for an anonymous visitor and for the system (``None``)."""
    return isinstance(actor, User) and actor.is_authenticated


def signed_in_or_none(actor: Actor) -> User | None:
    """The person to store as ``created_by``/``approved_by``: the actor when signed in, else nobody."""
    return actor if is_signed_in(actor) else None


def actor_may(actor: Actor, permission: str, obj: models.Model | None = None) -> bool:
    """Whether ``actor`` holds the named ``permission`` (rules.py) on ``obj``; the system holds none."""
    return actor is not None and actor.has_perm(permission, obj)
