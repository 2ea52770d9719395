"""The engine's own structures, for the database in use: an FTS5 table and its delete trigger on SQLite, a
``tsvector`` column with a GIN index on PostgreSQL. Both are plain SQL, outside Django's model state."""

from django.db import migrations


def create(apps, schema_editor):
    from cwgcop.search.engines import postgres, sqlite

    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite.schema_sql, "postgresql": postgres.schema_sql}.get(vendor)
    if statements is None:
        return
    for statement in statements():
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS search_entry_fts_delete")
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_pairs_gin")
        schema_editor.execute("ALTER TABLE search_entry DROP COLUMN IF EXISTS vector")
        schema_editor.execute("ALTER TABLE search_entry DROP COLUMN IF EXISTS pairs")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
