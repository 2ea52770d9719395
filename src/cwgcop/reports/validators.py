"""What a Council document number looks like: ``C25/39``, ``C24/INF/5``, ``CWG-COP-22/12``."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

COUNCIL_NUMBER = re.compile(r"^[A-Z][A-Z0-9.-]*(/[A-Z0-9.-]+)+$")


def council_number(value: str) -> None:
    if not COUNCIL_NUMBER.match(value):
        raise ValidationError(
            _("A Council document number is written like C25/39: capital letters, digits and slashes."),
            code="council_number_invalid",
        )
