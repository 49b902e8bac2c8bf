"""The indicator catalogue as an Excel template: download, fill in, upload.

The Fachamt knows what an indicator means; the statistics office knows how
it is computed. The template lets the first fill in names, themes, polarity,
sources, public/internal and the suppression threshold in Excel, with
drop-down lists so that "höherer Wert = mehr Bedarf" is spelt the same way
every time. Reading it back checks every cell and names the Excel row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from geodata.importer.catalogue_rows import polarity_code
from geodata.importer.derived import unit_scale
from geodata.importer.excel import read_sheet
from geodata.importer.recipe import ID_PATTERN
from geodata.importer.report import ERROR, ValidationReport
from geodata.importer.sources import Limits, check_file
from indicators.atlas_file import CATALOGUE_COLUMNS
from indicators.texts import POLARITY_LABELS
from indicators.texts import importing as msg

#: (field, Excel header, column width); the order of the template's columns.
FIELDS = [
    ("indicator_id", "Kennung", 18), ("name", "Name", 40), ("short_name", "Kurzname", 20),
    ("theme", "Themenfeld", 16), ("unit", "Einheit", 10), ("description", "Beschreibung", 50),
    ("source", "Quelle", 30), ("numerator", "Zähler (Beschreibung)", 28),
    ("denominator", "Nenner (Beschreibung)", 28), ("polarity", "Polarität", 30),
    ("public", "Öffentlich", 11), ("min_count", "Mindestfallzahl", 15),
    ("decimals", "Nachkommastellen", 16),
]
HEADERS = {header: field for field, header, _ in FIELDS}
REQUIRED = ("indicator_id", "name", "unit", "theme", "polarity")
THEMES = ["Demografie", "Soziale Lage", "Bildung", "Gesundheit", "Jugendhilfe", "Versorgung",
          "Sonstiges"]
UNITS = ["%", "je 1.000", "je 100", "Anzahl", "Jahre", "Euro"]
YES, NO = "ja", "nein"
MAX_ROWS = 500
INSTRUCTIONS = [
    "Indikatorenkatalog – Anleitung",
    "",
    "1. Im Blatt „Indikatoren“ eine Zeile je Indikator ausfüllen. Die Kennung muss zur "
    "Kennung im Import-Rezept passen (Kleinbuchstaben, Ziffern, _).",
    "2. Themenfeld, Einheit, Polarität und Öffentlich über die Auswahlliste in der Zelle "
    "wählen.",
    "3. Polarität: „höherer Wert = mehr Bedarf“ (z. B. SGB-II-Quote), „höherer Wert = "
    "weniger Bedarf“ (z. B. Kita-Besuchsquote) oder „ohne Wertung“.",
    "4. Öffentlich = ja: der Indikator darf ohne Anmeldung gezeigt werden. Im Zweifel nein.",
    "5. Mindestfallzahl: Werte mit weniger Fällen werden gesperrt (Datenschutz). Leer = "
    "Standard des Atlas (meist 5).",
    "6. Zähler und Nenner beschreiben in Worten, was gezählt wird; berechnet wird nach "
    "dem Rezept.",
    "7. Spaltenköpfe nicht umbenennen. Datei als .xlsx speichern und beim Import unter "
    "[atlas] catalogue = \"katalog.xlsx\" angeben.",
]


def write_catalogue_template(path: Path, catalogue: pd.DataFrame | None = None,
                             themes: list[str] | None = None) -> Path:
    """An .xlsx with sheet 'Indikatoren' (pre-filled from ``catalogue``) and 'Anleitung'."""
    book = Workbook()
    sheet = book.active
    sheet.title = msg.CAT_SHEET
    sheet.append([header for _, header, _ in FIELDS])
    for cell, (_, _, width) in zip(sheet[1], FIELDS, strict=True):
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="2F5D8A")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "B2"
    for _, row in (catalogue if catalogue is not None else pd.DataFrame()).iterrows():
        sheet.append([_cell(field, row.get(field)) for field, _, _ in FIELDS])
    help_sheet = book.create_sheet(msg.CAT_HELP_SHEET)
    _validations(book, sheet, themes or THEMES)
    for line in INSTRUCTIONS:
        help_sheet.append([line])
    help_sheet["A1"].font = Font(bold=True, size=14)
    help_sheet.column_dimensions["A"].width = 110
    for row in help_sheet.iter_rows():
        row[0].alignment = Alignment(wrap_text=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _cell(field: str, value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if field == "polarity":
        return POLARITY_LABELS.get(str(value), str(value))
    if field == "public":
        return YES if bool(value) else NO
    if field in ("min_count", "decimals"):
        return int(value)
    return str(value)


def _validations(book: Workbook, sheet, themes: list[str]) -> None:
    """Drop-down lists; strict for polarity and public, suggestions for theme and unit."""
    lists = book.create_sheet("Listen")
    lists.sheet_state = "hidden"
    columns = {field: index for index, (field, _, _) in enumerate(FIELDS, start=1)}
    for number, (field, values, strict) in enumerate([
        ("polarity", list(POLARITY_LABELS.values()), True), ("public", [YES, NO], True),
        ("theme", themes, False), ("unit", UNITS, False),
    ], start=1):
        letter = lists.cell(row=1, column=number).column_letter
        for row, value in enumerate(values, start=1):
            lists.cell(row=row, column=number, value=value)
        rule = DataValidation(type="list", formula1=f"Listen!${letter}$1:${letter}${len(values)}",
                              allow_blank=True, showErrorMessage=True,
                              errorStyle="stop" if strict else "warning",
                              error="Bitte einen Wert aus der Liste wählen.")
        target = sheet.cell(row=2, column=columns[field]).column_letter
        rule.add(f"{target}2:{target}{MAX_ROWS}")
        sheet.add_data_validation(rule)
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True, showErrorMessage=True,
                            error="Bitte eine ganze Zahl ≥ 0 eintragen.")
    for field in ("min_count", "decimals"):
        letter = sheet.cell(row=2, column=columns[field]).column_letter
        counts.add(f"{letter}2:{letter}{MAX_ROWS}")
    sheet.add_data_validation(counts)


def read_catalogue_template(path: Path, report: ValidationReport,
                            limits: Limits | None = None) -> pd.DataFrame | None:
    """The filled-in template as catalogue rows (CATALOGUE_COLUMNS); None after an error."""
    if not check_file(path, limits or Limits(50_000_000), report):
        return None
    try:
        names = load_workbook(path, read_only=True).sheetnames
    except Exception:  # not an xlsx at all; read_sheet words the message
        names = [msg.CAT_SHEET]
    if msg.CAT_SHEET not in names:
        report.error(msg.CAT_NO_SHEET, msg.CAT_NO_SHEET_HINT, file=path.name)
        return None
    frame = read_sheet(path, msg.CAT_SHEET, 1, report)
    if frame is None:
        return None
    missing = [h for f, h, _ in FIELDS if h not in frame.columns and f in REQUIRED]
    for header in missing:
        report.error(msg.CAT_COLUMN_MISSING.format(column=header), msg.CAT_COLUMN_MISSING_HINT,
                     file=path.name, column=header)
    if missing:
        return None
    frame = frame.rename(columns=HEADERS)
    errors_before = len(report.errors)
    rows = [_row(frame.loc[i], int(i) + 2, path.name, report) for i in frame.index]
    out = pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)
    for value in out["indicator_id"][out["indicator_id"].duplicated()].unique():
        report.error(msg.CAT_ID_DUPLICATE.format(value=value), msg.CAT_FIELD_HINT,
                     file=path.name, column="Kennung")
    return None if len(report.errors) > errors_before else out


def _row(row: pd.Series, number: int, file: str, report: ValidationReport) -> dict:
    def text(field: str) -> str:
        value = row.get(field)
        return "" if value is None or pd.isna(value) else str(value).strip()

    def problem(field: str, message: str, hint: str = msg.CAT_FIELD_HINT) -> None:
        header = next(h for f, h, _ in FIELDS if f == field)
        report.add(ERROR, message, hint, file=file, row=number, column=header)

    out = {field: text(field) for field, _, _ in FIELDS}
    for field in REQUIRED:
        if not out[field]:
            problem(field, msg.CAT_FIELD_EMPTY.format(field=next(
                h for f, h, _ in FIELDS if f == field)))
    if out["indicator_id"] and not ID_PATTERN.match(out["indicator_id"]):
        problem("indicator_id", msg.CAT_ID_BAD.format(value=out["indicator_id"]))
    if out["polarity"]:
        code = polarity_code(out["polarity"])
        if code is None:
            problem("polarity", msg.CAT_BAD_CHOICE.format(value=out["polarity"]),
                    msg.CAT_BAD_CHOICE_HINT.format(options=", ".join(POLARITY_LABELS.values())))
        out["polarity"] = code or "neutral"
    public = out["public"].lower()
    if public not in ("", YES, NO, "true", "false", "1", "0", "x"):
        problem("public", msg.CAT_BAD_CHOICE.format(value=out["public"]),
                msg.CAT_BAD_CHOICE_HINT.format(options=f"{YES}, {NO}"))
    out["public"] = None if public == "" else public in (YES, "true", "1", "x")
    for field in ("min_count", "decimals"):
        value = out[field].removesuffix(".0")
        if value and not value.isdigit():
            problem(field, msg.CAT_BAD_INT.format(value=out[field]), msg.CAT_BAD_INT_HINT)
        out[field] = int(value) if value.isdigit() else None
    out["short_name"] = out["short_name"] or out["name"]
    out["scale"] = unit_scale(out["unit"]) if out["denominator"] else 1.0
    return out
