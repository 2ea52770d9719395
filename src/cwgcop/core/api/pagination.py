"""Pagination of the list endpoints: ``?limit=&offset=``, answered as ``{"items": [...], "count": N}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet


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
