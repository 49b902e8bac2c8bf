"""Indicator values: integer counts per district and year, then value = count / base * scale.

Why a latent burden: in real cities the need indicators move together over
space (poverty, single parents, language support, overweight, HzE ...). Each
rate here is a logistic function of the plan's smooth burden plus its own
district noise and a gentle trend, and the numerator is drawn binomially from
the real denominator, so small areas are noisy and small counts occur where they
would occur in reality.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import expit, logit

from geodata.demo.layout import DistrictPlan
from geodata.demo.population import Population
from indicators.atlas_file import VALUE_COLUMNS


@dataclass(frozen=True)
class Rate:
    """A share of an age group; effects are on the logit scale."""

    group: str
    level: float
    burden: float
    trend: float = 0.0
    centre: float = 0.0
    spread: float = 0.22


#: numerator group, denominator group (None: a count)
FROM_POPULATION = {
    "einwohner": ("einwohner", None), "anteil_u18": ("u18", "einwohner"),
    "anteil_u6": ("u6", "einwohner"), "kinder_u3": ("u3", None), "kinder_u6": ("u6", None),
}
RATES = {
    "migration_kinder": Rate("u18", 0.37, 0.85, trend=0.03, centre=0.6),
    "sgb2_u15": Rate("u15", 0.15, 0.85, trend=-0.03, spread=0.18),
    "sgb2_u3": Rate("u3", 0.12, 0.85, trend=-0.02),
    "alleinerziehende": Rate("u15", 0.19, 0.3, centre=0.3, spread=0.12),
    "jugendarbeitslosigkeit": Rate("a15_25", 0.055, 0.6, trend=-0.03),
    "kita_u3": Rate("u3", 0.37, -0.45, trend=0.06),
    "kita_3_6": Rate("a3_6", 0.94, -0.5, trend=0.02),
    "sprachfoerderung": Rate("esu", 0.22, 0.85, trend=0.04, centre=0.4, spread=0.18),
    "gymnasialquote": Rate("klasse4", 0.44, -0.7),
    "uebergewicht_esu": Rate("esu", 0.085, 0.5, trend=0.02),
    "vorsorge_u9": Rate("esu", 0.89, -0.45, trend=0.02),
    "zahnstatus": Rate("esu", 0.13, 0.55, trend=-0.02),
    "hze_je_1000": Rate("u21", 0.022, 0.55, trend=0.02),
    "willkommensbesuche": Rate("geburten", 0.74, -0.25, trend=0.05),
}
#: Supply indicators: numerator comes from the offers layer, denominator group.
SUPPLY = {"kitaplaetze": "u6"}
#: Places grow by this share of today's places per year before the last year.
SUPPLY_GROWTH = 0.03


def build_values(
    plan: DistrictPlan,
    population: Population,
    catalogue: pd.DataFrame,
    supply: dict[str, np.ndarray],
    rng: np.random.Generator,
) -> pd.DataFrame:
    """The values layer for every catalogue indicator, base districts and years."""
    years = np.asarray(population.years)
    frames = []
    for row in catalogue.itertuples(index=False):
        numerator, denominator = _counts(row.indicator_id, plan, population, supply, rng)
        if denominator is None:
            value = numerator * row.scale
            denominator = np.full(numerator.shape, np.nan)
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                value = np.where(denominator > 0, numerator / denominator * row.scale, np.nan)
        frames.append(pd.DataFrame({
            "indicator_id": row.indicator_id,
            "district_id": np.repeat(plan.base["district_id"].to_numpy(), len(years)),
            "year": np.tile(years, len(plan.base)),
            "value": value.ravel(),
            "numerator": numerator.ravel().astype("float64"),
            "denominator": denominator.ravel().astype("float64"),
        }))
    values = pd.concat(frames, ignore_index=True)
    return values.sort_values(["indicator_id", "year", "district_id"], kind="stable",
                              ignore_index=True)[VALUE_COLUMNS]


def supply_by_year(places: np.ndarray, years: tuple[int, ...]) -> np.ndarray:
    """Places per district and year: today's places, fewer in earlier years (Kita-Ausbau)."""
    behind = years[-1] - np.asarray(years)
    return np.round(places[:, None] * (1 - SUPPLY_GROWTH * behind)).astype(np.int64)


def _counts(
    indicator_id: str,
    plan: DistrictPlan,
    population: Population,
    supply: dict[str, np.ndarray],
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Numerator and denominator arrays (districts, years); denominator None for counts."""
    if indicator_id in FROM_POPULATION:
        numerator, denominator = FROM_POPULATION[indicator_id]
        return population[numerator], None if denominator is None else population[denominator]
    if indicator_id in SUPPLY:
        return supply[indicator_id], population[SUPPLY[indicator_id]]
    if indicator_id in RATES:
        rate = RATES[indicator_id]
        base = population[rate.group]
        return rng.binomial(base, _probability(rate, plan, population.years, rng)), base
    raise ValueError(f"no value model for indicator {indicator_id!r}")


def _probability(
    rate: Rate, plan: DistrictPlan, years: tuple[int, ...], rng: np.random.Generator
) -> np.ndarray:
    """Share per district and year: level + burden + centre + own noise + trend + drift."""
    n = len(plan.base)
    t = np.asarray(years) - np.mean(years)
    centre = plan.centrality - plan.centrality.mean()
    district = (logit(rate.level) + rate.burden * plan.burden + rate.centre * centre
                + rng.normal(0, rate.spread, n))
    drift = rng.normal(0, 0.03, n)
    noise = rng.normal(0, 0.05, (n, len(years)))
    return expit(district[:, None] + (rate.trend + drift[:, None]) * t + noise)
