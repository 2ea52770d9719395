"""Children under the age of digital consent answer only through a consent route: a group code from a session run
by a school or helpline with their parents' or carers' consent. A consultation cannot open without one."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.consultations import services
from cwgcop.consultations.models import Consultation
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import consultation, lead, staff
from tests.consultations.test_staff_pages import _consultation_form
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db

REFUSAL = (
    "Children in 9–12 years are under 13: they may answer only with a group code from a session that has their "
    "parents' or carers' consent. Require a group code for these age groups."
)


def test_a_consultation_for_younger_children_is_refused_without_a_consent_route_on_the_staff_page() -> None:
    body = BodyFactory(acronym="CG-COP")
    user = staff(consultation(slug="other", body=body), RoleKind.SECRETARIAT, "sec")
    client = Client()
    client.force_login(user)
    form = _consultation_form(body.pk, slug="young-voices", age_bands=["9-12", "13-15"], consent_required_bands=[])
    refused = client.post("/en/staff/consultations/new/", form)
    assert refused.status_code == 400
    assert REFUSAL in html.unescape(refused.content.decode())
    assert not Consultation.objects.filter(slug="young-voices").exists()
    form["consent_required_bands"] = ["9-12"]
    created = client.post("/en/staff/consultations/new/", form)
    assert created.status_code == 302
    assert Consultation.objects.get(slug="young-voices").consent_required_bands == ["9-12"]


def test_the_refusal_is_in_the_readers_language() -> None:
    body = BodyFactory(acronym="CG-COP")
    user = staff(consultation(slug="other", body=body), RoleKind.SECRETARIAT, "sec")
    client = Client()
    client.force_login(user)
    form = _consultation_form(body.pk, slug="young-voices", age_bands=["9-12"], consent_required_bands=[])
    page = html.unescape(client.post("/fr/staff/consultations/new/", form).content.decode())
    assert "9–12 ans" in page
    assert "moins de 13 ans" in page


def test_the_age_of_consent_is_a_setting(settings: Any) -> None:
    settings.CWGCOP_CONSULTATION_CONSENT_AGE = 16
    assert services.lifecycle.bands_needing_consent(["9-12", "13-15", "16-17", "18-24"]) == ["9-12", "13-15"]
    settings.CWGCOP_CONSULTATION_CONSENT_AGE = 13
    assert services.lifecycle.bands_needing_consent(["9-12", "13-15", "16-17", "18-24"]) == ["9-12"]


def test_publishing_needs_the_consent_route_and_an_active_group_code() -> None:
    # Written around the service (as data from before this rule would be): 9–12 without a group code.
    found = consultation(published_at=None, age_bands=["9-12", "13-15"], consent_required_bands=[])
    lead(found)
    with pytest.raises(DomainError) as error:
        services.publish(actor=None, consultation=found)
    assert (error.value.code, error.value.messages) == ("consent_route_missing", [REFUSAL])
    Consultation.objects.filter(pk=found.pk).update(consent_required_bands=["9-12"])
    found.refresh_from_db()
    with pytest.raises(DomainError) as error:
        services.publish(actor=None, consultation=found)
    assert error.value.messages == [
        (
            "Some age groups answer only with a group code: create the group code of at least one session with consent "
            "(a school, a helpline) before the consultation opens."
        )
    ]
    group, _code = services.create_group_code(actor=None, consultation=found, label="Lagos youth centre")
    services.deactivate_group_code(actor=None, group=group)
    with pytest.raises(DomainError):
        services.publish(actor=None, consultation=found)
    assert Consultation.objects.get(pk=found.pk).published_at is None
    assert not AuditEntry.objects.filter(action="consultation.publish").exists()
    services.create_group_code(actor=None, consultation=found, label="Abuja school, class 5")
    services.publish(actor=None, consultation=found)
    assert Consultation.objects.get(pk=found.pk).published_at is not None


def test_a_consultation_for_older_children_only_needs_no_group_code() -> None:
    found = consultation(published_at=None, age_bands=["13-15", "16-17", "18-24"], consent_required_bands=[])
    lead(found)
    services.publish(actor=None, consultation=found)
    assert Consultation.objects.get(pk=found.pk).published_at is not None
