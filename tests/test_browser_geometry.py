"""Geometry for the browser: WGS84, small, and neighbours still share their borders."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geodata.browser_geometry import browser_geojson, map_view_for, simplified_districts


@pytest.fixture
def wiggly_tessellation() -> gpd.GeoDataFrame:
    """60 districts made of 3,000 small Voronoi cells: jagged shared borders, many vertices."""
    rng = np.random.default_rng(7)
    origin = np.array([470_000, 5_700_000])
    hull = shapely.box(*origin, *(origin + 10_000))
    fine = rng.uniform(0, 10_000, size=(3000, 2)) + origin
    cells = shapely.voronoi_polygons(shapely.multipoints(fine), extend_to=hull)
    cells = shapely.intersection(np.asarray(shapely.get_parts(cells)), hull)
    seeds = rng.uniform(0, 10_000, size=(60, 2)) + origin
    centres = shapely.get_coordinates(shapely.centroid(cells))
    owner = np.argmin(((centres[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2), axis=1)
    cells_frame = gpd.GeoDataFrame({"owner": owner}, geometry=cells, crs=25832)
    districts = cells_frame.dissolve("owner").reset_index()
    districts["district_id"] = [f"{i:03d}" for i in districts["owner"]]
    return districts[["district_id", "geometry"]]


def test_coverage_simplification_opens_no_gaps_and_no_overlaps(wiggly_tessellation):
    simplified = simplified_districts(wiggly_tessellation, tolerance_m=100)
    before = shapely.get_num_coordinates(wiggly_tessellation.geometry.to_numpy()).sum()
    after = shapely.get_num_coordinates(simplified.geometry.to_numpy()).sum()
    assert after < before / 2
    union = simplified.geometry.union_all()
    total = simplified.geometry.area.sum()
    assert union.area == pytest.approx(total, rel=1e-9)  # no overlaps
    assert union.area == pytest.approx(wiggly_tessellation.geometry.union_all().area, rel=1e-3)
    assert union.geom_type == "Polygon" and shapely.get_num_interior_rings(union) == 0


def test_plain_simplification_would_have_opened_gaps(wiggly_tessellation):
    """Guard for the test above: it must be able to tell the two methods apart."""
    plain = wiggly_tessellation.geometry.simplify(50)
    union = plain.union_all()
    assert abs(union.area - plain.area.sum()) > 1 or shapely.get_num_interior_rings(union) > 0


def test_geojson_is_wgs84_with_ids_only(wiggly_tessellation):
    geojson = browser_geojson(wiggly_tessellation, tolerance_m=10)
    assert geojson["type"] == "FeatureCollection"
    assert [f["id"] for f in geojson["features"]] == wiggly_tessellation["district_id"].tolist()
    lon, lat = np.array(shapely.from_geojson(
        __import__("json").dumps(geojson["features"][0]["geometry"])).exterior.coords).T
    assert 5 < lon.min() < 10 and 50 < lat.min() < 53  # UTM32 around 470 km E, 5700 km N


def test_map_view_centres_the_city(wiggly_tessellation):
    view = map_view_for(wiggly_tessellation)
    assert 8.5 < view.lon < 8.8 and 51.4 < view.lat < 51.6
    assert 9 < view.zoom < 13
    assert isinstance(view.zoom, float)
