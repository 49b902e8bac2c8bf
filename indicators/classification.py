"""Classification of district values into colour classes, done by mapclassify.

Conventions (the same for every method, so that a legend never depends on it):

- Classes are right-closed, as in mapclassify: class ``j`` holds the values
  ``bins[j-1] < v <= bins[j]``; class 0 starts at ``lower`` (inclusive).
- A legend row reads "a – b" (over a up to and including b). An outer class
  without width reads "bis b" (first class) or "über a" (last class).
- NaN (suppressed or no data) gets class -1 (:data:`NO_CLASS`); whether that is
  "keine Daten" or "Datenschutz" is decided by the caller from ``suppressed``.
- Too few different values for ``k`` classes: fewer classes, said in ``note``.

``std_mean`` has no free ``k`` in mapclassify (it takes multiples of the
standard deviation). We map ``k`` to multiples (:data:`STD_MEAN_MULTIPLES`):
odd ``k`` has a middle class "mean ± 1 s", even ``k`` splits at the mean.
``std_mean`` and ``user_defined`` always give exactly ``k`` classes: when no
value lies beyond the outermost boundary that outer class stays empty.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import mapclassify
import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.errors import AtlasError
from indicators.formatting import format_number, format_value, parse_german_number
from indicators.texts import (
    ERR_BREAK_NOT_NUMBER,
    ERR_BREAKS_COUNT,
    ERR_BREAKS_EMPTY,
    ERR_BREAKS_ORDER,
    ERR_K_RANGE,
    ERR_UNKNOWN_METHOD,
    LABEL_EQUAL_INTERVAL,
    LABEL_NATURAL_BREAKS,
    LABEL_QUANTILES,
    LABEL_STD_MEAN,
    LABEL_USER_DEFINED,
    LEGEND_ABOVE,
    LEGEND_RANGE,
    LEGEND_UP_TO,
    NOTE_FEWER_CLASSES,
    NOTE_NO_VALUES,
)

QUANTILES = "quantiles"
EQUAL_INTERVAL = "equal_interval"
NATURAL_BREAKS = "natural_breaks"
STD_MEAN = "std_mean"
USER_DEFINED = "user_defined"

K_MIN, K_MAX = 3, 7
NO_CLASS = -1
BREAKS_SEPARATOR = ";"

STD_MEAN_MULTIPLES: dict[int, list[float]] = {
    2: [0],
    3: [-1, 1],
    4: [-1, 0, 1],
    5: [-2, -1, 1, 2],
    6: [-2, -1, 0, 1, 2],
    7: [-3, -2, -1, 1, 2, 3],
}


class ClassificationError(AtlasError, ValueError):
    """A method, number of classes or user-defined break that cannot be used."""


Factory = Callable[[np.ndarray, int, tuple[float, ...]], mapclassify.classifiers.MapClassifier]


class Method(NamedTuple):
    """A classification method: German label and mapclassify factory (y, k, breaks)."""

    label: str
    factory: Factory


def _with_k(classifier: type[mapclassify.classifiers.MapClassifier]) -> Factory:
    """Factory for a mapclassify classifier whose only parameter is k."""
    return lambda y, k, _breaks: classifier(y, k=k)


def _padded(y: np.ndarray, bins: Sequence[float], k: int) -> mapclassify.UserDefined:
    """Keep ``k`` classes: repeat the last bound, so an empty outer class remains."""
    bins = list(bins) + [bins[-1]] * (k - len(bins))
    return mapclassify.UserDefined(y, bins)


#: Fisher-Jenks is O(k·n²) in pure Python; above this many values it runs on evenly
#: spaced order statistics (deterministic, unlike mapclassify's random FisherJenksSampled).
FISHER_JENKS_MAX_VALUES = 1000


def _natural_breaks(y: np.ndarray, k: int, _breaks: tuple[float, ...]):
    if len(y) <= FISHER_JENKS_MAX_VALUES:
        return mapclassify.FisherJenks(y, k=k)
    sample = np.quantile(y, np.linspace(0, 1, FISHER_JENKS_MAX_VALUES))
    bins = mapclassify.FisherJenks(sample, k=k).bins
    return mapclassify.UserDefined(y, [*bins[:-1], float(y.max())])


def _std_mean(y: np.ndarray, k: int, _breaks: tuple[float, ...]) -> mapclassify.UserDefined:
    return _padded(y, mapclassify.StdMean(y, multiples=STD_MEAN_MULTIPLES[k]).bins, k)


def _user_defined(y: np.ndarray, _k: int, breaks: tuple[float, ...]) -> mapclassify.UserDefined:
    return _padded(y, [*breaks, max(breaks[-1], float(y.max()))], len(breaks) + 1)


METHODS: dict[str, Method] = {
    QUANTILES: Method(LABEL_QUANTILES, _with_k(mapclassify.Quantiles)),
    EQUAL_INTERVAL: Method(LABEL_EQUAL_INTERVAL, _with_k(mapclassify.EqualInterval)),
    NATURAL_BREAKS: Method(LABEL_NATURAL_BREAKS, _natural_breaks),
    STD_MEAN: Method(LABEL_STD_MEAN, _std_mean),
    USER_DEFINED: Method(LABEL_USER_DEFINED, _user_defined),
}
AUTOMATIC_METHODS: tuple[str, ...] = tuple(m for m in METHODS if m != USER_DEFINED)


class LegendRow(NamedTuple):
    """One legend line: German interval label and number of areas in the class."""

    label: str
    count: int


@dataclass(frozen=True, eq=False)
class Classes:
    """The one result shape of every classification.

    ``bins`` are the upper bounds of the ``k`` classes, ``lower`` the lower bound
    of class 0; ``classes`` holds one class per input value (-1 for NaN) and
    ``counts`` the number of the given values per class (sum = non-NaN values).
    """

    method: str
    k: int
    k_requested: int
    bins: tuple[float, ...]
    lower: float
    classes: np.ndarray
    counts: tuple[int, ...]
    note: str = ""
    fixed: bool = False

    def legend_rows(
        self, indicator_or_unit: Indicator | str = "", decimals: int | None = None
    ) -> list[LegendRow]:
        """Per class a German label ('12,3 – 18,9 %') and the number of areas."""
        unit = indicator_or_unit
        if isinstance(indicator_or_unit, Indicator):
            unit = indicator_or_unit.unit
            decimals = indicator_or_unit.decimals if decimals is None else decimals
        decimals = 1 if decimals is None else decimals
        if not self.bins:
            return []
        lows = (self.lower, *self.bins[:-1])
        return [
            LegendRow(_interval_label(j, lo, hi, str(unit), decimals), count)
            for j, (lo, hi, count) in enumerate(zip(lows, self.bins, self.counts, strict=True))
        ]


def _interval_label(j: int, lower: float, upper: float, unit: str, decimals: int) -> str:
    if lower < upper:
        return LEGEND_RANGE.format(
            lower=format_number(lower, decimals), upper=format_value(upper, unit, decimals)
        )
    if j == 0:
        return LEGEND_UP_TO.format(upper=format_value(upper, unit, decimals))
    return LEGEND_ABOVE.format(lower=format_value(lower, unit, decimals))


def method_labels() -> dict[str, str]:
    """Method id -> German label, in display order (for the selection list)."""
    return {method_id: method.label for method_id, method in METHODS.items()}


def parse_breaks(text: str | None) -> tuple[float, ...]:
    """Read user breaks such as '10; 20; 30,5' (German numbers, ';' between them).

    The breaks are the boundaries *between* classes: n breaks give n + 1 classes.
    """
    parts = [part.strip() for part in (text or "").split(BREAKS_SEPARATOR)]
    parts = [part for part in parts if part]
    if not parts:
        raise ClassificationError(ERR_BREAKS_EMPTY)
    breaks: list[float] = []
    for part in parts:
        try:
            number = parse_german_number(part)
        except ValueError:
            number = float("nan")
        if not np.isfinite(number):
            raise ClassificationError(ERR_BREAK_NOT_NUMBER.format(part=part))
        if breaks and number <= breaks[-1]:
            previous = parts[len(breaks) - 1]
            raise ClassificationError(ERR_BREAKS_ORDER.format(part=part, previous=previous))
        breaks.append(number)
    if not K_MIN - 1 <= len(breaks) <= K_MAX - 1:
        raise ClassificationError(ERR_BREAKS_COUNT.format(
            n_min=K_MIN - 1, n_max=K_MAX - 1, k_min=K_MIN, k_max=K_MAX, n=len(breaks)
        ))
    return tuple(breaks)


def classify(
    values: Sequence[float] | np.ndarray | pd.Series,
    method: str = QUANTILES,
    k: int = 5,
    breaks_text: str | None = None,
    fixed_on: Sequence[float] | np.ndarray | pd.Series | None = None,
) -> Classes:
    """Put ``values`` into classes; NaN gets class -1.

    ``fixed_on``: values pooled over all years of the indicator. The breaks are
    then computed on them once and applied to ``values`` (mapclassify's
    ``find_bin``), so colours stay comparable between years; values outside
    the pooled range get the nearest class and the outer bounds widen to them.
    ``k`` is ignored for ``user_defined`` (the breaks decide).
    """
    factory = _method(method).factory
    breaks = parse_breaks(breaks_text) if method == USER_DEFINED else ()
    k_requested = len(breaks) + 1 if method == USER_DEFINED else _check_k(k)
    x = _as_floats(values)
    reference = x if fixed_on is None else _as_floats(fixed_on)
    reference = reference[~np.isnan(reference)]
    if reference.size == 0:
        nothing = np.full(x.shape, NO_CLASS, dtype="int64")
        nothing.setflags(write=False)
        return Classes(method, 0, k_requested, (), float("nan"), nothing, (), NOTE_NO_VALUES,
                       fixed_on is not None)
    classifier = _classifier(factory, reference, k_requested, breaks, method)
    return _apply(classifier, x, reference, method, k_requested, fixed_on is not None)


def classify_symmetric(
    values: Sequence[float] | np.ndarray | pd.Series,
    k: int = 5,
    fixed_on: Sequence[float] | np.ndarray | pd.Series | None = None,
) -> Classes:
    """Equal intervals symmetric around 0, for change and deviation maps.

    mapclassify's EqualInterval runs on the values mirrored at 0, so the range
    is [-m, m] with m the largest absolute value; for odd ``k`` the middle
    (light) class holds 0, for even ``k`` 0 is a class boundary.
    """
    reference = _as_floats(values if fixed_on is None else fixed_on)
    mirrored = np.concatenate([reference, -reference])
    result = classify(values, EQUAL_INTERVAL, k, fixed_on=mirrored)
    return replace(result, fixed=fixed_on is not None)


def _method(method: str) -> Method:
    if method not in METHODS:
        raise ClassificationError(
            ERR_UNKNOWN_METHOD.format(method=method, methods=", ".join(METHODS))
        )
    return METHODS[method]


def _check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not K_MIN <= k <= K_MAX:
        raise ClassificationError(ERR_K_RANGE.format(k_min=K_MIN, k_max=K_MAX, k=k))
    return int(k)


def _as_floats(values: Sequence[float] | np.ndarray | pd.Series) -> np.ndarray:
    """A flat float array; pandas NA and None become NaN."""
    if isinstance(values, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        return np.asarray(values.to_numpy(dtype="float64", na_value=np.nan)).ravel()
    return np.asarray(values, dtype="float64").ravel()


def _classifier(
    factory: Factory, reference: np.ndarray, k: int, breaks: tuple[float, ...], method: str
) -> mapclassify.classifiers.MapClassifier:
    """Run mapclassify, with fewer classes when there are too few different values."""
    if method != USER_DEFINED:
        k = min(k, len(np.unique(reference)))
        if k == 1:  # one single value: one class, its bound is that value
            return mapclassify.UserDefined(reference, [float(reference.max())])
    with warnings.catch_warnings():
        # mapclassify warns when quantiles collapse (we report it via k) and
        # when numba is missing (pure Python is fast enough for districts).
        warnings.simplefilter("ignore", UserWarning)
        return factory(reference, k, breaks)


def _apply(
    classifier: mapclassify.classifiers.MapClassifier,
    x: np.ndarray,
    reference: np.ndarray,
    method: str,
    k_requested: int,
    fixed: bool,
) -> Classes:
    """Classify ``x`` with the classifier's bins (find_bin) and build the result."""
    bins = np.asarray(classifier.bins, dtype="float64").copy()
    present = ~np.isnan(x)
    classes = np.full(x.shape, NO_CLASS, dtype="int64")
    lower = min(float(reference.min()), float(bins[0]))
    if present.any():
        classes[present] = classifier.find_bin(x[present])
        bins[-1] = max(bins[-1], float(x[present].max()))
        lower = min(lower, float(x[present].min()))
    classes.setflags(write=False)
    k = len(bins)
    counts = np.bincount(classes[present], minlength=k)
    note = NOTE_FEWER_CLASSES.format(k=k, k_requested=k_requested) if k < k_requested else ""
    return Classes(method, k, k_requested, tuple(float(b) for b in bins), lower, classes,
                   tuple(int(c) for c in counts), note, fixed)
