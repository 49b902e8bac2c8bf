"""Where the districts lie: Musterstadt's plan and the synthetic benchmark region.

A plan holds the district polygons plus hidden attributes that the value and
offer models need: a spatially smooth "social burden" (so that neighbouring
districts resemble each other and need indicators correlate), how central a
district is, and its role (normal, small and well-off, or tiny).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.special import ndtri

from geodata.demo import names, tessellation

CRS = "EPSG:25832"
BASE_LEVEL = "Sozialraum"
PARENT_LEVEL = "Stadtbezirk"
NORMAL, SMALL, TINY = "normal", "small", "tiny"

#: Musterstadt: centre and half-axes (m) in UTM 32N, block size (m).
DEMO_CENTER = (470_000.0, 5_700_000.0)
DEMO_RADII = (7_600.0, 5_500.0)
DEMO_SPACING = 220.0
#: Per Stadtbezirk (names.BEZIRK_NAMES order): direction in degrees (None = centre)
#: and number of Sozialräume.
DEMO_BEZIRKE = ((None, 5), (85, 5), (140, 5), (195, 5), (255, 5), (310, 5), (15, 6))
DEMO_INNER, DEMO_EAST, DEMO_SMALL = 0, 6, 3
#: Burden bumps: offset (fractions of the half-axes), height, width (fraction of x half-axis).
DEMO_BUMPS = (
    (0.40, -0.05, 1.0, 0.28), (0.05, 0.68, 1.2, 0.20), (-0.45, -0.42, 0.8, 0.22),
    (-0.12, 0.12, 0.5, 0.16), (0.20, -0.78, -0.8, 0.30), (-0.80, 0.25, -0.6, 0.28),
)
SYNTHETIC_SPACING = 300.0
SYNTHETIC_BLOCKS_PER_DISTRICT = 6


@dataclass(frozen=True)
class DistrictPlan:
    """Base districts (sorted by id) and their parents, with the model's hidden attributes."""

    base: gpd.GeoDataFrame
    parents: gpd.GeoDataFrame
    burden: np.ndarray
    centrality: np.ndarray
    role: np.ndarray
    blocks: np.ndarray

    @property
    def outline(self) -> shapely.Polygon:
        """The city as the union of its blocks, independent of any district."""
        return shapely.coverage_union_all(self.blocks)

    @property
    def districts(self) -> gpd.GeoDataFrame:
        """The store's districts layer: base rows first, then their parents."""
        return pd.concat([self.base, self.parents], ignore_index=True)


@dataclass(frozen=True)
class _Region:
    points: np.ndarray
    cells: np.ndarray
    pairs: np.ndarray
    center: tuple[float, float]


def demo_plan(rng: np.random.Generator) -> DistrictPlan:
    """Musterstadt: 7 Stadtbezirke around an Innenstadt, 36 Sozialräume."""
    region = _region(rng, DEMO_CENTER, DEMO_RADII, DEMO_SPACING)
    seeds = np.array([_direction_seed(angle, rng) for angle, _ in DEMO_BEZIRKE])
    parent = tessellation.nearest_labels(region.points, seeds)
    counts = np.array([n for _, n in DEMO_BEZIRKE])
    bumps = [
        (DEMO_CENTER[0] + (fx + rng.uniform(-0.05, 0.05)) * DEMO_RADII[0],
         DEMO_CENTER[1] + (fy + rng.uniform(-0.05, 0.05)) * DEMO_RADII[1],
         height, width * DEMO_RADII[0])
        for fx, fy, height, width in DEMO_BUMPS
    ]
    base, parents, burden, centrality = _nested_layout(region, parent, counts, bumps, rng)
    parents["name"] = list(names.BEZIRK_NAMES)
    role = _demo_names_and_roles(base, parents, burden, centrality, rng)
    return DistrictPlan(base, parents, burden, centrality, role, region.cells)


def _demo_names_and_roles(
    base: gpd.GeoDataFrame,
    parents: gpd.GeoDataFrame,
    burden: np.ndarray,
    centrality: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Name the Sozialräume (in place) and pick the tiny and the small, well-off ones.

    The Innenstadt's areas get old-town names from the centre outwards; the two
    outermost areas of the eastern Bezirk become the harbour and the industrial
    estate with fewer than 300 inhabitants; the three least burdened areas
    outside the centre become small, so that low counts occur there.
    """
    in_parent = base["parent_id"].to_numpy()
    inner = np.flatnonzero(in_parent == parents["district_id"].iloc[DEMO_INNER])
    east = np.flatnonzero(in_parent == parents["district_id"].iloc[DEMO_EAST])
    labels = np.array(names.pool_names(len(base), rng), dtype=object)
    labels[inner[np.argsort(-centrality[inner], kind="stable")]] = names.INNER_NAMES[: len(inner)]
    tiny = east[np.argsort(centrality[east], kind="stable")][: len(names.TINY_NAMES)]
    labels[tiny] = names.TINY_NAMES
    base["name"] = labels.tolist()
    role = np.full(len(base), NORMAL, dtype=object)
    role[tiny] = TINY
    candidates = np.flatnonzero((role == NORMAL) & (in_parent != in_parent[inner[0]]))
    role[candidates[np.argsort(burden[candidates], kind="stable")][:DEMO_SMALL]] = SMALL
    return role


def synthetic_plan(n_districts: int, rng: np.random.Generator) -> DistrictPlan:
    """About ``n_districts`` base districts in about n/10 parents, for benchmarks."""
    if n_districts < 10:
        raise ValueError(f"n_districts should be at least 10, got {n_districts}")
    n_blocks = n_districts * SYNTHETIC_BLOCKS_PER_DISTRICT
    half = np.sqrt(n_blocks * SYNTHETIC_SPACING**2 / np.pi)
    radii = (half * 1.12, half / 1.12)
    region = _region(rng, DEMO_CENTER, radii, SYNTHETIC_SPACING, n_inside=n_blocks)
    n_parents = max(2, round(n_districts / 10))
    parent = tessellation.kmeans_labels(region.points, n_parents, rng)
    counts = np.bincount(parent) * n_districts / len(parent)
    counts = np.maximum(1, np.round(counts)).astype(int)
    lo, hi = region.points.min(axis=0), region.points.max(axis=0)
    district_width = SYNTHETIC_SPACING * np.sqrt(SYNTHETIC_BLOCKS_PER_DISTRICT)
    bumps = [
        (rng.uniform(lo[0], hi[0]), rng.uniform(lo[1], hi[1]),
         rng.choice([-0.7, 1.0, 1.2]), district_width * rng.uniform(1.5, 3.0))
        for _ in range(max(6, n_districts // 20))
    ]
    base, parents, burden, centrality = _nested_layout(region, parent, counts, bumps, rng)
    base["name"] = names.pool_names(len(base), rng)
    parents["name"] = [f"Bezirk {key}" for key in parents["district_id"]]
    role = np.full(len(base), NORMAL, dtype=object)
    shuffled = rng.permutation(len(base))
    role[shuffled[: max(2, len(base) // 60)]] = TINY
    low = shuffled[(burden[shuffled] < -0.6) & (role[shuffled] == NORMAL)]
    role[low[: max(3, len(base) // 20)]] = SMALL
    return DistrictPlan(base, parents, burden, centrality, role, region.cells)


def _region(
    rng: np.random.Generator,
    center: tuple[float, float],
    radii: tuple[float, float],
    spacing: float,
    n_inside: int | None = None,
) -> _Region:
    """City blocks: a Voronoi block grid cut to a noisy outline (no holes, one piece)."""
    reach = (radii[0] * 1.45 + 3 * spacing, radii[1] * 1.45 + 3 * spacing)
    bounds = (center[0] - reach[0], center[1] - reach[1],
              center[0] + reach[0], center[1] + reach[1])
    points = tessellation.jittered_points(rng, bounds, spacing)
    cells = tessellation.voronoi_blocks(points, bounds)
    pairs = tessellation.shared_edges(cells)
    inside = tessellation.outline_mask(points, pairs, center, radii, rng, n_inside)
    return _Region(points[inside], cells[inside],
                   tessellation.subset_pairs(pairs, inside), center)


def _direction_seed(angle: float | None, rng: np.random.Generator) -> tuple[float, float]:
    """Seed point of a Stadtbezirk: the centre, or 58 % out in the given direction."""
    if angle is None:
        return DEMO_CENTER
    theta = np.radians(angle + rng.uniform(-6, 6))
    return (DEMO_CENTER[0] + 0.58 * DEMO_RADII[0] * np.cos(theta),
            DEMO_CENTER[1] + 0.58 * DEMO_RADII[1] * np.sin(theta))


def _nested_layout(
    region: _Region,
    parent: np.ndarray,
    children: np.ndarray,
    bumps: list[tuple[float, float, float, float]],
    rng: np.random.Generator,
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, np.ndarray, np.ndarray]:
    """Blocks -> parents -> children by k-means inside each parent; ids in reading order."""
    parent = tessellation.contiguous_labels(parent, region.pairs)
    child = np.empty(len(parent), dtype=np.int64)
    offset = 0
    for key in range(parent.max() + 1):
        members = np.flatnonzero(parent == key)
        child[members] = tessellation.kmeans_labels(region.points[members], children[key], rng)
        child[members] += offset
        offset = child[members].max() + 1
    child = tessellation.contiguous_labels(child, region.pairs, groups=parent)
    child = np.unique(child, return_inverse=True)[1]
    geoms = tessellation.dissolve(region.cells, child)
    parent_of_child = np.zeros(len(geoms), dtype=np.int64)
    parent_of_child[child] = parent
    order = _reading_order(geoms, parent_of_child)
    geoms, parent_of_child = geoms[order], parent_of_child[order]
    inverse = np.empty_like(order)
    inverse[order] = np.arange(len(order))
    child = inverse[child]
    base, parents = _frames(geoms, parent_of_child)
    field = _field(region.points, bumps)
    burden = np.bincount(child, weights=field) / np.bincount(child)
    burden = _skewed_scores(burden + rng.normal(0, 0.25 * burden.std(), len(burden)))
    xy = shapely.get_coordinates(shapely.centroid(geoms))
    distance = np.hypot(xy[:, 0] - region.center[0], xy[:, 1] - region.center[1])
    return base, parents, burden, 1 - distance / distance.max()


def _reading_order(geoms: np.ndarray, parent_of_child: np.ndarray) -> np.ndarray:
    """Children grouped by parent, then north to south in 1 km bands, west to east."""
    xy = shapely.get_coordinates(shapely.centroid(geoms))
    return np.lexsort((xy[:, 0], -np.floor(xy[:, 1] / 1000), parent_of_child))


def _frames(
    geoms: np.ndarray, parent_of_child: np.ndarray
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Ids with leading zeros: parent "01", child "0101"; names are filled in later."""
    n_parents = parent_of_child.max() + 1
    width = max(2, len(str(n_parents)))
    parent_ids = np.array([f"{k + 1:0{width}d}" for k in range(n_parents)], dtype=object)
    rank = pd.Series(parent_of_child).groupby(parent_of_child).cumcount().to_numpy() + 1
    child_width = max(2, len(str(rank.max())))
    base = gpd.GeoDataFrame({
        "district_id": [f"{parent_ids[p]}{r:0{child_width}d}"
                        for p, r in zip(parent_of_child, rank, strict=True)],
        "name": "",
        "level": BASE_LEVEL,
        "parent_id": parent_ids[parent_of_child].tolist(),
    }, geometry=list(geoms), crs=CRS)
    parent_geoms = tessellation.dissolve(geoms, parent_of_child)
    parents = gpd.GeoDataFrame({
        "district_id": parent_ids.tolist(), "name": "", "level": PARENT_LEVEL, "parent_id": None,
    }, geometry=list(parent_geoms), crs=CRS)
    return base, parents


def _skewed_scores(raw: np.ndarray) -> np.ndarray:
    """Keep the order of ``raw`` but give it a fixed, slightly right-skewed spread.

    Rank-based, so every seed and city size gets the same range of burden (a few
    districts far above average, none absurd), only placed differently.
    """
    quantile = (np.argsort(np.argsort(raw, kind="stable"), kind="stable") + 0.5) / len(raw)
    z = np.clip(ndtri(quantile), -2.4, 2.4)
    return z + 0.08 * (z**2 - 1)


def _field(points: np.ndarray, bumps: list[tuple[float, float, float, float]]) -> np.ndarray:
    """Sum of Gaussian bumps: smooth over the city, so neighbours get similar values."""
    field = np.zeros(len(points))
    for x, y, height, width in bumps:
        d2 = (points[:, 0] - x) ** 2 + (points[:, 1] - y) ** 2
        field += height * np.exp(-d2 / (2 * width**2))
    return field
