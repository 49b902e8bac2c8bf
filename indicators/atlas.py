"""The atlas store: one GeoPackage, opened once, read-only afterwards.

Everything that leaves this class has suppression applied; unsuppressed
values only live in private helpers used for aggregation.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from indicators import texts
from indicators.aggregation import aggregate_counts
from indicators.atlas_file import AtlasLayers, read_atlas_layers
from indicators.catalogue import Indicator
from indicators.errors import AtlasQueryError
from indicators.suppression import (
    mask_suppressed,
    primary_reasons,
    secondary_reasons,
    suppression_label,
)

CITY_LEVEL = "Gesamtstadt"
CITY_ID = "gesamtstadt"
DEFAULT_MIN_COUNT = 5
DEFAULT_MIN_POPULATION = 300

VALUE_FRAME_COLUMNS = [
    "district_id", "name", "level", "parent_id", "value", "numerator", "denominator",
    "suppressed", "reason", "label",
]


def open_atlas(path: str | os.PathLike) -> Atlas:
    """Open an atlas GeoPackage; raises AtlasFileError with a German message."""
    return Atlas(read_atlas_layers(path), path=Path(path))


class Atlas:
    """Catalogue, district hierarchy and values of one Kommune."""

    def __init__(self, layers: AtlasLayers, path: Path | None = None) -> None:
        self.path = path
        self._layers = layers
        self.meta = dict(layers.meta)
        self._values = layers.values
        self._by_key = {
            key: frame for key, frame in self._values.groupby(["indicator_id", "year"], sort=False)
        }
        self._catalogue = layers.catalogue.set_index("indicator_id", drop=False)
        self._districts = self._with_city_level(layers.districts)

    # --- identity -------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.meta.get("name", "Atlas")

    @property
    def version(self) -> str:
        return self.meta.get("version", "1")

    @property
    def is_demo(self) -> bool:
        return self.meta.get("demo", "").lower() in ("1", "true", "ja")

    @property
    def cache_key(self) -> str:
        """Changes whenever the file or its version changes, so caches refresh."""
        mtime = self.path.stat().st_mtime_ns if self.path and self.path.exists() else 0
        return f"{self.path}:{self.version}:{mtime}"

    @property
    def min_population(self) -> int:
        return int(float(self.meta.get("min_population", DEFAULT_MIN_POPULATION)))

    @property
    def population_indicator(self) -> str | None:
        return self.meta.get("population_indicator") or None

    # --- catalogue ------------------------------------------------------------
    def themes(self, public_only: bool = False) -> list[str]:
        """Themes in catalogue order."""
        return list(dict.fromkeys(self.catalogue(public_only=public_only)["theme"]))

    def catalogue(self, theme: str | None = None, public_only: bool = False) -> pd.DataFrame:
        frame = self._catalogue.reset_index(drop=True)
        if theme:
            frame = frame[frame["theme"] == theme]
        if public_only:
            frame = frame[frame["public"]]
        return frame.reset_index(drop=True)

    def indicator(self, indicator_id: str) -> Indicator:
        if indicator_id not in self._catalogue.index:
            raise AtlasQueryError(texts.ERR_UNKNOWN_INDICATOR.format(indicator_id=indicator_id))
        return Indicator.from_row(self._catalogue.loc[indicator_id])

    def years(self, indicator_id: str | None = None) -> list[int]:
        values = self._values
        if indicator_id is not None:
            self.indicator(indicator_id)
            values = values[values["indicator_id"] == indicator_id]
        return sorted(int(y) for y in values["year"].unique())

    # --- districts ------------------------------------------------------------
    @cached_property
    def levels(self) -> list[str]:
        """Levels from the finest (e.g. Sozialraum) to the whole city."""
        districts = self._districts
        parents = set(districts["parent_id"].dropna())
        base = districts.loc[~districts["district_id"].isin(parents), "level"]
        order = [base.mode().iloc[0]]
        by_id = districts.set_index("district_id")
        while True:
            current = districts[districts["level"] == order[-1]]
            parent_ids = current["parent_id"].dropna()
            parent_ids = parent_ids[parent_ids.isin(by_id.index)]
            if parent_ids.empty:
                return order
            order.append(by_id.loc[parent_ids.iloc[0], "level"])

    def districts(self, level: str | None = None) -> gpd.GeoDataFrame:
        """District polygons of one level in the atlas's metric CRS."""
        level = level or self.levels[0]
        self._check_level(level)
        frame = self._districts[self._districts["level"] == level]
        return frame.reset_index(drop=True)

    def district_names(self) -> pd.Series:
        return self._districts.set_index("district_id")["name"]

    @cached_property
    def _parent_of(self) -> pd.Series:
        return self._districts.set_index("district_id")["parent_id"]

    def _check_level(self, level: str) -> None:
        if level not in self.levels:
            raise AtlasQueryError(
                texts.ERR_UNKNOWN_LEVEL.format(level=level, levels=", ".join(self.levels))
            )

    def _with_city_level(self, districts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Add the whole city as top level unless the atlas already has a single top area."""
        districts = districts.copy()
        ids = set(districts["district_id"])
        tops = districts[~districts["parent_id"].isin(ids) | districts["parent_id"].isna()]
        if len(tops) == 1:
            return districts
        union = tops.geometry.union_all()
        districts.loc[tops.index, "parent_id"] = CITY_ID
        city = gpd.GeoDataFrame(
            {"district_id": [CITY_ID], "name": [self.name], "level": [CITY_LEVEL],
             "parent_id": [None]},
            geometry=[union], crs=districts.crs,
        )
        return pd.concat([districts, city], ignore_index=True)

    # --- values ---------------------------------------------------------------
    def values(self, indicator_id: str, year: int, level: str | None = None) -> pd.DataFrame:
        """Values of one indicator, year and level, with suppression applied.

        Columns: district_id, name, level, parent_id, value, numerator,
        denominator, suppressed, reason, label (German reason, '' if shown).
        """
        indicator = self.indicator(indicator_id)
        level = level or self.levels[0]
        self._check_level(level)
        if int(year) not in self.years(indicator_id):
            message = texts.ERR_UNKNOWN_YEAR.format(indicator=indicator.name, year=year)
            raise AtlasQueryError(message)
        raw = self._raw_values(indicator, int(year), level)
        population = self._population(int(year), level)
        reasons = primary_reasons(raw, indicator.min_count, population, self.min_population)
        reasons = secondary_reasons(raw, reasons, self._parent_of)
        out = mask_suppressed(raw, reasons)
        out["label"] = [
            suppression_label(r, indicator.min_count, self.min_population)
            if isinstance(r, str) else ""
            for r in out["reason"]
        ]
        return out[VALUE_FRAME_COLUMNS]

    def city_value(self, indicator_id: str, year: int) -> pd.Series:
        """The whole city's value (aggregated from counts), suppressed like any other."""
        return self.values(indicator_id, year, self.levels[-1]).iloc[0]

    def _raw_values(self, indicator: Indicator, year: int, level: str) -> pd.DataFrame:
        """Unsuppressed values at ``level``: stored where complete, else aggregated."""
        districts = self.districts(level)[["district_id", "name", "level", "parent_id"]]
        stored = self._by_key.get((indicator.indicator_id, year))
        if stored is not None:
            stored = stored.drop_duplicates("district_id").set_index("district_id")
            stored = stored.reindex(districts["district_id"])
        index = self.levels.index(level)
        if (stored is None or stored["value"].isna().any()) and index > 0:
            children = self._raw_values(indicator, year, self.levels[index - 1])
            counts = self._districts[self._districts["level"] == self.levels[index - 1]]
            per_parent = counts.groupby("parent_id").size().reindex(districts["district_id"])
            aggregated = aggregate_counts(
                children, self._parent_of, per_parent.fillna(0).astype(int),
                indicator.scale, indicator.is_rate,
            ).set_index("district_id")
            stored = aggregated if stored is None else stored.combine_first(aggregated)
        frame = districts.copy()
        for column in ("value", "numerator", "denominator"):
            frame[column] = (
                np.nan if stored is None
                else stored[column].reindex(districts["district_id"]).to_numpy(dtype="float64")
            )
        return frame.reset_index(drop=True)

    def _population(self, year: int, level: str) -> pd.Series | None:
        pop_id = self.population_indicator
        if not pop_id or pop_id not in self._catalogue.index:
            return None
        years = self.years(pop_id)
        if not years:
            return None
        nearest = min(years, key=lambda y: (abs(y - year), -y))
        raw = self._raw_values(self.indicator(pop_id), nearest, level)
        return raw.set_index("district_id")["numerator"]
