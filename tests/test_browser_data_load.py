"""'Daten laden' in a real headless Chromium: upload, progress, summary, new atlas, report.

The app is the real one, with "Daten laden" switched on as for a local start.
"""

from __future__ import annotations

import hashlib

import pytest

from app import AppConfig, create_app
from layouts import data_load as ui
from layouts import ids
from tests.browser_helpers import wait_for_painted
from tests.conftest import LiveServer, screenshot
from tests.test_data_load import BROKEN_CSV, city_zip

pytestmark = pytest.mark.browser



@pytest.fixture
def server(demo_atlas, tmp_path):
    data_dir = tmp_path / "atlanten"
    app = create_app(demo_atlas, AppConfig(show_internal=True, data_load=True,
                                           data_dir=data_dir))
    live = LiveServer(app)
    live.data_dir = data_dir
    yield live
    live.stop()


def upload(page, path) -> None:
    page.click(f"#{ui.DATA_LOAD_OPEN}")
    page.wait_for_selector(f"#{ui.DATA_LOAD_PANEL}.show")
    page.set_input_files(f"#{ui.DATA_LOAD_UPLOAD} input[type=file]", str(path))


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upload_zip_shows_progress_summary_and_the_new_atlas(page, server, tmp_path, demo_atlas):
    bundle = tmp_path / "teststadt.zip"
    bundle.write_bytes(city_zip(tmp_path / "src"))
    page.goto(server.url)
    before = wait_for_painted(page)
    assert len(before["locations"]) == len(demo_atlas.districts(demo_atlas.levels[0]))

    upload(page, bundle)
    page.wait_for_selector(".data-load-success", timeout=60_000)
    bar = page.locator(f"#{ui.DATA_LOAD_PANEL} .progress-bar")
    assert bar.get_attribute("aria-valuenow") == "100"
    assert bar.inner_text() == "100 %"
    summary = page.inner_text(".data-load-success")
    assert "Import abgeschlossen" in summary and "Teststadt" in summary
    assert "Stadtbezirk: 2, Stadtteil: 4" in summary
    assert "2022–2023" in summary
    assert "Hinweis" in summary  # the report's notes are listed
    assert (server.data_dir / "atlas.gpkg").is_file()
    page.wait_for_function(  # the bar's width animates; screenshot the full bar
        "(s) => { const b = document.querySelector(s);"
        " return b && b.offsetWidth >= b.parentElement.clientWidth - 1; }",
        arg=f"#{ui.DATA_LOAD_PANEL} .progress-bar")
    screenshot(page, "data-load-success")

    page.click(f"#{ui.DATA_LOAD_SHOW_NEW}")
    page.wait_for_function("(name) => document.querySelector('#atlas-name')?.innerText === name",
                           arg="Teststadt", timeout=30_000)
    trace = wait_for_painted(page)
    assert sorted(trace["locations"]) == ["001", "002", "003", "004"]
    assert page.locator(".demo-badge").count() == 0
    assert page.external_requests == []
    screenshot(page, "data-load-new-atlas")


def test_broken_upload_shows_report_and_keeps_the_atlas(page, server, tmp_path):
    good, broken = tmp_path / "gut.zip", tmp_path / "kaputt.zip"
    good.write_bytes(city_zip(tmp_path / "a"))
    broken.write_bytes(city_zip(tmp_path / "b", BROKEN_CSV))
    page.goto(server.url)
    wait_for_painted(page)
    upload(page, good)
    page.wait_for_selector(".data-load-success", timeout=60_000)
    atlas = server.data_dir / "atlas.gpkg"
    digest = sha256(atlas)

    page.set_input_files(f"#{ui.DATA_LOAD_UPLOAD} input[type=file]", str(broken))
    page.wait_for_selector(".data-load-failure", timeout=60_000)
    assert page.locator(".data-load-success").count() == 0
    assert not page.is_visible(f"#{ui.DATA_LOAD_SHOW_NEW}")
    headers = page.locator(".data-load-report th").all_inner_texts()
    assert headers == ["Schwere", "Datei", "Zeile", "Spalte", "Meldung", "Hinweis"]
    first = page.locator(".data-load-report tbody tr").first.locator("td").all_inner_texts()
    assert first[:4] == ["Fehler", "bevoelkerung.csv", "2", "Einwohner"]
    assert "zwölfhundert" in first[4] and "keine Zahl" in first[4]
    assert "unverändert" in page.inner_text(".data-load-failure")
    assert sha256(atlas) == digest
    assert page.inner_text(f"#{ids.MAP_TITLE}")  # the explorer is still there underneath
    assert page.external_requests == []
    screenshot(page, "data-load-report")
