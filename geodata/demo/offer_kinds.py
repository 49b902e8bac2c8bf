"""What kinds of offers Musterstadt has, along the prevention chain.

Pure data: name templates, phase, providers, target group, ages, opening hours
and capacity per kind. offers.py decides how many there are and where.
Templates may use {area} (Sozialraum), {bezirk} (Stadtbezirk), {kita},
{school}, {club}, {year} and {prefix} (the provider's usual Kita prefix).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Public providers are the city's own offices (they start with this); all others are frei.
PUBLIC = "Stadt Musterstadt"
HEALTH_OFFICE = "Stadt Musterstadt, Gesundheitsamt"
YOUTH_OFFICE = "Stadt Musterstadt, Jugendamt"
PARENTS = "Elterninitiative {kita} e. V."
CLUB = "{club} {area} {year} e. V."

KITA_PREFIX = {
    PUBLIC: "Städtische Kita", "AWO": "AWO-Kita", "Caritas": "Kath. Kita",
    "Diakonie": "Ev. Kita", "DRK": "DRK-Kita", "Paritätischer": "Kita",
    PARENTS: "Elterninitiative",
}
KITA_NAMES = (
    "Sonnenschein", "Regenbogen", "Pusteblume", "Löwenzahn", "Kunterbunt", "Wirbelwind",
    "Sternschnuppe", "Spatzennest", "Purzelbaum", "Schatzkiste", "Abenteuerland",
    "Wiesenzwerge", "Sonnenblume", "Bärenhöhle", "Farbklecks", "Glühwürmchen",
    "Kleine Strolche", "Zwergenburg", "Sausewind", "Mäuseburg", "Wolkenschloss",
    "Kleeblatt", "Entdeckerland", "Seepferdchen", "Rappelkiste", "Krümelkiste", "Pfiffikus",
    "Arche Noah", "Senfkorn", "St. Martin",
)
SCHOOL_NAMES = (
    "Astrid-Lindgren-Schule", "Erich-Kästner-Schule", "Pestalozzischule", "Regenbogenschule",
    "Sonnenschule", "Lindenschule", "Brüder-Grimm-Schule", "Janusz-Korczak-Schule",
    "Kirchschule", "Waldschule", "Otfried-Preußler-Schule", "Paul-Maar-Schule",
    "Michael-Ende-Schule", "Marienschule", "Schule am Park", "Wiesenschule",
    "Friedensschule", "Eichendorffschule", "Löwenzahnschule", "Cornelia-Funke-Schule",
)
CLUBS = ("TuS", "SV", "TV", "DJK", "SC", "FC", "TSV")
LANGUAGES = ("Türkisch", "Arabisch", "Englisch", "Russisch", "Polnisch", "Ukrainisch",
             "Rumänisch", "Kurdisch", "Bulgarisch", "Farsi")

_SCHOOL_HOURS = ("Mo–Fr 7:30–16:00 (offener Ganztag)", "Mo–Fr 8:00–13:15, OGS bis 16:30")
_SECONDARY_HOURS = ("Mo–Fr 7:45–15:30", "Mo–Fr 8:00–16:00 (Ganztag)")
_OFFICE_HOURS = ("Mo–Do 9:00–17:00, Fr 9:00–13:00", "Mo–Fr 8:30–12:30, Do 14:00–18:00")
_FREE = ("AWO", "Caritas", "Diakonie", "DRK", "Paritätischer")


@dataclass(frozen=True)
class Kind:
    """One kind of offer within a category; ``weight`` is its share within the category."""

    names: tuple[str, ...]
    phase: str
    providers: tuple[str, ...]
    target_group: str
    ages: tuple[tuple[int, int], ...]
    hours: tuple[str, ...]
    capacity: tuple[int, int, int] | None = None
    weight: float = 1.0


#: Category -> kinds. Category order is the order of the offers layer.
KINDS: dict[str, tuple[Kind, ...]] = {
    "Kita": (
        Kind(("{prefix} {kita}", "{prefix} {area}"), "Kita", (*KITA_PREFIX,), "Kinder",
             ((0, 6), (1, 6), (2, 6), (3, 6)),
             ("Mo–Fr 7:00–16:30", "Mo–Fr 7:30–16:00", "Mo–Fr 7:00–17:00", "Mo–Fr 7:15–16:15"),
             capacity=(30, 120, 5)),
    ),
    "Familienzentrum": (
        Kind(("Familienzentrum {area}", "Familienzentrum {kita}"), "übergreifend",
             (PUBLIC, *_FREE), "Familien", ((0, 10),),
             ("Mo–Fr 8:00–16:00", "Mo–Do 8:30–17:00, Fr 8:30–13:00")),
    ),
    "Grundschule": (
        Kind(("{school}", "Grundschule {area}"), "Grundschule", (PUBLIC,), "Kinder", ((6, 10),),
             _SCHOOL_HOURS, capacity=(150, 420, 10)),
    ),
    "Weiterführende Schule": (
        Kind(("Gymnasium {area}",), "weiterführende Schule", (PUBLIC,), "Jugendliche",
             ((10, 19),), _SECONDARY_HOURS, capacity=(600, 1200, 20), weight=3),
        Kind(("Gesamtschule {bezirk}",), "weiterführende Schule", (PUBLIC,), "Jugendliche",
             ((10, 19),), _SECONDARY_HOURS, capacity=(700, 1300, 20), weight=3),
        Kind(("Realschule {area}",), "weiterführende Schule", (PUBLIC,), "Jugendliche",
             ((10, 16),), _SECONDARY_HOURS, capacity=(400, 800, 20), weight=2),
        Kind(("Berufskolleg {area}",), "Übergang Schule–Beruf", (PUBLIC,),
             "Jugendliche und junge Erwachsene", ((16, 25),), _SECONDARY_HOURS,
             capacity=(800, 2000, 50), weight=1),
    ),
    "Jugendzentrum": (
        Kind(("Jugendzentrum {area}",), "Jugend", (PUBLIC, "AWO", "Diakonie", "Caritas"),
             "Jugendliche", ((12, 27),), ("Mo–Fr 14:00–20:00", "Di–Sa 15:00–21:00"), weight=2),
        Kind(("Kinder- und Jugendhaus {area}",), "Jugend", (PUBLIC, *_FREE),
             "Kinder und Jugendliche", ((6, 18),), ("Mo–Fr 13:00–19:00",)),
        Kind(("Abenteuerspielplatz {area}",), "Grundschule", ("Paritätischer", "AWO"), "Kinder",
             ((6, 14),), ("Di–Fr 14:00–18:00, Sa 11:00–16:00",)),
    ),
    "Beratungsstelle": (
        Kind(("Erziehungsberatungsstelle {bezirk}",), "übergreifend",
             (YOUTH_OFFICE, "Caritas", "Diakonie", "AWO"), "Eltern", ((0, 27),), _OFFICE_HOURS,
             weight=2),
        Kind(("Schwangerschaftsberatung {bezirk}",), "rund um die Geburt",
             ("AWO", "Caritas", "Diakonie", "DRK"), "Schwangere und werdende Eltern", ((0, 1),),
             _OFFICE_HOURS),
        Kind(("Jugendberufsagentur {bezirk}",), "Übergang Schule–Beruf", (PUBLIC,),
             "Jugendliche und junge Erwachsene", ((15, 25),), _OFFICE_HOURS),
        Kind(("Jugend- und Suchtberatung {bezirk}",), "Jugend",
             ("Caritas", "Diakonie", "Paritätischer"), "Jugendliche und Eltern", ((12, 27),),
             _OFFICE_HOURS),
    ),
    "Frühe Hilfen": (
        Kind(("Babytreff {area}", "Elterncafé {area}"), "rund um die Geburt", _FREE,
             "Eltern mit Babys", ((0, 1), (0, 3)), ("Di 9:30–11:30", "Do 9:00–11:00"), weight=3),
        Kind(("Familienhebammen {bezirk}", "Willkommensbesuche {bezirk}"), "rund um die Geburt",
             (YOUTH_OFFICE,), "Familien mit Neugeborenen", ((0, 1),),
             ("Mo–Fr nach Vereinbarung",)),
    ),
    "Gesundheit": (
        Kind(("Kinder- und Jugendgesundheitsdienst {bezirk}",), "übergreifend",
             (HEALTH_OFFICE,), "Kinder und Jugendliche", ((0, 18),), ("Mo–Fr 8:30–12:00",)),
        Kind(("Hebammensprechstunde {area}",), "rund um die Geburt", ("DRK", "AWO", "Diakonie"),
             "Schwangere und Mütter", ((0, 1),), ("Mi 14:00–17:00", "Mo 9:00–12:00"), weight=2),
        Kind(("Frühförderstelle {bezirk}",), "Kita", ("Paritätischer", "Caritas", "Diakonie"),
             "Kinder", ((0, 6),), ("Mo–Fr 8:00–16:00",)),
        Kind(("Zahngesundheit in Kita und Schule {bezirk}",), "Kita", (HEALTH_OFFICE,),
             "Kinder", ((3, 12),), ("nach Vereinbarung",)),
    ),
    "Sport/Kultur": (
        Kind(("{club} {area} {year} – Kinder- und Jugendsport",), "übergreifend", (CLUB,),
             "Kinder und Jugendliche", ((4, 18),), ("Mo–Fr 16:00–20:00, Sa 9:00–13:00",),
             weight=4),
        Kind(("Stadtteilbibliothek {area}",), "übergreifend", (PUBLIC,), "Kinder und Familien",
             ((0, 18),), ("Di–Fr 10:00–18:00, Sa 10:00–13:00",), weight=2),
        Kind(("Musikschule Musterstadt – Zweigstelle {area}",), "Grundschule", (PUBLIC,),
             "Kinder und Jugendliche", ((4, 18),), ("Mo–Fr 13:00–19:00",)),
        Kind(("Jugendkunstschule {bezirk}", "Kinder- und Jugendzirkus {kita}"), "Jugend",
             ("Paritätischer", "AWO", PUBLIC), "Kinder und Jugendliche", ((6, 21),),
             ("Mo–Fr 14:00–19:00", "Di, Do 15:00–18:00")),
    ),
}
