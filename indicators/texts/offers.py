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
