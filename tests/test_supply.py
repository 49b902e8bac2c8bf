"""Supply indicators against hand-computed ratios on a 2×2 grid atlas.

    district  kinder_u6  kinder_u3  einwohner  Kita places        other offers
    0101        300        100        2000     70 + 50 = 120      Familienzentrum (0–10),
                                                                  Beratung (no ages)
    0102        150         60        1500     45                 –
    0201        200         80        1000     –                  –
    0202          3          1         400     20 (ages 3–6)      –

Kita-Plätze je 100 unter 6: 0101 120/300·100 = 40,0; 0102 45/150·100 = 30,0; 0201 0,0;
0202 suppressed (3 children < 5), 0201 then secondary. Bezirk 01: 165/450·100 = 36,67;
Bezirk 02: 20/203·100 = 9,85; Stadt: 185/653·100 = 28,33.
Angebote U3 je 1.000 unter 3 (ranges touching 0–2): 0101 Kita 1–6, FZ 0–10, Beratung
(no limit) = 3 → 3/100·1000 = 30,0; 0102 Kita 1–6 → 1/60·1000 = 16,67.
"""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.atlas import Atlas
from indicators.atlas_file import AtlasLayers
from indicators.supply import SUPPLY_INDICATORS, supply_values, with_supply_indicators
from indicators.texts import offers as texts
from tests.atlas_factory import catalogue_row, grid_districts
from tests.test_offers import make_offers

U6 = {"0101": 300, "0102": 150, "0201": 200, "0202": 3}
U3 = {"0101": 100, "0102": 60, "0201": 80, "0202": 1}
EINWOHNER = {"0101": 2000, "0102": 1500, "0201": 1000, "0202": 400}


def count_rows(indicator_id: str, counts: dict[str, int], years: tuple[int, ...]) -> list[dict]:
    return [{"indicator_id": indicator_id, "district_id": d, "year": y, "value": n,
             "numerator": n, "denominator": None} for y in years for d, n in counts.items()]


@pytest.fixture
def grid_atlas() -> Atlas:
    offers = make_offers([
        {"xy": (200, 200), "category": "Kita", "capacity": 70, "age_min": 1, "age_max": 6},
        {"xy": (800, 800), "category": "Kita", "capacity": 50, "age_min": 3, "age_max": 6},
        {"xy": (500, 500), "category": "Familienzentrum", "age_min": 0, "age_max": 10},
        {"xy": (600, 400), "category": "Beratungsstelle"},
        {"xy": (1500, 500), "category": "Kita", "capacity": 45, "age_min": 1, "age_max": 6},
        {"xy": (1500, 1500), "category": "Kita", "capacity": 20, "age_min": 3, "age_max": 6},
        {"xy": (-300, 500), "category": "Kita", "capacity": 999, "age_min": 0, "age_max": 6},
    ])
    count = {"unit": "Anzahl", "scale": 1, "denominator": "", "polarity": "neutral",
             "theme": "Demografie", "decimals": 0}
    catalogue = [catalogue_row("einwohner", **count), catalogue_row("kinder_u6", **count),
                 catalogue_row("kinder_u3", **count)]
    values = (count_rows("einwohner", EINWOHNER, (2023, 2024))
              + count_rows("kinder_u6", U6, (2023, 2024))
              + count_rows("kinder_u3", U3, (2024,)))
    layers = AtlasLayers(districts=grid_districts(2, 2), offers=offers,
                         catalogue=pd.DataFrame(catalogue), values=pd.DataFrame(values),
                         meta={"name": "Teststadt", "version": "3", "data_date": "31.12.2024",
                               "population_indicator": "einwohner"})
    return Atlas(layers)


def raw(values: pd.DataFrame, indicator_id: str, year: int = 2024) -> pd.DataFrame:
    rows = values[(values["indicator_id"] == indicator_id) & (values["year"] == year)]
    return rows.set_index("district_id")


def test_supply_values_match_hand_computed_ratios(grid_atlas):
    catalogue, values = supply_values(grid_atlas, 2024)
    kita = raw(values, "kita_plaetze_je_100_u6")
    assert kita["numerator"].to_dict() == {"0101": 120.0, "0102": 45.0, "0201": 0.0,
                                           "0202": 20.0}
    assert kita["denominator"].to_dict() == {"0101": 300.0, "0102": 150.0, "0201": 200.0,
                                             "0202": 3.0}
    assert kita.loc["0101", "value"] == pytest.approx(40.0)
    assert kita.loc["0102", "value"] == pytest.approx(30.0)
    assert kita.loc["0201", "value"] == 0.0
    u3 = raw(values, "angebote_u3_je_1000")
    assert u3["numerator"].to_dict() == {"0101": 3.0, "0102": 1.0, "0201": 0.0, "0202": 0.0}
    assert u3.loc["0101", "value"] == pytest.approx(30.0)
    assert u3.loc["0102", "value"] == pytest.approx(1000 / 60)
    fz = raw(values, "familienzentren_je_1000_u6")
    assert fz.loc["0101", "value"] == pytest.approx(1000 / 300)
    assert list(values.columns) == ["indicator_id", "district_id", "year", "value",
                                    "numerator", "denominator"]
    row = catalogue.set_index("indicator_id").loc["kita_plaetze_je_100_u6"]
    assert (row["theme"], row["unit"], row["polarity"], row["min_count"], row["scale"]) == (
        texts.THEME_SUPPLY, texts.UNIT_PER_100, "higher_better", 0, 100)
    assert "Angebotsliste" in row["source"] and "31.12.2024" in row["source"]


def test_only_years_with_a_denominator(grid_atlas):
    catalogue, values = supply_values(grid_atlas, 2023)
    assert set(catalogue["indicator_id"]) == {"kita_plaetze_je_100_u6",
                                              "familienzentren_je_1000_u6"}
    assert set(values["year"]) == {2023}
    catalogue, values = supply_values(grid_atlas, 2019)
    assert catalogue.empty and values.empty


def test_atlas_with_supply_aggregates_and_suppresses(grid_atlas):
    atlas = with_supply_indicators(grid_atlas)
    assert atlas.years("kita_plaetze_je_100_u6") == [2023, 2024]
    assert atlas.years("angebote_u3_je_1000") == [2024]
    base = atlas.values("kita_plaetze_je_100_u6", 2024).set_index("district_id")
    assert base.loc["0101", "value"] == pytest.approx(40.0)
    assert base.loc["0102", "value"] == pytest.approx(30.0)
    # 3 children: the ratio would reveal them (places are public) -> suppressed ...
    assert base.loc["0202", "suppressed"]
    assert base.loc["0202", "label"] == texts.SUPPRESSED_FEW_CHILDREN.format(min_count=5)
    # ... and its sibling too, else Bezirk 02 minus 0201 gives 0202's children
    assert base.loc["0201", "suppressed"] and base.loc["0201", "reason"] == "secondary"
    assert base["value"].isna().tolist() == [False, False, True, True]
    bezirk = atlas.values("kita_plaetze_je_100_u6", 2024, "Stadtbezirk").set_index(
        "district_id")
    assert bezirk.loc["01", "value"] == pytest.approx(165 / 450 * 100)
    assert bezirk.loc["02", "value"] == pytest.approx(20 / 203 * 100)
    city = atlas.city_value("kita_plaetze_je_100_u6", 2024)
    assert city["value"] == pytest.approx(185 / 653 * 100)


def test_offer_counts_are_not_suppressed_by_the_count_rule(grid_atlas):
    atlas = with_supply_indicators(grid_atlas)
    fz = atlas.values("familienzentren_je_1000_u6", 2024).set_index("district_id")
    assert not fz.loc["0102", "suppressed"]  # 0 Familienzentren is shown as 0
    assert fz.loc["0102", "value"] == 0.0
    assert atlas.indicator("familienzentren_je_1000_u6").min_count == 0


def test_population_rule_still_applies(grid_atlas):
    layers = grid_atlas._layers
    small = layers.values.copy()
    small.loc[(small["indicator_id"] == "einwohner") & (small["district_id"] == "0102"),
              ["value", "numerator"]] = 250
    atlas = with_supply_indicators(Atlas(AtlasLayers(
        layers.districts, layers.offers, layers.catalogue, small, layers.meta)))
    row = atlas.values("kita_plaetze_je_100_u6", 2024).set_index("district_id").loc["0102"]
    assert row["suppressed"] and row["reason"] == "population"


def test_new_atlas_leaves_the_original_alone_and_is_idempotent(grid_atlas):
    atlas = with_supply_indicators(grid_atlas)
    assert atlas is not grid_atlas
    assert len(grid_atlas.catalogue()) == 3
    assert len(atlas.catalogue()) == 3 + len(SUPPLY_INDICATORS)
    assert atlas.version == "3+versorgung" and atlas.cache_key != grid_atlas.cache_key
    twice = with_supply_indicators(atlas)
    assert len(twice.catalogue()) == len(atlas.catalogue())
    assert twice.version == "3+versorgung"
    assert len(twice._layers.values) == len(atlas._layers.values)


def test_demo_kita_places_match_the_generator(demo_atlas):
    """The demo's stored Kita places (data date 2024) come from the same offers."""
    _, values = supply_values(demo_atlas, 2024)
    derived = raw(values, "kita_plaetze_je_100_u6")
    stored = raw(demo_atlas._layers.values, "kitaplaetze").reindex(derived.index)
    assert (derived["numerator"] == stored["numerator"]).all()
    assert (derived["denominator"] == stored["denominator"]).all()
    assert len(derived) == len(demo_atlas.districts())
