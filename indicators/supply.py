"""Supply indicators (Versorgung) derived live from the offers and the population counts.

Why derived, not stored: the offer list changes more often than the statistics; computing
the ratios from it keeps map, profile and export consistent with the offers on the map.
The derived rows are ordinary catalogue/value rows (numerator, denominator, scale), so the
store aggregates them (sum counts, then divide) and classifies them like any indicator.

Suppression decision (Datenschutz):

* **numerator** — places and offers are public facts (the offers layer lists them with
  address), and "no Familienzentrum here" says nothing about a person. The count rule is
  therefore switched off for the numerator (``min_count`` 0).
* **population rule** — applies unchanged (the store's rule for every indicator).
* **denominator** — the children are people. Because the numerator is public, the ratio
  would reveal the number of children; so a ratio is suppressed wherever its denominator
  is below the denominator indicator's own ``min_count`` (e.g. fewer than 5 children
  under 6), with secondary suppression as for every other rule. The in-memory atlas of
  :func:`with_supply_indicators` adds exactly this rule and nothing else.

The offer list is a snapshot (no year). Every year the denominator exists gets a value
from the same offers; only the number of children changes. The catalogue text says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geodata.offers import OfferFilter, offer_mask, offers_per_district
from indicators.atlas import Atlas
from indicators.atlas_file import CATALOGUE_COLUMNS, VALUE_COLUMNS, AtlasLayers
from indicators.catalogue import HIGHER_BETTER
from indicators.suppression import (
    REASON_COUNT,
    mask_suppressed,
    secondary_reasons,
    suppression_label,
)
from indicators.texts import offers as texts

CAPACITY, COUNT = "capacity", "count"
VERSION_SUFFIX = "+versorgung"


@dataclass(frozen=True)
class SupplySpec:
    """One derived indicator: which offers, what is summed, and per how many children."""

    indicator_id: str
    offers: OfferFilter
    measure: str  # CAPACITY (sum of places) or COUNT (number of offers)
    denominator_id: str
    scale: float
    unit: str
    decimals: int = 1


#: The registry; German names and definitions are in indicators/texts/offers.py.
SUPPLY_INDICATORS: tuple[SupplySpec, ...] = (
    SupplySpec("kita_plaetze_je_100_u6", OfferFilter(categories=(texts.CATEGORY_KITA,)),
               CAPACITY, "kinder_u6", 100, texts.UNIT_PER_100),
    SupplySpec("angebote_u3_je_1000", OfferFilter(age=(0, 2)),
               COUNT, "kinder_u3", 1000, texts.UNIT_PER_1000),
    SupplySpec("familienzentren_je_1000_u6",
               OfferFilter(categories=(texts.CATEGORY_FAMILY_CENTRE,)),
               COUNT, "kinder_u6", 1000, texts.UNIT_PER_1000),
)


def supply_values(
    atlas: Atlas, year: int, specs: tuple[SupplySpec, ...] = SUPPLY_INDICATORS
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Catalogue rows and base-level values of the supply indicators for one year.

    Only indicators whose denominator has stored base-level values in ``year`` appear.
    Values: indicator_id, district_id, year, value, numerator, denominator — one row per
    base district; value is NaN where there are no children (denominator 0 or missing).
    """
    return _derive(atlas, [int(year)], specs)


def with_supply_indicators(
    atlas: Atlas, specs: tuple[SupplySpec, ...] = SUPPLY_INDICATORS
) -> Atlas:
    """A NEW in-memory atlas: the original plus the supply indicators for every year.

    Existing rows with the same ids are replaced (calling it twice changes nothing). The
    version gets the suffix "+versorgung", so caches keyed by ``cache_key`` do not mix
    the two atlases.
    """
    years = sorted({y for spec in specs if spec.denominator_id in _catalogue_ids(atlas)
                    for y in atlas.years(spec.denominator_id)})
    catalogue, values = _derive(atlas, years, specs)
    layers = atlas._layers
    new_ids = set(catalogue["indicator_id"])
    old_catalogue = layers.catalogue[~layers.catalogue["indicator_id"].isin(new_ids)]
    old_values = layers.values[~layers.values["indicator_id"].isin(new_ids)]
    version = atlas.version.removesuffix(VERSION_SUFFIX) + VERSION_SUFFIX
    merged = AtlasLayers(
        districts=layers.districts,
        offers=layers.offers,
        catalogue=pd.concat([old_catalogue, catalogue], ignore_index=True),
        values=pd.concat([old_values, values], ignore_index=True),
        meta={**layers.meta, "version": version},
    )
    minimum = {spec.indicator_id: atlas.indicator(spec.denominator_id).min_count
               for spec in specs if spec.indicator_id in new_ids}
    return _SupplyAtlas(merged, atlas.path, minimum)


class _SupplyAtlas(Atlas):
    """An Atlas that also suppresses supply ratios whose denominator (children) is small.

    Everything else is the store's behaviour; the extra rule runs before secondary
    suppression is recomputed, so no suppressed child count can be obtained by subtraction.
    """

    def __init__(self, layers: AtlasLayers, path, denominator_minimum: dict[str, int]) -> None:
        super().__init__(layers, path=path)
        self._denominator_minimum = dict(denominator_minimum)

    def _suppressed_values(self, indicator_id: str, year: int, level: str) -> pd.DataFrame:
        out = super()._suppressed_values(indicator_id, year, level)
        minimum = self._denominator_minimum.get(indicator_id, 0)
        if minimum <= 0:
            return out
        indicator = self.indicator(indicator_id)
        raw = self._raw_values(indicator, int(year), level)
        few = (raw["denominator"] < minimum).to_numpy() & ~out["suppressed"].to_numpy(bool)
        if not few.any():
            return out
        reasons = pd.Series(out["reason"].to_numpy(dtype=object), index=raw.index,
                            dtype="object")
        reasons[few] = REASON_COUNT
        reasons = secondary_reasons(raw, reasons, self._parent_of)
        masked = mask_suppressed(raw, reasons)
        masked["label"] = [
            "" if not isinstance(r, str)
            else texts.SUPPRESSED_FEW_CHILDREN.format(min_count=minimum) if r == REASON_COUNT
            else suppression_label(r, indicator.min_count, self.min_population)
            for r in masked["reason"]
        ]
        return masked[list(out.columns)]


# --- private helpers -------------------------------------------------------------------
def _derive(
    atlas: Atlas, years: list[int], specs: tuple[SupplySpec, ...]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One join for all indicators and years; then one ratio per indicator and year."""
    base = atlas.districts(atlas.levels[0])
    offers = atlas._layers.offers
    assignment = offers_per_district(offers, base).assignment
    ids = base["district_id"].astype("str")
    known = set(_catalogue_ids(atlas))
    stored = atlas._layers.values
    rows, frames = [], []
    for spec in specs:
        if spec.denominator_id not in known:
            continue
        numerator = _numerator(offers, assignment, spec).reindex(ids, fill_value=0.0)
        used = False
        for year in years:
            denominator = _denominator(stored, spec.denominator_id, year, ids)
            if denominator.isna().all():
                continue
            used = True
            den = denominator.to_numpy("float64")
            num = numerator.to_numpy("float64")
            with np.errstate(divide="ignore", invalid="ignore"):
                value = np.where(den > 0, num / den * spec.scale, np.nan)
            frames.append(pd.DataFrame({
                "indicator_id": spec.indicator_id, "district_id": ids.to_numpy(),
                "year": year, "value": value, "numerator": num, "denominator": den,
            }))
        if used:
            rows.append(_catalogue_row(atlas, spec))
    catalogue = pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)
    catalogue["public"] = catalogue["public"].astype(bool)
    values = (pd.concat(frames, ignore_index=True) if frames
              else pd.DataFrame(columns=VALUE_COLUMNS))
    values = values.astype({"year": "int64", "value": "float64", "numerator": "float64",
                            "denominator": "float64"})
    return catalogue, values[VALUE_COLUMNS]


def _numerator(offers: pd.DataFrame, assignment: pd.Series, spec: SupplySpec) -> pd.Series:
    """Places or offers per district_id, for the offers that pass the spec's filter."""
    chosen = offer_mask(offers, spec.offers) & assignment.notna().to_numpy(dtype=bool)
    if spec.measure == CAPACITY:
        amount = pd.to_numeric(offers["capacity"], errors="coerce").fillna(0.0)
    else:
        amount = pd.Series(1.0, index=offers.index)
    frame = pd.DataFrame({"district_id": assignment[chosen].astype("str"),
                          "amount": amount[chosen].to_numpy("float64")})
    return frame.groupby("district_id")["amount"].sum()


def _denominator(stored: pd.DataFrame, indicator_id: str, year: int, ids: pd.Series) -> pd.Series:
    """Stored (unsuppressed) base-level counts of the denominator indicator in ``year``."""
    rows = stored[(stored["indicator_id"] == indicator_id) & (stored["year"] == year)]
    rows = rows.drop_duplicates("district_id").set_index("district_id")
    counts = rows["numerator"].fillna(rows["value"])
    return counts.reindex(ids).astype("float64")


def _catalogue_row(atlas: Atlas, spec: SupplySpec) -> dict[str, object]:
    words = texts.SUPPLY_TEXTS[spec.indicator_id]
    source = texts.SUPPLY_SOURCE.format(
        data_date=atlas.meta.get("data_date") or texts.SUPPLY_SOURCE_UNDATED,
        denominator=atlas.indicator(spec.denominator_id).name,
    )
    return {
        "indicator_id": spec.indicator_id, "name": words["name"],
        "short_name": words["short_name"], "theme": texts.THEME_SUPPLY, "unit": spec.unit,
        "description": words["description"] + texts.SUPPLY_NOTE, "source": source,
        "numerator": words["numerator"], "denominator": words["denominator"],
        "polarity": HIGHER_BETTER, "public": True, "min_count": 0,
        "decimals": spec.decimals, "scale": spec.scale,
    }


def _catalogue_ids(atlas: Atlas) -> list[str]:
    return list(atlas.catalogue()["indicator_id"])
