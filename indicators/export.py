"""The table behind a map, for downloads (Excel, CSV): the same data the map shows.

Suppressed values stay suppressed here too: the value columns are empty and the
reason is written out, so nothing a download contains is more than the map shows.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl.styles import Font

from indicators import texts
from indicators.atlas import Atlas
from indicators.map_modes import rank_mode


def map_table(atlas: Atlas, indicator_id: str, year: int, level: str) -> pd.DataFrame:
    """One row per area: key, name, value, counts, rank and the Datenschutz note."""
    indicator = atlas.indicator(indicator_id)
    frame = atlas.values(indicator_id, year, level)
    shown = frame["value"].where(~frame["suppressed"])
    rank = rank_mode(frame, indicator).frame["value"]
    columns = texts.EXPORT_COLUMNS
    table = pd.DataFrame({
        columns["district_id"]: frame["district_id"],
        columns["name"]: frame["name"],
        columns["year"]: int(year),
        columns["value"]: shown.round(indicator.decimals),
        columns["unit"]: indicator.unit,
        columns["numerator"]: frame["numerator"],
        columns["denominator"]: frame["denominator"],
        columns["rank"]: rank,
        columns["note"]: frame["label"].fillna(""),
    })
    if not indicator.is_rate:
        table = table.drop(columns=[columns["denominator"]])
    return table


def excel_bytes(table: pd.DataFrame, title: str, source: str) -> bytes:
    """An .xlsx with the table, a title row and the source, ready for a committee paper."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=texts.EXPORT_SHEET, index=False, startrow=3)
        sheet = writer.sheets[texts.EXPORT_SHEET]
        sheet["A1"] = title
        sheet["A2"] = f"{texts.SOURCE}: {source}" if source else ""
        sheet["A1"].font = Font(bold=True, size=13)
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column[3:]) + 2
            sheet.column_dimensions[column[0].column_letter].width = min(max(width, 10), 60)
    return buffer.getvalue()


def csv_text(table: pd.DataFrame) -> str:
    """CSV as German spreadsheets open it: semicolon, decimal comma, UTF-8 with BOM."""
    return "\ufeff" + table.to_csv(sep=";", decimal=",", index=False)
