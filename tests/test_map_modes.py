"""Map modes on small frames whose results are worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import HIGHER_BETTER, HIGHER_WORSE, NEUTRAL, Indicator
from indicators.map_modes import (
    ARROW_DOWN,
    ARROW_SAME,
    ARROW_UP,
    CHANGE,
    DEVIATION,
    DIVERGING,
    MODE_COLUMNS,
    RANK,
    SEQUENTIAL,
    VALUE,
    MapModeError,
    compute_mode,
    format_signed,
    previous_year_change,
    rank_label,
)
from indicators.palettes import diverging, relative_luminance, sequential

NAN = float("nan")
NBSP = "\u00a0"
REASON = "count"
LABEL = "Datenschutz: weniger als 5 Fälle"


def indicator(unit: str = "%", rate: bool = True, polarity: str = HIGHER_WORSE) -> Indicator:
    return Indicator(
        indicator_id="x", name="Testindikator", short_name="Test", theme="Soziale Lage",
        unit=unit, description="", source="", numerator="Fälle",
        denominator="Kinder" if rate else "", polarity=polarity, public=True,
        min_count=5, decimals=1, scale=100.0 if unit == "%" else 1.0,
    )


def frame(values: dict[str, float], suppressed: tuple[str, ...] = ()) -> pd.DataFrame:
    """A value frame as Atlas.values returns it (suppressed values already NaN)."""
    ids = list(values)
    hidden = [i in suppressed for i in ids]
    return pd.DataFrame({
        "district_id": ids,
        "name": [f"Gebiet {i}" for i in ids],
        "level": "Sozialraum",
        "parent_id": "B1",
        "value": [NAN if h else values[i] for i, h in zip(ids, hidden, strict=True)],
        "numerator": NAN,
        "denominator": NAN,
        "suppressed": hidden,
        "reason": [REASON if h else None for h in hidden],
        "label": [LABEL if h else "" for h in hidden],
    })


def by_id(result_frame: pd.DataFrame, column: str = "value") -> dict[str, object]:
    return dict(zip(result_frame["district_id"], result_frame[column], strict=True))


# --- value -------------------------------------------------------------------
def test_value_mode_keeps_values_and_suppression() -> None:
    result = compute_mode(VALUE, frame({"A": 10.0, "B": 7.0}, suppressed=("B",)), indicator())
    assert list(result.frame.columns) == MODE_COLUMNS
    assert by_id(result.frame)["A"] == 10.0
    assert math.isnan(by_id(result.frame)["B"])
    assert by_id(result.frame, "label")["B"] == LABEL
    assert (result.unit, result.palette, result.n) == ("%", SEQUENTIAL, 1)


def test_a_suppressed_row_that_still_carries_a_value_is_blanked_in_every_mode() -> None:
    leaky = frame({"A": 10.0, "B": 20.0, "C": 30.0})
    leaky.loc[leaky["district_id"] == "C", "suppressed"] = True
    for mode in (VALUE, CHANGE, DEVIATION, RANK):
        result = compute_mode(mode, leaky, indicator(), compare_frame=leaky, city_value=15.0)
        row = result.frame.set_index("district_id").loc["C"]
        assert row["suppressed"] and math.isnan(row["value"]), mode


# --- change --------------------------------------------------------------------
def test_change_of_a_percent_rate_in_percentage_points() -> None:
    year_a = frame({"A": 10.0, "B": 20.0, "C": 5.0, "D": 30.0, "E": NAN}, suppressed=("C",))
    year_b = frame({"A": 12.5, "B": 18.0, "C": 15.0, "D": 0.0, "E": 5.0}, suppressed=("D",))
    result = compute_mode(CHANGE, year_b, indicator(), compare_frame=year_a)
    values = by_id(result.frame)
    assert values["A"] == pytest.approx(2.5)  # 10 % -> 12,5 % = +2,5 Prozentpunkte
    assert values["B"] == pytest.approx(-2.0)
    assert result.unit == "Prozentpunkte"
    assert (result.palette, result.symmetric) == (DIVERGING, True)
    suppressed = by_id(result.frame, "suppressed")
    # suppressed in the earlier (C) or the later year (D): suppressed, reason kept
    assert suppressed["C"] and suppressed["D"]
    assert math.isnan(values["C"]) and math.isnan(values["D"])
    assert by_id(result.frame, "reason")["C"] == REASON
    assert by_id(result.frame, "label")["C"] == LABEL
    # missing in one year: missing, not suppressed
    assert not suppressed["E"] and math.isnan(values["E"])
    assert by_id(result.frame, "label")["E"] == ""
    assert result.n == 2


def test_suppressed_wins_over_missing() -> None:
    year_a = frame({"A": NAN})
    year_b = frame({"A": 4.0}, suppressed=("A",))
    result = compute_mode(CHANGE, year_b, indicator(), compare_frame=year_a)
    assert bool(result.frame["suppressed"].iloc[0])
    year_a = frame({"A": 4.0}, suppressed=("A",))
    year_b = frame({"A": NAN})
    result = compute_mode(CHANGE, year_b, indicator(), compare_frame=year_a)
    assert bool(result.frame["suppressed"].iloc[0])
    assert result.frame["label"].iloc[0] == LABEL


def test_change_of_counts_in_percent() -> None:
    year_a = frame({"A": 200.0, "B": 400.0, "C": 0.0})
    year_b = frame({"A": 250.0, "B": 300.0, "C": 10.0})
    result = compute_mode(CHANGE, year_b, indicator("Anzahl", rate=False), compare_frame=year_a)
    values = by_id(result.frame)
    assert values["A"] == pytest.approx(25.0)  # 200 -> 250 = +25 %
    assert values["B"] == pytest.approx(-25.0)
    assert math.isnan(values["C"])  # no percent change from 0
    assert result.unit == "%"


def test_change_of_a_rate_per_1000_is_an_absolute_difference() -> None:
    year_a = frame({"A": 25.0})
    year_b = frame({"A": 30.0})
    result = compute_mode(CHANGE, year_b, indicator("je 1.000"), compare_frame=year_a)
    assert by_id(result.frame)["A"] == pytest.approx(5.0)
    assert result.unit == "je 1.000"


def test_district_missing_in_the_earlier_year_is_missing() -> None:
    result = compute_mode(CHANGE, frame({"A": 3.0, "B": 4.0}), indicator(),
                          compare_frame=frame({"A": 1.0}))
    assert by_id(result.frame)["A"] == pytest.approx(2.0)
    assert math.isnan(by_id(result.frame)["B"])
    assert not by_id(result.frame, "suppressed")["B"]


# --- deviation -------------------------------------------------------------------
def test_deviation_in_percentage_points() -> None:
    data = frame({"A": 12.5, "B": 18.0, "C": 1.0}, suppressed=("C",))
    result = compute_mode(DEVIATION, data, indicator(), city_value=15.0)
    values = by_id(result.frame)
    assert values["A"] == pytest.approx(-2.5)
    assert values["B"] == pytest.approx(3.0)
    assert math.isnan(values["C"]) and by_id(result.frame, "suppressed")["C"]
    assert (result.unit, result.palette) == ("Prozentpunkte", DIVERGING)


def test_deviation_of_counts_is_relative() -> None:
    data = frame({"A": 200.0, "B": 300.0})
    result = compute_mode(DEVIATION, data, indicator("Anzahl", rate=False), city_value=250.0)
    assert by_id(result.frame)["A"] == pytest.approx(-20.0)
    assert by_id(result.frame)["B"] == pytest.approx(20.0)
    assert result.unit == "%"


@pytest.mark.parametrize("city", [NAN, None])
def test_deviation_needs_a_city_value(city: float | None) -> None:
    with pytest.raises(MapModeError, match="Gesamtstadt"):
        compute_mode(DEVIATION, frame({"A": 1.0}), indicator(), city_value=city)


def test_relative_deviation_from_zero_is_refused() -> None:
    with pytest.raises(MapModeError, match="ist 0"):
        compute_mode(DEVIATION, frame({"A": 1.0}), indicator("Anzahl", rate=False), city_value=0)


# --- rank ------------------------------------------------------------------------
RANK_DATA = {"A": 12.5, "B": 18.0, "C": 15.0, "D": 99.0, "E": 5.0, "F": 18.0, "G": NAN}


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [
        (HIGHER_WORSE, {"A": 4, "B": 1, "C": 3, "E": 5, "F": 1}),
        (NEUTRAL, {"A": 4, "B": 1, "C": 3, "E": 5, "F": 1}),
        (HIGHER_BETTER, {"A": 2, "B": 4, "C": 3, "E": 1, "F": 4}),
    ],
)
def test_rank_follows_polarity_ties_share_the_min_rank(polarity: str, expected: dict) -> None:
    data = frame(RANK_DATA, suppressed=("D",))
    result = compute_mode(RANK, data, indicator(polarity=polarity))
    ranks = by_id(result.frame)
    assert {k: ranks[k] for k in expected} == expected
    assert math.isnan(ranks["D"]) and by_id(result.frame, "suppressed")["D"]
    assert math.isnan(ranks["G"]) and not by_id(result.frame, "suppressed")["G"]
    assert result.n == 5
    assert rank_label(ranks["C"], result.n) == "Rang 3 von 5"
    assert rank_label(ranks["D"], result.n) == "–"


@pytest.mark.parametrize("polarity", [HIGHER_WORSE, HIGHER_BETTER, NEUTRAL])
def test_rank_1_gets_the_darkest_colour(polarity: str) -> None:
    result = compute_mode(RANK, frame(RANK_DATA), indicator(polarity=polarity))
    colors = result.colors(5)
    lum = [relative_luminance(c) for c in colors]
    assert lum[0] == min(lum)
    assert set(colors) == set(sequential(5, polarity))


def test_change_colours_are_the_diverging_palette() -> None:
    data = frame({"A": 1.0})
    result = compute_mode(CHANGE, data, indicator(polarity=HIGHER_BETTER), compare_frame=data)
    assert result.colors(5) == diverging(5, HIGHER_BETTER)


# --- hover: change against the previous year ---------------------------------------
def test_previous_year_change_arrows_show_direction_not_judgement() -> None:
    prev = frame({"A": 10.0, "B": 20.0, "C": 5.0, "D": 7.0, "E": 3.0}, suppressed=("E",))
    this = frame({"A": 12.5, "B": 18.0, "C": 5.0, "D": 7.04, "E": 3.0})
    for polarity in (HIGHER_WORSE, HIGHER_BETTER):
        result = previous_year_change(this, prev, indicator(polarity=polarity))
        arrows = by_id(result.frame, "arrow")
        assert arrows == {"A": ARROW_UP, "B": ARROW_DOWN, "C": ARROW_SAME, "D": ARROW_SAME,
                          "E": ""}
    assert format_signed(by_id(result.frame)["A"], result.unit, 1) == f"+2,5{NBSP}Prozentpunkte"


def test_format_signed() -> None:
    assert format_signed(-3.0, "%", 1) == f"\u22123,0{NBSP}%"  # typographic minus
    assert format_signed(-0.01, "%", 1) == f"0,0{NBSP}%"
    assert format_signed(NAN, "%", 1) == "–"


# --- errors --------------------------------------------------------------------------
def test_unknown_mode_and_missing_inputs() -> None:
    with pytest.raises(MapModeError, match="„karte“"):
        compute_mode("karte", frame({"A": 1.0}), indicator())
    with pytest.raises(MapModeError, match="Vergleichsjahr"):
        compute_mode(CHANGE, frame({"A": 1.0}), indicator())
    with pytest.raises(MapModeError, match="suppressed"):
        compute_mode(VALUE, frame({"A": 1.0}).drop(columns="suppressed"), indicator())


def test_input_frames_are_not_changed() -> None:
    data = frame({"A": 1.0, "B": 2.0}, suppressed=("B",))
    before = data.copy()
    for mode in (VALUE, CHANGE, DEVIATION, RANK):
        compute_mode(mode, data, indicator(), compare_frame=data, city_value=1.0)
    pd.testing.assert_frame_equal(data, before)
    assert np.isnan(data["value"].iloc[1])


# --- on a real atlas file: Atlas.values frames, primary and secondary suppression --------
def test_modes_on_frames_from_a_real_atlas(tmp_path) -> None:
    from indicators import open_atlas
    from indicators.classification import NO_CLASS, classify
    from tests.atlas_factory import catalogue_row, value_rows, write_test_atlas

    values = value_rows("sgb2", 2023, {"0101": (10, 100), "0102": (20, 100),
                                       "0201": (3, 100), "0202": (40, 100)})
    values += value_rows("sgb2", 2024, {"0101": (25, 200), "0102": (36, 200),
                                        "0201": (30, 200), "0202": (40, 200)})
    atlas = open_atlas(write_test_atlas(tmp_path / "t.gpkg", [catalogue_row("sgb2")], values))
    sgb2 = atlas.indicator("sgb2")
    this, prev = atlas.values("sgb2", 2024), atlas.values("sgb2", 2023)
    # 2023: 0201 has 3 cases (< 5), so its sibling 0202 is suppressed as well
    result = compute_mode(CHANGE, this, sgb2, compare_frame=prev)
    change = by_id(result.frame)
    assert change["0101"] == pytest.approx(2.5)  # 10 % -> 12,5 %
    assert change["0102"] == pytest.approx(-2.0)  # 20 % -> 18 %
    assert by_id(result.frame, "suppressed") == {"0101": False, "0102": False,
                                                 "0201": True, "0202": True}
    assert by_id(result.frame, "reason")["0202"] == "secondary"
    assert result.n == 2
    ranks = by_id(compute_mode(RANK, prev, sgb2).frame)
    assert (ranks["0102"], ranks["0101"]) == (1, 2)
    assert math.isnan(ranks["0201"]) and math.isnan(ranks["0202"])
    classes = classify(prev["value"], "equal_interval", 3).classes
    assert classes[prev["suppressed"].to_numpy()].tolist() == [NO_CLASS, NO_CLASS]
