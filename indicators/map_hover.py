"""Hover content of the map: numbers per area plus one template per map.

The numbers travel as compact rounded numbers (``customdata``), the words and
units once per map in the template; Plotly formats them with German separators
(layout ``separators=",."``). That keeps a switch small: a few bytes per area.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import map_modes, texts
from indicators.atlas import Atlas
from indicators.catalogue import Indicator

NBSP = "\u00a0"


def hover_fields(indicator: Indicator, request, previous_year: int | None) -> list[str]:
    """The customdata columns, in order; the template refers to them by position."""
    fields = ["value"]
    if indicator.is_rate:
        fields += ["numerator", "denominator"]
    fields.append("rank")
    if previous_year is not None:
        fields += ["arrow", "trend"]
    if request.mode in (map_modes.CHANGE, map_modes.DEVIATION):
        fields.append("mode_value")
    return fields


def previous_year_of(atlas: Atlas, indicator_id: str, year: int) -> int | None:
    earlier = [y for y in atlas.years(indicator_id) if y < year]
    return earlier[-1] if earlier else None


def hover_numbers(atlas: Atlas, indicator: Indicator, frame: pd.DataFrame, request,
                  result: map_modes.ModeResult,
                  ranks: map_modes.ModeResult | None = None) -> np.ndarray:
    """One row of rounded numbers per area (object array, same order as ``frame``)."""
    ranks = ranks or map_modes.rank_mode(frame, indicator)
    previous = previous_year_of(atlas, indicator.indicator_id, request.year)
    columns = {
        "value": _rounded(frame["value"], indicator.decimals),
        "numerator": _rounded(frame["numerator"], 0),
        "denominator": _rounded(frame["denominator"], 0),
        "rank": _rounded(ranks.frame["value"], 0),
        "mode_value": _rounded(result.frame["value"], result.decimals),
    }
    if previous is not None:
        trend = map_modes.previous_year_change(
            frame, atlas.values(indicator.indicator_id, previous, request.level), indicator)
        columns["trend"] = _rounded(trend.frame["value"], trend.decimals)
        columns["arrow"] = [a or None for a in trend.frame["arrow"]]
    fields = hover_fields(indicator, request, previous)
    rows = np.empty(len(frame), dtype=object)
    rows[:] = [tuple(values) for values in zip(*(columns[f] for f in fields), strict=True)]
    return rows


def hover_template(atlas: Atlas, indicator: Indicator, request, result: map_modes.ModeResult,
                   city_line: str, n_ranked: int) -> str:
    """The words around the numbers, once per map."""
    previous = previous_year_of(atlas, indicator.indicator_id, request.year)
    fields = hover_fields(indicator, request, previous)
    at = {name: f"customdata[{i}]" for i, name in enumerate(fields)}
    decimals = indicator.decimals
    lines = ["<b>%{text}</b>"]
    if "mode_value" in at:
        label = texts.HOVER_CHANGE if request.mode == map_modes.CHANGE else texts.HOVER_DEVIATION
        lines.append(f"<b>{label}: %{{{at['mode_value']}:+,.{result.decimals}f}}"
                     f"{_unit(result.unit)}</b>")
    lines.append(f"%{{{at['value']}:,.{decimals}f}}{_unit(indicator.unit)}")
    if "numerator" in at:
        lines.append(texts.HOVER_COUNTS.format(numerator=f"%{{{at['numerator']}:,.0f}}",
                                               denominator=f"%{{{at['denominator']}:,.0f}}"))
    lines.append(texts.RANK_OF.format(rank=f"%{{{at['rank']}}}", n=n_ranked))
    if "trend" in at:
        unit = map_modes.difference_unit(indicator)[0]
        lines.append(texts.HOVER_TREND.format(
            arrow=f"%{{{at['arrow']}}}", change=f"%{{{at['trend']}:+,.{decimals}f}}{_unit(unit)}",
            year=previous))
    lines.append(f"<span style='color:#555'>{city_line}</span>")
    return "<br>".join(lines) + "<extra></extra>"


def _unit(unit: str) -> str:
    return "" if not unit or unit in ("Anzahl", texts.UNIT_RANK) else f"{NBSP}{unit}"


def _rounded(series: pd.Series, decimals: int) -> list:
    """Rounded numbers for JSON (ints without decimals); None where there is no value."""
    values = series.to_numpy(dtype="float64")
    missing = np.isnan(values)
    rounded = np.round(np.where(missing, 0.0, values), max(decimals, 0))
    out = (rounded.astype("int64") if decimals <= 0 else rounded).astype(object)
    out[missing] = None
    return out.tolist()
