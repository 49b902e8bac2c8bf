"""Figures of the comparison panel on domain frames: values, suppression, highlighting.

The tiny atlas is the one of ``test_comparison`` (numbers worked out by hand there):
in 2024, 0103 is suppressed (2 cases) and 0101 secondarily suppressed.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from flask_caching import Cache

from callbacks.atlas_service import AtlasService
from callbacks.compare import PanelState, clicked_area, second_indicator, tab_content
from indicators.comparison import comparison_bars, ranking, time_series
from indicators.correlation import scatter_data
from layouts import compare as panel
from layouts import compare_figures as figures
from layouts.map_figure import SELECTED_COLOR
from tests.test_comparison import COUNT_LABEL, SECONDARY_LABEL, build_atlas

LEVEL = "Sozialraum"


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    return build_atlas(tmp_path_factory.mktemp("compare_panel") / "klein.gpkg")


def service_for(atlas, show_internal: bool = False) -> AtlasService:
    return AtlasService(atlas, Cache(config={"CACHE_TYPE": "NullCache"}), show_internal, 5.0)


def bar_values(figure) -> dict[str, float]:
    """Row label -> bar length, over every bar trace."""
    shown = {}
    for trace in figure.data:
        for value, label in zip(trace.x, trace.hovertext, strict=True):
            shown[label] = value
    return shown


def annotation_texts(figure) -> list[str]:
    return [a.text for a in figure.layout.annotations]


# --- Vergleich --------------------------------------------------------------------
def test_bars_equal_the_domain_and_suppressed_areas_get_text_not_a_bar(atlas) -> None:
    frame = comparison_bars(atlas, "quote", 2024, ["0102", "0103", "0201"], LEVEL)
    figure = figures.bars_figure(frame, atlas.indicator("quote"), 2024)
    shown = bar_values(figure)
    assert shown == {
        "Gebiet 1-2": pytest.approx(15.0), "Gebiet 2-1": pytest.approx(20.0),
        "Bezirk 01 (Stadtbezirk)": pytest.approx(frame.loc[3, "value"]),
        "Bezirk 02 (Stadtbezirk)": pytest.approx(frame.loc[4, "value"]),
        "Gesamtstadt": pytest.approx(atlas.city_value("quote", 2024)["value"]),
    }
    # 0103 (2 cases) has no bar and no zero: its reason stands in its row
    assert "Gebiet 1-3" not in shown and all(v > 0 for v in shown.values())
    assert annotation_texts(figure) == [f"<i>{COUNT_LABEL}</i>"]
    assert figure.layout.annotations[0].y == 1  # the row of 0103
    assert figures.suppressed_notes(frame) == [f"Gebiet 1-3: {COUNT_LABEL}"]
    # the area bars carry their ids for a click; references have none
    areas = next(t for t in figure.data if t.name == "district")
    assert list(areas.customdata) == ["0102", "0201"]
    assert all(t.customdata is None for t in figure.data if t.name != "district")
    assert areas.text == ("15,0\u00a0%", "20,0\u00a0%")


def test_bars_style_city_and_bezirk_apart_from_the_areas(atlas) -> None:
    frame = comparison_bars(atlas, "quote", 2024, ["0201"], LEVEL)
    figure = figures.bars_figure(frame, atlas.indicator("quote"), 2024)
    style = {t.name: t.marker for t in figure.data}
    assert style["district"].color == SELECTED_COLOR
    assert style["parent"].line.width > 0 and style["parent"].color != SELECTED_COLOR
    assert style["city"].color == figures.CITY_COLOR
    assert figure.layout.separators == ",."
    assert figure.layout.font.size >= 15
    assert list(figure.layout.yaxis.ticktext) == ["Gebiet 2-1", "Bezirk 02 (Stadtbezirk)",
                                                  "Gesamtstadt"]


def test_bars_on_the_demo_equal_the_domain(demo_atlas) -> None:
    frame = comparison_bars(demo_atlas, "sgb2_u15", 2024, ["0101", "0203"], LEVEL)
    figure = figures.bars_figure(frame, demo_atlas.indicator("sgb2_u15"), 2024)
    values = sorted(v for t in figure.data for v in t.x)
    assert values == pytest.approx(sorted(frame["value"]))
    city = next(t for t in figure.data if t.name == "city")
    assert city.x[0] == pytest.approx(demo_atlas.city_value("sgb2_u15", 2024)["value"])


# --- Zeitverlauf ------------------------------------------------------------------
def test_series_has_a_gap_for_a_suppressed_year_and_a_thick_city_line(atlas) -> None:
    frame = time_series(atlas, "quote", ["0103", "0201"], LEVEL)
    figure = figures.series_figure(frame, atlas.indicator("quote"), 2024)
    lines = {t.name: t for t in figure.data if t.type == "scatter"}
    assert list(lines) == ["Gebiet 1-3", "Gebiet 2-1", "Gesamtstadt"]
    area = lines["Gebiet 1-3"]
    assert list(area.x) == [2023, 2024]
    assert area.y[0] == pytest.approx(16.0) and math.isnan(area.y[1])  # gap, never 0
    assert area.connectgaps is False
    assert list(area.customdata) == ["0103", "0103"]
    assert lines["Gesamtstadt"].line.width > area.line.width
    assert lines["Gesamtstadt"].line.color == figures.CITY_COLOR
    assert figures.series_notes(frame) == [f"Gebiet 1-3 2024: {COUNT_LABEL}"]


# --- Rangfolge --------------------------------------------------------------------
def test_ranking_highlights_the_selection_and_names_suppressed_areas_below(atlas) -> None:
    frame = ranking(atlas, "quote", 2024, LEVEL, ["0201"])
    reference = comparison_bars(atlas, "quote", 2024, [], LEVEL).iloc[-1]
    figure = figures.ranking_figure(frame, atlas.indicator("quote"), 2024, reference)
    bars = figure.data[0]
    # 0101 and 0103 are suppressed: no bar, named below with their reason
    assert list(bars.customdata) == ["0203", "0201", "0102", "0202"]  # tie: by name
    assert list(bars.x) == pytest.approx([30.0, 20.0, 15.0, 15.0])
    colours = dict(zip(bars.customdata, bars.marker.color, strict=True))
    assert colours["0201"] == SELECTED_COLOR
    assert {colours[k] for k in ("0203", "0202", "0102")} == {figures.OTHER_COLOR}
    assert list(figure.layout.yaxis.ticktext)[:2] == ["1. Gebiet 2-3", "2. Gebiet 2-1"]
    assert sorted(figures.suppressed_notes(frame)) == [
        f"Gebiet 1-1: {SECONDARY_LABEL}", f"Gebiet 1-3: {COUNT_LABEL}"]
    assert any("Gesamtstadt" in text for text in annotation_texts(figure))


def test_ranking_on_the_demo_leaves_out_every_suppressed_area(demo_atlas) -> None:
    frame = ranking(demo_atlas, "sgb2_u15", 2024, LEVEL, ["0101"])
    figure = figures.ranking_figure(frame, demo_atlas.indicator("sgb2_u15"), 2024)
    suppressed = set(frame.loc[frame["suppressed"], "district_id"])
    assert suppressed and not suppressed & set(figure.data[0].customdata)
    assert not np.isnan(np.array(figure.data[0].x, dtype=float)).any()
    assert len(figures.suppressed_notes(frame)) == len(suppressed)


# --- Zwei Indikatoren -----------------------------------------------------------------
def test_scatter_draws_only_areas_with_both_values_and_names_the_selected(atlas) -> None:
    frame, correlation = scatter_data(atlas, "quote", "kita", 2024, LEVEL, ["0201"])
    figure = figures.scatter_figure(frame, atlas.indicator("quote"), atlas.indicator("kita"),
                                    2024, correlation)
    ids = [row[0] for t in figure.data for row in t.customdata]
    assert sorted(ids) == ["0102", "0201", "0202", "0203"]  # 0101, 0103 suppressed
    selected = next(t for t in figure.data if t.name == "ausgewählte Gebiete")
    assert list(selected.text) == ["Gebiet 2-1"]
    assert selected.marker.color == SELECTED_COLOR


# --- callbacks' plain helpers ----------------------------------------------------------
def test_tab_content_shows_the_hint_without_selection_and_german_errors(atlas) -> None:
    service = service_for(atlas)
    figure, message, _ = tab_content(service, panel.RANKING, PanelState("quote", 2024, LEVEL, []))
    assert len(figure.data[0].x) == 4
    assert "Karte" in message[0].children
    # an internal indicator is not shown without permission; the German message instead
    _, message, _ = tab_content(service, panel.BARS, PanelState("intern", 2024, LEVEL, []))
    assert message[0].className == "compare-error" and "intern" in message[0].children
    figure, _, _ = tab_content(service_for(atlas, show_internal=True), panel.BARS,
                               PanelState("intern", 2024, LEVEL, ["0201"]))
    assert figure.data
    _, message, _ = tab_content(service, panel.SCATTER,
                                PanelState("quote", 2024, LEVEL, [], "quote"))
    assert "zwei verschiedene Indikatoren" in message[0].children


def test_scatter_tab_puts_the_correlation_sentence_first(atlas) -> None:
    _, message, notes = tab_content(service_for(atlas), panel.SCATTER,
                                    PanelState("quote", 2024, LEVEL, ["0201"], "kita"))
    _, correlation = scatter_data(atlas, "quote", "kita", 2024, LEVEL)
    assert message[0].children == correlation.sentence
    assert notes[0].children == correlation.note


def test_second_indicator_prefers_another_need_rate(atlas) -> None:
    service = service_for(atlas)
    options = service.indicator_options()
    assert second_indicator(service, options, "quote", None) == "kita"
    assert second_indicator(service, options, "quote", "people") == "people"
    assert second_indicator(service, options, "kita", "kita") == "quote"


def test_clicked_area_reads_the_id_from_customdata() -> None:
    assert clicked_area({"points": [{"customdata": "0101"}]}) == "0101"
    assert clicked_area({"points": [{"customdata": ["0203", "1,0 %", "2,0 %"]}]}) == "0203"
    assert clicked_area({"points": [{"x": 1}]}) is None
    assert clicked_area(None) is None
