"""What the choropleth shows for one indicator, year and level: classes, colours, hover, legend.

This is the single data function behind the map (Datasette's "one data
function, many renderers"): the Dash figure, the legend and later exports all
render a ``ChoroplethData``. It is plain data, so it can be memoised and tested
without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

from indicators import texts
from indicators.atlas import Atlas
from indicators.catalogue import HIGHER_BETTER, Indicator
from indicators.formatting import format_count, format_value

#: z codes below the first class
Z_NO_DATA = 0
Z_SUPPRESSED = 1
Z_FIRST_CLASS = 2

NO_DATA_COLOR = "#f2f2f2"
SUPPRESSED_COLOR = "#9e9e9e"
# ColorBrewer YlOrBr (colour-blind safe), light -> dark
_YLORBR_5 = ["#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"]


@dataclass(frozen=True)
class LegendRow:
    color: str
    label: str
    count: int
    kind: str  # "class", "suppressed", "no_data"


@dataclass(frozen=True)
class ChoroplethData:
    """Everything the map needs that changes with indicator, year or level."""

    district_ids: tuple[str, ...]
    names: tuple[str, ...]
    z: tuple[int, ...]
    colors: tuple[str, ...]  # z-code order: no data, suppressed, class 0..k-1
    hover: tuple[tuple[str, str], ...]
    city_line: str
    legend: tuple[LegendRow, ...]
    legend_note: str
    title: str

    @property
    def zmax(self) -> int:
        return len(self.colors) - 1


def choropleth_data(atlas: Atlas, indicator_id: str, year: int, level: str) -> ChoroplethData:
    """Classes (5 quantiles), colours by polarity, hover lines and legend for one map."""
    indicator = atlas.indicator(indicator_id)
    frame = atlas.values(indicator_id, year, level)
    shown = frame["value"].notna().to_numpy()
    classes = np.full(len(frame), -1)
    colors = list(_YLORBR_5)
    legend: list[LegendRow] = []
    if shown.sum() >= 2:
        k = min(5, int(pd.Series(frame.loc[shown, "value"]).nunique()))
        classifier = mapclassify.Quantiles(frame.loc[shown, "value"].to_numpy(), k=max(k, 1))
        classes[shown] = classifier.yb
        colors = _palette(len(classifier.bins), indicator.polarity)
        legend = _class_rows(classifier, colors, indicator)
    z = np.where(shown, classes + Z_FIRST_CLASS, Z_NO_DATA)
    z = np.where(frame["suppressed"], Z_SUPPRESSED, z)
    legend += _grey_rows(frame, indicator, atlas)
    city = atlas.city_value(indicator_id, year)
    return ChoroplethData(
        district_ids=tuple(frame["district_id"]),
        names=tuple(frame["name"]),
        z=tuple(int(v) for v in z),
        colors=(NO_DATA_COLOR, SUPPRESSED_COLOR, *colors),
        hover=tuple(_hover_lines(row, indicator) for row in frame.itertuples()),
        city_line=f"{texts.CITY_AVERAGE}: {_value_or_label(city, indicator)}",
        legend=tuple(legend),
        legend_note=_polarity_note(indicator.polarity),
        title=f"{indicator.name} · {year}",
    )


def _palette(k: int, polarity: str) -> list[str]:
    colors = list(np.array(_YLORBR_5)[np.linspace(0, 4, k).round().astype(int)])
    return colors[::-1] if polarity == HIGHER_BETTER else colors


def _class_rows(classifier, colors: list[str], indicator: Indicator) -> list[LegendRow]:
    lower = float(np.min(classifier.y))
    rows = []
    for color, upper, count in zip(colors, classifier.bins, classifier.counts, strict=True):
        label = (
            f"{format_value(lower, '', indicator.decimals)} – "
            f"{format_value(upper, indicator.unit, indicator.decimals)}"
        )
        rows.append(LegendRow(color, label, int(count), "class"))
        lower = float(upper)
    return rows


def _grey_rows(frame: pd.DataFrame, indicator: Indicator, atlas: Atlas) -> list[LegendRow]:
    rows = [
        LegendRow(
            SUPPRESSED_COLOR,
            texts.SUPPRESSED_COUNT.format(min_count=indicator.min_count),
            int(frame["suppressed"].sum()),
            "suppressed",
        )
    ]
    no_data = int((frame["value"].isna() & ~frame["suppressed"]).sum())
    rows.append(LegendRow(NO_DATA_COLOR, texts.LEGEND_NO_DATA, no_data, "no_data"))
    return rows


def _hover_lines(row, indicator: Indicator) -> tuple[str, str]:
    if row.suppressed:
        return (row.label, "")
    if pd.isna(row.value):
        return (texts.NO_DATA, "")
    counts = ""
    if indicator.is_rate and pd.notna(row.numerator):
        counts = texts.HOVER_NUMERATOR.format(
            numerator=format_count(row.numerator), denominator=format_count(row.denominator)
        )
    return (format_value(row.value, indicator.unit, indicator.decimals), counts)


def _value_or_label(row: pd.Series, indicator: Indicator) -> str:
    if row["suppressed"]:
        return row["label"]
    return format_value(row["value"], indicator.unit, indicator.decimals)


def _polarity_note(polarity: str) -> str:
    return {
        "higher_worse": texts.LEGEND_MORE_NEED,
        "higher_better": texts.LEGEND_MORE_NEED,
    }.get(polarity, texts.LEGEND_NEUTRAL)
