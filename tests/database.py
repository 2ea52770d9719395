"""What a test reads straight from the database, around the application."""

from __future__ import annotations

from django.db import connection


def all_stored_text() -> str:
    """Every value of every table (the search index's tables included), one a line: to prove that something a
    person wrote was never stored, or no longer is."""
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            dump.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(dump)
