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
