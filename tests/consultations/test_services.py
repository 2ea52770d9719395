from __future__ import annotations

import datetime
import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Response, SafeguardingCase
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import answers, consultation, submit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "write to me at secret.child@example.com or +254 722 123 456"


def _all_text_in_database() -> str:
    """Every text value of every table, to prove the original words were never stored."""
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            dump.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(dump)


def test_free_text_is_redacted_before_it_is_stored_and_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    found = consultation()
    submitted = submit(found, text=SECRET)
    answer = Answer.objects.get(response=submitted.response, question__kind="text")
    assert answer.text == "write to me at [email] or [phone]"
    assert (answer.redactions, answer.moderation) == (2, "pending")
    stored = _all_text_in_database()
    assert "secret.child@example.com" not in stored
    assert "722 123 456" not in stored
    assert "secret.child" not in caplog.text
    assert not any("secret.child" in str(cache.get(key)) for key in getattr(cache, "_cache", {}))


def test_receipt_is_random_shown_once_and_stored_as_hash() -> None:
    found = consultation()
    first = submit(found)
    second = submit(found)
    assert first.receipt != second.receipt
    assert len(first.receipt) == 14
    assert first.response.receipt_hash == services.hash_code(first.receipt)
    assert first.receipt not in _all_text_in_database()


def test_choice_answers_need_no_moderation_and_profile_holds_no_identity() -> None:
    found = consultation()
    response = submit(found, country="EG", gender="girl").response
    assert (response.region, response.gender, response.submitted_on) == ("arab-states", "girl", timezone.localdate())
    assert sorted(response.answers.values_list("question__order", "moderation")) == [(1, "approved"), (2, "approved")]


def test_disclosure_goes_to_safeguarding_never_to_moderation() -> None:
    found = consultation()
    lead = UserFactory(username="lead")
    Role.objects.create(user=lead, body=found.body, kind=RoleKind.SAFEGUARDING_LEAD)
    submitted = submit(found, text="my stepfather hits me every night and I want to die")
    assert submitted.at_risk is True
    case = SafeguardingCase.objects.get()
    assert (case.lead, case.status, case.first_action_at, case.answer.moderation) == (
        lead,
        "open",
        None,
        "safeguarding",
    )
    with pytest.raises(DomainError):
        services.moderate(actor=lead, answer=case.answer, approve=True)
    services.act_on_case(actor=lead, case=case, status="in-progress", notes="Called the partner helpline")
    case.refresh_from_db()
    assert case.first_action_at is not None
    assert case.notes.endswith("Called the partner helpline")


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"language": "fr"}, "language_not_offered"),
        ({"age_band": "25-30"}, "age_band_invalid"),
        ({"country": "XX"}, "country_invalid"),
        ({"text": "x" * 100_000}, "answer_too_long"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(overrides: dict[str, object], code: str) -> None:
    found = consultation()
    with pytest.raises(DomainError) as error:
        submit(found, **overrides)
    assert error.value.code == code
    assert (Response.objects.count(), Answer.objects.count(), AuditEntry.objects.count()) == (0, 0, 0)


def test_answers_after_closing_are_refused() -> None:
    now = timezone.now()
    found = consultation(opens_at=now - datetime.timedelta(days=3), closes_at=now - datetime.timedelta(minutes=1))
    with pytest.raises(DomainError) as error:
        submit(found)
    assert error.value.messages == ["This consultation is closed. Thank you for wanting to take part!"]


def test_group_code_is_required_where_the_consultation_says_so() -> None:
    found = consultation(consent_required_bands=["9-12"])
    found.group_codes.create(label="Nairobi school", code_hash=services.hash_code("SCHOOL-42"))
    with pytest.raises(DomainError) as error:
        submit(found, age_band="9-12")
    assert error.value.code == "group_code_required"
    ok = submit(found, age_band="9-12", group_code="school-42")
    assert ok.response.group_code.label == "Nairobi school"
    assert submit(found, age_band="16-17").response.group_code is None


def test_withdraw_deletes_answers_and_a_reused_receipt_is_refused() -> None:
    found = consultation()
    submitted = submit(found, text="more posters at school")
    services.withdraw(consultation=found, receipt=submitted.receipt.lower())
    assert Answer.objects.count() == 0
    with pytest.raises(DomainError) as reused:
        services.withdraw(consultation=found, receipt=submitted.receipt)
    assert reused.value.code == "receipt_unknown"
    with pytest.raises(DomainError):
        services.response_for_receipt(found, "FORG-EDCO-DE00")


def test_consultation_cannot_open_before_every_language_is_complete() -> None:
    found = consultation(published_at=None, privacy_notice_zh_hans="")
    with pytest.raises(DomainError) as error:
        services.publish(actor=None, consultation=found)
    assert error.value.code == "translations_missing"
    assert "zh-hans: privacy notice" in error.value.messages[0]
    found.privacy_notice_zh_hans = "匿名"
    found.save()
    services.publish(actor=None, consultation=found)
    assert found.published_at is not None


def test_archive_needs_the_feedback_page_and_retention_deletes_raw_answers() -> None:
    found = consultation()
    submit(found, text="ok")
    with pytest.raises(DomainError) as error:
        services.archive(actor=None, consultation=found)
    assert error.value.code == "feedback_missing"
    services.publish_feedback(
        actor=None,
        consultation=found,
        texts={"en": "We asked ITU to list helplines.", "zh-hans": "我们请国际电联列出求助热线。"},
    )
    services.archive(actor=None, consultation=found)
    later = timezone.now() + datetime.timedelta(days=181)
    assert services.delete_expired_answers(now=later, days=180) > 0
    assert (Response.objects.count(), Answer.objects.count()) == (0, 0)


def test_unknown_question_is_refused() -> None:
    found = consultation()
    submission = services.Submission(
        language="en", age_band="13-15", country="KE", answers={**answers(found), 999999: "x"}
    )
    with pytest.raises(DomainError) as error:
        services.submit_response(consultation=found, submission=submission)
    assert error.value.code == "question_unknown"
