"""The Atom feed of liaison statements, newest first, as they become public."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cwgcop.liaisons import queries
from cwgcop.liaisons.models import LiaisonStatement


class LiaisonsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed
    title = _("Liaison statements")
    subtitle = _("Liaison statements received from and sent to other bodies, as they become public.")

    def link(self) -> str:
        return reverse("liaisons:register")

    def items(self) -> QuerySet[LiaisonStatement]:
        return queries.public_statements().order_by("-published_at", "-id")[:50]

    def item_title(self, item: LiaisonStatement) -> str:
        return item.display_title

    def item_description(self, item: LiaisonStatement) -> str:
        senders = ", ".join(b.acronym for b in item.from_bodies.all())
        addressees = ", ".join(b.acronym for b in item.to_bodies.all())
        return " · ".join(
            [
                str(item.get_direction_display()),
                gettext("From %(from)s to %(to)s") % {"from": senders, "to": addressees},
                str(item.get_purpose_display()),
                str(item.get_state_display()),
            ]
        )

    def item_pubdate(self, item: LiaisonStatement) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: LiaisonStatement) -> datetime.datetime | None:
        return item.updated_at

    def item_guid(self, item: LiaisonStatement) -> str:
        return f"urn:cwgcop:liaison:{item.pk}"

    def item_guid_is_permalink(self, item: LiaisonStatement) -> bool:
        return False
