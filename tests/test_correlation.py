"""Two indicators together: scatter data and the rank correlation in words.

Tiny atlas: 5 × 2 Sozialräume (Bezirk 01 = 0101–0105, Bezirk 02 = 0201–0205), in this
order x = 10, 20, …, 100 %; "auf" rises with x (5, 6, …, 14 cases: rho = 1);
"ab" falls (50, 45, …, 5 cases: rho = −1); "lücke" rises but 0101 has 2 cases
(suppressed) and 0102 the next-smallest count in Bezirk 01 (secondary suppression).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from indicators import open_atlas
from indicators.comparison import ComparisonError
from indicators.correlation import SCATTER_COLUMNS, describe, scatter_data, strength_of
from tests.atlas_factory import catalogue_row, grid_districts, value_rows, write_test_atlas

IDS = ["0101", "0102", "0103", "0104", "0105", "0201", "0202", "0203", "0204", "0205"]
NOT_CAUSE = "Ein Zusammenhang ist noch keine Ursache."


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    catalogue = [catalogue_row("x", short_name="Quote X"), catalogue_row("auf", short_name="Auf"),
                 catalogue_row("ab", short_name="Ab"), catalogue_row("luecke", short_name="Lücke")]
    counts = {
        "x": [10 * (i + 1) for i in range(10)],
        "auf": [5 + i for i in range(10)],
        "ab": [50 - 5 * i for i in range(10)],
        "luecke": [2, 10, 20, 30, 40, 50, 60, 70, 80, 90],
    }
    values = [row for key, numbers in counts.items()
              for row in value_rows(key, 2024, {d: (n, 100) for d, n in zip(IDS, numbers,
                                                                               strict=True)})]
    path = tmp_path_factory.mktemp("correlation") / "paare.gpkg"
    write_test_atlas(path, catalogue, values, districts=grid_districts(columns=5, rows=2))
    return open_atlas(path)


def test_perfectly_rising_pair(atlas) -> None:
    frame, corr = scatter_data(atlas, "x", "auf", 2024, "Sozialraum", selected=["0203"])
    assert list(frame.columns) == SCATTER_COLUMNS
    assert len(frame) == 10 and frame["x"].notna().all() and frame["y"].notna().all()
    assert list(frame.loc[frame["selected"], "district_id"]) == ["0203"]
    assert corr.rho == pytest.approx(1.0)
    assert (corr.n, corr.n_suppressed, corr.n_missing) == (10, 0, 0)
    assert corr.strength == "sehr stark"
    assert corr.sentence == (
        "Wo „Quote X“ hoch ist, ist meist auch „Auf“ hoch (sehr starker Zusammenhang, "
        "Rangkorrelation 1,00, 10 Gebiete). " + NOT_CAUSE
    )
    assert corr.caution == "" and corr.note == ""


def test_perfectly_falling_pair(atlas) -> None:
    _, corr = scatter_data(atlas, "x", "ab", 2024, "Sozialraum")
    assert corr.rho == pytest.approx(-1.0)
    assert corr.sentence == (
        "Wo „Quote X“ hoch ist, ist „Ab“ meist niedrig (sehr starker Zusammenhang, "
        "Rangkorrelation \u22121,00, 10 Gebiete). " + NOT_CAUSE
    )


def test_suppressed_areas_are_left_out_counted_and_cautioned(atlas) -> None:
    frame, corr = scatter_data(atlas, "x", "luecke", 2024, "Sozialraum", selected=["0101"])
    assert "0101" not in set(frame["district_id"]) and "0102" not in set(frame["district_id"])
    assert not frame["selected"].any()  # the selected area is suppressed: not a point
    assert (corr.n, corr.n_suppressed) == (8, 2)
    assert corr.note == "Nicht enthalten: 2 Gebiete (Datenschutz oder keine Daten)."
    assert "Vorsicht: nur 8 Gebiete" in corr.sentence and corr.sentence.endswith(NOT_CAUSE)
    assert corr.caution.startswith("Vorsicht: nur 8 Gebiete")


def test_two_bezirke_are_too_few(atlas) -> None:
    _, corr = scatter_data(atlas, "x", "auf", 2024, "Stadtbezirk")
    assert math.isnan(corr.rho) and corr.n == 2
    assert corr.sentence.startswith(
        "Zu wenige Gebiete mit Werten in beiden Indikatoren (2 Gebiete)")


def test_same_indicator_twice_is_refused(atlas) -> None:
    with pytest.raises(ComparisonError, match="zwei verschiedene Indikatoren"):
        scatter_data(atlas, "x", "x", 2024, "Sozialraum")


def test_hardly_any_relation() -> None:
    # ranks 1..10 against 6 1 10 3 8 5 2 9 4 7: sum of d² = 146, rho = 1 − 6·146/990 = 0,115
    corr = describe(np.arange(1.0, 11.0), np.array([6, 1, 10, 3, 8, 5, 2, 9, 4, 7.0]), "A", "B")
    assert corr.rho == pytest.approx(1 - 6 * 146 / 990)
    assert corr.sentence == (
        "Zwischen „A“ und „B“ gibt es kaum einen Zusammenhang (Rangkorrelation 0,12, "
        "10 Gebiete). " + NOT_CAUSE
    )


def test_a_medium_relation_that_may_be_chance() -> None:
    # swaps (1,6) and (3,7): sum of d² = 50 + 32 = 82, rho = 1 − 492/990 = 0,503, p ≈ 0,14
    corr = describe(np.arange(1.0, 11.0), np.array([6, 2, 7, 4, 5, 1, 3, 8, 9, 10.0]), "A", "B")
    assert corr.rho == pytest.approx(1 - 6 * 82 / 990)
    assert corr.strength == "mittel"
    assert corr.p_value > 0.05
    assert "(mittlerer Zusammenhang, Rangkorrelation 0,50, 10 Gebiete)" in corr.sentence
    assert "statistisch nicht gesichert" in corr.sentence


def test_a_constant_indicator_gives_no_rho() -> None:
    corr = describe(np.arange(5.0), np.full(5, 3.0), "A", "B")
    assert math.isnan(corr.rho)
    assert corr.sentence == (
        "Kein Zusammenhang berechenbar: „B“ hat in allen Gebieten denselben Wert.")


@pytest.mark.parametrize(
    ("rho", "word"),
    [(0.0, "kaum"), (0.19, "kaum"), (-0.19, "kaum"), (0.2, "schwach"), (0.39, "schwach"),
     (0.4, "mittel"), (-0.59, "mittel"), (0.6, "stark"), (0.79, "stark"), (0.8, "sehr stark"),
     (-1.0, "sehr stark")],
)
def test_strength_thresholds(rho, word) -> None:
    assert strength_of(rho) == word


def test_suppressed_values_never_leak_into_the_scatter(demo_atlas) -> None:
    frame, corr = scatter_data(demo_atlas, "sgb2_u15", "uebergewicht_esu", 2024, "Sozialraum")
    x = demo_atlas.values("sgb2_u15", 2024, "Sozialraum").set_index("district_id")
    y = demo_atlas.values("uebergewicht_esu", 2024, "Sozialraum").set_index("district_id")
    hidden = set(x.index[x["suppressed"]]) | set(y.index[y["suppressed"]])
    assert hidden and not hidden & set(frame["district_id"])
    assert corr.n + corr.n_suppressed + corr.n_missing == len(x)
    assert corr.n_suppressed == len(hidden)
    assert list(frame["x"]) == pytest.approx(list(x.loc[frame["district_id"], "value"]))
