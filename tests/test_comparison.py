"""Comparison panel data against numbers worked out by hand on a tiny atlas.

The atlas: 3 × 2 Sozialräume; Bezirk 01 = 0101, 0102, 0103; Bezirk 02 = 0201–0203.
Indicator "quote" (%, higher_worse, min_count 5), counts (numerator / denominator):

    2023: 0101 12/100  0102 20/200  0103  8/50 | 0201 18/100  0202 40/300  0203 50/200
    2024: 0101 10/100  0102 30/200  0103  2/50 | 0201 20/100  0202 45/300  0203 60/200

In 2024, 0103 has 2 cases (< 5): suppressed by the count rule; 0101 has the next-smallest
count in Bezirk 01 and is suppressed as well (secondary suppression).
"""

from __future__ import annotations

import math

import pytest

from indicators import AtlasQueryError, open_atlas
from indicators.comparison import (
    BAR_COLUMNS,
    RANKING_COLUMNS,
    SERIES_COLUMNS,
    comparison_bars,
    ranking,
    time_series,
)
from tests.atlas_factory import catalogue_row, grid_districts, value_rows, write_test_atlas

NBSP = "\u00a0"
COUNT_LABEL = "Datenschutz: weniger als 5 Fälle"
SECONDARY_LABEL = "Datenschutz: gesperrt, damit gesperrte Werte nicht rückrechenbar sind"

QUOTE = {
    2023: {"0101": (12, 100), "0102": (20, 200), "0103": (8, 50),
           "0201": (18, 100), "0202": (40, 300), "0203": (50, 200)},
    2024: {"0101": (10, 100), "0102": (30, 200), "0103": (2, 50),
           "0201": (20, 100), "0202": (45, 300), "0203": (60, 200)},
}
KITA_2024 = {"0101": (50, 100), "0102": (100, 200), "0103": (25, 50),
             "0201": (80, 100), "0202": (240, 300), "0203": (140, 200)}
PEOPLE_2024 = {"0101": 1000, "0102": 2000, "0103": 3000,
               "0201": 4000, "0202": 5000, "0203": 6000}


def build_atlas(path):
    """The tiny atlas of the module doc, also used by the profile tests."""
    catalogue = [
        catalogue_row("quote", name="Quote", short_name="Quote"),
        catalogue_row("kita", name="Kita-Quote", theme="Bildung", polarity="higher_better"),
        catalogue_row("people", name="Einwohner", theme="Demografie", unit="Anzahl",
                      denominator="", polarity="neutral", decimals=0, scale=1),
        catalogue_row("intern", name="Interner Wert", public=False),
    ]
    values = [*value_rows("quote", 2023, QUOTE[2023]), *value_rows("quote", 2024, QUOTE[2024]),
              *value_rows("kita", 2024, KITA_2024),
              *value_rows("intern", 2024, KITA_2024)]
    values += [{"indicator_id": "people", "district_id": key, "year": 2024,
                "numerator": count, "denominator": None, "value": count}
               for key, count in PEOPLE_2024.items()]
    write_test_atlas(path, catalogue, values, districts=grid_districts(columns=3, rows=2))
    return open_atlas(path)


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return build_atlas(tmp_path_factory.mktemp("comparison") / "klein.gpkg")


def rows_by_id(frame):
    return {row.district_id: row for row in frame.itertuples(index=False)}


# --- bars ---------------------------------------------------------------------
def test_bars_show_areas_their_bezirke_and_the_city_from_summed_counts(atlas) -> None:
    bars = comparison_bars(atlas, "quote", 2024, ["0102", "0103", "0201"], "Sozialraum")
    assert list(bars.columns) == BAR_COLUMNS
    assert list(bars["district_id"]) == ["0102", "0103", "0201", "01", "02", "gesamtstadt"]
    assert list(bars["kind"]) == ["district", "district", "district", "parent", "parent", "city"]
    rows = rows_by_id(bars)
    assert rows["0102"].value == pytest.approx(15.0)  # 30 / 200
    assert rows["0201"].value == pytest.approx(20.0)  # 20 / 100
    # Bezirk 01 sums all counts, the suppressed ones included: 42 / 350 = 12 %,
    # not the mean of the shown rates (15 %) nor of all rates ((10 + 15 + 4) / 3).
    assert rows["01"].value == pytest.approx(12.0)
    assert rows["02"].value == pytest.approx(125 / 600 * 100)  # 20,833 %
    assert rows["gesamtstadt"].value == pytest.approx(167 / 950 * 100)  # 17,579 %
    assert rows["gesamtstadt"].name == "Gesamtstadt"
    assert rows["0102"].text == f"15,0{NBSP}%"
    assert rows["02"].text == f"20,8{NBSP}%"
    assert rows["gesamtstadt"].text == f"17,6{NBSP}%"


def test_a_suppressed_bar_has_no_value_and_its_label_as_text(atlas) -> None:
    rows = rows_by_id(comparison_bars(atlas, "quote", 2024, ["0103", "0101"], "Sozialraum"))
    assert rows["0103"].suppressed and math.isnan(rows["0103"].value)
    assert rows["0103"].text == rows["0103"].label == COUNT_LABEL
    assert rows["0101"].suppressed and math.isnan(rows["0101"].value)
    assert rows["0101"].text == SECONDARY_LABEL
    assert list(rows) == ["0103", "0101", "01", "gesamtstadt"]  # one parent row, listed once


def test_counts_compare_with_the_mean_per_area_not_the_total(atlas) -> None:
    rows = rows_by_id(comparison_bars(atlas, "people", 2024, ["0101"], "Sozialraum"))
    assert rows["0101"].value == 1000
    assert rows["01"].value == pytest.approx(6000 / 3)  # 1.000 + 2.000 + 3.000 in 3 areas
    assert rows["gesamtstadt"].value == pytest.approx(21000 / 6)
    assert rows["gesamtstadt"].name == "Gesamtstadt (Durchschnitt je Sozialraum)"
    assert rows["gesamtstadt"].text == "3.500"


def test_bezirk_bars_have_no_parent_rows(atlas) -> None:
    bars = comparison_bars(atlas, "quote", 2024, ["02"], "Stadtbezirk")
    assert list(bars["kind"]) == ["district", "city"]
    assert bars["value"].iloc[0] == pytest.approx(125 / 600 * 100)


def test_areas_of_another_level_and_unknown_areas_are_refused(atlas) -> None:
    with pytest.raises(AtlasQueryError, match="gehört zur Ebene „Stadtbezirk“"):
        comparison_bars(atlas, "quote", 2024, ["01"], "Sozialraum")
    with pytest.raises(AtlasQueryError, match="Unbekanntes Gebiet „9999“"):
        comparison_bars(atlas, "quote", 2024, ["9999"], "Sozialraum")


# --- time series ------------------------------------------------------------------
def test_time_series_has_a_gap_where_a_year_is_suppressed(atlas) -> None:
    series = time_series(atlas, "quote", ["0103", "0102"], "Sozialraum")
    assert list(series.columns) == SERIES_COLUMNS
    assert list(zip(series["district_id"], series["year"], strict=True)) == [
        ("0103", 2023), ("0103", 2024), ("0102", 2023), ("0102", 2024),
        ("gesamtstadt", 2023), ("gesamtstadt", 2024),
    ]
    values = list(series["value"])
    assert values[0] == pytest.approx(16.0)  # 8 / 50
    assert math.isnan(values[1])  # 2 cases: a gap, never 0
    assert list(series["suppressed"]) == [False, True, False, False, False, False]
    assert series["text"].iloc[1] == COUNT_LABEL
    assert values[2:4] == pytest.approx([10.0, 15.0])
    assert values[4] == pytest.approx(148 / 950 * 100)  # 2023: 12+20+8+18+40+50 of 950
    assert values[5] == pytest.approx(167 / 950 * 100)
    assert list(series["kind"]) == ["district"] * 4 + ["city"] * 2


# --- ranking -------------------------------------------------------------------------
def test_ranking_higher_worse_puts_the_highest_value_first_and_suppressed_last(atlas) -> None:
    frame = ranking(atlas, "quote", 2024, "Sozialraum", selected=["0202"])
    assert list(frame.columns) == RANKING_COLUMNS
    # 0203 30 %, 0201 20 %, 0102 and 0202 both 15 % (shared rank 3, by name), then the two
    # suppressed areas by name: Gebiet 1-1 (0101), Gebiet 1-3 (0103).
    assert list(frame["district_id"]) == ["0203", "0201", "0102", "0202", "0101", "0103"]
    assert list(frame["rank"].iloc[:4]) == [1, 2, 3, 3]
    assert frame["rank"].iloc[4:].isna().all()
    assert list(frame["rank_text"].iloc[:2]) == ["Rang 1 von 4", "Rang 2 von 4"]
    assert list(frame["selected"]) == [False, False, False, True, False, False]
    assert list(frame["text"].iloc[4:]) == [SECONDARY_LABEL, COUNT_LABEL]


def test_ranking_higher_better_puts_the_lowest_value_first(atlas) -> None:
    frame = ranking(atlas, "kita", 2024, "Sozialraum")
    # 0101–0103 all 50 % (rank 1), 0203 70 %, 0201 and 0202 80 %.
    assert list(frame["district_id"]) == ["0101", "0102", "0103", "0203", "0201", "0202"]
    assert list(frame["rank"]) == [1, 1, 1, 4, 5, 5]


# --- suppression never leaks (demo atlas) -------------------------------------------
def assert_no_leak(frame) -> None:
    """Rows marked suppressed carry no number: value NaN, text = the German label."""
    hidden = frame[frame["suppressed"]]
    assert hidden["value"].isna().all()
    assert (hidden["text"] == hidden["label"]).all()
    assert hidden["label"].str.startswith("Datenschutz").all()
    assert not frame.loc[~frame["suppressed"], "text"].str.startswith("Datenschutz").any()


@pytest.mark.parametrize("indicator_id", ["uebergewicht_esu", "sgb2_u3", "hze_je_1000"])
def test_suppressed_values_never_leak_into_comparison_charts(demo_atlas, indicator_id) -> None:
    values = demo_atlas.values(indicator_id, 2024, "Sozialraum")
    hidden = list(values.loc[values["suppressed"], "district_id"])
    assert hidden, "the demo atlas should suppress some areas here"
    bars = comparison_bars(demo_atlas, indicator_id, 2024, hidden, "Sozialraum")
    assert bars.loc[bars["kind"] == "district", "suppressed"].all()
    assert_no_leak(bars)
    series = time_series(demo_atlas, indicator_id, hidden, "Sozialraum")
    assert_no_leak(series)
    for year, part in series[series["kind"] == "district"].groupby("year"):
        truth = demo_atlas.values(indicator_id, year, "Sozialraum").set_index("district_id")
        assert list(part["suppressed"]) == list(truth.loc[part["district_id"], "suppressed"])
    ranked = ranking(demo_atlas, indicator_id, 2024, "Sozialraum", hidden)
    assert_no_leak(ranked)
    assert ranked.loc[ranked["suppressed"], "rank"].isna().all()
    assert set(ranked.loc[ranked["suppressed"], "district_id"]) == set(hidden)
