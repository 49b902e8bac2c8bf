"""The Excel catalogue template: written, filled in, read back, used by an import."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from geodata.importer.catalogue_template import (
    FIELDS,
    read_catalogue_template,
    write_catalogue_template,
)
from geodata.importer.cli import template_main
from geodata.importer.pipeline import run_import
from geodata.importer.report import ValidationReport
from indicators import open_atlas
from indicators.atlas_file import CATALOGUE_COLUMNS
from tests.import_corpus.builders import build_city

CATALOGUE = pd.DataFrame([
    {"indicator_id": "sgb2_u15", "name": "Kinder unter 15 im SGB-II-Bezug",
     "short_name": "SGB II u15", "theme": "Soziale Lage", "unit": "%",
     "description": "Anteil der Kinder unter 15 in Bedarfsgemeinschaften",
     "source": "Bundesagentur für Arbeit", "numerator": "Kinder in BG",
     "denominator": "Kinder unter 15", "polarity": "higher_worse", "public": True,
     "min_count": 5, "decimals": 1, "scale": 100.0},
    {"indicator_id": "einwohner", "name": "Einwohner", "short_name": "Einwohner",
     "theme": "Demografie", "unit": "Anzahl", "description": "", "source": "Melderegister",
     "numerator": "Einwohner", "denominator": "", "polarity": "neutral", "public": False,
     "min_count": 0, "decimals": 0, "scale": 1.0},
], columns=CATALOGUE_COLUMNS)


def test_round_trip(tmp_path):
    path = write_catalogue_template(tmp_path / "katalog.xlsx", CATALOGUE)
    report = ValidationReport()
    back = read_catalogue_template(path, report)
    assert not report.problems, report.render()
    pd.testing.assert_frame_equal(back.astype(object), CATALOGUE.astype(object),
                                  check_dtype=False)


def test_template_has_instructions_and_drop_downs(tmp_path):
    path = write_catalogue_template(tmp_path / "leer.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[:2] == ["Indikatoren", "Anleitung"]
    assert book["Listen"].sheet_state == "hidden"
    sheet = book["Indikatoren"]
    assert [c.value for c in sheet[1]] == [header for _, header, _ in FIELDS]
    rules = {str(r.sqref): r for r in sheet.data_validations.dataValidation}
    polarity = next(r for ref, r in rules.items() if ref.startswith("J2"))
    assert polarity.type == "list" and polarity.errorStyle == "stop"
    listed = [book["Listen"].cell(row=i, column=1).value for i in range(1, 4)]
    assert "höherer Wert = mehr Bedarf" in listed
    assert "Polarität" in " ".join(str(c.value) for c in book["Anleitung"]["A"])


def test_errors_name_excel_row_and_column(tmp_path):
    path = write_catalogue_template(tmp_path / "katalog.xlsx", CATALOGUE)
    book = load_workbook(path)
    sheet = book["Indikatoren"]
    sheet["J2"] = "schlimm"
    sheet["L3"] = "fünf"
    sheet.append(["sgb2_u15", "Doppelt", None, "Soziale Lage", "%", None, None, None, None,
                  "ohne Wertung"])
    sheet.append(["Neu!", None])
    book.save(path)
    report = ValidationReport()
    assert read_catalogue_template(path, report) is None
    text = report.render()
    assert "Zeile 2, Spalte „Polarität“: „schlimm“ ist kein erlaubter Wert" in text
    assert "Zeile 3, Spalte „Mindestfallzahl“: „fünf“ ist keine ganze Zahl" in text
    assert "Die Kennung „sgb2_u15“ kommt mehrfach vor" in text
    assert "Zeile 5, Spalte „Kennung“: Die Kennung „Neu!“ ist nicht erlaubt" in text
    assert "Zeile 5, Spalte „Name“: „Name“ ist leer" in text


def test_not_a_template(tmp_path):
    from openpyxl import Workbook
    Workbook().save(tmp_path / "irgendwas.xlsx")
    report = ValidationReport()
    assert read_catalogue_template(tmp_path / "irgendwas.xlsx", report) is None
    assert "Das Blatt „Indikatoren“ fehlt" in report.render()


def test_import_uses_filled_template(tmp_path):
    recipe = build_city(tmp_path / "city")
    first = open_atlas(run_import(recipe).path)
    template = tmp_path / "city" / "katalog.xlsx"
    assert template_main([str(template), "--atlas", str(first.path)]) == 0
    book = load_workbook(template)
    sheet = book["Indikatoren"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "anteil_u6")
    row[1].value = "Kinder unter 6 Jahren (Anteil)"
    row[10].value = "ja"
    row[11].value = 10
    book.save(template)
    text = recipe.read_text(encoding="utf-8")
    recipe.write_text(text.replace('offers_year = 2023',
                                   'offers_year = 2023\ncatalogue = "katalog.xlsx"'),
                      encoding="utf-8")
    atlas = open_atlas(run_import(recipe).path)
    entry = atlas.indicator("anteil_u6")
    assert entry.name == "Kinder unter 6 Jahren (Anteil)"
    assert entry.public and entry.min_count == 10
    assert entry.scale == 100 and entry.denominator  # computation stays the recipe's


@pytest.mark.parametrize("argv", [["--atlas"], []])
def test_template_cli_usage_errors(argv, capsys):
    assert template_main(argv) == 1
