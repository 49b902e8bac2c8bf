"""Panel "Bedarf und Versorgung" in a real headless Chromium: classes, priority clicks,
catchments. The panel is wired into the explorer here as the lead will do it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from geodata.catchment import coverage_summary, uncovered_parts
from indicators.bivariate import bivariate_classes, priority_list
from indicators.formatting import format_value
from layouts import ids
from layouts import need_supply as panel
from tests.browser_helpers import wait_for_map
from tests.conftest import ARTIFACTS, LiveServer, screenshot

pytestmark = pytest.mark.browser

SUPPLY = "kita_plaetze_je_100_u6"
TOP_LAYERS_JS = """() => {
  const gd = document.querySelector('#need-supply-map .js-plotly-plot');
  const map = gd._fullLayout.map._subplot.map;
  return map.getStyle().layers.map(l => l.id).filter(id => id.startsWith('plotly-trace-layer-'));
}"""
TRACE_JS = """(index) => {
  const graph = document.querySelector('#need-supply-map .js-plotly-plot');
  if (!graph || !graph.data || graph.data.length <= index) return null;
  const t = graph.data[index];
  return {z: Array.from(t.z || []), locations: Array.from(t.locations || []),
          features: t.geojson && t.geojson.features ? t.geojson.features.length : null};
}"""


@pytest.fixture(scope="module")
def server(demo_atlas):
    from app import AppConfig, create_app

    app = create_app(demo_atlas, AppConfig())
    service = app.server.extensions["chancenatlas_service"]
    live = LiveServer(app)
    live.service = service
    yield live
    live.stop()


def assert_catchment_on_top(page) -> None:
    """MapLibre layer order: uncovered parts, selection border, offers above all areas."""
    page.wait_for_function(f"() => {{ const l = ({TOP_LAYERS_JS})();"
                           " return l[l.length - 1].startsWith('plotly-trace-layer-ns-offers'); }",
                           timeout=10_000)
    layers = page.evaluate(TOP_LAYERS_JS)
    top = [layer for layer in layers if "-ns-" in layer]
    assert layers[-len(top):] == top
    assert top[0].startswith("plotly-trace-layer-ns-uncovered")


def trace(page, index: int) -> dict | None:
    return page.evaluate(TRACE_JS, index)


def selection_in_url(page) -> list[str]:
    query = parse_qs(urlparse(page.url).query)
    return [key for key in (query.get("auswahl", [""])[-1]).split(",") if key]


def test_need_supply_panel(page, server) -> None:
    from callbacks.url_state import state_from_query

    service = server.service
    atlas = service.atlas
    defaults = state_from_query("", service)
    need_id, year, level = defaults["indikator"], int(defaults["jahr"]), defaults["ebene"]
    need, supply = atlas.indicator(need_id), atlas.indicator(SUPPLY)
    assert need.polarity == "higher_worse"  # the demo opens on a need indicator
    result = bivariate_classes(atlas.values(need_id, year, level),
                               atlas.values(SUPPLY, year, level), need.polarity,
                               supply.polarity)
    expected_codes = result.frame["code"].tolist()

    page.goto(server.url)
    wait_for_map(page)
    page.wait_for_function(f"(({TRACE_JS})(0) || {{z: []}}).z.length > 0", arg=None,
                           timeout=30_000)
    page.wait_for_selector("#need-supply-map .maplibregl-canvas", timeout=30_000)
    shown = trace(page, 0)
    assert shown["locations"] == result.frame["district_id"].tolist()
    assert shown["z"] == expected_codes
    assert need.name in page.inner_text(f"#{panel.PANEL}")
    assert supply.name in page.inner_text(f"#{panel.PANEL}")

    # legend: 9 cells whose counts sum to the areas with both values
    counts = page.eval_on_selector_all(f"#{panel.LEGEND} .ns-cell",
                                       "els => els.map(e => Number(e.dataset.count))")
    assert len(counts) == 9 and sum(counts) == sum(code >= 0 for code in expected_codes)

    # priority list: the domain's names, in its order
    expected = priority_list(result, need, supply)
    names = page.eval_on_selector_all(f"#{panel.PRIORITY} button",
                                      "els => els.map(e => e.innerText.trim())")
    assert names == expected["name"].tolist() and names
    page.wait_for_timeout(800)  # the map has settled (for the screenshot)
    screenshot(page, "need_supply_page")
    page.locator(f"#{panel.PANEL}").screenshot(path=str(ARTIFACTS / "need_supply_panel.png"))

    # click one -> it is selected (URL parameter "auswahl") and outlined on the panel's map
    chosen = expected["district_id"].iloc[0]
    page.locator(f"#{panel.PRIORITY} button").first.click()
    page.wait_for_function(
        f"() => (new URLSearchParams(location.search).get('auswahl') || '')"
        f".split(',').includes('{chosen}')", timeout=15_000)
    assert chosen in selection_in_url(page)
    page.wait_for_function(f"() => (({TRACE_JS})(4) || {{locations: []}})"
                           f".locations.includes('{chosen}')", timeout=15_000)
    assert trace(page, 0)["z"] == expected_codes  # the selection patch leaves the colours

    # 1 km around all Kitas (no category chosen): uncovered parts and the share table
    page.locator(f"#{panel.RADIUS}").get_by_text("1 km", exact=True).click()
    page.wait_for_function(f"() => (({TRACE_JS})(2) || {{locations: []}}).locations.length > 0",
                           timeout=20_000)
    offers = atlas.offers()
    parts = uncovered_parts(offers[offers["category"] == "Kita"], atlas.districts(level), 1000)
    uncovered = trace(page, 2)
    assert set(uncovered["locations"]) == set(parts[parts["uncovered_m2"] > 0]["district_id"])
    assert uncovered["features"] == len(uncovered["locations"])
    assert trace(page, 0)["z"] == expected_codes  # the catchment patch leaves the colours
    page.wait_for_selector(f"#{panel.CATCHMENT} table", timeout=15_000)
    rows = page.eval_on_selector_all(
        f"#{panel.CATCHMENT} tbody tr",
        "els => els.map(e => [e.dataset.id, ...Array.from(e.cells).map(c => c.innerText)])")
    summary = coverage_summary(parts).head(10)
    assert rows == [[r.district_id, r.name, format_value(r.uncovered_share, "%", 1)]
                    for r in summary.itertuples()]
    text = page.inner_text(f"#{panel.CATCHMENT_TEXT}")
    assert "1\u00a0km" in text and "Kitas" in text and "keine Kategorie" in text
    assert "außerhalb jedes Umkreises" in page.inner_text(f"#{panel.LEGEND}")
    page.wait_for_timeout(800)
    page.locator(f"#{panel.PANEL}").screenshot(
        path=str(ARTIFACTS / "need_supply_catchment.png"))
    assert_catchment_on_top(page)

    # another level with the radius on: new full figure, the parts still above the areas
    page.locator(f"#{ids.LEVEL}").get_by_text("Stadtbezirk", exact=True).click()
    page.wait_for_function(f"() => (({TRACE_JS})(0) || {{z: []}}).z.length"
                           f" === {len(atlas.districts('Stadtbezirk'))}", timeout=20_000)
    page.wait_for_function(f"() => (({TRACE_JS})(2) || {{locations: []}}).locations.length > 0",
                           timeout=20_000)
    page.wait_for_timeout(1000)
    assert_catchment_on_top(page)
    page.locator(f"#{panel.PANEL}").screenshot(
        path=str(ARTIFACTS / "need_supply_stadtbezirk.png"))

    # back to "aus": the layer disappears
    page.locator(f"#{panel.RADIUS}").get_by_text("aus", exact=True).click()
    page.wait_for_function(f"() => (({TRACE_JS})(2) || {{locations: [1]}}).locations.length"
                           " === 0", timeout=15_000)
    assert page.external_requests == []
