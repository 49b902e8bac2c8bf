"""Robustness of the classification on examples whose classes are known by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.robustness import (
    VERDICT_METHOD_DEPENDENT,
    VERDICT_SLIGHT,
    VERDICT_STABLE,
    normalise_classes,
    robustness,
)

NAN = float("nan")


def frame(values: list[float], suppressed: tuple[int, ...] = ()) -> pd.DataFrame:
    ids = [f"{i:02d}" for i in range(len(values))]
    return pd.DataFrame({
        "district_id": ids,
        "name": [f"Gebiet {i}" for i in ids],
        "value": values,
        "suppressed": [i in suppressed for i in range(len(values))],
    })


def test_three_clear_clusters_are_stable_under_every_method() -> None:
    # Five areas each near 1, 50 and 100. Quantiles: 5/5/5; equal interval: steps
    # of ~33; Fisher-Jenks: the clusters; std-mean (k=3: mean ± 1 s, mean ~50,7,
    # s ~41,7): below ~9, between, above ~92. Every area keeps its cluster's class.
    values = [1.0, 1.1, 1.2, 1.3, 1.4, 50.0, 50.1, 50.2, 50.3, 50.4,
              100.0, 100.1, 100.2, 100.3, 100.4]
    result = robustness(frame(values), k=3)
    assert (result.frame["verdict"] == VERDICT_STABLE).all()
    assert result.stable_share == 1.0
    assert result.frame["class_quantiles"].tolist() == [0] * 5 + [1] * 5 + [2] * 5
    assert "15 von 15 Gebieten (100 %)" in result.summary()


def test_an_outlier_makes_the_middle_method_dependent() -> None:
    # 1..9 and 100, k = 3.
    # Quantiles: bins 4 | 7 -> 1-4: 0, 5-7: 1, 8, 9, 100: 2.
    # Equal interval: width 33 -> 1..9: 0, 100: 2.
    # Fisher-Jenks: 100 alone (2); 1..9 split in two, 9 in the upper part (1), 1 in 0.
    # Std-mean: mean 14,5, s ~30,2 -> bounds -15,7 | 44,7 -> 1..9: 1, 100: 2.
    values = [float(v) for v in range(1, 10)] + [100.0]
    result = robustness(frame(values), k=3).frame.set_index("district_id")
    outlier, one, nine = result.loc["09"], result.loc["00"], result.loc["08"]
    assert outlier["verdict"] == VERDICT_STABLE and outlier["spread"] == 0
    assert one["verdict"] == VERDICT_SLIGHT and one["spread"] == 1
    assert nine["verdict"] == VERDICT_METHOD_DEPENDENT and nine["spread"] == 2
    assert nine[["class_quantiles", "class_equal_interval", "class_natural_breaks",
                 "class_std_mean"]].tolist() == [2, 0, 1, 1]


def test_suppressed_and_missing_districts_are_left_out() -> None:
    values = [1.0, 1.1, 50.0, 50.1, 100.0, 100.1, NAN, 77.0]
    result = robustness(frame(values, suppressed=(6, 7)), k=3)
    assert "06" not in set(result.frame["district_id"])
    assert "07" not in set(result.frame["district_id"])  # suppressed, even with a value
    assert result.n == 6


def test_few_values_fall_back_but_stay_comparable() -> None:
    result = robustness(frame([1.0, 1.0, 1.0, 2.0, 2.0, 2.0]), k=5)
    assert (result.frame["verdict"] == VERDICT_STABLE).all()
    assert result.notes  # "Nur 2 statt 5 Klassen …"
    low = result.frame.loc[result.frame["district_id"] == "00", "class_quantiles"].item()
    high = result.frame.loc[result.frame["district_id"] == "05", "class_quantiles"].item()
    assert (low, high) == (0, 4)  # the two classes are the two ends of the 5-class ramp


def test_no_district_with_a_value() -> None:
    result = robustness(frame([NAN, 3.0], suppressed=(1,)), k=5)
    assert result.n == 0
    assert np.isnan(result.stable_share)
    assert result.summary().startswith("Keine Gebiete")


@pytest.mark.parametrize(
    ("classes", "k_from", "k_to", "expected"),
    [
        ([0, 1], 2, 5, [0, 4]),
        ([0, 1, 2], 3, 5, [0, 2, 4]),
        ([0, 1, 2, 3], 4, 5, [0, 1, 3, 4]),  # 0, 1.33, 2.67, 4 rounded
        ([0, 1, 2], 3, 4, [0, 2, 3]),  # 0, 1.5 -> 2 (half up), 3
        ([0, 0], 1, 5, [2, 2]),
        ([0, 3, 4], 5, 5, [0, 3, 4]),
    ],
)
def test_normalise_classes(classes: list[int], k_from: int, k_to: int, expected: list[int]) -> None:
    assert normalise_classes(np.array(classes), k_from, k_to).tolist() == expected
