from __future__ import annotations

import re

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.consultations import form_tokens
from cwgcop.consultations.models import Answer, Response
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import give_totp
from tests.consultations.factories import close, consultation, lead, moderator, submit
from tests.factories import BodyFactory, UserFactory
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _form(found, **overrides: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    questions = {q.order: q for q in found.questions.all()}
    data: dict[str, object] = {
        "form_token": form_tokens.issue(found),
        "age_band": "13-15",
        "country": "CN",
        "gender": "unsaid",
        f"q{questions[1].pk}": str(questions[1].choices.first().pk),
        f"q{questions[2].pk}": "5",
        f"q{questions[3].pk}": "Helplines should answer on chat too",
    }
    data.update(overrides)
    return data


def test_take_part_page_is_safe_for_children(client: Client) -> None:
    found = consultation()
    response = client.get(f"/zh-hans/consult/{found.slug}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "你听说过儿童求助热线吗？" in body
    assert "Need help now?" in body or "需要帮助吗" in body
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "default-src 'self'" in csp
    assert not re.search(r"<script[^>]+src=\"https?://", body)
    assert set(response.cookies) <= {"csrftoken"}
    assert len(response.content) < 150 * 1024
    assert response["Cache-Control"] == "private, no-store"
    assert "email" not in body.lower().replace("e-mail", "")


def test_child_answers_in_chinese_and_gets_a_receipt(client: Client) -> None:
    found = consultation()
    response = client.post(f"/zh-hans/consult/{found.slug}/answer/", _form(found))
    assert response.status_code == 200
    code = re.search(r"<strong>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</strong>", response.content.decode()).group(1)  # type: ignore[union-attr]
    stored = Response.objects.get()
    assert (stored.language, stored.region) == ("zh-hans", "asia-pacific")
    lookup = client.post(f"/zh-hans/consult/{found.slug}/receipt/", {"receipt": code, "action": "feedback"})
    assert lookup.status_code == 200


def test_disclosure_shows_the_helpline_at_once(client: Client) -> None:
    found = consultation()
    response = client.post(
        f"/en/consult/{found.slug}/answer/",
        _form(
            found, country="KE", **{f"q{found.questions.get(order=3).pk}": "he touches me and I am scared to go home"}
        ),
    )
    body = response.content.decode()
    assert "You are not alone" in body
    assert "Childline Kenya" in body
    assert Answer.objects.get(question__order=3).moderation == "safeguarding"


def test_html_in_answers_is_stored_and_shown_as_text(client: Client) -> None:
    found = consultation()
    submitted = submit(found, text="<script>alert(1)</script><b>bold</b>")
    moderator = UserFactory(username="mod")
    Role.objects.create(user=moderator, body=found.body, kind=RoleKind.MODERATOR)
    give_totp(moderator)
    client.force_login(moderator)
    page = client.get(f"/en/staff/consultations/{found.slug}/moderation/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert AuditEntry.objects.filter(action="consultation.view_raw").count() == 1
    answer = submitted.response.answers.get(question__kind="text")
    client.post(f"/en/staff/consultations/{found.slug}/moderation/{answer.pk}/", {"decision": "approve"})
    assert Answer.objects.get(pk=answer.pk).moderation == "approved"


def test_moderation_and_safeguarding_need_their_roles(client: Client) -> None:
    found = consultation()
    submitted = submit(found, text="hello")
    answer = submitted.response.answers.get(question__kind="text")
    anonymous = client.get(f"/en/staff/consultations/{found.slug}/moderation/")
    assert anonymous["Location"] == f"/en/account/login/?next=/en/staff/consultations/{found.slug}/moderation/"
    member = UserFactory(username="member")
    give_totp(member)
    client.force_login(member)
    assert client.get(f"/en/staff/consultations/{found.slug}/moderation/").status_code == 403
    assert (
        client.post(
            f"/en/staff/consultations/{found.slug}/moderation/{answer.pk}/", {"decision": "approve"}
        ).status_code
        == 403
    )
    assert client.get(f"/en/staff/consultations/{found.slug}/safeguarding/").status_code == 403
    assert Answer.objects.get(pk=answer.pk).moderation == "pending"


def test_results_page_hides_small_groups(client: Client) -> None:
    found = consultation()
    for _ in range(11):
        submit(found, choice="Yes")
    submit(found, choice="No")
    close(found)
    body = client.get(f"/en/consult/{found.slug}/results/").content.decode()
    assert "12 young people took part." in body
    assert "fewer than 10" in body
    assert ">11<" not in body  # the complement of the single "No" is hidden too


@pytest.mark.parametrize("rows", [1, 3])
def test_public_index_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory(acronym="EG-SAFE")
    for number in range(rows):
        consultation(slug=f"games-{number}", body=body, title_en=f"Games {number}")
    with django_assert_num_queries(1):  # the same for 1 or 3 consultations
        page = client.get("/en/consult/").content.decode()
    assert page.count('href="/en/consult/games-') == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_moderation_queue_runs_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    found = consultation()
    for number in range(rows):
        submit(found, text=f"More chat helplines please {number}")
    client.force_login(moderator(found))
    # The same for 1 or 3 answers, the audit entry of the reading included
    page = page_in_queries(f"/en/staff/consultations/{found.slug}/moderation/", 8)
    assert page.count("More chat helplines please") == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_safeguarding_cases_run_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    found = consultation()
    for _number in range(rows):
        submit(found, text="he touches me and I am scared to go home")
    client.force_login(lead(found))
    # The same for 1 or 3 cases, the audit entry of the reading included
    page = page_in_queries(f"/en/staff/consultations/{found.slug}/safeguarding/", 8)
    assert page.count("scared to go home") == rows
