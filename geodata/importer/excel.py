"""Reading one sheet of an .xlsx file cell by cell, with exact row numbers.

openpyxl is used directly (not pandas.read_excel) so that the row numbers in
the report are the ones a person sees in Excel, blank rows included, and
numbers typed into cells keep their type instead of passing through text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from geodata.importer.report import ValidationReport
from indicators.texts import importing as msg


def read_sheet(path: Path, sheet: str | None, header_row: int,
               report: ValidationReport) -> pd.DataFrame | None:
    """Cells below ``header_row`` (1-based, as in Excel) of ``sheet`` (default: first)."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        report.error(msg.XLSX_BROKEN, msg.XLSX_BROKEN_HINT, file=path.name)
        return None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            report.error(msg.XLSX_NO_SHEET.format(sheet=sheet,
                                                  sheets=", ".join(book.sheetnames)),
                         msg.XLSX_NO_SHEET_HINT, file=path.name)
            return None
        rows = list(book[sheet or book.sheetnames[0]].iter_rows(min_row=header_row,
                                                               values_only=True))
    finally:
        book.close()
    label = f"{path.name}, Blatt „{sheet or book.sheetnames[0]}“"
    if not rows or all(cell is None for cell in rows[0]):
        report.error(msg.XLSX_NO_HEADER.format(row=header_row), msg.XLSX_NO_HEADER_HINT,
                     file=label)
        return None
    header = [_header(cell, i) for i, cell in enumerate(rows[0], start=1)]
    body = [list(row) + [None] * (len(header) - len(row)) for row in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    keep = frame.notna().any(axis=1)
    if not len(frame) or not keep.any():
        return frame.iloc[0:0]
    return frame[keep]


def _header(cell: object, number: int) -> str:
    if cell is None or str(cell).strip() == "":
        return f"Spalte {number}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()
