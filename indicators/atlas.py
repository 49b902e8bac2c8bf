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
        self._years = {
            key: sorted(int(y) for y in years)
            for key, years in self._values.groupby("indicator_id")["year"].unique().items()
        }
        # The atlas is read-only once opened, so results can be kept per argument tuple.
        # pandas copy-on-write keeps callers from changing the kept frames by accident.
        self._memo: dict[tuple, object] = {}

    def _remember(self, key: tuple, compute):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

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
        return self._remember(("indicator", indicator_id),
                              lambda: Indicator.from_row(self._catalogue.loc[indicator_id]))

    def years(self, indicator_id: str | None = None) -> list[int]:
        if indicator_id is None:
            return sorted({year for years in self._years.values() for year in years})
        self.indicator(indicator_id)
        return list(self._years.get(indicator_id, []))

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
        return self._remember(("districts", level), lambda: self._districts[
            self._districts["level"] == level].reset_index(drop=True))

    def offers(self) -> gpd.GeoDataFrame:
        """The offers (Angebote) as points in the atlas's CRS, all columns of the store."""
        return self._layers.offers

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
        level = level or self.levels[0]
        return self._remember(("values", indicator_id, int(year), level),
                              lambda: self._suppressed_values(indicator_id, int(year), level))

    def _suppressed_values(self, indicator_id: str, year: int, level: str) -> pd.DataFrame:
        indicator = self.indicator(indicator_id)
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
        return self._remember(("raw", indicator.indicator_id, year, level),
                              lambda: self._compute_raw_values(indicator, year, level))

    def _compute_raw_values(self, indicator: Indicator, year: int, level: str) -> pd.DataFrame:
        keys = self._level_keys(level)
        columns = ("value", "numerator", "denominator")
        found = np.full((len(keys), 3), np.nan)
        stored = self._by_key.get((indicator.indicator_id, year))
        if stored is not None:
            stored = stored.drop_duplicates("district_id").set_index("district_id")
            found = stored.reindex(keys["district_id"])[list(columns)].to_numpy(dtype="float64")
        index = self.levels.index(level)
        if np.isnan(found[:, 0]).any() and index > 0:
            children = self._raw_values(indicator, year, self.levels[index - 1])
            aggregated = aggregate_counts(
                children, self._parent_of, self._children_per_parent(level),
                indicator.scale, indicator.is_rate,
            ).set_index("district_id").reindex(keys["district_id"])[list(columns)]
            missing = np.isnan(found[:, 0])
            found[missing] = aggregated.to_numpy(dtype="float64")[missing]
        return keys.assign(**{c: found[:, i] for i, c in enumerate(columns)})

    def _level_keys(self, level: str) -> pd.DataFrame:
        return self._remember(("keys", level), lambda: pd.DataFrame(
            self.districts(level)[["district_id", "name", "level", "parent_id"]]))

    def _children_per_parent(self, level: str) -> pd.Series:
        """How many areas of the level below each area of ``level`` contains."""
        def compute() -> pd.Series:
            below = self._level_keys(self.levels[self.levels.index(level) - 1])
            counts = below.groupby("parent_id").size()
            return counts.reindex(self._level_keys(level)["district_id"]).fillna(0).astype(int)

        return self._remember(("children", level), compute)

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
