"""Steckbrief figures and components against the domain frames they are drawn from.

The tiny atlas is the one of ``test_comparison`` (its module doc lists the counts): in 2024
"quote" of 0101 is suppressed (secondary suppression), "kita" of 0201 (80 %) is better
than the city (higher_better).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from callbacks.profile import button_state, profile_view
from geodata.browser_geometry import MapView
from indicators.profile import district_profile, profiles_side_by_side
from indicators.texts import comparison as msg
from indicators.twins import statistical_twins, value_columns
from layouts import profile as view
from layouts.profile_figures import (
    DOT_COLORS,
    SYMBOLS,
    default_twin_indicators,
    locator_figure,
    locator_twins_update,
    theme_figure,
    themes_of,
)
from tests.test_comparison import SECONDARY_LABEL, build_atlas

LEVEL = "Sozialraum"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_atlas(tmp_path_factory.mktemp("profile_view") / "klein.gpkg")


def traces(figure, role, indicator_id=None):
    return [t for t in figure.data if t.meta and t.meta["role"] == role
            and (indicator_id is None or t.meta["indicator_id"] == indicator_id)]


def annotation_texts(figure) -> list[str]:
    return [a.text.replace("<br>", " ") for a in figure.layout.annotations]


def row(profile, indicator_id):
    return profile.set_index("indicator_id").loc[indicator_id]


def test_dot_tick_and_spine_are_the_profile_numbers(tiny) -> None:
    profile = district_profile(tiny, "0201", 2024, LEVEL)
    figure = theme_figure(profile, "Bildung", LEVEL, 2024)
    kita = row(profile, "kita")
    (dot,) = traces(figure, "dot", "kita")
    (city,) = traces(figure, "city", "kita")
    (spine,) = traces(figure, "spine", "kita")
    assert dot.x[0] == pytest.approx(80.0) == pytest.approx(kita["value"])
    assert city.x[0] == pytest.approx(635 / 950 * 100)
    assert list(spine.x) == pytest.approx([50.0, 80.0])  # min..max of the shown values
    assert kita["assessment"] == "besser"
    assert dot.marker.color == DOT_COLORS["besser"]
    axis = figure.layout[dot.xaxis.replace("x", "xaxis")]
    assert axis.range[0] <= 50.0 and axis.range[1] >= 80.0
    assert any(t.startswith("<b>80,0") for t in annotation_texts(figure))


def test_every_dot_is_coloured_by_its_assessment(demo_atlas) -> None:
    profile = district_profile(demo_atlas, "0101", 2024, LEVEL)
    seen = set()
    for theme in themes_of(profile):
        for dot in traces(theme_figure(profile, theme, LEVEL, 2024), "dot"):
            expected = row(profile, dot.meta["indicator_id"])
            assert dot.meta["assessment"] == expected["assessment"]
            assert dot.marker.color == DOT_COLORS[expected["assessment"]]
            assert dot.x[0] == pytest.approx(expected["value"])
            seen.add(expected["assessment"])
    assert {"schlechter", "ohne Wertung"} <= seen
    assert DOT_COLORS["schlechter"] != DOT_COLORS["besser"]


def test_suppressed_value_gets_no_dot_but_its_label_and_a_gap(tiny) -> None:
    profile = district_profile(tiny, "0101", 2024, LEVEL)
    assert bool(row(profile, "quote")["suppressed"])
    figure = theme_figure(profile, "Soziale Lage", LEVEL, 2024)
    assert traces(figure, "dot", "quote") == []
    assert traces(figure, "spine", "quote") and traces(figure, "city", "quote")
    assert any(SECONDARY_LABEL in text for text in annotation_texts(figure))
    (trend,) = traces(figure, "trend", "quote")
    assert list(trend.x) == [2023, 2024]
    assert trend.y[0] == pytest.approx(12.0) and trend.y[1] is None  # a gap, never 0


def test_side_by_side_one_dot_per_area_with_its_own_symbol(demo_atlas) -> None:
    ids = ["0101", "0202", "0605"]
    profile = profiles_side_by_side(demo_atlas, ids, 2024, LEVEL)
    figure = theme_figure(profile, "Soziale Lage", LEVEL, 2024)
    dots = traces(figure, "dot", "sgb2_u15")
    hidden = profile[(profile["indicator_id"] == "sgb2_u15") & profile["suppressed"]]
    assert list(hidden["district_id"]) == ["0605"]
    assert [d.meta["district_id"] for d in dots] == ["0101", "0202"]
    assert [d.marker.symbol for d in dots] == [SYMBOLS[0], SYMBOLS[1]]
    values = profile[profile["indicator_id"] == "sgb2_u15"].set_index("district_id")["value"]
    assert [d.x[0] for d in dots] == pytest.approx([values["0101"], values["0202"]])
    assert any(hidden["label"].iloc[0] in t for t in annotation_texts(figure))


def test_locator_greys_every_area_and_fills_the_chosen(demo_atlas) -> None:
    districts = demo_atlas.districts(LEVEL)
    figure = locator_figure("/geometrie/x/0.geojson", list(districts["district_id"]),
                            list(districts["name"]), ["0101"], MapView(7.0, 51.0, 11.0))
    assert list(figure.data[0].locations) == list(districts["district_id"])
    assert list(figure.data[1].locations) == ["0101"]
    assert figure.data[1].text == ("Neustadt",)
    assert figure.layout.map.style == "white-bg"
    assert all(t.geojson == "/geometrie/x/0.geojson" for t in figure.data)
    assert locator_twins_update(["0202"])[2]["locations"] == ["0202"]


def test_default_twin_indicators_are_need_rates(demo_atlas) -> None:
    chosen = default_twin_indicators(demo_atlas.catalogue(public_only=True))
    catalogue = demo_atlas.catalogue().set_index("indicator_id")
    assert 4 <= len(chosen) <= 6
    assert all(catalogue.loc[key, "polarity"] == "higher_worse" for key in chosen)
    assert all(catalogue.loc[key, "public"] for key in chosen)


def test_twins_table_rows_are_the_domain_result(demo_atlas) -> None:
    chosen = ["sgb2_u15", "sgb2_u3", "alleinerziehende", "sprachfoerderung"]
    twins = statistical_twins(demo_atlas, "0101", chosen, 2024, LEVEL, n=4)
    table = view.twins_table(twins, [(key, key) for key in chosen], "Neustadt")
    body = next(c for c in table.children if type(c).__name__ == "Tbody").children
    own, rows = body[0], body[1:]
    assert "Neustadt" in str(own.children[1].children.children)
    assert [cell.children for cell in own.children[3:]] == [
        twins[value_columns(key)[3]].iloc[0] for key in chosen]
    assert [r.to_plotly_json()["props"]["data-district"] for r in rows] == list(
        twins["district_id"])
    for tr, twin in zip(rows, twins.to_dict("records"), strict=True):
        cells = [cell.children for cell in tr.children]
        assert cells[:3] == [str(twin["rank"]), twin["name"], twin["similarity"]]
        assert cells[3:] == [twin[value_columns(key)[1]] for key in chosen]


def test_button_state_and_profile_view(demo_atlas) -> None:
    assert button_state([]) == (True, msg.PROFILE_HINT_NONE)
    assert button_state(["0101"])[0] is False
    assert "ersten 5" in button_state([str(i) for i in range(7)])[1]
    service = SimpleNamespace(atlas=demo_atlas, public_only=True,
                              geojson_url=lambda level: "/g.geojson",
                              map_view=lambda level: MapView(7.0, 51.0, 11.0))
    shown = profile_view(service, ["0101", "0102", "0103", "0104", "0105", "0201"], LEVEL, 2024)
    assert "ersten 5" in str(shown.note.children)
    assert shown.state == {"ids": ["0101", "0102", "0103", "0104", "0105"], "level": LEVEL,
                           "year": 2024}
    themes = [section.children[0].children for section in shown.content]
    assert themes == themes_of(district_profile(demo_atlas, "0101", 2024, LEVEL))
    broken = profile_view(service, ["nirgendwo"], LEVEL, 2024)
    assert broken.state is None
    assert broken.content.children.startswith("Unbekanntes Gebiet „nirgendwo“")


def test_twins_view_shows_a_german_message_when_twins_cannot_be_found(demo_atlas) -> None:
    from callbacks.profile import twins_view

    service = SimpleNamespace(atlas=demo_atlas, public_only=True,
                              indicator=demo_atlas.indicator)
    table, ids, _ = twins_view(service, "0101", ["sgb2_u15"], 5, LEVEL, 2024)
    assert ids == []
    assert "mindestens 2 verschiedene Indikatoren" in table.children
    table, ids, names = twins_view(service, "0101", ["sgb2_u15", "sgb2_u3"], 3, LEVEL, 2024)
    assert len(ids) == 3 and len(names) == 3
