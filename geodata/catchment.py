"""Catchments (Einzugsbereiche): which parts of which districts lie outside every radius.

Why geometry, not counts: "0 Angebote im Gebiet" is misleading where an offer stands just
across the border; the radius around each offer crosses district borders as people do.
Vectorised with shapely 2: all buffers at once, one union, one difference per district.
Distances are straight lines in the districts' metric CRS (no walking network).
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pyproj
import shapely

from geodata.offers import OfferError, in_crs_of
from indicators.formatting import format_value
from indicators.texts import offers as texts

#: Segments per quarter circle: the buffer polygon's area is within 0.2 % of π r².
QUAD_SEGS = 16
PARTS_COLUMNS = ["district_id", "name", "area_m2", "uncovered_m2", "uncovered_share",
                 "uncovered_text", "geometry"]


class CatchmentError(OfferError):
    """A radius or coordinate system with which catchments cannot be drawn."""


def uncovered_parts(
    offers: gpd.GeoDataFrame, districts: gpd.GeoDataFrame, radius_m: float
) -> gpd.GeoDataFrame:
    """Per district the part outside every radius around ``offers`` (already filtered).

    Columns: district_id, name, area_m2 (district), uncovered_m2, uncovered_share (% of
    the district), uncovered_text (German, e.g. "48,3 % der Fläche außerhalb jedes
    Umkreises") and geometry (the uncovered part; empty when fully covered), in the
    districts' CRS. Without offers every district is fully uncovered.
    """
    radius = _check_radius(radius_m)
    _check_metric(districts.crs)
    offers = in_crs_of(offers, districts)
    points = np.asarray(offers.geometry.array)
    points = points[~(shapely.is_missing(points) | shapely.is_empty(points))]
    coverage = shapely.union_all(shapely.buffer(points, radius, quad_segs=QUAD_SEGS))
    shapes = np.asarray(districts.geometry.array)
    uncovered = shapely.difference(shapes, coverage) if not coverage.is_empty else shapes
    area = shapely.area(shapes)
    uncovered_area = shapely.area(uncovered)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(area > 0, uncovered_area / area * 100, np.nan)
    return gpd.GeoDataFrame({
        "district_id": districts["district_id"].astype("str").to_numpy(),
        "name": districts["name"].to_numpy(dtype=object),
        "area_m2": area,
        "uncovered_m2": uncovered_area,
        "uncovered_share": share,
        "uncovered_text": [texts.UNCOVERED_TEXT.format(share=format_value(s, "%", 1))
                           for s in share],
    }, geometry=uncovered, crs=districts.crs)[PARTS_COLUMNS]


def coverage_summary(parts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The districts of :func:`uncovered_parts`, largest uncovered share first (list view).

    Same columns without geometry; ties by uncovered area, then district_id.
    """
    frame = parts.drop(columns="geometry")
    frame = frame.sort_values(["uncovered_share", "uncovered_m2", "district_id"],
                              ascending=[False, False, True], kind="stable", na_position="last")
    return frame.reset_index(drop=True)


def _check_radius(radius_m: float) -> float:
    try:
        radius = float(radius_m)
    except (TypeError, ValueError):
        raise CatchmentError(texts.ERR_RADIUS.format(radius=radius_m)) from None
    if isinstance(radius_m, bool) or not math.isfinite(radius) or radius <= 0:
        raise CatchmentError(texts.ERR_RADIUS.format(radius=radius_m))
    return radius


def _check_metric(crs: pyproj.CRS | None) -> None:
    """Buffers in metres need a projected CRS whose unit is the metre."""
    if crs is None:
        raise CatchmentError(texts.ERR_NO_CRS)
    crs = pyproj.CRS(crs)
    units = {axis.unit_name for axis in crs.axis_info}
    if not crs.is_projected or not units <= {"metre", "meter"}:
        raise CatchmentError(texts.ERR_NOT_METRIC.format(crs=crs.name))
