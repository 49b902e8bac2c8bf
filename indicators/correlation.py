"""Two indicators together: scatter data and the rank correlation in plain German.

Spearman's rank correlation (scipy) is used rather than Pearson's: it asks only
"where one is high, is the other high too?", is not pulled by one extreme area,
and needs no assumption about the shape of the relation.

Wording of the strength, by |rho| (Rangkorrelation):
below 0.2 "kaum ein Zusammenhang", below 0.4 "schwach", below 0.6 "mittel",
below 0.8 "stark", otherwise "sehr stark". A positive rho reads "Wo X hoch ist,
ist meist auch Y hoch", a negative one "Wo X hoch ist, ist Y meist niedrig".
Every sentence ends with "Ein Zusammenhang ist noch keine Ursache." A caution is
added when fewer than 10 areas enter, and when the relation is not statistically
secured (p >= 0.05, two-sided) although not "kaum". Fewer than 3 areas, or an
indicator with the same value everywhere, give no rho (NaN) and say so.

Areas where either value is suppressed or missing are left out of the scatter
and of rho, and counted (``n_suppressed``, ``n_missing``); never treated as 0.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from indicators.atlas import Atlas
from indicators.comparison import ComparisonError, check_areas, value_text
from indicators.formatting import format_number
from indicators.texts import comparison as msg

STRENGTH_LIMITS = ((0.2, "kaum"), (0.4, "schwach"), (0.6, "mittel"), (0.8, "stark"))
STRONGEST = "sehr stark"
MIN_AREAS = 3  # Spearman's rho needs at least three pairs
FEW_AREAS = 10  # below this a caution is added
ALPHA = 0.05
SCATTER_COLUMNS = ["district_id", "name", "x", "y", "x_text", "y_text", "selected"]


@dataclass(frozen=True)
class Correlation:
    """The rank correlation of two indicators over the areas with both values.

    ``strength`` is a key of ``texts.comparison.STRENGTH`` ('' without rho);
    ``sentence`` is the complete German text for the panel, caution included;
    ``caution`` is the caution alone ('' if none); ``note`` names what was left out.
    """

    rho: float
    p_value: float
    n: int
    n_suppressed: int
    n_missing: int
    strength: str
    sentence: str
    caution: str
    note: str


def scatter_data(
    atlas: Atlas, x_id: str, y_id: str, year: int, level: str | None = None,
    selected: Iterable[str] = (),
) -> tuple[pd.DataFrame, Correlation]:
    """Scatter points of two indicators in ``year`` and their rank correlation.

    The frame (SCATTER_COLUMNS) holds only areas with both values shown:
    district_id, name, x, y (floats, never NaN), x_text, y_text, selected.
    """
    x_ind, y_ind = atlas.indicator(x_id), atlas.indicator(y_id)
    if x_id == y_id:
        raise ComparisonError(msg.ERR_SAME_INDICATOR.format(name=x_ind.name))
    level = level or atlas.levels[0]
    chosen = set(check_areas(atlas, selected, level))
    x = atlas.values(x_id, year, level).set_index("district_id")
    y = atlas.values(y_id, year, level).set_index("district_id").reindex(x.index)
    suppressed = _flag(x["suppressed"]) | _flag(y["suppressed"])
    known = ~suppressed & x["value"].notna() & y["value"].notna()
    frame = pd.DataFrame({
        "district_id": x.index[known], "name": x.loc[known, "name"].to_numpy(),
        "x": x.loc[known, "value"].to_numpy(dtype="float64"),
        "y": y.loc[known, "value"].to_numpy(dtype="float64"),
    })
    frame["x_text"] = [value_text(v, False, "", x_ind) for v in frame["x"]]
    frame["y_text"] = [value_text(v, False, "", y_ind) for v in frame["y"]]
    frame["selected"] = frame["district_id"].isin(chosen)
    correlation = describe(
        frame["x"].to_numpy(), frame["y"].to_numpy(), x_ind.short_name, y_ind.short_name,
        n_suppressed=int(suppressed.sum()), n_missing=int((~known & ~suppressed).sum()),
    )
    return frame[SCATTER_COLUMNS], correlation


def describe(
    x: np.ndarray, y: np.ndarray, x_name: str, y_name: str,
    n_suppressed: int = 0, n_missing: int = 0,
) -> Correlation:
    """Spearman's rho of two value arrays (no NaN) and the sentence for planners."""
    n = len(x)
    note = msg.CORR_EXCLUDED.format(areas=msg.areas(n_suppressed + n_missing)) \
        if n_suppressed + n_missing else ""
    constant = next((name for name, v in ((x_name, x), (y_name, y))
                     if n >= MIN_AREAS and np.ptp(v) == 0), None)
    if n < MIN_AREAS or constant:
        sentence = (msg.CORR_CONSTANT.format(name=constant) if constant
                    else msg.CORR_TOO_FEW.format(areas=msg.areas(n)))
        return Correlation(np.nan, np.nan, n, n_suppressed, n_missing, "", sentence, "", note)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = stats.spearmanr(x, y)
    rho, p_value = float(result.statistic), float(result.pvalue)
    strength = strength_of(round(rho, 2))  # the word agrees with the number shown
    numbers = {"rho": format_number(rho, 2), "areas": msg.areas(n)}
    if strength == "kaum":
        details, template = msg.CORR_DETAILS_PLAIN.format(**numbers), msg.CORR_NONE
    else:
        details = msg.CORR_DETAILS.format(strength=msg.STRENGTH[strength], **numbers)
        template = msg.CORR_POSITIVE if rho > 0 else msg.CORR_NEGATIVE
    cautions = []
    if n < FEW_AREAS:
        cautions.append(msg.CORR_SMALL_N.format(areas=msg.areas(n)))
    if strength != "kaum" and not p_value < ALPHA:
        cautions.append(msg.CORR_NOT_SIGNIFICANT)
    caution = " ".join(cautions)
    sentence = " ".join(
        [template.format(x=x_name, y=y_name, details=details), *cautions, msg.CORR_NOT_CAUSE]
    )
    return Correlation(rho, p_value, n, n_suppressed, n_missing, strength, sentence, caution,
                       note)


def strength_of(rho: float) -> str:
    """'kaum', 'schwach', 'mittel', 'stark' or 'sehr stark' by |rho| (STRENGTH_LIMITS)."""
    for limit, word in STRENGTH_LIMITS:
        if abs(rho) < limit:
            return word
    return STRONGEST


def _flag(column: pd.Series) -> pd.Series:
    return column.fillna(False).astype(bool)
