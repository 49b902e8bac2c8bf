"""Statistical twins: the areas most similar to one area on chosen indicators.

Method (one place, documented for planners):

1. Each chosen indicator is z-standardised over all areas of the level with a
   shown value: z = (value − mean) / standard deviation (ddof=1). Suppressed
   or missing values stay unknown (NaN) – never 0, never the mean. An indicator
   with the same value everywhere gets z = 0 (it cannot separate areas).
2. The distance of two areas is Euclidean over the indicators both have,
   scaled up to all k chosen indicators: d = sqrt(k / m · Σ (z_a − z_b)²) with
   m common indicators (as scikit-learn's ``nan_euclidean_distances``), so
   that an area with gaps does not look closer than one without.
3. An area needs at least half of the chosen indicators (m >= ceil(k / 2)) in
   common with the area itself; others are left out. If the area itself has
   fewer than half, a German error says so.
4. Similarity in words by the typical difference per indicator,
   d / sqrt(k) (in standard deviations): below 0.5 "sehr ähnlich", below 1.0
   "ähnlich", otherwise "eher ähnlich" (still among the nearest).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from indicators.atlas import Atlas
from indicators.comparison import ComparisonError, area_level, check_areas, value_text
from indicators.texts import comparison as msg

N_MIN, N_MAX = 3, 5
SIMILARITY_LIMITS = ((0.5, msg.VERY_SIMILAR), (1.0, msg.TWIN_SIMILAR))
LEAST_SIMILAR = msg.RATHER_SIMILAR
TWIN_COLUMNS = ["rank", "district_id", "name", "distance", "similarity", "n_common"]


def value_columns(indicator_id: str) -> tuple[str, str, str, str]:
    """Names of the per-indicator columns: twin value, twin text, own value, own text."""
    return (indicator_id, f"{indicator_id}_text", f"{indicator_id}_own",
            f"{indicator_id}_own_text")


def statistical_twins(
    atlas: Atlas, district_id: str, indicator_ids: Sequence[str], year: int,
    level: str | None = None, n: int = 5,
) -> pd.DataFrame:
    """The ``n`` (3–5) areas nearest to ``district_id`` on ``indicator_ids`` in ``year``.

    One row per twin, nearest first (ties by name); fewer than ``n`` rows when
    fewer areas qualify. Columns: TWIN_COLUMNS (rank 1..n, district_id, name,
    distance, similarity, n_common = indicators compared), then for every chosen
    indicator the four ``value_columns``: the twin's value and text and the
    area's own value and text side by side (NaN value and the suppression label
    as text where suppressed).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not N_MIN <= n <= N_MAX:
        raise ComparisonError(msg.ERR_TWIN_COUNT.format(n_min=N_MIN, n_max=N_MAX, n=n))
    ids = list(dict.fromkeys(indicator_ids))
    if len(ids) < 2:
        raise ComparisonError(msg.ERR_TWIN_INDICATORS.format(n=len(ids)))
    indicators = [atlas.indicator(i) for i in ids]
    level = level or area_level(atlas, district_id)
    district_id = check_areas(atlas, [district_id], level)[0]
    frames = [atlas.values(i, year, level).set_index("district_id") for i in ids]
    areas = frames[0].index
    z = np.column_stack([_zscores(f.reindex(areas)) for f in frames])
    own = areas.get_loc(district_id)
    need = math.ceil(len(ids) / 2)
    known = int(np.isfinite(z[own]).sum())
    names = frames[0]["name"]
    if known < need:
        raise ComparisonError(msg.ERR_TWIN_SELF_SUPPRESSED.format(
            name=names[district_id], known=known, k=len(ids), need=need))
    distance, common = _distances(z, own)
    ok = (common >= need) & (np.arange(len(areas)) != own)
    if not ok.any():
        raise ComparisonError(msg.ERR_TWIN_NONE.format(name=names[district_id]))
    result = pd.DataFrame({
        "district_id": areas[ok], "name": names.to_numpy()[ok],
        "distance": distance[ok], "n_common": common[ok],
    }).sort_values(["distance", "name"], kind="stable").head(int(n)).reset_index(drop=True)
    result.insert(0, "rank", np.arange(1, len(result) + 1))
    result.insert(4, "similarity", [similarity_of(d, len(ids)) for d in result["distance"]])
    for indicator, frame in zip(indicators, frames, strict=True):
        twin = [_shown(frame, key, indicator) for key in result["district_id"]]
        mine = _shown(frame, district_id, indicator)
        value, text, own_value, own_text = value_columns(indicator.indicator_id)
        result[value] = [v for v, _ in twin]
        result[text] = [t for _, t in twin]
        result[own_value], result[own_text] = mine[0], mine[1]
    return result


def similarity_of(distance: float, k: int) -> str:
    """The similarity word for a distance over ``k`` indicators (SIMILARITY_LIMITS)."""
    per_indicator = distance / math.sqrt(k)
    for limit, word in SIMILARITY_LIMITS:
        if per_indicator < limit:
            return word
    return LEAST_SIMILAR


def _zscores(frame: pd.DataFrame) -> np.ndarray:
    """z-scores of the shown values; NaN where suppressed or missing."""
    suppressed = frame["suppressed"].fillna(False).astype(bool).to_numpy()
    values = frame["value"].to_numpy(dtype="float64", na_value=np.nan).copy()
    values[suppressed] = np.nan
    shown = values[np.isfinite(values)]
    if len(shown) == 0:
        return values
    sd = shown.std(ddof=1) if len(shown) > 1 else 0.0
    if not sd > 0:
        return np.where(np.isfinite(values), 0.0, np.nan)
    return (values - shown.mean()) / sd


def _distances(z: np.ndarray, own: int) -> tuple[np.ndarray, np.ndarray]:
    """Scaled Euclidean distance of every row to row ``own`` and the common counts."""
    diff = z - z[own]
    common = np.isfinite(diff).sum(axis=1)
    squares = np.nansum(diff**2, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        distance = np.sqrt(z.shape[1] / common * squares)
    return np.where(common > 0, distance, np.nan), common


def _shown(frame: pd.DataFrame, district_id: str, indicator) -> tuple[float, str]:
    row = frame.loc[district_id]
    suppressed = bool(row["suppressed"]) if pd.notna(row["suppressed"]) else False
    value = np.nan if suppressed else float(row["value"])
    return value, value_text(value, suppressed, str(row["label"] or ""), indicator)
