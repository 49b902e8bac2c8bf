"""Derived series and indicator values: sums of counts, point counts, ratios.

All arithmetic happens on one "panel": a frame indexed by (district_id, year)
with one column per series. A missing part (a secret cell ".") makes the sum
missing, never zero. Rates are stored with numerator and denominator so the
store can aggregate them to higher levels and apply the count rule.
"""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.importer.recipe import IndicatorSpec
from geodata.importer.report import ValidationReport
from indicators.texts import importing as msg

_TERM = re.compile(r"\s*([+-]?)\s*([a-z][a-z0-9_]*)\s*")
ALL_CATEGORIES = "*"


def parse_terms(expression: str) -> list[tuple[float, str]] | None:
    """'a + b - c' as [(1, 'a'), (1, 'b'), (-1, 'c')]; None if it is not such a sum."""
    terms, position = [], 0
    while position < len(expression):
        match = _TERM.match(expression, position)
        if not match or (terms and not match.group(1)):
            return None
        terms.append((-1.0 if match.group(1) == "-" else 1.0, match.group(2)))
        position = match.end()
    return terms or None


def evaluate(panel: pd.DataFrame, expression: str, where: str, file: str,
             report: ValidationReport) -> pd.Series | None:
    """The sum ``expression`` over panel columns; reports bad syntax and unknown names."""
    terms = parse_terms(expression)
    if terms is None:
        report.error(msg.EXPR_SYNTAX.format(expression=expression, where=where),
                     msg.EXPR_SYNTAX_HINT, file=file)
        return None
    unknown = [name for _, name in terms if name not in panel.columns]
    if unknown:
        report.error(msg.EXPR_UNKNOWN.format(names=", ".join(unknown), where=where),
                     msg.EXPR_UNKNOWN_HINT.format(known=", ".join(panel.columns) or "–"),
                     file=file)
        return None
    total = sum(sign * panel[name] for sign, name in terms)
    return total.astype("float64")


def build_panel(long: pd.DataFrame) -> pd.DataFrame:
    """(district_id, year) x series, from the long frames of all tables."""
    if long.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["district_id",
                                                                             "year"]))
    return long.pivot(index=["district_id", "year"], columns="series", values="value")


def add_derived(panel: pd.DataFrame, derived: dict[str, str], file: str,
                report: ValidationReport) -> pd.DataFrame:
    """Add each ``name = "a + b"`` in recipe order (later ones may use earlier ones)."""
    for name, expression in derived.items():
        total = evaluate(panel, expression, f"[derived] {name}", file, report)
        if total is not None:
            panel = panel.assign(**{name: total})
    return panel


def add_offer_counts(panel: pd.DataFrame, offers: gpd.GeoDataFrame,
                     districts: gpd.GeoDataFrame, counts: dict[str, list[str]], year: int,
                     report: ValidationReport) -> pd.DataFrame:
    """Count offers per area (every level) for ``year``; outside points are reported."""
    joined = gpd.sjoin(offers[["offer_id", "category", "geometry"]],
                       districts[["district_id", "level", "geometry"]], predicate="within")
    finest = districts["level"].iloc[-1]
    inside = set(joined.loc[joined["level"] == finest, "offer_id"])
    index = pd.MultiIndex.from_arrays([districts["district_id"], [year] * len(districts)],
                                      names=["district_id", "year"])
    panel = panel.reindex(panel.index.union(index))
    for name, categories in counts.items():
        wanted = offers["category"].isin(categories) | (ALL_CATEGORIES in categories)
        if not wanted.any():
            report.error(msg.COUNT_NO_OFFERS.format(series=name,
                                                    categories=", ".join(categories)),
                         msg.COUNT_NO_OFFERS_HINT.format(
                             known=", ".join(sorted(offers["category"].dropna().unique()))))
            continue
        hits = joined[joined["category"].isin(categories) | (ALL_CATEGORIES in categories)]
        per_area = hits.groupby("district_id").size().reindex(districts["district_id"],
                                                              fill_value=0)
        outside = int((wanted & ~offers["offer_id"].isin(inside)).sum())
        if outside == int(wanted.sum()):
            report.error(msg.COUNT_ALL_OUTSIDE.format(series=name), msg.CRS_IMPLAUSIBLE_HINT)
        elif outside:
            report.note(msg.COUNT_OUTSIDE.format(series=name, count=outside,
                                                 total=int(wanted.sum()), level=finest),
                        msg.COUNT_OUTSIDE_HINT)
        column = pd.Series(np.nan, index=panel.index)
        column[index] = per_area.to_numpy(dtype="float64")
        panel = panel.assign(**{name: column})
    return panel


def unit_scale(unit: str) -> float:
    """100 for %, 1000 for 'je 1.000' or ‰, 1 for counts and plain ratios."""
    text = unit.strip().lower()
    if text == "%":
        return 100.0
    if text == "‰":
        return 1000.0
    match = re.search(r"je\s*([\d.]+)", text)
    return float(match.group(1).replace(".", "")) if match else 1.0


def indicator_values(panel: pd.DataFrame, spec: IndicatorSpec, scale: float, file: str,
                     report: ValidationReport) -> pd.DataFrame | None:
    """indicator_id/district_id/year/value/numerator/denominator for one indicator."""
    where = f"[[indicators]] {spec.id}"
    parts = {}
    for role in ("numerator", "denominator", "value"):
        expression = getattr(spec, role)
        if expression:
            parts[role] = evaluate(panel, expression, where, file, report)
            if parts[role] is None:
                return None
    numerator = parts.get("numerator", pd.Series(np.nan, index=panel.index))
    denominator = parts.get("denominator", pd.Series(np.nan, index=panel.index))
    if "value" in parts:
        value = parts["value"]
    elif spec.denominator:
        zero = denominator.notna() & (denominator <= 0) & numerator.notna()
        if zero.any():
            report.note(msg.DENOMINATOR_ZERO.format(indicator=spec.id, count=int(zero.sum())),
                        file=file)
        value = numerator / denominator.where(denominator > 0) * scale
    else:
        value = numerator * scale
    frame = pd.DataFrame({"value": value, "numerator": numerator, "denominator": denominator})
    frame = frame[frame.notna().any(axis=1)].reset_index()
    counted = frame["value"].notna() | frame["numerator"].notna()
    frame = frame[frame["year"].isin(frame.loc[counted, "year"])]  # years with data only
    frame.insert(0, "indicator_id", spec.id)
    return frame.reset_index(drop=True)
