"""Palettes: length, which end is dark, a light middle, greys apart from class colours."""

from __future__ import annotations

import re

import pytest

from indicators.catalogue import HIGHER_BETTER, HIGHER_WORSE, NEUTRAL
from indicators.palettes import (
    NO_DATA_COLOR,
    SUPPRESSED_COLOR,
    SUPPRESSED_PATTERN,
    PaletteError,
    diverging,
    relative_luminance,
    sequential,
    text_color_for,
)

POLARITIES = [HIGHER_WORSE, HIGHER_BETTER, NEUTRAL]
HEX = re.compile(r"^#[0-9a-f]{6}$")


def rgb(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b), strict=True)) ** 0.5


def is_orange(color: str) -> bool:
    r, g, b = rgb(color)
    return r > g > b


@pytest.mark.parametrize("polarity", POLARITIES)
@pytest.mark.parametrize("k", range(1, 8))
def test_length_and_format(k: int, polarity: str) -> None:
    for colors in (sequential(k, polarity), diverging(k, polarity)):
        assert len(colors) == k
        assert len(set(colors)) == k
        assert all(HEX.match(c) for c in colors)


@pytest.mark.parametrize("k", range(3, 8))
def test_dark_end_flips_with_polarity(k: int) -> None:
    worse = [relative_luminance(c) for c in sequential(k, HIGHER_WORSE)]
    better = [relative_luminance(c) for c in sequential(k, HIGHER_BETTER)]
    neutral = [relative_luminance(c) for c in sequential(k, NEUTRAL)]
    assert worse == sorted(worse, reverse=True)  # darker with every higher class
    assert better == sorted(better)  # darkest = lowest values = most need
    assert neutral == sorted(neutral, reverse=True)
    assert worse[-1] < worse[0] and better[0] < better[-1]


def test_neutral_does_not_use_the_need_hue() -> None:
    assert not set(sequential(5, NEUTRAL)) & set(sequential(5, HIGHER_WORSE))


@pytest.mark.parametrize("polarity", POLARITIES)
@pytest.mark.parametrize("k", [3, 5, 7])
def test_diverging_middle_is_the_lightest_for_odd_k(k: int, polarity: str) -> None:
    lum = [relative_luminance(c) for c in diverging(k, polarity)]
    middle = lum[k // 2]
    assert all(middle > value for i, value in enumerate(lum) if i != k // 2)
    assert middle > 0.85


@pytest.mark.parametrize("k", [4, 6])
def test_diverging_even_k_is_lightest_in_the_centre(k: int) -> None:
    lum = [relative_luminance(c) for c in diverging(k, HIGHER_WORSE)]
    assert min(lum[k // 2 - 1], lum[k // 2]) > max(lum[0], lum[-1])


@pytest.mark.parametrize("k", range(3, 8))
def test_worse_side_of_a_change_is_orange(k: int) -> None:
    worse = diverging(k, HIGHER_WORSE)  # an increase is worse: positive end orange
    better = diverging(k, HIGHER_BETTER)  # a decrease is worse: negative end orange
    assert is_orange(worse[-1]) and not is_orange(worse[0])
    assert is_orange(better[0]) and not is_orange(better[-1])


@pytest.mark.parametrize("polarity", POLARITIES)
@pytest.mark.parametrize("k", range(1, 8))
def test_greys_differ_from_every_class_colour(k: int, polarity: str) -> None:
    for color in sequential(k, polarity) + diverging(k, polarity):
        assert color not in (NO_DATA_COLOR, SUPPRESSED_COLOR)
        assert distance(color, NO_DATA_COLOR) >= 30
        assert distance(color, SUPPRESSED_COLOR) >= 30


def test_greys_are_grey_and_apart() -> None:
    for grey in (NO_DATA_COLOR, SUPPRESSED_COLOR):
        r, g, b = rgb(grey)
        assert r == g == b
    assert relative_luminance(NO_DATA_COLOR) > relative_luminance(SUPPRESSED_COLOR)
    assert distance(NO_DATA_COLOR, SUPPRESSED_COLOR) >= 60
    assert SUPPRESSED_PATTERN


@pytest.mark.parametrize(
    ("fill", "text"),
    [("#ffffff", "#000000"), ("#000000", "#ffffff"), ("#ffffd4", "#000000"),
     ("#8c2d04", "#ffffff"), ("#084594", "#ffffff"), ("#fec44f", "#000000")],
)
def test_text_color_for_contrast(fill: str, text: str) -> None:
    assert text_color_for(fill) == text


def test_luminance_extremes() -> None:
    assert relative_luminance("#000000") == 0.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("k", [0, 8, 2.0])
def test_k_outside_range_is_refused(k: object) -> None:
    with pytest.raises(PaletteError, match="1 bis 7 Klassen"):
        sequential(k)  # type: ignore[arg-type]


def test_unknown_polarity_and_bad_hex() -> None:
    with pytest.raises(PaletteError, match="„schlimm“"):
        diverging(5, "schlimm")
    with pytest.raises(PaletteError, match="#rrggbb"):
        text_color_for("rot")
