"""Explorer callbacks: theme -> indicators -> years -> map (patched, not rebuilt)."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, no_update

from callbacks.atlas_service import AtlasService
from indicators import AtlasError, texts
from indicators.classification import USER_DEFINED
from indicators.map_modes import CHANGE
from indicators.map_view import MapRequest
from layouts import ids
from layouts.controls import year_marks
from layouts.legend import indicator_info, legend_children, robustness_children
from layouts.map_figure import choropleth_figure, outline_update, patch_traces, trace_updates

HIDDEN, SHOWN = {"display": "none"}, {"display": "block"}
MAP_INPUTS = [
    Input(ids.INDICATOR, "value"), Input(ids.YEAR, "value"), Input(ids.LEVEL, "value"),
    Input(ids.MODE, "value"), Input(ids.COMPARE_YEAR, "value"),
    Input(ids.CLASSIFICATION, "value"), Input(ids.CLASS_COUNT, "value"),
    Input(ids.FIXED_BREAKS, "value"), Input(ids.CUSTOM_BREAKS, "value"),
]


def register(app: Dash, service: AtlasService) -> None:
    @app.callback(
        Output(ids.INDICATOR, "options"),
        Output(ids.INDICATOR, "value", allow_duplicate=True),
        Input(ids.THEME, "value"),
        State(ids.INDICATOR, "value"),
        prevent_initial_call=True,
    )
    def _indicators_for_theme(theme: str, current: str):
        options = service.indicator_options(theme)
        values = [option["value"] for option in options]
        return options, current if current in values else (values[0] if values else no_update)

    @app.callback(
        Output(ids.YEAR, "min"), Output(ids.YEAR, "max"), Output(ids.YEAR, "marks"),
        Output(ids.YEAR, "value", allow_duplicate=True),
        Output(ids.COMPARE_YEAR, "options"),
        Output(ids.COMPARE_YEAR, "value", allow_duplicate=True),
        Input(ids.INDICATOR, "value"),
        State(ids.YEAR, "value"), State(ids.COMPARE_YEAR, "value"),
        prevent_initial_call=True,
    )
    def _years_for_indicator(indicator_id: str, year: int, compare_year: int):
        if not indicator_id:
            return (no_update,) * 6
        minimum, maximum, marks, chosen, options, compare = year_controls(
            service.years(indicator_id), year, compare_year)
        # unchanged values are not sent back, so the map is not computed twice
        return (minimum, maximum, marks, no_update if chosen == year else chosen, options,
                no_update if compare == compare_year else compare)

    @app.callback(
        Output(ids.COMPARE_YEAR_BOX, "style"), Output(ids.CUSTOM_BREAKS_BOX, "style"),
        Input(ids.MODE, "value"), Input(ids.CLASSIFICATION, "value"),
        prevent_initial_call=True,
    )
    def _show_dependent_controls(mode: str, method: str):
        return (SHOWN if mode == CHANGE else HIDDEN,
                SHOWN if method == USER_DEFINED else HIDDEN)

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.MAP_GEOMETRY_LEVEL, "data"),
        Output(ids.MAP_LABELS, "data"),
        Output(ids.LEGEND, "children"),
        Output(ids.MAP_TITLE, "children"),
        Output(ids.INDICATOR_INFO, "children"),
        Output(ids.CONTROL_MESSAGE, "children"),
        *MAP_INPUTS,
        Input(ids.MARK_UNSTABLE, "value"),
        State(ids.MAP_GEOMETRY_LEVEL, "data"), State(ids.DISTRICT_SELECT, "value"),
    )
    def _update_map(*args):
        *controls, mark_unstable, geometry_level, selected = args
        if not controls[0] or controls[1] is None:
            return (no_update,) * 7
        try:
            return map_outputs(service, map_request(*controls), bool(mark_unstable),
                               geometry_level, tuple(selected or ()))
        except AtlasError as error:
            return (*(no_update,) * 6, str(error))

    app.clientside_callback(
        ClientsideFunction(namespace="chancenatlas", function_name="drawLabels"),
        Output(ids.MAP_LABEL_STATE, "className"),
        Input(ids.SHOW_NAMES, "value"), Input(ids.MAP_LABELS, "data"),
        Input(ids.MAP, "figure"),
    )

    @app.callback(
        Output(ids.ROBUSTNESS_BOX, "is_open"),
        Input(ids.ROBUSTNESS_TOGGLE, "n_clicks"), State(ids.ROBUSTNESS_BOX, "is_open"),
        prevent_initial_call=True,
    )
    def _toggle_robustness(_clicks: int, is_open: bool):
        return not is_open

    @app.callback(
        Output(ids.ROBUSTNESS, "children"),
        *MAP_INPUTS,
        Input(ids.ROBUSTNESS_BOX, "is_open"),
        prevent_initial_call=True,
    )
    def _update_robustness(*args):
        """Only computed (and sent) while the panel is open."""
        *controls, is_open = args
        if not is_open or not controls[0] or controls[1] is None:
            return no_update
        try:
            return robustness_children(service.robustness(map_request(*controls)))
        except AtlasError as error:
            return str(error)


def year_controls(years: list[int], year: int | None, compare_year: int | None) -> tuple:
    """Slider range and marks for an indicator's years, keeping the chosen year if it exists."""
    chosen = year if year in years else years[-1]
    earlier = [y for y in years if y < chosen] or years[:1]
    compare = compare_year if compare_year in earlier else earlier[0]
    options = [{"label": str(y), "value": y} for y in years]
    return years[0], years[-1], year_marks(years), chosen, options, compare


def map_request(indicator_id, year, level, mode, compare_year, method, k, fixed,
                breaks) -> MapRequest:
    """UI values -> the hashable request the domain understands."""
    return MapRequest(
        indicator_id=indicator_id, year=int(year), level=level, mode=mode or "value",
        method=method or "quantiles", k=int(k or 5), fixed_breaks=bool(fixed),
        breaks_text=(breaks or "") if method == USER_DEFINED else "",
        compare_year=int(compare_year) if compare_year else None,
    )


def map_outputs(service: AtlasService, request: MapRequest, mark_unstable: bool,
                geometry_level: str | None, selected: tuple[str, ...] = ()) -> tuple:
    """Full figure when the level (geometry) changes, else a Patch of the changing parts."""
    data = service.choropleth(request)
    unstable = ()
    if mark_unstable:
        robust = service.robustness(request).frame
        unstable = tuple(robust.loc[robust["spread"] >= 2, "district_id"])
    labels = no_update
    if geometry_level == request.level:
        figure = patch_traces({**trace_updates(data), **outline_update(unstable)})
    else:
        level = request.level
        figure = choropleth_figure(service.geojson_url(level), data, service.map_view(level),
                                   unstable, selected)
        labels = service.label_points(level)
    indicator = service.indicator(request.indicator_id)
    message = " ".join(data.notes)
    if request.fixed_breaks:
        years = service.years(request.indicator_id)
        message = " ".join([message, texts.FIXED_BREAKS_NOTE.format(first=years[0],
                                                                     last=years[-1])]).strip()
    return (figure, request.level, labels, legend_children(data), data.title,
            indicator_info(indicator, service.atlas.meta.get("data_date", "")), message)
