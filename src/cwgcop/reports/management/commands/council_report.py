"""Write a draft report to the Council from a script or cron::

    cwgcop council_report --body CWG-COP --start 2024-06-01 --end 2025-06-30 \\
        --language zh --format docx --output report.docx
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport

LANGUAGE_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-hans": "zh-hans"}


class Command(BaseCommand):
    help = "Write a draft report to the Council for a body and a period, as DOCX, PDF or HTML (nothing is saved)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--body", required=True, help="The body's acronym, e.g. CWG-COP.")
        parser.add_argument("--start", required=True, help="First day of the period (YYYY-MM-DD).")
        parser.add_argument("--end", required=True, help="Last day of the period (YYYY-MM-DD).")
        parser.add_argument("--language", default="en", help="ar, zh (zh-hans), en, fr, ru or es.")
        parser.add_argument("--format", default="docx", choices=["docx", "pdf", "html"])
        parser.add_argument("--output", required=True, help="Where to write the file.")

    def handle(self, *args: Any, **options: Any) -> None:
        body = Body.objects.filter(acronym=options["body"]).first()
        if body is None:
            raise CommandError(f"No body with the acronym {options['body']!r}.")
        try:
            start = datetime.date.fromisoformat(options["start"])
            end = datetime.date.fromisoformat(options["end"])
        except ValueError as exc:
            raise CommandError("Dates are written YYYY-MM-DD.") from exc
        language = LANGUAGE_ALIASES.get(options["language"].lower(), options["language"].lower())
        if language not in {"ar", "zh-hans", "en", "fr", "ru", "es"}:
            raise CommandError(f"Unknown language {options['language']!r}: use ar, zh, en, fr, ru or es.")
        try:
            sections = builder.build(body=body, start=start, end=end, language=language)
        except DomainError as error:
            raise CommandError(" ".join(str(m) for m in error.messages)) from error
        draft = CouncilReport(body=body, start=start, end=end, languages=[language])
        data = services.render_report(draft, language, options["format"], sections)
        Path(options["output"]).write_bytes(data)
        self.stdout.write(f"Wrote {options['output']} ({len(data):,} bytes, {options['format']}, {language}).")
