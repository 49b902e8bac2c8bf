"""Bivariate need/supply classes on constructed examples with known terciles."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.bivariate import (
    HIGH_NEED_LOW_SUPPLY,
    STEVENS,
    bivariate_classes,
    priority_list,
)
from indicators.catalogue import Indicator
from indicators.palettes import NO_DATA_COLOR, SUPPRESSED_COLOR, PaletteError, relative_luminance
from indicators.texts import offers as texts

# District i (0..8) has need i+1 and a supply chosen so that need tercile = i // 3 and
# supply tercile = i % 3: supply terciles are {1,2,3}, {4,5,6}, {7,8,9}.
NEED = [1, 2, 3, 4, 5, 6, 7, 8, 9]
SUPPLY = [(i % 3) * 3 + i // 3 + 1 for i in range(9)]  # 1, 4, 7, 2, 5, 8, 3, 6, 9


def frame(values, suppressed=None, labels=None) -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame({
        "district_id": [f"{i:02d}" for i in range(n)],
        "name": [f"Gebiet {i}" for i in range(n)],
        "value": values,
        "suppressed": suppressed or [False] * n,
        "label": labels or [""] * n,
    })


def indicator(polarity: str, unit: str = "%") -> Indicator:
    return Indicator("x", "X", "X", "T", unit, "", "", "", "", polarity, True, 5, 1, 100)


def test_class_codes_on_a_3x3_example():
    result = bivariate_classes(frame(NEED), frame(SUPPLY), "higher_worse", "higher_better")
    assert result.frame["need_level"].tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert result.frame["supply_level"].tolist() == [0, 1, 2, 0, 1, 2, 0, 1, 2]
    assert result.frame["code"].tolist() == list(range(9))
    assert [cell.count for cell in result.cells] == [1] * 9
    assert result.grey_count == 0
    district6 = result.frame.iloc[6]
    assert district6["label"] == "hoher Bedarf, geringe Versorgung"
    assert district6["color"] == "#3b4994"
    assert result.frame.iloc[2]["label"] == "geringer Bedarf, hohe Versorgung"


def test_polarity_turns_the_axes():
    # need higher_better (low value = much need), supply higher_worse (high = little supply)
    result = bivariate_classes(frame(NEED), frame(SUPPLY), "higher_better", "higher_worse")
    assert result.frame["need_level"].tolist() == [2, 2, 2, 1, 1, 1, 0, 0, 0]
    assert result.frame["supply_level"].tolist() == [2, 1, 0, 2, 1, 0, 2, 1, 0]
    assert result.frame["code"].iloc[2] == HIGH_NEED_LOW_SUPPLY
    with pytest.raises(PaletteError):
        bivariate_classes(frame(NEED), frame(SUPPLY), "schlimm", "higher_better")


def test_suppressed_or_missing_is_grey_and_not_classified():
    label = "Datenschutz: weniger als 5 Fälle"
    need = frame([*NEED, None, 50], suppressed=[False] * 9 + [True, False],
                 labels=[""] * 9 + [label, ""])
    supply = frame([*SUPPLY, 5, None])
    result = bivariate_classes(need, supply, "higher_worse", "higher_better")
    # the extra areas do not move the terciles: the first nine keep codes 0..8
    assert result.frame["code"].tolist() == [*range(9), -1, -1]
    grey = result.frame.iloc[9:]
    assert grey["color"].tolist() == [SUPPRESSED_COLOR, NO_DATA_COLOR]
    assert grey["label"].tolist() == [label, texts.BIVARIATE_NO_DATA]
    assert grey["suppressed"].tolist() == [True, False]
    assert grey["need"].isna().all() and grey["supply"].isna().all()
    assert result.grey_count == 2
    assert sum(cell.count for cell in result.cells) == 9


def test_high_need_low_supply_is_the_most_striking_cell():
    result = bivariate_classes(frame(NEED), frame(SUPPLY), "higher_worse", "higher_better")
    darkest = min(result.cells, key=lambda cell: relative_luminance(cell.color))
    lightest = max(result.cells, key=lambda cell: relative_luminance(cell.color))
    assert darkest.code == HIGH_NEED_LOW_SUPPLY
    assert lightest.label == "geringer Bedarf, hohe Versorgung"
    assert result.grid[0][0].code == HIGH_NEED_LOW_SUPPLY  # top left as read on the wall
    assert [cell.label for cell in result.grid[2]] == [
        "geringer Bedarf, geringe Versorgung", "geringer Bedarf, mittlere Versorgung",
        "geringer Bedarf, hohe Versorgung"]
    assert {cell.color for cell in result.cells} == {c for row in STEVENS for c in row}


def test_priority_list_sorted_by_need():
    # need terciles {1,2},{3,4},{5,6}; supply terciles {1,2},{6,7},{8,9}
    need = frame([1, 2, 3, 4, 5, 6])
    supply = frame([9, 8, 7, 6, 1, 2])
    result = bivariate_classes(need, supply, "higher_worse", "higher_better")
    table = priority_list(result, indicator("higher_worse"), indicator("higher_better", "je 100"))
    assert table["district_id"].tolist() == ["05", "04"]
    assert table["need_text"].tolist() == ["6,0\u00a0%", "5,0\u00a0%"]
    assert table["supply_text"].tolist() == ["2,0\u00a0je 100", "1,0\u00a0je 100"]


def test_priority_list_for_a_higher_better_need_starts_with_the_lowest_value():
    result = bivariate_classes(frame([1, 2, 3, 4, 5, 6]), frame([1, 2, 7, 6, 9, 8]),
                               "higher_better", "higher_better")
    table = priority_list(result, indicator("higher_better"), indicator("higher_better"))
    assert table["district_id"].tolist() == ["00", "01"]


def test_empty_priority_list_keeps_its_columns():
    result = bivariate_classes(frame(NEED), frame(NEED), "higher_worse", "higher_better")
    table = priority_list(result, indicator("higher_worse"), indicator("higher_better"))
    assert table.empty
    assert list(table.columns) == ["district_id", "name", "need", "supply", "need_text",
                                   "supply_text"]
