"""The offer layer in a real browser: filters patch the points, never the areas' geometry."""

from __future__ import annotations

import pytest

from geodata.offers import OfferFilter, filter_offers, offers_in
from layouts import ids
from tests.browser_helpers import choose, map_trace, wait_for_map
from tests.conftest import screenshot

pytestmark = pytest.mark.browser

OFFERS_JS = "() => document.querySelector('#map .js-plotly-plot').data[5].lon.length"


def test_offer_layer_filters_and_table(page, demo_server, demo_atlas):
    offers = demo_atlas.offers()
    awo = filter_offers(offers, OfferFilter(categories=("Kita",), text="AWO"))
    areas = demo_atlas.districts("Sozialraum")
    area = next(k for k in areas["district_id"] if len(offers_in(awo, areas, [k])))
    page.goto(f"{demo_server.url}/?indikator=kitaplaetze&auswahl={area}")
    before = wait_for_map(page)

    page.get_by_text("Angebote auf der Karte zeigen").click()
    page.wait_for_function(f"() => ({OFFERS_JS})() === {len(offers)}")
    assert page.inner_text(f"#{ids.OFFER_COUNT}") == f"{len(offers)} von {len(offers)} Angeboten"
    assert "Kita" in page.inner_text(f"#{ids.OFFER_LEGEND}")

    updates = []
    page.on("response", lambda r: updates.append(r) if "_dash-update-component" in r.url else None)
    choose(page, ids.OFFER_CATEGORY, "Kita")
    kitas = filter_offers(offers, OfferFilter(categories=("Kita",)))
    page.wait_for_function(f"() => ({OFFERS_JS})() === {len(kitas)}")
    assert map_trace(page)["z"] == before["z"]  # the areas stay as they are
    assert all(b"coordinates" not in r.body() for r in updates)

    page.fill(f"#{ids.OFFER_TEXT}", "AWO")
    page.keyboard.press("Enter")
    awo = filter_offers(offers, OfferFilter(categories=("Kita",), text="AWO"))
    page.wait_for_function(f"() => ({OFFERS_JS})() === {len(awo)}")
    assert 0 < len(awo) < len(kitas)

    # the table lists the offers of the selected area, as the spatial join says
    expected = offers_in(awo, demo_atlas.districts("Sozialraum"), [area])
    assert len(expected), "the test needs an AWO Kita in the selected area"
    cells = f"#{ids.OFFER_TABLE} .ag-center-cols-container [col-id=name]"
    page.wait_for_function(f"(n) => document.querySelectorAll('{cells}').length === n",
                           arg=len(expected))
    assert sorted(page.locator(cells).all_inner_texts()) == sorted(expected["name"])
    headers = page.locator(f"#{ids.OFFER_TABLE} .ag-header-cell-text").all_inner_texts()
    assert "Angebot" in headers and "Kontakt" not in headers  # contact only for planners

    # on the map, the offers of the selected area stand out
    opacity = page.evaluate("() => document.querySelector('#map .js-plotly-plot')"
                            ".data[5].marker.opacity")
    assert sum(o > 0.5 for o in opacity) == len(expected) and len(opacity) == len(awo)

    # clicking an offer in the list selects (highlights) its area
    page.locator(cells).first.click()
    page.wait_for_function("(a) => (new URLSearchParams(location.search).get('auswahl') || '')"
                           ".split(',').includes(a)", arg=area)
    screenshot(page, "offers-layer")
    assert page.external_requests == []
