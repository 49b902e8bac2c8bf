"""German texts of the offer layer (Netzwerkkarte): filters, supply indicators, bivariate
map, catchments.

Part of the one text package (``indicators/texts``). Also holds the German vocabulary of
the offers layer that the code relies on (phases, categories, provider types), so that a
renamed category is changed in one place. Placeholders are filled with str.format.
"""

from __future__ import annotations

# --- vocabulary of the offers layer ------------------------------------------------
#: The prevention chain in life order; filter options list phases in this order.
PHASE_ORDER = (
    "rund um die Geburt", "Kita", "Grundschule", "weiterführende Schule", "Jugend",
    "Übergang Schule–Beruf", "übergreifend",
)
CATEGORY_KITA = "Kita"
CATEGORY_FAMILY_CENTRE = "Familienzentrum"
PROVIDER_PUBLIC = "öffentlich"
PROVIDER_FREE = "frei"

# --- join and filter -----------------------------------------------------------------
OUTSIDE_NO_DISTRICT = "liegt außerhalb aller Gebiete"
OUTSIDE_NO_LOCATION = "ohne Lage (keine Koordinaten)"
OUTSIDE_SUMMARY_ONE = "1 Angebot liegt in keinem Gebiet und wird nicht mitgezählt."
OUTSIDE_SUMMARY = "{count} Angebote liegen in keinem Gebiet und werden nicht mitgezählt."
ERR_OFFER_COLUMNS = (
    "Der Angebotsliste fehlen die Spalten {columns}. Erwartet werden die Spalten der "
    "Angebotsebene des Atlas (offer_id, name, category, …)."
)
ERR_AGE = (
    "Ungültige Altersangabe „{age}“: erwartet wird ein Alter in Jahren (z. B. 4) oder ein "
    "Altersband (von, bis) mit 0 ≤ von ≤ bis."
)
ERR_UNKNOWN_DISTRICTS = "Unbekannte Gebiete: {ids}."

# --- supply indicators --------------------------------------------------------------
THEME_SUPPLY = "Versorgung"
UNIT_PER_100 = "je 100"
UNIT_PER_1000 = "je 1.000"
SUPPLY_SOURCE = (
    "Berechnet aus der Angebotsliste des Atlas (Lage jedes Angebots im Gebiet, "
    "Stand der Angebotsliste: {data_date}) und der Einwohnerstatistik „{denominator}“."
)
SUPPLY_SOURCE_UNDATED = "unbekannt"
SUPPLY_NOTE = (
    " Die Angebotsliste ist eine Momentaufnahme; für frühere Jahre ändert sich nur die Zahl "
    "der Kinder. Angebote wirken über Gebietsgrenzen hinaus."
)
#: indicator_id -> name, short_name, description, numerator, denominator
SUPPLY_TEXTS: dict[str, dict[str, str]] = {
    "kita_plaetze_je_100_u6": {
        "name": "Kita-Plätze je 100 Kinder unter 6 Jahren (aus der Angebotsliste)",
        "short_name": "Kita-Plätze (Angebote)",
        "description": "Summe der Plätze aller Kitas im Gebiet je 100 Kinder unter 6 Jahren.",
        "numerator": "Plätze in Angeboten der Kategorie „Kita“ im Gebiet",
        "denominator": "Kinder unter 6 Jahren",
    },
    "angebote_u3_je_1000": {
        "name": "Angebote für 0- bis 2-Jährige je 1.000 Kinder unter 3 Jahren",
        "short_name": "Angebote U3",
        "description": (
            "Zahl der Angebote im Gebiet, deren Altersspanne Kinder von 0 bis 2 Jahren "
            "einschließt, je 1.000 Kinder unter 3 Jahren."
        ),
        "numerator": "Angebote im Gebiet mit Altersspanne, die 0 bis 2 Jahre berührt",
        "denominator": "Kinder unter 3 Jahren",
    },
    "familienzentren_je_1000_u6": {
        "name": "Familienzentren je 1.000 Kinder unter 6 Jahren",
        "short_name": "Familienzentren",
        "description": "Zahl der Familienzentren im Gebiet je 1.000 Kinder unter 6 Jahren.",
        "numerator": "Angebote der Kategorie „Familienzentrum“ im Gebiet",
        "denominator": "Kinder unter 6 Jahren",
    },
}
SUPPRESSED_FEW_CHILDREN = "Datenschutz: weniger als {min_count} Kinder im Gebiet"

# --- bivariate map ------------------------------------------------------------------
NEED_LEVELS = ("geringer Bedarf", "mittlerer Bedarf", "hoher Bedarf")
SUPPLY_LEVELS = ("geringe Versorgung", "mittlere Versorgung", "hohe Versorgung")
CELL_LABEL = "{need}, {supply}"
AXIS_NEED = "Bedarf"
AXIS_SUPPLY = "Versorgung"
BIVARIATE_NO_DATA = "keine Daten (Bedarf oder Versorgung fehlt)"
BIVARIATE_TITLE = "Bedarf und Versorgung"
PRIORITY_TITLE = "Gebiete mit hohem Bedarf und geringer Versorgung"
PRIORITY_EMPTY = "Kein Gebiet hat zugleich hohen Bedarf und geringe Versorgung."

# --- catchments ---------------------------------------------------------------------
ERR_RADIUS = "Ungültiger Umkreis „{radius}“: erwartet wird eine Zahl in Metern größer als 0."
ERR_NOT_METRIC = (
    "Umkreise brauchen ein metrisches Koordinatensystem (z. B. ETRS89/UTM, EPSG:25832); "
    "die Gebiete liegen in „{crs}“. Bitte die Gebiete vorher in ein metrisches System "
    "umprojizieren."
)
ERR_NO_CRS = (
    "Die Gebiete haben kein Koordinatensystem; Umkreise in Metern lassen sich so nicht "
    "berechnen."
)
UNCOVERED_TEXT = "{share} der Fläche außerhalb jedes Umkreises"

# --- panel "Bedarf und Versorgung" (layouts/need_supply.py) ---------------------------
NS_LABEL_NEED = "Bedarf (Indikator)"
NS_LABEL_SUPPLY = "Versorgung (Indikator)"
NS_LABEL_RADIUS = "Umkreis um Angebote"
NS_RADIUS_OFF = "aus"
NS_RADIUS_OPTIONS = ((0, "aus"), (500, "500 m"), (1000, "1 km"), (2000, "2 km"))
NS_INTRO = (
    "Jedes Gebiet wird nach Bedarf und Versorgung in ein Drittel eingeordnet (unteres, "
    "mittleres, oberes Drittel der Gebiete). Jahr und Ebene folgen der Karte oben."
)
NS_LEGEND_TITLE = "So liest man die Farben"
NS_AXIS_NEED = "Bedarf ↑"
NS_AXIS_SUPPLY = "Versorgung →"
NS_LEVEL_WORDS = ("gering", "mittel", "hoch")
NS_CELL_COUNT_ONE = "1 Gebiet"
NS_CELL_COUNT = "{count} Gebiete"
NS_CELL_TITLE = "{label}: {count}"
NS_HIGHLIGHT = "Dunkelblau: hoher Bedarf, geringe Versorgung"
NS_GREY = "Grau: Datenschutz oder keine Daten ({count})"
NS_NO_DATA = "Hellgrau: keine Daten"
NS_UNCOVERED_LEGEND = "außerhalb jedes Umkreises"
NS_UNCOVERED_LEGEND_DETAIL = "außerhalb jedes Umkreises ({radius} um {offers})"
NS_OFFERS_LEGEND = "Angebote ({offers})"
NS_HOVER_NEED = "Bedarf – {name}: {value}"
NS_HOVER_SUPPLY = "Versorgung – {name}: {value}"
NS_PRIORITY_HINT = "Klick auf einen Namen nimmt das Gebiet in die Auswahl."
NS_PRIORITY_HEAD = ("Gebiet", "Bedarf", "Versorgung")
NS_PRIORITY_ADD = "{name} in die Auswahl nehmen"
NS_CATCHMENT_TITLE = "Anteil der Fläche außerhalb"
NS_CATCHMENT_OFF = (
    "Umkreis „aus“: Wählen Sie 500 m, 1 km oder 2 km, um zu sehen, welche Teile der "
    "Gebiete außerhalb jedes Umkreises um die Angebote liegen."
)
NS_CATCHMENT_ALL_KITAS = (
    "Umkreis {radius} um alle {count} Kitas (im Angebotsfilter ist keine Kategorie gewählt)."
)
NS_CATCHMENT_CATEGORIES = "Umkreis {radius} um {count} Angebote der Kategorien {categories}."
NS_CATCHMENT_NOTE = "Luftlinie, kein Fußweg; Angebote wirken über Gebietsgrenzen hinaus."
NS_CATCHMENT_HEAD = ("Gebiet", "Fläche außerhalb")
NS_CATCHMENT_TOP = "Die {count} Gebiete mit dem größten Anteil (von {total})."
NS_CATCHMENT_ALL_COVERED = "Jedes Gebiet liegt vollständig in einem Umkreis."
NS_KITAS = "Kitas"
# --- end of panel "Bedarf und Versorgung" --------------------------------------------
