"""Aggregation to a higher level: sum the counts, then divide. Never average rates.

An average of district rates weights a district of 300 children like one of
3,000; summing numerators and denominators gives the parent's true rate.
A parent is only given a value when every one of its children has counts:
a total with a missing child would look complete but be too small.
"""

from __future__ import annotations

import pandas as pd


def aggregate_counts(
    values: pd.DataFrame,
    parent_of: pd.Series,
    children_per_parent: pd.Series,
    scale: float,
    is_rate: bool,
) -> pd.DataFrame:
    """Sum numerators/denominators of ``values`` (unsuppressed, one year) per parent.

    ``parent_of`` maps child district_id -> parent id; ``children_per_parent``
    says how many children each parent has, so incomplete sums become NaN.
    Returns district_id, value, numerator, denominator for every parent.
    """
    frame = values.assign(parent=values["district_id"].map(parent_of))
    frame = frame[frame["parent"].notna()]
    grouped = frame.groupby("parent", sort=False)
    numerator = grouped["numerator"].sum(min_count=1)
    denominator = grouped["denominator"].sum(min_count=1)
    complete_num = grouped["numerator"].count()
    complete_den = grouped["denominator"].count()
    result = pd.DataFrame(index=children_per_parent.index)
    result["numerator"] = numerator.reindex(result.index)
    expected = children_per_parent
    result.loc[complete_num.reindex(result.index).fillna(0) < expected, "numerator"] = float("nan")
    if is_rate:
        result["denominator"] = denominator.reindex(result.index)
        incomplete = complete_den.reindex(result.index).fillna(0) < expected
        result.loc[incomplete, "denominator"] = float("nan")
        den = result["denominator"].where(result["denominator"] > 0)
        result["value"] = result["numerator"] / den * scale
    else:
        result["denominator"] = float("nan")
        result["value"] = result["numerator"] * scale
    result = result.rename_axis("district_id").reset_index()
    result["district_id"] = result["district_id"].astype("str")
    return result[["district_id", "value", "numerator", "denominator"]]
