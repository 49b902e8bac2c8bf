"""The map's data function: classes, modes, hover numbers and legend, checked by hand."""

from __future__ import annotations

import mapclassify
import numpy as np
import pytest

from indicators import open_atlas
from indicators.classification import classify
from indicators.map_view import MapRequest, choropleth_data
from tests.atlas_factory import catalogue_row, value_rows, write_test_atlas

Y1 = {"0101": (10, 100), "0102": (40, 200), "0201": (30, 100), "0202": (60, 400)}
Y2 = {"0101": (25, 200), "0102": (50, 200), "0201": (27, 100), "0202": (90, 400)}


@pytest.fixture
def atlas(tmp_path):
    values = value_rows("q", 2022, Y1) + value_rows("q", 2023, Y2)
    return open_atlas(write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q")], values))


def hover_of(data, key: str, field: int):
    return data.customdata[data.district_ids.index(key)][field]


def test_quantile_classes_are_mapclassifys(demo_atlas):
    data = choropleth_data(demo_atlas, MapRequest("sgb2_u15", 2024, "Sozialraum"))
    frame = demo_atlas.values("sgb2_u15", 2024).set_index("district_id")
    shown = [key for key, z in zip(data.district_ids, data.z, strict=True) if z is not None]
    expected = mapclassify.Quantiles(frame.loc[shown, "value"].to_numpy(), k=5).yb
    assert [data.class_of[key] for key in shown] == list(expected)
    assert sum(row.count for row in data.legend if row.kind == "class") == len(shown)
    assert len(shown) + sum(z is not None for z in data.grey_z) == len(data.district_ids)


@pytest.mark.parametrize("method", ["equal_interval", "natural_breaks", "std_mean"])
@pytest.mark.parametrize("k", [3, 7])
def test_every_method_and_k_sums_up(demo_atlas, method, k):
    data = choropleth_data(demo_atlas, MapRequest("alleinerziehende", 2023, "Sozialraum",
                                                  method=method, k=k))
    classes = [row for row in data.legend if row.kind == "class"]
    assert len(classes) == k == len(data.colors)
    assert sum(row.count for row in classes) == sum(z is not None for z in data.z)


def test_fixed_breaks_use_all_years(demo_atlas):
    pooled = np.concatenate([demo_atlas.values("sgb2_u15", y)["value"].dropna().to_numpy()
                             for y in demo_atlas.years("sgb2_u15")])
    expected = classify(pooled, "quantiles", 5).bins
    for year in (2020, 2024):
        data = choropleth_data(demo_atlas, MapRequest("sgb2_u15", year, "Sozialraum",
                                                      fixed_breaks=True))
        values = demo_atlas.values("sgb2_u15", year).set_index("district_id")["value"]
        for key, z in zip(data.district_ids, data.z, strict=True):
            if z is not None:
                assert z == int(np.searchsorted(expected[:-1], values[key], side="left"))


def test_user_breaks_in_german_format(atlas):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Sozialraum", method="user_defined",
                                             breaks_text="15; 22,5"))
    # 2023: 12,5 % · 25 % · 27 % · 22,5 %  ->  classes 0, 2, 2, 1
    assert [data.class_of[k] for k in ("0101", "0102", "0201", "0202")] == [0, 2, 2, 1]
    assert [row.label for row in data.legend if row.kind == "class"][1].startswith("15,0 – 22,5")


def test_value_hover_numbers(atlas):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Sozialraum"))
    # fields: value, numerator, denominator, rank, arrow, trend
    assert data.customdata[data.district_ids.index("0102")] == (25.0, 50, 200, 2, "▲", 5.0)
    assert data.customdata[data.district_ids.index("0201")] == (27.0, 27, 100, 1, "▼", -3.0)
    assert "Rang %{customdata[3]} von 4" in data.hovertemplate
    assert "gegenüber 2022" in data.hovertemplate
    # city: (25 + 50 + 27 + 90) / (200 + 200 + 100 + 400) = 21,3 %
    assert data.city_line == "Gesamtstadt: 21,3\u00a0%"


def test_change_mode_in_percentage_points(atlas):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Sozialraum", mode="change",
                                             compare_year=2022))
    # 0101: 10 % -> 12,5 % = +2,5 Pp.; 0202: 15 % -> 22,5 % = +7,5 Pp.
    assert hover_of(data, "0101", -1) == 2.5
    assert hover_of(data, "0202", -1) == 7.5
    assert "Prozentpunkte" in data.hovertemplate and "Veränderung 2022–2023" in data.title
    # city: 140 / 800 = 17,5 % -> 192 / 900 = 21,3 %
    assert data.city_line == "Gesamtstadt: 17,5\u00a0% → 21,3\u00a0% (+3,8\u00a0Prozentpunkte)"
    assert data.colors[0] != data.colors[-1]  # diverging
    assert any("um 0" in note for note in data.notes)


def test_deviation_from_city(atlas):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Sozialraum", mode="deviation"))
    city = 192 / 900 * 100
    assert hover_of(data, "0201", -1) == pytest.approx(round(27 - city, 1))


def test_rank_mode_puts_most_need_first(atlas):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Sozialraum", mode="rank"))
    ranks = {key: hover_of(data, key, 3) for key in ("0101", "0102", "0201", "0202")}
    assert ranks == {"0201": 1, "0102": 2, "0202": 3, "0101": 4}


def test_higher_level_is_aggregated_from_counts(atlas):
    data = choropleth_data(atlas, MapRequest("q", 2023, "Stadtbezirk"))
    # Bezirk 01: (25 + 50) / (200 + 200) = 18,75 % -> 18,8
    assert data.customdata[data.district_ids.index("01")][:3] == (18.8, 75, 400)
    city = choropleth_data(atlas, MapRequest("q", 2023, "Gesamtstadt"))
    assert city.district_ids == ("gesamtstadt",) and city.customdata[0][0] == 21.3
