"""Inhabitants by age group, per district and year.

Why disjoint age bands: every rate's denominator is an age group (children
under 3, under 15, ...). Drawing disjoint bands with one multinomial per
district and year keeps the groups nested and consistent (u3 <= u6 <= u15 <=
u18 <= u21 <= Einwohner), as they are in a real Melderegister.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geodata.demo.layout import SMALL, TINY, DistrictPlan

YEARS = (2020, 2021, 2022, 2023, 2024)
#: Share of inhabitants aged 0–2, 3–5, 6–14, 15–17, 18–20, 21–24 in an average
#: district; the rest is 25 and older.
BASE_SHARES = np.array([0.032, 0.031, 0.088, 0.029, 0.031, 0.046])
_CHILD_BANDS, _YOUNG_ADULT_BANDS = slice(0, 4), slice(4, 6)


@dataclass(frozen=True)
class Population:
    """Integer head counts per group, each an array of shape (districts, years)."""

    years: tuple[int, ...]
    groups: dict[str, np.ndarray]

    def __getitem__(self, group: str) -> np.ndarray:
        return self.groups[group]


def build_population(
    plan: DistrictPlan, rng: np.random.Generator, years: tuple[int, ...] = YEARS
) -> Population:
    """Inhabitants per district and year, with plausible age structure and slow change.

    Burdened districts have more children, the centre has fewer children and more
    young adults (students, first jobs); births peak early in the period.
    """
    n, t = len(plan.base), np.asarray(years) - years[0]
    size = np.clip(rng.lognormal(np.log(5500), 0.35, n), 2500, 12000)
    size[plan.role == SMALL] = rng.uniform(1200, 1900, (plan.role == SMALL).sum())
    size[plan.role == TINY] = rng.uniform(90, 250, (plan.role == TINY).sum())
    growth = rng.normal(0.004, 0.006, n)
    total = size[:, None] * (1 + growth[:, None]) ** t * rng.normal(1, 0.004, (n, len(t)))
    total = np.round(total).astype(np.int64)

    youth = np.exp(0.2 * plan.burden - 0.35 * plan.centrality + rng.normal(0, 0.08, n))
    youth[plan.role == TINY] *= 0.6
    young_adults = np.exp(0.6 * plan.centrality + rng.normal(0, 0.1, n))
    shares = np.broadcast_to(BASE_SHARES, (n, len(t), len(BASE_SHARES))).copy()
    shares[:, :, _CHILD_BANDS] *= youth[:, None, None]
    shares[:, :, _YOUNG_ADULT_BANDS] *= young_adults[:, None, None]
    shares[:, :, 0] *= 1 + 0.02 * t - 0.008 * t**2
    shares = np.concatenate([shares, 1 - shares.sum(axis=2, keepdims=True)], axis=2)
    bands = rng.multinomial(total, shares)
    age_0_2, age_3_5, age_6_14, age_15_17, age_18_20, age_21_24 = np.moveaxis(bands[..., :6], 2, 0)
    u6 = age_0_2 + age_3_5
    u15 = u6 + age_6_14
    u18 = u15 + age_15_17
    groups = {
        "einwohner": total, "u3": age_0_2, "u6": u6, "a3_6": age_3_5, "u15": u15,
        "u18": u18, "u21": u18 + age_18_20, "a15_25": age_15_17 + age_18_20 + age_21_24,
        # School-entry examinations are pooled over three years (about the three
        # cohorts now aged 3–5, 96 % examined); a 4th-grade cohort is a ninth of
        # the 6–14-year-olds, newborns a third of the under-3s.
        "esu": rng.binomial(age_3_5, 0.96), "klasse4": rng.binomial(age_6_14, 1 / 9),
        "geburten": rng.binomial(age_0_2, 0.34),
    }
    return Population(tuple(years), groups)
