"""``check_atlas``: a freshly imported atlas is clean; tampered atlases are reported."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from shapely.geometry import Polygon

from geodata.importer.check import check_atlas
from geodata.importer.cli import check_main
from geodata.importer.pipeline import run_import
from indicators.atlas_file import read_atlas_layers, write_atlas_layers
from tests.import_corpus.builders import build_city


@pytest.fixture(scope="module")
def atlas_path(tmp_path_factory):
    return run_import(build_city(tmp_path_factory.mktemp("check") / "city")).path


def tampered(atlas_path, tmp_path, change):
    layers = read_atlas_layers(atlas_path)
    layers = change(layers)
    return write_atlas_layers(tmp_path / "kaputt.gpkg", layers)


def test_imported_atlas_is_clean(atlas_path, capsys):
    report = check_atlas(atlas_path)
    assert not report.problems, report.render()
    assert check_main([str(atlas_path)]) == 0
    assert "ist in Ordnung" in capsys.readouterr().out


def with_districts(layers, districts):
    return dataclasses.replace(layers, districts=districts)


def with_values(layers, values):
    return dataclasses.replace(layers, values=values)


def with_catalogue(layers, catalogue):
    return dataclasses.replace(layers, catalogue=catalogue)


def duplicate_district(layers):
    districts = layers.districts.copy()
    districts.loc[districts["district_id"] == "002", "district_id"] = "001"
    return with_districts(layers, districts)


def unknown_parent(layers):
    districts = layers.districts.copy()
    districts.loc[districts["district_id"] == "004", "parent_id"] = "99"
    return with_districts(layers, districts)


def bow_tie(layers):
    districts = layers.districts.copy()
    x, y = districts.geometry.iloc[2].bounds[:2]
    shape = Polygon([(x, y), (x + 1000, y + 1000), (x + 1000, y), (x, y + 1000)])
    districts.loc[2, "geometry"] = shape
    return with_districts(layers, districts)


def wrong_value(layers):
    values = layers.values.copy()
    pick = ((values["indicator_id"] == "anteil_u6") & (values["district_id"] == "001")
            & (values["year"] == 2022))
    values.loc[pick, "value"] = 99.0
    return with_values(layers, values)


def orphan_value(layers):
    extra = pd.DataFrame([{"indicator_id": "gibt_es_nicht", "district_id": "777",
                           "year": 2023, "value": 1.0, "numerator": 1.0,
                           "denominator": float("nan")}])
    return with_values(layers, pd.concat([layers.values, extra], ignore_index=True))


def bad_catalogue(layers):
    catalogue = layers.catalogue.copy()
    catalogue.loc[0, "polarity"] = "schlecht"
    catalogue.loc[1, "unit"] = ""
    return with_catalogue(layers, catalogue)


def no_version(layers):
    meta = {k: v for k, v in layers.meta.items() if k != "version"}
    meta["population_indicator"] = "weg"
    return dataclasses.replace(layers, meta=meta)


@pytest.mark.parametrize(("change", "fragment"), [
    (duplicate_district, "Gebietsschlüssel kommen mehrfach vor: 001"),
    (unknown_parent, "Übergeordnete Gebiete fehlen: 004 → 99"),
    (bow_tie, "Ungültige Geometrien: 001"),
    (wrong_value,
     "„anteil_u6“: 1 Werte passen nicht zu Zähler/Nenner (z. B. Gebiet 001, 2022: 99 statt 7.5)"),
    (orphan_value, "nicht im Katalog stehen: gibt_es_nicht"),
    (orphan_value, "Werte zu unbekannten Gebieten: 777"),
    (bad_catalogue, "Indikator „einwohner“: „schlecht“ ist kein erlaubter Wert"),
    (bad_catalogue, "„unit“ ist leer"),
    (no_version, "Die Angabe „version“ fehlt"),
    (no_version, "„population_indicator“ in atlas_meta ist ungültig: „weg“"),
])
def test_tampered_atlas_is_reported(atlas_path, tmp_path, capsys, change, fragment):
    path = tampered(atlas_path, tmp_path, change)
    assert fragment in check_atlas(path).render()
    assert check_main([str(path)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().out


def test_error_exit_code_and_missing_file(tmp_path, capsys):
    assert check_main([str(tmp_path / "fehlt.gpkg")]) == 1
    assert "wurde nicht gefunden" in capsys.readouterr().out
    (tmp_path / "text.gpkg").write_text("kein GeoPackage", encoding="utf-8")
    assert check_main([str(tmp_path / "text.gpkg")]) == 1
    assert "ist kein GeoPackage" in capsys.readouterr().out
