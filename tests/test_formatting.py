"""German number formats, both ways."""

from __future__ import annotations

import pytest

from indicators.formatting import format_count, format_number, format_value, parse_german_number


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (12.345, 1, "12,3"), (1234.5, 1, "1.234,5"), (1234567, 0, "1.234.567"),
    (-0.25, 2, "\u22120,25"), (float("nan"), 1, "–"), (None, 1, "–"),
])
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_value_with_units():
    assert format_value(12.34, "%", 1) == "12,3\u00a0%"
    assert format_value(25.05, "je 1.000", 1) == "25,1\u00a0je 1.000"
    assert format_value(1234, "Anzahl", 0) == "1.234"
    assert format_count(12345.0) == "12.345"


@pytest.mark.parametrize(("text", "expected"), [
    ("12,5", 12.5), ("1.234,5", 1234.5), ("2.000", 2000.0), ("1.234.567", 1234567.0),
    ("12.5", 12.5), ("0.5", 0.5), (" 30,5 % ", 30.5), ("-3,2", -3.2), ("\u22123,2", -3.2),
])
def test_parse_german_number(text, expected):
    assert parse_german_number(text) == expected


def test_parse_rejects_text():
    with pytest.raises(ValueError):
        parse_german_number("viel")


def test_german_date():
    from indicators.formatting import german_date

    assert german_date("2012-12-31") == "31.12.2012"
    assert german_date("31.12.2024") == "31.12.2024"
