from __future__ import annotations

import pytest

from cwgcop.consultations.redaction import redact
from cwgcop.consultations.safeguarding import suggests_risk


@pytest.mark.parametrize(
    ("text", "country", "expected", "count"),
    [
        ("mail me at anna.k@example.com", "CH", "mail me at [e-mail]", 1),
        ("call +41 22 730 51 11 please", "CH", "call [phone] please", 1),
        ("我的电话是13812345678", "CN", "我的电话是[phone]", 1),
        ("rappelle-moi au 06 12 34 56 78", "FR", "rappelle-moi au [phone]", 1),
        ("call 0722 123 456", "KE", "call [phone]", 1),
        ("الرقم 0501234567", "SA", "الرقم [phone]", 1),
        ("follow @xiaoming_01 on there", "CN", "follow [handle] on there", 1),
        ("see https://example.org/me and www.tiktok.com/x", "US", "see [link] and [link]", 2),
        ("my passport A1234567 and id 123-456-789", "US", "my passport [ID number] and id [ID number]", 2),
        ("I am 12 and I play 3 games", "KE", "I am 12 and I play 3 games", 0),
    ],
)
def test_redact_replaces_personal_details_with_placeholders(text: str, country: str, expected: str, count: int) -> None:
    result = redact(text, country=country)
    assert (result.text, result.replacements) == (expected, count)


@pytest.mark.parametrize(
    ("text", "language", "risky"),
    [
        ("Sometimes I want to die", "en", True),
        ("我有时候不想活了", "zh-hans", True),
        ("Il me frappe souvent", "fr", True),
        ("أريد أن أموت", "ar", True),
        ("Отец бьёт меня", "ru", True),
        ("quiero morirme", "es", True),
        ("Someone asked me to SEND NUDES", "fr", True),
        ("I like my helpline, it is kind", "en", False),
        ("grapes and shapes", "en", False),
    ],
)
def test_safeguarding_lists_catch_risk_in_every_language(text: str, language: str, risky: bool) -> None:
    assert suggests_risk(text, language) is risky
