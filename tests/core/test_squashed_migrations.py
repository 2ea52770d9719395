"""The migrations were squashed before the first release (docs/decisions.md, "Migrations and upgrades"): an
installation fully migrated before the squash, whose ``django_migrations`` names only the old migrations, sees
every squash as applied and has nothing to migrate."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations import Migration
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

# Every migration of the platform's apps before the squash, as an installation of that time recorded them.
BEFORE_THE_SQUASH = {
    "accounts": "0001_initial",
    "bodies": "0001_initial 0002_alter_role_kind 0003_body_former_names 0004_retired_and_platform_administrator",
    "consultations": "0001_initial 0002_safeguarding_escalation_and_facilitator "
    "0003_coarse_times_package_quotes_revocation",
    "core": "0001_initial",
    "documents": "0001_initial 0002_submissions",
    "events": "0001_initial 0002_series_retired_event_postponed",
    "history": "0001_archive_import",
    "liaisons": "0001_initial",
    "meetings": "0001_initial 0002_participation_agenda_outcomes_actions 0003_meeting_officers",
    "reports": "0001_initial 0002_governing_texts_and_council_particulars 0003_report_being_published "
    "0004_report_publication_failure",
    "search": "0001_initial 0002_engine_schema 0003_facets 0004_stemmed_tokens_and_suspect_extractions 0005_vocabulary",
}
OLD = {(app, name) for app, names in BEFORE_THE_SQUASH.items() for name in names.split()}
# Migrations written since the squash: an installation of that time applies them, as any upgrade does.
SINCE_THE_SQUASH = {
    ("consultations", "0002_answer_doubted"),
    ("events", "0002_event_sequence"),
    ("meetings", "0003_meeting_sequence"),
}
SQUASHES = {
    ("bodies", "0001_squashed"),
    ("consultations", "0001_squashed"),
    ("documents", "0001_squashed"),
    ("events", "0001_squashed"),
    ("meetings", "0001_squashed"),
    ("meetings", "0002_squashed"),
    ("reports", "0001_squashed"),
    ("search", "0001_squashed"),
}


def ours(loader: MigrationLoader) -> dict[tuple[str, str], Migration]:
    return {key: migration for key, migration in loader.disk_migrations.items() if key[0] in BEFORE_THE_SQUASH}


def test_each_old_migration_is_replaced_by_a_squash_or_kept_under_its_name() -> None:
    migrations = ours(MigrationLoader(None, ignore_no_migrations=True))
    assert {key for key, migration in migrations.items() if migration.replaces} == SQUASHES
    covered = [name for key, migration in migrations.items() for name in migration.replaces or [key]]
    assert sorted(covered) == sorted(OLD | SINCE_THE_SQUASH)  # an old file left beside its squash would count twice


@pytest.mark.django_db
def test_an_installation_migrated_before_the_squash_applies_only_what_came_since() -> None:
    recorder = MigrationRecorder(connection)
    recorder.migration_qs.filter(app__in=BEFORE_THE_SQUASH).delete()
    for app, name in sorted(OLD):
        recorder.record_applied(app, name)
    executor = MigrationExecutor(connection)
    executor.loader.check_consistent_history(connection)
    assert executor.loader.applied_migrations.keys() >= SQUASHES
    for app, name in SINCE_THE_SQUASH:
        recorder.migration_qs.filter(app=app, name=name).delete()
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert {(m.app_label, m.name) for m, _backwards in plan} == SINCE_THE_SQUASH


def test_a_translated_field_group_in_a_migration_is_the_field_and_its_six_nullable_copies() -> None:
    """core.migration_fields is frozen: the migrations that call it must build the same columns for ever."""
    from django.db import models

    from cwgcop.core.migration_fields import ALPHABETICAL, translated

    group = translated("title", models.CharField(max_length=250, verbose_name="title"))
    assert [name for name, _ in group] == [
        "title",
        "title_ar",
        "title_zh_hans",
        "title_en",
        "title_fr",
        "title_ru",
        "title_es",
    ]
    assert [(f.max_length, f.null, f.verbose_name) for _, f in group] == [(250, False, "title")] + [
        (250, True, "title")
    ] * 6
    assert [name for name, _ in translated("x", models.TextField(blank=True), ALPHABETICAL)][1:] == [
        "x_ar",
        "x_en",
        "x_es",
        "x_fr",
        "x_ru",
        "x_zh_hans",
    ]
