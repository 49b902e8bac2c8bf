"""Comparison panel: UI state -> domain frame -> figure, for the active tab only.

One callback fills the active tab (the others keep what they had and are filled when
they are opened); one toggles an area in ``district-select`` when a bar, line or
point is clicked; one offers the second indicator of the scatter plot.
"""

from __future__ import annotations

from dataclasses import dataclass

from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.atlas_service import AtlasService
from callbacks.selection import toggled
from indicators import AtlasError
from indicators.comparison import comparison_bars, ranking, time_series
from indicators.correlation import scatter_data
from indicators.texts import comparison as msg
from layouts import compare as panel
from layouts import compare_figures as figures
from layouts import ids

TABS = (panel.BARS, panel.SERIES, panel.RANKING, panel.SCATTER)


@dataclass(frozen=True)
class PanelState:
    """What every tab is computed from (the explorer's controls)."""

    indicator_id: str
    year: int
    level: str
    selection: list[str]
    second_id: str | None = None


def bars_tab(service: AtlasService, state: PanelState) -> tuple:
    indicator = service.indicator(state.indicator_id)
    frame = comparison_bars(service.atlas, indicator.indicator_id, state.year, state.selection,
                            state.level)
    hints = [msg.HINT_NO_SELECTION] if not state.selection else [msg.HINT_CLICK_BAR]
    return (figures.bars_figure(frame, indicator, state.year), panel.message(*hints),
            panel.notes(msg.NOTES_BARS, figures.suppressed_notes(frame)))


def series_tab(service: AtlasService, state: PanelState) -> tuple:
    indicator = service.indicator(state.indicator_id)
    frame = time_series(service.atlas, indicator.indicator_id, state.selection, state.level)
    hints = [msg.HINT_NO_SELECTION] if not state.selection else [msg.HINT_CLICK_LINE]
    return (figures.series_figure(frame, indicator, state.year), panel.message(*hints),
            panel.notes(msg.NOTES_SERIES, figures.series_notes(frame)))


def ranking_tab(service: AtlasService, state: PanelState) -> tuple:
    indicator = service.indicator(state.indicator_id)
    frame = ranking(service.atlas, indicator.indicator_id, state.year, state.level,
                    state.selection)
    reference = comparison_bars(service.atlas, indicator.indicator_id, state.year, [],
                                state.level)
    city = reference.iloc[-1] if len(reference) and state.level != service.atlas.levels[-1] \
        else None
    hints = [msg.HINT_NO_SELECTION] if not state.selection else []
    return (figures.ranking_figure(frame, indicator, state.year, city),
            panel.message(*hints, msg.HINT_CLICK_BAR),
            panel.notes(msg.NOTES_RANKING, figures.suppressed_notes(frame)))


def scatter_tab(service: AtlasService, state: PanelState) -> tuple:
    x_indicator = service.indicator(state.indicator_id)
    y_indicator = service.indicator(state.second_id or "")
    frame, correlation = scatter_data(service.atlas, x_indicator.indicator_id,
                                      y_indicator.indicator_id, state.year, state.level,
                                      state.selection)
    lines = [correlation.sentence]
    if not state.selection:
        lines.append(msg.HINT_NO_SELECTION)
    return (figures.scatter_figure(frame, x_indicator, y_indicator, state.year, correlation),
            panel.message(*lines, kind="sentence"),
            panel.message(correlation.note, msg.HINT_CLICK_POINT))


TAB_CONTENT = {panel.BARS: bars_tab, panel.SERIES: series_tab, panel.RANKING: ranking_tab,
               panel.SCATTER: scatter_tab}


def tab_content(service: AtlasService, tab: str, state: PanelState) -> tuple:
    """(figure, message, notes) of one tab; an AtlasError becomes its German message."""
    try:
        return TAB_CONTENT[tab](service, state)
    except AtlasError as error:
        return figures.empty_figure(), panel.message(str(error), kind="error"), []


def second_indicator(service: AtlasService, options: list[dict], first: str,
                     current: str | None) -> str | None:
    """Keep the user's second indicator; else the first other rate with a polarity (a need
    or offer indicator, e.g. Sprachförderbedarf next to SGB II), else any other one."""
    values = [option["value"] for option in options if option["value"] != first]
    if current in values:
        return current

    def plain(value: str) -> bool:
        indicator = service.atlas.indicator(value)
        return not (indicator.is_rate and indicator.polarity != "neutral")

    return min(values, key=plain, default=None)


def clicked_area(event: dict | None) -> str | None:
    """The area id of a click on any of the four charts (``customdata``, first element)."""
    points = (event or {}).get("points") or []
    data = points[0].get("customdata") if points else None
    if isinstance(data, list):
        data = data[0] if data else None
    return data if isinstance(data, str) and data else None


def register(app: Dash, service: AtlasService) -> None:
    outputs = [Output(make(tab), prop) for tab in TABS
               for make, prop in ((panel.graph_id, "figure"), (panel.message_id, "children"),
                                  (panel.notes_id, "children"))]

    controls = (Input(ids.INDICATOR, "value"), Input(ids.YEAR, "value"),
                Input(ids.LEVEL, "value"), Input(ids.DISTRICT_SELECT, "value"))

    def state_of(indicator_id, year, level, selection, second_id) -> PanelState:
        level = level or service.atlas.levels[0]
        known = set(service.atlas.districts(level)["district_id"])
        # during a level switch the selection still holds areas of the old level
        return PanelState(indicator_id, int(year), level,
                          [key for key in (selection or []) if key in known], second_id)

    @app.callback(
        *outputs, *controls, Input(panel.TABS, "active_tab"),
        Input(ids.MAP_GEOMETRY_LEVEL, "data"),  # after the map: the map is drawn first
        State(panel.SCATTER_INDICATOR, "value"),
    )
    def _fill_active_tab(indicator_id, year, level, selection, tab, _drawn, second_id):
        tab = tab if tab in TABS else panel.BARS
        content = tab_content(service, tab, state_of(indicator_id, year, level, selection,
                                                     second_id))
        return [part for name in TABS
                for part in (content if name == tab else (no_update,) * 3)]

    @app.callback(
        *[Output(output.component_id, output.component_property, allow_duplicate=True)
          for output in outputs[-3:]],
        Input(panel.SCATTER_INDICATOR, "value"),
        *[State(i.component_id, i.component_property) for i in controls],
        State(panel.TABS, "active_tab"),
        prevent_initial_call=True,
    )
    def _second_indicator_chosen(second_id, indicator_id, year, level, selection, tab):
        if tab != panel.SCATTER or not second_id:
            return [no_update] * 3
        return tab_content(service, panel.SCATTER,
                           state_of(indicator_id, year, level, selection, second_id))

    @app.callback(
        Output(panel.SCATTER_INDICATOR, "options"), Output(panel.SCATTER_INDICATOR, "value"),
        Input(ids.INDICATOR, "value"), Input(ids.MAP_GEOMETRY_LEVEL, "data"),
        State(panel.SCATTER_INDICATOR, "value"),
    )
    def _second_indicator_options(indicator_id, _drawn, current):
        options = [o for o in service.indicator_options() if o["value"] != indicator_id]
        return options, second_indicator(service, options, indicator_id, current)

    @app.callback(
        Output(ids.DISTRICT_SELECT, "value", allow_duplicate=True),
        *[Input(panel.graph_id(tab), "clickData") for tab in TABS],
        State(ids.DISTRICT_SELECT, "value"), State(ids.LEVEL, "value"),
        prevent_initial_call=True,
    )
    def _select_on_chart(*args):
        *events, selection, level = args
        graphs = [panel.graph_id(tab) for tab in TABS]
        if ctx.triggered_id not in graphs:
            return no_update
        district_id = clicked_area(events[graphs.index(ctx.triggered_id)])
        known = set(service.atlas.districts(level or service.atlas.levels[0])["district_id"])
        if district_id not in known:
            return no_update
        return toggled(selection, district_id)
