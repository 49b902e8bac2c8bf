"""Statistical secrecy (Datenschutz) for small numbers.

Rules, applied to every value before it leaves the library:

1. **Count rule** – a value whose numerator (the number of cases) is below the
   indicator's ``min_count`` is suppressed. Zero counts are suppressed too:
   "no child in this area" is a statement about every child there.
2. **Population rule** – every value of an area with fewer inhabitants than the
   atlas's ``min_population`` is suppressed (as in Berlin's and Hamburg's
   monitoring, which leave out areas under 300 inhabitants).
3. **Secondary suppression** – where an area's parent total is published and
   exactly one sibling is suppressed, its count could be recomputed as
   parent minus siblings. The sibling with the next-smallest count is then
   suppressed as well.

A suppressed value, numerator and denominator become NaN and the ``reason``
column says why; ``suppressed`` is True. Suppressed never means 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import texts

REASON_COUNT = "count"
REASON_POPULATION = "population"
REASON_SECONDARY = "secondary"


def suppression_label(reason: str | None, min_count: int, min_population: int) -> str:
    """The German label shown wherever a suppressed value would be."""
    if reason == REASON_POPULATION:
        return texts.SUPPRESSED_POPULATION.format(min_population=min_population)
    if reason == REASON_SECONDARY:
        return texts.SUPPRESSED_SECONDARY
    return texts.SUPPRESSED_COUNT.format(min_count=min_count)


def primary_reasons(
    values: pd.DataFrame,
    min_count: int,
    population: pd.Series | None,
    min_population: int,
) -> pd.Series:
    """Reason per row (count/population) or None; ``values`` has district_id and numerator."""
    reasons = pd.Series([None] * len(values), index=values.index, dtype="object")
    small_count = values["numerator"].notna() & (values["numerator"] < min_count)
    reasons[small_count] = REASON_COUNT
    if population is not None and min_population > 0:
        pop = values["district_id"].map(population)
        reasons[pop.notna() & (pop < min_population)] = REASON_POPULATION
    return reasons


def secondary_reasons(
    values: pd.DataFrame, reasons: pd.Series, parent_of: pd.Series
) -> pd.Series:
    """Add complementary suppressions so that no parent total reveals a single suppressed child.

    Vectorised per parent (groupby), so it stays fast for 10,000 areas.
    """
    reasons = reasons.copy()
    frame = pd.DataFrame({"parent": values["district_id"].map(parent_of),
                          "suppressed": reasons.notna(),
                          "numerator": values["numerator"].fillna(np.inf)}, index=values.index)
    frame = frame[frame["parent"].notna()]
    per_parent = frame.groupby("parent")["suppressed"].agg(["sum", "size"])
    lone = per_parent.index[(per_parent["sum"] == 1) & (per_parent["size"] >= 2)]
    candidates = frame[frame["parent"].isin(lone) & ~frame["suppressed"]]
    first = candidates.sort_values("numerator", kind="stable").groupby("parent", sort=False).head(1)
    reasons.loc[first.index] = REASON_SECONDARY
    return reasons


def mask_suppressed(values: pd.DataFrame, reasons: pd.Series) -> pd.DataFrame:
    """Blank out value, numerator and denominator wherever a reason is set."""
    out = values.copy()
    hidden = reasons.notna()
    for column in ("value", "numerator", "denominator"):
        out[column] = out[column].astype("float64").mask(hidden)
    out["suppressed"] = hidden.to_numpy()
    out["reason"] = reasons.to_numpy()
    return out
