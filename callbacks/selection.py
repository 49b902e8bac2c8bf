"""Selecting areas: click on the map, box/lasso, or the search list – one selection.

The selection is the value of the ``district-select`` dropdown (and so part of the
URL); the map only draws it as a blue border, patched in without touching colours.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.atlas_service import AtlasService
from layouts import ids
from layouts.map_figure import patch_traces, selection_update


def toggled(selection: list[str] | None, district_id: str) -> list[str]:
    """Clicking an area adds it, clicking it again removes it."""
    selection = list(selection or [])
    if district_id in selection:
        return [key for key in selection if key != district_id]
    return [*selection, district_id]


def added(selection: list[str] | None, district_ids: list[str]) -> list[str]:
    """A box or lasso adds its areas to the selection (in order, no duplicates)."""
    return list(dict.fromkeys([*(selection or []), *district_ids]))


def locations_of(event: dict | None) -> list[str]:
    """Area ids in a Plotly click/selection event (any trace of the map)."""
    points = (event or {}).get("points") or []
    return [str(p["location"]) for p in points if p.get("location") is not None]


def register(app: Dash, service: AtlasService) -> None:
    @app.callback(
        Output(ids.DISTRICT_SELECT, "value", allow_duplicate=True),
        Input(ids.MAP, "clickData"), Input(ids.MAP, "selectedData"),
        State(ids.DISTRICT_SELECT, "value"),
        prevent_initial_call=True,
    )
    def _select_on_map(click: dict | None, selected: dict | None, selection: list[str]):
        if ctx.triggered_id is None:
            return no_update
        if "clickData" in ctx.triggered[0]["prop_id"]:
            clicked = locations_of(click)
            return toggled(selection, clicked[0]) if clicked else no_update
        lassoed = locations_of(selected)
        return added(selection, lassoed) if lassoed else no_update

    @app.callback(
        Output(ids.MAP, "figure", allow_duplicate=True),
        Input(ids.DISTRICT_SELECT, "value"),
        State(ids.MAP_GEOMETRY_LEVEL, "data"),
        prevent_initial_call=True,
    )
    def _outline_selection(selection: list[str] | None, geometry_level: str | None):
        if geometry_level is None:
            return no_update
        return patch_traces(selection_update(selection or []))

    @app.callback(
        Output(ids.DISTRICT_SELECT, "options"),
        Output(ids.DISTRICT_SELECT, "value", allow_duplicate=True),
        Input(ids.LEVEL, "value"), State(ids.DISTRICT_SELECT, "value"),
        prevent_initial_call=True,
    )
    def _areas_of_level(level: str, selection: list[str] | None):
        options = service.district_options(level)
        known = {option["value"] for option in options}
        kept = [key for key in (selection or []) if key in known]
        return options, kept if kept != (selection or []) else no_update
