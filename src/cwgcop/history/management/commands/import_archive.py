from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cwgcop.core.errors import DomainError
from cwgcop.history.importer import REFUSED, Report, import_archive
from cwgcop.history.labels import action_label, section_label, summary

BAR_WIDTH = 40


class Command(BaseCommand):
    help = "Import a group's history from a folder or ZIP with a manifest.json (see docs/history.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Say what would be done; write nothing.")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="The language of the report.")
        parser.add_argument("--progress", action="store_true", help="Print progress to standard error.")

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate(options["language"])
        progress = self._progress if options["progress"] else None
        try:
            report = import_archive(actor=None, path=options["path"], dry_run=options["dry_run"], progress=progress)
        except DomainError as exc:
            raise CommandError(" ".join(str(m) for m in exc.messages)) from exc
        self._print(report, dry_run=options["dry_run"])
        if report.refused:
            count = len(report.refused)
            message = ngettext(
                "%(count)s row refused: nothing was imported.", "%(count)s rows refused: nothing was imported.", count
            )
            raise CommandError(message % {"count": count})

    def _progress(self, done: int, total: int) -> None:
        """A bar on standard error, redrawn in place: ``[#########           ]  450/1000  45%``."""
        if done != total and done % 25:
            return
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + " " * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done:>{len(str(total))}}/{total} {100 * done // max(total, 1):>3}%", ending="")
        if done == total:
            self.stderr.write("")

    def _print(self, report: Report, *, dry_run: bool) -> None:
        for row in report.rows:
            line = f"{action_label(row.action)}\t{section_label(row.section)}\t{row.key}"
            self.stdout.write(f"{line}\t{row.reason}" if row.action == REFUSED else line)
        counts = {action: report.count(action) for action in ("create", "update", "unchanged", "refused")}
        self.stdout.write(summary(counts))
        if report.applied:
            self.stdout.write(self.style.SUCCESS(_("The archive was imported.")))
        elif dry_run and not report.refused:
            self.stdout.write(_("Dry run: nothing was written."))
