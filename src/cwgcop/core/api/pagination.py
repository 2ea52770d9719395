"""Pagination of the list endpoints: ``?limit=&offset=``, answered as ``{"items": [...], "count": N}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet
from ninja import Field, Schema
from ninja import pagination as ninja_pagination
from ninja.conf import settings as ninja_settings

# offset + limit must fit the 64-bit integers databases count rows with (SQLite and PostgreSQL refuse more).
MAX_OFFSET = 2**62


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    """ninja's pagination with an offset the database can take: a larger one is a 400, not a 500."""

    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=ninja_settings.PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class LazyPage:
    """A queryset whose rows are turned into API data only for the page served (pagination slices it).

    django-ninja's ``LimitOffsetPagination`` calls ``all().count()`` for ``count`` and slices for
    ``items``: two queries (plus the queryset's prefetches) whatever the page size.
    """

    def __init__(self, queryset: QuerySet[Any], serialize: Callable[[Any], dict[str, Any]]) -> None:
        self.queryset = queryset
        self.serialize = serialize

    def all(self) -> LazyPage:
        return self

    def count(self) -> int:
        return int(self.queryset.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        rows: list[Model] = list(self.queryset[index])
        return [self.serialize(row) for row in rows]
