"""The Atom feed of newly published documents."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext_lazy as _

from cwgcop.documents import queries
from cwgcop.documents.models import Document

FEED_SIZE = 50


class DocumentsFeed(Feed):  # type: ignore[type-arg]
    """The 50 documents published last, newest first; a new revision updates its document's entry.

    Each entry links to the document page and carries the current revision's files as enclosures, so a
    feed reader or a harvester can fetch them directly.
    """

    feed_type = Atom1Feed
    title = _("Newly published documents")
    subtitle = _("Contributions, information documents, liaison statements and outcomes, as they are published.")

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpRequest:
        return request

    def link(self) -> str:
        return reverse("documents:archive")

    def items(self, request: HttpRequest) -> list[Document]:
        documents = list(queries.published_documents().order_by("-published_at", "-id")[:FEED_SIZE])
        origin = request.build_absolute_uri("/").rstrip("/")
        for document in documents:
            document.feed_origin = origin  # type: ignore[attr-defined]
        return documents

    def item_title(self, item: Document) -> str:
        return f"{item.current_symbol} — {item.display_title}"

    def item_description(self, item: Document) -> str:
        parts = [str(item.get_kind_display())]
        if item.meeting:
            parts.append(str(item.meeting))
        sources = ", ".join(s.name for s in item.sources.all())
        if sources:
            parts.append(sources)
        return " · ".join(parts)

    def item_categories(self, item: Document) -> list[str]:
        return [str(item.get_kind_display())]

    def item_pubdate(self, item: Document) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Document) -> datetime.datetime | None:
        """When the current revision was published (the first publication for an unrevised document)."""
        revision = item.current_revision
        return revision.published_at if revision else item.published_at

    def item_enclosures(self, item: Document) -> list[Enclosure]:
        revision = item.current_revision
        if revision is None:
            return []
        origin = getattr(item, "feed_origin", "")
        return [
            Enclosure(f"{origin}{stored.get_absolute_url()}", str(stored.size), stored.media_type)
            for stored in revision.ordered_files()
        ]

    def item_guid(self, item: Document) -> str:
        return f"urn:cwgcop:document:{item.symbol}"

    def item_guid_is_permalink(self, item: Document) -> bool:
        return False
