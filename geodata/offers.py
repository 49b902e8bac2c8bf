"""Offers (Angebote) of the prevention chain: filtering and counting per district.

Why vectorised: the map explorer re-counts offers on every filter change, so the join
is one STRtree query over all offers (shapely 2), not a loop of point-in-polygon tests.

Tie rule (a point exactly on a shared border or corner): the offer is counted exactly
once, in the touching district with the **smallest district_id** (string order). The
rule is arbitrary but stable, easy to explain and independent of the order of the rows.
Offers in no district (outside the city, or without coordinates) are never dropped
silently: they come back in :attr:`JoinResult.outside` with the reason.
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from indicators.errors import AtlasError
from indicators.texts import offers as texts

#: Fields searched by the free-text filter.
TEXT_FIELDS = ("name", "provider", "address", "category", "languages")
OUTSIDE_COLUMNS = ["offer_id", "name", "category", "address", "reason", "geometry"]
_GERMAN_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


class OfferError(AtlasError, ValueError):
    """An offer filter or offer list that cannot be used; the message is German."""


@dataclass(frozen=True)
class OfferFilter:
    """What the offer-filter panel selects. Empty fields do not restrict.

    ``age``: an age in years that must lie in [age_min, age_max] (both inclusive), or an
    age band (von, bis) that must overlap it. A missing age_min/age_max counts as "no
    limit" on that side (e.g. a Beratungsstelle for everyone). ``text`` is searched
    case-insensitively (Unicode case folding, ß = ss) in :data:`TEXT_FIELDS`; several
    words must all occur. Sequences become tuples, so a filter is hashable (cache key).
    """

    phases: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    provider_types: tuple[str, ...] = ()
    age: float | tuple[float, float] | None = None
    target_groups: tuple[str, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        for name in ("phases", "categories", "provider_types", "target_groups"):
            value = getattr(self, name)
            object.__setattr__(self, name, (value,) if isinstance(value, str) else
                               tuple(value or ()))
        object.__setattr__(self, "text", (self.text or "").strip())
        object.__setattr__(self, "age", _age_band(self.age))

    @property
    def is_empty(self) -> bool:
        return self == OfferFilter()


@dataclass(frozen=True, eq=False)
class JoinResult:
    """Offers per district.

    ``per_district``: district_id, name, offers (int), capacity (float, sum of known
    capacities) — one row per district in the districts' order, 0 where there is none.
    ``assignment``: district_id per offer (index of the offers frame; None = outside).
    ``outside``: the offers in no district: offer_id, name, category, address, reason.
    """

    per_district: pd.DataFrame
    assignment: pd.Series
    outside: gpd.GeoDataFrame

    @property
    def message(self) -> str:
        """German note for the UI, '' when every offer lies in a district."""
        count = len(self.outside)
        if count == 0:
            return ""
        return texts.OUTSIDE_SUMMARY_ONE if count == 1 else texts.OUTSIDE_SUMMARY.format(
            count=count)


def offer_mask(offers: pd.DataFrame, f: OfferFilter) -> np.ndarray:
    """Boolean array: which offers pass the filter (shared by filter_offers and supply)."""
    keep = np.ones(len(offers), dtype=bool)
    for column, wanted in (("phase", f.phases), ("category", f.categories),
                           ("provider_type", f.provider_types),
                           ("target_group", f.target_groups)):
        if wanted:
            keep &= offers[column].isin(wanted).to_numpy(dtype=bool, na_value=False)
    if f.age is not None:
        low, high = f.age
        age_min = pd.to_numeric(offers["age_min"], errors="coerce").to_numpy("float64")
        age_max = pd.to_numeric(offers["age_max"], errors="coerce").to_numpy("float64")
        keep &= ~(age_min > high) & ~(age_max < low)  # NaN compares False: open bound
    if f.text:
        keep &= _text_mask(offers, f.text, keep)
    return keep


def filter_offers(offers: gpd.GeoDataFrame, f: OfferFilter) -> gpd.GeoDataFrame:
    """The offers that pass ``f`` (original index kept, so rows can be traced back)."""
    _check_columns(offers, ["phase", "category", "provider_type", "target_group",
                            "age_min", "age_max", *TEXT_FIELDS])
    return offers[offer_mask(offers, f)]


def filter_options(offers: pd.DataFrame) -> dict[str, object]:
    """Choices for the filter panel: distinct values, sorted the German way (DIN 5007-1).

    Phases follow the prevention chain (:data:`texts.PHASE_ORDER`), unknown phases after
    it. ``ages`` is (smallest age_min, largest age_max), or None without age data.
    """
    ages_low = pd.to_numeric(offers["age_min"], errors="coerce")
    ages_high = pd.to_numeric(offers["age_max"], errors="coerce")
    ages = None
    if ages_low.notna().any() and ages_high.notna().any():
        ages = (int(ages_low.min()), math.ceil(ages_high.max()))
    phases = _distinct(offers["phase"])
    chain = [p for p in texts.PHASE_ORDER if p in phases]
    return {
        "phases": chain + [p for p in phases if p not in chain],
        "categories": _distinct(offers["category"]),
        "provider_types": _distinct(offers["provider_type"]),
        "target_groups": _distinct(offers["target_group"]),
        "ages": ages,
    }


def offers_per_district(offers: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> JoinResult:
    """Count offers and sum capacity per district with one spatial-index query."""
    _check_columns(offers, ["offer_id", "name", "category", "address", "capacity"])
    offers = in_crs_of(offers, districts)
    ids = districts["district_id"].astype("str").to_numpy(dtype=object)
    which = _district_index(offers.geometry.array, districts.geometry.array, ids)
    inside = which >= 0
    capacity = pd.to_numeric(offers["capacity"], errors="coerce").fillna(0.0).to_numpy("float64")
    per_district = pd.DataFrame({
        "district_id": ids,
        "name": districts["name"].to_numpy(dtype=object),
        "offers": np.bincount(which[inside], minlength=len(ids)).astype("int64"),
        "capacity": np.bincount(which[inside], weights=capacity[inside], minlength=len(ids)),
    })
    assignment = pd.Series(np.where(inside, ids[np.maximum(which, 0)], None),
                           index=offers.index, dtype=object, name="district_id")
    outside = offers.loc[~inside, OUTSIDE_COLUMNS[:-2]].copy()
    missing = offers.geometry.isna() | offers.geometry.is_empty
    outside["reason"] = np.where(missing[~inside], texts.OUTSIDE_NO_LOCATION,
                                 texts.OUTSIDE_NO_DISTRICT)
    outside = gpd.GeoDataFrame(outside, geometry=offers.geometry[~inside], crs=offers.crs)
    return JoinResult(per_district, assignment, outside)


def offers_in(
    offers: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, district_ids: Iterable[str]
) -> gpd.GeoDataFrame:
    """The offers of the selected districts (table), each with district_id and district_name.

    Sorted by the districts' order, then category and name. Unknown ids raise OfferError.
    """
    wanted = [str(i) for i in district_ids]
    known = districts["district_id"].astype("str")
    unknown = [i for i in wanted if i not in set(known)]
    if unknown:
        raise OfferError(texts.ERR_UNKNOWN_DISTRICTS.format(ids=", ".join(unknown)))
    assignment = offers_per_district(offers, districts).assignment
    rows = offers[assignment.isin(wanted).to_numpy(dtype=bool)]
    district_id = assignment[rows.index]
    order = pd.Series(np.arange(len(known)), index=known.to_numpy())
    names = pd.Series(districts["name"].to_numpy(), index=known.to_numpy())
    table = rows.assign(district_id=district_id.to_numpy(),
                        district_name=district_id.map(names).to_numpy(),
                        _order=district_id.map(order).to_numpy())
    table = table.sort_values(["_order", "category", "name"], kind="stable")
    return table.drop(columns="_order")


# --- private helpers -------------------------------------------------------------------
def _district_index(points: np.ndarray, polygons: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Index of the district each point lies in (border: smallest id), -1 if none."""
    which = np.full(len(points), -1, dtype="int64")
    if len(points) == 0 or len(polygons) == 0:
        return which
    tree = shapely.STRtree(polygons)
    point_idx, poly_idx = tree.query(points, predicate="intersects")
    if point_idx.size == 0:
        return which
    rank = np.empty(len(ids), dtype="int64")
    rank[np.argsort(ids.astype(str), kind="stable")] = np.arange(len(ids))
    order = np.lexsort((rank[poly_idx], point_idx))
    point_idx, poly_idx = point_idx[order], poly_idx[order]
    first = np.ones(point_idx.size, dtype=bool)
    first[1:] = point_idx[1:] != point_idx[:-1]
    which[point_idx[first]] = poly_idx[first]
    return which


def in_crs_of(offers: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Offers in the districts' CRS; without a CRS on either side they are taken as equal."""
    if offers.crs is not None and districts.crs is not None and offers.crs != districts.crs:
        return offers.to_crs(districts.crs)
    return offers


def _text_mask(offers: pd.DataFrame, text: str, candidates: np.ndarray) -> np.ndarray:
    """All words of ``text`` in the searched fields; only rows still in ``candidates``."""
    words = _fold(text).split()
    rows = np.flatnonzero(candidates)
    columns = [offers[c].iloc[rows].tolist() for c in TEXT_FIELDS]
    haystacks = (_fold("\n".join(str(p) for p in parts if isinstance(p, str)))
                 for parts in zip(*columns, strict=True))
    found = np.fromiter((all(w in h for w in words) for h in haystacks), dtype=bool,
                        count=len(rows))
    keep = np.zeros(len(offers), dtype=bool)
    keep[rows[found]] = True
    return keep


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _german_key(text: str) -> tuple[str, str]:
    """DIN 5007-1 order: Ä like A, ß like ss; ties broken by the original spelling."""
    return _fold(text).translate(_GERMAN_FOLD), text


def _distinct(column: pd.Series) -> list[str]:
    values = {str(v).strip() for v in column.dropna()} - {""}
    return sorted(values, key=_german_key)


def _age_band(age: object) -> tuple[float, float] | None:
    if age is None:
        return None
    band = (age, age) if isinstance(age, numbers.Real) else age
    try:
        low, high = (float(v) for v in band)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise OfferError(texts.ERR_AGE.format(age=age)) from None
    if isinstance(age, bool) or not (0 <= low <= high) or math.isnan(low + high):
        raise OfferError(texts.ERR_AGE.format(age=age))
    return low, high


def _check_columns(offers: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in offers.columns]
    if missing:
        raise OfferError(texts.ERR_OFFER_COLUMNS.format(columns=", ".join(missing)))
