"""Factories for submissions: a meeting open for contributions and files per language."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.utils import timezone

from cwgcop.documents import contributions
from cwgcop.documents.contributions import LanguageVersion
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting
from tests.factories import BodyFactory, MeetingFactory, pdf_bytes


def open_meeting(*, deadline_in_days: int = 10, number: int = 22, **extra: Any) -> Meeting:
    """A meeting a month ahead, open for contributions until ``deadline_in_days`` from now."""
    start = timezone.localdate() + datetime.timedelta(days=30)
    body = extra.pop("body", None) or BodyFactory(acronym="CWG-COP", symbol_prefix="CWG-COP")
    return MeetingFactory(
        body=body,
        number=number,
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        status="open",
        contribution_deadline=timezone.now() + datetime.timedelta(days=deadline_in_days),
        **extra,
    )


def version(language: str = "en", text: str = "Hello", name: str | None = None) -> LanguageVersion:
    data = pdf_bytes(f"{text} {language}", language)
    return LanguageVersion(
        language=language, name=name or f"contribution-{language}.pdf", size=len(data), stream=io.BytesIO(data)
    )


def submitted(
    *,
    actor: Any,
    meeting: Meeting,
    kind: str = "contribution",
    title: str = "Age assurance",
    languages: tuple[str, ...] = ("en",),
    versions: list[LanguageVersion] | None = None,
) -> Document:
    """A contribution in English submitted through the service: one PDF per language, or ``versions`` as given."""
    return contributions.submit_contribution(
        actor=actor,
        meeting=meeting,
        kind=kind,
        titles={"en": title},
        original_language="en",
        versions=[version(code) for code in languages] if versions is None else versions,
    )
