"""The Atom feed of newly published documents."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from cwgcop.documents import queries
from cwgcop.documents.models import Document


class DocumentsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = _("Newly published documents")
    subtitle = _("Contributions, information documents, liaison statements and outcomes, as they are published.")

    def link(self) -> str:
        return reverse("documents:archive")

    def items(self) -> QuerySet[Document]:
        return queries.published_documents().order_by("-published_at", "-id")[:50]

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

    def item_pubdate(self, item: Document) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Document) -> datetime.datetime | None:
        return item.updated_at

    def item_guid(self, item: Document) -> str:
        return f"urn:cwgcop:document:{item.symbol}"

    def item_guid_is_permalink(self, item: Document) -> bool:
        return False
