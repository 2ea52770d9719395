from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command

from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Consultation, Response
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import close, consultation, submit

pytestmark = pytest.mark.django_db


def test_the_daily_command_deletes_answers_past_the_retention_period() -> None:
    found = consultation()
    submit(found, text="posters")
    submit(found)
    close(found)
    services.publish_feedback(actor=None, consultation=found, texts={"en": "Done.", "zh-hans": "完成了。"})
    out = io.StringIO()
    call_command("delete_expired_consultation_answers", stdout=out)
    assert Response.objects.count() == 2  # it has just closed: 180 days to go
    call_command("delete_expired_consultation_answers", "--days", "0", stdout=out)
    assert Response.objects.count() == 0
    assert out.getvalue().splitlines() == [
        "Deleted the answers of 0 response(s) to consultations closed over 180 days ago.",
        "Deleted the answers of 2 response(s) to consultations closed over 0 days ago.",
    ]
    assert Consultation.objects.get().kept_results["en"]["responses"] == 2


def test_the_retention_period_is_configured_stated_to_children_and_applied(settings: Any, client: Any) -> None:
    settings.CWGCOP_CONSULTATION_RETENTION_DAYS = 30
    found = consultation()
    page = client.get(f"/en/consult/{found.slug}/").content.decode()
    assert "We delete your answers 30 days after the consultation closes." in page
    submit(found, text="posters")
    close(found)
    # The period runs from the close, whether or not "you said, we did" is written yet.
    closed = Consultation.objects.get().closes_at
    assert Consultation.objects.get().feedback_published_at is None
    assert services.delete_expired_answers(now=closed + datetime.timedelta(days=30)) == 0
    assert services.delete_expired_answers(now=closed + datetime.timedelta(days=30, seconds=1)) == 1
    assert (Response.objects.count(), Answer.objects.count()) == (0, 0)
    [entry] = AuditEntry.objects.filter(action="consultation.delete_answers")
    assert entry.after == {"deleted": 1}
