from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cwgcop.documents.integrity import ORPHAN_MIN_AGE, verify_files


class Command(BaseCommand):
    help = (
        "Check every stored file's SHA-256 against the database and list stored files nothing records "
        "(docs/deployment.md, 'Files'). Exits 1 when a file is missing or damaged, or an orphan is left."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete-orphans", action="store_true", help="remove the files nothing records")
        parser.add_argument(
            "--orphan-min-age",
            type=int,
            default=int(ORPHAN_MIN_AGE.total_seconds() // 60),
            metavar="MINUTES",
            help="only remove orphans older than this (an upload in progress is an orphan until it commits)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_files(
            delete_orphans=options["delete_orphans"],
            orphan_min_age=datetime.timedelta(minutes=options["orphan_min_age"]),
        )
        for problem in result.problems:
            if problem.found == "missing":
                self.stdout.write(f"MISSING  {problem.key}")
            else:
                self.stdout.write(f"DAMAGED  {problem.key}: recorded {problem.recorded}, found {problem.found}")
        removed = set(result.removed)
        for key in result.orphans:
            self.stdout.write(f"{'REMOVED' if key in removed else 'ORPHAN'}  {key}")
        summary = (
            f"{result.checked} files checked, {len(result.problems)} missing or damaged, "
            f"{len(result.orphans)} orphans ({len(result.removed)} removed)"
        )
        if not result.ok:
            raise CommandError(summary)
        self.stdout.write(summary)
