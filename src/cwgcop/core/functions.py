"""Database functions that Django does not ship for every database the platform runs on."""

from __future__ import annotations

from typing import Any

from django.db.models import Aggregate, CharField
from django.db.models.sql.compiler import SQLCompiler


class JoinedStrings(Aggregate):
    """A text column's values joined with commas, in no set order: ``group_concat`` on SQLite, ``string_agg``
    on PostgreSQL (Django 5.2 has ``StringAgg`` for PostgreSQL only)."""

    function = "GROUP_CONCAT"
    name = "JoinedStrings"
    output_field = CharField()

    def as_postgresql(self, compiler: SQLCompiler, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="STRING_AGG", template="%(function)s(%(expressions)s, ',')")
