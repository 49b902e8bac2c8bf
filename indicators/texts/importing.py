"""Every German text of the importer and the atlas check, in one place.

Part of the one text package (``indicators/texts``). Each message says what is
wrong; each *_HINT says how to fix it.
Placeholders are filled with str.format.
"""

from __future__ import annotations

# --- report -----------------------------------------------------------------
WHERE_FILE = "Datei „{file}“"
WHERE_ROW = "Zeile {row}"
WHERE_COLUMN = "Spalte „{column}“"
HINT_PREFIX = "So beheben"
MORE_PROBLEMS = "… und {count} weitere Stellen derselben Art."
REPORT_SUMMARY = "Prüfbericht: {errors} Fehler, {warnings} Warnungen, {notes} Hinweise."

# --- recipe -----------------------------------------------------------------
RECIPE_MISSING = "Die Rezeptdatei wurde nicht gefunden."
RECIPE_MISSING_HINT = "Pfad prüfen; ein Beispielrezept steht in docs/import.md."
RECIPE_NOT_UTF8 = "Die Rezeptdatei ist nicht in UTF-8 gespeichert."
RECIPE_NOT_UTF8_HINT = "Im Editor „Speichern unter … Kodierung UTF-8“ wählen."
RECIPE_NOT_TOML = "Die Rezeptdatei ist kein gültiges TOML ({detail})."
RECIPE_NOT_TOML_HINT = (
    "Häufige Ursachen: fehlende Anführungszeichen um Texte, ein doppelter Eintrag, "
    "[[levels]] statt [levels]. Vorlage: docs/import.md."
)
RECIPE_UNKNOWN_KEY = "Unbekannter Eintrag „{key}“ in {where}."
RECIPE_UNKNOWN_KEY_HINT = "Tippfehler? Erlaubt sind: {allowed}."
RECIPE_MISSING_KEY = "In {where} fehlt der Eintrag „{key}“."
RECIPE_MISSING_KEY_HINT = "Den Eintrag ergänzen; siehe das Beispielrezept in docs/import.md."
RECIPE_WRONG_TYPE = "„{key}“ muss {expected} sein, gefunden: {value!r}."
RECIPE_TYPE_HINT = "Texte in Anführungszeichen, Zahlen ohne, Wahrheitswerte als true/false."
RECIPE_BAD_CHOICE = "„{key}“ hat den unbekannten Wert „{value}“."
RECIPE_BAD_CHOICE_HINT = "Möglich sind: {options}."
RECIPE_BAD_ID = "Der Name „{name}“ ist als Kennung nicht erlaubt."
RECIPE_BAD_ID_HINT = (
    "Kennungen bestehen aus Kleinbuchstaben, Ziffern und _ und beginnen mit einem Buchstaben, "
    "z. B. „kinder_u6“."
)
RECIPE_DUPLICATE_INDICATOR = "Der Indikator „{name}“ ist mehrfach definiert."
RECIPE_DUPLICATE_LEVEL = "Die Gebietsebene „{name}“ ist mehrfach definiert."
RECIPE_DUPLICATE_HINT = "Jede Kennung darf im Rezept nur einmal vorkommen."
RECIPE_NO_PARENT = (
    "Die Ebene „{level}“ sagt nicht, in welchem Gebiet der Ebene „{parent}“ sie "
    "liegt."
)
RECIPE_NO_PARENT_HINT = (
    "parent_column = \"SPALTE\" (Spalte mit dem Schlüssel des übergeordneten Gebiets) oder "
    "parent_by_location = true (Zuordnung über die Lage) angeben."
)

# --- files ------------------------------------------------------------------
FILE_MISSING = "Die Datei wurde nicht gefunden ({path})."
FILE_MISSING_HINT = "Dateiname im Rezept prüfen; Pfade gelten relativ zur Rezeptdatei."
FILE_EMPTY = "Die Datei ist leer."
FILE_EMPTY_HINT = "Die Datei neu exportieren bzw. herunterladen; sie enthält keine Daten."
FILE_TOO_BIG = "Die Datei ist mit {size} MB größer als die erlaubten {limit} MB."
FILE_TOO_BIG_HINT = (
    "Nur die benötigten Spalten/Gebiete exportieren, oder im Rezept unter [atlas] "
    "max_file_mb erhöhen, wenn die Datei wirklich so groß sein muss."
)
ZIP_BROKEN = "Die ZIP-Datei ist beschädigt oder kein ZIP-Archiv."
ZIP_BROKEN_HINT = "Das Archiv neu herunterladen oder neu packen."
ZIP_UNSAFE = "Das ZIP-Archiv enthält den unsicheren Pfad „{member}“ (absolut oder mit „..“)."
ZIP_UNSAFE_HINT = (
    "Aus Sicherheitsgründen werden solche Archive abgelehnt. Die Dateien auspacken und "
    "ohne Ordnerangaben neu packen."
)
ZIP_TOO_BIG = "Das ZIP-Archiv ist ausgepackt größer als die erlaubten {limit} MB."
ZIP_NO_DATA = "Im ZIP-Archiv liegt keine Geodatei (.shp, .geojson, .json, .gpkg)."
ZIP_NO_DATA_HINT = "Prüfen, ob das richtige Archiv angegeben ist, oder layer = \"NAME\" angeben."
ZIP_AMBIGUOUS = "Das ZIP-Archiv enthält mehrere Geodateien: {members}."
ZIP_AMBIGUOUS_HINT = "Im Rezept mit layer = \"NAME\" angeben, welche gemeint ist."
ZIP_NO_PRJ = "Im ZIP-Archiv fehlt zur Shape-Datei die .prj-Datei mit dem Koordinatensystem."
SHP_NO_PRJ = "Zur Shape-Datei fehlt die .prj-Datei mit dem Koordinatensystem."
SHP_PART_MISSING = "Zur Shape-Datei fehlt die zugehörige {part}-Datei."
SHP_PART_MISSING_HINT = "Eine Shape-Datei besteht aus .shp, .shx, .dbf (und .prj): alle mitliefern."
VECTOR_BAD_SUFFIX = "Dateityp „{suffix}“ wird für Geodaten nicht unterstützt."
VECTOR_BAD_SUFFIX_HINT = "Möglich sind GeoJSON, GeoPackage, Shape-Datei (auch als .zip)."
VECTOR_UNREADABLE = "Die Geodatei kann nicht gelesen werden: {detail}."
VECTOR_UNREADABLE_HINT = (
    "Die Datei ist beschädigt oder hat nicht das angegebene Format. In QGIS öffnen und "
    "neu als GeoPackage oder GeoJSON speichern."
)
VECTOR_NO_GEOMETRY_COLUMN = "Die Datei enthält keine Geometrien (nur eine Sachdatentabelle)."
VECTOR_NO_GEOMETRY_COLUMN_HINT = "Die Geodatei mit den Gebietsflächen bzw. Punkten angeben."
VECTOR_NO_FEATURES = "Die Geodatei enthält keine Objekte."
GPKG_LAYER = "Layer „{layer}“ nicht eindeutig oder nicht vorhanden. Vorhanden: {layers}."
GPKG_LAYER_HINT = "Im Rezept layer = \"NAME\" mit einem der vorhandenen Layer angeben."

# --- coordinate reference systems --------------------------------------------
CRS_MISSING = "Die Datei nennt kein Koordinatensystem."
CRS_MISSING_HINT = (
    "Die .prj-Datei mitliefern oder im Rezept crs = \"EPSG:25832\" (bzw. das richtige "
    "System) angeben."
)
CRS_UNKNOWN = "Das Koordinatensystem „{crs}“ ist unbekannt."
CRS_UNKNOWN_HINT = "Als EPSG-Code angeben, z. B. \"EPSG:25832\" (UTM 32N) oder \"EPSG:4326\"."
CRS_OVERRIDDEN = "Das Koordinatensystem der Datei wird durch „{crs}“ aus dem Rezept ersetzt."
CRS_OVERRIDDEN_HINT = "Nur sinnvoll, wenn die .prj-Datei falsch ist; sonst crs im Rezept löschen."
CRS_TRANSFORMED = "Geografische Koordinaten werden nach {crs} umgerechnet (Flächen in m²)."
CRS_IMPLAUSIBLE = "Die Koordinaten passen nicht zum angegebenen Koordinatensystem."
CRS_IMPLAUSIBLE_HINT = (
    "Vermutlich ist das Koordinatensystem falsch (z. B. UTM-Meter in einer GeoJSON-Datei, "
    "die Grad erwartet). Richtiges System mit crs = \"EPSG:…\" im Rezept angeben."
)
LEVELS_APART = "Die Gebiete liegen nicht dort, wo die Gebiete aus „{other}“ liegen."
IDS_CLASH = "Dieselben Schlüssel kommen auf zwei Gebietsebenen vor: {keys}."
IDS_CLASH_HINT = (
    "Schlüssel müssen über alle Ebenen eindeutig sein; z. B. Bezirke mit key_zfill auf "
    "eine andere Stellenzahl bringen."
)

# --- boundaries ---------------------------------------------------------------
AREA_KEY_EMPTY = "Objekt Nr. {number} hat keinen Gebietsschlüssel."
AREA_KEY_DUPLICATE = "Auf der Ebene „{level}“ kommen Schlüssel mehrfach vor: {keys}."
AREA_KEY_DUPLICATE_HINT = (
    "Schlüssel korrigieren, oder dissolve_duplicates = true setzen, wenn ein Gebiet bewusst "
    "aus mehreren Teilflächen besteht."
)
AREA_DISSOLVED = "{count} Teilflächen der Ebene „{level}“ wurden zu ihren Gebieten vereinigt."
AREA_NO_GEOMETRY = "Gebiete ohne Geometrie: {keys}."
AREA_NO_GEOMETRY_HINT = "In QGIS die Flächen nachdigitalisieren oder die Objekte löschen."
AREA_NOT_POLYGON = "Gebietsgrenzen müssen Flächen sein, gefunden: {types} (Gebiete {keys})."
GEOMETRY_NAMES = {0: "Punkt", 1: "Linie", 2: "Linienring", 4: "Mehrfachpunkt",
                  5: "Mehrfachlinie", 7: "Geometriesammlung"}
AREA_NOT_POLYGON_HINT = "Die Datei mit den Gebietsflächen angeben, nicht Punkte oder Linien."
AREA_REPAIRED = "{count} ungültige Geometrien wurden repariert ({listing})."
AREA_REPAIRED_HINT = "Bitte die Flächen in QGIS prüfen (Vektor › Geometrie prüfen)."
PARENT_MISSING = (
    "{count} Gebiete der Ebene „{level}“ liegen in keinem Gebiet der Ebene „{parent}“: "
    "{listing}."
)
PARENT_MISSING_HINT = (
    "Schlüssel des übergeordneten Gebiets prüfen (führende Nullen: key_zfill) bzw. ob beide "
    "Ebenen dasselbe Gebiet abdecken."
)
TOPO_OVERLAPS = (
    "Ebene „{level}“: {count} Überlappungen zwischen Nachbargebieten, zusammen {area} "
    "(größte: {listing})."
)
TOPO_GAPS = (
    "Ebene „{level}“: {count} Lücken zwischen Gebieten, zusammen {area} (größte, mit "
    "angrenzenden Gebieten: {listing})."
)
TOPO_HINT = (
    "Meist Digitalisierungsreste. In QGIS mit „Topologieprüfung“ bereinigen; kleinere "
    "Flächen als sliver_m2 werden nicht gemeldet."
)

# --- tables -----------------------------------------------------------------
XLS_OLD = "Das alte Excel-Format .xls wird nicht unterstützt."
XLS_OLD_HINT = "In Excel „Speichern unter … Excel-Arbeitsmappe (.xlsx)“ wählen."
XLSX_BROKEN = "Die Datei ist keine gültige Excel-Datei (.xlsx)."
XLSX_BROKEN_HINT = "In Excel öffnen und neu als .xlsx speichern."
XLSX_NO_SHEET = "Das Tabellenblatt „{sheet}“ gibt es nicht. Vorhanden: {sheets}."
XLSX_NO_SHEET_HINT = "Im Rezept sheet = \"NAME\" mit einem vorhandenen Blatt angeben."
XLSX_NO_HEADER = "In Zeile {row} steht keine Kopfzeile."
XLSX_NO_HEADER_HINT = "Im Rezept header_row = N auf die Zeile mit den Spaltennamen setzen."
TABLE_NO_ROWS = "Die Tabelle hat eine Kopfzeile, aber keine Datenzeilen."
CSV_BINARY = "Die Datei ist keine Textdatei (CSV)."
CSV_BINARY_HINT = "Als „CSV (Trennzeichen-getrennt)“ exportieren oder die .xlsx-Datei angeben."
CSV_ENCODING = "Die Datei ist nicht in der Kodierung „{encoding}“ gespeichert."
CSV_ENCODING_HINT = "encoding im Rezept löschen (wird erkannt) oder richtig angeben."
CSV_NO_DELIMITER = "Das Trennzeichen der CSV-Datei wurde nicht erkannt (nur eine Spalte)."
CSV_NO_DELIMITER_HINT = "Im Rezept delimiter = \";\" (bzw. \",\") angeben."
CSV_BROKEN = "Die CSV-Datei lässt sich nicht als Tabelle lesen ({detail})."
CSV_BROKEN_HINT = "Zeile prüfen: meist ein Trennzeichen zu viel oder ein offenes Anführungszeichen."
COLUMN_MISSING = "Die Spalte „{column}“ fehlt."
COLUMN_MISSING_HINT = "Ähnliche Spalten: {near}. Vorhandene Spalten: {columns}."
SERIES_LONG_SPEC = (
    "Die Reihe „{series}“ braucht im Langformat eine Auswahl wie {{ zeile = "
    "\"…\" }}."
)
SERIES_LONG_SPEC_HINT = "Beispiel: alter_00_03 = { tab_id = \"020\", zeile = \"00 - < 03\" }."
SERIES_WIDE_SPEC = "Die Reihe „{series}“ braucht im Breitformat einen Spaltennamen."
SERIES_WIDE_SPEC_HINT = "Beispiel: einwohner = \"Einwohner insgesamt\"."
SERIES_NO_ROWS = "Für die Reihe „{series}“ passt keine Zeile ({filter})."
SERIES_NO_ROWS_HINT = "Schreibweise der Auswahl mit der Tabelle vergleichen (Leerzeichen!)."
YEAR_BAD = "„{value}“ ist keine Jahreszahl."
YEAR_BAD_HINT = "Jahre vierstellig angeben (2023) oder als Datum (31.12.2023)."
NOT_A_NUMBER = "„{value}“ ist keine Zahl."
NOT_A_NUMBER_HINT = (
    "Zahlen ohne Einheit eintragen; für fehlende oder geheime Werte die üblichen Zeichen "
    "verwenden: „.“ (unbekannt/geheim), „x“ (gesperrt), „-“ (nichts vorhanden)."
)
NUMBERS_MIXED = "Die Tabelle mischt deutsche (1.234,5) und englische (1234.5) Zahlen."
NUMBERS_MIXED_HINT = "Einheitlich exportieren oder im Rezept decimal = \",\" bzw. \".\" setzen."
NUMBERS_AMBIGUOUS = "Zahlen wie {examples} sind mehrdeutig; gelesen mit Dezimalzeichen „{decimal}“."
NUMBERS_AMBIGUOUS_HINT = "Im Rezept decimal = \",\" oder decimal = \".\" festlegen."
MARKERS_FOUND = "{count} Felder mit Zeichen der amtlichen Statistik („-“, „.“, „x“, „…“)."
MARKERS_FOUND_HINT = (
    "„-“ zählt als 0 (nichts vorhanden; abschaltbar mit dash_is_zero = false), "
    "„.“, „x“, „…“, „/“ als fehlender Wert."
)
KEY_EMPTY = "Der Gebietsschlüssel ist leer."
KEY_EMPTY_HINT = "Jede Zeile braucht einen Gebietsschlüssel; Summenzeilen löschen."
KEYS_IGNORED = "{count} Zeilen mit den Schlüsseln {keys} wurden wie im Rezept gewünscht übergangen."
VALUE_DUPLICATE = (
    "Gebiet {key}, Jahr {year} kommt mehrfach vor (Zeilen {rows}; Reihen: {series})."
)
SERIES_IN_TWO_TABLES = (
    "Die Reihe „{series}“ kommt in mehreren Tabellen vor ({files}): {count} Werte doppelt, "
    "z. B. Gebiet {key}, Jahr {year}."
)
SERIES_IN_TWO_TABLES_HINT = "Die Reihe in einer der Tabellen anders benennen oder streichen."
VALUE_DUPLICATE_HINT = "Doppelte Zeilen löschen oder die Auswahl der Reihe enger fassen."

# --- key matching -------------------------------------------------------------
KEYS_NONE_MATCH = (
    "Kein einziger Schlüssel passt zu den Gebieten (Tabelle: {sample}; Gebiete: {areas})."
)
KEYS_NONE_MATCH_HINT = (
    "Richtige Schlüsselspalte angeben; fehlen führende Nullen, key_zfill = 3 (Stellenzahl) "
    "setzen."
)
KEYS_UNMATCHED = "{count} Schlüssel ohne passendes Gebiet: {keys}."
KEYS_UNMATCHED_HINT = (
    "Tippfehler, führende Nullen (key_zfill) oder Summen (z. B. Gesamtstadt): solche Schlüssel "
    "mit ignore_keys = [\"000\"] übergehen."
)
AREAS_WITHOUT_VALUES = "{count} Gebiete der Ebene „{level}“ haben keine Werte: {keys}."
AREAS_WITHOUT_VALUES_HINT = (
    "Fehlende Zeilen ergänzen; sonst erscheinen die Gebiete als „keine "
    "Daten“."
)
LEVEL_NOT_IN_TABLE = "Für die Ebene „{level}“ enthält die Tabelle keine Werte."
LEVEL_NOT_IN_TABLE_HINT = "Prüfen, ob die Tabelle die Schlüssel der feinsten Ebene enthält."
LEVEL_AGGREGATED = (
    "Ebene „{level}“ fehlt in der Tabelle; ihre Werte werden aus den "
    "Teilgebieten summiert."
)

# --- derived series and indicators ---------------------------------------------
EXPR_SYNTAX = "„{expression}“ in {where} ist keine Summe von Reihen."
EXPR_SYNTAX_HINT = "Erlaubt sind Reihen mit + und -, z. B. \"alter_00_03 + alter_03_06\"."
EXPR_UNKNOWN = "In {where} werden unbekannte Reihen verwendet: {names}."
EXPR_UNKNOWN_HINT = "Bekannte Reihen: {known}."
COUNT_NO_OFFERS = "Für „{series}“ gibt es keine Angebote der Kategorie {categories}."
COUNT_NO_OFFERS_HINT = "Vorhandene Kategorien: {known}."
COUNT_OUTSIDE = (
    "„{series}“: {count} von {total} Punkten liegen außerhalb jedes Gebiets der Ebene "
    "„{level}“ und werden nicht gezählt."
)
COUNT_OUTSIDE_HINT = "Meist Angebote knapp außerhalb der Stadtgrenze; sonst Koordinaten prüfen."
COUNT_ALL_OUTSIDE = "„{series}“: kein einziger Punkt liegt in einem Gebiet."
DENOMINATOR_ZERO = "Indikator „{indicator}“: in {count} Fällen ist der Nenner 0 (kein Wert)."
OFFERS_YEAR = "Angebotszählungen gelten für das Jahr {year}."
OFFERS_YEAR_HINT = "Anderes Jahr im Rezept mit [atlas] offers_year = JAHR festlegen."
READY_RATE_DENOMINATOR = "(fertige Quote)"
READY_RATE_NO_COUNTS = (
    "Indikator „{indicator}“ ist eine fertige Quote ohne Fallzahlen: die Datenschutzregel "
    "(Mindestfallzahl) kann nicht geprüft werden."
)
READY_RATE_NO_COUNTS_HINT = "Wenn möglich Zähler und Nenner liefern statt der fertigen Quote."
POLARITY_BAD = "Indikator „{indicator}“: unbekannte Polarität „{value}“."
POLARITY_BAD_HINT = "Möglich: higher_worse, higher_better, neutral (oder {labels})."
POPULATION_UNKNOWN = "population_indicator „{indicator}“ ist kein Anzahl-Indikator des Rezepts."
POPULATION_UNKNOWN_HINT = "Die Kennung eines Indikators ohne Nenner angeben, z. B. „einwohner“."
NO_VALUES = "Indikator „{indicator}“ hat keinen einzigen Wert."
NO_VALUES_HINT = "Prüfen, ob Zähler und Nenner für dieselben Jahre vorliegen."

# --- offers -------------------------------------------------------------------
OFFER_NO_COORDS = "Die Tabelle nennt keine Koordinatenspalten."
OFFER_NO_COORDS_HINT = (
    "Im Rezept lat = \"…\" und lon = \"…\" (Grad) oder x = \"…\", y = \"…\" und "
    "crs = \"EPSG:25832\" angeben."
)
OFFER_NO_POSITION = "{count} Angebote ohne Koordinaten werden nicht übernommen (Zeilen {rows})."
OFFER_NO_POSITION_HINT = "Koordinaten ergänzen, z. B. durch Geokodierung der Adresse."
OFFER_LAT_LON_SWAPPED = "Breite und Länge sind offenbar vertauscht."
OFFER_LAT_LON_SWAPPED_HINT = "Im Rezept lat und lon tauschen (Köln: lat ≈ 50,9; lon ≈ 6,9)."
OFFER_NOT_DEGREES_HINT = (
    "lat/lon erwartet Grad. Sind es Meter (UTM), x/y und crs = \"EPSG:25832\" angeben."
)
OFFER_NOT_POINTS = "Angebote müssen Punkte sein; die Datei enthält Linien oder andere Geometrien."
OFFER_NOT_POINTS_HINT = "Eine Punktdatei angeben."
OFFER_POLYGON_CENTRE = "Als Fläche erfasste Angebote werden durch einen Punkt im Inneren ersetzt."
OFFER_UNKNOWN_FIELD = "Unbekannte Angebotsfelder in [offers.columns]: {fields}."
OFFER_UNKNOWN_FIELD_HINT = "Mögliche Felder: {fields}."
OFFER_CATEGORY_UNMAPPED = "Kategorien ohne Zuordnung: {listing}."
OFFER_CATEGORY_UNMAPPED_HINT = (
    "In [offers.categories] jede Kategorie der Datei einer Atlas-Kategorie zuordnen, "
    "z. B. \"Kindertagesstätte\" = \"Kita\"."
)
OFFER_ID_DUPLICATE = "Angebotskennungen kommen mehrfach vor: {keys}."
OFFER_ID_DUPLICATE_HINT = "id_column auf eine eindeutige Spalte setzen oder weglassen."
OFFER_NAMELESS = "{count} Angebote haben keinen Namen."
OFFER_PHASE_UNKNOWN = "Unbekannte Phasen der Präventionskette: {phases}."
OFFER_PHASE_UNKNOWN_HINT = "Übliche Phasen: {phases}."

# --- catalogue template ---------------------------------------------------------
CAT_SHEET = "Indikatoren"
CAT_HELP_SHEET = "Anleitung"
CAT_NO_SHEET = "Das Blatt „Indikatoren“ fehlt; ist das die Katalog-Vorlage?"
CAT_NO_SHEET_HINT = "Vorlage mit „python app.py template KATALOG.xlsx“ neu erzeugen."
CAT_COLUMN_MISSING = "Die Spalte „{column}“ fehlt in der Katalog-Vorlage."
CAT_COLUMN_MISSING_HINT = "Spaltenköpfe der Vorlage nicht umbenennen oder löschen."
CAT_ID_EMPTY = "Die Kennung fehlt."
CAT_ID_BAD = "Die Kennung „{value}“ ist nicht erlaubt."
CAT_ID_DUPLICATE = "Die Kennung „{value}“ kommt mehrfach vor."
CAT_FIELD_EMPTY = "„{field}“ ist leer."
CAT_FIELD_HINT = "Pflichtfelder: Kennung, Name, Einheit, Themenfeld, Polarität."
CAT_BAD_CHOICE = "„{value}“ ist kein erlaubter Wert."
CAT_BAD_CHOICE_HINT = "Erlaubt: {options} (Auswahlliste in der Zelle benutzen)."
CAT_BAD_INT = "„{value}“ ist keine ganze Zahl ≥ 0."
CAT_BAD_INT_HINT = "Eine ganze Zahl eintragen, z. B. 5, oder leer lassen (Standard)."
CAT_NOT_IN_RECIPE = "Indikatoren aus dem Katalog ohne Berechnung im Rezept: {ids}."
CAT_NOT_IN_RECIPE_HINT = "Im Rezept unter [[indicators]] Zähler/Nenner ergänzen oder Zeile löschen."

# --- pipeline -------------------------------------------------------------------
TARGET_IS_INPUT = "Die Atlas-Datei ist zugleich eine Eingabedatei."
TARGET_IS_INPUT_HINT = "Unter [atlas] output einen anderen Dateinamen angeben."
TARGET_NOT_ATLAS = (
    "Am Zielort liegt eine Datei, die kein Atlas ist; sie wird nicht "
    "überschrieben ({detail})."
)
TARGET_NOT_ATLAS_HINT = "Einen anderen Dateinamen wählen oder die Datei selbst entfernen."
WRITE_FAILED = (
    "Der Atlas konnte nicht geschrieben werden ({detail}). Der bisherige Atlas ist "
    "unverändert."
)
WRITE_FAILED_HINT = "Schreibrechte und freien Speicherplatz im Zielordner prüfen."
STORE_REJECTED = "Der erzeugte Atlas lässt sich nicht öffnen ({detail})."
STORE_REJECTED_HINT = "Gebietsebenen und Zuordnungen im Rezept prüfen."
PROGRESS_RECIPE = "Rezept lesen"
PROGRESS_LEVEL = "Gebiete lesen: {level}"
PROGRESS_TOPOLOGY = "Lücken und Überlappungen prüfen"
PROGRESS_TABLE = "Tabelle lesen: {file}"
PROGRESS_OFFERS = "Angebote lesen: {file}"
PROGRESS_DERIVED = "Indikatoren berechnen"
PROGRESS_WRITE = "Atlas schreiben"
PROGRESS_DONE = "Fertig"
IMPORT_DONE = (
    "Atlas „{name}“ Version {version} geschrieben: {path}\n"
    "{districts} Gebiete, {offers} Angebote, {indicators} Indikatoren, {values} Werte "
    "({seconds:.1f} s)."
)
IMPORT_BACKUP = "Vorige Version gesichert als {path}."
IMPORT_FAILED = "Der Import wurde abgebrochen; am Atlas wurde nichts geändert."
UNEXPECTED = "Unerwarteter Fehler ({detail}). Am Atlas wurde nichts geändert."
UNEXPECTED_HINT = "Bitte mit dem Rezept und dieser Meldung an das Entwicklungsteam melden."
CLI_USAGE_ERROR = "Aufruf fehlerhaft: {detail}"

# --- atlas check ------------------------------------------------------------------
CHECK_OK = "Der Atlas „{path}“ ist in Ordnung."
CHECK_KEY_DUPLICATE = "Gebietsschlüssel kommen mehrfach vor: {keys}."
CHECK_PARENT_UNKNOWN = "Übergeordnete Gebiete fehlen: {pairs}."
CHECK_GEOMETRY_INVALID = "Ungültige Geometrien: {keys}."
CHECK_GEOMETRY_EMPTY = "Gebiete ohne Geometrie: {keys}."
CHECK_VALUE_UNKNOWN_INDICATOR = "Werte zu Indikatoren, die nicht im Katalog stehen: {ids}."
CHECK_VALUE_UNKNOWN_DISTRICT = "Werte zu unbekannten Gebieten: {keys}."
CHECK_VALUE_DUPLICATE = "Doppelte Werte (Indikator, Gebiet, Jahr): {listing}."
CHECK_VALUE_INCONSISTENT = (
    "Indikator „{indicator}“: {count} Werte passen nicht zu Zähler/Nenner "
    "(z. B. Gebiet {key}, {year}: {value} statt {expected})."
)
CHECK_CATALOGUE_FIELD = "Katalog, Indikator „{indicator}“: {problem}."
CHECK_META_MISSING = "Die Angabe „{key}“ fehlt in atlas_meta."
CHECK_META_BAD = "Die Angabe „{key}“ in atlas_meta ist ungültig: „{value}“."
CHECK_REIMPORT_HINT = "Den Atlas mit „python app.py import REZEPT“ neu erzeugen."
