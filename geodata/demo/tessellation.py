"""Exact, gap-free district geometry built from small Voronoi "blocks".

Why blocks: real Sozialräume are made of street blocks, so their borders are
irregular, not straight Voronoi lines across a whole city. We build one Voronoi
diagram of jittered block points, round its vertices to a 0.1 m grid once, and
make every district the union of whole blocks. Neighbouring districts then share
exactly the same edge vertices: no gaps, no overlaps, and a Stadtbezirk is
exactly the union of its Sozialräume, both before and after writing to disk.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

#: Coordinates are rounded to this grid (metres).
GRID_DECIMALS = 1


def jittered_points(
    rng: np.random.Generator, bounds: tuple[float, float, float, float], spacing: float
) -> np.ndarray:
    """Block centres on a square grid, each moved at random by up to 35 % of the spacing."""
    xmin, ymin, xmax, ymax = bounds
    gx, gy = np.meshgrid(np.arange(xmin, xmax, spacing), np.arange(ymin, ymax, spacing))
    points = np.column_stack([gx.ravel(), gy.ravel()]) + spacing / 2
    return points + rng.uniform(-0.35, 0.35, points.shape) * spacing


def voronoi_blocks(points: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    """One Voronoi polygon per point (same order), vertices rounded to the grid.

    GEOS computes each Voronoi vertex once and shares it between the cells that
    meet there, so rounding keeps the cells edge-matched.
    """
    cells = shapely.voronoi_polygons(
        shapely.multipoints(points), extend_to=shapely.box(*bounds), ordered=True
    )
    cells = shapely.get_parts(cells)
    return shapely.transform(cells, lambda xy: np.round(xy, GRID_DECIMALS))


def shared_edges(cells: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, of cells that share an edge of positive length.

    Voronoi cells are convex: two cells sharing two distinct vertices share the
    edge between them. Counting shared rounded vertices is exact and much faster
    than intersecting polygons; cells that only touch at a corner are not paired.
    """
    xy, owner = shapely.get_coordinates(cells, return_index=True)
    keys = np.round(xy * 10**GRID_DECIMALS).astype(np.int64)
    vertices = pd.DataFrame({"cell": owner, "x": keys[:, 0], "y": keys[:, 1]})
    vertices = vertices.drop_duplicates()
    pairs = vertices.merge(vertices, on=["x", "y"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["cell_a"] < pairs["cell_b"]]
    counts = pairs.groupby(["cell_a", "cell_b"], sort=True).size()
    counts = counts[counts >= 2]
    return np.column_stack([
        counts.index.get_level_values(0).to_numpy(), counts.index.get_level_values(1).to_numpy()
    ]).astype(np.int64)


def components(n: int, pairs: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
    """Connected component per cell, using only the edges where ``keep`` is True."""
    if keep is not None:
        pairs = pairs[keep]
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def subset_pairs(pairs: np.ndarray, selected: np.ndarray) -> np.ndarray:
    """Edges among the ``selected`` cells, renumbered to positions in the subset."""
    position = np.full(len(selected), -1)
    position[selected] = np.arange(selected.sum())
    mapped = position[pairs]
    return mapped[(mapped >= 0).all(axis=1)]


def outline_mask(
    points: np.ndarray,
    pairs: np.ndarray,
    center: tuple[float, float],
    radii: tuple[float, float],
    rng: np.random.Generator,
    n_inside: int | None = None,
) -> np.ndarray:
    """Cells inside a noisy ellipse: one connected area without holes.

    The radius wobbles with a few low harmonics so the outline looks grown, not
    drawn. With ``n_inside`` the threshold is chosen so that about that many
    cells are inside (used by the synthetic atlas).
    """
    dx, dy = points[:, 0] - center[0], points[:, 1] - center[1]
    theta = np.arctan2(dy, dx)
    wobble = np.ones_like(theta)
    for k in range(2, 10):
        wobble += rng.normal(0, 0.15 / k**0.8) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    reach = np.hypot(dx / radii[0], dy / radii[1]) / wobble
    threshold = 1.0 if n_inside is None else np.sort(reach)[n_inside - 1]
    inside = reach <= threshold
    comp = components(len(points), pairs, inside[pairs].all(axis=1))
    inside &= comp == np.bincount(comp[inside]).argmax()
    outside_comp = components(len(points), pairs, (~inside)[pairs].all(axis=1))
    return inside | (outside_comp != outside_comp[np.argmax(reach)])


def nearest_labels(points: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """Index of the nearest seed for every point (a Voronoi assignment)."""
    return cKDTree(seeds).query(points)[1]


def kmeans_labels(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Compact clusters of similar size (Lloyd's algorithm), labels 0..k-1 in use."""
    k = min(k, len(points))
    centres = points[rng.choice(len(points), size=k, replace=False)]
    for _ in range(12):
        labels = nearest_labels(points, centres)
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros((k, 2))
        np.add.at(sums, labels, points)
        used = counts > 0
        centres[used] = sums[used] / counts[used, None]
    labels = nearest_labels(points, centres)
    return np.unique(labels, return_inverse=True)[1]


def contiguous_labels(
    labels: np.ndarray, pairs: np.ndarray, groups: np.ndarray | None = None
) -> np.ndarray:
    """Give detached pieces of a district to the neighbour they touch most.

    Only neighbours in the same ``groups`` (e.g. Stadtbezirk) are considered, so
    the nesting of Sozialräume in Stadtbezirke survives the repair.
    """
    labels = labels.copy()
    groups = np.zeros(len(labels), dtype=np.int64) if groups is None else groups
    same_group = groups[pairs[:, 0]] == groups[pairs[:, 1]]
    for _ in range(100):
        comp = components(len(labels), pairs, labels[pairs[:, 0]] == labels[pairs[:, 1]])
        size = np.bincount(comp)
        pieces = pd.DataFrame({"label": labels, "comp": comp, "size": size[comp]})
        main = pieces.sort_values(["label", "size", "comp"], ascending=[True, False, True])
        main = main.drop_duplicates("label").set_index("label")["comp"]
        detached = comp != main.reindex(labels).to_numpy()
        if not detached.any():
            return labels
        a, b = pairs[same_group].T
        border = pd.DataFrame({
            "comp": np.concatenate([comp[a], comp[b]]),
            "other": np.concatenate([labels[b], labels[a]]),
            "own": np.concatenate([labels[a], labels[b]]),
        })
        border = border[border["comp"].isin(np.unique(comp[detached]))]
        border = border[border["other"] != border["own"]]
        best = border.groupby(["comp", "other"]).size().rename("n").reset_index()
        best = best.sort_values(["comp", "n", "other"], ascending=[True, False, True])
        best = best.drop_duplicates("comp").set_index("comp")["other"]
        move = detached & np.isin(comp, best.index)
        labels[move] = best.reindex(comp[move]).to_numpy()
    raise RuntimeError("district pieces could not be joined to one area each")


def dissolve(cells: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Union of the cells per label (labels 0..k-1), exact for an edge-matched coverage."""
    order = np.argsort(labels, kind="stable")
    splits = np.flatnonzero(np.diff(labels[order])) + 1
    return np.array(
        [shapely.coverage_union_all(part) for part in np.split(cells[order], splits)],
        dtype=object,
    )


def sample_points_in(
    polygons: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """One random grid-rounded point strictly inside each polygon (rejection sampling)."""
    bounds = shapely.bounds(polygons)
    x, y = np.empty(len(polygons)), np.empty(len(polygons))
    todo = np.arange(len(polygons))
    while todo.size:
        box = bounds[todo]
        px = np.round(rng.uniform(box[:, 0], box[:, 2]), GRID_DECIMALS)
        py = np.round(rng.uniform(box[:, 1], box[:, 3]), GRID_DECIMALS)
        inside = shapely.contains_xy(polygons[todo], px, py)
        x[todo[inside]], y[todo[inside]] = px[inside], py[inside]
        todo = todo[~inside]
    return x, y
