"""Steckbrief callbacks: selection -> profiles and twins (domain) -> figures (layouts).

Thin: the decorated functions only unpack what the plain functions ``profile_view``
and ``twins_view`` return, so the logic can be tested without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dash import Dash, Input, Output, State, no_update

from callbacks.atlas_service import AtlasService
from indicators import AtlasError
from indicators.profile import MAX_SIDE_BY_SIDE, profiles_side_by_side
from indicators.texts import comparison as msg
from indicators.twins import N_MAX, statistical_twins
from layouts import ids
from layouts import profile as view
from layouts.map_figure import patch_traces, twins_update
from layouts.profile_figures import (
    default_twin_indicators,
    locator_figure,
    locator_twins_update,
    theme_figure,
    themes_of,
)


@dataclass
class ProfileView:
    """Everything the modal shows for one opening."""

    title: str = msg.PROFILE_BUTTON
    note: object = None
    areas: list = field(default_factory=list)
    locator: object = no_update
    legend: object = None
    content: object = None
    state: dict | None = None
    area_options: list = field(default_factory=list)


def button_state(selection: list[str] | None) -> tuple[bool, str]:
    """(disabled, hint) of the Steckbrief button for the current selection."""
    n = len(selection or [])
    if n == 0:
        return True, msg.PROFILE_HINT_NONE
    if n > MAX_SIDE_BY_SIDE:
        return False, msg.PROFILE_HINT_TOO_MANY.format(n=n, max_areas=MAX_SIDE_BY_SIDE)
    return False, msg.PROFILE_HINT_SOME.format(areas=msg.areas(n))


def profile_view(service: AtlasService, selection: list[str] | None, level: str,
                 year: int) -> ProfileView:
    """The Steckbrief of the first five selected areas of ``level`` in ``year``."""
    selection = list(dict.fromkeys(selection or []))
    shown = selection[:MAX_SIDE_BY_SIDE]
    result = ProfileView(title=msg.PROFILE_TITLE.format(year=year))
    if len(selection) > MAX_SIDE_BY_SIDE:
        result.note = view.note(msg.PROFILE_NOTE_FIRST.format(
            n=len(selection), max_areas=MAX_SIDE_BY_SIDE))
    try:
        atlas = service.atlas
        profile = profiles_side_by_side(atlas, shown, int(year), level, service.public_only)
        districts = atlas.districts(level)
        names = dict(zip(districts["district_id"], districts["name"], strict=True))
        result.areas = view.area_headers([
            {"name": names[key], "meta": _area_meta(atlas, districts, key, level)}
            for key in shown])
        result.locator = locator_figure(service.geojson_url(level), list(districts["district_id"]),
                                        list(districts["name"]), shown, service.map_view(level))
        result.legend = view.profile_legend(level)
        result.content = view.theme_sections(
            [(theme, theme_figure(profile, theme, level, int(year)))
             for theme in themes_of(profile)]) or view.note(msg.PROFILE_EMPTY)
        result.state = {"ids": shown, "level": level, "year": int(year)}
        result.area_options = [{"label": names[key], "value": key} for key in shown]
    except AtlasError as error:
        result.content = view.error_alert(_message(error))
    return result


def twins_view(service: AtlasService, district_id: str, indicator_ids: list[str], n: int,
               level: str, year: int):
    """(table, twin ids) of one area; a German message and no ids when it cannot be done."""
    try:
        atlas = service.atlas
        for key in indicator_ids or []:
            service.indicator(key)  # internal indicators only where the app may show them
        twins = statistical_twins(atlas, district_id, indicator_ids or [], int(year), level,
                                  int(n))
        catalogue = atlas.catalogue(public_only=service.public_only).set_index("indicator_id")
        titles = [(key, catalogue.loc[key, "short_name"] or catalogue.loc[key, "name"])
                  for key in dict.fromkeys(indicator_ids)]
        districts = atlas.districts(level).set_index("district_id")
        own_name = districts.loc[district_id, "name"]
        table = view.twins_table(twins, titles, own_name,
                                 msg.TWINS_CAPTION.format(name=own_name, year=year))
        return table, list(twins["district_id"]), list(twins["name"])
    except AtlasError as error:
        return view.error_alert(_message(error)), [], []


def _area_meta(atlas, districts, district_id: str, level: str) -> str:
    position = atlas.levels.index(level)
    parent_id = districts.set_index("district_id").loc[district_id, "parent_id"]
    if position + 1 >= len(atlas.levels) or not isinstance(parent_id, str):
        return msg.PROFILE_AREA_LEVEL.format(level=level)
    parent_level = atlas.levels[position + 1]
    parents = atlas.districts(parent_level).set_index("district_id")["name"]
    if parent_id not in parents.index:
        return msg.PROFILE_AREA_LEVEL.format(level=level)
    return msg.PROFILE_AREA_PARENT.format(level=level, parent_level=parent_level,
                                          parent=parents[parent_id])


def _message(error: Exception) -> str:
    """The German sentence (KeyError subclasses would quote it in str())."""
    return str(error.args[0]) if error.args else str(error)


def register(app: Dash, service: AtlasService) -> None:
    @app.callback(
        Output(view.BUTTON, "disabled"), Output(view.HINT, "children"),
        Input(ids.DISTRICT_SELECT, "value"),
    )
    def _button(selection):
        return button_state(selection)

    @app.callback(
        Output(view.MODAL, "is_open"), Output(view.TITLE, "children"),
        Output(view.NOTE, "children"), Output(view.AREAS, "children"),
        Output(view.LOCATOR, "figure"), Output(view.LEGEND, "children"),
        Output(view.CONTENT, "children"), Output(view.STATE, "data"),
        Output(view.TWINS_AREA, "options"), Output(view.TWINS_AREA, "value"),
        Output(view.TWINS_INDICATORS, "options"), Output(view.TWINS_INDICATORS, "value"),
        Input(view.BUTTON, "n_clicks"),
        State(ids.DISTRICT_SELECT, "value"), State(ids.LEVEL, "value"),
        State(ids.YEAR, "value"), State(view.TWINS_AREA, "value"),
        State(view.TWINS_INDICATORS, "value"),
        prevent_initial_call=True,
    )
    def _open(n_clicks, selection, level, year, twin_area, twin_indicators):
        if not n_clicks or not selection:
            return (no_update,) * 12
        shown = profile_view(service, selection, level, year)
        area_ids = [option["value"] for option in shown.area_options]
        options = service.indicator_options()
        allowed = {option["value"] for option in options}
        chosen = [key for key in (twin_indicators or []) if key in allowed]
        if len(chosen) < 2:
            chosen = default_twin_indicators(service.atlas.catalogue(
                public_only=service.public_only))
        area = twin_area if twin_area in area_ids else (area_ids[0] if area_ids else None)
        return (True, shown.title, shown.note, shown.areas, shown.locator, shown.legend,
                shown.content, shown.state, shown.area_options, area, options, chosen)

    @app.callback(
        Output(view.TWINS_TABLE, "children"), Output(view.TWINS_IDS, "data"),
        Output(view.TWINS_SHOW, "disabled"),
        Output(view.LOCATOR, "figure", allow_duplicate=True),
        Input(view.STATE, "data"), Input(view.TWINS_AREA, "value"),
        Input(view.TWINS_INDICATORS, "value"), Input(view.TWINS_N, "value"),
        prevent_initial_call=True,
    )
    def _twins(state, district_id, indicator_ids, n):
        if not state or district_id not in state["ids"]:
            return None, [], True, no_update
        table, twin_ids, names = twins_view(service, district_id, indicator_ids,
                                            n or N_MAX, state["level"], state["year"])
        return table, twin_ids, not twin_ids, patch_traces(locator_twins_update(twin_ids, names))

    @app.callback(
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(view.MODAL, "is_open", allow_duplicate=True),
        Input(view.TWINS_SHOW, "n_clicks"), State(view.TWINS_IDS, "data"),
        prevent_initial_call=True,
    )
    def _show_twins(n_clicks, twin_ids):
        if not n_clicks or not twin_ids:
            return no_update, no_update
        return patch_traces(twins_update(twin_ids)), False

    @app.callback(
        Output(view.MODAL, "is_open", allow_duplicate=True),
        Input(view.CLOSE, "n_clicks"), prevent_initial_call=True,
    )
    def _close(n_clicks):
        return False if n_clicks else no_update

    app.clientside_callback(
        "function(n) { if (n) { window.print(); } return ''; }",
        Output(view.PRINT_SINK, "children"), Input(view.PRINT, "n_clicks"),
        prevent_initial_call=True,
    )
