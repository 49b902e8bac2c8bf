"""Offers per district: vectorised join next to a naive loop, plus filter time, in one run.

    python benchmarks/offer_join.py [--districts 550] [--offers 3000] [--rounds 20]

A synthetic atlas of about ``--districts`` Sozialräume (geodata.demo) is built in memory;
its offers are trimmed, or topped up with random points inside the city (a few of them
exactly on a district corner, to exercise the tie rule), to exactly ``--offers``.

* **vectorised** – ``offers_per_district`` (STRtree query, spatial index built each call);
* **naive** – a Python loop over offers, ``polygon.contains(point)`` for every district;
* **filter** – ``filter_offers`` with categories + age + free text;
* **catchment** – ``uncovered_parts`` with 500 m around the Kitas (for information).

Times are the median of ``--rounds`` runs (the naive loop runs 3 times: it is slow).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geodata.catchment import uncovered_parts  # noqa: E402
from geodata.demo import build_synthetic_layers  # noqa: E402
from geodata.offers import OfferFilter, filter_offers, offers_per_district  # noqa: E402

BUDGET_MS = 100.0


def synthetic_case(n_districts: int, n_offers: int, seed: int = 1):
    """Base districts and exactly ``n_offers`` offers of a synthetic atlas."""
    layers = build_synthetic_layers(n_districts, seed=seed)
    parents = set(layers.districts["parent_id"].dropna())
    base = layers.districts[~layers.districts["district_id"].isin(parents)]
    base = base.reset_index(drop=True)
    offers = layers.offers.reset_index(drop=True)
    rng = np.random.default_rng(seed)
    if len(offers) >= n_offers:
        return base, offers.iloc[np.sort(rng.choice(len(offers), n_offers, replace=False))]
    extra = n_offers - len(offers)
    city = base.geometry.union_all()
    xmin, ymin, xmax, ymax = city.bounds
    points: list[shapely.Point] = [shapely.Point(base.geometry.iloc[0].exterior.coords[0])]
    while len(points) < extra:
        xy = rng.uniform((xmin, ymin), (xmax, ymax), size=(2 * extra, 2))
        candidates = shapely.points(xy)
        points.extend(candidates[shapely.contains(city, candidates)][: extra - len(points)])
    template = offers.iloc[rng.integers(0, len(offers), extra)].reset_index(drop=True)
    template["offer_id"] = [f"X{i:05d}" for i in range(extra)]
    added = gpd.GeoDataFrame(template.drop(columns="geometry"), geometry=points[:extra],
                             crs=offers.crs)
    return base, pd.concat([offers, added], ignore_index=True)


def naive_counts(offers: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> dict[str, int]:
    """The baseline: every offer against every district, first hit wins."""
    counts = dict.fromkeys(districts["district_id"], 0)
    pairs = list(zip(districts["district_id"], districts.geometry, strict=True))
    for point in offers.geometry:
        for district_id, polygon in pairs:
            if polygon.contains(point):
                counts[district_id] += 1
                break
    return counts


def median_ms(function, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=550)
    parser.add_argument("--offers", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)

    districts, offers = synthetic_case(args.districts, args.offers)
    result = offers_per_district(offers, districts)
    naive = naive_counts(offers, districts)
    assigned = int(result.per_district["offers"].sum())
    differ = sum(int(c) != naive[d] for d, c in
                 zip(result.per_district["district_id"], result.per_district["offers"],
                     strict=True))
    chosen = OfferFilter(categories=("Kita", "Familienzentrum"), age=(0, 2), text="stadt")

    vectorised = median_ms(lambda: offers_per_district(offers, districts), args.rounds)
    naive_time = median_ms(lambda: naive_counts(offers, districts), 3)
    filtering = median_ms(lambda: filter_offers(offers, chosen), args.rounds)
    kitas = filter_offers(offers, OfferFilter(categories=("Kita",)))
    catchment = median_ms(lambda: uncovered_parts(kitas, districts, 500), 5)

    print(f"{len(districts)} Sozialräume, {len(offers)} Angebote "
          f"({assigned} zugeordnet, {len(result.outside)} außerhalb)")
    print(f"{'':<44}{'ms':>10}")
    print(f"{'join vectorised (median of ' + str(args.rounds) + ')':<44}{vectorised:>10.2f}")
    print(f"{'join naive loop (median of 3)':<44}{naive_time:>10.2f}")
    print(f"{'speed-up':<44}{naive_time / vectorised:>9.0f}x")
    print(f"{'filter (median of ' + str(args.rounds) + ')':<44}{filtering:>10.2f}")
    print(f"{'catchment 500 m, ' + str(len(kitas)) + ' Kitas (median of 5)':<44}"
          f"{catchment:>10.2f}")
    print(f"districts whose count differs from naive: {differ} "
          "(only border points can differ: naive 'contains' drops them)")
    verdict = "OK" if vectorised <= BUDGET_MS else "ZU LANGSAM"
    print(f"budget {BUDGET_MS:.0f} ms for the join: {verdict}")
    return 0 if vectorised <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
