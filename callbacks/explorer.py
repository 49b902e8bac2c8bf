"""Explorer callbacks: theme -> indicators -> years -> map (patched, not rebuilt)."""

from __future__ import annotations

from dash import Dash, Input, Output, Patch, State, no_update

from callbacks.atlas_service import AtlasService
from layouts import ids
from layouts.legend import indicator_info, legend_children
from layouts.map_figure import choropleth_figure, trace_update


def register(app: Dash, service: AtlasService) -> None:
    @app.callback(
        Output(ids.INDICATOR, "options"),
        Output(ids.INDICATOR, "value"),
        Input(ids.THEME, "value"),
        State(ids.INDICATOR, "value"),
        prevent_initial_call=True,
    )
    def _indicators_for_theme(theme: str, current: str):
        options = service.indicator_options(theme)
        values = [option["value"] for option in options]
        return options, current if current in values else (values[0] if values else None)

    @app.callback(
        Output(ids.YEAR, "options"),
        Output(ids.YEAR, "value"),
        Input(ids.INDICATOR, "value"),
        State(ids.YEAR, "value"),
    )
    def _years_for_indicator(indicator_id: str, current: int):
        if not indicator_id:
            return no_update, no_update
        years = service.years(indicator_id)
        options = [{"label": str(year), "value": year} for year in years]
        return options, current if current in years else years[-1]

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.MAP_GEOMETRY_LEVEL, "data"),
        Output(ids.LEGEND, "children"),
        Output(ids.MAP_TITLE, "children"),
        Output(ids.INDICATOR_INFO, "children"),
        Input(ids.INDICATOR, "value"),
        Input(ids.YEAR, "value"),
        Input(ids.LEVEL, "value"),
        State(ids.MAP_GEOMETRY_LEVEL, "data"),
    )
    def _update_map(indicator_id: str, year: int, level: str, geometry_level: str | None):
        if not indicator_id or year is None:
            return (no_update,) * 5
        return map_outputs(service, indicator_id, year, level, geometry_level)


def map_outputs(
    service: AtlasService, indicator_id: str, year: int, level: str, geometry_level: str | None
) -> tuple:
    """Full figure when the level (geometry) changes, else a Patch of the changing parts."""
    data = service.choropleth(indicator_id, year, level)
    if geometry_level == level:
        figure = Patch()
        for key, value in trace_update(data).items():
            figure["data"][0][key] = value
    else:
        figure = choropleth_figure(service.geojson(level), data, service.map_view(level))
    indicator = service.indicator(indicator_id)
    return (
        figure,
        level,
        legend_children(data),
        data.title,
        indicator_info(indicator, service.atlas.meta.get("data_date", "")),
    )
