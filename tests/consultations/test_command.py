from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from cwgcop.consultations import services
from cwgcop.consultations.models import Consultation, Response
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
    assert Response.objects.count() == 2  # the page is new: 180 days to go
    call_command("delete_expired_consultation_answers", "--days", "0", stdout=out)
    assert Response.objects.count() == 0
    assert out.getvalue().splitlines() == [
        "Deleted the answers of 0 response(s) to consultations whose feedback page is over 180 days old.",
        "Deleted the answers of 2 response(s) to consultations whose feedback page is over 0 days old.",
    ]
    assert Consultation.objects.get().kept_results["en"]["responses"] == 2
