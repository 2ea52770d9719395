"""The smallest groups a deployment may publish are checked when the platform starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cwgcop.consultations import thresholds

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"public_k": 1, "focal_point_k": 1, "open_step": 0},
            (
                "CWGCOP_CONSULTATION_PUBLIC_K is 1: public results would show groups smaller than 5 children. "
                "Set it to 5 or more (10 by default)."
            ),
        ),
        (
            {"public_k": 4, "focal_point_k": 3, "open_step": 0},
            (
                "CWGCOP_CONSULTATION_PUBLIC_K is 4: public results would show groups smaller than 5 children. "
                "Set it to 5 or more (10 by default)."
            ),
        ),
        (
            {"public_k": 10, "focal_point_k": 2, "open_step": 0},
            (
                "CWGCOP_CONSULTATION_FOCAL_POINT_K is 2: sharing packages would show groups smaller than 3 children. "
                "Set it to 3 or more (5 by default)."
            ),
        ),
        (
            {"public_k": 6, "focal_point_k": 8, "open_step": 0},
            (
                "CWGCOP_CONSULTATION_FOCAL_POINT_K (8) is above CWGCOP_CONSULTATION_PUBLIC_K (6): the public would see "
                "smaller groups than the focal points. Lower it or raise the other."
            ),
        ),
        (
            {"public_k": 10, "focal_point_k": 5, "open_step": 4},
            (
                "CWGCOP_CONSULTATION_OPEN_STEP is 4: totals of an open consultation would move with fewer than "
                "CWGCOP_CONSULTATION_PUBLIC_K (10) new answers. Set it to 0 (the public k) or more."
            ),
        ),
    ],
)
def test_thresholds_that_would_expose_small_groups_are_refused(values: dict[str, int], message: str) -> None:
    with pytest.raises(ImproperlyConfigured) as error:
        thresholds.check(**values)
    assert str(error.value) == message


@pytest.mark.parametrize(
    "values",
    [
        {"public_k": 5, "focal_point_k": 3, "open_step": 0},
        {"public_k": 10, "focal_point_k": 5, "open_step": 0},
        {"public_k": 10, "focal_point_k": 10, "open_step": 25},
    ],
)
def test_thresholds_at_or_above_the_floor_are_accepted(values: dict[str, int]) -> None:
    assert thresholds.check(**values) is None


def test_the_open_step_is_the_public_k_unless_set(settings: object) -> None:
    settings.CWGCOP_CONSULTATION_OPEN_STEP = 0  # type: ignore[attr-defined]
    settings.CWGCOP_CONSULTATION_PUBLIC_K = 12  # type: ignore[attr-defined]
    assert thresholds.open_step() == 12
    settings.CWGCOP_CONSULTATION_OPEN_STEP = 30  # type: ignore[attr-defined]
    assert thresholds.open_step() == 30


def test_a_process_started_with_k_1_stops_at_start_up_with_the_reason(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CWGCOP_TESTING": "true",
        "CWGCOP_DATA_DIR": str(tmp_path),
        "CWGCOP_CONSULTATION_PUBLIC_K": "1",
        "DATABASE_URL": "",
    }
    run = subprocess.run(
        [sys.executable, "-m", "cwgcop", "check"], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert run.returncode == 1
    assert run.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: CWGCOP_CONSULTATION_PUBLIC_K is 1: public results would show "
        "groups smaller than 5 children. Set it to 5 or more (10 by default)."
    )
    env["CWGCOP_CONSULTATION_PUBLIC_K"] = "10"
    fine = subprocess.run(
        [sys.executable, "-m", "cwgcop", "check"], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert fine.returncode == 0, fine.stderr
