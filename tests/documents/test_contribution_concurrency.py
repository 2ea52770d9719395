"""Publishing submissions at the same moment never gives two of them the same symbol (PostgreSQL).

Real threads on real connections. The test database of the SQLite run is an in-memory database in
shared-cache mode, whose table locks fail at once instead of waiting, unlike the file database the platform
uses (WAL, ``BEGIN IMMEDIATE``, which serialises writers); so this test exists in the PostgreSQL run only.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from cwgcop.documents import contributions
from cwgcop.documents.models import Document, SymbolCounter
from tests.documents.contribution_factories import open_meeting, submitted
from tests.factories import member, secretariat

THREADS = 6


if connection.vendor == "postgresql":

    @pytest.mark.django_db(transaction=True)
    def test_concurrent_publications_take_distinct_consecutive_numbers() -> None:
        meeting = open_meeting()
        sec = secretariat(meeting.body)
        author = member()
        documents = [submitted(actor=author, meeting=meeting, title=f"Paper {n}") for n in range(THREADS)]
        barrier = threading.Barrier(THREADS)
        errors: list[BaseException] = []

        def publish(document: Document) -> None:
            try:
                barrier.wait(timeout=30)
                contributions.publish_submission(actor=sec, document=document)
            except BaseException as exc:
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=publish, args=(d,)) for d in documents]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert errors == []
        symbols = sorted(Document.objects.filter(meeting=meeting).values_list("symbol", flat=True))
        assert symbols == sorted(f"CWG-COP-22/{n}" for n in range(1, THREADS + 1))
        assert SymbolCounter.objects.get(meeting=meeting, series="").last_number == THREADS
