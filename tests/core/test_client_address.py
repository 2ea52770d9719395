"""One notion of the client's address (behind trusted proxies only), used by every rate limit: event
registrations (pages and API), sign-in through allauth, consultations. Limits per client; a form with errors is
not counted; the 429 answer is in the reader's language."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from cwgcop.consultations.models import Response
from cwgcop.core import ratelimit
from cwgcop.core.http import client_address
from cwgcop.events.models import Event, Registration
from tests.consultations.factories import consultation
from tests.consultations.test_child_pages import form_data
from tests.core.test_settings_security import run_python
from tests.events.factories import EventFactory
from tests.events.test_api import PAYLOAD
from tests.events.test_views import _form
from tests.factories import UserFactory

PROXY = "10.20.0.5"


def _address(remote: str, forwarded: str | None = None) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))  # type: ignore[arg-type]


@pytest.fixture
def behind_proxy(settings: Any) -> None:
    settings.CWGCOP_TRUSTED_PROXIES = ["10.20.0.0/24", "2001:db8:ff::1"]


def test_without_trusted_proxies_the_peer_is_the_client(settings: Any) -> None:
    settings.CWGCOP_TRUSTED_PROXIES = []
    assert _address("10.20.0.5", "203.0.113.9") == "10.20.0.5"


@pytest.mark.usefixtures("behind_proxy")
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # nginx appends the address it saw: the right-most untrusted hop is the client.
        (PROXY, "203.0.113.9", "203.0.113.9"),
        # what the client wrote on the left is never believed
        (PROXY, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
        # a second trusted proxy in the chain is skipped
        (PROXY, "203.0.113.9, 10.20.0.7", "203.0.113.9"),
        # an untrusted peer's header is ignored: spoofing gives the peer's own address
        ("192.0.2.44", "203.0.113.9", "192.0.2.44"),
        # no header from the proxy: the proxy itself
        (PROXY, None, PROXY),
        # garbage stops the walk at the last trusted hop
        (PROXY, "not-an-address", PROXY),
        (PROXY, "203.0.113.9:51234", "203.0.113.9"),
        ("2001:db8:ff::1", "[2001:db8:1::9]:443", "2001:db8:1::9"),
        ("::ffff:10.20.0.5", "203.0.113.9", "203.0.113.9"),
    ],
)
def test_client_address_reads_forwarded_for_from_trusted_peers_only(
    remote: str, forwarded: str | None, expected: str
) -> None:
    assert _address(remote, forwarded) == expected


def test_a_wrong_trusted_proxy_setting_refuses_to_start(tmp_path: Path) -> None:
    result = run_python(
        "import cwgcop.settings",
        tmp_path,
        CWGCOP_SECRET_KEY="a-key-for-this-check-only",
        CWGCOP_TRUSTED_PROXIES="10.0.0.0/8,proxy.local",
        PYTHONPATH=os.environ.get("PYTHONPATH", ""),
    )
    assert result.returncode == 1
    assert (
        "ImproperlyConfigured: CWGCOP_TRUSTED_PROXIES must list addresses or networks (10.0.0.0/8), "
        "not 'proxy.local'" in result.stderr
    )


def test_ipv6_clients_are_counted_by_their_64_network(settings: Any) -> None:
    first = RequestFactory().get("/", REMOTE_ADDR="2001:db8:5:6:1::1")
    second = RequestFactory().get("/", REMOTE_ADDR="2001:db8:5:6:ffff::2")
    assert ratelimit.client_bucket(first) == ratelimit.client_bucket(second) == "2001:db8:5:6::/64"


@pytest.mark.parametrize(("text", "count", "seconds"), [("10/h", 10, 3600), ("5/10m", 5, 600), ("100/d", 100, 86400)])
def test_rates_are_read_as_django_ratelimit_writes_them(text: str, count: int, seconds: int) -> None:
    assert ratelimit.parse_rate(text) == ratelimit.Rate(count, seconds)


def test_an_unreadable_rate_is_a_configuration_error() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"count/period \(10/h, 5/10m\), not 'ten an hour'"):
        ratelimit.parse_rate("ten an hour")


@pytest.fixture
def event(settings: Any) -> Event:
    """An event with room for twenty, whose registrations the rate limit allows once an hour per client."""
    settings.CWGCOP_EVENT_RATE_LIMIT = "1/h"
    return EventFactory(capacity=20)


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_proxy")
def test_event_registrations_behind_the_proxy_count_per_client(event: Event) -> None:
    url = f"/en/events/{event.series.slug}/{event.slug}/register/"
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert first.post(url, _form(email="one@example.net")).status_code == 200
    assert second.post(url, _form(email="two@example.net")).status_code == 200
    again = first.post(url, _form(email="three@example.net"))
    assert again.status_code == 429
    assert "Too many registrations from your network in a short time." in again.content.decode()
    assert sorted(Registration.objects.values_list("email", flat=True)) == ["one@example.net", "two@example.net"]


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_proxy")
def test_a_spoofed_forwarded_for_from_an_untrusted_peer_counts_against_the_peer(event: Event) -> None:
    url = f"/en/events/{event.series.slug}/{event.slug}/register/"
    spoofer = "192.0.2.44"
    assert Client(REMOTE_ADDR=spoofer, HTTP_X_FORWARDED_FOR="203.0.113.1").post(url, _form()).status_code == 200
    changed = Client(REMOTE_ADDR=spoofer, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert changed.post(url, _form(email="other@example.net")).status_code == 429
    # The address it claimed is untouched: a real client there still registers.
    real = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert real.post(url, _form(email="real@example.net")).status_code == 200
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_a_registration_form_with_errors_is_not_counted(event: Event) -> None:
    url = f"/en/events/{event.series.slug}/{event.slug}/register/"
    client = Client(REMOTE_ADDR="198.51.100.30")
    for _ in range(3):
        assert client.post(url, _form(email="not-an-address")).status_code == 400
    assert client.post(url, _form(email="fixed@example.net")).status_code == 200
    assert client.post(url, _form(email="next@example.net")).status_code == 429


@pytest.mark.django_db
def test_the_429_of_the_registration_page_is_in_the_readers_language(event: Event) -> None:
    url = f"/fr/events/{event.series.slug}/{event.slug}/register/"
    client = Client(REMOTE_ADDR="198.51.100.31")
    client.post(url, _form(email="un@example.net"))
    refused = client.post(url, _form(email="deux@example.net"))
    assert refused.status_code == 429
    assert "Trop d’inscriptions depuis votre réseau en peu de temps. Veuillez réessayer plus tard." in (
        refused.content.decode()
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_proxy")
def test_api_registrations_count_per_client_and_answer_json_429(event: Event) -> None:
    url = f"/api/v1/events/{event.series.slug}/{event.slug}/registrations"
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10")
    assert first.post(url, {**PAYLOAD, "email": "a@example.net"}, content_type="application/json").status_code == 202
    assert second.post(url, {**PAYLOAD, "email": "b@example.net"}, content_type="application/json").status_code == 202
    refused = first.post(url, {**PAYLOAD, "email": "c@example.net"}, content_type="application/json")
    assert refused.status_code == 429
    assert refused.json() == {
        "detail": "Too many registrations from your network in a short time. Please try again later.",
        "code": "too_many_requests",
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_proxy")
def test_sign_in_limits_count_per_client_with_a_translated_429(settings: Any) -> None:
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    UserFactory(username="delegate", email="delegate@example.net")
    url = "/fr/account/login/"
    data = {"login": "delegate@example.net", "password": "wrong-password-1"}
    crowded = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert [crowded.post(url, data).status_code for _ in range(2)] == [200, 200]
    refused = crowded.post(url, data)
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "<h1>Trop de tentatives</h1>" in page
    assert '<html lang="fr"' in page
    # Another delegate behind the same proxy still signs in.
    colleague = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.51")
    signed_in = colleague.post(url, {"login": "delegate@example.net", "password": "correct-horse-battery"})
    assert signed_in.status_code == 302


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_proxy")
def test_consultation_answers_count_per_client_behind_the_proxy(settings: Any) -> None:
    settings.CWGCOP_CONSULTATION_RATE_LIMIT = 1
    found = consultation()
    url = f"/en/consult/{found.slug}/answer/"
    school = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.70")
    home = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.71")
    assert school.post(url, form_data(found, age_band="")).status_code == 400  # not counted
    assert school.post(url, form_data(found)).status_code == 200
    assert home.post(url, form_data(found)).status_code == 200
    assert school.post(url, form_data(found)).status_code == 429
    assert Response.objects.count() == 2
