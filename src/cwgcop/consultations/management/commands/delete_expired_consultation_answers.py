from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cwgcop.consultations import services


class Command(BaseCommand):
    help = (
        "Hard-delete the raw answers of consultations that closed more than CWGCOP_CONSULTATION_RETENTION_DAYS "
        "ago (the public, suppressed figures are kept), and empty sharing packages whose link has expired. "
        "Run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="Override the retention period (days).")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"] if options["days"] is not None else settings.CWGCOP_CONSULTATION_RETENTION_DAYS
        count = services.delete_expired_answers(days=days)
        self.stdout.write(f"Deleted the answers of {count} response(s) to consultations closed over {days} days ago.")
