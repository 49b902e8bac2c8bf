"""The URL is the state: every map can be reopened (and sent around) from its address.

On load, the page is built from the query string (unknown or invalid values fall
back to the defaults); afterwards every change rewrites the address in place with
``history.replaceState`` (no reload, no extra server round trip).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from dash import ClientsideFunction, Dash, Input, Output, State
from flask import request

from callbacks.atlas_service import AtlasService
from callbacks.explorer import year_controls
from indicators.classification import K_MAX, K_MIN, METHODS
from indicators.map_modes import MODES
from layouts import ids
from layouts.explorer import ExplorerOptions

#: query parameter -> (component id, property); the order is the order in the URL
PARAMETERS = {
    "indikator": (ids.INDICATOR, "value"),
    "jahr": (ids.YEAR, "value"),
    "ebene": (ids.LEVEL, "value"),
    "darstellung": (ids.MODE, "value"),
    "vergleichsjahr": (ids.COMPARE_YEAR, "value"),
    "klassen": (ids.CLASSIFICATION, "value"),
    "anzahl": (ids.CLASS_COUNT, "value"),
    "fest": (ids.FIXED_BREAKS, "value"),
    "grenzen": (ids.CUSTOM_BREAKS, "value"),
    "namen": (ids.SHOW_NAMES, "value"),
    "unsicher": (ids.MARK_UNSTABLE, "value"),
    "auswahl": (ids.DISTRICT_SELECT, "value"),
}
TOGGLES = {"fest": "fixed", "namen": "names", "unsicher": "mark"}


def state_from_query(search: str | None, service: AtlasService) -> dict:
    """Control values from a query string; anything unknown falls back to a default."""
    query = {k: v[-1] for k, v in parse_qs((search or "").lstrip("?")).items()}
    options = [o["value"] for o in service.indicator_options()]
    indicator = query.get("indikator")
    indicator = indicator if indicator in options else service.default_indicator()
    years = service.years(indicator)
    year = _int(query.get("jahr"))
    *_, year, _options, compare = year_controls(years, year, _int(query.get("vergleichsjahr")))
    k = _int(query.get("anzahl"))
    level = _choice(query.get("ebene"), service.atlas.levels)
    known = set(service.atlas.districts(level)["district_id"])
    chosen = [key for key in query.get("auswahl", "").split(",") if key in known]
    return {
        "auswahl": list(dict.fromkeys(chosen)),
        "indikator": indicator, "jahr": year,
        "ebene": level,
        "darstellung": _choice(query.get("darstellung"), list(MODES)),
        "vergleichsjahr": compare,
        "klassen": _choice(query.get("klassen"), list(METHODS)),
        "anzahl": k if k is not None and K_MIN <= k <= K_MAX else 5,
        "grenzen": query.get("grenzen", ""),
        **{key: [value] if query.get(key) == "1" else [] for key, value in TOGGLES.items()},
    }


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _choice(value: str | None, allowed: list[str]) -> str:
    return value if value in allowed else allowed[0]


def explorer_options(service: AtlasService, search: str | None) -> ExplorerOptions:
    """Everything the page needs to open exactly in the state its URL describes."""
    state = state_from_query(search, service)
    atlas = service.atlas
    return ExplorerOptions(
        atlas_name=atlas.name,
        is_demo=atlas.is_demo,
        data_date=atlas.meta.get("data_date", ""),
        themes=service.themes(),
        indicators=service.indicator_options(),
        years=service.years(state["indikator"]),
        levels=atlas.levels,
        state=state,
        districts=service.district_options(state["ebene"]),
        offer_choices=service.offer_choices(),
        show_contact=not service.public_only,
        url_keys=url_keys(),
    )


def search_of_page() -> str:
    """The page's query string, read from the layout request's Referer.

    Dash fetches the layout with a separate request; its Referer is the page address,
    so the first render already matches the URL (no second round trip). Without a
    Referer the defaults apply.
    """
    try:
        return urlparse(request.referrer or "").query
    except RuntimeError:  # outside a request (e.g. building the layout in a test)
        return ""


def register(app: Dash, service: AtlasService) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="chancenatlas", function_name="writeUrlState"),
        Output(ids.URL_STATE_SINK, "data"),
        *[Input(cid, prop) for cid, prop in PARAMETERS.values()],
        State(ids.URL_STATE_SINK, "data"),
    )


def url_keys() -> dict:
    """Handed to the browser (initial data of the sink store) so the JS knows the names."""
    return {"keys": list(PARAMETERS), "toggles": list(TOGGLES)}
