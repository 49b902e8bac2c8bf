"""Need against supply: a 3×3 bivariate map and the list of areas with high need, low supply.

Why terciles: a planner reads "oberes/mittleres/unteres Drittel" without a legend of
numbers, and both axes get the same number of areas. Terciles are mapclassify Quantiles
(k=3, via :func:`indicators.classification.classify`) over the areas that have BOTH values;
an area with a suppressed or missing value on either axis is grey and never classified,
so a Datenschutz gap cannot be inferred from its class.

Levels run from little to much *need* (0..2) and from little to much *supply* (0..2);
the polarity of each indicator decides which end of its values that is (``neutral``
counts as "higher = more"). Class code = 3 · need_level + supply_level, so code 6
(:data:`HIGH_NEED_LOW_SUPPLY`) is "hoher Bedarf, geringe Versorgung".

Palette: Joshua Stevens' 3×3 pink/blue bivariate scheme ("Bivariate Choropleth Maps: A
How-to Guide", joshuastevens.net/cartography/make-a-bivariate-choropleth-map/; the "BuPu"
scheme of the D3 bivariate choropleth example). Its two axes differ in hue and lightness,
so they stay apart for red-green colour blindness. Need runs along the pink axis, *lack*
of supply along the teal axis: the darkest, most saturated cell (#3b4994) is high need
with low supply, the lightest is low need with high supply.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.catalogue import HIGHER_BETTER, HIGHER_WORSE, POLARITIES, Indicator
from indicators.classification import QUANTILES, Classes, classify
from indicators.formatting import format_value
from indicators.palettes import NO_DATA_COLOR, SUPPRESSED_COLOR, PaletteError
from indicators.texts import ERR_POLARITY
from indicators.texts import offers as texts

K = 3
GREY = -1
HIGH_NEED_LOW_SUPPLY = 6
#: STEVENS[pink][teal], each 0..2; pink = need level, teal = 2 - supply level.
STEVENS = (
    ("#e8e8e8", "#ace4e4", "#5ac8c8"),
    ("#dfb0d6", "#a5add3", "#5698b9"),
    ("#be64ac", "#8c62aa", "#3b4994"),
)
FRAME_COLUMNS = ["district_id", "name", "need", "supply", "need_level", "supply_level",
                 "code", "color", "label", "suppressed"]


@dataclass(frozen=True)
class BivariateCell:
    """One legend cell: class code, levels, colour, German label and number of areas."""

    code: int
    need_level: int
    supply_level: int
    color: str
    label: str
    count: int


@dataclass(frozen=True, eq=False)
class BivariateResult:
    """The one result shape of the bivariate map.

    ``frame``: one row per area — district_id, name, need, supply (values), need_level,
    supply_level and code (-1 = grey), color, label (cell label, or why it is grey),
    suppressed (Datenschutz on either axis). ``cells``: the 9 cells in code order.
    ``need_classes``/``supply_classes``: the tercile bounds, for the axis labels.
    """

    frame: pd.DataFrame
    cells: tuple[BivariateCell, ...]
    need_classes: Classes
    supply_classes: Classes
    grey_count: int

    @property
    def grid(self) -> list[list[BivariateCell]]:
        """Legend as read on the wall: rows high → low need, columns low → high supply."""
        return [[self.cells[need * K + supply] for supply in range(K)]
                for need in reversed(range(K))]


def cell_color(need_level: int, supply_level: int) -> str:
    return STEVENS[need_level][K - 1 - supply_level]


def cell_label(need_level: int, supply_level: int) -> str:
    return texts.CELL_LABEL.format(need=texts.NEED_LEVELS[need_level],
                                   supply=texts.SUPPLY_LEVELS[supply_level])


def bivariate_classes(
    need_frame: pd.DataFrame,
    supply_frame: pd.DataFrame,
    need_polarity: str,
    supply_polarity: str,
) -> BivariateResult:
    """Classify areas into 3×3 classes of need and supply.

    Both frames are ``Atlas.values`` output of the same level and year (at least
    district_id and value; name, suppressed and label are used when present).
    """
    for polarity in (need_polarity, supply_polarity):
        if polarity not in POLARITIES:
            raise PaletteError(ERR_POLARITY.format(polarity=polarity,
                                                   polarities=", ".join(POLARITIES)))
    need, supply = _side(need_frame), _side(supply_frame)
    frame = need.merge(supply, on="district_id", how="outer", suffixes=("_n", "_s"),
                       sort=False)
    frame["name"] = frame["name_n"].fillna(frame["name_s"])
    both = (frame["value_n"].notna() & frame["value_s"].notna()
            & ~frame["suppressed_n"].fillna(False).astype(bool)
            & ~frame["suppressed_s"].fillna(False).astype(bool)).to_numpy()
    need_classes = classify(frame["value_n"].where(both), QUANTILES, K)
    supply_classes = classify(frame["value_s"].where(both), QUANTILES, K)
    need_level = _levels(need_classes, invert=need_polarity == HIGHER_BETTER)
    # supply: higher_worse means a high value is *less* supply; neutral/better: more
    supply_level = _levels(supply_classes, invert=supply_polarity == HIGHER_WORSE)
    code = np.where(both, need_level * K + supply_level, GREY)
    suppressed = (frame["suppressed_n"].fillna(False).astype(bool)
                  | frame["suppressed_s"].fillna(False).astype(bool)).to_numpy()
    grey_label = (frame["label_n"].where(frame["label_n"] != "")
                  .fillna(frame["label_s"].where(frame["label_s"] != ""))
                  .fillna(texts.BIVARIATE_NO_DATA))
    out = pd.DataFrame({
        "district_id": frame["district_id"].to_numpy(),
        "name": frame["name"].to_numpy(),
        "need": frame["value_n"].where(both).to_numpy("float64"),
        "supply": frame["value_s"].where(both).to_numpy("float64"),
        "need_level": np.where(both, need_level, GREY),
        "supply_level": np.where(both, supply_level, GREY),
        "code": code,
        "color": [cell_color(c // K, c % K) if c >= 0
                  else SUPPRESSED_COLOR if s else NO_DATA_COLOR
                  for c, s in zip(code, suppressed, strict=True)],
        "label": [cell_label(c // K, c % K) if c >= 0 else g
                  for c, g in zip(code, grey_label, strict=True)],
        "suppressed": suppressed,
    })
    counts = np.bincount(code[code >= 0], minlength=K * K)
    cells = tuple(
        BivariateCell(c, c // K, c % K, cell_color(c // K, c % K), cell_label(c // K, c % K),
                      int(counts[c]))
        for c in range(K * K)
    )
    return BivariateResult(out[FRAME_COLUMNS], cells, need_classes, supply_classes,
                           int((code < 0).sum()))


def priority_list(
    result: BivariateResult, need: Indicator, supply: Indicator
) -> pd.DataFrame:
    """Areas with high need (top tercile) and low supply (bottom tercile), most need first.

    Columns: district_id, name, need, supply (numbers), need_text, supply_text (German,
    with unit). "Most need" follows the need indicator's polarity.
    """
    rows = result.frame[result.frame["code"] == HIGH_NEED_LOW_SUPPLY]
    rows = rows.sort_values(["need", "district_id"],
                            ascending=[need.polarity == HIGHER_BETTER, True], kind="stable")
    return pd.DataFrame({
        "district_id": rows["district_id"].to_numpy(),
        "name": rows["name"].to_numpy(),
        "need": rows["need"].to_numpy("float64"),
        "supply": rows["supply"].to_numpy("float64"),
        "need_text": [format_value(v, need.unit, need.decimals) for v in rows["need"]],
        "supply_text": [format_value(v, supply.unit, supply.decimals) for v in rows["supply"]],
    })


def _side(frame: pd.DataFrame) -> pd.DataFrame:
    """district_id, name, value, suppressed, label of one axis (missing columns filled)."""
    return pd.DataFrame({
        "district_id": frame["district_id"].astype("str").to_numpy(),
        "name": (frame["name"] if "name" in frame else frame["district_id"]).to_numpy(),
        "value": pd.to_numeric(frame["value"], errors="coerce").to_numpy("float64"),
        "suppressed": (frame["suppressed"].fillna(False).astype(bool).to_numpy()
                       if "suppressed" in frame else np.zeros(len(frame), dtype=bool)),
        "label": (frame["label"].fillna("").astype("str").to_numpy()
                  if "label" in frame else np.full(len(frame), "", dtype=object)),
    })


def _levels(classes: Classes, invert: bool) -> np.ndarray:
    """Class 0..k-1 as level 0..2; fewer than 3 classes spread over the ends (k=1: middle)."""
    raw = np.asarray(classes.classes, dtype="int64")
    k = max(classes.k, 1)
    level = np.full(raw.shape, K // 2, dtype="int64") if k == 1 else np.rint(
        raw * (K - 1) / (k - 1)).astype("int64")
    level = np.where(raw >= 0, level, GREY)
    return np.where(raw >= 0, K - 1 - level, GREY) if invert else level
