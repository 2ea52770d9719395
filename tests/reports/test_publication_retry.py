"""A background publication that fails keeps why; the secretariat retries it from the staff page or the API, and
it resumes with the files not made yet."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.accounts import services as account_services
from cwgcop.core.models import AuditEntry
from cwgcop.reports import services
from cwgcop.reports.models import CouncilReport, Rendition
from tests.factories import BodyFactory, held_meeting, secretariat

pytestmark = pytest.mark.django_db


def _approved_report() -> CouncilReport:
    body = BodyFactory(acronym="RSG", name="Reef Study Group", name_en="Reef Study Group", slug="rsg")
    held_meeting(body, 4, "2023-05-09", "2023-05-10", venue="Suva", participants_total=17)
    report = services.create_draft(
        actor=None,
        body=body,
        start=datetime.date(2023, 1, 1),
        end=datetime.date(2023, 12, 31),
        languages=["en", "fr"],
        council_document="C23/61",
    )
    return services.approve(actor=None, report=report, version=1)


def _fail_once(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The French PDF fails the first time it is made, as a font or a full disk would make it fail."""
    calls: list[tuple[str, str]] = []
    real = services.render_report

    def render(report: CouncilReport, language: str, fmt: str, *args: Any, **kwargs: Any) -> bytes:
        calls.append((language, fmt))
        if (language, fmt) == ("fr", "pdf") and calls.count(("fr", "pdf")) == 1:
            raise OSError("No space left on device")
        return real(report, language, fmt, *args, **kwargs)

    monkeypatch.setattr(services, "render_report", render)
    return calls


def test_failed_publication_shows_why_and_is_retried_from_the_staff_page(
    client: Client, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    report = _approved_report()
    calls = _fail_once(monkeypatch)
    client.force_login(secretariat(report.body, "reef-sec"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/staff/reports/{report.pk}/publish/")
    report.refresh_from_db()
    assert (report.status, report.publication_failure) == (
        "publishing",
        {"language": "fr", "format": "pdf", "error": "OSError: No space left on device"},
    )
    assert Rendition.objects.filter(report=report).count() == 4  # en ×3, fr docx: kept for the retry
    page = client.get(f"/en/staff/reports/{report.pk}/").content.decode()
    stopped = "The publication stopped: the PDF could not be made (language: French)."
    assert f"{stopped} Reason: OSError: No space left on device" in page
    assert '<meta http-equiv="refresh"' not in page  # nothing to wait for until someone retries
    assert f'action="/en/staff/reports/{report.pk}/publish/retry/"' in page
    french = client.get(f"/fr/staff/reports/{report.pk}/").content.decode()
    assert (
        "La publication s’est arrêtée : le PDF n’a pas pu être produit (langue : Français). Raison : OSError" in french
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/staff/reports/{report.pk}/publish/retry/")
    assert response["Location"] == f"/en/staff/reports/{report.pk}/"
    report.refresh_from_db()
    assert (report.status, report.publication_failure, report.document.symbol) == ("published", {}, "RSG/REP/2023/1")
    assert calls == [
        ("en", "docx"),
        ("en", "pdf"),
        ("en", "html"),
        ("fr", "docx"),
        ("fr", "pdf"),
        ("fr", "pdf"),
        ("fr", "html"),
    ]  # the retry made only the two files missing
    actions = list(
        AuditEntry.objects.filter(object_id=str(report.pk), action__startswith="report.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[-3:] == ["report.publication_failed", "report.publication_retried", "report.publish"]
    # A published report (or one that did not fail) is not retried.
    again = client.post(f"/en/staff/reports/{report.pk}/publish/retry/", follow=True).content.decode()
    assert "Only a publication that failed can be retried." in again


def test_failed_publication_is_seen_and_retried_through_the_api(
    client: Client, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    report = _approved_report()
    _fail_once(monkeypatch)
    clerk = secretariat(report.body, "reef-clerk")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {account_services.create_api_token(actor=clerk, name='t').key}"}
    with django_capture_on_commit_callbacks(execute=True):
        services.request_publication(actor=clerk, report=report)
    status = client.get(f"/api/v1/reports/{report.pk}/publication", **auth).json()
    assert status == {
        "id": report.pk,
        "status": "publishing",
        "made": 4,
        "total": 6,
        "failure": {"language": "fr", "format": "pdf", "error": "OSError: No space left on device"},
    }
    assert client.get(f"/api/v1/reports/{report.pk}/publication").status_code == 401
    with django_capture_on_commit_callbacks(execute=True):
        retried = client.post(f"/api/v1/reports/{report.pk}/publication/retry", **auth)
    assert retried.status_code == 200
    assert client.get(f"/api/v1/reports/{report.pk}/publication", **auth).json() == {
        "id": report.pk,
        "status": "published",
        "made": 6,
        "total": 6,
        "failure": None,
    }
    refused = client.post(f"/api/v1/reports/{report.pk}/publication/retry", **auth)
    assert (refused.status_code, refused.json()["detail"]) == (400, "Only a publication that failed can be retried.")
