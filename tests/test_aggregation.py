"""Aggregation sums counts and divides; it never averages rates."""

from __future__ import annotations

import pytest

from indicators import open_atlas
from tests.atlas_factory import catalogue_row, value_rows, write_test_atlas


@pytest.fixture
def atlas(tmp_path):
    counts = {"0101": (10, 100), "0102": (90, 300), "0201": (50, 100), "0202": (20, 400)}
    values = value_rows("q", 2023, counts)
    values += [{"indicator_id": "n", "district_id": k, "year": 2023, "value": v,
                "numerator": v, "denominator": None}
               for k, v in {"0101": 100, "0102": 300, "0201": 100, "0202": 400}.items()]
    catalogue = [catalogue_row("q", min_count=1),
                 catalogue_row("n", unit="Anzahl", denominator="", scale=1, decimals=0,
                               min_count=1)]
    return open_atlas(write_test_atlas(tmp_path / "a.gpkg", catalogue, values))


def test_bezirk_rate_is_sum_of_counts_not_mean_of_rates(atlas):
    bezirke = atlas.values("q", 2023, "Stadtbezirk").set_index("district_id")
    # Bezirk 01: (10 + 90) / (100 + 300) = 25 %; the mean of rates would be (10 % + 30 %) / 2 = 20 %
    assert bezirke.loc["01", "value"] == pytest.approx(25.0)
    assert bezirke.loc["01", "numerator"] == 100
    assert bezirke.loc["01", "denominator"] == 400
    # Bezirk 02: (50 + 20) / (100 + 400) = 14 %
    assert bezirke.loc["02", "value"] == pytest.approx(14.0)


def test_city_value_from_all_counts(atlas):
    city = atlas.city_value("q", 2023)
    assert city["value"] == pytest.approx(170 / 900 * 100)
    assert city["name"] == "Teststadt"


def test_counts_are_summed(atlas):
    assert atlas.values("n", 2023, "Stadtbezirk")["value"].tolist() == [400, 500]
    assert atlas.city_value("n", 2023)["value"] == 900


def test_a_parent_with_a_missing_child_has_no_value(tmp_path):
    values = value_rows("q", 2023, {"0101": (10, 100), "0201": (50, 100), "0202": (20, 400)})
    atlas = open_atlas(write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q", min_count=1)],
                                        values))
    bezirke = atlas.values("q", 2023, "Stadtbezirk").set_index("district_id")
    assert bezirke["value"].isna().loc["01"]
    assert bezirke.loc["02", "value"] == pytest.approx(14.0)
    assert atlas.city_value("q", 2023)["value"] != atlas.city_value("q", 2023)["value"]  # NaN


def test_stored_parent_values_win_over_aggregation(tmp_path):
    values = value_rows("q", 2023, {"0101": (10, 100), "0102": (90, 300), "0201": (50, 100),
                                    "0202": (20, 400), "01": (120, 410)})
    atlas = open_atlas(write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q", min_count=1)],
                                        values))
    bezirke = atlas.values("q", 2023, "Stadtbezirk").set_index("district_id")
    assert bezirke.loc["01", "numerator"] == 120
    assert bezirke.loc["02", "numerator"] == 70
