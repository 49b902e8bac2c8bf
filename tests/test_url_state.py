"""The URL is the state: parsing is forgiving, playback wraps around."""

from __future__ import annotations

import pytest
from flask_caching import Cache

from callbacks.atlas_service import AtlasService
from callbacks.playback import next_year
from callbacks.url_state import state_from_query


@pytest.fixture(scope="module")
def service(demo_atlas):
    from flask import Flask

    return AtlasService(demo_atlas, Cache(Flask(__name__), config={"CACHE_TYPE": "SimpleCache"}),
                        show_internal=False, tolerance_m=10)


def test_valid_query_sets_every_control(service):
    state = state_from_query("?indikator=sgb2_u3&jahr=2021&ebene=Stadtbezirk&darstellung=change"
                             "&vergleichsjahr=2020&klassen=natural_breaks&anzahl=4&fest=1"
                             "&namen=1&grenzen=10%3B+20", service)
    assert state["indikator"] == "sgb2_u3" and state["jahr"] == 2021
    assert state["ebene"] == "Stadtbezirk" and state["darstellung"] == "change"
    assert state["vergleichsjahr"] == 2020 and state["klassen"] == "natural_breaks"
    assert state["anzahl"] == 4 and state["fest"] == ["fixed"] and state["namen"] == ["names"]
    assert state["unsicher"] == [] and state["grenzen"] == "10; 20"


def test_nonsense_falls_back_to_defaults(service):
    state = state_from_query("?indikator=gibtsnicht&jahr=abc&ebene=Mond&anzahl=99"
                             "&klassen=zauber&darstellung=x", service)
    first = service.default_indicator()
    assert service.indicator(first).polarity == "higher_worse"
    assert state["indikator"] == first
    assert state["jahr"] == service.years(first)[-1]
    assert state["ebene"] == service.atlas.levels[0]
    assert state["anzahl"] == 5 and state["klassen"] == "quantiles"
    assert state["darstellung"] == "value"


def test_internal_indicators_cannot_be_opened_by_url(service, demo_atlas):
    internal = demo_atlas.catalogue().query("~public")["indicator_id"].iloc[0]
    assert state_from_query(f"?indikator={internal}", service)["indikator"] != internal


def test_next_year_wraps_round():
    marks = {"2020": "2020", "2021": "", "2022": "2022"}
    assert next_year(marks, 2020) == 2021
    assert next_year(marks, 2022) == 2020
    assert next_year({}, 2020) is None
