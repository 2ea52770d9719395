"""The index's tokens change (stemming, the Arabic article stripped before the hamza forms are unified): the
index is emptied here and built again from the archive once every migration has run (``cwgcop.search.apps``
rebuilds an empty index of an archive with published documents). Extractions gain the status "suspect"."""

from django.db import migrations, models


def empty_index(apps, schema_editor):
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
    dependencies = [("search", "0003_facets")]

    operations = [
        migrations.AlterField(
            model_name="fileextraction",
            name="status",
            field=models.CharField(
                choices=[
                    ("done", "Text extracted"),
                    ("empty", "No text found"),
                    ("failed", "Extraction failed"),
                    ("suspect", "Text looks wrong"),
                ],
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(empty_index, migrations.RunPython.noop),
    ]
