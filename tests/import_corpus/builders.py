"""Small hand-made input files for the import tests, written into a temp folder.

A city of two Stadtbezirke ("01", "02") and four Stadtteile ("001"–"004"),
each a 1 km square near Köln. The files exercise what real deliveries do:
a zipped Shapefile with Köln's non-EPSG .prj and a cp1252 .dbf without .cpg,
a GeoJSON in WGS84, a cp1252 CSV with ";" and German numbers and markers, a
UTF-8-BOM long table, an Excel sheet with title rows, offers with lat/lon.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
from openpyxl import Workbook
from pyproj import Transformer
from shapely.geometry import box

X0, Y0 = 356_000.0, 5_645_000.0
#: Köln's .prj: UTM 32N with false easting 2,500,000 m, no EPSG code.
KOELN_PRJ = (
    'PROJCS["WGS_1984_UTM_Zone_32N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",'
    'SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],'
    'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
    'PARAMETER["False_Easting",2500000.0],PARAMETER["False_Northing",0.0],'
    'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],'
    'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
)
STADTTEIL_NAMES = ["Südstadt – Nord", "Neustadt", "Hafen", "Weißenfeld"]
TO_WGS84 = Transformer.from_crs(25832, 4326, always_xy=True)

POPULATION_CSV = """Stadtteil;Name;Jahr;Einwohner;unter 3;3 bis unter 6;SGB-II-Quote
001;Südstadt – Nord;2022;1.200;40;50;12,5
002;Neustadt;2022;2.500;100;110;20,1
003;Hafen;2022;2.000;.;x;8,0
004;Weißenfeld;2022;3.000;-;150;15,3
001;Südstadt – Nord;2023;1.210;42;51;12,0
002;Neustadt;2023;2.480;98;112;19,8
003;Hafen;2023;2.050;30;35;8,4
004;Weißenfeld;2023;3.100;20;140;14,9
"""

SGB2_CSV = """raum,jahr,merkmal,wert
000,2023,Kinder unter 15 Jahren,1400
000,2023,davon SGB-II-Empfänger,167
001,2023,Kinder unter 15 Jahren,200
001,2023,davon SGB-II-Empfänger,30
002,2023,Kinder unter 15 Jahren,400
002,2023,davon SGB-II-Empfänger,80
003,2023,Kinder unter 15 Jahren,300
003,2023,davon SGB-II-Empfänger,45
004,2023,Kinder unter 15 Jahren,500
004,2023,davon SGB-II-Empfänger,12
"""

RECIPE = """
[atlas]
name = "Teststadt"
output = "atlas.gpkg"
data_date = "2023-12-31"
licence = "dl-de/by-2-0"
attribution = "Teststadt, Statistikstelle"
population_indicator = "einwohner"
offers_year = 2023

[[levels]]
name = "Stadtbezirk"
file = "bezirke.geojson"
key = "BEZ_ID"
name_column = "BEZ_NAME"
key_zfill = 2

[[levels]]
name = "Stadtteil"
file = "stadtteile.zip"
key = "STT_NR"
name_column = "STT_NAME"
parent_column = "BEZ"
key_zfill = 3

[[tables]]
file = "bevoelkerung.csv"
format = "wide"
key = "Stadtteil"
year_column = "Jahr"
[tables.series]
einwohner = "Einwohner"
alter_00_03 = "unter 3"
alter_03_06 = "3 bis unter 6"
sgb2_quote = "SGB-II-Quote"

[[tables]]
file = "sgb2.csv"
format = "long"
key = "raum"
year_column = "jahr"
value = "wert"
ignore_keys = ["000"]
[tables.series]
kinder_u15 = { merkmal = "Kinder unter 15 Jahren" }
sgb2_u15 = { merkmal = "davon SGB-II-Empfänger" }

[[tables]]
file = "schule.xlsx"
sheet = "Daten"
header_row = 3
format = "wide"
key = "Gebiet"
key_zfill = 3
year_column = "Jahr"
[tables.series]
untersuchte = "Untersuchte Kinder"
sprachfoerderung = "mit Sprachförderbedarf"

[[offers]]
file = "kitas.csv"
lat = "Breite"
lon = "Länge"
category_column = "Art"
name_column = "Name"
phase = "Kita"
[offers.categories]
"Kindertagesstätte" = "Kita"
"Familienzentrum" = "Familienzentrum"
[offers.columns]
provider = "Träger"
capacity = "Plätze"

[offer_counts]
kita_punkte = ["Kita"]

[derived]
kinder_u6 = "alter_00_03 + alter_03_06"

[[indicators]]
id = "einwohner"
name = "Einwohner"
unit = "Anzahl"
theme = "Demografie"
numerator = "einwohner"
public = true

[[indicators]]
id = "anteil_u6"
name = "Anteil Kinder unter 6"
unit = "%"
theme = "Demografie"
numerator = "kinder_u6"
denominator = "einwohner"

[[indicators]]
id = "sgb2_quote"
name = "SGB-II-Quote (fertig geliefert)"
unit = "%"
theme = "Soziale Lage"
value = "sgb2_quote"
polarity = "higher_worse"

[[indicators]]
id = "sgb2_u15"
name = "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften"
unit = "%"
theme = "Soziale Lage"
numerator = "sgb2_u15"
denominator = "kinder_u15"
polarity = "mehr Bedarf"

[[indicators]]
id = "sprachfoerderung"
name = "Sprachförderbedarf bei der Schuleingangsuntersuchung"
unit = "%"
theme = "Bildung"
numerator = "sprachfoerderung"
denominator = "untersuchte"
polarity = "higher_worse"

[[indicators]]
id = "kita_je_1000_u6"
name = "Kitas je 1.000 Kinder unter 6"
unit = "je 1.000"
theme = "Versorgung"
numerator = "kita_punkte"
denominator = "kinder_u6"
polarity = "higher_better"
min_count = 0
"""


def square(index: int):
    """Stadtteil ``index`` (0..3): 1 km squares, 001/002 south, 003/004 north."""
    x, y = X0 + 1000 * (index % 2), Y0 + 1000 * (index // 2)
    return box(x, y, x + 1000, y + 1000)


def lat_lon(x: float, y: float) -> tuple[float, float]:
    lon, lat = TO_WGS84.transform(x, y)
    return lat, lon


def write_bezirke(folder: Path, name: str = "bezirke.geojson") -> Path:
    frame = gpd.GeoDataFrame(
        {"BEZ_ID": ["01", "02"], "BEZ_NAME": ["Mitte", "Nord"]},
        geometry=[box(X0, Y0, X0 + 2000, Y0 + 1000), box(X0, Y0 + 1000, X0 + 2000, Y0 + 2000)],
        crs=25832,
    ).to_crs(4326)
    path = folder / name
    frame.to_file(path, driver="GeoJSON")
    return path


def stadtteile_frame() -> gpd.GeoDataFrame:
    from shapely import affinity
    return gpd.GeoDataFrame(
        {"STT_NR": ["1", "2", "3", "4"], "STT_NAME": STADTTEIL_NAMES,
         "BEZ": ["1", "1", "2", "2"]},
        geometry=[affinity.translate(square(i), xoff=2_000_000) for i in range(4)],
        crs=25832,
    )


def write_stadtteile_shp(folder: Path, frame: gpd.GeoDataFrame | None = None,
                         stem: str = "stadtteile") -> Path:
    """cp1252 .dbf without .cpg and Köln's non-EPSG .prj."""
    frame = stadtteile_frame() if frame is None else frame
    path = folder / f"{stem}.shp"
    frame.to_file(path, encoding="cp1252")
    (folder / f"{stem}.cpg").unlink()
    (folder / f"{stem}.prj").write_text(KOELN_PRJ)
    return path


def zip_shapefile(shp: Path, target: Path, inner: str = "grenzen/",
                  parts: tuple[str, ...] = (".shp", ".shx", ".dbf", ".prj")) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for suffix in parts:
            archive.write(shp.with_suffix(suffix), inner + shp.with_suffix(suffix).name)
    return target


def write_schule_xlsx(path: Path, rows: list[list] | None = None) -> Path:
    book = Workbook()
    book.active.title = "Deckblatt"
    book.active["A1"] = "Schuleingangsuntersuchung – bitte Blatt „Daten“ verwenden"
    sheet = book.create_sheet("Daten")
    sheet["A1"] = "Schuleingangsuntersuchung 2023, Kinder nach Stadtteil"
    sheet.append([])
    sheet.append(["Gebiet", "Jahr", "Untersuchte Kinder", "mit Sprachförderbedarf"])
    for row in rows or [[1, 2023, 20, 5], [2, 2023, 40, 12], [3, 2023, 30, "x"],
                        [4, 2023, 50, 10]]:
        sheet.append(row)
    book.save(path)
    return path


def kita_rows() -> list[tuple[str, str, int, int]]:
    """(name, Art, Stadtteil index or -1 for outside, number in that Stadtteil)."""
    return [("Kita Sonnenschein", "Kindertagesstätte", 0, 0),
            ("Kita Regenbogen", "Kindertagesstätte", 0, 1),
            ("Kita am Markt", "Kindertagesstätte", 1, 0),
            ("Familienzentrum Nord", "Familienzentrum", 1, 1),
            ("Kita Weiße Rose", "Kindertagesstätte", 3, 0),
            ("Kita Hafenkinder", "Kindertagesstätte", 3, 1),
            ("Kita Löwenzahn", "Kindertagesstätte", 3, 2),
            ("Kita jenseits der Grenze", "Kindertagesstätte", -1, 0)]


def write_kitas_csv(path: Path) -> Path:
    lines = ["Name;Art;Träger;Plätze;Breite;Länge"]
    for name, art, index, number in kita_rows():
        if index < 0:
            x, y = X0 - 5000, Y0 - 5000
        else:
            cell = square(index)
            x, y = cell.bounds[0] + 200 + 200 * number, cell.bounds[1] + 500
        lat, lon = lat_lon(x, y)
        lines.append(f"{name};{art};Stadt;45;{lat:.6f};{lon:.6f}".replace(".", ","))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_city(folder: Path) -> Path:
    """All input files plus recipe.toml in ``folder``; returns the recipe path."""
    folder.mkdir(parents=True, exist_ok=True)
    write_bezirke(folder)
    shp_dir = folder / "shp"
    shp_dir.mkdir(exist_ok=True)
    zip_shapefile(write_stadtteile_shp(shp_dir), folder / "stadtteile.zip")
    (folder / "bevoelkerung.csv").write_bytes(POPULATION_CSV.encode("cp1252"))
    (folder / "sgb2.csv").write_bytes(SGB2_CSV.encode("utf-8-sig"))
    write_schule_xlsx(folder / "schule.xlsx")
    write_kitas_csv(folder / "kitas.csv")
    recipe = folder / "recipe.toml"
    recipe.write_text(RECIPE, encoding="utf-8")
    return recipe
