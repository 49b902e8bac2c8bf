"""The comparison panel under the map: four tabs, each a message, a chart and notes.

Tabs: Vergleich (bars), Zeitverlauf (lines), Rangfolge (ranking), Zwei Indikatoren
(scatter). The charts are filled by ``callbacks/compare.py`` for the active tab only.
Above each chart a message line (hint, correlation sentence or error), below it the
areas that have no value to show, with their reason.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from indicators.texts import comparison as msg
from layouts import ids
from layouts.controls import dropdown

# Ids of the panel's parts (ids.COMPARE_PANEL is the stable public one).
TABS = "compare-tabs"
SCATTER_INDICATOR = "scatter-indicator-select"
BARS, SERIES, RANKING, SCATTER = "bars", "series", "ranking", "scatter"
TAB_LABELS = {BARS: msg.TAB_BARS, SERIES: msg.TAB_SERIES, RANKING: msg.TAB_RANKING,
              SCATTER: msg.TAB_SCATTER}
EXPORT_NAMES = {BARS: "vergleich", SERIES: "zeitverlauf", RANKING: "rangfolge",
                SCATTER: "zwei-indikatoren"}


def graph_id(tab: str) -> str:
    return f"compare-{tab}-graph"


def message_id(tab: str) -> str:
    return f"compare-{tab}-message"


def notes_id(tab: str) -> str:
    return f"compare-{tab}-notes"


def compare_panel() -> html.Div:
    return html.Div(
        [
            html.H2(msg.PANEL_TITLE, className="compare-title"),
            dbc.Tabs([_tab(tab) for tab in TAB_LABELS], id=TABS, active_tab=BARS,
                     className="compare-tabs"),
        ],
        id=ids.COMPARE_PANEL,
        className="compare-panel",
    )


def _tab(tab: str) -> dbc.Tab:
    body = [
        html.Div(id=message_id(tab), className="compare-message", role="status"),
        dcc.Graph(
            id=graph_id(tab), className="compare-graph",
            config={"displaylogo": False, "displayModeBar": "hover",
                    "modeBarButtonsToRemove": ["zoom2d", "pan2d", "select2d", "lasso2d",
                                               "zoomIn2d", "zoomOut2d", "autoScale2d",
                                               "resetScale2d"],
                    "toImageButtonOptions": {"format": "png", "scale": 2,
                                             "filename": f"chancenatlas-{EXPORT_NAMES[tab]}"}},
        ),
        html.Div(id=notes_id(tab), className="compare-notes"),
    ]
    if tab == SCATTER:
        body.insert(0, html.Div(
            [dbc.Label(msg.LABEL_SCATTER_INDICATOR, html_for=SCATTER_INDICATOR),
             dropdown(id=SCATTER_INDICATOR, clearable=False, optionHeight=56)],
            className="control compare-scatter-control"))
    return dbc.Tab(html.Div(body, className="compare-tab-body"), label=TAB_LABELS[tab],
                   tab_id=tab, label_class_name="compare-tab-label")


def message(*lines: str, kind: str = "hint") -> list:
    """Lines above a chart: 'hint' (how to use), 'sentence' (correlation), 'error'."""
    return [html.P(line, className=f"compare-{kind}") for line in lines if line]


def notes(title: str, items: list[str]) -> list:
    """The areas without a value, each with its German reason, under a chart."""
    if not items:
        return []
    return [html.Div(title, className="compare-notes-title"),
            html.Ul([html.Li(item) for item in items], className="compare-notes-list")]
