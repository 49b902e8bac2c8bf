"""Robustheit der Klassenbildung: does a district's colour depend on the method?

Every automatic method (quantiles, equal interval, natural breaks, std-mean)
classifies the current values with the same ``k``. A district whose class is
the same under all methods is "stabil"; one class apart "leicht schwankend";
two or more "methodenabhängig". Suppressed districts and those without a
value are left out: they have no class to compare.

Normalisation to one k: a method may end with fewer classes ``k_m`` (too few
different values). Its class ``c`` is placed at its relative position on the
colour ramp, ``c / (k_m - 1)``, scaled to ``k - 1`` and rounded half up, so
that "lowest" and "highest" class mean the same under every method. With
``k_m == k`` the classes are compared as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.classification import AUTOMATIC_METHODS, classify
from indicators.formatting import format_number
from indicators.texts import (
    ROBUSTNESS_EMPTY,
    ROBUSTNESS_SUMMARY,
    VERDICT_METHOD_DEPENDENT,
    VERDICT_SLIGHT,
    VERDICT_STABLE,
)

CLASS_COLUMN = "class_{method}"
ROBUSTNESS_COLUMNS = [
    "district_id", "name", *(CLASS_COLUMN.format(method=m) for m in AUTOMATIC_METHODS),
    "spread", "verdict",
]


@dataclass(frozen=True, eq=False)
class Robustness:
    """Per district its (normalised) class under each method, spread and verdict.

    ``frame`` columns: district_id, name, class_<method> for every automatic
    method, spread (max - min class), verdict. ``stable_share`` is NaN when no
    district has a value. ``notes`` repeats the classifications' notes.
    """

    k: int
    frame: pd.DataFrame
    methods: tuple[str, ...]
    stable_share: float
    notes: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.frame)

    def summary(self) -> str:
        """One German sentence for the panel."""
        if self.n == 0:
            return ROBUSTNESS_EMPTY
        stable = int((self.frame["verdict"] == VERDICT_STABLE).sum())
        share = format_number(self.stable_share * 100, 0)
        return ROBUSTNESS_SUMMARY.format(stable=stable, n=self.n, share=share)


def robustness(frame: pd.DataFrame, k: int = 5) -> Robustness:
    """Compare the classes of every automatic method for the districts of ``frame``.

    ``frame`` is a value frame (``Atlas.values`` or a map mode's frame) with
    district_id, name, value and suppressed.
    """
    shown = _districts_with_values(frame)
    values = shown["value"].to_numpy(dtype="float64")
    out = shown[["district_id", "name"]].reset_index(drop=True)
    notes: list[str] = []
    columns = []
    for method in AUTOMATIC_METHODS:
        result = classify(values, method, k)
        if result.note and result.note not in notes:
            notes.append(result.note)
        column = CLASS_COLUMN.format(method=method)
        out[column] = normalise_classes(np.asarray(result.classes), result.k, k)
        columns.append(column)
    classes = out[columns].to_numpy(dtype="int64").reshape(len(out), len(columns))
    spread = classes.max(axis=1) - classes.min(axis=1) if len(out) else np.array([], "int64")
    out["spread"] = spread
    out["verdict"] = [verdict(int(s)) for s in spread]
    share = float(np.mean(spread == 0)) if len(out) else float("nan")
    return Robustness(k, out, AUTOMATIC_METHODS, share, tuple(notes))


def normalise_classes(classes: np.ndarray, k_from: int, k_to: int) -> np.ndarray:
    """Classes of a k_from-class result on the scale of k_to classes (half up)."""
    classes = np.asarray(classes, dtype="int64")
    if k_from == k_to:
        return classes
    if k_from <= 1:
        return np.full(classes.shape, (k_to - 1) // 2, dtype="int64")
    position = classes * (k_to - 1) / (k_from - 1)
    return np.floor(position + 0.5).astype("int64")


def verdict(spread: int) -> str:
    """0 -> stabil, 1 -> leicht schwankend, 2 or more -> methodenabhängig."""
    if spread == 0:
        return VERDICT_STABLE
    return VERDICT_SLIGHT if spread == 1 else VERDICT_METHOD_DEPENDENT


def _districts_with_values(frame: pd.DataFrame) -> pd.DataFrame:
    suppressed = frame["suppressed"].fillna(False).astype(bool)
    return frame.loc[~suppressed & frame["value"].notna()]
