from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cwgcop.history.exporter import export_archive


class Command(BaseCommand):
    help = "Export the public archive to a new folder, or a ZIP file for a path ending in .zip (docs/history.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--format", choices=["json", "csv"], default="json", help="The manifest: manifest.json, or CSV files."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if path.exists():
            raise CommandError(f"{path} already exists; give a new path.")
        counts = export_archive(path, manifest_format=options["format"])
        self.stdout.write(
            f"{counts['meetings']} meetings, {counts['documents']} documents, {counts['files']} files → {path}"
        )
