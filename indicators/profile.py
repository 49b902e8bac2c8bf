"""District profile (Steckbrief): every indicator of one area against the city.

One row per indicator, ready for a dot/spine chart: the area's value, the city's
reference value (see ``comparison.reference_values``), the range over all areas
of the same level, the deviation and an assessment by polarity.

Assessment rule (documented for planners, one place to change it):

- suppressed value -> "Datenschutz"; value or city reference missing -> "keine Daten";
- neutral indicator -> "ohne Wertung" (higher is neither better nor worse);
- |value − city| < tolerance -> "ähnlich", where tolerance is the larger of
  5 % of the city value and half a standard deviation of the values of all
  areas of the level (suppressed excluded, ddof=1). Half a standard deviation
  is the usual "durchschnittlich" band of social monitoring and adapts to how
  widely an indicator spreads; the 5 % keep tiny differences grey where almost
  all areas are alike;
- otherwise "besser"/"schlechter" by polarity (higher_worse: above the city is
  "schlechter"; higher_better: above the city is "besser").

The words describe a value, never an area: "schlechter" means a less favourable
value than the city, as the catalogue's polarity defines it.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from indicators import palettes
from indicators.atlas import Atlas
from indicators.catalogue import HIGHER_BETTER, NEUTRAL, Indicator
from indicators.comparison import (
    ComparisonError,
    area_level,
    check_areas,
    reference_values,
    value_text,
)
from indicators.map_modes import format_signed
from indicators.texts import comparison as msg

TOLERANCE_RELATIVE = 0.05  # share of the city value
TOLERANCE_SD = 0.5  # share of the standard deviation over the areas of the level
MAX_SIDE_BY_SIDE = 5
PROFILE_COLUMNS = [
    "theme", "indicator_id", "name", "unit", "polarity", "value", "text", "city_value",
    "city_text", "min", "max", "deviation", "deviation_text", "assessment", "color", "trend",
    "suppressed", "label",
]
# Colours of the assessment, from the map's diverging palette (orange = less favourable).
ASSESSMENT_COLORS = {
    msg.WORSE: palettes.PU_OR[5][0],
    msg.BETTER: palettes.PU_OR[5][4],
    msg.SIMILAR: palettes.PU_OR[5][2],
    msg.NOT_RATED: palettes.BLUES[3][2],
    msg.SUPPRESSED: palettes.SUPPRESSED_COLOR,
    msg.NO_DATA: palettes.NO_DATA_COLOR,
}


def district_profile(
    atlas: Atlas, district_id: str, year: int, level: str | None = None,
    public_only: bool = True,
) -> pd.DataFrame:
    """The Steckbrief of one area (any level) in ``year``, in catalogue order.

    Columns (PROFILE_COLUMNS): theme, indicator_id, name, unit, polarity, value,
    text, city_value, city_text, min, max (over all areas of the level with a
    shown value), deviation (value − city_value, in the indicator's unit;
    percentage points for %), deviation_text, assessment (see module doc),
    color (hex, from ASSESSMENT_COLORS), trend (tuple of (year, value) over all
    years, NaN where suppressed or missing), suppressed, label. An indicator
    without values in ``year`` is listed with "keine Daten".
    """
    level = level or area_level(atlas, district_id)
    district_id = check_areas(atlas, [district_id], level)[0]
    rows = [
        _indicator_row(atlas, atlas.indicator(ind_id), district_id, int(year), level)
        for ind_id in atlas.catalogue(public_only=public_only)["indicator_id"]
    ]
    frame = pd.DataFrame(rows, columns=PROFILE_COLUMNS)
    return frame.astype({c: "float64" for c in
                         ("value", "city_value", "min", "max", "deviation")})


def profiles_side_by_side(
    atlas: Atlas, district_ids: Iterable[str], year: int, level: str | None = None,
    public_only: bool = True,
) -> pd.DataFrame:
    """Profiles of up to five areas of one level, for a side-by-side table.

    Long format: ``district_id`` and ``district_name`` followed by PROFILE_COLUMNS;
    rows grouped by indicator (catalogue order), within it the areas in the
    given order. More than five areas or none raise a German ComparisonError.
    """
    ids = list(dict.fromkeys(str(i) for i in ([district_ids] if isinstance(district_ids, str)
                                              else district_ids)))
    if not ids:
        raise ComparisonError(msg.ERR_NO_PROFILE_AREAS)
    if len(ids) > MAX_SIDE_BY_SIDE:
        raise ComparisonError(msg.ERR_TOO_MANY_PROFILES.format(max_areas=MAX_SIDE_BY_SIDE,
                                                            n=len(ids)))
    level = level or area_level(atlas, ids[0])
    ids = check_areas(atlas, ids, level)
    names = atlas.districts(level).set_index("district_id")["name"]
    parts = []
    for position, district_id in enumerate(ids):
        profile = district_profile(atlas, district_id, year, level, public_only)
        profile.insert(0, "district_name", names[district_id])
        profile.insert(0, "district_id", district_id)
        parts.append(profile.assign(_indicator=range(len(profile)), _area=position))
    frame = pd.concat(parts, ignore_index=True).sort_values(["_indicator", "_area"])
    return frame.drop(columns=["_indicator", "_area"]).reset_index(drop=True)


def assess(value: float, city_value: float, spread_sd: float, polarity: str,
           suppressed: bool = False) -> str:
    """The assessment word of one value against the city (rule in the module doc)."""
    if suppressed:
        return msg.SUPPRESSED
    if not (np.isfinite(value) and np.isfinite(city_value)):
        return msg.NO_DATA
    if polarity == NEUTRAL:
        return msg.NOT_RATED
    deviation = value - city_value
    tolerance = TOLERANCE_RELATIVE * abs(city_value)
    if np.isfinite(spread_sd):
        tolerance = max(tolerance, TOLERANCE_SD * spread_sd)
    if abs(deviation) < tolerance:
        return msg.SIMILAR
    higher_is_better = polarity == HIGHER_BETTER
    return msg.BETTER if (deviation > 0) == higher_is_better else msg.WORSE


def _indicator_row(
    atlas: Atlas, indicator: Indicator, district_id: str, year: int, level: str,
) -> dict:
    """One profile row; every number taken from suppressed value frames."""
    row = {
        "theme": indicator.theme, "indicator_id": indicator.indicator_id,
        "name": indicator.name, "unit": indicator.unit, "polarity": indicator.polarity,
        "trend": _trend(atlas, indicator, district_id, level),
    }
    if year not in atlas.years(indicator.indicator_id):
        return row | _empty(msg.NO_DATA)
    values = atlas.values(indicator.indicator_id, year, level)
    own = values.loc[values["district_id"] == district_id].iloc[0]
    suppressed = bool(own["suppressed"])
    value = np.nan if suppressed else float(own["value"])
    shown = values.loc[~values["suppressed"].fillna(False).astype(bool), "value"].dropna()
    city = _city_reference(atlas, indicator, year, level)
    deviation = value - city
    assessment = assess(value, city, float(shown.std(ddof=1)) if len(shown) > 1 else np.nan,
                        indicator.polarity, suppressed)
    label = str(own["label"] or "") if suppressed else ""
    return row | {
        "value": value, "text": value_text(value, suppressed, label, indicator),
        "city_value": city, "city_text": value_text(city, False, "", indicator),
        "min": shown.min() if len(shown) else np.nan,
        "max": shown.max() if len(shown) else np.nan,
        "deviation": deviation,
        "deviation_text": format_signed(deviation, _difference_unit(indicator),
                                        indicator.decimals),
        "assessment": assessment, "color": ASSESSMENT_COLORS[assessment],
        "suppressed": suppressed, "label": label,
    }


def _city_reference(atlas: Atlas, indicator: Indicator, year: int, level: str) -> float:
    city = reference_values(atlas, indicator, year, level, atlas.levels[-1]).iloc[0]
    return np.nan if bool(city["suppressed"]) else float(city["value"])


def _trend(atlas: Atlas, indicator: Indicator, district_id: str, level: str) -> tuple:
    """(year, value) for every year of the indicator; NaN where suppressed or missing."""
    points = []
    for year in atlas.years(indicator.indicator_id):
        values = atlas.values(indicator.indicator_id, year, level)
        own = values.loc[values["district_id"] == district_id].iloc[0]
        value = np.nan if bool(own["suppressed"]) else float(own["value"])
        points.append((int(year), value))
    return tuple(points)


def _empty(assessment: str) -> dict:
    return {
        "value": np.nan, "text": assessment, "city_value": np.nan, "city_text": msg.NO_DATA,
        "min": np.nan, "max": np.nan, "deviation": np.nan, "deviation_text": "–",
        "assessment": assessment, "color": ASSESSMENT_COLORS[assessment],
        "suppressed": False, "label": "",
    }


def _difference_unit(indicator: Indicator) -> str:
    return msg.UNIT_PERCENT_POINTS if indicator.is_percent else indicator.unit
