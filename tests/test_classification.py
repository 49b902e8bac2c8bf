"""Classification: compared with mapclassify itself, plus user breaks, legends and NaN."""

from __future__ import annotations

import warnings

import mapclassify
import numpy as np
import pytest

from indicators.catalogue import Indicator
from indicators.classification import (
    EQUAL_INTERVAL,
    NATURAL_BREAKS,
    NO_CLASS,
    QUANTILES,
    STD_MEAN,
    USER_DEFINED,
    ClassificationError,
    classify,
    classify_symmetric,
    method_labels,
    parse_breaks,
)

NBSP = "\u00a0"
# district values as in the demo: skewed, widely spread
Y = np.random.default_rng(7).gamma(2.0, 9.0, 35).round(1)
# the documented mapping of k to multiples of the standard deviation
MULTIPLES = {3: [-1, 1], 4: [-1, 0, 1], 5: [-2, -1, 1, 2], 6: [-2, -1, 0, 1, 2],
             7: [-3, -2, -1, 1, 2, 3]}


def reference(method: str, y: np.ndarray, k: int) -> mapclassify.classifiers.MapClassifier:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        if method == QUANTILES:
            return mapclassify.Quantiles(y, k=k)
        if method == EQUAL_INTERVAL:
            return mapclassify.EqualInterval(y, k=k)
        if method == NATURAL_BREAKS:
            return mapclassify.FisherJenks(y, k=k)
        return mapclassify.StdMean(y, multiples=MULTIPLES[k])


@pytest.mark.parametrize("k", [3, 4, 5, 6, 7])
@pytest.mark.parametrize("method", [QUANTILES, EQUAL_INTERVAL, NATURAL_BREAKS, STD_MEAN])
def test_automatic_methods_match_mapclassify(method: str, k: int) -> None:
    expected = reference(method, Y, k)
    result = classify(Y, method, k)
    np.testing.assert_array_equal(result.classes, expected.yb)
    # std-mean keeps k classes: an empty top class repeats the last bound
    np.testing.assert_allclose(result.bins[: expected.k], expected.bins)
    assert result.k == k
    assert sum(result.counts) == len(Y)
    assert list(result.counts) == np.bincount(expected.yb, minlength=k).tolist()


@pytest.mark.parametrize("method", [QUANTILES, EQUAL_INTERVAL, NATURAL_BREAKS, STD_MEAN])
def test_nan_gets_no_class_and_is_not_counted(method: str) -> None:
    values = Y.copy()
    values[[0, 5, 9]] = np.nan
    result = classify(values, method, 5)
    assert (result.classes[[0, 5, 9]] == NO_CLASS).all()
    present = ~np.isnan(values)
    expected = reference(method, values[present], 5)
    np.testing.assert_array_equal(result.classes[present], expected.yb)
    assert sum(result.counts) == present.sum() == 32


def test_pandas_nullable_values_are_read_as_nan() -> None:
    import pandas as pd

    values = pd.Series([1.0, None, 3.0, 4.0, 5.0, 6.0], dtype="Float64")
    result = classify(values, QUANTILES, 3)
    assert result.classes[1] == NO_CLASS
    assert sum(result.counts) == 5


def test_user_defined_breaks_from_german_text() -> None:
    assert parse_breaks("10; 20,5; 30") == (10.0, 20.5, 30.0)
    assert parse_breaks("1.234,5;2.000,0 ; 3000") == (1234.5, 2000.0, 3000.0)
    values = np.array([5, 10, 15, 20.5, 25, 30, 35, np.nan])
    result = classify(values, USER_DEFINED, breaks_text="10; 20,5; 30")
    # right-closed classes: (.., 10], (10, 20,5], (20,5, 30], (30, ..]
    assert result.classes.tolist() == [0, 0, 1, 1, 2, 2, 3, NO_CLASS]
    assert result.bins == (10.0, 20.5, 30.0, 35.0)
    assert result.counts == (2, 2, 2, 1)
    assert result.k == 4
    expected = mapclassify.UserDefined(values[:-1], [10, 20.5, 30])
    np.testing.assert_array_equal(result.classes[:-1], expected.yb)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("10; abc; 30", "„abc“ ist keine Zahl"),
        ("10, 20, 30", "„10, 20, 30“ ist keine Zahl"),
        ("10; nan; 30", "„nan“ ist keine Zahl"),
        ("10; 30; 20", "„20“ steht nach „30“"),
        ("10; 10; 20", "„10“ steht nach „10“"),
        ("", "Bitte eigene Klassengrenzen eingeben"),
        ("  ;  ", "Bitte eigene Klassengrenzen eingeben"),
        ("10", "2 bis 6 Klassengrenzen"),
        ("1; 2; 3; 4; 5; 6; 7", "nicht 7"),
    ],
)
def test_bad_break_text_raises_a_german_message(text: str, fragment: str) -> None:
    with pytest.raises(ClassificationError, match=fragment) as info:
        classify(Y, USER_DEFINED, breaks_text=text)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("k", [0, 2, 8, 3.5, True])
def test_k_outside_3_to_7_is_refused(k: object) -> None:
    with pytest.raises(ClassificationError, match="zwischen 3 und 7"):
        classify(Y, QUANTILES, k)  # type: ignore[arg-type]


def test_unknown_method_names_the_choices() -> None:
    with pytest.raises(ClassificationError, match=r"„jenks“.*quantiles"):
        classify(Y, "jenks", 5)


def test_method_labels_cover_every_method_in_german() -> None:
    labels = method_labels()
    assert list(labels) == [QUANTILES, EQUAL_INTERVAL, NATURAL_BREAKS, STD_MEAN, USER_DEFINED]
    assert labels[NATURAL_BREAKS].startswith("Natürliche Brüche")


def test_fixed_breaks_come_from_the_pooled_values() -> None:
    year_a = np.arange(1.0, 51.0)  # 1..50
    year_b = np.arange(51.0, 101.0)  # 51..100
    pooled = np.concatenate([year_a, year_b])
    pooled_bins = mapclassify.Quantiles(pooled, k=4).bins
    result = classify(year_b, QUANTILES, 4, fixed_on=pooled)
    np.testing.assert_allclose(result.bins, pooled_bins)
    assert result.fixed
    # year B holds the upper half of the pooled values: only the two top classes
    assert result.counts == (0, 0, 25, 25)
    # a value of another year gets the class the pooled bins imply
    other = classify(np.array([30.0, 60.0, np.nan]), QUANTILES, 4, fixed_on=pooled)
    assert pooled_bins[0] < 30.0 <= pooled_bins[1]
    assert pooled_bins[1] < 60.0 <= pooled_bins[2]
    assert other.classes.tolist() == [1, 2, NO_CLASS]


def test_values_outside_the_pooled_range_get_the_nearest_class() -> None:
    pooled = np.arange(1.0, 101.0)
    result = classify(np.array([-5.0, 50.0, 250.0]), EQUAL_INTERVAL, 5, fixed_on=pooled)
    assert result.classes.tolist() == [0, 2, 4]
    assert result.lower == -5.0  # the legend still covers every value shown
    assert result.bins[-1] == 250.0


def test_few_unique_values_fall_back_and_say_so() -> None:
    result = classify([1, 1, 1, 2, 2, np.nan], NATURAL_BREAKS, 5)
    assert result.k == 2
    assert result.k_requested == 5
    assert result.counts == (3, 2)
    assert "Nur 2 statt 5 Klassen" in result.note
    same = classify([4.0, 4.0, 4.0], EQUAL_INTERVAL, 5)
    assert same.k == 1
    assert same.classes.tolist() == [0, 0, 0]


def test_no_values_at_all() -> None:
    result = classify([np.nan, np.nan], QUANTILES, 5)
    assert result.k == 0
    assert result.classes.tolist() == [NO_CLASS, NO_CLASS]
    assert result.counts == ()
    assert result.note


def test_legend_rows_in_german_number_format() -> None:
    result = classify([5.0, 12.0, 25.0], USER_DEFINED, breaks_text="10; 20")
    rows = result.legend_rows("%", 1)
    assert [row.label for row in rows] == [
        f"5,0 – 10,0{NBSP}%", f"10,0 – 20,0{NBSP}%", f"20,0 – 25,0{NBSP}%",
    ]
    assert [row.count for row in rows] == [1, 1, 1]


def test_legend_rows_for_empty_outer_classes() -> None:
    below = classify([5.0, 12.0], USER_DEFINED, breaks_text="10; 20")
    assert below.legend_rows("%", 0)[-1] == (f"über 20{NBSP}%", 0)
    above = classify([15.0, 1234.5], USER_DEFINED, breaks_text="10; 20")
    rows = above.legend_rows("Anzahl", 1)
    assert rows[0] == ("bis 10,0", 0)
    assert rows[-1] == ("20,0 – 1.234,5", 1)


def test_legend_rows_take_unit_and_decimals_from_the_indicator() -> None:
    indicator = Indicator(
        indicator_id="hze", name="Hilfen zur Erziehung", short_name="HzE", theme="Jugendhilfe",
        unit="je 1.000", description="", source="", numerator="Fälle",
        denominator="unter 21", polarity="higher_worse", public=True, min_count=5,
        decimals=2, scale=1000.0,
    )
    rows = classify([1.0, 2.0, 3.0, 4.0, np.nan], QUANTILES, 3).legend_rows(indicator)
    assert len(rows) == 3
    assert rows[0].label.startswith("1,00 – ")
    assert rows[-1].label.endswith(f"4,00{NBSP}je 1.000")
    assert sum(row.count for row in rows) == 4


@pytest.mark.parametrize("method", [QUANTILES, EQUAL_INTERVAL, NATURAL_BREAKS, STD_MEAN])
def test_legend_counts_sum_to_values_with_data(method: str) -> None:
    values = np.append(Y, [np.nan] * 4)
    rows = classify(values, method, 6).legend_rows("%")
    assert sum(row.count for row in rows) == len(Y)


def test_symmetric_classes_are_centred_on_zero() -> None:
    result = classify_symmetric([-1.0, 2.0, 0.5, -3.0, 0.0], 5)
    # largest absolute value 3 -> range -3..3 in five steps of 1,2
    np.testing.assert_allclose(result.bins, [-1.8, -0.6, 0.6, 1.8, 3.0])
    assert result.lower == -3.0
    assert result.classes.tolist() == [1, 4, 2, 0, 2]  # 0 sits in the middle class


def test_classes_array_is_read_only() -> None:
    result = classify(Y, QUANTILES, 5)
    with pytest.raises(ValueError):
        result.classes[0] = 3
