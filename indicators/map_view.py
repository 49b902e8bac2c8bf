"""What the choropleth shows for one request: classes, colours, hover numbers and legend.

This is the single data function behind the map (Datasette's "one data
function, many renderers"): the Dash figure, the legend and exports all render
a ``ChoroplethData``. It is plain data, so it can be memoised and tested
without a browser. Suppressed and missing areas are kept apart from the
classified ones (``grey_*``): they are never classified, never coloured.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import map_modes, texts
from indicators.atlas import Atlas
from indicators.catalogue import Indicator
from indicators.classification import (
    QUANTILES,
    USER_DEFINED,
    Classes,
    classify,
    classify_symmetric,
)
from indicators.formatting import format_value
from indicators.map_hover import hover_numbers, hover_template
from indicators.palettes import NO_DATA_COLOR, SUPPRESSED_COLOR

GREY_NO_DATA = 0
GREY_SUPPRESSED = 1


@dataclass(frozen=True)
class MapRequest:
    """Everything that decides one map; hashable, so it is also the cache key."""

    indicator_id: str
    year: int
    level: str
    mode: str = map_modes.VALUE
    method: str = QUANTILES
    k: int = 5
    fixed_breaks: bool = False
    breaks_text: str = ""
    compare_year: int | None = None


@dataclass(frozen=True)
class LegendRow:
    color: str
    label: str
    count: int
    kind: str  # "class", "suppressed", "no_data"


@dataclass(frozen=True)
class ChoroplethData:
    """Per area (all areas of the level, in a fixed order): class or grey code, hover numbers.

    ``z`` holds the class index for classified areas and None for grey ones;
    ``grey_z`` the reverse (GREY_SUPPRESSED / GREY_NO_DATA, None if classified).
    The order never changes for a level, so a switch only sends new z and hover.
    """

    district_ids: tuple[str, ...]
    names: tuple[str, ...]
    z: tuple[int | None, ...]
    colors: tuple[str, ...]
    customdata: tuple[tuple | None, ...]
    hovertemplate: str
    grey_z: tuple[int | None, ...]
    grey_labels: tuple[str | None, ...]
    legend: tuple[LegendRow, ...]
    legend_note: str
    city_line: str
    title: str
    notes: tuple[str, ...]
    unit: str

    @property
    def class_of(self) -> dict[str, int]:
        """Class per district id (-1 for grey areas): what a user sees as colour."""
        return {key: -1 if z is None else z for key, z in zip(self.district_ids, self.z,
                                                               strict=True)}

    @property
    def grey_ids(self) -> tuple[str, ...]:
        return tuple(k for k, g in zip(self.district_ids, self.grey_z, strict=True)
                     if g is not None)


def choropleth_data(atlas: Atlas, request: MapRequest) -> ChoroplethData:
    """Compute one map: mode values, classes, colours, hover numbers and legend rows."""
    indicator = atlas.indicator(request.indicator_id)
    frame = atlas.values(request.indicator_id, request.year, request.level)
    result = mode_result(atlas, indicator, frame, request)
    values = result.frame["value"].to_numpy(dtype="float64")
    shown = ~np.isnan(values)
    classes = _classes(atlas, indicator, request, result, values[shown])
    colors = result.colors(max(classes.k, 1))
    ranks = map_modes.rank_mode(frame, indicator)  # for the hover and "Rang 3 von n"
    hover = hover_numbers(atlas, indicator, frame, request, result, ranks)
    grey = result.frame.loc[~shown]
    rows = [LegendRow(color, row.label, row.count, "class") for color, row in
            zip(colors, classes.legend_rows(result.unit, result.decimals), strict=False)]
    rows += _grey_rows(grey, indicator, atlas)
    city_line = _city_line(atlas, indicator, request)
    class_index = np.full(len(values), -1)
    class_index[shown] = classes.classes
    grey_code = np.where(result.frame["suppressed"], GREY_SUPPRESSED, GREY_NO_DATA)
    labels = result.frame["label"].fillna("").replace("", texts.NO_DATA)
    return ChoroplethData(
        district_ids=tuple(result.frame["district_id"]),
        names=tuple(result.frame["name"]),
        z=tuple(int(c) if s else None for c, s in zip(class_index, shown, strict=True)),
        colors=tuple(colors),
        customdata=tuple(row if s else None for row, s in zip(hover, shown, strict=True)),
        hovertemplate=hover_template(atlas, indicator, request, result, city_line,
                                     ranks.n),
        grey_z=tuple(None if s else int(g) for g, s in zip(grey_code, shown, strict=True)),
        grey_labels=tuple(None if s else str(lb) for lb, s in zip(labels, shown, strict=True)),
        legend=tuple(rows),
        legend_note=_legend_note(indicator, result),
        city_line=city_line,
        title=_title(atlas, indicator, request),
        notes=tuple(n for n in (classes.note, _symmetric_note(result, request)) if n),
        unit=result.unit,
    )


def mode_result(
    atlas: Atlas, indicator: Indicator, frame: pd.DataFrame, request: MapRequest
) -> map_modes.ModeResult:
    """The chosen map mode's values for this request (suppression carried through)."""
    compare = None
    if request.mode == map_modes.CHANGE:
        compare = atlas.values(request.indicator_id, _compare_year(atlas, request), request.level)
    return map_modes.compute_mode(
        request.mode, frame, indicator, compare_frame=compare,
        city_value=_reference(atlas, indicator, request.year, frame),
    )


def _reference(atlas: Atlas, indicator: Indicator, year: int, frame: pd.DataFrame) -> float:
    """City rate for rates; mean per area for counts (a city total is not comparable)."""
    if indicator.is_rate:
        return float(atlas.city_value(indicator.indicator_id, year)["value"])
    return float(frame["value"].mean())


def _compare_year(atlas: Atlas, request: MapRequest) -> int:
    years = [y for y in atlas.years(request.indicator_id) if y < request.year]
    if request.compare_year in years:
        return int(request.compare_year)
    return years[0] if years else request.year


def _classes(
    atlas: Atlas, indicator: Indicator, request: MapRequest, result, values: np.ndarray
) -> Classes:
    fixed_on = _pooled(atlas, indicator, request) if request.fixed_breaks else None
    method = request.method
    if result.mode == map_modes.RANK and method == USER_DEFINED:
        method = QUANTILES
    if result.symmetric and method != USER_DEFINED:
        return classify_symmetric(values, request.k, fixed_on=fixed_on)
    return classify(values, method, request.k, breaks_text=request.breaks_text or None,
                    fixed_on=fixed_on)


def _pooled(atlas: Atlas, indicator: Indicator, request: MapRequest) -> np.ndarray | None:
    """Values of every year, so that breaks (and colours) stay comparable over time."""
    if request.mode in (map_modes.CHANGE, map_modes.RANK):
        return None
    pooled = []
    for year in atlas.years(request.indicator_id):
        frame = atlas.values(request.indicator_id, year, request.level)
        result = mode_result(atlas, indicator, frame, MapRequest(
            request.indicator_id, year, request.level, request.mode))
        pooled.append(result.frame["value"].dropna().to_numpy(dtype="float64"))
    return np.concatenate(pooled) if pooled else None


def _symmetric_note(result, request: MapRequest) -> str:
    """Change and deviation maps use classes symmetric around 0, whatever method is chosen."""
    if result.symmetric and request.method != USER_DEFINED:
        return texts.NOTE_SYMMETRIC
    return ""


def _grey_rows(grey: pd.DataFrame, indicator: Indicator, atlas: Atlas) -> list[LegendRow]:
    suppressed = grey[grey["suppressed"]]
    label = texts.SUPPRESSED_COUNT.format(min_count=indicator.min_count)
    if len(suppressed) and (suppressed["reason"] != "count").any():
        label = texts.LEGEND_SUPPRESSED_ANY.format(min_count=indicator.min_count,
                                                   min_population=atlas.min_population)
    return [
        LegendRow(SUPPRESSED_COLOR, label, len(suppressed), "suppressed"),
        LegendRow(NO_DATA_COLOR, texts.LEGEND_NO_DATA, int((~grey["suppressed"]).sum()),
                  "no_data"),
    ]


def _city_line(atlas: Atlas, indicator: Indicator, request: MapRequest) -> str:
    """The whole city for comparison; in change mode its own change."""
    city = atlas.city_value(request.indicator_id, request.year)
    text = _value_or_label(city, indicator)
    if request.mode == map_modes.CHANGE and not city["suppressed"]:
        before = atlas.city_value(request.indicator_id, _compare_year(atlas, request))
        if not before["suppressed"]:
            unit, decimals = map_modes.difference_unit(indicator)
            difference = city["value"] - before["value"]
            if not indicator.is_rate:
                difference = difference / before["value"] * 100 if before["value"] else np.nan
            text = texts.CITY_CHANGE.format(
                before=_value_or_label(before, indicator), after=text,
                change=map_modes.format_signed(difference, unit, decimals))
    return f"{texts.CITY_AVERAGE}: {text}"


def _value_or_label(row: pd.Series, indicator: Indicator) -> str:
    if row["suppressed"]:
        return row["label"]
    return format_value(row["value"], indicator.unit, indicator.decimals)


def _legend_note(indicator: Indicator, result) -> str:
    if result.mode == map_modes.RANK:
        return texts.LEGEND_RANK_NOTE
    if result.symmetric:
        return texts.LEGEND_DIVERGING_NOTE if indicator.polarity != "neutral" else \
            texts.LEGEND_DIVERGING_NEUTRAL
    return texts.LEGEND_NEUTRAL if indicator.polarity == "neutral" else texts.LEGEND_MORE_NEED


def _title(atlas: Atlas, indicator: Indicator, request: MapRequest) -> str:
    if request.mode == map_modes.CHANGE:
        return texts.TITLE_CHANGE.format(name=indicator.name, year=request.year,
                                         from_year=_compare_year(atlas, request))
    if request.mode == map_modes.DEVIATION:
        return texts.TITLE_DEVIATION.format(name=indicator.name, year=request.year)
    if request.mode == map_modes.RANK:
        return texts.TITLE_RANK.format(name=indicator.name, year=request.year)
    return f"{indicator.name} · {request.year}"
