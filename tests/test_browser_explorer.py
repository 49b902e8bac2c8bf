"""The explorer in a real headless Chromium: what a planner sees and does."""

from __future__ import annotations

import pytest

from indicators.map_view import SUPPRESSED_COLOR
from layouts import ids
from tests.browser_helpers import choose, colour_of, map_trace, wait_for_map, wait_for_trace_change
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def _second_indicator(atlas, first_id: str):
    catalogue = atlas.catalogue(public_only=True)
    first_theme = catalogue.set_index("indicator_id").loc[first_id, "theme"]
    return catalogue[catalogue["theme"] != first_theme].iloc[0]


def test_map_shows_every_district_and_switching_indicator_patches_colours(
    page, demo_server, demo_atlas
):
    updates = []
    page.on("response", lambda r: updates.append(r) if "_dash-update-component" in r.url else None)
    page.goto(demo_server.url)
    trace = wait_for_map(page)

    base = demo_atlas.districts(demo_atlas.levels[0])
    assert sorted(trace["locations"]) == sorted(base["district_id"])
    assert trace["features"] == len(base)
    assert page.inner_text(".demo-badge") == "Demodaten"
    assert page.inner_text("#atlas-name") == demo_atlas.name

    first_id = page.evaluate("() => document.querySelector('#indicator-select input[type=radio]"
                             ":checked')?.value") or demo_atlas.catalogue(public_only=True)[
        "indicator_id"].iloc[0]
    indicator = demo_atlas.indicator(first_id)
    year = demo_atlas.years(first_id)[-1]
    assert page.inner_text(f"#{ids.MAP_TITLE}") == f"{indicator.name} · {year}"
    legend = page.inner_text(f"#{ids.LEGEND}")
    assert "Datenschutz" in legend and "keine Daten" in legend
    assert legend.count("Gebiete") + legend.count("Gebiet\n") >= 5
    assert indicator.source in page.inner_text(f"#{ids.INDICATOR_INFO}")

    # suppressed districts are grey and their hover names the rule, never a number
    values = demo_atlas.values(first_id, year).set_index("district_id")
    position = {key: i for i, key in enumerate(trace["locations"])}
    for key in values.index[values["suppressed"]]:
        assert colour_of(trace, position[key]) == SUPPRESSED_COLOR
        assert trace["customdata"][position[key]][0].startswith("Datenschutz")
    shown = values.index[~values["suppressed"]][0]
    assert "\u00a0%" in trace["customdata"][position[shown]][0] or indicator.unit != "%"
    screenshot(page, "explorer-start")

    updates.clear()
    second = _second_indicator(demo_atlas, first_id)
    choose(page, ids.INDICATOR, second["name"])
    after = wait_for_trace_change(page, trace)
    assert after["locations"] == trace["locations"]
    colours_before = [colour_of(trace, i) for i in range(len(trace["z"]))]
    colours_after = [colour_of(after, i) for i in range(len(after["z"]))]
    assert colours_before != colours_after
    page.wait_for_function(
        "(name) => document.querySelector('#map-title').innerText.startsWith(name)",
        arg=second["name"])
    bodies = [response.body() for response in updates]
    assert bodies, "the switch must reach the server"
    assert all(b"FeatureCollection" not in body for body in bodies), "geometry was resent"
    assert page.external_requests == []
    screenshot(page, "explorer-switched")


def test_changing_level_shows_bezirke(page, demo_server, demo_atlas):
    page.goto(demo_server.url)
    trace = wait_for_map(page)
    page.get_by_label(demo_atlas.levels[1], exact=True).check()
    after = wait_for_trace_change(page, trace, key="locations")
    assert sorted(after["locations"]) == sorted(demo_atlas.districts(demo_atlas.levels[1])[
        "district_id"])
    assert map_trace(page)["features"] == len(after["locations"])
    screenshot(page, "explorer-bezirke")
