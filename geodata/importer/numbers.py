"""German numbers, statistics-office markers, keys and years in table cells.

Tables arrive as exported by a Landesamt or a Fachamt: "1.234,5", "12,3 %",
"-" for "nichts vorhanden", "." or "x" for secret or blocked cells, Excel keys
that lost their leading zeros. All cells are read as text and converted here,
so that nothing is guessed silently by a CSV parser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: "-" = nichts vorhanden (genau null) in the Zeichenerklärung of the amtliche Statistik.
ZERO_MARKERS = ("-", "–", "—")
#: ".": unbekannt/geheim, "x": gesperrt, "…": fällt später an, "/": nicht sicher genug.
MISSING_MARKERS = (".", "x", "X", "…", "...", "/", "()", "•")

_GERMAN = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_ENGLISH = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$")
_GERMAN_EVIDENCE = re.compile(r"^[+-]?(\d+(\.\d{3})*,\d+|\d{1,3}(\.\d{3}){2,})$")
_DOT_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")
_DOT_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_YEAR = re.compile(r"^(\d{4})(\.0+)?$|^\d{1,2}\.\d{1,2}\.(\d{4})$|^(\d{4})-\d{2}-\d{2}")


@dataclass(frozen=True)
class DecimalGuess:
    """The decimal mark of a table and what made it so."""

    decimal: str | None  # None: German and English numbers mixed
    ambiguous: tuple[str, ...] = ()


def cell_text(value: object) -> str:
    """One cell as stripped text ('' for empty); Excel's 101.0 becomes '101'."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\u00a0", " ").strip()


def cell_texts(raw: pd.Series) -> pd.Series:
    """Cells as stripped text, converting each distinct value once."""
    return _by_unique(raw, cell_text).astype("str")


def _by_unique(raw: pd.Series, func) -> pd.Series:
    if raw.dtype == object:
        return raw.map(func)
    uniques = raw.drop_duplicates()
    lookup = dict(zip(uniques, (func(u) for u in uniques), strict=True))
    return raw.map(lookup)


def guess_decimal(texts: pd.Series, delimiter: str | None) -> DecimalGuess:
    """Decimal comma or point, decided once per table from unambiguous cells."""
    values = texts[~texts.isin(("", *ZERO_MARKERS, *MISSING_MARKERS))].str.rstrip(" %")
    german = values.str.match(_GERMAN_EVIDENCE).any()
    dotted = values[values.str.match(_DOT_DECIMAL)]
    english = (~dotted.str.match(_DOT_AMBIGUOUS)).any()
    if german and english:
        return DecimalGuess(None)
    if german or english:
        return DecimalGuess("," if german else ".")
    ambiguous = tuple(dotted.drop_duplicates().head(3))
    return DecimalGuess("," if delimiter in (";", None) else ".", ambiguous)


def parse_numbers(raw: pd.Series, decimal: str, dash_is_zero: bool = True
                  ) -> tuple[pd.Series, pd.Series, int]:
    """Float values, a mask of cells that are not numbers, and the count of markers.

    Markers become NaN ("." "x" "…" "/") or 0 ("-", unless ``dash_is_zero`` is
    False); numbers typed into Excel keep their value; every other text is bad.
    """
    numeric = raw.map(lambda v: isinstance(v, int | float | np.number)
                      and not isinstance(v, bool) and not pd.isna(v))
    out = pd.Series(np.nan, index=raw.index, dtype="float64")
    out[numeric] = pd.to_numeric(raw[numeric]).astype("float64")
    texts = cell_texts(raw[~numeric]).str.rstrip(" %")
    zero = texts.isin(ZERO_MARKERS)
    marker = texts.isin(MISSING_MARKERS) | zero
    if dash_is_zero:
        out[zero[zero].index] = 0.0
    candidates = texts[~marker & (texts != "")]
    pattern = _GERMAN if decimal == "," else _ENGLISH
    valid = candidates.str.replace(" ", "", regex=False).str.match(pattern)
    cleaned = candidates[valid].str.replace(" ", "", regex=False)
    if decimal == ",":
        cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    out[cleaned.index] = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    bad = pd.Series(False, index=raw.index)
    bad[candidates[~valid].index] = True
    return out, bad, int(marker.sum())


def normalise_keys(raw: pd.Series, zfill: int | None = None) -> pd.Series:
    """Keys as text; purely numeric keys padded with zeros to ``zfill`` digits."""
    keys = cell_texts(raw)
    if zfill:
        digits = keys.str.fullmatch(r"\d+")
        keys = keys.where(~digits, keys.str.zfill(zfill))
    return keys


def parse_years(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Years (Int64) from 2012, 2012.0, 31.12.2012, 2012-12-31 or Excel dates; bad mask."""
    years = _by_unique(raw, _year).astype("Int64")
    return years, years.isna()


def _year(value: object) -> int | None:
    if isinstance(value, dt.date):
        return value.year
    match = _YEAR.match(cell_text(value))
    if not match:
        return None
    year = int(next(g for g in (match.group(1), match.group(3), match.group(4)) if g))
    return year if 1900 <= year <= 2100 else None
