"""The learned disclosure detector's regression: L2-regularised logistic regression fitted by scipy's L-BFGS from
zero weights; and the rules of an earlier commit run on texts (to compare with what was unseen then).

Used by tools/train_disclosure_model.py (the name detector is a CRF since the thirteenth round:
tools/train_name_model.py); the tests check that each tool rebuilds its shipped model exactly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from scipy import optimize, sparse

ROOT = Path(__file__).resolve().parents[1]
F = TypeVar("F", bound=Hashable)


def fit(
    rows: Sequence[Sequence[F]],
    labels: Sequence[bool],
    *,
    c: float,
    min_count: int,
    maxiter: int,
    unique: bool,
) -> dict[F, float]:
    """Weights of the features set in at least ``min_count`` places, rounded to four decimals (zeros left out).
    ``unique``: a feature counts once per row; otherwise as often as it is listed."""
    kept, x = _matrix(rows, min_count=min_count, unique=unique)
    w = _solve(x, labels, c=c, maxiter=maxiter)
    return {f: round(float(v), 4) for f, v in zip(kept, w, strict=True) if round(float(v), 4) != 0.0}


def _matrix(rows: Sequence[Sequence[F]], *, min_count: int, unique: bool) -> tuple[list[F], sparse.csr_matrix]:
    counts: dict[F, int] = {}
    for features in rows:
        for feature in features:
            counts[feature] = counts.get(feature, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= min_count)  # type: ignore[type-var]
    index = {f: i for i, f in enumerate(kept)}
    at_rows: list[int] = []
    at_columns: list[int] = []
    for row, features in enumerate(rows):
        present = [f for f in features if f in index]
        for feature in sorted(set(present)) if unique else present:  # type: ignore[type-var]
            at_rows.append(row)
            at_columns.append(index[feature])
    x = sparse.csr_matrix((np.ones(len(at_rows)), (at_rows, at_columns)), shape=(len(rows), len(kept)))
    return kept, x


def _solve(x: sparse.csr_matrix, labels: Sequence[bool], *, c: float, maxiter: int) -> np.ndarray:
    y = np.array([1.0 if label else 0.0 for label in labels])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        # log(1 + e^z) - y z, stably
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / c * w @ w)
        p = 1.0 / (1.0 + np.exp(-z))
        return value, x.T @ (p - y) + w / c

    result = optimize.minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": maxiter})
    solution: np.ndarray = result.x
    return solution


def run_at_commit(commit: str, script: str, payload: Any) -> Any:
    """Run ``script`` (reading JSON on stdin, writing JSON on stdout) against ``src`` as it was at ``commit``."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(  # noqa: S603 - a fixed commit of this repository
            ["git", "-C", str(ROOT), "archive", commit, "src"],  # noqa: S607
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)  # noqa: S603, S607
        env = {**os.environ, "PYTHONPATH": f"{folder}/src"}
        done = subprocess.run(  # noqa: S603 - this interpreter on a fixed script
            [sys.executable, "-c", script],
            input=json.dumps(payload),
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(done.stdout)
