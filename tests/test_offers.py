"""Offer filters and the offers-per-district join, against a hand-built 2×2 grid.

Grid (tests/atlas_factory.py, 1 km squares at X0, Y0):

    0201 | 0202        y = Y0 + 1000 .. Y0 + 2000
    -----+-----
    0101 | 0102        y = Y0 .. Y0 + 1000

Tie rule: a point on a shared border goes to the touching district with the smallest id.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geodata.offers import (
    OfferError,
    OfferFilter,
    filter_offers,
    filter_options,
    offers_in,
    offers_per_district,
)
from indicators.atlas_file import OFFER_COLUMNS
from indicators.texts import offers as texts
from tests.atlas_factory import X0, Y0, grid_districts


def base_grid() -> gpd.GeoDataFrame:
    grid = grid_districts(2, 2)
    return grid[grid["level"] == "Sozialraum"].reset_index(drop=True)


def make_offers(rows: list[dict], crs: int = 25832) -> gpd.GeoDataFrame:
    """Offers with every OFFER_COLUMN; ``xy`` is relative to (X0, Y0), None = no location."""
    records = []
    for i, row in enumerate(rows):
        record = {c: None for c in OFFER_COLUMNS}
        record.update(offer_id=f"T{i + 1:02d}", name=f"Angebot {i + 1}", category="Kita",
                      phase="Kita", provider="Träger", provider_type="frei", capacity=None,
                      age_min=None, age_max=None, target_group="Kinder", address="Weg 1",
                      languages="Deutsch")
        record.update({k: v for k, v in row.items() if k != "xy"})
        xy = row.get("xy")
        record["geometry"] = shapely.Point(X0 + xy[0], Y0 + xy[1]) if xy else None
        records.append(record)
    return gpd.GeoDataFrame(records, columns=[*OFFER_COLUMNS, "geometry"], geometry="geometry",
                            crs=crs)


JOIN_CASE = [
    {"offer_id": "A", "xy": (500, 500), "capacity": 50},      # inside 0101
    {"offer_id": "B", "xy": (1500, 1500), "capacity": 80},    # inside 0202
    {"offer_id": "C", "xy": (1000, 300), "capacity": 20},     # border 0101|0102 -> 0101
    {"offer_id": "D", "xy": (1000, 1000), "capacity": 10},    # corner of all 4 -> 0101
    {"offer_id": "E", "xy": (1500, 1000)},                    # border 0102|0202 -> 0102
    {"offer_id": "F", "xy": (-500, 500), "capacity": 99},     # outside every district
    {"offer_id": "G", "xy": None, "capacity": 7},             # no coordinates
    {"offer_id": "H", "xy": (0, 1500), "capacity": 5},        # outer edge of 0201
]


def test_join_counts_each_offer_once_with_the_tie_rule():
    result = offers_per_district(make_offers(JOIN_CASE), base_grid())
    table = result.per_district.set_index("district_id")
    assert table["offers"].to_dict() == {"0101": 3, "0102": 1, "0201": 1, "0202": 1}
    assert table["capacity"].to_dict() == {"0101": 80.0, "0102": 0.0, "0201": 5.0,
                                           "0202": 80.0}
    assert table["offers"].sum() + len(result.outside) == len(JOIN_CASE)
    assert result.assignment.tolist() == ["0101", "0202", "0101", "0101", "0102", None, None,
                                          "0201"]


def test_offers_outside_are_reported_with_reason():
    result = offers_per_district(make_offers(JOIN_CASE), base_grid())
    outside = result.outside.set_index("offer_id")
    assert list(outside.index) == ["F", "G"]
    assert outside.loc["F", "reason"] == texts.OUTSIDE_NO_DISTRICT
    assert outside.loc["G", "reason"] == texts.OUTSIDE_NO_LOCATION
    assert outside.loc["F", "name"] == "Angebot 6"
    assert result.message == texts.OUTSIDE_SUMMARY.format(count=2)


def test_districts_without_offers_get_zero_not_missing():
    result = offers_per_district(make_offers([{"xy": (500, 500), "capacity": 3}]), base_grid())
    assert result.per_district["offers"].tolist() == [1, 0, 0, 0]
    assert result.per_district["capacity"].tolist() == [3.0, 0.0, 0.0, 0.0]
    assert result.per_district["offers"].dtype == np.int64
    assert result.message == ""
    empty = offers_per_district(make_offers([]), base_grid())
    assert empty.per_district["offers"].tolist() == [0, 0, 0, 0]


def test_tie_rule_does_not_depend_on_row_order():
    offers = make_offers(JOIN_CASE)
    districts = base_grid()
    expected = offers_per_district(offers, districts).per_district
    shuffled = offers_per_district(offers.iloc[::-1], districts.iloc[[3, 1, 2, 0]])
    again = shuffled.per_district.set_index("district_id").loc[expected["district_id"]]
    assert again["offers"].tolist() == expected["offers"].tolist()
    assert shuffled.assignment.loc[offers.index].tolist() == \
        offers_per_district(offers, districts).assignment.tolist()


def test_offers_in_another_crs_are_transformed():
    offers = make_offers(JOIN_CASE[:2]).to_crs(4326)
    result = offers_per_district(offers, base_grid())
    assert result.per_district["offers"].tolist() == [1, 0, 0, 1]


def test_offers_in_selected_districts_carry_their_district():
    table = offers_in(make_offers(JOIN_CASE), base_grid(), ["0102", "0101"])
    assert table["offer_id"].tolist() == ["A", "C", "D", "E"]  # districts' order, then name
    assert table["district_id"].tolist() == ["0101", "0101", "0101", "0102"]
    assert table["district_name"].iloc[-1] == "Gebiet 1-2"
    with pytest.raises(OfferError, match="Unbekannte Gebiete: 9999"):
        offers_in(make_offers(JOIN_CASE), base_grid(), ["9999"])


# --- filters ------------------------------------------------------------------------
FILTER_CASE = [
    {"offer_id": "kita", "category": "Kita", "phase": "Kita", "provider_type": "öffentlich",
     "age_min": 1, "age_max": 6, "target_group": "Kinder", "name": "Städtische Kita Süd"},
    {"offer_id": "gs", "category": "Grundschule", "phase": "Grundschule",
     "provider_type": "öffentlich", "age_min": 6, "age_max": 10, "name": "Lindenschule",
     "address": "Große Straße 3"},
    {"offer_id": "fz", "category": "Familienzentrum", "phase": "übergreifend",
     "provider_type": "frei", "age_min": 0, "age_max": 10, "target_group": "Familien",
     "provider": "AWO", "languages": "Deutsch, Türkisch"},
    {"offer_id": "ber", "category": "Beratungsstelle", "phase": "übergreifend",
     "provider_type": "frei", "target_group": "Eltern", "name": "Erziehungsberatung"},
    {"offer_id": "baby", "category": "Frühe Hilfen", "phase": "rund um die Geburt",
     "provider_type": "frei", "age_min": 0, "age_max": 1, "target_group": "Eltern mit Babys",
     "name": "Babytreff ÖSTLICH"},
]


def ids(f: OfferFilter) -> list[str]:
    return filter_offers(make_offers(FILTER_CASE), f)["offer_id"].tolist()


@pytest.mark.parametrize(("f", "expected"), [
    (OfferFilter(), ["kita", "gs", "fz", "ber", "baby"]),
    (OfferFilter(phases=["übergreifend"]), ["fz", "ber"]),
    (OfferFilter(categories=("Kita", "Grundschule")), ["kita", "gs"]),
    (OfferFilter(provider_types="öffentlich"), ["kita", "gs"]),
    (OfferFilter(target_groups=("Eltern", "Eltern mit Babys")), ["ber", "baby"]),
    # age: [age_min, age_max] inclusive; missing bounds (ber) mean "no limit"
    (OfferFilter(age=4), ["kita", "fz", "ber"]),
    (OfferFilter(age=6), ["kita", "gs", "fz", "ber"]),
    (OfferFilter(age=(0, 0)), ["fz", "ber", "baby"]),
    (OfferFilter(age=(11, 14)), ["ber"]),
])
def test_each_filter_field(f, expected):
    assert ids(f) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("süd", ["kita"]),
    ("SÜD", ["kita"]),
    ("östlich", ["baby"]),           # ÖSTLICH in the name
    ("strasse", ["gs"]),             # ß folds to ss
    ("türk", ["fz"]),                # languages
    ("awo familienzentrum", ["fz"]),  # provider and category, both words must occur
    ("awo kita", []),
    ("  ", ["kita", "gs", "fz", "ber", "baby"]),
])
def test_text_search_is_case_insensitive_with_umlauts(text, expected):
    assert ids(OfferFilter(text=text)) == expected


def test_combined_filter_is_the_intersection():
    f = OfferFilter(provider_types=("frei",), age=0, text="e")
    assert ids(f) == ["fz", "ber", "baby"]
    assert ids(OfferFilter(provider_types=("frei",), phases=("übergreifend",), age=5)) == \
        ["fz", "ber"]
    assert OfferFilter(categories=["Kita"]) == OfferFilter(categories=("Kita",))
    assert hash(OfferFilter(categories=["Kita"], age=3)) == hash(
        OfferFilter(categories=("Kita",), age=(3, 3)))


@pytest.mark.parametrize("age", [-1, (5, 2), "vier", (1, 2, 3), True])
def test_invalid_age_is_rejected(age):
    with pytest.raises(OfferError, match="Ungültige Altersangabe"):
        OfferFilter(age=age)


def test_filter_options_sorted_the_german_way():
    offers = make_offers([*FILTER_CASE, {"category": "Ärztliche Beratung", "phase": "Jugend"}])
    options = filter_options(offers)
    assert options["categories"] == ["Ärztliche Beratung", "Beratungsstelle",
                                     "Familienzentrum", "Frühe Hilfen", "Grundschule", "Kita"]
    assert options["phases"] == ["rund um die Geburt", "Kita", "Grundschule", "Jugend",
                                 "übergreifend"]
    assert options["provider_types"] == ["frei", "öffentlich"]
    assert options["ages"] == (0, 10)


def test_demo_offers_all_lie_in_a_district(demo_atlas):
    offers = demo_atlas._layers.offers
    result = offers_per_district(offers, demo_atlas.districts())
    assert int(result.per_district["offers"].sum()) == len(offers) == 256
    assert result.outside.empty
