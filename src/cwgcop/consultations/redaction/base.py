"""What a detector reports, and the categories of personal details with their placeholders."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Category(StrEnum):
    EMAIL = "e-mail"
    LINK = "link"
    HANDLE = "handle"
    ID = "ID number"
    PHONE = "phone"
    DATE_OF_BIRTH = "date of birth"
    ADDRESS = "address"
    SCHOOL = "school"
    NAME = "name"

    @property
    def placeholder(self) -> str:
        """The mark left in the stored text: English, in square brackets, the same in every language (see
        docs/consultations.md, "Placeholders")."""
        return f"[{self.value}]"


# When two detectors claim overlapping characters, the span is the union and the category the first in this order.
PRIORITY = list(Category)
CONTACT = {Category.EMAIL, Category.LINK, Category.HANDLE, Category.PHONE, Category.ID}


class Hit(NamedTuple):
    start: int
    end: int
    category: Category


def merge(hits: list[Hit]) -> list[Hit]:
    """Overlapping or touching hits joined into one; the category of the highest priority among them."""
    merged: list[Hit] = []
    for hit in sorted(hits):
        if hit.start >= hit.end:
            continue
        if merged and hit.start <= merged[-1].end:
            last = merged[-1]
            category = min(last.category, hit.category, key=PRIORITY.index)
            merged[-1] = Hit(last.start, max(last.end, hit.end), category)
        else:
            merged.append(hit)
    return merged
