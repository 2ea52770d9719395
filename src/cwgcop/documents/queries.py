"""Every query of the archive that a page or the API runs, with its joins decided here."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.urls import reverse

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Organization
from cwgcop.core.languages import translated_fields
from cwgcop.documents.enums import DocumentKind, DocumentStatus
from cwgcop.documents.expressions import CurrentRevision
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.documents.rows import ROW_FIELDS, DocumentRow, document_row
from cwgcop.meetings.models import Meeting

PUBLIC_STATUSES = (DocumentStatus.PUBLISHED, DocumentStatus.WITHDRAWN)
SUBMITTED_KINDS = (DocumentKind.CONTRIBUTION, DocumentKind.INFORMATION)


def archive_filter_options() -> dict[str, list[tuple[int, str]]]:
    """The options of the archive's meeting and source lists, in one query.

    ``meetings``: every meeting, newest first, labelled as its symbols begin (``CWG-COP-21``). ``sources``:
    the organisations that are a source of at least one published document, by name. Each organisation looks
    up one published document of its own (``LIMIT 1`` stops at the first), where a DISTINCT over the join grew
    with the archive and PostgreSQL answered an ``EXISTS`` by hashing every document of each organisation.
    Written out: through the ORM, the two lists cost 4.4 ms per archive page, the database 0.6 ms.
    """
    quote = connection.ops.quote_name
    meetings, bodies, organizations = (quote(m._meta.db_table) for m in (Meeting, Body, Organization))
    sources, documents = quote(Document.sources.through._meta.db_table), quote(Document._meta.db_table)
    sql = (
        "SELECT 'meetings', m.id, b.acronym || '-' || CAST(m.number AS TEXT), m.start_date, '', -m.id "  # noqa: S608
        f"FROM {meetings} m JOIN {bodies} b ON b.id = m.body_id "
        "UNION ALL "
        f"SELECT 'sources', o.id, o.name, NULL, o.name, o.id FROM {organizations} o WHERE ("
        f"SELECT s.document_id FROM {sources} s JOIN {documents} d ON d.id = s.document_id "
        "WHERE s.organization_id = o.id AND d.status = %s LIMIT 1) IS NOT NULL "
        # Meetings newest first, organisations by name (in the database's collation); ties by id.
        "ORDER BY 1, 5, 4 DESC, 6"
    )
    options: dict[str, list[tuple[int, str]]] = {"meetings": [], "sources": []}
    with connection.cursor() as cursor:
        cursor.execute(sql, [DocumentStatus.PUBLISHED.value])
        for part, pk, label, *_order in cursor.fetchall():
            options[part].append((pk, label))
    return options


def _revisions_with_files() -> Prefetch[Any]:
    return Prefetch(
        "revisions",
        queryset=DocumentRevision.objects.order_by("number").prefetch_related(
            Prefetch("files", queryset=DocumentFile.objects.defer("extracted_text"))
        ),
    )


def _with_files(queryset: QuerySet[Document]) -> QuerySet[Document]:
    return queryset.select_related("meeting", "meeting__body", "body").prefetch_related(
        "sources", _revisions_with_files()
    )


def listed_documents() -> QuerySet[Document]:
    """Published documents, for a list: filter and order them, then make their rows with :func:`document_rows`."""
    return Document.objects.filter(status=DocumentStatus.PUBLISHED)


def document_rows(documents: QuerySet[Document]) -> list[DocumentRow]:
    """The rows of ``documents``, in their order, in one query whatever their number: the documents' columns
    with the number and the languages of their current (latest published) revision."""
    archive, rows = reverse("documents:archive"), []
    for values in documents.annotate(current=CurrentRevision()).values(*ROW_FIELDS, "current"):
        number, _, languages = (values["current"] or "0:").partition(":")
        rows.append(document_row(values, int(number), languages.split(","), archive=archive))
    return rows


def published_documents() -> QuerySet[Document]:
    """Documents anyone may read: published ones (withdrawn ones only through their tombstone)."""
    return _with_files(Document.objects.filter(status=DocumentStatus.PUBLISHED))


def public_document(symbol: str) -> Document | None:
    """The published or withdrawn document with ``symbol``; drafts do not exist for the public."""
    return _with_files(Document.objects.filter(status__in=PUBLIC_STATUSES, symbol=symbol)).first()


# What a document's page (documents/detail.html, tombstone.html) reads of the document, its body and meeting:
# with every column of the three (106, most of them translations the page does not show), compiling and reading
# the query took twice what it does with these.
DOCUMENT_PAGE_FIELDS = (
    "id",
    "symbol",
    "kind",
    "status",
    "original_language",
    "published_at",
    "withdrawn_at",
    "withdrawal_reason",
    *translated_fields("title"),
    "body__slug",
    "body__acronym",
    *(f"body__{name}" for name in translated_fields("name")),
    "meeting__number",
    "meeting__body__slug",
    "meeting__body__acronym",
    "meeting__body__symbol_prefix",
)


def document_page(symbol: str) -> Document | None:
    """The published or withdrawn document with ``symbol``, with what its public page shows (four queries)."""
    queryset = Document.objects.filter(status__in=PUBLIC_STATUSES, symbol=symbol).only(*DOCUMENT_PAGE_FIELDS)
    return _with_files(queryset).first()


def cited(symbols: list[str]) -> tuple[list[Document], list[str]]:
    """The documents a form or payload names by their symbols, in the order given (each once), and the symbols no
    document has. A symbol is matched however its letters are cased, as symbols are unique regardless of case
    (``documents.services``), so an older era's "…/16 Rev.1" is found as written."""
    found: dict[int, Document] = {}
    missing = []
    for symbol in dict.fromkeys(s.strip() for s in symbols if s.strip()):
        document = Document.objects.filter(symbol__iexact=symbol).first()
        if document is None:
            missing.append(symbol)
        else:
            found.setdefault(document.pk, document)
    return list(found.values()), missing


def any_document(symbol: str) -> Document | None:
    return _with_files(Document.objects.filter(symbol=symbol)).first()


def public_file(symbol: str, revision: int, language: str) -> DocumentFile | None:
    """A published revision's file; withdrawn documents keep their files downloadable as record."""
    return (
        DocumentFile.objects.select_related("revision", "revision__document")
        .defer("extracted_text")
        .filter(
            revision__document__symbol=symbol,
            revision__document__status__in=PUBLIC_STATUSES,
            revision__number=revision,
            revision__published_at__isnull=False,
            language=language,
        )
        .first()
    )


def latest_revision_number(symbol: str) -> int | None:
    return (
        DocumentRevision.objects.filter(
            document__symbol=symbol, document__status__in=PUBLIC_STATUSES, published_at__isnull=False
        )
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )


def revision_is_public(symbol: str, number: int) -> bool:
    """Whether revision ``number`` of the published or withdrawn document ``symbol`` has been published."""
    return DocumentRevision.objects.filter(
        document__symbol=symbol, document__status__in=PUBLIC_STATUSES, number=number, published_at__isnull=False
    ).exists()


def with_language(queryset: QuerySet[Document], language: str) -> QuerySet[Document]:
    """Documents whose current (latest published) revision has a file in ``language``.

    An older revision's language does not count: the reader gets the current text, and the row shows
    the current revision's languages.
    """
    current = (
        DocumentRevision.objects.filter(document=OuterRef(OuterRef("pk")), published_at__isnull=False)
        .order_by("-number")
        .values("pk")[:1]
    )
    return queryset.filter(Exists(DocumentFile.objects.filter(revision=Subquery(current), language=language)))


def staff_documents() -> QuerySet[Document]:
    return _with_files(Document.objects.all()).order_by("-updated_at")


def submissions_of(user: Any) -> QuerySet[Document]:
    """Everything ``user`` submitted (any status), newest first."""
    return (
        Document.objects.filter(created_by=user, kind__in=SUBMITTED_KINDS)
        .select_related("meeting", "meeting__body", "body")
        .order_by("-created_at", "-id")
    )


def submission(pk: int) -> Document | None:
    return (
        _with_files(Document.objects.filter(pk=pk, kind__in=SUBMITTED_KINDS))
        .select_related("created_by", "created_by__profile", "created_by__profile__organization")
        .first()
    )


def submission_queue(user: Any) -> QuerySet[Document]:
    """Submissions waiting for the secretariat of the bodies where ``user`` is secretariat, oldest first."""
    queryset = Document.objects.filter(status=DocumentStatus.SUBMITTED, kind__in=SUBMITTED_KINDS)
    if not user.is_superuser:
        queryset = queryset.filter(body__roles__user=user, body__roles__kind=RoleKind.SECRETARIAT)
    return (
        _with_files(queryset)
        .select_related("created_by", "created_by__profile", "created_by__profile__organization")
        .order_by("submitted_at", "id")
        .distinct()
    )


def pending_file(document: Document, language: str) -> DocumentFile | None:
    """The file in ``language`` of the document's newest revision (published or not)."""
    return (
        DocumentFile.objects.defer("extracted_text")
        .filter(revision__document=document, language=language)
        .order_by("-revision__number")
        .first()
    )
