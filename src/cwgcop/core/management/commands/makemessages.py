"""``makemessages`` that writes catalogues sorted by message and without volatile dates.

Sorted entries and a fixed header keep two branches that add different strings from conflicting in git.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.management.commands import makemessages

VOLATILE = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--sort-output"]
    msguniq_options = [*makemessages.Command.msguniq_options, "--sort-output"]
    msgattrib_options = [*makemessages.Command.msgattrib_options, "--sort-output"]
    xgettext_options = [*makemessages.Command.xgettext_options, "--sort-output"]

    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        for po_path in Path("locale").glob("*/LC_MESSAGES/django.po"):
            text = po_path.read_text(encoding="utf-8")
            po_path.write_text(VOLATILE.sub(r'"\1: 2025-01-01 00:00+0000\\n"', text), encoding="utf-8")
