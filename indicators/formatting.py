"""German number formats: 12,3 % · 1.234 · 25,0 je 1.000."""

from __future__ import annotations

import math
import re

NBSP = "\u00a0"
MINUS = "\u2212"  # the typographic minus, as Plotly's hover labels use it
_THOUSANDS_ONLY = re.compile(r"-?\d{1,3}(\.\d{3})+")


def format_number(value: float | None, decimals: int = 1) -> str:
    """Format a number the German way (decimal comma, thousands dot); '–' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{max(int(decimals), 0)}f}"
    text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text.replace("-", MINUS)


def format_value(value: float | None, unit: str, decimals: int = 1) -> str:
    """A value with its unit as a planner writes it: '12,3 %', '25,1 je 1.000', '1.234'."""
    number = format_number(value, decimals)
    if number == "–" or not unit or unit == "Anzahl":
        return number
    return f"{number}{NBSP}{unit}"


def format_count(value: float | None) -> str:
    """Whole counts: '1.234'."""
    return format_number(value, 0)


def parse_german_number(text: str) -> float:
    """Read '12,5', '1.234,5' and '2.000' (German) as well as '12.5'; ValueError otherwise.

    A dot followed by groups of exactly three digits is a thousands separator, as a
    German reader means it; any other single dot is taken as a decimal point.
    """
    cleaned = text.strip().replace(NBSP, "").replace(" ", "").rstrip("%").replace(MINUS, "-")
    if "," in cleaned or _THOUSANDS_ONLY.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    return float(cleaned)


def german_date(text: str) -> str:
    """'2012-12-31' -> '31.12.2012'; anything else is returned as it is."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    return f"{match[3]}.{match[2]}.{match[1]}" if match else text
