"""District geometry for the browser: simplified, in WGS84, as small as it can be.

Simplification is coverage-preserving (``simplify_coverage``): neighbours share
their simplified border, so no slivers or gaps open between districts, which
ordinary per-polygon simplification would create.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

#: Below about 1 m on the ground no projector shows a difference.
COORDINATE_DECIMALS = 5


@dataclass(frozen=True)
class MapView:
    """Where the map looks: centre and zoom for a Plotly ``map`` subplot."""

    lon: float
    lat: float
    zoom: float


def simplified_districts(districts: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify a tessellation without opening gaps, in its own (metric) CRS."""
    if tolerance_m <= 0 or districts.empty:
        return districts
    simplified = districts.copy()
    geometry = simplified.geometry.make_valid()
    simplified = simplified.set_geometry(geometry.simplify_coverage(tolerance_m))
    return simplified


def browser_geojson(
    districts: gpd.GeoDataFrame, tolerance_m: float = 10.0, id_column: str = "district_id"
) -> dict:
    """A FeatureCollection in WGS84 with only ``id`` per feature (names travel separately)."""
    wgs84 = simplified_districts(districts, tolerance_m).to_crs(4326)
    geometries = shapely.transform(
        wgs84.geometry.to_numpy(), lambda xy: np.round(xy, COORDINATE_DECIMALS)
    )
    features = [
        {"type": "Feature", "id": str(key), "properties": {},
         "geometry": shapely.geometry.mapping(geom)}
        for key, geom in zip(wgs84[id_column], geometries, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


def representative_points(districts: gpd.GeoDataFrame) -> tuple[list[float], list[float]]:
    """Label positions (lon, lat) that are guaranteed to lie inside each district."""
    points = districts.geometry.representative_point().to_crs(4326)
    rounded = points.get_coordinates().round(COORDINATE_DECIMALS)
    return rounded["x"].tolist(), rounded["y"].tolist()


def map_view_for(districts: gpd.GeoDataFrame, width_px: int = 900, height_px: int = 640) -> MapView:
    """Centre and zoom that fit all districts into a map of the given size."""
    west, south, east, north = districts.to_crs(4326).total_bounds
    lon, lat = (west + east) / 2, (south + north) / 2
    lon_span = max(east - west, 1e-6)
    merc = (_mercator_y(north) - _mercator_y(south)) or 1e-6
    zoom_x = math.log2(width_px * 360 / (512 * lon_span))
    zoom_y = math.log2(height_px * 2 * math.pi / (512 * merc))
    zoom = min(zoom_x, zoom_y) - 0.05
    return MapView(lon=float(lon), lat=float(lat), zoom=round(float(zoom), 2))


def _mercator_y(lat_deg: float) -> float:
    lat = math.radians(lat_deg)
    return math.log(math.tan(math.pi / 4 + lat / 2))
