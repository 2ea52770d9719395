"""The secretariat's pages, from an empty draft to an archived consultation, through the same services."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from cwgcop.bodies.enums import RoleKind
from cwgcop.consultations import services
from cwgcop.consultations.models import Consultation, GroupCode, Question, SharingPackage
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import close, consultation, lead, moderator, secretariat, staff, submit
from tests.factories import BodyFactory, MeetingFactory
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _consultation_form(body_pk: int, **overrides: Any) -> dict[str, Any]:
    now = timezone.now()
    data: dict[str, Any] = {
        "slug": "online-safety",
        "body": str(body_pk),
        "meeting": "",
        "languages": ["en", "zh-hans"],
        "age_bands": ["13-15", "16-17"],
        "consent_required_bands": [],
        "opens_at": _local(now - datetime.timedelta(hours=1)),
        "closes_at": _local(now + datetime.timedelta(days=14)),
        "live_opens_at": "",
        "live_closes_at": "",
        "title_en": "Staying safe online",
        "title_zh_hans": "上网安全",
        "introduction_en": "Tell us what helps you stay safe.",
        "introduction_zh_hans": "告诉我们什么能帮你保持安全。",
        "privacy_notice_en": "We keep your answers for 180 days after we write back.",
        "privacy_notice_zh_hans": "",
    }
    data.update(overrides)
    return data


def test_the_secretariat_writes_checks_and_publishes_a_consultation() -> None:
    body = BodyFactory(acronym="CWG-COP")
    meeting = MeetingFactory(body=body, number=21)
    user = staff(consultation(slug="other", body=body), RoleKind.SECRETARIAT, "sec")
    client = Client()
    client.force_login(user)
    created = client.post("/en/staff/consultations/new/", _consultation_form(body.pk, meeting=str(meeting.pk)))
    assert created.status_code == 302
    assert created["Location"] == "/en/staff/consultations/online-safety/"
    draft = Consultation.objects.get(slug="online-safety")
    assert (draft.title_en, draft.title_zh_hans, draft.meeting, draft.published_at) == (
        "Staying safe online",
        "上网安全",
        meeting,
        None,
    )
    asked = {
        "kind": "single",
        "required": "on",
        "text_en": "Do you know who to ask for help?",
        "text_zh_hans": "你知道该向谁求助吗？",
        "choices_en": "Yes\nNo\nNot sure",
    }
    new_question = "/en/staff/consultations/online-safety/questions/new/"
    added = client.post(new_question, {**asked, "choices_zh_hans": "知道\n不知道"})
    assert added.status_code == 400
    assert "Give the same number of choices in every language." in added.content.decode()
    assert Question.objects.filter(consultation=draft).count() == 0
    client.post(new_question, {**asked, "choices_zh_hans": "知道\n不知道\n不确定"})
    client.post("/en/staff/consultations/online-safety/questions/new/", {"kind": "text", "text_en": "What would help?"})
    question = Question.objects.get(consultation=draft, order=1)
    assert [c.label_zh_hans for c in question.choices.all()] == ["知道", "不知道", "不确定"]
    refused = client.post("/en/staff/consultations/online-safety/publish/", follow=True)
    page = refused.content.decode()
    assert "The consultation cannot open before every language is complete." in page
    assert "zh-hans: privacy notice" in page
    assert "zh-hans: question 2" in page
    assert Consultation.objects.get(pk=draft.pk).published_at is None
    client.post(
        "/en/staff/consultations/online-safety/edit/",
        _consultation_form(body.pk, privacy_notice_zh_hans="我们在回复你之后保存你的回答180天。"),
    )
    client.post(
        f"/en/staff/consultations/online-safety/questions/{Question.objects.get(consultation=draft, order=2).pk}/",
        {"kind": "text", "text_en": "What would help?", "text_zh_hans": "什么会有帮助？"},
    )
    no_lead = client.post("/en/staff/consultations/online-safety/publish/", follow=True).content.decode()
    assert "Name a safeguarding lead for this body before the consultation opens" in no_lead
    lead(draft)
    published = client.post("/en/staff/consultations/online-safety/publish/", follow=True).content.decode()
    assert "Published: children can take part" in published
    assert Consultation.objects.get(pk=draft.pk).published_at is not None
    frozen = client.post(
        f"/en/staff/consultations/online-safety/questions/{question.pk}/",
        {"kind": "text", "text_en": "Changed", "text_zh_hans": "改了"},
    )
    assert frozen.status_code == 400
    assert "Questions cannot change once the consultation is published" in frozen.content.decode()
    assert Question.objects.get(pk=question.pk).text_en == "Do you know who to ask for help?"
    assert list(
        AuditEntry.objects.filter(object_type="consultations.consultation", object_id=str(draft.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "consultation.create",
        "consultation.update",
        "consultation.publish",
    ]


def test_a_bad_consultation_form_is_refused_with_its_reason_and_nothing_written() -> None:
    body = BodyFactory()
    user = secretariat(consultation(slug="other", body=body))
    client = Client()
    client.force_login(user)
    now = timezone.now()
    response = client.post(
        "/en/staff/consultations/new/",
        _consultation_form(body.pk, closes_at=_local(now - datetime.timedelta(days=2))),
    )
    assert response.status_code == 400
    assert "The consultation must close after it opens." in response.content.decode()
    # "new" is the address of the creation page under /staff/consultations/, "help" a public page under /consult/.
    for slug in ("help", "new"):
        reserved = client.post("/en/staff/consultations/new/", _consultation_form(body.pk, slug=slug))
        assert "This short name is reserved: choose another one." in reserved.content.decode()
    assert Consultation.objects.filter(slug__in=["online-safety", "help", "new"]).count() == 0


def test_a_group_code_is_shown_once_and_kept_only_as_a_hash() -> None:
    found = consultation(consent_required_bands=["9-12"])
    client = Client()
    client.force_login(secretariat(found))
    missing = client.post(f"/en/staff/consultations/{found.slug}/codes/", {"label": "Nairobi school, class 6"})
    assert missing.status_code == 400
    assert GroupCode.objects.count() == 0
    page = client.post(
        f"/en/staff/consultations/{found.slug}/codes/",
        {"label": "Nairobi school, class 6", "facilitator": "Grace Wanjiru", "facilitator_contact": "+254 700 111 222"},
    )
    code = re.search(r'<strong class="receipt-code">([A-Z2-9]{4}-[A-Z2-9]{4})</strong>', page.content.decode()).group(1)  # type: ignore[union-attr]
    group = GroupCode.objects.get()
    assert (group.label, group.code_hash) == ("Nairobi school, class 6", services.hash_code(code))
    assert (group.facilitator, group.facilitator_contact) == ("Grace Wanjiru", "+254 700 111 222")
    assert code not in client.get(f"/en/staff/consultations/{found.slug}/").content.decode()
    assert submit(found, age_band="9-12", group_code=code).response.group_code == group
    client.post(f"/en/staff/consultations/{found.slug}/codes/{group.pk}/deactivate/")
    with pytest.raises(DomainError) as switched_off:
        submit(found, age_band="9-12", group_code=code)
    assert switched_off.value.code == "group_code_required"


def test_feedback_then_archive_through_the_pages() -> None:
    found = consultation()
    client = Client()
    client.force_login(secretariat(found))
    too_early = client.post(
        f"/en/staff/consultations/{found.slug}/feedback/",
        {"feedback_en": "We did it.", "feedback_zh_hans": "我们做到了。"},
    )
    assert too_early.status_code == 400
    assert "Write back to the children once the consultation has closed." in too_early.content.decode()
    close(found)
    refused = client.post(f"/en/staff/consultations/{found.slug}/archive/", follow=True).content.decode()
    assert "Publish the “you said, we did” page before archiving" in refused
    assert Consultation.objects.get(pk=found.pk).archived_at is None
    done = client.post(
        f"/en/staff/consultations/{found.slug}/feedback/",
        {"feedback_en": "We did it.", "feedback_zh_hans": "我们做到了。"},
    )
    assert done.status_code == 302
    client.post(f"/en/staff/consultations/{found.slug}/archive/")
    archived = Consultation.objects.get(pk=found.pk)
    assert archived.archived_at is not None
    assert archived.feedback_zh_hans == "我们做到了。"


def test_the_list_page_has_a_fixed_number_of_queries(django_assert_num_queries: Any) -> None:
    body = BodyFactory()
    first = consultation(slug="one", body=body)
    user = secretariat(first)
    client = Client()
    client.force_login(user)
    client.get("/en/staff/consultations/")  # sessions and the like are warmed up
    with django_assert_num_queries(8) as one:
        page = client.get("/en/staff/consultations/")
    assert page.content.decode().count('href="/en/staff/consultations/one/"') == 1
    consultation(slug="two", body=body)
    consultation(slug="three", body=body)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get("/en/staff/consultations/")
    managed = re.findall(r'href="(/en/staff/consultations/[a-z]+/)">Manage</a>', page.content.decode())
    assert sorted(managed) == [f"/en/staff/consultations/{slug}/" for slug in ("one", "three", "two")]


def test_a_moderator_sees_the_list_with_moderation_links_only() -> None:
    found = consultation()
    client = Client()
    client.force_login(moderator(found))
    page = client.get("/en/staff/consultations/").content.decode()
    assert f'href="/en/staff/consultations/{found.slug}/moderation/"' in page
    assert f'href="/en/staff/consultations/{found.slug}/"' not in page
    assert f'href="/en/staff/consultations/{found.slug}/safeguarding/"' not in page
    assert "New consultation" not in page


def test_a_sharing_package_is_created_and_its_link_e_mailed(
    mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    found = consultation()
    submit(found)
    close(found)
    client = Client()
    client.force_login(secretariat(found))
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            f"/en/staff/consultations/{found.slug}/packages/",
            {
                "recipient": "Child Helpline International",
                "recipient_kind": "focal-point",
                "recipient_email": "focal@example.org",
                "language": "zh-hans",
            },
        )
    assert page.status_code == 200
    package = SharingPackage.objects.get()
    assert (package.recipient, package.k, package.language) == ("Child Helpline International", 5, "zh-hans")
    [message] = mailoutbox
    assert message.to == ["focal@example.org"]
    link = re.search(r"http://127\.0\.0\.1:8000/zh-hans/consult/package/\S+/", message.body).group(0)  # type: ignore[union-attr]
    assert link in page.content.decode()
    assert Client().get(link.removeprefix("http://127.0.0.1:8000")).status_code == 200
    listed = client.get(f"/en/staff/consultations/{found.slug}/packages/").content.decode()
    assert "Child Helpline International" in listed
    assert '<td class="number">1</td>' in listed  # one download


@pytest.mark.parametrize("rows", [1, 3])
def test_manage_page_runs_a_fixed_number_of_queries(client: Client, page_in_queries: PageInQueries, rows: int) -> None:
    found = consultation()
    sec = secretariat(found)
    for number in range(rows):
        services.create_group_code(actor=sec, consultation=found, label=f"Youth club {number}")
    client.force_login(sec)
    page = page_in_queries(f"/en/staff/consultations/{found.slug}/", 14)  # the same for 1 or 3 group codes
    assert page.count("Youth club ") == rows
