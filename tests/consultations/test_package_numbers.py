"""A sharing package's page shows figures as its language writes them; its CSV keeps them machine-readable."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from cwgcop.consultations import services
from tests.consultations.factories import close, consultation, lead, submit

pytestmark = pytest.mark.django_db


def test_the_package_page_groups_figures_and_its_csv_keeps_raw_numbers(client: Client) -> None:
    found = consultation()
    lead(found)
    for _ in range(3):
        submit(found, age_band="13-15", country="KE", choice="Yes")
    package, link = services.create_package(
        actor=None,
        consultation=close(found),
        recipient="GCI expert group",
        recipient_email="gci@example.org",
        recipient_kind="gci-experts",
        language="fr",
    )
    # A large consultation's figures, as frozen in the package.
    package.content["responses"] = 12345
    package.content["questions"][0]["overall"] = [12345, 1234]
    package.save(update_fields=["content"])
    path = link.removeprefix("http://127.0.0.1:8000")

    page = client.get(path).content.decode()
    rows = list(csv.reader(io.StringIO(client.get(path + "csv/").content.decode())))

    assert ("12\u202f345 jeunes ont participé." in page, '<td class="number">1\u202f234</td>' in page) == (True, True)
    assert [row[-1] for row in rows[1:3]] == ["12345", "1234"]
