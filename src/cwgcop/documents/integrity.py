"""Checking the file store against the database: every recorded file present with its recorded SHA-256, and no
stored file that nothing records (``cwgcop verify_files``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.utils import timezone

from cwgcop.documents import storage

# An unrecorded file younger than this may belong to an upload whose transaction has not committed yet.
ORPHAN_MIN_AGE = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Problem:
    key: str
    recorded: str
    found: str  # the SHA-256 found, or "missing"


@dataclass
class Verification:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and len(self.removed) == len(self.orphans)


def recorded_files() -> dict[str, set[str]]:
    """Storage key → the SHA-256 values rows record for it (one, unless the database itself is inconsistent)."""
    recorded: dict[str, set[str]] = {}
    for model in storage.referencing_models():
        for key, sha256 in model._default_manager.values_list("storage_key", "sha256").iterator():
            recorded.setdefault(key, set()).add(sha256)
    return recorded


def verify_files(*, delete_orphans: bool = False, orphan_min_age: datetime.timedelta = ORPHAN_MIN_AGE) -> Verification:
    """Hash every recorded file and list the stored files nothing records; with ``delete_orphans``, remove those
    older than ``orphan_min_age`` that still nothing records."""
    result = Verification()
    recorded = recorded_files()
    for key in sorted(recorded):
        for sha256 in sorted(recorded[key]):
            result.checked += 1
            try:
                storage.open_verified(key, sha256).close()
            except storage.DamagedFileError as error:
                result.problems.append(Problem(key=key, recorded=sha256, found=error.found))
    result.orphans = [key for key in storage.stored_keys() if key not in recorded]
    if delete_orphans:
        limit = timezone.now() - orphan_min_age
        for key in result.orphans:
            if default_storage.get_modified_time(key) <= limit and storage.remove_if_unreferenced(key):
                result.removed.append(key)
    return result
