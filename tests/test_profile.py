"""Steckbrief: deviations and assessment by polarity, worked out by hand.

Uses the tiny atlas of ``test_comparison`` (its module doc lists the counts). Kita-Quote
2024 (higher_better): 0101–0103 50 %, 0201 80 %, 0202 80 %, 0203 70 %; city
635 / 950 = 66,842 %. Standard deviation of the six values (ddof=1): mean 63,33,
squares 3·13,33² + 2·16,67² + 6,67² = 1.133,3, / 5 = 226,7, sd = 15,06; half of it
7,53 > 5 % of the city (3,34), so the tolerance is 7,53 percentage points.
"""

from __future__ import annotations

import math

import pytest

from indicators.catalogue import HIGHER_BETTER, HIGHER_WORSE, NEUTRAL
from indicators.comparison import ComparisonError
from indicators.profile import (
    ASSESSMENT_COLORS,
    PROFILE_COLUMNS,
    assess,
    district_profile,
    profiles_side_by_side,
)
from tests.test_comparison import SECONDARY_LABEL, build_atlas

NBSP = "\u00a0"
MINUS = "\u2212"
CITY_KITA = 635 / 950 * 100
CITY_QUOTE = 167 / 950 * 100


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return build_atlas(tmp_path_factory.mktemp("profile") / "klein.gpkg")


def row(profile, indicator_id):
    return profile.set_index("indicator_id").loc[indicator_id]


def test_profile_lists_public_indicators_in_catalogue_order(atlas) -> None:
    profile = district_profile(atlas, "0101", 2024)
    assert list(profile.columns) == PROFILE_COLUMNS
    assert list(profile["indicator_id"]) == ["quote", "kita", "people"]
    internal = district_profile(atlas, "0101", 2024, public_only=False)
    assert list(internal["indicator_id"]) == ["quote", "kita", "people", "intern"]


def test_higher_better_below_the_city_is_worse_above_is_better(atlas) -> None:
    low = row(district_profile(atlas, "0101", 2024), "kita")
    assert low["value"] == pytest.approx(50.0)
    assert low["city_value"] == pytest.approx(CITY_KITA)
    assert low["deviation"] == pytest.approx(50.0 - CITY_KITA)  # −16,84
    assert low["deviation_text"] == f"{MINUS}16,8{NBSP}Prozentpunkte"
    assert low["assessment"] == "schlechter"
    assert low["color"] == ASSESSMENT_COLORS["schlechter"]
    assert (low["min"], low["max"]) == (pytest.approx(50.0), pytest.approx(80.0))
    high = row(district_profile(atlas, "0201", 2024), "kita")
    assert high["deviation"] == pytest.approx(80.0 - CITY_KITA)  # +13,16
    assert high["deviation_text"] == f"+13,2{NBSP}Prozentpunkte"
    assert high["assessment"] == "besser"
    # 70 − 66,84 = 3,16 < 7,53 (half a standard deviation): similar.
    assert row(district_profile(atlas, "0203", 2024), "kita")["assessment"] == "ähnlich"


def test_higher_worse_above_the_city_is_worse(atlas) -> None:
    quote = row(district_profile(atlas, "0203", 2024), "quote")
    # Shown values 15, 20, 15, 30 (0101, 0103 suppressed): sd 7,07, tolerance 3,54;
    # 30 − 17,58 = 12,42 above the city.
    assert quote["deviation"] == pytest.approx(30.0 - CITY_QUOTE)
    assert quote["assessment"] == "schlechter"
    assert (quote["min"], quote["max"]) == (pytest.approx(15.0), pytest.approx(30.0))
    # 15 − 17,58 = −2,58, within 3,54: similar.
    assert row(district_profile(atlas, "0102", 2024), "quote")["assessment"] == "ähnlich"


def test_suppressed_neutral_and_missing_rows(atlas) -> None:
    profile = district_profile(atlas, "0101", 2024)
    quote = row(profile, "quote")
    assert quote["suppressed"] and math.isnan(quote["value"]) and math.isnan(quote["deviation"])
    assert quote["text"] == quote["label"] == SECONDARY_LABEL
    assert quote["assessment"] == "Datenschutz"
    people = row(profile, "people")
    assert people["assessment"] == "ohne Wertung"
    assert people["city_value"] == pytest.approx(21000 / 6)  # mean per Sozialraum
    assert people["deviation_text"] == f"{MINUS}2.500"
    kita_2023 = row(district_profile(atlas, "0101", 2023), "kita")  # no Kita values in 2023
    assert kita_2023["assessment"] == "keine Daten" and math.isnan(kita_2023["value"])


def test_trend_has_nan_for_suppressed_years(atlas) -> None:
    trend = row(district_profile(atlas, "0103", 2024), "quote")["trend"]
    assert [year for year, _ in trend] == [2023, 2024]
    assert trend[0][1] == pytest.approx(16.0)  # 8 / 50
    assert math.isnan(trend[1][1])


def test_bezirk_profile_uses_bezirk_values_and_ranges(atlas) -> None:
    quote = row(district_profile(atlas, "01", 2024), "quote")
    # Bezirk 01: 42 / 350 = 12 %; Bezirk 02: 125 / 600 = 20,83 %; sd = 8,83 / √2 = 6,25.
    assert quote["value"] == pytest.approx(12.0)
    assert quote["min"] == pytest.approx(12.0)
    assert quote["max"] == pytest.approx(125 / 600 * 100)
    assert quote["assessment"] == "besser"  # −5,58, beyond 3,12
    assert row(district_profile(atlas, "01", 2024), "kita")["text"] == f"50,0{NBSP}%"


@pytest.mark.parametrize(
    ("value", "city", "sd", "polarity", "expected"),
    [
        (110, 100, 30, HIGHER_WORSE, "ähnlich"),  # 10 < 15 (half sd)
        (110, 100, 10, HIGHER_WORSE, "schlechter"),  # tolerance max(5, 5) = 5
        (90, 100, 10, HIGHER_WORSE, "besser"),
        (104, 100, 2, HIGHER_BETTER, "ähnlich"),  # 4 < 5 (5 % of the city)
        (90, 100, 2, HIGHER_BETTER, "schlechter"),
        (90, 100, float("nan"), HIGHER_BETTER, "schlechter"),  # no sd: 5 % rule alone
        (150, 100, 2, NEUTRAL, "ohne Wertung"),
        (float("nan"), 100, 2, HIGHER_WORSE, "keine Daten"),
        (120, float("nan"), 2, HIGHER_WORSE, "keine Daten"),
    ],
)
def test_assessment_rule(value, city, sd, polarity, expected) -> None:
    assert assess(value, city, sd, polarity) == expected


def test_assess_suppressed_wins() -> None:
    assert assess(float("nan"), 100, 2, HIGHER_WORSE, suppressed=True) == "Datenschutz"


def test_side_by_side_groups_by_indicator_and_refuses_more_than_five(atlas) -> None:
    frame = profiles_side_by_side(atlas, ["0201", "0101"], 2024, "Sozialraum")
    assert list(frame["district_id"][:4]) == ["0201", "0101", "0201", "0101"]
    assert list(frame["indicator_id"][:4]) == ["quote", "quote", "kita", "kita"]
    assert list(frame["district_name"][:2]) == ["Gebiet 2-1", "Gebiet 1-1"]
    six = ["0101", "0102", "0103", "0201", "0202", "0203"]
    with pytest.raises(ComparisonError, match=r"höchstens 5 Gebiete nebeneinander.*nicht 6"):
        profiles_side_by_side(atlas, six, 2024, "Sozialraum")
    with pytest.raises(ComparisonError, match="mindestens ein Gebiet"):
        profiles_side_by_side(atlas, [], 2024)


def test_suppressed_values_never_leak_into_profiles(demo_atlas) -> None:
    for district_id in demo_atlas.districts("Sozialraum")["district_id"]:
        profile = district_profile(demo_atlas, district_id, 2024, public_only=False)
        hidden = profile[profile["suppressed"]]
        assert hidden[["value", "deviation"]].isna().all().all()
        assert (hidden["text"] == hidden["label"]).all()
        assert (hidden["assessment"] == "Datenschutz").all()
        for item in profile.itertuples():
            for year, value in item.trend:
                truth = demo_atlas.values(item.indicator_id, year, "Sozialraum")
                shown = truth.loc[truth["district_id"] == district_id].iloc[0]
                if shown["suppressed"]:
                    assert math.isnan(value)
                else:
                    assert value == pytest.approx(shown["value"], nan_ok=True)
