"""Gaps and overlaps between neighbouring areas of one level.

Boundaries digitised by hand have slivers: two Stadtteile overlapping by a
few square metres, or a thin gap between them. They do not block an import
but a planner should know, because an address in a gap belongs to no area.
Pairs are found with an STRtree and measured with vectorised shapely ops.
"""

from __future__ import annotations

import numpy as np
import shapely

from geodata.importer.report import LIST_LIMIT, ValidationReport
from indicators.texts import importing as msg


def report_topology(geoms: np.ndarray, keys: np.ndarray, level: str, min_area: float,
                    report: ValidationReport, file: str = "") -> None:
    """Add one warning for overlaps and one for gaps larger than ``min_area`` (m²)."""
    tree = shapely.STRtree(geoms)
    _overlaps(geoms, keys, tree, level, min_area, report, file)
    _gaps(geoms, keys, tree, level, min_area, report, file)


def _overlaps(geoms, keys, tree, level, min_area, report, file) -> None:
    left, right = tree.query(geoms, predicate="intersects")
    pair = left < right
    left, right = left[pair], right[pair]
    areas = shapely.area(shapely.intersection(geoms[left], geoms[right]))
    big = areas > min_area
    if not big.any():
        return
    order = np.argsort(-areas[big])[:LIST_LIMIT]
    listing = "; ".join(
        f"{keys[a]}/{keys[b]}: {_m2(area)}"
        for a, b, area in zip(left[big][order], right[big][order], areas[big][order], strict=True)
    )
    report.warning(msg.TOPO_OVERLAPS.format(level=level, count=int(big.sum()),
                                            area=_m2(areas[big].sum()), listing=listing),
                   msg.TOPO_HINT, file=file)


def _gaps(geoms, keys, tree, level, min_area, report, file) -> None:
    union = shapely.union_all(geoms)
    polygons = shapely.get_parts(union)
    holes = [
        shapely.Polygon(shapely.get_interior_ring(p, i))
        for p in polygons if shapely.get_type_id(p) == 3
        for i in range(shapely.get_num_interior_rings(p))
    ]
    holes = np.array([h for h in holes if h.area > min_area], dtype=object)
    if not len(holes):
        return
    areas = shapely.area(holes)
    order = np.argsort(-areas)[:LIST_LIMIT]
    hole_idx, geom_idx = tree.query(holes[order], predicate="intersects")
    neighbours: dict[int, list[str]] = {}
    for h, g in zip(hole_idx, geom_idx, strict=True):
        neighbours.setdefault(int(h), []).append(str(keys[g]))
    listing = "; ".join(
        f"{'/'.join(sorted(set(neighbours.get(i, []))))}: {_m2(areas[order][i])}"
        for i in range(len(order))
    )
    report.warning(msg.TOPO_GAPS.format(level=level, count=len(holes), area=_m2(areas.sum()),
                                        listing=listing), msg.TOPO_HINT, file=file)


def _m2(area: float) -> str:
    return f"{area:,.0f} m²".replace(",", ".")
