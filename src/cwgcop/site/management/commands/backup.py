from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cwgcop.site.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and every stored file, with a manifest of checksums, to a new folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{summary.rows} rows, {summary.files} files → {options['path']}")
