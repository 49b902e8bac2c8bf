"""The real open data of Köln, imported with tests/import_corpus/koeln.toml, in the explorer.

What a planner sees in a real headless Chromium: all 86 Stadtteile, the chosen
indicator in the title, a hover value that matches the CSV computed by hand,
the 9 Stadtbezirke one click away, and no request leaving the machine.
Skipped with a message where ../shared/data/koeln is absent.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from app import AppConfig, create_app
from geodata.importer import run_import
from indicators import open_atlas
from layouts import ids
from tests.browser_helpers import (
    PROJECT_JS,
    choose,
    map_trace,
    wait_for_painted,
    wait_for_trace_change,
)
from tests.conftest import SHARED, LiveServer, screenshot

KOELN = SHARED / "data" / "koeln"
RECIPE = Path(__file__).resolve().parent / "import_corpus" / "koeln.toml"
SHARE_U6 = "Anteil der Kinder unter 6 Jahren"
STADTTEIL, YEAR = "101", 2012

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (KOELN / "Stadtteil.shp").exists(),
                       reason=f"Köln-Daten nicht vorhanden ({KOELN}); Test übersprungen."),
]




@pytest.fixture(scope="module")
def koeln(tmp_path_factory):
    target = tmp_path_factory.mktemp("koeln") / "koeln.gpkg"
    run_import(RECIPE, output=target)
    atlas = open_atlas(target)
    server = LiveServer(create_app(atlas, AppConfig(show_internal=True)))
    yield server, atlas
    server.stop()


def share_u6_by_hand(raum_id: str, year: int) -> tuple[float, float, float]:
    """(value, children under 6, inhabitants) straight from the CSV."""
    frame = pd.read_csv(KOELN / "bevoelkerung.csv", dtype=str)
    frame = frame[(frame["raum_id"] == raum_id) & (frame["jahr"] == str(year))]
    number = frame["zahl"].astype(float)
    children = number[(frame["tab_id"] == "020")
                      & frame["zeile"].isin(["00 - < 03", "03 - < 06"])].sum()
    inhabitants = number[(frame["tab_id"] == "005") & (frame["zei_id"] == "10")]
    assert len(inhabitants) == 1
    return round(children / inhabitants.iloc[0] * 100, 1), children, inhabitants.iloc[0]


def test_koeln_in_the_explorer(page, koeln):
    server, atlas = koeln
    page.goto(server.url)
    trace = wait_for_painted(page)
    keys = trace["locations"]
    assert len(keys) == 86 and len(set(keys)) == 86
    assert all(isinstance(k, str) and len(k) == 3 and k.isdigit() for k in keys)
    assert STADTTEIL in keys and "909" in keys
    assert page.inner_text("#atlas-name") == "Köln"
    assert page.locator(".demo-badge").count() == 0
    screenshot(page, "koeln-start")

    choose(page, ids.INDICATOR, SHARE_U6)
    page.wait_for_function(
        "(title) => document.querySelector('#map-title').innerText === title",
        arg=f"{SHARE_U6} · {YEAR}", timeout=15_000)
    trace = map_trace(page)
    value, children, inhabitants = share_u6_by_hand(STADTTEIL, YEAR)
    hover = trace["customdata"][trace["locations"].index(STADTTEIL)]
    assert hover[:3] == [value, children, inhabitants]

    # what the planner reads when pointing at Altstadt-Süd (101)
    district = atlas.districts("Stadtteil").set_index("district_id").loc[[STADTTEIL]]
    point = district.to_crs(4326).representative_point().iloc[0]
    x, y = page.evaluate(PROJECT_JS, [point.x, point.y])
    page.mouse.move(x, y)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
    label = page.locator(".hoverlayer .hovertext").first.text_content()
    german = f"{value:.1f}".replace(".", ",")
    assert district["name"].iloc[0] in label
    assert f"{german}\u00a0%" in label or f"{german} %" in label
    assert f"{int(children):,}".replace(",", ".") in label
    screenshot(page, "koeln-anteil-u6-hover")

    page.mouse.move(5, 5)
    page.get_by_label("Stadtbezirk", exact=True).check()
    wait_for_trace_change(page, trace, key="locations")
    bezirke = wait_for_painted(page)["locations"]
    assert sorted(bezirke) == [f"00{i}" for i in range(1, 10)]
    assert page.external_requests == []
    screenshot(page, "koeln-bezirke")
