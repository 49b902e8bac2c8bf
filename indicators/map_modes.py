"""Map modes: the value, its change, its deviation from the city, its rank.

Pure functions on value frames from ``Atlas.values``. Every mode returns the
same shape, :class:`ModeResult`, whose ``frame`` has the columns
``district_id, name, value, suppressed, reason, label``. A suppressed row stays
suppressed in every mode: its value is NaN, it is never 0 and never ranked.

Units: rates in % change and deviate in percentage points; other rates
(e.g. "je 1.000") by their absolute difference in their own unit; counts in
percent of the earlier year (change) or of the reference (deviation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import palettes
from indicators.catalogue import HIGHER_BETTER, Indicator
from indicators.errors import AtlasError
from indicators.formatting import format_value
from indicators.texts import (
    ERR_CITY_ZERO,
    ERR_MISSING_COLUMNS,
    ERR_NO_CITY_VALUE,
    ERR_NO_COMPARE_FRAME,
    ERR_UNKNOWN_MODE,
    MODE_LABELS,
    RANK_OF,
    UNIT_PERCENT,
    UNIT_PERCENT_POINTS,
    UNIT_RANK,
)

VALUE, CHANGE, DEVIATION, RANK = "value", "change", "deviation", "rank"
MODES = tuple(MODE_LABELS)
SEQUENTIAL, DIVERGING = "sequential", "diverging"
MODE_COLUMNS = ["district_id", "name", "value", "suppressed", "reason", "label"]
ARROW_UP, ARROW_DOWN, ARROW_SAME = "▲", "▼", "▶"  # direction of the value, not good/bad


class MapModeError(AtlasError, ValueError):
    """A mode that cannot be computed from what was given."""


@dataclass(frozen=True, eq=False)
class ModeResult:
    """One map mode's values plus what the legend and palette need to know.

    ``n`` is the number of districts with a value (in rank mode: the number
    ranked, for "Rang 3 von 35"). Diverging modes are symmetric around 0.
    """

    mode: str
    frame: pd.DataFrame
    unit: str
    decimals: int
    palette: str
    polarity: str
    n: int

    @property
    def symmetric(self) -> bool:
        """Classify with ``classification.classify_symmetric`` when True."""
        return self.palette == DIVERGING

    def colors(self, k: int) -> list[str]:
        """Class colours for this mode; in rank mode class 0 (rank 1) is darkest."""
        if self.palette == DIVERGING:
            return palettes.diverging(k, self.polarity)
        colors = palettes.sequential(k, self.polarity)
        if self.mode == RANK and self.polarity != HIGHER_BETTER:
            colors = colors[::-1]
        return colors


def value_mode(frame: pd.DataFrame, indicator: Indicator) -> ModeResult:
    """The value as it is."""
    out = _base(frame)
    return _result(VALUE, out, indicator.unit, indicator.decimals, SEQUENTIAL, indicator)


def change_mode(
    frame_from: pd.DataFrame, frame_to: pd.DataFrame, indicator: Indicator
) -> ModeResult:
    """Change from the earlier year's frame to the later one, per district.

    Districts are those of ``frame_to``. Suppressed in either year means
    suppressed (the later year's reason first); missing in either means missing.
    """
    to = _base(frame_to)
    before = _base(frame_from).set_index("district_id")
    before = before.reindex(to["district_id"]).reset_index(drop=True)
    sup_to = to["suppressed"].to_numpy(dtype=bool)
    sup_from = before["suppressed"].eq(True).to_numpy()
    value_to, value_from = to["value"].to_numpy(), before["value"].to_numpy()
    if indicator.is_percent or indicator.is_rate:
        change = value_to - value_from
    else:
        change = _percent_of(value_to - value_from, value_from)
    out = to.assign(
        value=change,
        reason=to["reason"].where(sup_to, before["reason"].where(sup_from)),
        label=to["label"].where(sup_to, before["label"].where(sup_from, "")),
    )
    out = _suppress(out, sup_to | sup_from)
    unit, decimals = difference_unit(indicator)
    return _result(CHANGE, out, unit, decimals, DIVERGING, indicator)


def deviation_mode(frame: pd.DataFrame, indicator: Indicator, city_value: float) -> ModeResult:
    """Difference from the city's value (``Atlas.city_value``) per district.

    For counts pass the city's mean per district: the deviation is relative (%).
    """
    if city_value is None or not np.isfinite(city_value):
        raise MapModeError(ERR_NO_CITY_VALUE)
    out = _base(frame)
    if indicator.is_percent or indicator.is_rate:
        deviation = out["value"] - city_value
    else:
        if city_value == 0:
            raise MapModeError(ERR_CITY_ZERO)
        deviation = (out["value"] - city_value) / abs(city_value) * 100
    out = _suppress(out.assign(value=deviation), out["suppressed"].to_numpy(dtype=bool))
    unit, decimals = difference_unit(indicator)
    return _result(DEVIATION, out, unit, decimals, DIVERGING, indicator)


def rank_mode(frame: pd.DataFrame, indicator: Indicator) -> ModeResult:
    """Rank 1..n among districts with a value; rank 1 = most need, ties share the min rank.

    higher_worse and neutral: rank 1 = highest value; higher_better: lowest value.
    """
    out = _base(frame)
    values = out["value"].mask(out["suppressed"].to_numpy(dtype=bool))
    ascending = indicator.polarity == HIGHER_BETTER
    ranks = values.rank(method="min", ascending=ascending, na_option="keep")
    out = out.assign(value=ranks.astype("float64"))
    return _result(RANK, out, UNIT_RANK, 0, SEQUENTIAL, indicator)


def compute_mode(
    mode: str,
    frame: pd.DataFrame,
    indicator: Indicator,
    *,
    compare_frame: pd.DataFrame | None = None,
    city_value: float | None = None,
) -> ModeResult:
    """Dispatch on the mode id chosen in the UI; ``compare_frame`` is the earlier year."""
    if mode == VALUE:
        return value_mode(frame, indicator)
    if mode == CHANGE:
        if compare_frame is None:
            raise MapModeError(ERR_NO_COMPARE_FRAME)
        return change_mode(compare_frame, frame, indicator)
    if mode == DEVIATION:
        return deviation_mode(frame, indicator, city_value)  # type: ignore[arg-type]
    if mode == RANK:
        return rank_mode(frame, indicator)
    raise MapModeError(ERR_UNKNOWN_MODE.format(mode=mode, modes=", ".join(MODES)))


def previous_year_change(
    frame_this: pd.DataFrame, frame_prev: pd.DataFrame, indicator: Indicator
) -> ModeResult:
    """Change against the previous year for the hover, with an ``arrow`` column.

    The arrow shows the direction of the value (▲ up, ▼ down, ▶ unchanged at
    the shown precision), never whether that is good or bad; '' when missing.
    """
    result = change_mode(frame_prev, frame_this, indicator)
    shown = result.frame["value"].round(result.decimals).to_numpy()
    arrow = np.select(
        [shown > 0, shown < 0, shown == 0], [ARROW_UP, ARROW_DOWN, ARROW_SAME], default=""
    )
    frame = result.frame.assign(arrow=arrow)
    return ModeResult(result.mode, frame, result.unit, result.decimals, result.palette,
                      result.polarity, result.n)


def format_signed(value: float | None, unit: str, decimals: int = 1) -> str:
    """A change with its sign: '+2,5 Prozentpunkte', '-3,0 %', '0,0 %'; '–' if missing."""
    if value is None or not np.isfinite(value):
        return "–"
    shown = round(float(value), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = format_value(shown, unit, decimals)
    return "+" + text if shown > 0 else text


def rank_label(rank: float | None, n: int) -> str:
    """'Rang 3 von 35'; '–' for districts without a rank."""
    if rank is None or not np.isfinite(rank):
        return "–"
    return RANK_OF.format(rank=int(rank), n=n)


def _base(frame: pd.DataFrame) -> pd.DataFrame:
    """The mode columns of a value frame, copied; suppressed values made NaN."""
    missing = [column for column in MODE_COLUMNS if column not in frame.columns]
    if missing:
        raise MapModeError(ERR_MISSING_COLUMNS.format(columns=", ".join(missing)))
    out = frame[MODE_COLUMNS].reset_index(drop=True)
    out = out.assign(
        value=out["value"].astype("float64"),
        suppressed=out["suppressed"].fillna(False).astype(bool),
    )
    return _suppress(out, out["suppressed"].to_numpy())


def _suppress(frame: pd.DataFrame, suppressed: np.ndarray) -> pd.DataFrame:
    """Set the suppressed flag and blank the value: suppressed never means 0.

    ``reason`` is None wherever the value is shown, as in ``Atlas.values``.
    """
    return frame.assign(
        suppressed=suppressed,
        value=frame["value"].astype("float64").mask(suppressed),
        reason=frame["reason"].astype(object).where(suppressed, None),
    )


def _percent_of(difference: np.ndarray, base: np.ndarray) -> np.ndarray:
    """difference / |base| in %, NaN where the base is 0 or missing."""
    base = np.where(base == 0, np.nan, np.abs(base))
    return difference / base * 100


def difference_unit(indicator: Indicator) -> tuple[str, int]:
    if indicator.is_percent:
        return UNIT_PERCENT_POINTS, indicator.decimals
    if indicator.is_rate:
        return indicator.unit, indicator.decimals
    return UNIT_PERCENT, 1


def _result(
    mode: str, frame: pd.DataFrame, unit: str, decimals: int, palette: str, indicator: Indicator
) -> ModeResult:
    n = int(frame["value"].notna().sum())
    return ModeResult(mode, frame, unit, decimals, palette, indicator.polarity, n)
