"""The timeless mandate of a body becomes its governing texts, and the period's fields go to its reports."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("reports", "0001_initial"), ("bodies", "0001_initial")]
AFTER = [("reports", "0002_governing_texts_and_council_particulars")]


def test_mandate_data_is_kept_as_governing_texts_and_report_particulars() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("reports", "0001_initial")])
    old = executor.loader.project_state([("reports", "0001_initial")]).apps
    body = old.get_model("bodies", "Body").objects.create(acronym="OLD-WG", slug="old-wg", name="Old group")
    old.get_model("reports", "Mandate").objects.create(
        body=body,
        purpose_basis="Decision 12 (2015)",
        purpose_basis_en="Decision 12 (2015)",
        purpose_basis_fr="Décision 12 (2015)",
        establishment_en="Set up in 2015.",
        terms_of_reference_en="See annex 1.",
        mandate_intro_en="The decision asks the group to:",
        mandate_items_en="meet\nreport",
        financial_implications_en="Within the 2014-2015 budget.",
        focus_areas_en="Safety",
        web_page="https://example.org/old-wg",
    )
    old.get_model("reports", "CouncilReport").objects.create(
        body=body, start=datetime.date(2015, 1, 1), end=datetime.date(2015, 12, 31), languages=["en"]
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    texts = new.get_model("reports", "GoverningText").objects.order_by("kind")
    assert [
        (t.kind, t.citation_en, t.citation_fr, t.text_en, t.items_en, t.valid_from, t.valid_until) for t in texts
    ] == [
        ("establishing", "Decision 12 (2015)", "Décision 12 (2015)", "Set up in 2015.", None, None, None),
        ("governing", None, None, "The decision asks the group to:", "meet\nreport", None, None),
        ("terms_of_reference", None, None, "See annex 1.", None, None, None),
    ]
    report = new.get_model("reports", "CouncilReport").objects.get()
    assert (report.financial_implications_en, report.focus_areas_en) == ("Within the 2014-2015 budget.", "Safety")
    assert new.get_model("bodies", "Body").objects.get().website == "https://example.org/old-wg"
    MigrationExecutor(connection).migrate(latest)
