"""Importing the real open data of Köln (../shared/data/koeln) with tests/import_corpus/koeln.toml.

Skipped with a message where that folder is absent; nothing of it is shipped.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from geodata.importer.pipeline import run_import
from indicators import open_atlas

KOELN = Path(__file__).resolve().parents[2] / "shared" / "data" / "koeln"
RECIPE = Path(__file__).resolve().parent / "import_corpus" / "koeln.toml"

pytestmark = pytest.mark.skipif(
    not (KOELN / "Stadtteil.shp").exists(),
    reason=f"Köln-Daten nicht vorhanden ({KOELN}); Test übersprungen.",
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    target = tmp_path_factory.mktemp("koeln") / "koeln.gpkg"
    started = time.perf_counter()
    result = run_import(RECIPE, output=target)
    return result, open_atlas(target), time.perf_counter() - started


@pytest.fixture(scope="module")
def population():
    frame = pd.read_csv(KOELN / "bevoelkerung.csv", dtype=str)
    frame["zahl"] = frame["zahl"].astype(float)
    return frame


def csv_value(population, raum_id, year, tab_id, zeile):
    rows = population[(population["raum_id"] == raum_id) & (population["jahr"] == str(year))
                      & (population["tab_id"] == tab_id) & (population["zeile"] == zeile)]
    assert len(rows) == 1
    return rows["zahl"].iloc[0]


def test_import_is_fast_and_clean(imported):
    result, _, seconds = imported
    assert not result.report.has_errors
    assert seconds < 5


def test_86_stadtteile_with_string_keys_in_9_bezirke(imported):
    _, atlas, _ = imported
    stadtteile = atlas.districts("Stadtteil")
    bezirke = atlas.districts("Stadtbezirk")
    assert len(stadtteile) == 86 and len(bezirke) == 9
    assert "101" in set(stadtteile["district_id"])
    assert stadtteile["district_id"].map(type).eq(str).all()
    assert sorted(bezirke["district_id"]) == [f"00{i}" for i in range(1, 10)]
    # Stadtteil numbers start with their Bezirk's number: 101 -> 001, 909 -> 009
    expected = "00" + stadtteile["district_id"].str[0]
    assert (stadtteile["parent_id"] == expected).all()


def test_crs_without_epsg_code_is_kept(imported):
    _, atlas, _ = imported
    crs = atlas.districts().crs
    assert crs.to_epsg() is None
    params = {p.name: p.value for p in crs.coordinate_operation.params}
    assert params["False easting"] == 2_500_000
    assert atlas.districts().total_bounds[0] == pytest.approx(2_343_914.68, abs=1)


def test_einwohner_of_a_stadtteil_matches_csv(imported, population):
    _, atlas, _ = imported
    frame = atlas.values("einwohner", 2012).set_index("district_id")
    assert frame.loc["101", "value"] == csv_value(population, "101", 2012, "005", "Einwohner")
    assert atlas.years("einwohner") == list(range(2005, 2013))


def test_bezirk_values_come_from_the_table(imported, population):
    _, atlas, _ = imported
    frame = atlas.values("einwohner", 2010, "Stadtbezirk").set_index("district_id")
    assert frame.loc["001", "value"] == csv_value(population, "001", 2010, "005", "Einwohner")


@pytest.mark.parametrize("key", ["101", "505", "909"])
def test_share_of_children_under_6(imported, population, key):
    _, atlas, _ = imported
    under3 = csv_value(population, key, 2012, "020", "00 - < 03")
    from3 = csv_value(population, key, 2012, "020", "03 - < 06")
    total = csv_value(population, key, 2012, "005", "Einwohner")
    frame = atlas.values("anteil_u6", 2012).set_index("district_id")
    assert frame.loc[key, "value"] == pytest.approx((under3 + from3) / total * 100)
    assert frame.loc[key, "numerator"] == under3 + from3


def test_kita_points_per_1000_children_under_6(imported, population):
    _, atlas, _ = imported
    frame = atlas.values("kita_je_1000_u6", 2012).set_index("district_id")
    row = frame.loc["101"]
    children = (csv_value(population, "101", 2012, "020", "00 - < 03")
                + csv_value(population, "101", 2012, "020", "03 - < 06"))
    assert row["denominator"] == children
    assert row["value"] == pytest.approx(row["numerator"] / children * 1000)
    assert frame["numerator"].sum() == 132  # Kita points inside a Stadtteil


def test_points_outside_every_stadtteil_are_reported(imported):
    result, _, _ = imported
    text = result.report.render()
    assert "114 von 246 Punkten liegen außerhalb jedes Gebiets der Ebene „Stadtteil“" in text


def test_repaired_geometry_and_slivers_are_reported(imported):
    result, _, _ = imported
    text = result.report.render()
    assert "ungültige Geometrien wurden repariert (202: Ring Self-intersection)" in text
    assert "Überlappungen zwischen Nachbargebieten" in text
