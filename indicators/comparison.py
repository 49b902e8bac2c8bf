"""Data of the comparison panel: bars, time series and ranking of selected areas.

One function per chart, each returning a DataFrame with documented columns; the
figures are built in the app. Suppression comes from ``Atlas.values``: a
suppressed value is NaN and its text is the German reason, never 0, and it never
enters a reference value, because parents and the city are computed from summed
counts (``Atlas.values`` at their level), not by averaging what is shown.

Reference values ("Durchschnitt"): for rates the parent's and the city's own
rate. For counts (unit "Anzahl", no denominator) a total would dwarf every area,
so the reference is the total divided by the number of areas of the compared
level ("Gesamtstadt (Durchschnitt je Sozialraum)"). The helpers at the end are
shared by ``profile``, ``correlation`` and ``twins``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from indicators import texts
from indicators.atlas import Atlas
from indicators.catalogue import Indicator
from indicators.errors import AtlasError, AtlasQueryError
from indicators.formatting import format_value
from indicators.map_modes import rank_label, rank_mode
from indicators.texts import comparison as msg

DISTRICT, PARENT, CITY = "district", "parent", "city"
BAR_COLUMNS = [
    "district_id", "name", "level", "kind", "parent_id", "value", "suppressed", "label", "text",
]
SERIES_COLUMNS = [
    "district_id", "name", "kind", "year", "value", "suppressed", "label", "text",
]
RANKING_COLUMNS = [
    "district_id", "name", "rank", "rank_text", "value", "text", "selected", "suppressed",
    "label",
]


class ComparisonError(AtlasError, ValueError):
    """A comparison, profile, correlation or twin request that cannot be met (German)."""


def comparison_bars(
    atlas: Atlas, indicator_id: str, year: int, district_ids: Iterable[str],
    level: str | None = None,
) -> pd.DataFrame:
    """Selected areas, their distinct parents and the city, for one bar chart.

    Columns (BAR_COLUMNS): district_id, name, level, kind ("district", "parent",
    "city"), parent_id, value (NaN when suppressed or missing), suppressed,
    label (German reason, '' if shown), text (formatted value, else the label
    or "keine Daten"). Rows: selected areas in the given order, then their
    parents in order of first appearance (not when the parent is the city),
    then the city. An empty selection gives the city row alone.
    """
    indicator = atlas.indicator(indicator_id)
    level = level or atlas.levels[0]
    ids = check_areas(atlas, district_ids, level)
    values = atlas.values(indicator_id, year, level).set_index("district_id", drop=False)
    parts = [values.loc[ids].assign(kind=DISTRICT)]
    position = atlas.levels.index(level)
    if position + 2 < len(atlas.levels):
        parents = reference_values(atlas, indicator, year, level, atlas.levels[position + 1])
        parents = parents.set_index("district_id", drop=False)
        wanted = [p for p in dict.fromkeys(parts[0]["parent_id"].dropna()) if p in parents.index]
        parts.append(parents.loc[wanted].assign(kind=PARENT))
    if position + 1 < len(atlas.levels):
        city = reference_values(atlas, indicator, year, level, atlas.levels[-1])
        parts.append(city.assign(kind=CITY))
    frame = pd.concat([p.reset_index(drop=True) for p in parts], ignore_index=True)
    return _with_text(frame, indicator)[BAR_COLUMNS]


def time_series(
    atlas: Atlas, indicator_id: str, district_ids: Iterable[str], level: str | None = None,
) -> pd.DataFrame:
    """One line per selected area plus the city, over every year of the indicator.

    Long format (SERIES_COLUMNS): district_id, name, kind ("district"/"city"),
    year, value, suppressed, label, text. A suppressed year has value NaN, so the
    line has a gap there; it is never drawn as 0.
    """
    indicator = atlas.indicator(indicator_id)
    level = level or atlas.levels[0]
    ids = check_areas(atlas, district_ids, level)
    parts = []
    for year in atlas.years(indicator_id):
        values = atlas.values(indicator_id, year, level).set_index("district_id", drop=False)
        parts.append(values.loc[ids].assign(kind=DISTRICT, year=year))
        if level != atlas.levels[-1]:
            city = reference_values(atlas, indicator, year, level, atlas.levels[-1])
            parts.append(city.assign(kind=CITY, year=year))
    frame = pd.concat([p.reset_index(drop=True) for p in parts], ignore_index=True)
    order = {key: i for i, key in enumerate(ids)}
    frame = frame.assign(_order=frame["district_id"].map(order).fillna(len(ids)))
    frame = frame.sort_values(["_order", "year"], kind="stable").reset_index(drop=True)
    frame["year"] = frame["year"].astype(int)
    return _with_text(frame, indicator)[SERIES_COLUMNS]


def ranking(
    atlas: Atlas, indicator_id: str, year: int, level: str | None = None,
    selected: Iterable[str] = (),
) -> pd.DataFrame:
    """All areas of a level sorted by need, the selected ones flagged.

    Rank 1 = most need: the highest value for higher_worse and neutral
    indicators, the lowest for higher_better; ties share the smallest rank
    (as ``map_modes.rank_mode``). Columns (RANKING_COLUMNS): district_id, name,
    rank (float, NaN without a value), rank_text ("Rang 3 von 35" or '–'),
    value, text, selected, suppressed, label. Areas without a value follow at
    the end: suppressed ones with their label, then those without data.
    """
    indicator = atlas.indicator(indicator_id)
    level = level or atlas.levels[0]
    chosen = set(check_areas(atlas, selected, level))
    values = atlas.values(indicator_id, year, level).reset_index(drop=True)
    ranks = rank_mode(values, indicator)
    frame = values.assign(
        rank=ranks.frame["value"].to_numpy(),
        selected=values["district_id"].isin(chosen).to_numpy(),
        suppressed=values["suppressed"].fillna(False).astype(bool),
    )
    frame["rank_text"] = [rank_label(r, ranks.n) for r in frame["rank"]]
    group = np.where(frame["rank"].notna(), 0, np.where(frame["suppressed"], 1, 2))
    frame = frame.assign(_group=group).sort_values(["_group", "rank", "name"], kind="stable")
    return _with_text(frame.reset_index(drop=True), indicator)[RANKING_COLUMNS]


# --- helpers shared with profile, correlation and twins --------------------------
def value_text(value: float, suppressed: bool, label: str, indicator: Indicator) -> str:
    """The German text of one value: '12,3 %', the suppression label, or 'keine Daten'."""
    if suppressed:
        return label or msg.SUPPRESSED
    if value is None or not np.isfinite(value):
        return msg.NO_DATA
    return format_value(float(value), indicator.unit, indicator.decimals)


def area_level(atlas: Atlas, district_id: str) -> str:
    """The level an area belongs to; AtlasQueryError (German) for an unknown id."""
    for level in atlas.levels:
        if (atlas.districts(level)["district_id"] == str(district_id)).any():
            return level
    raise AtlasQueryError(texts.ERR_UNKNOWN_DISTRICT.format(district_id=district_id))


def check_areas(atlas: Atlas, district_ids: Iterable[str] | str, level: str) -> list[str]:
    """The ids as strings, duplicates dropped, each checked to be an area of ``level``."""
    if isinstance(district_ids, str):
        district_ids = [district_ids]
    ids = list(dict.fromkeys(str(i) for i in district_ids))
    known = set(atlas.districts(level)["district_id"])
    for district_id in ids:
        if district_id not in known:
            actual = area_level(atlas, district_id)
            raise AtlasQueryError(
                msg.ERR_WRONG_LEVEL.format(district_id=district_id, actual=actual, level=level)
            )
    return ids


def reference_values(
    atlas: Atlas, indicator: Indicator, year: int, level: str, reference_level: str,
) -> pd.DataFrame:
    """Values of the areas of ``reference_level`` as a reference for areas of ``level``.

    Rates: ``Atlas.values`` at the reference level as they are (sum of counts /
    sum of denominators). Counts: the total divided by the number of areas of
    ``level`` inside each reference area, with the name saying so. The city row
    is named "Gesamtstadt". Suppressed totals stay suppressed.
    """
    frame = atlas.values(indicator.indicator_id, year, reference_level).reset_index(drop=True)
    is_city = reference_level == atlas.levels[-1]
    names = pd.Series(msg.CITY, index=frame.index) if is_city else frame["name"]
    if indicator.is_rate or reference_level == level:
        return frame.assign(name=names)
    per_reference = _areas_per_reference(atlas, level, reference_level)
    count = frame["district_id"].map(per_reference).astype("float64")
    mean = frame["value"] / count.where(count > 0)
    return frame.assign(
        value=mean.mask(frame["suppressed"].to_numpy(dtype=bool)),
        name=[msg.MEAN_PER_AREA.format(name=n, level=level) for n in names],
    )


def _areas_per_reference(atlas: Atlas, level: str, reference_level: str) -> pd.Series:
    """How many areas of ``level`` lie in each area of ``reference_level``."""
    parent_of = pd.concat(
        [atlas.districts(lv)[["district_id", "parent_id"]] for lv in atlas.levels]
    ).drop_duplicates("district_id").set_index("district_id")["parent_id"]
    ancestors = pd.Series(atlas.districts(level)["district_id"].to_numpy())
    steps = atlas.levels.index(reference_level) - atlas.levels.index(level)
    for _ in range(steps):
        ancestors = ancestors.map(parent_of)
    return ancestors.value_counts()


def _with_text(frame: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    """Blank suppressed values (defensive) and add the German ``text`` column."""
    suppressed = frame["suppressed"].fillna(False).astype(bool).to_numpy()
    frame = frame.assign(
        suppressed=suppressed,
        value=frame["value"].astype("float64").mask(suppressed),
        label=frame["label"].fillna("").astype(str),
    )
    frame["text"] = [
        value_text(v, s, lab, indicator)
        for v, s, lab in zip(frame["value"], frame["suppressed"], frame["label"], strict=True)
    ]
    return frame
