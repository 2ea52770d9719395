"""The archive's filters. Each filter state is a plain query string, so it has a stable URL."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.core.filters import OptionsFilter
from cwgcop.core.languages import Language
from cwgcop.core.widgets import FastNumberInput, FastSelect, FastTextInput
from cwgcop.documents import queries
from cwgcop.documents.enums import DocumentKind
from cwgcop.documents.models import Document

SORTS = {
    "newest": ("-published_at", "-id"),
    "oldest": ("published_at", "id"),
    "symbol": ("symbol",),
}


class YearFilter(django_filters.NumberFilter):
    """A year of publication: a whole number within the range dates can hold (else a form error, not a 500)."""

    field_class = forms.IntegerField


class ArchiveFilter(django_filters.FilterSet):
    meeting = OptionsFilter(
        options="meetings", label=_("Meeting"), empty_label=pgettext_lazy("filter", "Any"), widget=FastSelect
    )
    kind = django_filters.ChoiceFilter(
        choices=DocumentKind.choices, label=_("Kind"), empty_label=pgettext_lazy("filter", "Any"), widget=FastSelect
    )
    language = django_filters.ChoiceFilter(
        choices=Language.choices,
        label=_("Language"),
        method="filter_language",
        empty_label=pgettext_lazy("filter", "Any"),
        widget=FastSelect,
    )
    year = YearFilter(
        field_name="published_at",
        lookup_expr="year",
        label=_("Year"),
        min_value=1865,
        max_value=9998,
        widget=FastNumberInput,
    )
    source = OptionsFilter(
        options="sources",
        field_name="sources",
        label=_("Source"),
        empty_label=pgettext_lazy("filter", "Any"),
        widget=FastSelect,
    )
    q = django_filters.CharFilter(method="filter_text", label=_("Title or symbol contains"), widget=FastTextInput)
    sort = django_filters.ChoiceFilter(
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("symbol", _("By symbol")),
        ],
        method="sort_by",
        label=_("Sort"),
        empty_label=None,
        widget=FastSelect,
    )

    class Meta:
        model = Document
        fields = ["meeting", "kind", "language", "year", "source", "q", "sort"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._options: dict[str, list[tuple[int, str]]] | None = None

    def options(self, name: str) -> list[tuple[int, str]]:
        """The options of the meeting (``meetings``) and source (``sources``) lists, read once for both."""
        if self._options is None:
            self._options = queries.archive_filter_options()
        return self._options[name]

    def filter_language(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        return queries.with_language(queryset, value) if value else queryset

    def filter_text(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        value = value.strip()[:200]
        if not value:
            return queryset
        return queryset.filter(
            Q(symbol__icontains=value)
            | Q(title_en__icontains=value)
            | Q(title_fr__icontains=value)
            | Q(title_es__icontains=value)
            | Q(title_ru__icontains=value)
            | Q(title_zh_hans__icontains=value)
            | Q(title_ar__icontains=value)
        )

    def sort_by(self, queryset: QuerySet[Document], name: str, value: str) -> QuerySet[Document]:
        return queryset.order_by(*SORTS.get(value, SORTS["newest"]))
