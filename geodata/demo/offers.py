"""Offers (Angebote) along the prevention chain: how many, where, and their details.

Why weights: offers follow people. Kitas are placed where children live, Frühe
Hilfen and Jugendzentren lean towards districts with more need, counselling
centres towards the centre. Every district gets at least one Kita so the
Kita-Plätze indicator has a real value everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.demo import tessellation
from geodata.demo.layout import CRS, DistrictPlan
from geodata.demo.names import STREETS, slug
from geodata.demo.offer_kinds import (
    CLUBS,
    KINDS,
    KITA_NAMES,
    KITA_PREFIX,
    LANGUAGES,
    PUBLIC,
    SCHOOL_NAMES,
    Kind,
)
from geodata.demo.population import Population
from indicators.atlas_file import OFFER_COLUMNS

#: Offers per category in a city of 36 Sozialräume (scaled for other sizes).
PER_36_DISTRICTS = {
    "Familienzentrum": 16, "Grundschule": 30, "Weiterführende Schule": 13,
    "Jugendzentrum": 14, "Beratungsstelle": 18, "Frühe Hilfen": 16, "Gesundheit": 22,
    "Sport/Kultur": 40,
}
#: Kitas: about 62 places per 100 children under 6, 75 places per Kita on average.
KITA_PLACES_PER_CHILD, MEAN_KITA_PLACES = 0.62, 75
KITA = "Kita"
T = TypeVar("T")


def build_offers(
    plan: DistrictPlan, population: Population, rng: np.random.Generator
) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """The offers layer, and the Kita places per base district (for the supply indicator)."""
    weights = _weights(plan, population)
    children = population["u6"][:, -1]
    offers = pd.concat(
        [_category(category, kinds, weights[category], children, plan, rng)
         for category, kinds in KINDS.items()],
        ignore_index=True,
    )
    offers["name"] = _unique_names(offers["name"], offers["area"])
    width = max(4, len(str(len(offers))))
    offers["offer_id"] = [f"A{i + 1:0{width}d}" for i in range(len(offers))]
    offers["contact"] = [
        f"Tel. 01234 {500 + i // 90}-{10 + i % 90}, {slug(name)[:40]}@example.org"
        for i, name in enumerate(offers["name"])
    ]
    offers["url"] = [f"https://example.org/musterstadt/{slug(name)}" for name in offers["name"]]
    district = offers["district"].to_numpy()
    x, y = tessellation.sample_points_in(plan.base.geometry.to_numpy()[district], rng)
    is_kita = (offers["category"] == KITA).to_numpy()
    places = np.bincount(district[is_kita], weights=offers["capacity"].to_numpy()[is_kita],
                         minlength=len(plan.base)).astype(np.int64)
    layer = gpd.GeoDataFrame(offers[OFFER_COLUMNS], geometry=gpd.points_from_xy(x, y), crs=CRS)
    return layer, places


def _category(
    category: str,
    kinds: tuple[Kind, ...],
    weights: np.ndarray,
    children: np.ndarray,
    plan: DistrictPlan,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """The offers of one category: how many per district, then their details."""
    n = len(weights)
    if category == KITA:
        total = max(n, round(KITA_PLACES_PER_CHILD * children.sum() / MEAN_KITA_PLACES))
        counts = _allocate(total, weights, rng, minimum=1)
    else:
        counts = _allocate(round(PER_36_DISTRICTS[category] * n / 36), weights, rng)
    district = np.repeat(np.arange(n), counts)
    offers = _describe(category, kinds, district, plan, rng)
    if category == KITA:
        offers["capacity"] = _kita_places(children, counts, district, rng)
    return offers


def _weights(plan: DistrictPlan, population: Population) -> dict[str, np.ndarray]:
    """Where each category tends to be: by the relevant age group, need and centrality."""
    def last(group: str) -> np.ndarray:
        return population[group][:, -1].astype("float64")

    need = np.exp(0.5 * plan.burden)
    central = (0.3 + plan.centrality) ** 2
    return {
        KITA: last("u6"), "Familienzentrum": last("u6") * need, "Grundschule": last("u15"),
        "Weiterführende Schule": last("u18") * central, "Jugendzentrum": last("u21") * need,
        "Beratungsstelle": last("einwohner") * central, "Frühe Hilfen": last("u3") * need,
        "Gesundheit": last("einwohner"), "Sport/Kultur": last("u18"),
    }


def _allocate(
    total: int, weights: np.ndarray, rng: np.random.Generator, minimum: int = 0
) -> np.ndarray:
    """Offers per district: ``minimum`` each, the rest in proportion to the weights.

    Whole shares are given out as they are; only the fractional remainders are
    drawn at random, so big districts reliably get more without looking planned.
    """
    expected = max(0, total - minimum * len(weights)) * weights / weights.sum()
    counts = minimum + np.floor(expected).astype(np.int64)
    remainder = expected - np.floor(expected)
    left = max(0, total - int(counts.sum()))
    if left:
        lucky = rng.choice(len(weights), size=left, replace=False, p=remainder / remainder.sum())
        counts[lucky] += 1
    return counts


def _describe(
    category: str,
    kinds: tuple[Kind, ...],
    district: np.ndarray,
    plan: DistrictPlan,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Text columns for the offers of one category (all random numbers drawn up front)."""
    areas = plan.base["name"].to_numpy()
    parent_name = plan.parents.set_index("district_id")["name"]
    bezirke = plan.base["parent_id"].map(parent_name).to_numpy()
    kind_share = np.cumsum([kind.weight for kind in kinds]) / sum(kind.weight for kind in kinds)
    draws = rng.random((len(district), 14))
    records = []
    for d, u in zip(district, draws, strict=True):
        kind = kinds[min(int(np.searchsorted(kind_share, u[0], side="right")), len(kinds) - 1)]
        provider = _pick(kind.providers, u[1])
        fields = {
            "area": areas[d], "bezirk": bezirke[d], "kita": _pick(KITA_NAMES, u[2]),
            "school": _pick(SCHOOL_NAMES, u[3]), "club": _pick(CLUBS, u[4]),
            "year": 1880 + int(u[5] * 96), "prefix": KITA_PREFIX.get(provider, "Kita"),
        }
        age_min, age_max = _pick(kind.ages, u[6])
        records.append({
            "district": d, "area": areas[d], "name": _pick(kind.names, u[7]).format(**fields),
            "category": category, "phase": kind.phase, "provider": provider.format(**fields),
            "provider_type": "öffentlich" if provider.startswith(PUBLIC) else "frei",
            "capacity": _capacity(kind.capacity, u[8]), "age_min": age_min,
            "age_max": age_max, "target_group": kind.target_group,
            "address": f"{_pick(STREETS, u[9])} {1 + int(u[10] * 140)}, Musterstadt",
            "opening_hours": _pick(kind.hours, u[11]),
            "languages": _languages(plan.burden[d], u[12], u[13]),
        })
    return pd.DataFrame.from_records(records)


def _kita_places(
    children: np.ndarray, counts: np.ndarray, district: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Kita sizes that roughly fit local demand: 30–120 places in steps of five."""
    demand = KITA_PLACES_PER_CHILD * children / np.maximum(counts, 1)
    places = demand[district] * rng.uniform(0.7, 1.3, len(district))
    return np.clip(np.round(places / 5) * 5, 30, 120)


def _pick(options: Sequence[T], u: float) -> T:
    """The option that a uniform random number ``u`` in [0, 1) falls on."""
    return options[min(int(u * len(options)), len(options) - 1)]


def _capacity(spec: tuple[int, int, int] | None, u: float) -> float:
    """Places in steps (e.g. 30–120 in fives); NaN where places are not meaningful."""
    if spec is None:
        return float("nan")
    low, high, step = spec
    return float(low + step * int(u * ((high - low) // step + 1)))


def _languages(burden: float, u: float, v: float) -> str:
    """German plus more languages where more families have immigrated."""
    extra = int(u * (1.6 + 1.6 * max(burden, 0.0)))
    start = int(v * len(LANGUAGES))
    chosen = [LANGUAGES[(start + k) % len(LANGUAGES)] for k in range(min(extra, 3))]
    return ", ".join(["Deutsch", *chosen])


def _unique_names(names: pd.Series, areas: pd.Series) -> list[str]:
    """Offer names must tell offers apart: add the area (or a number) on repeats."""
    used: set[str] = set()
    result = []
    for name, area in zip(names, areas, strict=True):
        base = name if name not in used or area in name else f"{name} ({area})"
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base} {number}", number + 1
        used.add(candidate)
        result.append(candidate)
    return result
