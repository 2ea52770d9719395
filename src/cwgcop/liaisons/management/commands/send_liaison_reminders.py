"""Daily: e-mail one reminder for each statement for action whose deadline is near or passed.

Run it from cron (``cwgcop send_liaison_reminders``), or enqueue ``cwgcop.liaisons.tasks.send_liaison_reminders``
for the task worker; running it twice sends nothing new.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cwgcop.liaisons import queries, services


class Command(BaseCommand):
    help = "E-mail the secretariat once about each liaison statement for action whose deadline is near or passed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind about deadlines this many days ahead (default: CWGCOP_LIAISON_REMINDER_DAYS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        due = list(queries.due_reminders(days=options["days"]))
        sent = services.send_due_reminders(actor=None, statements=due)
        self.stdout.write(f"{sent} liaison deadline reminder(s) sent, {len(due) - sent} without a recipient.")
