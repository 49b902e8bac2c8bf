"""Made-up German place names for Musterstadt.

Why a fixed list: names must look like a German city without pointing at a real
one, and none may label an area as "problematic" (no "Brennpunkt", no
"Villenviertel"): the tool never judges an area by its name.
"""

from __future__ import annotations

import numpy as np

#: Stadtbezirke in id order ("01".."07"); the layout places them by direction.
BEZIRK_NAMES = ("Innenstadt", "Nord", "Nordwest", "West", "Süd", "Südost", "Ost")

#: Sozialräume of the Innenstadt, from the centre outwards.
INNER_NAMES = ("Altstadt", "Am Markt", "Bahnhofsviertel", "Neustadt", "Schlossgarten",
               "Am Stadtpark", "Domviertel")

#: The two tiny areas (fewer than 300 inhabitants) at the eastern edge.
TINY_NAMES = ("Hafen", "Gewerbegebiet Ost")

SOZIALRAUM_NAMES = (
    "Am Mühlenbach", "Lindenhof", "Eichenkamp", "Rosenhügel", "Birkenfeld", "Sonnenberg",
    "Wiesengrund", "Kirchfeld", "Heidekamp", "Ulmenhof", "Auf der Höhe", "Buchenhain",
    "Am Weiher", "Erlenbruch", "Kastanienhof", "Fuchsberg", "Kornfeld", "Brückenviertel",
    "Schäferkamp", "Ahornhain", "Tannenhof", "Talaue", "Am Wasserturm", "Ziegelei",
    "Ginsterheide", "Lerchenfeld", "Apfelwiese", "Schlehenhang", "Im Grund", "Weidenau",
    "Holunderhof", "Am Steinbruch", "Finkenherd", "Krähenwinkel", "Espenfeld", "Hirtenwiese",
    "Rabenhorst", "Sandkuhle", "Am Bahndamm", "Feldmark",
)

STREETS = (
    "Lindenstraße", "Schulstraße", "Gartenweg", "Rosenstraße", "Birkenallee", "Kirchplatz",
    "Bahnhofstraße", "Hauptstraße", "Wiesenweg", "Ahornweg", "Erlenstraße", "Im Winkel",
    "Talstraße", "Bergstraße", "Marktplatz", "Feldstraße", "Brunnenstraße", "Parkstraße",
    "Mühlenweg", "Am Anger", "Kastanienweg", "Drosselgasse", "Amselweg", "Eichendorffstraße",
    "Hafenstraße", "Ringstraße", "Goethestraße", "Schillerplatz", "Kolpingstraße",
    "Sonnenstraße", "Weberstraße", "Am Sportplatz", "Uferweg", "Buchenring", "Holzweg",
    "Querstraße", "Blumenstraße", "Auf dem Kamp", "Bachstraße", "Friedensstraße",
)


def pool_names(count: int, rng: np.random.Generator, exclude: tuple[str, ...] = ()) -> list[str]:
    """``count`` distinct names from the pool in random order; numbered once it runs out."""
    pool = [name for name in SOZIALRAUM_NAMES if name not in exclude]
    order = [pool[i] for i in rng.permutation(len(pool))]
    return [
        order[i % len(order)] + (f" {i // len(order) + 1}" if i >= len(order) else "")
        for i in range(count)
    ]


def slug(text: str) -> str:
    """ASCII web slug: "Städtische Kita Am Mühlenbach" -> "staedtische-kita-am-muehlenbach"."""
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    cleaned = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in cleaned.split("-") if part)
