"""Catchments on two 1 km squares, with circle areas computed by hand.

    0101: X0 .. X0+1000   0102: X0+1000 .. X0+2000   (both Y0 .. Y0+1000, 1,000,000 m²)

A circle of radius r = sqrt(500,000 / π) = 398.94 m has the area 500,000 m², i.e. half of
a square. The buffer is a polygon (16 segments per quarter circle), whose area is about
0.16 % below π r²; tolerances allow for that.
"""

from __future__ import annotations

import math

import pytest
import shapely

from geodata.catchment import CatchmentError, coverage_summary, uncovered_parts
from tests.atlas_factory import grid_districts
from tests.test_offers import make_offers

HALF_RADIUS = math.sqrt(500_000 / math.pi)


def squares():
    grid = grid_districts(2, 1)
    return grid[grid["level"] == "Sozialraum"].reset_index(drop=True)


def test_district_half_covered():
    parts = uncovered_parts(make_offers([{"xy": (500, 500)}]), squares(), HALF_RADIUS)
    row = parts.set_index("district_id").loc["0101"]
    assert row["area_m2"] == pytest.approx(1_000_000)
    assert row["uncovered_share"] == pytest.approx(50.0, abs=0.2)
    assert row["uncovered_m2"] == pytest.approx(500_000, rel=0.004)
    assert shapely.area(row["geometry"]) == pytest.approx(row["uncovered_m2"])
    assert row["uncovered_text"].startswith("50,")
    assert parts.set_index("district_id").loc["0102", "uncovered_share"] == pytest.approx(100)


def test_catchment_crosses_the_border():
    # on the shared border: half a circle of r = 400 m in each square
    parts = uncovered_parts(make_offers([{"xy": (1000, 500)}]), squares(), 400)
    expected = (1_000_000 - math.pi * 400**2 / 2) / 1_000_000 * 100  # 74.87 %
    assert parts["uncovered_share"].tolist() == pytest.approx([expected, expected], abs=0.1)


def test_no_offers_leaves_everything_uncovered():
    parts = uncovered_parts(make_offers([{"xy": None}]), squares(), 500)
    assert parts["uncovered_share"].tolist() == [100.0, 100.0]
    assert parts.geometry.equals(squares().geometry)


def test_offers_in_degrees_are_projected_first():
    offers = make_offers([{"xy": (500, 500)}]).to_crs(4326)
    parts = uncovered_parts(offers, squares(), HALF_RADIUS)
    assert parts["uncovered_share"].iloc[0] == pytest.approx(50.0, abs=0.2)


def test_summary_sorted_by_uncovered_share():
    offers = make_offers([{"xy": (1500, 500)}, {"xy": (1800, 200)}])
    summary = coverage_summary(uncovered_parts(offers, squares(), 300))
    assert summary["district_id"].tolist() == ["0101", "0102"]
    assert summary["uncovered_share"].iloc[0] == 100.0
    assert "geometry" not in summary.columns


@pytest.mark.parametrize("radius", [0, -5, "weit", float("nan"), None])
def test_invalid_radius(radius):
    with pytest.raises(CatchmentError, match="Ungültiger Umkreis"):
        uncovered_parts(make_offers([{"xy": (500, 500)}]), squares(), radius)


def test_geographic_crs_is_refused_with_a_german_message():
    with pytest.raises(CatchmentError, match="metrisches Koordinatensystem"):
        uncovered_parts(make_offers([{"xy": (500, 500)}]), squares().to_crs(4326), 500)
    with pytest.raises(CatchmentError, match="kein Koordinatensystem"):
        uncovered_parts(make_offers([{"xy": (500, 500)}]), squares().set_crs(None,
                        allow_override=True), 500)
