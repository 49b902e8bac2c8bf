"""German texts of the comparison panel, the profiles (Steckbriefe), correlation and twins.

Part of the one text package (``indicators/texts``). Placeholders are filled with
str.format. Codes (``kind``, polarity) stay English; only what a person reads is here.
"""

from __future__ import annotations

# --- comparison panel ----------------------------------------------------------
CITY = "Gesamtstadt"
MEAN_PER_AREA = "{name} (Durchschnitt je {level})"
ERR_WRONG_LEVEL = (
    "Das Gebiet „{district_id}“ gehört zur Ebene „{actual}“, nicht zu „{level}“. "
    "Bitte Gebiete derselben Ebene wählen."
)

# --- comparison panel: tabs, charts and hints (layouts/compare.py, compare_figures.py)
PANEL_TITLE = "Gebiete vergleichen"
TAB_BARS = "Vergleich"
TAB_SERIES = "Zeitverlauf"
TAB_RANKING = "Rangfolge"
TAB_SCATTER = "Zwei Indikatoren"
LABEL_SCATTER_INDICATOR = "Zweiter Indikator (senkrechte Achse)"
HINT_NO_SELECTION = (
    "Noch kein Gebiet ausgewählt: Gebiete auf der Karte anklicken oder links unter "
    "„Gebiete auswählen“ suchen. Dann erscheinen sie hier neben Stadtbezirk und Gesamtstadt."
)
HINT_CLICK_BAR = (
    "Ein Klick auf einen Balken wählt das Gebiet aus (oder wieder ab) – auch auf der Karte."
)
HINT_CLICK_LINE = "Ein Klick auf eine Linie wählt das Gebiet wieder ab."
HINT_CLICK_POINT = (
    "Ein Klick auf einen Punkt wählt das Gebiet aus (oder wieder ab) – auch auf der Karte."
)
BAR_PARENT = "{name} ({level})"
CITY_LINE = "Gesamtstadt"
CITY_MARK = "Gesamtstadt {text}"
SELECTED_YEAR = "gewähltes Jahr"
AXIS_VALUE = "{name} ({unit})"
CHART_TITLE = "{name}, {year}"
CHART_TITLE_SERIES = "{name}, {first}–{last}"
CHART_TITLE_SCATTER = "{x} und {y}, {year}"
NOTES_BARS = "Ohne Balken (kein Wert zeigbar):"
NOTES_SERIES = "Lücken in den Linien (kein Wert zeigbar):"
NOTES_RANKING = "Nicht in der Rangfolge (kein Wert zeigbar):"
NOTE_ITEM = "{name}: {label}"
NOTE_YEARS = "{name} {years}: {label}"
SERIES_NO_VALUE = "{name} (kein Wert zeigbar)"
HOVER_RANK = "{rank}"
SCATTER_SELECTED = "ausgewählte Gebiete"
SCATTER_OTHERS = "übrige Gebiete"
ERR_NOTHING_TO_SHOW = "Für diese Auswahl gibt es keine Werte."

# --- profile (Steckbrief) --------------------------------------------------------
BETTER = "besser"
WORSE = "schlechter"
SIMILAR = "ähnlich"
NOT_RATED = "ohne Wertung"
SUPPRESSED = "Datenschutz"
NO_DATA = "keine Daten"
ASSESSMENTS = (BETTER, WORSE, SIMILAR, NOT_RATED, SUPPRESSED, NO_DATA)
UNIT_PERCENT_POINTS = "Prozentpunkte"
ERR_NO_PROFILE_AREAS = "Bitte mindestens ein Gebiet für den Steckbrief auswählen."
ERR_TOO_MANY_PROFILES = (
    "Es können höchstens {max_areas} Gebiete nebeneinander gezeigt werden, nicht {n}. "
    "Bitte die Auswahl verkleinern."
)

# --- two indicators together -------------------------------------------------------
STRENGTH = {
    "kaum": "kaum ein Zusammenhang",
    "schwach": "schwacher Zusammenhang",
    "mittel": "mittlerer Zusammenhang",
    "stark": "starker Zusammenhang",
    "sehr stark": "sehr starker Zusammenhang",
}
CORR_DETAILS = "{strength}, Rangkorrelation {rho}, {areas}"
CORR_DETAILS_PLAIN = "Rangkorrelation {rho}, {areas}"
CORR_POSITIVE = "Wo „{x}“ hoch ist, ist meist auch „{y}“ hoch ({details})."
CORR_NEGATIVE = "Wo „{x}“ hoch ist, ist „{y}“ meist niedrig ({details})."
CORR_NONE = "Zwischen „{x}“ und „{y}“ gibt es kaum einen Zusammenhang ({details})."
CORR_NOT_CAUSE = "Ein Zusammenhang ist noch keine Ursache."
CORR_TOO_FEW = (
    "Zu wenige Gebiete mit Werten in beiden Indikatoren ({areas}), um einen Zusammenhang "
    "zu beschreiben."
)
CORR_CONSTANT = (
    "Kein Zusammenhang berechenbar: „{name}“ hat in allen Gebieten denselben Wert."
)
CORR_SMALL_N = "Vorsicht: nur {areas} – bei so wenigen Gebieten kann das Muster Zufall sein."
CORR_NOT_SIGNIFICANT = "Der Zusammenhang ist statistisch nicht gesichert; er kann auch Zufall sein."
CORR_EXCLUDED = "Nicht enthalten: {areas} (Datenschutz oder keine Daten)."
AREAS_ONE = "1 Gebiet"
AREAS_MANY = "{n} Gebiete"
ERR_SAME_INDICATOR = "Bitte zwei verschiedene Indikatoren wählen, nicht zweimal „{name}“."

# --- statistical twins ---------------------------------------------------------------
VERY_SIMILAR = "sehr ähnlich"
TWIN_SIMILAR = "ähnlich"
RATHER_SIMILAR = "eher ähnlich"
ERR_TWIN_COUNT = "Bitte {n_min} bis {n_max} statistische Zwillinge anfordern, nicht {n}."
ERR_TWIN_INDICATORS = (
    "Für statistische Zwillinge bitte mindestens 2 verschiedene Indikatoren wählen "
    "(gewählt: {n})."
)
ERR_TWIN_SELF_SUPPRESSED = (
    "Für „{name}“ sind nur {known} von {k} gewählten Indikatoren bekannt (die übrigen sind "
    "gesperrt oder fehlen); für einen Vergleich braucht es mindestens {need}. "
    "Bitte andere Indikatoren wählen."
)
ERR_TWIN_NONE = (
    "Kein anderes Gebiet hat genug Werte in den gewählten Indikatoren, um es mit „{name}“ "
    "zu vergleichen."
)


def areas(n: int) -> str:
    """'1 Gebiet', '34 Gebiete'."""
    return AREAS_ONE if n == 1 else AREAS_MANY.format(n=n)


# --- Steckbrief view and twins panel (layouts/profile.py, layouts/profile_figures.py) --
PROFILE_BUTTON = "Steckbrief"
PROFILE_BUTTON_TITLE = "Steckbrief der ausgewählten Gebiete öffnen"
PROFILE_HINT_NONE = "Für einen Steckbrief bitte zuerst Gebiete auswählen (Karte oder Liste)."
PROFILE_HINT_SOME = "Steckbrief für {areas}"
PROFILE_HINT_TOO_MANY = "{n} Gebiete ausgewählt – der Steckbrief zeigt die ersten {max_areas}."
PROFILE_TITLE = "Steckbrief · {year}"
PROFILE_NOTE_FIRST = (
    "Ausgewählt sind {n} Gebiete; gezeigt werden nur die ersten {max_areas} "
    "(in der Reihenfolge der Auswahl)."
)
PROFILE_AREA_LEVEL = "{level}"
PROFILE_AREA_PARENT = "{level} in {parent_level} {parent}"
PROFILE_PRINT = "Drucken"
PROFILE_CLOSE = "Schließen"
PROFILE_LOCATOR_TITLE = "Lage in der Stadt: blau = gewählt, magenta = Zwillinge"
PROFILE_COL_INDICATOR = "Indikator"
PROFILE_COL_VALUE = "Wert"
PROFILE_COL_SPINE = "Einordnung: niedrigster bis höchster Wert ({level})"
PROFILE_COL_TREND = "Verlauf {first}–{last}"
PROFILE_CITY_VALUE = "Gesamtstadt: {city}"
PROFILE_LEGEND_TITLE = "So liest man die Zeilen"
PROFILE_LEGEND_SPINE = "Spanne: niedrigster bis höchster Wert aller Gebiete der Ebene {level}"
PROFILE_LEGEND_CITY = "Wert der Gesamtstadt"
PROFILE_LEGEND_COLORS = {
    WORSE: "ungünstiger als die Gesamtstadt (schlechter)",
    BETTER: "günstiger als die Gesamtstadt (besser)",
    SIMILAR: "ähnlich wie die Gesamtstadt",
    NOT_RATED: "ohne Wertung (weder besser noch schlechter)",
}
PROFILE_LEGEND_SUPPRESSED = (
    "Datenschutz: gesperrter Wert – kein Punkt, stattdessen der Grund; er zählt weder als 0 "
    "noch in der Spanne."
)
PROFILE_LEGEND_AREAS = "Gebiete"
PROFILE_HOVER_DOT = (
    "<b>{area}</b><br>{value}<br>Gesamtstadt: {city}<br>Abstand: {deviation}<br>{assessment}"
)
PROFILE_HOVER_CITY = "Gesamtstadt: {city}"
PROFILE_HOVER_SPINE = "Spanne aller Gebiete: {low} bis {high}"
PROFILE_NO_TREND = "kein Verlauf"
PROFILE_EMPTY = "Keine Indikatoren zum Anzeigen."

TWINS_TITLE = "Statistische Zwillinge"
TWINS_INTRO = (
    "Die Gebiete, die einem Gebiet in den gewählten Indikatoren am ähnlichsten sind "
    "(Abstand der standardisierten Werte). Gesperrte Werte bleiben unbekannt – sie zählen "
    "weder als 0 noch als Durchschnitt. Ähnliche Zahlen heißen nicht, dass die Lage "
    "vor Ort gleich ist."
)
TWINS_LABEL_AREA = "Zwillinge für"
TWINS_LABEL_INDICATORS = "Verglichene Indikatoren"
TWINS_LABEL_N = "Anzahl"
TWINS_SHOW_ON_MAP = "Auf der Karte zeigen"
TWINS_SHOW_ON_MAP_TITLE = (
    "Die Zwillinge auf der Hauptkarte magenta umranden und den Steckbrief schließen"
)
TWINS_COL_RANK = "Rang"
TWINS_COL_AREA = "Gebiet"
TWINS_COL_SIMILARITY = "Ähnlichkeit"
TWINS_OWN_ROW = "{name} (Ausgangsgebiet)"
TWINS_PARTIAL = "{similarity} ({m} von {k} Indikatoren verglichen)"
TWINS_CAPTION = "Statistische Zwillinge von {name}, {year}"
