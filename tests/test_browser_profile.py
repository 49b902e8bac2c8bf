"""The Steckbrief in a real headless Chromium: open it, read it, find twins, show them."""

from __future__ import annotations

import pytest

from indicators.profile import district_profile
from indicators.twins import statistical_twins
from layouts import profile as view
from layouts.profile_figures import default_twin_indicators, themes_of
from tests.browser_helpers import MAP_TRACE_JS, wait_for_map
from tests.conftest import ARTIFACTS, screenshot

pytestmark = pytest.mark.browser

LEVEL = "Sozialraum"
INDICATOR = "sgb2_u15"

CHART_DATA_JS = """(indicatorId) => {
  const out = {traces: [], annotations: []};
  document.querySelectorAll('.profile-chart .js-plotly-plot').forEach((g) => {
    (g.data || []).forEach((t) => {
      if (t.meta && t.meta.indicator_id === indicatorId) {
        out.traces.push({meta: t.meta, x: Array.from(t.x || []), y: Array.from(t.y || []),
                         color: t.marker ? t.marker.color : null});
      }
    });
    ((g.layout || {}).annotations || []).forEach((a) => out.annotations.push(a.text));
  });
  return out;
}"""


def suppressed_area(atlas, indicator_id: str, year: int, count_rule: bool = True) -> str:
    """An area of the demo whose value is suppressed (count rule: 'weniger als … Fälle')."""
    values = atlas.values(indicator_id, year, LEVEL)
    hidden = values[values["suppressed"].fillna(False).astype(bool)]
    if count_rule:
        hidden = hidden[hidden["label"].str.contains("Fälle")]
    assert len(hidden), "the demo must have a suppressed area for this test"
    return str(hidden["district_id"].iloc[0])


def open_profile(page) -> None:
    page.get_by_role("button", name="Steckbrief", exact=True).click()
    page.wait_for_selector(".profile-modal .modal-content", state="visible")
    page.wait_for_function(
        "() => document.querySelectorAll('.profile-chart .js-plotly-plot').length > 0"
        " && document.querySelector('#profile-locator .maplibregl-canvas')", timeout=30_000)


def tall_screenshot(page, name: str) -> None:
    """The whole scrollable modal in one image (a tall viewport, then back)."""
    size = page.viewport_size
    height = page.evaluate(
        "() => document.querySelector('.profile-modal .modal-body').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": int(height) + 260})
    page.wait_for_timeout(600)
    screenshot(page, name)
    box = page.locator(".profile-modal .modal-body").bounding_box()
    for part in range(2):  # two readable crops of the top for a closer look
        page.screenshot(path=str(ARTIFACTS / f"{name}_part{part + 1}.png"), clip={
            "x": box["x"], "y": box["y"] + part * 1000, "width": box["width"],
            "height": 1000})
    page.set_viewport_size(size)
    page.wait_for_timeout(300)


def test_profile_button_is_disabled_without_selection(page, demo_server):
    page.goto(demo_server.url + f"/?indikator={INDICATOR}")
    wait_for_map(page)
    button = page.get_by_role("button", name="Steckbrief", exact=True)
    assert button.is_disabled()
    assert "bitte zuerst Gebiete auswählen" in page.inner_text(f"#{view.HINT}")


def test_profile_of_two_areas_with_twins_on_the_map(page, demo_server, demo_atlas):
    year = demo_atlas.years(INDICATOR)[-1]
    first = "0101"
    hidden = suppressed_area(demo_atlas, INDICATOR, year)
    names = demo_atlas.districts(LEVEL).set_index("district_id")["name"]
    page.goto(demo_server.url + f"/?indikator={INDICATOR}&auswahl={first},{hidden}")
    wait_for_map(page)
    assert "2 Gebiete" in page.inner_text(f"#{view.HINT}")
    open_profile(page)

    assert str(year) in page.inner_text(f"#{view.TITLE}")
    areas = page.inner_text(f"#{view.AREAS}")
    assert names[first] in areas and names[hidden] in areas
    assert "Stadtbezirk" in areas  # the parent is named
    headings = page.locator(".profile-theme-section .profile-theme").all_inner_texts()
    assert headings == themes_of(district_profile(demo_atlas, first, year, LEVEL))

    # the dot chart of one indicator holds exactly the domain's numbers
    own = district_profile(demo_atlas, first, year, LEVEL).set_index("indicator_id").loc[
        INDICATOR]
    chart = page.evaluate(CHART_DATA_JS, INDICATOR)
    by_role = {}
    for trace in chart["traces"]:
        by_role.setdefault(trace["meta"]["role"], []).append(trace)
    dots = {t["meta"]["district_id"]: t for t in by_role["dot"]}
    assert set(dots) == {first}  # the suppressed area has no dot
    assert dots[first]["x"][0] == pytest.approx(own["value"])
    assert by_role["city"][0]["x"][0] == pytest.approx(own["city_value"])
    assert by_role["spine"][0]["x"] == pytest.approx([own["min"], own["max"]])

    # the suppressed value is shown with its label, never as a number
    label = district_profile(demo_atlas, hidden, year, LEVEL).set_index("indicator_id").loc[
        INDICATOR, "label"]
    assert label.startswith("Datenschutz")
    texts = [t.replace("<br>", " ") for t in chart["annotations"]]
    assert any(label in t for t in texts)
    trend = next(t for t in by_role["trend"] if t["meta"]["district_id"] == hidden)
    assert trend["y"][-1] is None  # a gap in the sparkline, not a 0
    tall_screenshot(page, "profile_two_areas")

    # statistical twins of the first area with the default indicators
    chosen = default_twin_indicators(demo_atlas.catalogue(public_only=True))
    twins = statistical_twins(demo_atlas, first, chosen, year, LEVEL, n=5)
    page.locator(".profile-twins-section").scroll_into_view_if_needed()
    page.wait_for_function(
        "(n) => document.querySelectorAll('.twins-table tbody tr[data-district]').length === n",
        arg=len(twins), timeout=20_000)
    rows = page.locator(".twins-table tbody tr[data-district]")
    shown = [rows.nth(i).get_attribute("data-district") for i in range(rows.count())]
    assert shown == list(twins["district_id"])
    assert names[twins["district_id"].iloc[0]] in rows.nth(0).inner_text()
    page.wait_for_timeout(500)
    screenshot(page, "profile_twins")

    page.get_by_role("button", name="Auf der Karte zeigen").click()
    page.wait_for_selector(".profile-modal .modal-content", state="hidden")
    page.wait_for_function(
        f"(ids) => {{ const t = ({MAP_TRACE_JS})(4);"
        " return t && JSON.stringify(t.locations) === JSON.stringify(ids); }",
        arg=list(twins["district_id"]), timeout=15_000)
    page.wait_for_timeout(800)
    screenshot(page, "profile_twins_on_map")
    assert page.external_requests == []


def test_more_than_five_areas_show_the_first_five(page, demo_server, demo_atlas):
    chosen = list(demo_atlas.districts(LEVEL)["district_id"])[:7]
    page.goto(demo_server.url + f"/?indikator={INDICATOR}&auswahl={','.join(chosen)}")
    wait_for_map(page)
    open_profile(page)
    assert "nur die ersten 5" in page.inner_text(f"#{view.NOTE}")
    names = demo_atlas.districts(LEVEL).set_index("district_id")["name"]
    areas = page.inner_text(f"#{view.AREAS}")
    assert all(names[key] in areas for key in chosen[:5])
    assert names[chosen[5]] not in areas
    tall_screenshot(page, "profile_five_areas")
