"""Panel "Bedarf und Versorgung": figure functions and panel content on the demo atlas."""

from __future__ import annotations

import pytest
from dash import html

from app import AppConfig, create_app
from callbacks import need_supply as callbacks
from geodata.catchment import coverage_summary, uncovered_parts
from indicators import AtlasError
from indicators.bivariate import HIGH_NEED_LOW_SUPPLY, bivariate_classes, priority_list
from indicators.palettes import NO_DATA_COLOR, SUPPRESSED_COLOR
from layouts import need_supply as panel
from layouts import need_supply_figures as figures

NEED, SUPPLY, YEAR, LEVEL = "sgb2_u15", "kita_plaetze_je_100_u6", 2024, "Sozialraum"


@pytest.fixture(scope="module")
def service(demo_atlas):
    return create_app(demo_atlas, AppConfig()).server.extensions["chancenatlas_service"]


def direct_catchment(service):
    """The catchment as the callback computes it, without the cache."""
    def compute(level, categories, radius_m):
        offers = callbacks.offers_for(service, categories)
        parts = uncovered_parts(offers, service.atlas.districts(level), radius_m)
        return figures.catchment_view(parts, offers, radius_m)
    return compute


def content(service, radius_m=0.0, categories=(), need=NEED, supply=SUPPLY, level=LEVEL):
    state = callbacks.PanelState(need, supply, YEAR, level, radius_m, categories)
    return callbacks.panel_content(service, state, direct_catchment(service))


def domain(service, need=NEED, supply=SUPPLY, level=LEVEL):
    atlas = service.atlas
    return bivariate_classes(atlas.values(need, YEAR, level), atlas.values(supply, YEAR, level),
                             atlas.indicator(need).polarity, atlas.indicator(supply).polarity)


def walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            yield from walk(child)


def colour_of(trace, z: int) -> str:
    """Colour of a class code in the discrete colourscale (zmin -1.5, one band per code)."""
    return trace.colorscale[2 * (z + 1)][1]


@pytest.mark.parametrize("need, supply, level", [
    (NEED, SUPPLY, LEVEL), ("sprachfoerderung", "familienzentren_je_1000_u6", LEVEL),
    (NEED, SUPPLY, "Stadtbezirk")])
def test_map_z_is_the_domains_class_code(service, need, supply, level) -> None:
    shown = content(service, need=need, supply=supply, level=level)
    expected = domain(service, need, supply, level).frame
    figure = figures.bivariate_figure(shown.result, shown.need, shown.supply,
                                      service.geojson_url(level), service.map_view(level))
    trace = figure.data[figures.CLASSES]
    assert list(trace.locations) == expected["district_id"].tolist()
    assert list(trace.z) == expected["code"].tolist()
    assert trace.geojson == service.geojson_url(level)
    for z, color in zip(trace.z, expected["color"], strict=True):
        if z >= 0:
            assert colour_of(trace, z) == color


def test_suppressed_areas_are_grey_and_never_a_class(service) -> None:
    shown = content(service)
    frame = shown.result.frame
    figure = figures.bivariate_figure(shown.result, shown.need, shown.supply,
                                      service.geojson_url(LEVEL), service.map_view(LEVEL))
    trace = figure.data[figures.CLASSES]
    suppressed = frame[frame["suppressed"]]
    assert len(suppressed) >= 3  # Hafen, Gewerbegebiet Ost, … in the demo
    by_id = dict(zip(trace.locations, trace.z, strict=True))
    hover = dict(zip(trace.locations, trace.customdata, strict=True))
    for row in suppressed.itertuples():
        assert by_id[row.district_id] == -1
        assert colour_of(trace, -1) == SUPPRESSED_COLOR
        assert hover[row.district_id].startswith("Datenschutz")
        assert "%" not in hover[row.district_id]  # no value of either axis
    no_data = figure.data[figures.NO_DATA]
    assert set(no_data.locations) == set(frame[(frame["code"] < 0) & ~frame["suppressed"]]
                                          ["district_id"])
    assert no_data.colorscale[0][1] == NO_DATA_COLOR


def test_hover_has_both_values_in_german_and_the_cell(service) -> None:
    shown = content(service)
    lines = figures.hover_lines(shown.result, shown.need, shown.supply)
    row = shown.result.frame.set_index("district_id").loc["0204"]
    text = lines[shown.result.frame["district_id"].tolist().index("0204")]
    assert "SGB II unter 15: 61,5\u00a0%" in text
    assert "49,9\u00a0je 100" in text
    assert row["label"] == "hoher Bedarf, geringe Versorgung" and row["label"] in text


def test_legend_counts_sum_to_the_areas_with_both_values(service) -> None:
    shown = content(service)
    legend = html.Div(callbacks.legend_of(shown))
    cells = [c for c in walk(legend) if "ns-cell" in (getattr(c, "className", "") or "")]
    assert len(cells) == 9
    frame = shown.result.frame
    both = int((frame["code"] >= 0).sum())
    counts = {int(getattr(c, "data-code")): int(getattr(c, "data-count")) for c in cells}
    assert sum(counts.values()) == both == len(frame) - shown.result.grey_count
    assert counts == frame[frame["code"] >= 0]["code"].value_counts().reindex(
        range(9), fill_value=0).to_dict()
    # first row of the grid: high need; first column: low supply -> the highlighted cell
    assert int(getattr(cells[0], "data-code")) == HIGH_NEED_LOW_SUPPLY
    assert "ns-cell-priority" in cells[0].className
    text = str(legend)
    assert "Bedarf ↑" in text and "Versorgung →" in text


def test_priority_list_equals_the_domains(service) -> None:
    shown = content(service)
    expected = priority_list(domain(service), shown.need, shown.supply)
    assert len(expected) > 0
    rows = html.Div(panel.priority_rows(expected, "SGB II", "Kita-Plätze"))
    buttons = [c for c in walk(rows) if isinstance(c, html.Button)]
    assert [b.children for b in buttons] == expected["name"].tolist()
    assert [b.id["index"] for b in buttons] == expected["district_id"].tolist()
    cells = [c.children for c in walk(rows) if isinstance(c, html.Td)]
    assert expected["need_text"].iloc[0] in cells and expected["supply_text"].iloc[0] in cells


def test_catchment_trace_covers_exactly_the_areas_with_uncovered_parts(service) -> None:
    shown = content(service, radius_m=1000)
    offers = service.atlas.offers()
    parts = uncovered_parts(offers[offers["category"] == "Kita"],
                            service.atlas.districts(LEVEL), 1000)
    expected = set(parts[parts["uncovered_m2"] > 0]["district_id"])
    figure = figures.bivariate_figure(shown.result, shown.need, shown.supply,
                                      service.geojson_url(LEVEL), service.map_view(LEVEL),
                                      catchment=shown.catchment)
    trace = figure.data[figures.UNCOVERED]
    assert set(trace.locations) == expected and len(trace.locations) == len(expected)
    assert {f["id"] for f in trace.geojson["features"]} == expected
    lon, lat = trace.geojson["features"][0]["geometry"]["coordinates"][0][0][:2] \
        if trace.geojson["features"][0]["geometry"]["type"] == "Polygon" \
        else trace.geojson["features"][0]["geometry"]["coordinates"][0][0][0][:2]
    assert 5 < lon < 16 and 47 < lat < 56  # WGS84
    assert len(figure.data[figures.OFFER_POINTS].lon) == (offers["category"] == "Kita").sum()
    summary = coverage_summary(parts)
    assert shown.catchment.summary["district_id"].tolist() == summary["district_id"].tolist()
    assert "alle 87 Kitas" in shown.catchment_text


def test_catchment_of_chosen_categories_and_off(service) -> None:
    shown = content(service, radius_m=500, categories=("Familienzentrum",))
    assert "Familienzentrum" in shown.catchment_text
    assert len(shown.catchment.offer_lon) == (service.atlas.offers()["category"]
                                              == "Familienzentrum").sum()
    off = content(service)
    assert off.catchment is None
    updates = figures.catchment_updates(None)
    assert updates[figures.UNCOVERED]["locations"] == []
    table = html.Div(panel.catchment_rows(None))
    assert "aus" in str(table)


def test_catchment_table_top_ten_in_german(service) -> None:
    shown = content(service, radius_m=1000)
    table = html.Div(panel.catchment_rows(shown.catchment.summary))
    rows = [c for c in walk(table) if isinstance(c, html.Tr)][1:]
    expected = shown.catchment.summary.head(10)
    assert [getattr(r, "data-id") for r in rows] == expected["district_id"].tolist()
    first = [c.children for c in rows[0].children]
    assert first[1].endswith("\u00a0%") and "," in first[1]


def test_indicator_choices_defaults_and_kept_choice(service) -> None:
    needs, need, supplies, supply = callbacks.indicator_choices(service, "sgb2_u15", None, None)
    assert need == "sgb2_u15" and supply == "kita_plaetze_je_100_u6"
    ids = [o["value"] for o in needs]
    assert "zahnstatus" not in ids and "hze_je_1000" not in ids  # internal
    assert all(service.atlas.indicator(i).polarity == "higher_worse" for i in ids)
    assert {o["value"] for o in supplies} >= {"kitaplaetze", "kita_plaetze_je_100_u6"}
    assert callbacks.indicator_choices(service, "sprachfoerderung", None, None)[1] \
        == "sprachfoerderung"
    assert callbacks.indicator_choices(service, "kita_u3", None, None)[1] == "sgb2_u15"
    assert callbacks.indicator_choices(service, "sprachfoerderung", "alleinerziehende",
                                       "kitaplaetze")[1::2] == ("alleinerziehende",
                                                                "kitaplaetze")


def test_internal_or_unknown_indicator_is_a_german_error(service) -> None:
    with pytest.raises(AtlasError):
        content(service, need="hze_je_1000")


def test_radius_text() -> None:
    assert figures.radius_text(500) == "500\u00a0m"
    assert figures.radius_text(1000) == "1\u00a0km"
    assert figures.radius_text(1500) == "1,5\u00a0km"
