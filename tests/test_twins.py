"""Statistical twins on a constructed example whose nearest areas are known.

Eight Sozialräume 0101–0108, each alone in its own Bezirk (so that no secondary
suppression interferes). Three indicators, values equal to the counts:
a (%, of 100), b (je 1.000, of 1.000), c (%, of 100):

    0101 T  10  100  20     target
    0102 P  10  160  20     differs only in b, by 60
    0103 Q  40  100  20     differs only in a, by 30
    0104 R  20  300  40
    0105 F  60  600  60
    0106 G  70  700  70
    0107 S   3    4  20     a and b suppressed (< 5 cases): only c in common -> left out
    0108 U   2  100  22     a suppressed: compared on b and c, scaled by sqrt(3 / 2)

Standard deviations of the shown values (ddof=1), worked out by hand:
a: 10 10 40 20 60 70 -> mean 35, squares 625+625+25+225+625+1225 = 3350, /5 -> sd 25,88
b: 100 160 100 300 600 700 100 -> mean 294,29, sum of squares 389.371, /6 -> sd 254,75
c: 20 20 20 40 60 70 20 22 -> mean 34, squares 4·196+36+676+1296+144 = 2936, /7 -> sd 20,48

Distances: U sqrt(3/2)·2/20,48 = 0,120; P 60/254,75 = 0,236; Q 30/25,88 = 1,159;
R sqrt((10/25,88)² + (200/254,75)² + (20/20,48)²) = 1,311. Raw (unstandardised)
distances would put Q (30) before P (60): standardising matters.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from indicators import AtlasQueryError, open_atlas
from indicators.comparison import ComparisonError
from indicators.twins import TWIN_COLUMNS, statistical_twins, value_columns
from tests.atlas_factory import X0, Y0, catalogue_row, value_rows, write_test_atlas

COUNT_LABEL = "Datenschutz: weniger als 5 Fälle"
AREAS = {  # district_id: (a, b, c)
    "0101": (10, 100, 20), "0102": (10, 160, 20), "0103": (40, 100, 20),
    "0104": (20, 300, 40), "0105": (60, 600, 60), "0106": (70, 700, 70),
    "0107": (3, 4, 20), "0108": (2, 100, 22),
}
SD_A = math.sqrt(3350 / 5)
SD_B = 254.75
SD_C = math.sqrt(2936 / 7)


def single_child_districts(ids: list[str]) -> gpd.GeoDataFrame:
    records = []
    for i, key in enumerate(ids):
        box = shapely.box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000)
        records.append({"district_id": key, "name": f"Gebiet {key}", "level": "Sozialraum",
                        "parent_id": f"B{key}", "geometry": box})
        records.append({"district_id": f"B{key}", "name": f"Bezirk {key}",
                        "level": "Stadtbezirk", "parent_id": None, "geometry": box})
    frame = gpd.GeoDataFrame(records, crs=25832)
    return pd.concat([frame[frame["level"] == "Sozialraum"],
                      frame[frame["level"] == "Stadtbezirk"]], ignore_index=True)


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    catalogue = [catalogue_row("a"), catalogue_row("b", unit="je 1.000", scale=1000),
                 catalogue_row("c")]
    values = [
        *value_rows("a", 2024, {k: (v[0], 100) for k, v in AREAS.items()}),
        *value_rows("b", 2024, {k: (v[1], 1000) for k, v in AREAS.items()}, scale=1000),
        *value_rows("c", 2024, {k: (v[2], 100) for k, v in AREAS.items()}),
    ]
    path = tmp_path_factory.mktemp("twins") / "zwillinge.gpkg"
    write_test_atlas(path, catalogue, values, districts=single_child_districts(list(AREAS)))
    return open_atlas(path)


def test_standard_deviation_of_b_worked_out_by_hand() -> None:
    b = [100, 160, 100, 300, 600, 700, 100]
    mean = sum(b) / len(b)
    assert math.sqrt(sum((x - mean) ** 2 for x in b) / 6) == pytest.approx(SD_B, abs=0.01)


def test_nearest_three_in_order_with_distances(atlas) -> None:
    twins = statistical_twins(atlas, "0101", ["a", "b", "c"], 2024, "Sozialraum", n=3)
    assert list(twins.columns[: len(TWIN_COLUMNS)]) == TWIN_COLUMNS
    assert list(twins["district_id"]) == ["0108", "0102", "0103"]
    assert list(twins["rank"]) == [1, 2, 3]
    assert list(twins["distance"]) == pytest.approx(
        [math.sqrt(3 / 2) * 2 / SD_C, 60 / SD_B, 30 / SD_A], rel=1e-3)
    assert list(twins["n_common"]) == [2, 3, 3]
    # per indicator: d / sqrt(3) = 0,07 and 0,14 (< 0,5), 0,67 (< 1,0)
    assert list(twins["similarity"]) == ["sehr ähnlich", "sehr ähnlich", "ähnlich"]


def test_five_twins_leave_out_the_area_with_too_few_common_values(atlas) -> None:
    twins = statistical_twins(atlas, "0101", ["a", "b", "c"], 2024, "Sozialraum", n=5)
    # 0107 agrees exactly on c, its only shown value: were it compared, it would be first.
    assert list(twins["district_id"]) == ["0108", "0102", "0103", "0104", "0105"]
    assert twins["distance"].iloc[3] == pytest.approx(
        math.sqrt((10 / SD_A) ** 2 + (200 / SD_B) ** 2 + (20 / SD_C) ** 2), rel=1e-3)
    assert twins["similarity"].iloc[4] == "eher ähnlich"


def test_values_side_by_side_and_suppressed_never_as_number(atlas) -> None:
    twins = statistical_twins(atlas, "0101", ["a", "b", "c"], 2024, "Sozialraum", n=3)
    value, text, own, own_text = value_columns("a")
    u = twins.iloc[0]
    assert math.isnan(u[value]) and u[text] == COUNT_LABEL
    assert u[own] == pytest.approx(10.0) and own_text == "a_own_text"
    assert u[own_text] == "10,0\u00a0%"
    assert twins.iloc[1][value_columns("b")[1]] == "160,0\u00a0je 1.000"


def test_a_target_with_one_suppressed_value_still_finds_twins(atlas) -> None:
    twins = statistical_twins(atlas, "0108", ["a", "b", "c"], 2024, "Sozialraum", n=3)
    assert twins["district_id"].iloc[0] == "0101"  # b and c: 100 = 100, 22 vs 20
    assert "0107" not in set(twins["district_id"])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"district_id": "0107"}, ComparisonError, "nur 1 von 3 gewählten Indikatoren"),
        ({"indicator_ids": ["a", "a"]}, ComparisonError, "mindestens 2 verschiedene"),
        ({"n": 2}, ComparisonError, r"3 bis 5 statistische Zwillinge.*nicht 2"),
        ({"n": 6}, ComparisonError, "nicht 6"),
        ({"district_id": "9999"}, AtlasQueryError, "Unbekanntes Gebiet „9999“"),
    ],
)
def test_clear_german_errors(atlas, kwargs, error, message) -> None:
    arguments = {"district_id": "0101", "indicator_ids": ["a", "b", "c"], "n": 3} | kwargs
    with pytest.raises(error, match=message):
        statistical_twins(atlas, year=2024, level="Sozialraum", **arguments)


def test_twins_on_the_demo_atlas_never_include_the_area_itself(demo_atlas) -> None:
    twins = statistical_twins(demo_atlas, "0204", ["sgb2_u15", "alleinerziehende",
                                                   "sprachfoerderung"], 2024)
    assert len(twins) == 5 and "0204" not in set(twins["district_id"])
    assert twins["distance"].is_monotonic_increasing


def test_suppressed_values_never_leak_into_twins(demo_atlas) -> None:
    chosen = ["sgb2_u15", "uebergewicht_esu", "sprachfoerderung", "hze_je_1000"]
    seen_hidden = 0
    for district_id in ["0101", "0304", "0503", "0504"]:  # 0, 1, 2, 1 suppressed
        twins = statistical_twins(demo_atlas, district_id, chosen, 2024, "Sozialraum")
        for indicator_id in chosen:
            truth = demo_atlas.values(indicator_id, 2024, "Sozialraum").set_index("district_id")
            value, text, own, own_text = value_columns(indicator_id)
            for _, row in twins.iterrows():
                for key, v_col, t_col in ((row["district_id"], value, text),
                                          (district_id, own, own_text)):
                    if truth.loc[key, "suppressed"]:
                        seen_hidden += 1
                        assert math.isnan(row[v_col]) and row[t_col] == truth.loc[key, "label"]
                    else:
                        assert row[v_col] == pytest.approx(truth.loc[key, "value"])
    assert seen_hidden > 0
    with pytest.raises(ComparisonError, match="„Finkenherd“ sind nur 1 von 4"):
        statistical_twins(demo_atlas, "0302", chosen, 2024, "Sozialraum")  # 3 of 4 suppressed
