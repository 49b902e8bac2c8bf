"""The atlas GeoPackage: round trip, atomic writes, clear German errors."""

from __future__ import annotations

import hashlib
import sqlite3

import pandas as pd
import pytest

from indicators import AtlasFileError, AtlasQueryError, open_atlas
from indicators.atlas_file import read_atlas_layers
from tests.atlas_factory import catalogue_row, grid_districts, value_rows, write_test_atlas


@pytest.fixture
def atlas_path(tmp_path):
    values = value_rows("q", 2023, {"0101": (10, 100), "0102": (30, 200),
                                    "0201": (50, 100), "0202": (20, 400)})
    return write_test_atlas(tmp_path / "atlas.gpkg", [catalogue_row("q")], values,
                            data_date="31.12.2023")


def test_round_trip_keeps_every_layer_and_leading_zeros(atlas_path):
    layers = read_atlas_layers(atlas_path)
    assert sorted(layers.districts["district_id"]) == ["01", "0101", "0102", "02", "0201", "0202"]
    assert layers.districts.crs.to_epsg() == 25832
    assert layers.catalogue.loc[0, "indicator_id"] == "q"
    assert bool(layers.catalogue.loc[0, "public"]) is True
    assert layers.values["district_id"].tolist()[:2] == ["0101", "0102"]
    assert layers.values["numerator"].sum() == 110
    assert layers.meta["data_date"] == "31.12.2023"
    written = grid_districts().set_index("district_id").geometry
    read = layers.districts.set_index("district_id").geometry
    assert read.loc["0101"].equals_exact(written.loc["0101"], tolerance=1e-6)


def test_the_file_is_a_real_geopackage_that_qgis_can_open(atlas_path):
    with sqlite3.connect(atlas_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    assert {"districts", "offers", "indicator_catalogue", "indicator_values",
            "atlas_meta"} <= tables
    assert application_id == 0x47504B47  # "GPKG"


def test_atlas_api_lists_themes_levels_years(atlas_path):
    atlas = open_atlas(atlas_path)
    assert atlas.themes() == ["Soziale Lage"]
    assert atlas.levels == ["Sozialraum", "Stadtbezirk", "Gesamtstadt"]
    assert atlas.years("q") == [2023]
    assert len(atlas.districts("Sozialraum")) == 4
    assert atlas.indicator("q").is_rate


def test_unknown_indicator_level_and_year_get_german_messages(atlas_path):
    atlas = open_atlas(atlas_path)
    with pytest.raises(AtlasQueryError, match="Unbekannter Indikator „nix“"):
        atlas.values("nix", 2023)
    with pytest.raises(AtlasQueryError, match="Unbekannte Gebietsebene „Block“"):
        atlas.values("q", 2023, "Block")
    with pytest.raises(AtlasQueryError, match="keine Werte im Jahr 1999"):
        atlas.values("q", 1999)


def test_missing_file(tmp_path):
    with pytest.raises(AtlasFileError, match=r"„.*fehlt\.gpkg“ wurde nicht gefunden"):
        open_atlas(tmp_path / "fehlt.gpkg")


def test_wrong_format(tmp_path):
    path = tmp_path / "tabelle.gpkg"
    path.write_text("district_id;name\n01;Nord\n", encoding="utf-8")
    with pytest.raises(AtlasFileError, match="ist kein GeoPackage"):
        open_atlas(path)


def test_plain_sqlite_is_not_a_geopackage(tmp_path):
    path = tmp_path / "leer.gpkg"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE x (a)")
    with pytest.raises(AtlasFileError, match="ist kein GeoPackage"):
        open_atlas(path)


def test_unreadable_file(atlas_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("als root sind Dateirechte nicht wirksam")
    atlas_path.chmod(0)
    with pytest.raises(AtlasFileError, match="kann nicht gelesen werden"):
        open_atlas(atlas_path)


def test_incomplete_atlas_names_the_missing_table(tmp_path, atlas_path):
    with sqlite3.connect(atlas_path) as connection:
        connection.execute("DELETE FROM gpkg_contents WHERE table_name = 'indicator_values'")
        connection.execute("DROP TABLE indicator_values")
    with pytest.raises(AtlasFileError, match="die Tabelle „indicator_values“ fehlt"):
        open_atlas(atlas_path)


def test_failed_write_leaves_the_old_atlas_byte_for_byte(atlas_path):
    before = hashlib.sha256(atlas_path.read_bytes()).hexdigest()
    bad_values = [{"indicator_id": "q", "district_id": "0101", "year": 2023,
                   "value": "viel", "numerator": 1, "denominator": 2}]
    with pytest.raises(ValueError):
        write_test_atlas(atlas_path, [catalogue_row("q")], bad_values)
    assert hashlib.sha256(atlas_path.read_bytes()).hexdigest() == before
    assert [p.name for p in atlas_path.parent.iterdir()] == [atlas_path.name]
    assert isinstance(open_atlas(atlas_path).values("q", 2023), pd.DataFrame)
