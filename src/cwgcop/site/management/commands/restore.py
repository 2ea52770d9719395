from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cwgcop.site.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `cwgcop backup` into this empty, migrated installation (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = restore(options["path"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{summary.rows} rows, {summary.files} files restored from {options['path']}")
