"""Importing a small hand-made city from every supported kind of source file."""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import pytest

from geodata.importer.cli import import_main
from geodata.importer.numbers import guess_decimal, normalise_keys, parse_numbers, parse_years
from geodata.importer.pipeline import run_import
from indicators import open_atlas
from indicators.atlas_file import read_atlas_layers
from tests.import_corpus.builders import STADTTEIL_NAMES, build_city


@pytest.fixture
def city(tmp_path):
    return build_city(tmp_path / "city")


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    """Imported once for the read-only tests of this module."""
    result = run_import(build_city(tmp_path_factory.mktemp("shared") / "city"))
    return open_atlas(result.path)


def value(atlas, indicator, year, key):
    frame = atlas.values(indicator, year).set_index("district_id")
    return frame.loc[key, "value"]


def test_districts_keep_string_keys_parents_and_cp1252_names(atlas):
    districts = atlas.districts("Stadtteil")
    assert list(districts["district_id"]) == ["001", "002", "003", "004"]
    assert list(districts["parent_id"]) == ["01", "01", "02", "02"]
    assert list(districts["name"]) == STADTTEIL_NAMES  # "–" and "ß" from a .dbf without .cpg
    assert atlas.levels == ["Stadtteil", "Stadtbezirk", "Gesamtstadt"]


def test_non_epsg_prj_is_honoured(atlas):
    # The Stadtteile come with false easting 2,500,000; read with their .prj they land
    # exactly on the Bezirke (GeoJSON, WGS84), all transformed to EPSG:25832.
    districts = atlas.districts("Stadtteil")
    assert districts.crs.to_epsg() == 25832
    assert districts.area.round().tolist() == [1_000_000.0] * 4
    assert districts.total_bounds[0] == pytest.approx(356_000, abs=0.01)


def test_wide_cp1252_csv_with_german_numbers_and_markers(atlas):
    assert value(atlas, "einwohner", 2022, "001") == 1200  # "1.200"
    assert value(atlas, "anteil_u6", 2022, "001") == pytest.approx(90 / 1200 * 100)
    assert value(atlas, "anteil_u6", 2022, "004") == pytest.approx(150 / 3000 * 100)  # "-" = 0
    assert math.isnan(value(atlas, "anteil_u6", 2022, "003"))  # "." and "x": unknown
    assert value(atlas, "sgb2_quote", 2022, "002") == pytest.approx(20.1)  # "20,1"


def test_long_utf8_bom_table_with_ignored_city_total(atlas):
    assert value(atlas, "sgb2_u15", 2023, "001") == pytest.approx(15.0)
    assert value(atlas, "sgb2_u15", 2023, "004") == pytest.approx(2.4)
    city_total = atlas.city_value("sgb2_u15", 2023)
    assert city_total["value"] == pytest.approx(167 / 1400 * 100)  # summed, never averaged


def test_excel_sheet_and_header_row(atlas):
    assert value(atlas, "sprachfoerderung", 2023, "002") == pytest.approx(30.0)
    assert math.isnan(value(atlas, "sprachfoerderung", 2023, "003"))  # "x" in a cell


def test_offer_counts_per_1000_children(atlas):
    assert atlas.years("kita_je_1000_u6") == [2023]
    assert value(atlas, "kita_je_1000_u6", 2023, "001") == pytest.approx(2 / 93 * 1000)
    assert value(atlas, "kita_je_1000_u6", 2023, "002") == pytest.approx(1 / 210 * 1000)


def test_offers_layer_has_mapped_categories(city):
    layers = read_atlas_layers(run_import(city).path)
    offers = layers.offers
    assert len(offers) == 8
    assert sorted(offers["category"].unique()) == ["Familienzentrum", "Kita"]
    assert offers.set_index("name").loc["Kita Weiße Rose", "provider"] == "Stadt"
    assert offers["capacity"].astype(float).tolist() == [45.0] * 8


def test_catalogue_from_recipe(atlas):
    catalogue = atlas.catalogue().set_index("indicator_id")
    assert catalogue.loc["sgb2_u15", "polarity"] == "higher_worse"  # from "mehr Bedarf"
    assert catalogue.loc["anteil_u6", "scale"] == 100
    assert catalogue.loc["kita_je_1000_u6", "scale"] == 1000
    assert catalogue.loc["einwohner", "denominator"] in ("", None)
    assert not catalogue.loc["anteil_u6", "public"]  # internal unless said otherwise


def test_report_lists_notes_and_outside_points(city):
    report = run_import(city).report
    text = report.render()
    assert not report.has_errors
    assert "1 von 7 Punkten liegen außerhalb" in text
    assert "Schlüsseln 000" in text
    assert "fertige Quote" in text


def test_second_import_bumps_version_and_keeps_backup(city):
    first = run_import(city)
    before = first.path.read_bytes()
    second = run_import(city)
    assert (first.version, second.version) == (1, 2)
    assert second.backup == first.path.with_name("atlas.gpkg.bak-1")
    assert second.backup.read_bytes() == before
    assert open_atlas(second.path).version == "2"


def test_progress_is_reported_in_order(city):
    seen = []
    run_import(city, lambda fraction, message: seen.append((fraction, message)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert any("bevoelkerung.csv" in m for _, m in seen)


def test_geographic_levels_are_transformed_to_utm(tmp_path):
    from tests.import_corpus.builders import write_bezirke, write_kitas_csv
    write_bezirke(tmp_path)
    write_kitas_csv(tmp_path / "kitas.csv")
    (tmp_path / "r.toml").write_text("""
[atlas]
name = "Nur Bezirke"
output = "a.gpkg"
[[levels]]
name = "Stadtbezirk"
file = "bezirke.geojson"
key = "BEZ_ID"
[[offers]]
file = "kitas.csv"
lat = "Breite"
lon = "Länge"
category = "Kita"
[offer_counts]
alle = ["*"]
[[indicators]]
id = "angebote"
name = "Angebote"
unit = "Anzahl"
numerator = "alle"
min_count = 0
""", encoding="utf-8")
    result = run_import(tmp_path / "r.toml")
    atlas = open_atlas(result.path)
    districts = atlas.districts("Stadtbezirk")
    assert districts.crs.to_epsg() == 25832
    assert districts.area.tolist() == pytest.approx([2_000_000, 2_000_000], rel=1e-4)
    year = atlas.years("angebote")[0]
    assert atlas.values("angebote", year)["value"].tolist() == [4, 3]
    assert "EPSG:25832" in result.report.render()


def test_cli_import_prints_report_and_exit_code(city, capsys):
    assert import_main([str(city), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Atlas „Teststadt“ Version 1 geschrieben" in out
    assert import_main([str(city.with_name("fehlt.toml")), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "Die Rezeptdatei wurde nicht gefunden" in out and "Traceback" not in out


def test_cli_progress_bar_on_stderr(city, capsys):
    assert import_main([str(city)]) == 0
    err = capsys.readouterr().err
    assert "100 %" in err and "[####" in err


def test_cli_output_option(city, tmp_path, capsys):
    target = tmp_path / "anders.gpkg"
    assert import_main([str(city), "--quiet", "--output", str(target)]) == 0
    assert target.exists() and not (city.parent / "atlas.gpkg").exists()


def test_cli_usage_error_is_german(capsys):
    assert import_main([]) == 1
    assert "Aufruf fehlerhaft" in capsys.readouterr().err


# --- number, key and year conversion --------------------------------------------------
@pytest.mark.parametrize(("cells", "decimal", "expected"), [
    (["1.234,5", "12,0", "7"], ",", [1234.5, 12.0, 7.0]),
    (["1234.5", "0.25", "1,000"], ".", [1234.5, 0.25, 1000.0]),
    (["12,5 %", "-", "."], ",", [12.5, 0.0, float("nan")]),
])
def test_parse_numbers(cells, decimal, expected):
    values, bad, _ = parse_numbers(pd.Series(cells, dtype="str"), decimal)
    assert not bad.any()
    assert values.tolist() == pytest.approx(expected, nan_ok=True)


def test_parse_numbers_flags_text():
    _, bad, markers = parse_numbers(pd.Series(["12", "zwölf", "x", "…"]), ",")
    assert bad.tolist() == [False, True, False, False]
    assert markers == 2


@pytest.mark.parametrize(("cells", "delimiter", "decimal", "ambiguous"), [
    (["1.234,5", "3"], ",", ",", False),
    (["1023101.0", "17.5"], ",", ".", False),
    (["1.200", "3.000"], ";", ",", True),
    (["1.200"], ",", ".", True),
    (["1,5", "2.25"], ";", None, False),
])
def test_guess_decimal(cells, delimiter, decimal, ambiguous):
    guess = guess_decimal(pd.Series(cells, dtype="str"), delimiter)
    assert guess.decimal == decimal
    assert bool(guess.ambiguous) == ambiguous


def test_keys_keep_leading_zeros_and_pad():
    keys = normalise_keys(pd.Series(["001", " 12 ", 7.0, "A1"], dtype="object"), zfill=3)
    assert keys.tolist() == ["001", "012", "007", "A1"]


def test_years_from_various_formats():
    import datetime as dt
    years, bad = parse_years(pd.Series(["2012", 2013.0, "31.12.2014", dt.date(2015, 1, 1),
                                        "2016-06-30", "zwanzig"], dtype="object"))
    assert years[:5].tolist() == [2012, 2013, 2014, 2015, 2016]
    assert bad.tolist() == [False] * 5 + [True]


def test_districts_written_as_geopackage(city):
    frame = gpd.read_file(run_import(city).path, layer="districts")
    assert frame["district_id"].tolist()[:2] == ["01", "02"]


def test_offers_from_excel_with_easting_northing(city):
    from openpyxl import Workbook

    from tests.import_corpus.builders import square
    book = Workbook()
    sheet = book.active
    sheet.append(["Nr", "Bezeichnung", "Rechtswert", "Hochwert", "Typ"])
    for number, index in enumerate([0, 0, 1, 3], start=1):
        x, y = square(index).centroid.coords[0]
        sheet.append([number, f"Treff {number}", x, y, "Jugendtreff"])
    book.save(city.parent / "treffs.xlsx")
    text = city.read_text(encoding="utf-8").replace("[offer_counts]", """[[offers]]
file = "treffs.xlsx"
x = "Rechtswert"
y = "Hochwert"
crs = "EPSG:25832"
id_column = "Nr"
name_column = "Bezeichnung"
category = "Jugendtreff"
phase = "Jugend"

[offer_counts]
treffs = ["Jugendtreff"]""")
    city.write_text(text + """
[[indicators]]
id = "treffs"
name = "Jugendtreffs"
unit = "Anzahl"
numerator = "treffs"
min_count = 0
""", encoding="utf-8")
    atlas = open_atlas(run_import(city).path)
    values = atlas.values("treffs", 2023).set_index("district_id")["value"]
    assert values.to_dict() == {"001": 2, "002": 1, "003": 0, "004": 1}
    offers = read_atlas_layers(atlas.path).offers
    assert "1" in set(offers["offer_id"])  # ids from Excel numbers, as text


def test_features_sharing_a_key_can_be_dissolved(tmp_path):
    from shapely.geometry import box

    from tests.import_corpus.builders import X0, Y0
    frame = gpd.GeoDataFrame({"NR": ["1", "1", "2"]},
                             geometry=[box(X0, Y0, X0 + 500, Y0 + 500),
                                       box(X0 + 800, Y0, X0 + 900, Y0 + 100),  # exclave
                                       box(X0 + 500, Y0, X0 + 800, Y0 + 500)], crs=25832)
    frame.to_file(tmp_path / "gebiete.gpkg")
    recipe = tmp_path / "r.toml"
    recipe.write_text("""
[atlas]
name = "Exklave"
output = "a.gpkg"
[[levels]]
name = "Gebiet"
file = "gebiete.gpkg"
key = "NR"
key_zfill = 2
dissolve_duplicates = true
[[tables]]
file = "werte.csv"
key = "NR"
year = 2024
[tables.series]
einwohner = "Einwohner"
[[indicators]]
id = "einwohner"
name = "Einwohner"
unit = "Anzahl"
numerator = "einwohner"
""", encoding="utf-8")
    (tmp_path / "werte.csv").write_text("NR;Einwohner\n01;1.500\n02;800\n", encoding="utf-8")
    result = run_import(recipe)
    atlas = open_atlas(result.path)
    districts = atlas.districts("Gebiet").set_index("district_id")
    assert districts.loc["01"].geometry.geom_type == "MultiPolygon"
    assert districts.loc["01"].geometry.area == pytest.approx(260_000)
    assert atlas.values("einwohner", 2024).set_index("district_id")["value"].to_dict() == {
        "01": 1500, "02": 800}
    assert "1 Teilflächen der Ebene „Gebiet“ wurden zu ihren Gebieten vereinigt" in (
        result.report.render())


def test_loose_shapefile_with_cp1252_dbf(city):
    text = city.read_text(encoding="utf-8").replace('file = "stadtteile.zip"',
                                                    'file = "shp/stadtteile.shp"')
    city.write_text(text, encoding="utf-8")
    assert not (city.parent / "shp" / "stadtteile.cpg").exists()
    atlas = open_atlas(run_import(city).path)
    assert list(atlas.districts("Stadtteil")["name"]) == STADTTEIL_NAMES
