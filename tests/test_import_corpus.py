"""Bad input: every malformed file gets its own clear German message, and the atlas
on disk stays byte-for-byte the same (no backup, no temp file left behind).

Each case starts from a copy of the good hand-made city (tests/import_corpus/builders.py)
that has already been imported once, breaks one thing, and runs the command line.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

from geodata.importer.cli import import_main
from geodata.importer.pipeline import run_import
from tests.import_corpus.builders import POPULATION_CSV, build_city, write_stadtteile_shp

FILES = Path(__file__).resolve().parent / "import_corpus" / "files"
Mutation = Callable[[Path], None]


# --- ways to break a copy of the good city ------------------------------------------
def recipe(old: str, new: str) -> Mutation:
    def mutate(folder: Path) -> None:
        path = folder / "recipe.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def population(old: str, new: str) -> Mutation:
    def mutate(folder: Path) -> None:
        assert old in POPULATION_CSV, old
        (folder / "bevoelkerung.csv").write_bytes(POPULATION_CSV.replace(old, new, 1)
                                                  .encode("cp1252"))
    return mutate


def write(name: str, content: bytes | str) -> Mutation:
    def mutate(folder: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return mutate


def static(source: str, target: str = "bezirke.geojson") -> Mutation:
    return lambda folder: shutil.copy(FILES / source, folder / target)


def both(*mutations: Mutation) -> Mutation:
    def mutate(folder: Path) -> None:
        for mutation in mutations:
            mutation(folder)
    return mutate


def zipped(members: dict[str, str]) -> Mutation:
    """stadtteile.zip with the given member names (archive name -> shp part suffix)."""
    def mutate(folder: Path) -> None:
        with zipfile.ZipFile(folder / "stadtteile.zip", "w") as archive:
            for name, suffix in members.items():  # ZipInfo keeps "/abs" and "../" as given
                data = (folder / "shp" / f"stadtteile{suffix}").read_bytes()
                archive.writestr(zipfile.ZipInfo(name), data)
    return mutate


def sparse(name: str, size: int) -> Mutation:
    def mutate(folder: Path) -> None:
        with (folder / name).open("wb") as handle:
            handle.truncate(size)  # sparse: takes no disk space
    return mutate


def zip_bomb(folder: Path) -> None:
    zipped({"grenzen/stadtteile.shp": ".shp", "grenzen/stadtteile.shx": ".shx",
            "grenzen/stadtteile.dbf": ".dbf", "grenzen/stadtteile.prj": ".prj"})(folder)
    with zipfile.ZipFile(folder / "stadtteile.zip", "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("grenzen/fuellung.txt", b"\0" * 2_000_000)
    recipe('offers_year = 2023', 'offers_year = 2023\nmax_file_mb = 1')(folder)


def duplicate_bezirk(folder: Path) -> None:
    frame = gpd.read_file(folder / "bezirke.geojson")
    frame.loc[1, "BEZ_ID"] = "01"
    frame.to_file(folder / "bezirke.geojson", driver="GeoJSON")


def two_layer_gpkg(folder: Path) -> None:
    frame = gpd.read_file(folder / "bezirke.geojson")
    frame.to_file(folder / "bezirke.gpkg", layer="bezirke_2022")
    frame.to_file(folder / "bezirke.gpkg", layer="bezirke_2023")
    recipe('file = "bezirke.geojson"', 'file = "bezirke.gpkg"')(folder)


def wrong_prj(folder: Path) -> None:
    # the .prj claims plain UTM 32N, but the coordinates carry Köln's 2,500,000 false easting
    frame = gpd.read_file(folder / "shp" / "stadtteile.shp", encoding="cp1252")
    write_stadtteile_shp(folder / "shp", frame.set_crs(25832, allow_override=True))
    (folder / "shp" / "stadtteile.prj").write_text(frame.set_crs(25832, allow_override=True)
                                                  .crs.to_wkt("WKT1_ESRI"))
    zipped({"stadtteile.shp": ".shp", "stadtteile.shx": ".shx", "stadtteile.dbf": ".dbf",
            "stadtteile.prj": ".prj"})(folder)


def lines_as_areas(folder: Path) -> None:
    gpd.GeoDataFrame({"BEZ_ID": ["01", "02"], "BEZ_NAME": ["Mitte", "Nord"]},
                     geometry=[box(0, 0, 1, 1).exterior, box(1, 0, 2, 1).exterior],
                     crs=4326).to_file(folder / "bezirke.geojson", driver="GeoJSON")


SHP_PARTS = {"grenzen/stadtteile.shp": ".shp", "grenzen/stadtteile.shx": ".shx",
             "grenzen/stadtteile.dbf": ".dbf"}

CASES = [
    # recipe
    ("recipe-not-toml", write("recipe.toml", "[atlas\nname = 'x'\n"),
     ["recipe.toml", "kein gültiges TOML"]),
    ("recipe-not-utf8", write("recipe.toml", "[atlas]\nname = 'Köln'\n".encode("cp1252")),
     ["recipe.toml", "nicht in UTF-8"]),
    ("recipe-typo-key", recipe('key = "BEZ_ID"', 'kye = "BEZ_ID"'),
     ["recipe.toml", "Unbekannter Eintrag „kye“", "fehlt der Eintrag „key“"]),
    ("recipe-wrong-type", recipe("header_row = 3", 'header_row = "drei"'),
     ["recipe.toml", "„header_row“ muss ganze Zahl sein"]),
    ("recipe-bad-choice", recipe('format = "long"', 'format = "quer"'),
     ["recipe.toml", "„format“ hat den unbekannten Wert „quer“"]),
    ("recipe-bad-id", recipe('id = "anteil_u6"', 'id = "Anteil U6"'),
     ["recipe.toml", "„Anteil U6“ ist als Kennung nicht erlaubt"]),
    ("recipe-no-parent", recipe('parent_column = "BEZ"\n', ""),
     ["recipe.toml", "sagt nicht, in welchem Gebiet der Ebene „Stadtbezirk“"]),
    ("recipe-unknown-series", recipe('numerator = "kinder_u6"', 'numerator = "kinder_u7"'),
     ["recipe.toml", "unbekannte Reihen verwendet: kinder_u7"]),
    ("recipe-bad-expression", recipe('"alter_00_03 + alter_03_06"', '"alter_00_03 * 2"'),
     ["recipe.toml", "„alter_00_03 * 2“ in [derived] kinder_u6 ist keine Summe"]),
    ("recipe-bad-polarity", recipe('polarity = "mehr Bedarf"', 'polarity = "schlecht"'),
     ["recipe.toml", "unbekannte Polarität „schlecht“"]),
    ("recipe-population-is-rate", recipe('population_indicator = "einwohner"',
                                         'population_indicator = "anteil_u6"'),
     ["recipe.toml", "„anteil_u6“ ist kein Anzahl-Indikator"]),
    ("recipe-unknown-crs", recipe('key = "STT_NR"', 'key = "STT_NR"\ncrs = "EPSG:999999"'),
     ["stadtteile.zip", "Koordinatensystem „EPSG:999999“ ist unbekannt"]),
    # files in general
    ("file-missing", recipe('file = "sgb2.csv"', 'file = "sgb2_2024.csv"'),
     ["sgb2_2024.csv", "wurde nicht gefunden"]),
    ("file-empty", write("bevoelkerung.csv", b""), ["bevoelkerung.csv", "Die Datei ist leer"]),
    ("file-far-too-big", sparse("bevoelkerung.csv", 10_000_000_000),
     ["bevoelkerung.csv", "10.000 MB größer als die erlaubten 200 MB"]),
    # boundaries
    ("geojson-broken", static("abgebrochen.geojson"),
     ["bezirke.geojson", "Geodatei kann nicht gelesen werden"]),
    ("geojson-no-geometry", static("ohne_geometrie.geojson"),
     ["bezirke.geojson", "Gebiete ohne Geometrie: 01, 02"]),
    ("geojson-wrong-crs", static("utm_statt_grad.geojson"),
     ["bezirke.geojson", "Koordinaten passen nicht zum angegebenen Koordinatensystem"]),
    ("geojson-points-not-areas", static("punkte_statt_flaechen.geojson"),
     ["bezirke.geojson", "müssen Flächen sein, gefunden: Punkt"]),
    ("geojson-lines-not-areas", lines_as_areas,
     ["bezirke.geojson", "müssen Flächen sein, gefunden: Linie"]),
    ("boundaries-as-csv", recipe('file = "bezirke.geojson"', 'file = "sgb2.csv"'),
     ["sgb2.csv", "Dateityp „.csv“ wird für Geodaten nicht unterstützt"]),
    ("boundaries-duplicate-keys", duplicate_bezirk,
     ["bezirke.geojson", "kommen Schlüssel mehrfach vor: 01"]),
    ("boundaries-gpkg-two-layers", two_layer_gpkg,
     ["bezirke.gpkg", "Vorhanden: bezirke_2022, bezirke_2023"]),
    ("boundaries-parent-keys-mismatch", recipe("key_zfill = 2\n", ""),
     ["stadtteile.zip", "liegen in keinem Gebiet der Ebene „Stadtbezirk“: 001 → „1“"]),
    ("boundaries-prj-wrong", wrong_prj,
     ["stadtteile.zip", "liegen nicht dort, wo die Gebiete aus „bezirke.geojson“"]),
    ("zip-without-prj", zipped(SHP_PARTS),
     ["stadtteile.zip/grenzen/stadtteile.shp", "fehlt zur Shape-Datei die .prj-Datei"]),
    ("zip-without-dbf", zipped({"a.shp": ".shp", "a.shx": ".shx", "a.prj": ".prj"}),
     ["stadtteile.zip/a.shp", "fehlt die zugehörige .dbf-Datei"]),
    ("zip-slip", zipped({"../../evil.shp": ".shp", "../../evil.dbf": ".dbf"}),
     ["stadtteile.zip", "unsicheren Pfad „../../evil.shp“"]),
    ("zip-absolute-path", zipped({"/tmp/evil.shp": ".shp"}),
     ["stadtteile.zip", "unsicheren Pfad „/tmp/evil.shp“"]),
    ("zip-broken", write("stadtteile.zip", b"PK\x03\x04 kaputt"),
     ["stadtteile.zip", "beschädigt oder kein ZIP-Archiv"]),
    ("zip-two-shapefiles", zipped({"a/x.shp": ".shp", "b/y.shp": ".shp"}),
     ["stadtteile.zip", "mehrere Geodateien: a/x.shp, b/y.shp"]),
    ("zip-no-geodata", zipped({"liesmich.dbf": ".dbf"}),
     ["stadtteile.zip", "keine Geodatei"]),
    ("zip-bomb", zip_bomb, ["stadtteile.zip", "ausgepackt größer als die erlaubten 1 MB"]),
    # CSV tables
    ("csv-text-in-numbers", population("2022;1.200", "2022;zwölfhundert"),
     ["bevoelkerung.csv", "Zeile 2", "Spalte „Einwohner“", "„zwölfhundert“ ist keine Zahl"]),
    ("csv-column-missing", population("unter 3;", "unter drei;"),
     ["bevoelkerung.csv", "Die Spalte „unter 3“ fehlt", "„unter drei“"]),
    ("csv-keys-not-matching", recipe('key_zfill = 3\nyear_column = "Jahr"',
                                     'year_column = "Jahr"'),
     ["schule.xlsx", "Kein einziger Schlüssel passt zu den Gebieten (Tabelle: 1, 2, 3, 4"]),
    ("csv-duplicate-rows", population("002;Neustadt;2022", "001;Neustadt;2022"),
     ["bevoelkerung.csv",
      "Gebiet 001, Jahr 2022 kommt mehrfach vor (Zeilen 2, 3; Reihen: alter_00_03"]),
    ("csv-bad-year", population("003;Hafen;2022", "003;Hafen;22/23"),
     ["bevoelkerung.csv", "Zeile 4", "„22/23“ ist keine Jahreszahl"]),
    ("csv-ragged-row", population("002;Neustadt;2022;2.500;100;110;20,1",
                                  "002;Neustadt;2022;2.500;100;110;20,1;;;"),
     ["bevoelkerung.csv", "lässt sich nicht als Tabelle lesen"]),
    ("csv-mixed-number-formats", population("1.210", "1210.5"),
     ["bevoelkerung.csv", "mischt deutsche (1.234,5) und englische (1234.5) Zahlen"]),
    ("csv-binary", write("bevoelkerung.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
     ["bevoelkerung.csv", "keine Textdatei"]),
    ("csv-one-column", write("bevoelkerung.csv", "Stadtteil Jahr Einwohner\n001 2022 5\n"),
     ["bevoelkerung.csv", "Trennzeichen der CSV-Datei wurde nicht erkannt"]),
    ("csv-only-header", write("bevoelkerung.csv", POPULATION_CSV.splitlines()[0] + "\n"),
     ["bevoelkerung.csv", "keine Datenzeilen"]),
    ("series-in-two-tables", recipe('sgb2_u15 = { merkmal = "davon SGB-II-Empfänger" }',
                                    'sgb2_u15 = { merkmal = "davon SGB-II-Empfänger" }\n'
                                    'einwohner = { merkmal = "Kinder unter 15 Jahren" }'),
     ["„einwohner“ kommt in mehreren Tabellen vor (bevoelkerung.csv, sgb2.csv): 4 Werte"]),
    ("long-filter-no-rows", recipe('merkmal = "Kinder unter 15 Jahren"',
                                   'merkmal = "Kinder unter 15"'),
     ["sgb2.csv", "Für die Reihe „kinder_u15“ passt keine Zeile (merkmal = „Kinder unter 15“)"]),
    ("long-series-not-a-filter", recipe('kinder_u15 = { merkmal = "Kinder unter 15 Jahren" }',
                                        'kinder_u15 = "Kinder unter 15 Jahren"'),
     ["sgb2.csv", "braucht im Langformat eine Auswahl"]),
    # Excel
    ("xlsx-sheet-missing", recipe('sheet = "Daten"', 'sheet = "Daten 2023"'),
     ["schule.xlsx", "Tabellenblatt „Daten 2023“ gibt es nicht. Vorhanden: Deckblatt, Daten"]),
    ("xlsx-not-excel", write("schule.xlsx", "Gebiet;Jahr\n1;2023\n"),
     ["schule.xlsx", "keine gültige Excel-Datei"]),
    ("xlsx-header-row-blank", recipe("header_row = 3", "header_row = 2"),
     ["schule.xlsx", "In Zeile 2 steht keine Kopfzeile"]),
    ("xls-old-format", both(write("schule.xls", b"\xd0\xcf\x11\xe0"),
                            recipe('file = "schule.xlsx"', 'file = "schule.xls"')),
     ["schule.xls", "alte Excel-Format .xls"]),
    # offers
    ("offers-category-unmapped", recipe('"Familienzentrum" = "Familienzentrum"\n', ""),
     ["kitas.csv", "Kategorien ohne Zuordnung: „Familienzentrum“ (1×)"]),
    ("offers-lat-lon-swapped", recipe('lat = "Breite"\nlon = "Länge"',
                                      'lat = "Länge"\nlon = "Breite"'),
     ["kitas.csv", "Breite und Länge sind offenbar vertauscht"]),
    ("offers-no-coordinates", recipe('lat = "Breite"\nlon = "Länge"\n', ""),
     ["kitas.csv", "nennt keine Koordinatenspalten"]),
    ("offers-text-in-coordinates", write("kitas.csv", "Name;Art;Träger;Plätze;Breite;Länge\n"
                                         "Kita A;Kindertagesstätte;Stadt;4;Nord;6,9\n"),
     ["kitas.csv", "„Nord“ ist keine Zahl"]),
    ("offers-unknown-field", recipe('capacity = "Plätze"', 'kapazitaet = "Plätze"'),
     ["kitas.csv", "Unbekannte Angebotsfelder in [offers.columns]: kapazitaet"]),
]


@pytest.fixture(scope="module")
def good_city(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("good") / "city"
    run_import(build_city(folder))
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize(("mutate", "fragments"), [pytest.param(m, f, id=i) for i, m, f in CASES])
def test_bad_input_is_reported_and_atlas_unchanged(good_city, tmp_path, capsys, mutate,
                                                   fragments):
    folder = tmp_path / "city"
    shutil.copytree(good_city, folder)
    before = sha256(folder / "atlas.gpkg")
    mutate(folder)
    files_before = sorted(p.name for p in folder.iterdir())
    code = import_main([str(folder / "recipe.toml"), "--quiet"])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "Traceback" not in out and "Unerwarteter Fehler" not in out
    for fragment in fragments:
        assert fragment in out, f"{fragment!r} not in:\n{out}"
    assert "am Atlas wurde nichts geändert" in out
    assert sha256(folder / "atlas.gpkg") == before
    assert sorted(p.name for p in folder.iterdir()) == files_before  # no backup, no temp file


def test_target_that_is_not_an_atlas_is_not_overwritten(good_city, tmp_path, capsys):
    folder = tmp_path / "city"
    shutil.copytree(good_city, folder)
    (folder / "atlas.gpkg").write_text("meine wichtige Notiz", encoding="utf-8")
    assert import_main([str(folder / "recipe.toml"), "--quiet"]) == 1
    assert "kein Atlas ist; sie wird nicht überschrieben" in capsys.readouterr().out
    assert (folder / "atlas.gpkg").read_text(encoding="utf-8") == "meine wichtige Notiz"


def test_target_equal_to_an_input_is_refused(good_city, tmp_path, capsys):
    folder = tmp_path / "city"
    shutil.copytree(good_city, folder)
    recipe('output = "atlas.gpkg"', 'output = "sgb2.csv"')(folder)
    assert import_main([str(folder / "recipe.toml"), "--quiet"]) == 1
    assert "zugleich eine Eingabedatei" in capsys.readouterr().out
