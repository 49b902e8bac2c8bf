"""CSV and Excel tables: reading them as text, then counts per area and year.

Every cell is read as text (keys keep their leading zeros) and converted by
``numbers``; the CSV delimiter and encoding are detected from the file, the
Excel sheet and header row come from the recipe. The result of a table is
one long frame ``series, district_id, year, value, row`` whatever its layout.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geodata.importer.numbers import (
    cell_texts,
    guess_decimal,
    normalise_keys,
    parse_numbers,
    parse_years,
)
from geodata.importer.recipe import TableSource
from geodata.importer.report import ERROR, ValidationReport
from geodata.importer.sources import Limits, check_file
from indicators.texts import importing as msg

DELIMITERS = (";", ",", "\t", "|")
SERIES_COLUMNS = ["series", "district_id", "year", "value", "row"]


@dataclass(frozen=True)
class RawTable:
    """Cells as read; ``first_row`` is the file row (1-based) of ``frame``'s first row."""

    frame: pd.DataFrame
    label: str
    first_row: int
    delimiter: str | None

    def rows(self, index: pd.Index) -> list[int]:
        return [self.first_row + int(i) for i in index]


def read_table(path: Path, *, report: ValidationReport, limits: Limits, sheet: str | None = None,
               header_row: int = 1, encoding: str | None = None,
               delimiter: str | None = None) -> RawTable | None:
    """Read a .csv/.txt or .xlsx file as text cells; None after an error."""
    if not check_file(path, limits, report):
        return None
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from geodata.importer.excel import read_sheet
        frame = read_sheet(path, sheet, header_row, report)
        table = None if frame is None else RawTable(frame, path.name, header_row + 1, None)
    elif suffix == ".xls":
        report.error(msg.XLS_OLD, msg.XLS_OLD_HINT, file=path.name)
        return None
    else:
        table = _read_csv(path, header_row, encoding, delimiter, report)
    if table is not None and table.frame.empty:
        report.error(msg.TABLE_NO_ROWS, msg.FILE_EMPTY_HINT, file=path.name)
        return None
    return table


def _read_csv(path: Path, header_row: int, encoding: str | None, delimiter: str | None,
              report: ValidationReport) -> RawTable | None:
    data = path.read_bytes()
    text = _decode(data, encoding, report, path.name)
    if text is None:
        return None
    lines = text.splitlines()[header_row - 1:header_row + 49]
    if not any(line.strip() for line in lines):
        report.error(msg.FILE_EMPTY, msg.FILE_EMPTY_HINT, file=path.name)
        return None
    delimiter = delimiter or _sniff_delimiter(lines)
    if delimiter is None:
        report.error(msg.CSV_NO_DELIMITER, msg.CSV_NO_DELIMITER_HINT, file=path.name)
        return None
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            skiprows=header_row - 1, skip_blank_lines=False)
    except (pd.errors.ParserError, ValueError) as error:
        line = _line_of(str(error))
        report.error(msg.CSV_BROKEN.format(detail=str(error).split(". ")[-1].strip()),
                     msg.CSV_BROKEN_HINT, file=path.name,
                     row=None if line is None else line + header_row - 1)
        return None
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame[(frame != "").any(axis=1)]
    return RawTable(frame, path.name, header_row + 1, delimiter)


def _decode(data: bytes, encoding: str | None, report: ValidationReport, label: str) -> str | None:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            report.error(msg.CSV_ENCODING.format(encoding=encoding), msg.CSV_ENCODING_HINT,
                         file=label)
            return None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    if b"\x00" in data[:4096]:
        report.error(msg.CSV_BINARY, msg.CSV_BINARY_HINT, file=label)
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _sniff_delimiter(lines: list[str]) -> str | None:
    """The delimiter that splits the header into most columns, the same in every row."""
    lines = [line for line in lines if line.strip()]
    best, best_score = None, (0.0, 1)
    for candidate in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=candidate)]
        if not counts or counts[0] < 2:
            continue
        score = (sum(c == counts[0] for c in counts) / len(counts), counts[0])
        if score > best_score:
            best, best_score = candidate, score
    return best


def _line_of(text: str) -> int | None:
    match = re.search(r"line (\d+)", text)
    return int(match.group(1)) if match else None


def require_columns(table: RawTable, columns: list[str], report: ValidationReport) -> bool:
    """Report every missing column with the nearest existing names."""
    present = list(table.frame.columns)
    ok = True
    for column in dict.fromkeys(c for c in columns if c):
        if column not in present:
            near = difflib.get_close_matches(column, present, n=3, cutoff=0.5)
            report.error(msg.COLUMN_MISSING.format(column=column),
                         msg.COLUMN_MISSING_HINT.format(
                             near=", ".join(f"„{n}“" for n in near) or "–",
                             columns=", ".join(f"„{c}“" for c in present[:30])),
                         file=table.label, column=column)
            ok = False
    return ok


def extract_series(table: RawTable, source: TableSource,
                   report: ValidationReport) -> pd.DataFrame | None:
    """Long frame series/district_id/year/value/row from one long or wide table."""
    frame = table.frame
    filters = _filters(source, table, report)
    if filters is None:
        return None
    value_columns = ([source.value] if source.format == "long"
                     else [str(c) for c in source.series.values()])
    needed = [source.key, source.year_column, *value_columns,
              *(c for f in filters.values() for c in f)]
    if not require_columns(table, needed, report):
        return None
    keys = normalise_keys(frame[source.key], source.key_zfill)
    years = _years(table, source, report)
    numbers = _numbers(table, source, value_columns, report)
    if years is None or numbers is None:
        return None
    parts = []
    texts = {c: cell_texts(frame[c]) for c in {c for f in filters.values() for c in f}}
    for name, spec in source.series.items():
        if source.format == "long":
            mask = pd.Series(True, index=frame.index)
            for column, wanted in filters[name].items():
                mask &= texts[column] == wanted
            if not mask.any():
                report.error(msg.SERIES_NO_ROWS.format(series=name, filter=_show(filters[name])),
                             msg.SERIES_NO_ROWS_HINT, file=table.label)
                continue
            values = numbers[source.value][mask]
        else:
            values = numbers[str(spec)]
        parts.append(pd.DataFrame({
            "series": name, "district_id": keys[values.index], "year": years[values.index],
            "value": values, "row": table.rows(values.index)}))
    if not parts:
        return None
    long = pd.concat(parts, ignore_index=True)
    return _drop_ignored(long, source, table, report)


def _filters(source: TableSource, table: RawTable,
             report: ValidationReport) -> dict[str, dict[str, str]] | None:
    if source.format == "wide":
        bad = [n for n, v in source.series.items() if not isinstance(v, str)]
        for name in bad:
            report.error(msg.SERIES_WIDE_SPEC.format(series=name), msg.SERIES_WIDE_SPEC_HINT,
                         file=source.file.name)
        return None if bad else {}
    out = {}
    for name, spec in source.series.items():
        if not isinstance(spec, dict) or not spec:
            report.error(msg.SERIES_LONG_SPEC.format(series=name), msg.SERIES_LONG_SPEC_HINT,
                         file=source.file.name)
            return None
        out[name] = {str(k): str(v).strip() for k, v in spec.items()}
    return out


def _years(table: RawTable, source: TableSource, report: ValidationReport) -> pd.Series | None:
    if source.year_column is None:
        return pd.Series(source.year, index=table.frame.index, dtype="Int64")
    years, bad = parse_years(table.frame[source.year_column])
    if bad.any():
        raw = cell_texts(table.frame[source.year_column])
        items = [(r, source.year_column, msg.YEAR_BAD.format(value=v))
                 for r, v in zip(table.rows(bad[bad].index), raw[bad], strict=True)]
        report.add_each(ERROR, items, msg.YEAR_BAD_HINT, file=table.label)
        return None
    return years


def _numbers(table: RawTable, source: TableSource, columns: list[str],
             report: ValidationReport) -> dict[str, pd.Series] | None:
    frame = table.frame
    texts = pd.concat([cell_texts(frame[c]) for c in columns], ignore_index=True)
    guess = guess_decimal(texts, table.delimiter)
    decimal = source.decimal or guess.decimal
    if decimal is None:
        report.error(msg.NUMBERS_MIXED, msg.NUMBERS_MIXED_HINT, file=table.label)
        return None
    if guess.ambiguous and not source.decimal:
        report.warning(msg.NUMBERS_AMBIGUOUS.format(examples=", ".join(guess.ambiguous),
                                                    decimal=decimal),
                       msg.NUMBERS_AMBIGUOUS_HINT, file=table.label)
    out, items, markers = {}, [], 0
    for column in columns:
        values, bad, count = parse_numbers(frame[column], decimal, source.dash_is_zero)
        markers += count
        raw = frame[column][bad]
        items += [(r, column, msg.NOT_A_NUMBER.format(value=v))
                  for r, v in zip(table.rows(raw.index), raw, strict=True)]
        out[column] = values
    if items:
        report.add_each(ERROR, items, msg.NOT_A_NUMBER_HINT, file=table.label)
        return None
    if markers:
        report.note(msg.MARKERS_FOUND.format(count=markers), msg.MARKERS_FOUND_HINT,
                    file=table.label)
    return out


def _drop_ignored(long: pd.DataFrame, source: TableSource, table: RawTable,
                  report: ValidationReport) -> pd.DataFrame | None:
    empty = long["district_id"] == ""
    if empty.any():
        items = [(int(r), source.key, msg.KEY_EMPTY) for r in long.loc[empty, "row"]]
        report.add_each(ERROR, items, msg.KEY_EMPTY_HINT, file=table.label)
        return None
    ignored = long["district_id"].isin(source.ignore_keys)
    if ignored.any():
        report.note(msg.KEYS_IGNORED.format(count=int(ignored.sum()),
                                            keys=", ".join(source.ignore_keys)), file=table.label)
    long = long[~ignored].reset_index(drop=True)
    duplicated = long.duplicated(["series", "district_id", "year"], keep=False)
    if duplicated.any():
        dups = long[duplicated].groupby(["district_id", "year"]).agg(
            rows=("row", lambda r: sorted(set(r))), series=("series", lambda s: sorted(set(s))))
        items = [(rows[1], source.key, msg.VALUE_DUPLICATE.format(
            series=", ".join(series), key=key, year=year, rows=", ".join(map(str, rows))))
            for (key, year), rows, series in zip(dups.index, dups["rows"], dups["series"],
                                                 strict=True)]
        report.add_each(ERROR, items, msg.VALUE_DUPLICATE_HINT, file=table.label)
        return None
    return long


def _show(filters: dict[str, str]) -> str:
    return ", ".join(f"{k} = „{v}“" for k, v in filters.items())
