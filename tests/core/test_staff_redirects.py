"""Staff pages that moved under /<lang>/staff/ answer at their old address with a permanent redirect.

Reading (GET) gets 301 with the query string kept; a form posted to the old address gets 308, so the browser posts
it again to the new one instead of dropping it. No object needs to exist: the redirect comes before any view.
"""

from __future__ import annotations

import pytest
from django.test import Client

UUID = "3d5c8a2e-7b14-4c6f-8e90-1a2b3c4d5e6f"
MOVED = [
    # Events: /events/<series>/<event>/staff/… → /staff/events/<series>/<event>/…
    ("/fr/events/wsis/forum-2031/staff/", "/fr/staff/events/wsis/forum-2031/"),
    ("/fr/events/wsis/forum-2031/staff/export.xlsx", "/fr/staff/events/wsis/forum-2031/export.xlsx"),
    ("/fr/events/wsis/forum-2031/staff/capacity/", "/fr/staff/events/wsis/forum-2031/capacity/"),
    ("/fr/events/wsis/forum-2031/staff/email/", "/fr/staff/events/wsis/forum-2031/email/"),
    (f"/fr/events/wsis/forum-2031/staff/{UUID}/check-in/", f"/fr/staff/events/wsis/forum-2031/{UUID}/check-in/"),
    # Consultations: /consult/staff/, /consult/<slug>/staff/…, moderation and safeguarding → /staff/consultations/…
    ("/fr/consult/staff/", "/fr/staff/consultations/"),
    ("/fr/consult/staff/new/", "/fr/staff/consultations/new/"),
    ("/fr/consult/play-safe/staff/", "/fr/staff/consultations/play-safe/"),
    ("/fr/consult/play-safe/staff/edit/", "/fr/staff/consultations/play-safe/edit/"),
    ("/fr/consult/play-safe/staff/questions/new/", "/fr/staff/consultations/play-safe/questions/new/"),
    ("/fr/consult/play-safe/staff/questions/41/", "/fr/staff/consultations/play-safe/questions/41/"),
    ("/fr/consult/play-safe/staff/questions/41/delete/", "/fr/staff/consultations/play-safe/questions/41/delete/"),
    ("/fr/consult/play-safe/staff/publish/", "/fr/staff/consultations/play-safe/publish/"),
    ("/fr/consult/play-safe/staff/codes/", "/fr/staff/consultations/play-safe/codes/"),
    ("/fr/consult/play-safe/staff/codes/7/deactivate/", "/fr/staff/consultations/play-safe/codes/7/deactivate/"),
    ("/fr/consult/play-safe/staff/feedback/", "/fr/staff/consultations/play-safe/feedback/"),
    ("/fr/consult/play-safe/staff/archive/", "/fr/staff/consultations/play-safe/archive/"),
    ("/fr/consult/play-safe/staff/packages/", "/fr/staff/consultations/play-safe/packages/"),
    ("/fr/consult/play-safe/staff/metrics/", "/fr/staff/consultations/play-safe/metrics/"),
    ("/fr/consult/play-safe/moderation/", "/fr/staff/consultations/play-safe/moderation/"),
    ("/fr/consult/play-safe/moderation/12/", "/fr/staff/consultations/play-safe/moderation/12/"),
    ("/fr/consult/play-safe/safeguarding/", "/fr/staff/consultations/play-safe/safeguarding/"),
    ("/fr/consult/play-safe/safeguarding/3/", "/fr/staff/consultations/play-safe/safeguarding/3/"),
    # Reports: drafting under /reports/ → /staff/reports/ (downloads of published reports stay put).
    ("/fr/reports/", "/fr/staff/reports/"),
    ("/fr/reports/58/", "/fr/staff/reports/58/"),
    ("/fr/reports/58/edit/ru/", "/fr/staff/reports/58/edit/ru/"),
    ("/fr/reports/58/approve/", "/fr/staff/reports/58/approve/"),
    ("/fr/reports/58/publish/", "/fr/staff/reports/58/publish/"),
    # Meetings: adopting and reopening an agenda → /staff/meetings/<body>/<number>/agenda/…
    ("/fr/meetings/sg-7/31/agenda/adopt/", "/fr/staff/meetings/sg-7/31/agenda/adopt/"),
    ("/fr/meetings/sg-7/31/agenda/reopen/", "/fr/staff/meetings/sg-7/31/agenda/reopen/"),
]


@pytest.mark.parametrize(("old", "new"), MOVED, ids=[old for old, _new in MOVED])
def test_the_old_address_redirects_permanently_and_keeps_the_query(client: Client, old: str, new: str) -> None:
    read = client.get(old + "?status=confirmed&q=Ana")
    assert (read.status_code, read["Location"]) == (301, new + "?status=confirmed&q=Ana")
    posted = client.post(old, {"version": "2"})
    assert (posted.status_code, posted["Location"]) == (308, new)


@pytest.mark.django_db
def test_the_public_pages_next_to_the_moved_ones_stay(client: Client) -> None:
    assert client.get("/fr/consult/help/").status_code == 200
    assert client.get("/fr/events/").status_code == 200
    assert client.get("/fr/reports/58/fr.pdf").status_code == 404  # a download address, not a redirect
