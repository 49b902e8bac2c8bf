"""The demo's indicator catalogue: what each indicator means, in plain German.

Kept apart from the value model (values.py) so that wording can be edited
without touching numbers. Every source says "Fiktive Demodaten": nothing here
describes a real Kommune.
"""

from __future__ import annotations

import pandas as pd

from indicators.atlas_file import CATALOGUE_COLUMNS
from indicators.catalogue import HIGHER_BETTER, HIGHER_WORSE, NEUTRAL

PERCENT, PER_1000, PER_100, COUNT = "%", "je 1.000", "je 100", "Anzahl"
_SCALE = {PERCENT: 100, PER_1000: 1000, PER_100: 100, COUNT: 1}
_FICTIVE = "Fiktive Demodaten nach dem Muster: "
_REGISTER = _FICTIVE + "Einwohnermelderegister der Stadt, Stichtag 31.12."
_BA = _FICTIVE + "Bundesagentur für Arbeit, Statistik der Grundsicherung für Arbeitsuchende"
_ESU = _FICTIVE + "Gesundheitsamt, Schuleingangsuntersuchung"
_ESU_BASE = "Untersuchte Kinder der letzten drei Einschulungsjahrgänge"
_POOLED = " Drei Untersuchungsjahrgänge zusammengefasst, weil die Zahlen je Gebiet klein sind."
_YOUTH = _FICTIVE + "Jugendamt, Kinder- und Jugendhilfestatistik"

#: (id, name, short name, theme, unit, polarity, public, numerator, denominator,
#:  description, source)
_ROWS = (
    ("einwohner", "Einwohnerinnen und Einwohner", "Einwohner", "Demografie", COUNT, NEUTRAL,
     True, "Einwohnerinnen und Einwohner mit Hauptwohnsitz", "",
     "Wie viele Menschen im Gebiet mit Hauptwohnsitz gemeldet sind.", _REGISTER),
    ("anteil_u18", "Anteil der unter 18-Jährigen", "Anteil unter 18", "Demografie", PERCENT,
     NEUTRAL, True, "Einwohner unter 18 Jahren", "Einwohner insgesamt",
     "Wie viele der Einwohner Kinder und Jugendliche unter 18 Jahren sind.", _REGISTER),
    ("anteil_u6", "Anteil der unter 6-Jährigen", "Anteil unter 6", "Demografie", PERCENT,
     NEUTRAL, True, "Kinder unter 6 Jahren", "Einwohner insgesamt",
     "Wie viele der Einwohner Kinder im Kita-Alter oder jünger sind.", _REGISTER),
    ("kinder_u3", "Kinder unter 3 Jahren", "Kinder unter 3", "Demografie", COUNT, NEUTRAL,
     True, "Kinder unter 3 Jahren", "",
     "Zahl der Kinder im Krippenalter; Grundlage für die Planung von U3-Plätzen.",
     _REGISTER),
    ("kinder_u6", "Kinder unter 6 Jahren", "Kinder unter 6", "Demografie", COUNT, NEUTRAL,
     True, "Kinder unter 6 Jahren", "",
     "Zahl der Kinder bis zum Schuleintritt; Grundlage für die Kita-Planung.", _REGISTER),
    ("migration_kinder", "Kinder und Jugendliche mit Migrationshintergrund",
     "Migrationshintergrund", "Demografie", PERCENT, NEUTRAL, True,
     "Einwohner unter 18 Jahren mit Migrationshintergrund", "Einwohner unter 18 Jahren",
     "Anteil der unter 18-Jährigen, die selbst oder deren Eltern zugewandert sind. "
     "Der Wert beschreibt Vielfalt, keinen Bedarf.", _REGISTER),
    ("sgb2_u15", "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften", "SGB II unter 15",
     "Soziale Lage", PERCENT, HIGHER_WORSE, True,
     "Kinder unter 15 Jahren in Bedarfsgemeinschaften nach dem SGB II",
     "Einwohner unter 15 Jahren",
     "Wie viele Kinder in Familien leben, die Grundsicherung nach dem SGB II beziehen "
     "(seit 2023 Bürgergeld). Wichtigster Hinweis auf Kinderarmut.", _BA),
    ("sgb2_u3", "Kinder unter 3 Jahren in SGB-II-Bedarfsgemeinschaften", "SGB II unter 3",
     "Soziale Lage", PERCENT, HIGHER_WORSE, True,
     "Kinder unter 3 Jahren in Bedarfsgemeinschaften nach dem SGB II",
     "Einwohner unter 3 Jahren",
     "Wie viele Kleinkinder in Familien leben, die Grundsicherung nach dem SGB II beziehen.", _BA),
    ("alleinerziehende", "Kinder unter 15 Jahren in Alleinerziehenden-Haushalten",
     "Alleinerziehende", "Soziale Lage", PERCENT, HIGHER_WORSE, True,
     "Kinder unter 15 Jahren, die mit nur einem Elternteil leben", "Einwohner unter 15 Jahren",
     "Wie viele Kinder bei nur einem Elternteil aufwachsen. Alleinerziehende brauchen "
     "oft mehr Unterstützung bei Betreuung und Einkommen.", _REGISTER),
    ("jugendarbeitslosigkeit", "Arbeitslose Jugendliche und junge Erwachsene (15 bis unter 25)",
     "Jugendarbeitslosigkeit", "Soziale Lage", PERCENT, HIGHER_WORSE, True,
     "Arbeitslose im Alter von 15 bis unter 25 Jahren",
     "Einwohner im Alter von 15 bis unter 25 Jahren",
     "Anteil der jungen Menschen, die arbeitslos gemeldet sind.",
     _FICTIVE + "Bundesagentur für Arbeit, Arbeitsmarktstatistik"),
    ("kita_u3", "Kita-Besuchsquote unter 3 Jahren", "Kita unter 3", "Bildung", PERCENT,
     HIGHER_BETTER, True, "Kinder unter 3 Jahren in Kindertageseinrichtungen",
     "Einwohner unter 3 Jahren",
     "Wie viele Kleinkinder eine Kita besuchen (nach Wohnort).", _YOUTH),
    ("kita_3_6", "Kita-Besuchsquote 3 bis unter 6 Jahre", "Kita 3 bis 6", "Bildung", PERCENT,
     HIGHER_BETTER, True, "Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen",
     "Einwohner von 3 bis unter 6 Jahren",
     "Wie viele Kinder vor der Einschulung eine Kita besuchen (nach Wohnort).", _YOUTH),
    ("sprachfoerderung", "Sprachförderbedarf bei der Schuleingangsuntersuchung",
     "Sprachförderbedarf", "Bildung", PERCENT, HIGHER_WORSE, True,
     "Untersuchte Kinder mit Sprachförderbedarf im Deutschen", _ESU_BASE,
     "Wie viele Kinder bei der Einschulungsuntersuchung noch Hilfe beim Deutschlernen "
     "brauchen.", _ESU),
    ("gymnasialquote", "Übergänge auf das Gymnasium", "Übergang Gymnasium", "Bildung",
     PERCENT, HIGHER_BETTER, True,
     "Kinder, die nach der 4. Klasse auf ein Gymnasium wechseln",
     "Kinder, die die 4. Klasse abschließen",
     "Wie viele Kinder nach der Grundschule auf ein Gymnasium gehen (nach Wohnort).",
     _FICTIVE + "Schulamt, Schulstatistik"),
    ("uebergewicht_esu", "Übergewicht bei der Schuleingangsuntersuchung", "Übergewicht",
     "Gesundheit", PERCENT, HIGHER_WORSE, True,
     "Untersuchte Kinder mit Übergewicht oder Adipositas", _ESU_BASE,
     "Wie viele Kinder bei der Einschulungsuntersuchung übergewichtig sind.", _ESU),
    ("vorsorge_u9", "Vollständige Früherkennung U1 bis U9", "Vorsorge U1–U9", "Gesundheit",
     PERCENT, HIGHER_BETTER, True,
     "Untersuchte Kinder mit vollständig vorgelegten Früherkennungen U1 bis U9",
     _ESU_BASE,
     "Wie viele Kinder alle Vorsorgeuntersuchungen beim Kinderarzt hatten.", _ESU),
    ("zahnstatus", "Behandlungsbedürftige Zähne bei der Schuleingangsuntersuchung",
     "Zahnbehandlung nötig", "Gesundheit", PERCENT, HIGHER_WORSE, False,
     "Untersuchte Kinder mit behandlungsbedürftigen Zähnen", _ESU_BASE,
     "Wie viele Kinder bei der Einschulung kranke Zähne haben, die behandelt werden müssen.",
     _FICTIVE + "Gesundheitsamt, zahnärztlicher Dienst"),
    ("hze_je_1000", "Hilfen zur Erziehung je 1.000 unter 21-Jährige", "Hilfen zur Erziehung",
     "Jugendhilfe", PER_1000, HIGHER_WORSE, False,
     "Junge Menschen unter 21 Jahren mit einer Hilfe zur Erziehung (§§ 27–35 SGB VIII) im Jahr",
     "Einwohner unter 21 Jahren",
     "Wie viele junge Menschen eine Hilfe zur Erziehung bekommen, z. B. Erziehungsbeistand "
     "oder sozialpädagogische Familienhilfe.", _YOUTH),
    ("willkommensbesuche", "Erreichte Familien mit Willkommensbesuch", "Willkommensbesuche",
     "Jugendhilfe", PERCENT, HIGHER_BETTER, True,
     "Neugeborene, deren Familie einen Willkommensbesuch angenommen hat", "Neugeborene",
     "Wie viele Familien mit einem Baby den Besuch der Frühen Hilfen angenommen haben.",
     _FICTIVE + "Jugendamt, Frühe Hilfen"),
    ("kitaplaetze", "Kita-Plätze je 100 Kinder unter 6 Jahren", "Kita-Plätze", "Versorgung",
     PER_100, HIGHER_BETTER, True, "Genehmigte Plätze in Kindertageseinrichtungen im Gebiet",
     "Einwohner unter 6 Jahren",
     "Wie viele Kita-Plätze es im Gebiet für je 100 Kinder gibt. Kinder besuchen auch Kitas "
     "in anderen Gebieten; der Wert zeigt das Angebot vor Ort.",
     _FICTIVE + "Jugendamt, Kita-Bedarfsplanung"),
)


def catalogue_frame() -> pd.DataFrame:
    """The catalogue layer: one row per indicator, in display order (by theme)."""
    records = []
    for (key, name, short, theme, unit, polarity, public, numerator, denominator,
         description, source) in _ROWS:
        if denominator == _ESU_BASE:
            description += _POOLED
        records.append({
            "indicator_id": key, "name": name, "short_name": short, "theme": theme,
            "unit": unit, "description": description, "source": source,
            "numerator": numerator, "denominator": denominator, "polarity": polarity,
            "public": public, "min_count": 5, "decimals": 0 if unit == COUNT else 1,
            "scale": _SCALE[unit],
        })
    return pd.DataFrame.from_records(records, columns=CATALOGUE_COLUMNS)
