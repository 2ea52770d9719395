"""The smallest groups a deployment may publish, checked when the platform starts.

``CWGCOP_CONSULTATION_PUBLIC_K`` and ``CWGCOP_CONSULTATION_FOCAL_POINT_K`` are the thresholds below which a
figure is hidden. Set too low (``1`` switches suppression off), a single child's answer could be read off a
results page or a sharing package, so a value below the floor stops every process at start-up with a message
that names the variable, instead of quietly publishing small groups.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_PUBLIC_K = 5
MIN_FOCAL_POINT_K = 3


def check(*, public_k: int | None = None, focal_point_k: int | None = None, open_step: int | None = None) -> None:
    """Refuse thresholds that would expose small groups (the settings' values by default)."""
    public_k = int(settings.CWGCOP_CONSULTATION_PUBLIC_K) if public_k is None else public_k
    focal_point_k = int(settings.CWGCOP_CONSULTATION_FOCAL_POINT_K) if focal_point_k is None else focal_point_k
    open_step = int(settings.CWGCOP_CONSULTATION_OPEN_STEP) if open_step is None else open_step
    if public_k < MIN_PUBLIC_K:
        raise ImproperlyConfigured(
            f"CWGCOP_CONSULTATION_PUBLIC_K is {public_k}: public results would show groups smaller than "
            f"{MIN_PUBLIC_K} children. Set it to {MIN_PUBLIC_K} or more (10 by default)."
        )
    if focal_point_k < MIN_FOCAL_POINT_K:
        raise ImproperlyConfigured(
            f"CWGCOP_CONSULTATION_FOCAL_POINT_K is {focal_point_k}: sharing packages would show groups smaller "
            f"than {MIN_FOCAL_POINT_K} children. Set it to {MIN_FOCAL_POINT_K} or more (5 by default)."
        )
    if focal_point_k > public_k:
        raise ImproperlyConfigured(
            f"CWGCOP_CONSULTATION_FOCAL_POINT_K ({focal_point_k}) is above CWGCOP_CONSULTATION_PUBLIC_K "
            f"({public_k}): the public would see smaller groups than the focal points. Lower it or raise the other."
        )
    if open_step and open_step < public_k:
        raise ImproperlyConfigured(
            f"CWGCOP_CONSULTATION_OPEN_STEP is {open_step}: totals of an open consultation would move with fewer "
            f"than CWGCOP_CONSULTATION_PUBLIC_K ({public_k}) new answers. Set it to 0 (the public k) or more."
        )


def open_step() -> int:
    """How many new answers it takes for an open consultation's public totals to move."""
    return int(settings.CWGCOP_CONSULTATION_OPEN_STEP) or int(settings.CWGCOP_CONSULTATION_PUBLIC_K)
