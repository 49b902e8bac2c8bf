"""Downloads contain exactly what the map shows: suppressed stays suppressed."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from indicators import open_atlas
from indicators.export import csv_text, excel_bytes, map_table
from layouts import ids
from tests.atlas_factory import catalogue_row, value_rows, write_test_atlas
from tests.conftest import screenshot

COUNTS = {"0101": (3, 100), "0102": (40, 300), "0201": (50, 100), "0202": (60, 400)}


@pytest.fixture
def atlas(tmp_path):
    return open_atlas(write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q")],
                                       value_rows("q", 2023, COUNTS)))


def test_table_has_values_ranks_and_no_suppressed_numbers(atlas):
    table = map_table(atlas, "q", 2023, "Sozialraum").set_index("Schlüssel")
    # 0101 (3 cases) and, by secondary suppression, 0102 are hidden
    for key in ("0101", "0102"):
        row = table.loc[key]
        assert pd.isna(row["Wert"]) and pd.isna(row["Fälle (Zähler)"])
        assert pd.isna(row["Bezugsgruppe (Nenner)"]) and row["Hinweis"].startswith("Datenschutz")
    assert table.loc["0201", "Wert"] == 50.0 and table.loc["0202", "Wert"] == 15.0
    assert table.loc["0201", "Rang (1 = meister Bedarf)"] == 1
    assert table.loc["0202", "Fälle (Zähler)"] == 60


def test_excel_and_csv(atlas):
    table = map_table(atlas, "q", 2023, "Sozialraum")
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(table, "Titel", "Quelle X")))
    sheet = book["Werte"]
    assert sheet["A1"].value == "Titel" and sheet["A2"].value == "Quelle: Quelle X"
    assert [c.value for c in sheet[4]][:4] == ["Schlüssel", "Gebiet", "Jahr", "Wert"]
    keys = [sheet.cell(row=r, column=1).value for r in range(5, 9)]
    assert keys == ["0101", "0102", "0201", "0202"]  # leading zeros kept as text
    text = csv_text(table)
    assert text.startswith("\ufeffSchlüssel;Gebiet;Jahr;Wert")
    assert "0202;Gebiet 2-2;2023;15,0;%" in text


@pytest.mark.browser
def test_download_from_the_browser(page, demo_server, demo_atlas):
    from tests.browser_helpers import wait_for_map

    page.goto(f"{demo_server.url}/?indikator=sgb2_u15&jahr=2024")
    wait_for_map(page)
    with page.expect_download() as info:
        page.click(f"#{ids.EXPORT_EXCEL}")
    download = info.value
    assert download.suggested_filename == "chancenatlas_sgb2_u15_2024_Sozialraum.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(download.path().read_bytes()))["Werte"]
    assert "Musterstadt" in sheet["A1"].value and "Demodaten" in sheet["A1"].value
    rows = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=4).value
            for r in range(5, sheet.max_row + 1)}
    values = demo_atlas.values("sgb2_u15", 2024).set_index("district_id")
    assert set(rows) == set(values.index)
    for key, value in rows.items():
        if values.loc[key, "suppressed"]:
            assert value is None
        else:
            assert value == pytest.approx(round(values.loc[key, "value"], 1))
    screenshot(page, "export-buttons")
