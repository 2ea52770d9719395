"""Concurrent confirmations never overbook: ten threads, each its own connection and transactions."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from cwgcop.events import services
from cwgcop.events.models import Event, Registration
from tests.events.factories import EventFactory, applicant

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_confirmations_fill_capacity_exactly() -> None:
    event = EventFactory(capacity=5)
    registrations = [services.register(event=event, applicant=applicant(n))[0] for n in range(20)]
    barrier = threading.Barrier(10)
    errors: list[BaseException] = []

    def worker(chunk: list[Registration]) -> None:
        try:
            barrier.wait()
            for registration in chunk:
                services.confirm_email(registration=registration)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(registrations[i::10],)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in ("confirmed", "waitlisted")
    }
    assert counts == {"confirmed": 5, "waitlisted": 15}
    assert Event.objects.get(pk=event.pk).confirmed_count == 5
