"""Suppression holds in every function that hands values out."""

from __future__ import annotations

import math

import pytest

from indicators import open_atlas
from indicators.map_view import GREY_SUPPRESSED, MapRequest, choropleth_data
from indicators.palettes import SUPPRESSED_COLOR
from tests.atlas_factory import catalogue_row, grid_districts, value_rows, write_test_atlas

# 0101 has 3 cases (< 5): count rule. 0202 has 12 inhabitants: population rule.
COUNTS = {"0101": (3, 100), "0102": (40, 300), "0201": (50, 100), "0202": (6, 10)}
POPULATION = {"0101": 900, "0102": 2500, "0201": 1200, "0202": 12}


@pytest.fixture
def atlas(tmp_path):
    values = value_rows("q", 2023, COUNTS)
    values += [{"indicator_id": "ew", "district_id": k, "year": 2023, "value": v,
                "numerator": v, "denominator": None} for k, v in POPULATION.items()]
    catalogue = [catalogue_row("q"),
                 catalogue_row("ew", unit="Anzahl", denominator="", scale=1, decimals=0,
                               theme="Demografie")]
    path = write_test_atlas(tmp_path / "a.gpkg", catalogue, values,
                            population_indicator="ew", min_population="300")
    return open_atlas(path)


def test_count_rule(atlas):
    row = atlas.values("q", 2023).set_index("district_id").loc["0101"]
    assert row["suppressed"]
    assert math.isnan(row["value"]) and math.isnan(row["numerator"])
    assert math.isnan(row["denominator"])
    assert row["label"] == "Datenschutz: weniger als 5 Fälle"


def test_population_rule(atlas):
    row = atlas.values("q", 2023).set_index("district_id").loc["0202"]
    assert row["suppressed"] and row["reason"] == "population"
    assert row["label"] == "Datenschutz: weniger als 300 Einwohner"
    # even the population count of such an area is not handed out
    assert atlas.values("ew", 2023).set_index("district_id").loc["0202", "suppressed"]


def test_secondary_suppression_protects_against_subtraction(atlas):
    frame = atlas.values("q", 2023).set_index("district_id")
    # Bezirk 01 is published (43 cases); with 0101 hidden, 0102 would give 0101 = 43 - 40.
    assert frame.loc["0102", "suppressed"] and frame.loc["0102", "reason"] == "secondary"
    # Bezirk 02: 0202 hidden by population rule -> 0201 hidden too
    assert frame.loc["0201", "reason"] == "secondary"
    bezirk = atlas.values("q", 2023, "Stadtbezirk").set_index("district_id")
    assert bezirk.loc["01", "numerator"] == 43  # totals still include every case


def test_unsuppressed_values_are_shown(tmp_path):
    values = value_rows("q", 2023, {"0101": (30, 100), "0102": (40, 300), "0201": (50, 100),
                                    "0202": (60, 100)})
    atlas = open_atlas(write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q")], values))
    assert not atlas.values("q", 2023)["suppressed"].any()
    assert atlas.values("q", 2023)["value"].tolist() == pytest.approx([30, 40 / 3, 50, 60])


def test_city_value_is_suppressed_when_its_count_is_small(tmp_path):
    values = value_rows("q", 2023, {k: (1, 100) for k in ("0101", "0102", "0201", "0202")})
    atlas = open_atlas(write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q", min_count=5)],
                                        values))
    city = atlas.city_value("q", 2023)  # 4 cases in the whole city: below 5 as well
    assert city["suppressed"] and math.isnan(city["value"])


@pytest.mark.parametrize("mode", ["value", "change", "deviation", "rank"])
@pytest.mark.parametrize("fixed", [False, True])
def test_map_data_never_colours_or_reveals_suppressed(atlas, mode, fixed):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Sozialraum", mode=mode,
                                             fixed_breaks=fixed))
    hidden = {"0101", "0102", "0201", "0202"}
    z = dict(zip(data.district_ids, data.z, strict=True))
    hover = dict(zip(data.district_ids, data.customdata, strict=True))
    assert all(z[key] is None and hover[key] is None for key in hidden)  # never coloured
    grey = {key: (g, label) for key, g, label in
            zip(data.district_ids, data.grey_z, data.grey_labels, strict=True) if g is not None}
    assert set(grey) == hidden == set(data.grey_ids)
    assert all(z == GREY_SUPPRESSED and label.startswith("Datenschutz")
               for z, label in grey.values())
    assert all(data.class_of[key] == -1 for key in hidden)
    suppressed_rows = [row for row in data.legend if row.kind == "suppressed"]
    assert suppressed_rows[0].count == 4 and suppressed_rows[0].color == SUPPRESSED_COLOR
    assert sum(row.count for row in data.legend if row.kind == "class") == \
        sum(value is not None for value in data.z)


def test_geometry_does_not_carry_values(atlas):
    from geodata.browser_geometry import browser_geojson

    geojson = browser_geojson(grid_districts().iloc[:4])
    assert all(feature["properties"] == {} for feature in geojson["features"])
