"""Builders for the public pages' tests: the group, its meetings and documents, with fixed dates.

Rows are written through the services (as the platform writes them); only the publication moments are
set afterwards, so that dates on pages and in feeds can be asserted exactly.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from lxml import html

from cwgcop.bodies.enums import BodyKind
from cwgcop.bodies.models import Body, Organization
from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document, DocumentRevision
from cwgcop.meetings import services as meeting_services
from cwgcop.meetings.models import Meeting
from tests.factories import BodyFactory, OrganizationFactory, pdf_bytes, upload

NAMES = {
    "en": "Council Working Group on Child Online Protection",
    "zh-hans": "理事会保护上网儿童工作组",
    "ar": "فريق العمل التابع للمجلس المعني بحماية الأطفال على الإنترنت",
    "fr": "Groupe de travail du Conseil sur la protection en ligne des enfants",
    "ru": "Рабочая группа Совета по защите ребенка в онлайновой среде",
    "es": "Grupo de Trabajo del Consejo sobre la Protección de la Infancia en Línea",
}


def cwg_cop() -> Body:
    return BodyFactory(
        acronym="CWG-COP",
        slug="cwg-cop",
        symbol_prefix="CWG-COP",
        kind=BodyKind.COUNCIL_WORKING_GROUP,
        name=NAMES["en"],
        **{f"name_{code.replace('-', '_')}": text for code, text in NAMES.items()},
        description_en="Established by Council Resolution 1306.",
        description_zh_hans="根据理事会第1306号决议设立。",
    )


def council_and_group() -> dict[str, Body]:
    """The ITU Council and CWG-COP reporting to it."""
    council = BodyFactory(acronym="COUNCIL", slug="council", kind=BodyKind.COUNCIL, name_en="ITU Council")
    group = cwg_cop()
    group.parent = council
    group.save(update_fields=["parent"])
    return {"council": council, "group": group}


def meeting(
    body: Body,
    number: int,
    start: datetime.date,
    end: datetime.date,
    *,
    venue: str = "ITU headquarters, Geneva",
    venue_zh: str = "",
    **values: Any,
) -> Meeting:
    venues = {"en": venue}
    if venue_zh:
        venues["zh-hans"] = venue_zh
    values.setdefault("format", "hybrid")
    values.setdefault("status", "held")
    return meeting_services.create_meeting(
        actor=None, body=body, number=number, start_date=start, end_date=end, venues=venues, **values
    )


def meeting_21(body: Body) -> Meeting:
    """The 21st meeting as the seed report holds it: only the total of 129 participants is known."""
    return meeting(
        body,
        21,
        datetime.date(2024, 9, 30),
        datetime.date(2024, 10, 1),
        venue_zh="国际电联总部，日内瓦",
        participants_total=129,
    )


def moment(year: int, month: int, day: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=datetime.UTC)


def set_published(document: Document, when: datetime.datetime, revision: int = 0) -> Document:
    """Move a publication to a known moment (the services stamp the current time)."""
    if revision == 0:
        Document.objects.filter(pk=document.pk).update(published_at=when)
    DocumentRevision.objects.filter(document=document, number=revision).update(published_at=when)
    return Document.objects.get(pk=document.pk)


def draft(
    *,
    meeting: Meeting | None = None,
    body: Body | None = None,
    symbol: str | None = None,
    kind: str = "contribution",
    titles: dict[str, str] | None = None,
    original_language: str = "en",
    languages: tuple[str, ...] = ("en",),
    sources: tuple[Organization, ...] = (),
) -> Document:
    """A draft with one PDF per language, through the services."""
    created = document_services.create_document(
        actor=None,
        body=body or (meeting.body if meeting else cwg_cop()),
        meeting=meeting,
        kind=kind,
        symbol=symbol,
        titles=titles or {"en": "A contribution"},
        original_language=original_language,
        sources=sources,
    )
    for language in languages:
        upload(created, language)
    return created


def document(*, published: datetime.datetime | None = None, **kwargs: Any) -> Document:
    """A published document (see :func:`draft` for the arguments), optionally published at ``published``."""
    created = draft(**kwargs)
    document_services.publish_document(actor=None, document=created)
    return set_published(created, published) if published else Document.objects.get(pk=created.pk)


GAMES_TITLES = {"en": "Protecting children in online games", "zh-hans": "在网络游戏中保护儿童"}


def games_contribution(
    meeting: Meeting,
    *,
    sources: tuple[Organization, ...],
    published: datetime.datetime,
    symbol: str = "CWG-COP-21/1",
) -> Document:
    """The contribution on protecting children in online games, in English and Chinese, that the document pages'
    tests share (the seed's CWG-COP-21/1)."""
    return document(
        meeting=meeting,
        symbol=symbol,
        titles=GAMES_TITLES,
        languages=("en", "zh-hans"),
        sources=sources,
        published=published,
    )


def revise(document: Document, *, note: str, languages: tuple[str, ...] = ("en",)) -> DocumentRevision:
    """Publish the next revision of ``document`` with one PDF per language."""
    revision = document_services.start_revision(actor=None, document=document, note=note)
    for language in languages:
        content = pdf_bytes(f"{revision.symbol} {language}", language)
        upload(document, language, content, f"{document.symbol.replace('/', '-')}-rev{revision.number}-{language}.pdf")
    return document_services.publish_document(actor=None, document=document)


def organization(name: str, country: str = "CH", **kwargs: Any) -> Organization:
    return OrganizationFactory(name=name, country=country, **kwargs)


def parse(content: bytes) -> Any:
    return html.fromstring(content)


def texts(tree: Any, xpath: str) -> list[str]:
    """The whitespace-normalised text of each element ``xpath`` selects."""
    return [" ".join(element.text_content().split()) for element in tree.xpath(xpath)]


def ids(queryset: QuerySet[Any]) -> list[int]:
    return list(queryset.values_list("pk", flat=True))
