"""``cwgcop rebuild_search_index``: empty the search index and index every published document again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cwgcop.documents.models import DocumentFile
from cwgcop.search.engines import engine_name
from cwgcop.search.extraction import extract_file
from cwgcop.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from the archive (and extract the text of files not read yet)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="Extract the text of every published file again, not only of files never read.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files = DocumentFile.objects.filter(revision__published_at__isnull=False).order_by("pk")
        if not options["reextract"]:
            files = files.filter(extraction__isnull=True)
        extracted = 0
        for stored in files.iterator(chunk_size=100):
            extract_file(stored)
            extracted += 1
        documents, entries = rebuild_index()
        self.stdout.write(
            f"Search index rebuilt ({engine_name()}): {documents} documents, {entries} language versions; "
            f"{extracted} files extracted."
        )
