"""All German text the product shows: UI labels, legend entries, messages.

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
