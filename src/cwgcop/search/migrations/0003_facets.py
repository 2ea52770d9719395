"""The index gains the filter values of each entry (facets: ``meeting=21 language=en …``), so a filtered search
finds its matches in the index. SQLite: the FTS5 table gets a fourth column (it is created again); PostgreSQL:
the entries get a ``pairs`` vector with its GIN index. Both: the entries are emptied, and
``cwgcop rebuild_search_index`` must run after this migration."""

from django.db import migrations


def recreate(apps, schema_editor):
    from cwgcop.search.engines import postgres, sqlite

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":  # the FTS rows go with the table, not one by one through the delete trigger
        schema_editor.execute("DROP TRIGGER IF EXISTS search_entry_fts_delete")
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    apps.get_model("search", "SearchEntry").objects.all().delete()
    if vendor == "sqlite":
        for statement in sqlite.schema_sql():
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in postgres.schema_sql():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_schema")]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
