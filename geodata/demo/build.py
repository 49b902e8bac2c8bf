"""Assembling the demo atlas (and synthetic atlases) and writing it reproducibly.

Why separate random streams: geometry, population, offers and values each get
their own child generator of ``default_rng(seed)``, so changing how offers are
drawn does not move a single district border.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pyogrio

from geodata.demo import layout
from geodata.demo.catalogue import catalogue_frame
from geodata.demo.offers import build_offers
from geodata.demo.population import build_population
from geodata.demo.values import build_values, supply_by_year
from indicators.atlas_file import AtlasLayers, write_atlas_layers

DEMO_SEED = 2026
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "musterstadt.gpkg"
#: GDAL stamps "last changed" into a GeoPackage; a fixed stamp makes files byte-identical.
FIXED_TIMESTAMP = "2024-12-31T00:00:00.000Z"
GENERATOR = "geodata.demo"


def build_demo_layers(seed: int = DEMO_SEED) -> AtlasLayers:
    """Musterstadt in memory: same seed, same content."""
    geometry_rng, *streams = _streams(seed)
    plan = layout.demo_plan(geometry_rng)
    return _assemble(plan, streams, {"name": "Musterstadt", "seed": str(seed)})


def demo_plan(seed: int = DEMO_SEED) -> layout.DistrictPlan:
    """Musterstadt's district plan alone (with its outline), exactly as the atlas has it."""
    return layout.demo_plan(_streams(seed)[0])


def build_synthetic_layers(n_districts: int, seed: int = 1) -> AtlasLayers:
    """A larger made-up atlas with the demo's catalogue, for benchmarks.

    About ``n_districts`` Sozialräume in about n/10 Stadtbezirke; 10,000 districts
    take a few seconds.
    """
    geometry_rng, *streams = _streams(seed)
    plan = layout.synthetic_plan(n_districts, geometry_rng)
    name = f"Synthetischer Atlas ({len(plan.base)} Sozialräume)"
    return _assemble(plan, streams, {"name": name, "seed": str(seed)})


def write_demo_atlas(path: str | os.PathLike = DEFAULT_PATH, seed: int = DEMO_SEED) -> Path:
    """Build Musterstadt and write it; returns the path written."""
    return write_reproducibly(path, build_demo_layers(seed))


def write_reproducibly(path: str | os.PathLike, layers: AtlasLayers) -> Path:
    """Write through the store with GDAL's clock fixed, then restore the clock option."""
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_TIMESTAMP})
    try:
        return write_atlas_layers(path, layers)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})


def _streams(seed: int) -> list[np.random.Generator]:
    """Independent generators for geometry, population, offers and values."""
    return np.random.default_rng(seed).spawn(4)


def _assemble(
    plan: layout.DistrictPlan, streams: list[np.random.Generator], identity: dict[str, str]
) -> AtlasLayers:
    population_rng, offer_rng, value_rng = streams
    population = build_population(plan, population_rng)
    offers, kita_places = build_offers(plan, population, offer_rng)
    catalogue = catalogue_frame()
    supply = {"kitaplaetze": supply_by_year(kita_places, population.years)}
    values = build_values(plan, population, catalogue, supply, value_rng)
    return AtlasLayers(
        districts=plan.districts, offers=offers, catalogue=catalogue, values=values,
        meta=_meta(identity, population.years[-1]),
    )


def _meta(identity: dict[str, str], last_year: int) -> dict[str, str]:
    return {
        "name": identity["name"],
        "demo": "true",
        "version": "1",
        "data_date": f"31.12.{last_year}",
        "licence": "Fiktive Demodaten – frei verwendbar (CC0)",
        "attribution": "Musterstadt ist eine erfundene Stadt; alle Werte sind fiktiv "
                       "(erzeugt mit dem Chancenatlas-Demogenerator).",
        "crs": layout.CRS,
        "min_population": "300",
        "default_min_count": "5",
        "population_indicator": "einwohner",
        "generator": GENERATOR,
        "seed": identity["seed"],
    }
