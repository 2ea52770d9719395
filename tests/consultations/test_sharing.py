"""Sharing packages: frozen aggregates at the focal-point threshold, through a signed link that expires; every
package and download logged; no receipt hash, no time of day, no text that was not approved."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import time
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from cwgcop.consultations import services
from cwgcop.consultations.models import Consultation, PackageDownload, Response, SharingPackage
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import approve_text, close, consultation, lead, send_package, submit
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _filled() -> Consultation:
    """12 from Kenya aged 13–15 ("Yes"), 6 from France aged 16–17 ("No"), 3 from Brazil aged 9–12 ("No"), and
    four open answers: approved, pending, rejected, held for safeguarding."""
    found = consultation()
    lead(found)
    for _ in range(12):
        submit(found, age_band="13-15", country="KE", choice="Yes")
    for _ in range(6):
        submit(found, age_band="16-17", country="FR", choice="No")
    for _ in range(3):
        submit(found, age_band="9-12", country="BR", choice="No")
    approve_text(submit(found, age_band="13-15", country="KE", text="Helplines should answer on chat"))
    submit(found, age_band="13-15", country="KE", text="PENDING-WORDS not yet read")
    rejected = submit(found, age_band="13-15", country="KE", text="REJECTED-WORDS spam spam")
    services.moderate(
        actor=None, answer=rejected.response.answers.get(question__kind="text"), approve=False, reason="spam"
    )
    submit(found, age_band="13-15", country="KE", text="HELD-WORDS I want to die")
    return close(found)


def _package(found: Consultation, language: str = "en") -> tuple[SharingPackage, str]:
    return send_package(
        found, recipient="GCI expert group", email="gci@example.org", kind="gci-experts", language=language
    )


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


def test_a_package_shows_groups_down_to_the_focal_point_threshold() -> None:
    found = _filled()
    package, _link = _package(found)
    first = package.content["questions"][0]
    assert package.content["k"] == 5
    assert first["columns"] == ["Yes", "No"]
    assert first["overall"] == [16, 9]
    by_age = {group["group"]: group["counts"] for group in first["breakdowns"]["age_band"]}
    # 6 people aged 16–17 show for focal points (they would be hidden in public at k = 10). The 3 aged 9–12
    # are hidden, and so is their "Yes" (0): with the group's size known, it would give the 3 away. That 0
    # would follow from the "Yes" column (16 − 16), so the smallest other "Yes" (16, aged 13–15) goes too, and
    # then that row's 0. Every hidden figure is now one of two unknowns in each of its totals.
    assert by_age == {
        "9–12 years": [None, None],
        "13–15 years": [None, None],
        "16–17 years": [0, 6],
        "18–24 years": [0, 0],
    }


def test_a_package_holds_no_receipt_no_time_of_day_and_no_unapproved_text() -> None:
    found = _filled()
    package, _link = _package(found)
    text = json.dumps(package.content, ensure_ascii=False)
    for receipt_hash in Response.objects.values_list("receipt_hash", flat=True):
        assert receipt_hash not in text
    for value in _strings(package.content):
        assert not re.search(r"\d{1,2}:\d{2}|T\d{2}", value), value
    assert package.content["prepared_on"] == timezone.localdate().isoformat()
    assert package.content["consultation"]["closes_on"] == timezone.localdate().isoformat()
    # The words are not copied into the package: it refers to the approved answers it quotes.
    assert "quotes" not in package.content
    assert "Helplines should answer on chat" not in text
    assert [q["text"] for q in services.package_data(package)["quotes"]] == ["Helplines should answer on chat"]
    for hidden in ("PENDING-WORDS", "REJECTED-WORDS", "HELD-WORDS"):
        assert hidden not in json.dumps(services.package_data(package), ensure_ascii=False)


def test_a_package_is_refused_while_the_consultation_is_open_and_nothing_is_written() -> None:
    found = consultation()
    with pytest.raises(DomainError) as error:
        _package(found)
    assert error.value.messages == ["Share the results once the consultation has closed."]
    assert (SharingPackage.objects.count(), AuditEntry.objects.filter(action="consultation.package").count()) == (0, 0)


def test_every_download_is_logged_in_each_format(client: Client) -> None:
    found = _filled()
    package, link = _package(found)
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Referrer-Policy"] == "no-referrer"
    body = page.content.decode()
    assert "Helplines should answer on chat" in body
    assert "HELD-WORDS" not in body
    data = client.get(path + "json/")
    assert data["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(data.content) == {
        **package.content,
        "quotes": [
            {
                "question": "What would make them better?",
                "text": "Helplines should answer on chat",
                "attribution": ["13–15 years", "Africa"],
            }
        ],
    }
    table = client.get(path + "csv/")
    rows = list(csv.reader(io.StringIO(table.content.decode())))
    assert rows[0] == ["Question number", "Question", "Breakdown", "Group", "Answer", "Count"]
    assert rows[1] == ["1", "Have you heard of a child helpline?", "Everyone", "Everyone", "Yes", "16"]
    assert ["1", "Have you heard of a child helpline?", "Age group", "9–12 years", "No", ""] in rows
    assert sorted(PackageDownload.objects.filter(package=package).values_list("format", flat=True)) == [
        "csv",
        "html",
        "json",
    ]
    assert AuditEntry.objects.filter(action="consultation.package_download").count() == 3
    assert AuditEntry.objects.filter(action="consultation.package").count() == 1
    assert client.get(path + "xml/").status_code == 404
    assert PackageDownload.objects.count() == 3


def test_a_package_in_chinese_reads_in_chinese(client: Client) -> None:
    found = _filled()
    package, _link = _package(found, language="zh-hans")
    assert package.content["questions"][0]["columns"] == ["是", "否"]
    assert package.content["consultation"]["title"] == "儿童求助热线"


def test_a_forged_or_expired_link_opens_nothing_and_logs_nothing(client: Client, monkeypatch: Any) -> None:
    found = _filled()
    package, link = _package(found)
    path = link.removeprefix("http://127.0.0.1:8000")
    forged = client.get(path.replace("/package/", "/package/x"))
    assert forged.status_code == 410
    assert "This link has expired or is not valid. Ask the secretariat for a new one." in forged.content.decode()
    other = signing.dumps({"package": package.pk}, salt="another purpose")
    assert client.get(f"/en/consult/package/{other}/").status_code == 410
    # Signed 31 days ago: the signature itself has expired (30 days by default).
    past = time.time() - 31 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: past)
    old = services.token_for(package)
    monkeypatch.undo()
    assert client.get(f"/en/consult/package/{old}/").status_code == 410
    # The package's own end date counts too, even with a fresh signature.
    SharingPackage.objects.filter(pk=package.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(path).status_code == 410
    assert PackageDownload.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 3])
def test_packages_page_runs_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    from tests.consultations.factories import secretariat

    found = consultation()
    lead(found)
    submit(found, age_band="13-15", country="KE", choice="Yes")
    close(found)
    for number in range(rows):
        send_package(found, recipient=f"Expert group {number}", email=f"group{number}@example.org", kind="gci-experts")
    client.force_login(secretariat(found))
    page = page_in_queries(f"/en/staff/consultations/{found.slug}/packages/", 7)  # the same for 1 or 3 packages
    assert page.count('<th scope="row">Expert group ') == rows
