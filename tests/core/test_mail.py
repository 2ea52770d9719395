"""The development e-mail backend writes each message to the terminal and to a file under var/mail/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail


def test_development_backend_writes_the_message_to_the_console_and_to_a_file(
    settings: pytest.FixtureRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.EMAIL_BACKEND = "cwgcop.core.mail.DevelopmentBackend"  # type: ignore[attr-defined]
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")  # type: ignore[attr-defined]
    sent = mail.send_mail("Confirm your place", "Follow https://example.org/c/1", "a@example.org", ["b@example.org"])
    assert sent == 1
    files = sorted((tmp_path / "mail").iterdir())
    assert len(files) == 1
    stored = files[0].read_text()
    assert "Subject: Confirm your place" in stored
    assert "Follow https://example.org/c/1" in stored
    printed = capsys.readouterr().out
    assert "Subject: Confirm your place" in printed
    assert "Follow https://example.org/c/1" in printed
