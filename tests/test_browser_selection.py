"""Selecting areas as a user does: click on the map, box selection, the search list."""

from __future__ import annotations

import pytest

from callbacks.selection import added, locations_of, toggled
from layouts import ids
from tests.browser_helpers import (
    choose,
    point_of_area,
    selection_in_url,
    selection_outline,
    wait_for_painted,
)
from tests.conftest import screenshot


def test_toggle_and_add_keep_order_and_no_duplicates():
    assert toggled(["a", "b"], "c") == ["a", "b", "c"]
    assert toggled(["a", "b"], "a") == ["b"]
    assert toggled(None, "x") == ["x"]
    assert added(["a"], ["b", "a", "c"]) == ["a", "b", "c"]
    assert locations_of({"points": [{"location": "0101"}, {"pointNumber": 3}]}) == ["0101"]


@pytest.mark.browser
def test_click_box_and_list_select_the_same_areas(page, demo_server, demo_atlas):
    level = "Sozialraum"
    areas = demo_atlas.districts(level)
    first, second = areas["district_id"].iloc[[0, 5]]
    page.goto(f"{demo_server.url}/?indikator=sgb2_u15")
    wait_for_painted(page)

    # a click on the map selects the area; it gets the blue border; a second click removes it
    page.mouse.click(*point_of_area(page, demo_atlas, level, first))
    page.wait_for_function("(a) => new URLSearchParams(location.search).get('auswahl') === a",
                           arg=first)
    page.wait_for_function(f"() => document.querySelector('#map .js-plotly-plot')"
                           f".data[3].locations.includes('{first}')")
    name = areas.set_index("district_id").loc[first, "name"]
    assert name in page.inner_text(f"#{ids.DISTRICT_SELECT}")

    # the search list adds another one
    choose(page, ids.DISTRICT_SELECT, areas.set_index("district_id").loc[second, "name"])
    page.wait_for_function("() => (new URLSearchParams(location.search).get('auswahl')||'')"
                           ".split(',').length === 2")
    assert selection_in_url(page) == [first, second]
    page.wait_for_function("() => document.querySelector('#map .js-plotly-plot')"
                           ".data[3].locations.length === 2")
    assert sorted(selection_outline(page)) == sorted([first, second])

    # the selection survives switching indicator, year and mode
    choose(page, ids.INDICATOR, demo_atlas.indicator("alleinerziehende").name)
    page.get_by_label("Rangfolge").check()
    page.wait_for_function("() => document.querySelector('#map-title').innerText"
                           ".includes('Rangfolge')")
    assert sorted(selection_outline(page)) == sorted([first, second])
    assert selection_in_url(page) == [first, second]

    page.mouse.click(*point_of_area(page, demo_atlas, level, first))
    page.wait_for_function("(a) => new URLSearchParams(location.search).get('auswahl') === a",
                           arg=second)
    page.wait_for_function("(a) => { const l = document.querySelector('#map .js-plotly-plot')"
                           ".data[3].locations; return l.length === 1 && l[0] === a; }",
                           arg=second)
    assert selection_outline(page) == [second]
    screenshot(page, "selection")


@pytest.mark.browser
def test_box_selection_adds_every_area_inside(page, demo_server, demo_atlas):
    level = "Sozialraum"
    areas = demo_atlas.districts(level)
    page.goto(f"{demo_server.url}/?indikator=sgb2_u15")
    wait_for_painted(page)
    centre = areas.set_index("district_id").loc[areas["district_id"].iloc[0]]
    x, y = point_of_area(page, demo_atlas, level, centre.name)
    page.locator("#map .modebar-btn[data-title='Box Select']").click()
    page.mouse.move(x - 60, y - 60)
    page.mouse.down()
    page.mouse.move(x + 60, y + 60, steps=8)
    page.mouse.up()
    page.wait_for_function("() => (new URLSearchParams(location.search).get('auswahl') || '')"
                           ".split(',').filter(Boolean).length >= 2")
    chosen = selection_in_url(page)
    assert centre.name in chosen
    assert set(chosen) <= set(areas["district_id"])
    page.wait_for_function("(n) => document.querySelector('#map .js-plotly-plot')"
                           ".data[3].locations.length === n", arg=len(chosen))
    screenshot(page, "selection-box")
