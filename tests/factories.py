"""Factories for tests: real rows through the real services where a service owns the write."""

from __future__ import annotations

import datetime
import io
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.test import Client

from cwgcop.bodies.enums import BodyKind, RoleKind, StakeholderKind
from cwgcop.bodies.models import Body, Organization, Role
from cwgcop.demo import files
from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.save()


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("acronym",)

    acronym = factory.Sequence(lambda n: f"WG-{n}")
    slug = factory.LazyAttribute(lambda b: b.acronym.lower())
    symbol_prefix = factory.LazyAttribute(lambda b: b.acronym.upper())
    kind = BodyKind.COUNCIL_WORKING_GROUP
    name = factory.LazyAttribute(lambda b: f"Working group {b.acronym}")
    name_en = factory.LazyAttribute(lambda b: f"Working group {b.acronym}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "CH"
    stakeholder_kind = StakeholderKind.MEMBER_STATE


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    number = factory.Sequence(lambda n: n + 1)
    start_date = datetime.date(2024, 9, 30)
    end_date = datetime.date(2024, 10, 1)
    venue = "Geneva"
    venue_en = "Geneva"
    format = "hybrid"
    status = "held"


def held_meeting(
    body: Body, number: int, start: str, end: str | None = None, *, venue: str = "Geneva", **fields: Any
) -> Meeting:
    """Meeting ``number`` of ``body``, held from ``start`` to ``end`` (ISO dates; one day when ``end`` is left
    out) at ``venue`` (its English name): the facts a Council report states about a meeting. ``fields`` sets the
    rest (``format``, ``participants_total``, ``venue_ar`` …)."""
    return MeetingFactory(
        body=body,
        number=number,
        start_date=datetime.date.fromisoformat(start),
        end_date=datetime.date.fromisoformat(end or start),
        venue=venue,
        venue_en=venue,
        **fields,
    )


def secretariat(body: Body, username: str = "sec") -> Any:
    """A secretariat member of ``body`` as they really are: verified e-mail and an authenticator app
    (staff pages refuse staff without two-factor authentication; see cwgcop.accounts.middleware)."""
    from tests.accounts.factories import give_totp, verify_email

    user = UserFactory(username=username)
    Role.objects.get_or_create(user=user, body=body, kind=RoleKind.SECRETARIAT)
    verify_email(user)
    give_totp(user)
    return user


def signed_in(user: Any) -> Client:
    """A test client with ``user`` signed in (for a test that needs several people's clients at once)."""
    client = Client()
    client.force_login(user)
    return client


def member(username: str = "member") -> Any:
    """A signed-up person with a verified e-mail address and no role (anyone may submit contributions)."""
    from tests.accounts.factories import verify_email

    user = UserFactory(username=username)
    verify_email(user)
    return user


def pdf_bytes(text: str = "Hello", language: str = "en") -> bytes:
    return files.make_pdf(symbol="TEST", title=text, paragraphs=[text], language=language)


def docx_bytes(text: str = "Hello") -> bytes:
    return files.make_docx(symbol="TEST", title=text, paragraphs=[text])


def upload(document: Document, language: str, content: bytes | None = None, name: str | None = None) -> None:
    """Attach a PDF (or ``content``) in ``language`` to the document's unpublished revision."""
    content = content if content is not None else pdf_bytes(f"{document.symbol} {language}", language)
    document_services.add_file(
        actor=None,
        document=document,
        language=language,
        name=name or f"{document.symbol.replace('/', '-')}-{language}.pdf",
        size=len(content),
        stream=io.BytesIO(content),
    )


def draft_document(
    *,
    body: Body,
    meeting: Meeting | None,
    kind: str,
    symbol: str | None,
    titles: dict[str, str] | None,
    sources: tuple[Organization, ...],
) -> Document:
    """A draft created by the archive's service with no signed-in actor; ``titles`` defaults to one English title."""
    titles = titles or {"en": "A contribution"}
    return document_services.create_document(
        actor=None, body=body, meeting=meeting, kind=kind, symbol=symbol, titles=titles, sources=sources
    )


def published_document(
    *,
    meeting: Meeting | None = None,
    body: Body | None = None,
    symbol: str | None = None,
    kind: str = "contribution",
    titles: dict[str, str] | None = None,
    languages: tuple[str, ...] = ("en",),
    sources: tuple[Organization, ...] = (),
) -> Document:
    """A document with one PDF per language, published through the services."""
    body = body or (meeting.body if meeting else BodyFactory())
    document = draft_document(body=body, meeting=meeting, kind=kind, symbol=symbol, titles=titles, sources=sources)
    for language in languages:
        upload(document, language)
    document_services.publish_document(actor=None, document=document)
    return Document.objects.get(pk=document.pk)
