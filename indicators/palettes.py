"""Colour-blind-safe palettes for classed maps, ordered class 0 .. k-1.

Source: ColorBrewer 2.0 (Cynthia A. Brewer, Pennsylvania State University,
colorbrewer2.org, Apache-2.0 licence); all schemes used here are marked
colour-blind safe there:

- need (higher_worse / higher_better): sequential **YlOrBr**,
- neutral indicators: sequential **Blues** (no "need" hue for neutral data),
- change and deviation: diverging **PuOr** (orange = worse, purple = better),
  and **BrBG** for neutral indicators, so that orange always means "worse".

The dark end of a sequential palette means "more need": high values for
``higher_worse``, low values for ``higher_better``, high values for neutral.
Palettes exist for 1 to 7 classes: ColorBrewer starts at 3, so 1 and 2 classes
(when classification had to fall back) take the middle, or both ends, of 3.
"""

from __future__ import annotations

import numpy as np

from indicators.catalogue import HIGHER_BETTER, HIGHER_WORSE, NEUTRAL, POLARITIES
from indicators.errors import AtlasError
from indicators.texts import (
    ERR_HEX_COLOR,
    ERR_PALETTE_K,
    ERR_POLARITY,
)

K_MIN, K_MAX = 1, 7

NO_DATA_COLOR = "#cccccc"  # light grey: keine Daten
SUPPRESSED_COLOR = "#8c8c8c"  # mid grey: Datenschutz, drawn hatched
SUPPRESSED_PATTERN = "/"  # plotly marker.pattern.shape for suppressed areas
OUTLINE_COLOR = "#ffffff"
BLACK, WHITE = "#000000", "#ffffff"

YL_OR_BR = {
    3: ["#fff7bc", "#fec44f", "#d95f0e"],
    4: ["#ffffd4", "#fed98e", "#fe9929", "#cc4c02"],
    5: ["#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404"],
    6: ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#d95f0e", "#993404"],
    7: ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"],
}
BLUES = {
    3: ["#deebf7", "#9ecae1", "#3182bd"],
    4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
    5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
    6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
    7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
}
# Diverging schemes in ColorBrewer order: PuOr starts orange, BrBG starts brown.
PU_OR = {
    3: ["#f1a340", "#f7f7f7", "#998ec3"],
    4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
    5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
    6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
    7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
}
BR_BG = {
    3: ["#d8b365", "#f5f5f5", "#5ab4ac"],
    4: ["#a6611a", "#dfc27d", "#80cdc1", "#018571"],
    5: ["#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571"],
    6: ["#8c510a", "#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac", "#01665e"],
    7: ["#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"],
}


class PaletteError(AtlasError, ValueError):
    """A number of classes or a polarity for which there is no palette."""


def sequential(k: int, polarity: str = NEUTRAL) -> list[str]:
    """Colours for classes 0..k-1 (low to high values); dark = more need."""
    _check_polarity(polarity)
    if polarity == NEUTRAL:
        return _pick(BLUES, k)
    colors = _pick(YL_OR_BR, k)  # light -> dark
    return colors[::-1] if polarity == HIGHER_BETTER else colors


def diverging(k: int, polarity: str = NEUTRAL) -> list[str]:
    """Colours for classes 0..k-1 of a change/deviation (negative to positive).

    The side meaning "worse" is orange: the positive side for ``higher_worse``
    (an increase is worse), the negative side for ``higher_better``. The
    middle class is light for odd ``k``. Neutral indicators get brown/teal.
    """
    _check_polarity(polarity)
    if polarity == NEUTRAL:
        return _pick(BR_BG, k)
    colors = _pick(PU_OR, k)  # orange (negative) -> purple (positive)
    return colors[::-1] if polarity == HIGHER_WORSE else colors


def relative_luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of '#rrggbb' (0 = black, 1 = white)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    text = hex_color.lstrip("#")
    if len(text) != 6:
        raise PaletteError(ERR_HEX_COLOR.format(color=hex_color))
    r, g, b = (channel(int(text[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(color_a: str, color_b: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(color_a), relative_luminance(color_b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color_for(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill`` (labels on the map)."""
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE


def _pick(scheme: dict[int, list[str]], k: int) -> list[str]:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not K_MIN <= k <= K_MAX:
        raise PaletteError(ERR_PALETTE_K.format(k_min=K_MIN, k_max=K_MAX, k=k))
    if k == 1:
        return [scheme[3][1]]
    if k == 2:
        return [scheme[3][0], scheme[3][2]]
    return list(scheme[int(k)])


def _check_polarity(polarity: str) -> None:
    if polarity not in POLARITIES:
        raise PaletteError(
            ERR_POLARITY.format(polarity=polarity, polarities=", ".join(POLARITIES))
        )
