from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cwgcop.events import services


class Command(BaseCommand):
    help = (
        "Erase the personal data of registrations to events that ended more than CWGCOP_EVENT_RETENTION_DAYS "
        "ago (anonymous counts are kept). Run it daily (cron or the task worker)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="Override the retention period (days).")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else settings.CWGCOP_EVENT_RETENTION_DAYS
        count = services.erase_expired(days=days)
        self.stdout.write(
            f"Erased the personal data of {count} registration(s) to events that ended over {days} days ago."
        )
