"""The explorer in a real headless Chromium: what a planner sees and does."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from indicators.map_view import MapRequest, choropleth_data
from indicators.palettes import SUPPRESSED_COLOR
from layouts import ids
from tests.browser_helpers import (
    choose,
    colour_of,
    grey_trace,
    map_trace,
    wait_for_map,
    wait_for_trace_change,
)
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def url_state(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def classes_shown(trace: dict) -> dict[str, int | None]:
    return dict(zip(trace["locations"], trace["z"], strict=True))


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

    page.wait_for_function("() => new URLSearchParams(location.search).get('indikator')")
    first_id = url_state(page)["indikator"]
    indicator = demo_atlas.indicator(first_id)
    year = demo_atlas.years(first_id)[-1]
    assert page.inner_text(f"#{ids.MAP_TITLE}") == f"{indicator.name} · {year}"
    legend = page.inner_text(f"#{ids.LEGEND}")
    assert "Datenschutz" in legend and "keine Daten" in legend and "\u00a0%" in legend
    assert indicator.source in page.inner_text(f"#{ids.INDICATOR_INFO}")

    # suppressed districts: not coloured (z null), grey in the second trace, reason as hover
    values = demo_atlas.values(first_id, year).set_index("district_id")
    grey = grey_trace(page)
    position = {key: i for i, key in enumerate(trace["locations"])}
    assert values["suppressed"].any()
    for key in values.index[values["suppressed"]]:
        assert trace["z"][position[key]] is None
        assert trace["customdata"][position[key]] is None
        assert grey["z"][position[key]] is not None
        assert colour_of(grey, position[key]) == SUPPRESSED_COLOR
        assert grey["customdata"][position[key]].startswith("Datenschutz")
    shown = values.index[~values["suppressed"]][0]
    assert trace["customdata"][position[shown]][0] == round(values.loc[shown, "value"], 1)
    screenshot(page, "explorer-start")

    updates.clear()
    second = demo_atlas.catalogue(public_only=True).query("theme == 'Bildung'").iloc[0]
    choose(page, ids.INDICATOR, second["name"])
    after = wait_for_trace_change(page, trace)
    assert after["locations"] == trace["locations"]
    expected = choropleth_data(demo_atlas, MapRequest(second["indicator_id"], year,
                                                      demo_atlas.levels[0]))
    assert after["z"] == list(expected.z)
    assert [colour_of(after, i) for i in range(len(after["z"]))] != \
        [colour_of(trace, i) for i in range(len(trace["z"]))]
    page.wait_for_function(
        "(name) => document.querySelector('#map-title').innerText.startsWith(name)",
        arg=second["name"])
    bodies = [response.body() for response in updates]
    assert bodies, "the switch must reach the server"
    assert all(b"FeatureCollection" not in body and b"coordinates" not in body
               for body in bodies), "geometry was resent"
    assert page.external_requests == []
    screenshot(page, "explorer-switched")


def test_classification_mode_and_names_in_the_browser(page, demo_server, demo_atlas):
    page.goto(f"{demo_server.url}/?indikator=sgb2_u15&jahr=2024")
    trace = wait_for_map(page)

    choose(page, ids.CLASSIFICATION, "Gleiche Abstände")
    equal = wait_for_trace_change(page, trace)
    expected = choropleth_data(demo_atlas, MapRequest("sgb2_u15", 2024, "Sozialraum",
                                                      method="equal_interval"))
    assert equal["z"] == list(expected.z)
    assert url_state(page)["klassen"] == "equal_interval"

    page.get_by_label("Rangfolge").check()
    page.wait_for_function("() => document.querySelector('#map-title').innerText"
                           ".includes('Rangfolge')")
    ranked = map_trace(page)
    expected = choropleth_data(demo_atlas, MapRequest("sgb2_u15", 2024, "Sozialraum",
                                                      mode="rank", method="equal_interval"))
    assert ranked["z"] == list(expected.z)
    assert "Rang %{customdata[3]} von" in ranked["hovertemplate"]
    assert "Rang 1 = meister Bedarf" in page.inner_text(f"#{ids.LEGEND}")

    page.get_by_label("Veränderung").check()
    page.wait_for_function("() => document.querySelector('#map-title').innerText"
                           ".includes('Veränderung 2020–2024')")
    changed = map_trace(page)
    assert "Prozentpunkte" in changed["hovertemplate"]
    suppressed = demo_atlas.values("sgb2_u15", 2024).query("suppressed")["district_id"]
    shown = classes_shown(changed)
    assert all(shown[key] is None for key in suppressed)  # never coloured in any mode

    page.get_by_text("Gebietsnamen auf der Karte").click()
    page.wait_for_selector(".map-label")
    labels = page.locator(".map-label").all_inner_texts()
    names = set(demo_atlas.districts("Sozialraum")["name"])
    assert len(labels) >= len(names) // 2 and set(labels) <= names
    screenshot(page, "explorer-change-mode-names")

    # the URL reproduces the view
    reopened = page.context.new_page()
    reopened.goto(page.url)
    again = wait_for_map(reopened)
    reopened.wait_for_function("() => document.querySelector('#map-title').innerText"
                               ".includes('Veränderung')")
    assert map_trace(reopened)["z"] == map_trace(page)["z"]
    assert again["locations"] == changed["locations"]


def test_changing_level_shows_bezirke(page, demo_server, demo_atlas):
    page.goto(demo_server.url)
    trace = wait_for_map(page)
    page.get_by_label(demo_atlas.levels[1], exact=True).check()
    after = wait_for_trace_change(page, trace, key="locations")
    assert sorted(after["locations"]) == sorted(demo_atlas.districts(demo_atlas.levels[1])[
        "district_id"])
    assert wait_for_map(page)["features"] == len(after["locations"])
    screenshot(page, "explorer-bezirke")


def test_play_steps_through_the_years(page, demo_server):
    page.goto(f"{demo_server.url}/?indikator=sgb2_u15&jahr=2022")
    trace = wait_for_map(page)
    page.click(f"#{ids.PLAY}")
    page.wait_for_function("() => new URLSearchParams(location.search).get('jahr') === '2023'",
                           timeout=15_000)
    after = wait_for_trace_change(page, trace)
    assert after["locations"] == trace["locations"]
    page.click(f"#{ids.PLAY}")  # pause
    page.wait_for_function(f"() => document.querySelector('#{ids.PLAY}').innerText === '▶'")
    page.wait_for_timeout(2000)  # a tick already on its way when pausing may still land
    year = url_state(page)["jahr"]
    page.wait_for_timeout(2500)
    assert url_state(page)["jahr"] == year
