"""All German text the product shows: UI labels, legend entries, messages.

The import messages live next door in ``indicators/texts/importing.py``.

One place so that wording stays consistent between map, tables, exports and
error messages, and so that a second language can be added later.
Library modules (indicators/, geodata/) and the Dash layer both import from here.
"""

from __future__ import annotations

APP_TITLE = "Chancenatlas"
APP_SUBTITLE = "Sozialraum-Monitoring"
DEMO_BADGE = "Demodaten"
DEMO_BADGE_TITLE = (
    "Musterstadt ist eine erfundene Stadt. Alle Werte sind fiktive Demodaten "
    "und beschreiben keine reale Kommune."
)

# --- selection panel -------------------------------------------------------
LABEL_THEME = "Themenfeld"
LABEL_INDICATOR = "Indikator"
LABEL_YEAR = "Jahr"
LABEL_LEVEL = "Gebietsebene"
LABEL_CLASSIFICATION = "Klassenbildung"
LABEL_CLASS_COUNT = "Anzahl Klassen"
LABEL_FIXED_BREAKS = "Klassengrenzen über alle Jahre festhalten"
LABEL_CUSTOM_BREAKS = "Eigene Klassengrenzen"
HINT_CUSTOM_BREAKS = "z. B. 10; 20; 30,5"
LABEL_MODE = "Darstellung"
LABEL_COMPARE_YEAR = "Vergleichsjahr"
LABEL_SHOW_NAMES = "Gebietsnamen auf der Karte"
LABEL_PLAY = "Abspielen"
LABEL_PAUSE = "Anhalten"
ALL_THEMES = "Alle Themenfelder"

# --- map and legend --------------------------------------------------------
LEGEND_TITLE = "Legende"
LEGEND_NO_DATA = "keine Daten"
LEGEND_SUPPRESSED = "Datenschutz"
LEGEND_COUNT = "{count} Gebiete"
LEGEND_COUNT_ONE = "1 Gebiet"
LEGEND_MORE_NEED = "dunkler = mehr Bedarf"
LEGEND_LESS_NEED = "dunkler = weniger Bedarf"
LEGEND_NEUTRAL = "dunkler = höherer Wert"
SUPPRESSED_COUNT = "Datenschutz: weniger als {min_count} Fälle"
SUPPRESSED_POPULATION = "Datenschutz: weniger als {min_population} Einwohner"
SUPPRESSED_SECONDARY = "Datenschutz: gesperrt, damit gesperrte Werte nicht rückrechenbar sind"
NO_DATA = "keine Daten"
HOVER_NUMERATOR = "{numerator} von {denominator}"
CITY_AVERAGE = "Gesamtstadt"
SOURCE = "Quelle"
DATA_DATE = "Datenstand"
DESCRIPTION = "Beschreibung"

# --- polarity ----------------------------------------------------------------
POLARITY_LABELS = {
    "higher_worse": "höherer Wert = mehr Bedarf",
    "higher_better": "höherer Wert = weniger Bedarf",
    "neutral": "ohne Wertung",
}

# --- error messages (library and command line) -----------------------------
ERR_ATLAS_MISSING = "Die Atlas-Datei „{path}“ wurde nicht gefunden. Bitte den Pfad prüfen."
ERR_ATLAS_UNREADABLE = (
    "Die Atlas-Datei „{path}“ kann nicht gelesen werden ({reason}). "
    "Bitte Dateirechte prüfen."
)
ERR_ATLAS_NOT_GPKG = (
    "Die Datei „{path}“ ist kein GeoPackage (erwartet wird eine .gpkg-Datei, "
    "wie sie „python app.py import“ erzeugt)."
)
ERR_ATLAS_LAYER_MISSING = (
    "Der Atlas „{path}“ ist unvollständig: die Tabelle „{layer}“ fehlt. "
    "Bitte den Atlas neu importieren."
)
ERR_ATLAS_COLUMN_MISSING = (
    "Der Atlas „{path}“ ist unvollständig: in der Tabelle „{layer}“ fehlt die Spalte "
    "„{column}“. Bitte den Atlas neu importieren."
)
ERR_UNKNOWN_INDICATOR = "Unbekannter Indikator „{indicator_id}“."
ERR_UNKNOWN_LEVEL = "Unbekannte Gebietsebene „{level}“. Vorhanden: {levels}."
ERR_UNKNOWN_YEAR = "Für „{indicator}“ gibt es keine Werte im Jahr {year}."
ERR_UNKNOWN_DISTRICT = "Unbekanntes Gebiet „{district_id}“."
ERR_PREFIX = "Fehler"

# --- Dash component labels (dropdown search etc.) ---------------------------
DROPDOWN_LABELS = {
    "select_all": "Alle auswählen",
    "deselect_all": "Alle abwählen",
    "selected_count": "{num_selected} ausgewählt",
    "search": "Suchen",
    "clear_search": "Suche löschen",
    "clear_selection": "Auswahl löschen",
    "no_options_found": "Keine Treffer",
}

# --- classification --------------------------------------------------------
LABEL_QUANTILES = "Quantile (gleich viele Gebiete)"
LABEL_EQUAL_INTERVAL = "Gleiche Abstände"
LABEL_NATURAL_BREAKS = "Natürliche Brüche (Jenks)"
LABEL_STD_MEAN = "Mittelwert ± Standardabweichung"
LABEL_USER_DEFINED = "Eigene Klassengrenzen"
LEGEND_RANGE = "{lower} – {upper}"
LEGEND_UP_TO = "bis {upper}"
LEGEND_ABOVE = "über {lower}"
NOTE_FEWER_CLASSES = "Nur {k} statt {k_requested} Klassen: zu wenige unterschiedliche Werte."
NOTE_NO_VALUES = "Keine Werte zum Einteilen: alle Gebiete ohne Daten oder gesperrt."
ERR_UNKNOWN_METHOD = "Unbekannte Klassenbildung „{method}“. Möglich sind: {methods}."
ERR_K_RANGE = "Die Anzahl der Klassen muss zwischen {k_min} und {k_max} liegen, nicht {k}."
ERR_BREAKS_EMPTY = "Bitte eigene Klassengrenzen eingeben, z. B. 10; 20; 30,5."
ERR_BREAK_NOT_NUMBER = (
    "„{part}“ ist keine Zahl. Bitte die Klassengrenzen mit Semikolon trennen, "
    "z. B. 10; 20; 30,5."
)
ERR_BREAKS_ORDER = "Die Klassengrenzen müssen aufsteigen: „{part}“ steht nach „{previous}“."
ERR_BREAKS_COUNT = (
    "Bitte {n_min} bis {n_max} Klassengrenzen angeben (das ergibt {k_min} bis {k_max} "
    "Klassen), nicht {n}."
)

# --- map modes -------------------------------------------------------------
MODE_LABELS = {
    "value": "Wert",
    "change": "Veränderung",
    "deviation": "Abweichung vom Durchschnitt der Gesamtstadt",
    "rank": "Rangfolge",
}
UNIT_PERCENT_POINTS = "Prozentpunkte"
UNIT_PERCENT = "%"
UNIT_RANK = "Rang"
RANK_OF = "Rang {rank} von {n}"
ERR_UNKNOWN_MODE = "Unbekannte Darstellung „{mode}“. Möglich sind: {modes}."
ERR_MISSING_COLUMNS = "Der Wertetabelle fehlen die Spalten {columns}."
ERR_NO_COMPARE_FRAME = "Für die Veränderung fehlt das Vergleichsjahr."
ERR_NO_CITY_VALUE = (
    "Die Abweichung vom Durchschnitt kann nicht berechnet werden: der Wert der "
    "Gesamtstadt fehlt oder ist gesperrt."
)
ERR_CITY_ZERO = (
    "Die Abweichung in Prozent kann nicht berechnet werden: der Wert der Gesamtstadt ist 0."
)

# --- palettes --------------------------------------------------------------
ERR_PALETTE_K = "Farbpaletten gibt es für {k_min} bis {k_max} Klassen, nicht {k}."
ERR_POLARITY = "Unbekannte Wertung „{polarity}“. Möglich sind: {polarities}."
ERR_HEX_COLOR = "Farbe im Format „#rrggbb“ erwartet, nicht „{color}“."

# --- robustness ------------------------------------------------------------
VERDICT_STABLE = "stabil"
VERDICT_SLIGHT = "leicht schwankend"
VERDICT_METHOD_DEPENDENT = "methodenabhängig"
ROBUSTNESS_TITLE = "Robustheit der Klassenbildung"
ROBUSTNESS_SUMMARY = (
    "Bei allen Verfahren in derselben Klasse: {stable} von {n} Gebieten ({share} %)."
)
ROBUSTNESS_EMPTY = "Keine Gebiete mit Werten: nichts zu vergleichen."

# --- map titles, hover and legend notes for the map modes --------------------
TITLE_CHANGE = "{name}: Veränderung {from_year}–{year}"
TITLE_DEVIATION = "{name}: Abweichung von der Gesamtstadt · {year}"
TITLE_RANK = "{name}: Rangfolge · {year}"
HOVER_CHANGE = "Veränderung"
HOVER_DEVIATION = "Abweichung von der Gesamtstadt"
HOVER_COUNTS = "{numerator} von {denominator}"
HOVER_TREND = "{arrow} {change} gegenüber {year}"
HOVER_FALLBACK = "–"
LEGEND_SUPPRESSED_ANY = "Datenschutz: weniger als {min_count} Fälle oder {min_population} Einwohner"
LEGEND_RANK_NOTE = "Rang 1 = meister Bedarf; dunkler = weiter vorn"
LEGEND_DIVERGING_NOTE = "orange = ungünstiger, lila = günstiger"
LEGEND_DIVERGING_NEUTRAL = "braun = niedriger, grün = höher"

# --- explorer controls (step 2) -----------------------------------------------
SECTION_DATA = "Daten"
SECTION_MAP = "Karte"
MODE_VALUE_HINT = "Wert des Jahres"
LABEL_MARK_UNSTABLE = "Methodenabhängige Gebiete auf der Karte umranden"
ROBUSTNESS_LIST_EMPTY = "Alle Gebiete bleiben bei jeder Methode in derselben Klasse."
ROBUSTNESS_COLUMNS = {"name": "Gebiet", "verdict": "Einschätzung"}
ROBUSTNESS_HINT = (
    "Zahlen = Klasse (1 = niedrigste) bei gleicher Klassenzahl. Gebiete, die nur bei einer "
    "Methode die Klasse wechseln, liegen nahe an einer Grenze; ihre Farbe ist kein Befund."
)
ERR_BREAKS_FIELD = "Eigene Klassengrenzen: {message}"
FIXED_BREAKS_NOTE = "Klassengrenzen aus allen Jahren {first}–{last} (vergleichbare Farben)."
CITY_CHANGE = "{before} → {after} ({change})"

# --- selection of areas (step 3) ----------------------------------------------
LABEL_DISTRICT_SELECT = "Gebiete auswählen"
HINT_DISTRICT_SELECT = "Auf der Karte anklicken oder hier suchen"

# --- offer layer (step 4) -------------------------------------------------------------
SECTION_OFFERS = "Angebote"
LABEL_OFFER_LAYER = "Angebote auf der Karte zeigen"
LABEL_OFFER_PHASE = "Phase der Präventionskette"
LABEL_OFFER_CATEGORY = "Art des Angebots"
LABEL_OFFER_PROVIDER = "Träger"
LABEL_OFFER_AGE = "Alter (Jahre)"
LABEL_OFFER_TARGET = "Zielgruppe"
LABEL_OFFER_TEXT = "Suche (Name, Träger, Adresse, Sprache)"
OFFER_AGE_ANY = "alle Altersstufen"
OFFER_COUNT = "{shown} von {total} Angeboten"
OFFER_TABLE_TITLE = "Angebote in den ausgewählten Gebieten"
OFFER_TABLE_EMPTY = "Gebiete auf der Karte auswählen, um ihre Angebote als Liste zu sehen."
OFFER_COLUMNS = {
    "district_name": "Gebiet", "name": "Angebot", "category": "Art", "provider": "Träger",
    "provider_type": "Trägerart", "capacity": "Plätze", "ages": "Alter", "address": "Adresse",
    "opening_hours": "Öffnungszeiten", "languages": "Sprachen", "contact": "Kontakt",
}
OFFER_HOVER_PLACES = "Plätze: {places}"
OFFER_HOVER_AGES = "Alter: {low}–{high} Jahre"
OFFER_HOVER_LANGUAGES = "Sprachen: {languages}"
OFFER_HOVER_CONTACT = "Kontakt: {contact}"
OFFER_LEGEND_TITLE = "Angebote (Größe = Plätze)"
OFFER_ALL = "alle"
GRID_LOCALE = {
    "filterOoo": "Filtern …", "contains": "enthält", "notContains": "enthält nicht",
    "equals": "ist gleich", "notEqual": "ist nicht gleich", "startsWith": "beginnt mit",
    "endsWith": "endet mit", "blank": "leer", "notBlank": "nicht leer", "andCondition": "UND",
    "orCondition": "ODER", "noRowsToShow": "Keine Angebote", "page": "Seite", "of": "von",
    "to": "bis", "firstPage": "Erste Seite", "lastPage": "Letzte Seite",
    "nextPage": "Nächste Seite", "previousPage": "Vorige Seite", "loadingOoo": "Lädt …",
    "applyFilter": "Anwenden", "resetFilter": "Zurücksetzen", "clearFilter": "Leeren",
    "searchOoo": "Suchen …", "selectAll": "Alle auswählen",
}

# --- downloads ---------------------------------------------------------------------------
EXPORT_COLUMNS = {
    "district_id": "Schlüssel", "name": "Gebiet", "year": "Jahr", "value": "Wert",
    "unit": "Einheit", "numerator": "Fälle (Zähler)", "denominator": "Bezugsgruppe (Nenner)",
    "rank": "Rang (1 = meister Bedarf)", "note": "Hinweis",
}
EXPORT_SHEET = "Werte"
EXPORT_EXCEL = "Tabelle (Excel)"
EXPORT_CSV = "Tabelle (CSV)"
EXPORT_FILENAME = "chancenatlas_{indicator}_{year}_{level}"
DEMO_EXPORT_NOTE = "Demodaten: fiktive Werte einer erfundenen Stadt"
NOTE_SYMMETRIC = ("Bei Veränderung und Abweichung: gleich breite Klassen um 0, damit "
                  "Zu- und Abnahme gleich stark aussehen.")

# --- command line ------------------------------------------------------------------------
SERVING = "{app}: {atlas} auf http://{host}:{port}"
ERR_UNKNOWN_COMMAND = "unbekannter Befehl „{command}“."
