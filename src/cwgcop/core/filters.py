"""Filters shared by the public lists (django-filter), tuned for pages that are rendered on every request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import django_filters
from django.forms.models import ModelChoiceIterator


class ChoicesInOneQuery(ModelChoiceIterator):
    """Django's model choices, read with one plain query.

    Django iterates model choices with ``QuerySet.iterator()``, which on PostgreSQL opens a server-side cursor:
    three round trips (declare, fetch, close) for a list of some dozens of meetings or organisations.
    """

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in list(self.queryset):
            yield self.choice(obj)


class ModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = ChoicesInOneQuery


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """django-filter's ``ModelChoiceFilter`` whose options are read with one plain query."""

    field_class = ModelChoiceField
