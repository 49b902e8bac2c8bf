"""The comparison panel in a real headless Chromium: bars, ranking clicks, two indicators."""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlparse

import pytest

from indicators.comparison import comparison_bars
from indicators.correlation import scatter_data
from layouts import compare as panel
from tests.browser_helpers import choose, wait_for_map
from tests.conftest import screenshot

pytestmark = pytest.mark.browser

INDICATOR, YEAR, LEVEL = "sgb2_u15", 2024, "Sozialraum"
SELECTED = ["0101", "0203"]
GRAPH_DATA_JS = """(id) => {
  const graph = document.querySelector('#' + id + ' .js-plotly-plot');
  if (!graph || !graph.data) return null;
  return graph.data.map(t => ({x: Array.from(t.x || []), y: Array.from(t.y || []),
      text: Array.from(t.text || []), hovertext: Array.from(t.hovertext || []),
      customdata: t.customdata ? Array.from(t.customdata) : null, name: t.name}));
}"""
SELECTED_ON_MAP_JS = """() => {
  const graph = document.querySelector('#map .js-plotly-plot');
  return graph && graph.data && graph.data[3] ? Array.from(graph.data[3].locations || []) : [];
}"""


def selection_in_url(page) -> list[str]:
    query = parse_qs(urlparse(page.url).query)
    return [key for key in (query.get("auswahl", [""])[-1]).split(",") if key]


def graph_data(page, tab: str) -> list[dict]:
    return page.evaluate(GRAPH_DATA_JS, panel.graph_id(tab))


def wait_for_graph(page, tab: str, predicate: str = "d.length > 0") -> list[dict]:
    page.wait_for_function(
        f"(id) => {{ const d = ({GRAPH_DATA_JS})(id); return d && ({predicate}); }}",
        arg=panel.graph_id(tab), timeout=20_000)
    return graph_data(page, tab)


def open_tab(page, tab: str) -> None:
    page.get_by_role("tab", name=panel.TAB_LABELS[tab], exact=True).click()


def test_bars_ranking_click_and_two_indicators(page, demo_server, demo_atlas) -> None:
    areas = set(demo_atlas.districts(LEVEL)["district_id"])
    assert set(SELECTED) <= areas
    query = f"indikator={INDICATOR}&jahr={YEAR}&auswahl={','.join(SELECTED)}"
    page.goto(f"{demo_server.url}/?{query}")
    wait_for_map(page)

    # Vergleich: the two areas, their Bezirke and the city, with the domain's values
    traces = wait_for_graph(page, panel.BARS, "d.length >= 3")
    expected = comparison_bars(demo_atlas, INDICATOR, YEAR, SELECTED, LEVEL)
    shown = {}
    for trace in traces:
        for value, label in zip(trace["x"], trace["hovertext"], strict=True):
            shown[label] = value
    assert len(shown) == len(expected) == 5
    by_kind = {row.district_id: row for row in expected.itertuples()}
    districts = next(t for t in traces if t["name"] == "district")
    assert districts["customdata"] == SELECTED
    for row in by_kind.values():
        label = next(key for key in shown if key.startswith(row.name))
        assert math.isclose(shown[label], row.value, rel_tol=1e-9)
    assert shown["Gesamtstadt"] == pytest.approx(demo_atlas.city_value(INDICATOR, YEAR)["value"])
    panel_text = page.inner_text(f"#{panel.graph_id(panel.BARS)}")
    assert "42,5\u00a0%" in panel_text and "21,9\u00a0%" in panel_text
    screenshot(page, "compare_page")
    page.locator("#compare-panel").screenshot(path=str(screenshot_path("compare_bars_panel")))

    # Rangfolge: click the bar of an area not yet selected -> selection, URL and map follow
    open_tab(page, panel.RANKING)
    ranking = wait_for_graph(page, panel.RANKING)[0]
    assert len(ranking["x"]) == 32  # 36 areas, 4 suppressed are named below
    notes = page.inner_text(f"#{panel.notes_id(panel.RANKING)}")
    assert "Hafen: Datenschutz: weniger als 300 Einwohner" in notes
    other = next(key for key in ranking["customdata"] if key not in SELECTED)
    position = ranking["customdata"].index(other)
    page.locator("#compare-panel").screenshot(path=str(screenshot_path("compare_ranking")))
    click_bar(page, panel.RANKING, position)
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('auswahl')"
                           f" === '{','.join([*SELECTED, other])}'", timeout=15_000)
    assert selection_in_url(page) == [*SELECTED, other]
    page.wait_for_function(f"() => ({SELECTED_ON_MAP_JS})().includes('{other}')",
                           timeout=15_000)
    assert page.evaluate(SELECTED_ON_MAP_JS) == [*SELECTED, other]
    page.wait_for_function(
        "(id) => { const g = document.querySelector('#' + id + ' .js-plotly-plot');"
        " const t = g && g.data[0]; if (!t) return false;"
        f" const i = Array.from(t.customdata).indexOf('{other}');"
        " return t.marker.color[i] === '#0057b8'; }",
        arg=panel.graph_id(panel.RANKING), timeout=15_000)

    # Zeitverlauf: a line per selected area plus the city
    open_tab(page, panel.SERIES)
    lines = wait_for_graph(page, panel.SERIES, "d.length === 4")
    assert lines[-1]["name"] == "Gesamtstadt"
    page.locator("#compare-panel").screenshot(path=str(screenshot_path("compare_series")))

    # Zwei Indikatoren: choose a second indicator, the sentence follows the domain
    open_tab(page, panel.SCATTER)
    second = demo_atlas.indicator("sprachfoerderung")
    choose(page, panel.SCATTER_INDICATOR, second.name)
    selection = [*SELECTED, other]
    _, correlation = scatter_data(demo_atlas, INDICATOR, second.indicator_id, YEAR, LEVEL,
                                  selection)
    message = f"#{panel.message_id(panel.SCATTER)}"
    page.wait_for_function(f"(t) => document.querySelector('{message}').innerText.includes(t)",
                           arg=correlation.sentence, timeout=15_000)
    assert "Zusammenhang" in page.inner_text(message)
    points = wait_for_graph(page, panel.SCATTER, "d.length === 2")
    assert sorted(points[1]["text"]) == sorted(
        demo_atlas.districts(LEVEL).set_index("district_id").loc[selection, "name"])
    page.locator("#compare-panel").screenshot(path=str(screenshot_path("compare_scatter")))
    assert page.external_requests == []


def click_bar(page, tab: str, index: int) -> None:
    """Click the middle of one bar of a chart (real mouse click, Plotly emits plotly_click)."""
    box = page.evaluate(
        """([id, index]) => {
             const bars = document.querySelectorAll('#' + id + ' .trace.bars .point path');
             const r = bars[index].getBoundingClientRect();
             return {x: r.x + r.width / 2, y: r.y + r.height / 2};
           }""", [panel.graph_id(tab), index])
    page.mouse.click(box["x"], box["y"])


def screenshot_path(name: str):
    from tests.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"
