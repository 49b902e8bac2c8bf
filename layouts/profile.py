"""The district profile (Steckbrief): a button under the area list and a large modal.

Components only; the figures are built in ``layouts/profile_figures.py`` and filled
in by ``callbacks/profile.py``. Ids of this feature live here (they are not part of the
stable public contract in ``layouts/ids.py``) and follow its style.
"""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from indicators.texts import comparison as msg
from indicators.twins import N_MAX, N_MIN, value_columns
from layouts.controls import dropdown
from layouts.profile_figures import DOT_COLORS, GLYPHS, INK, SPINE_COLOR

BUTTON = "profile-button"
HINT = "profile-hint"
MODAL = "profile-modal"
TITLE = "profile-title"
NOTE = "profile-note"
AREAS = "profile-areas"
LOCATOR = "profile-locator"
LEGEND = "profile-legend"
CONTENT = "profile-content"
STATE = "profile-state"
PRINT = "profile-print"
PRINT_SINK = "profile-print-sink"
CLOSE = "profile-close"
TWINS_AREA = "profile-twins-area"
TWINS_INDICATORS = "profile-twins-indicators"
TWINS_N = "profile-twins-n"
TWINS_TABLE = "profile-twins-table"
TWINS_IDS = "profile-twins-ids"
TWINS_SHOW = "profile-twins-show"

GRAPH_CONFIG = {"displayModeBar": False, "displaylogo": False, "scrollZoom": False}


def profile_button() -> html.Div:
    """"Steckbrief" under the area list; disabled with a hint while nothing is selected."""
    return html.Div(
        [
            dbc.Button(msg.PROFILE_BUTTON, id=BUTTON, n_clicks=0, disabled=True,
                       color="primary", className="profile-button",
                       title=msg.PROFILE_BUTTON_TITLE),
            html.Div(msg.PROFILE_HINT_NONE, id=HINT, className="profile-hint",
                     role="status"),
        ],
        className="control profile-control",
    )


def profile_modal() -> dbc.Modal:
    """The Steckbrief: areas and locator map, legend, one chart per theme, twins."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(msg.PROFILE_BUTTON, id=TITLE)),
            dbc.ModalBody(
                [
                    html.Div(id=NOTE),
                    dbc.Row(
                        [
                            dbc.Col(html.Div(id=AREAS, className="profile-areas"), lg=7),
                            dbc.Col(html.Figure(
                                [dcc.Graph(id=LOCATOR, config=GRAPH_CONFIG,
                                           className="profile-locator",
                                           style={"height": "290px"}),
                                 html.Figcaption(msg.PROFILE_LOCATOR_TITLE)],
                                className="profile-locator-box"), lg=5),
                        ],
                        className="g-3 profile-top",
                    ),
                    html.Div(id=LEGEND, className="profile-legend"),
                    dcc.Loading(html.Div(id=CONTENT, className="profile-content"),
                                type="default", delay_show=300),
                    _twins_section(),
                    dcc.Store(id=STATE),
                    dcc.Store(id=TWINS_IDS),
                    html.Div(id=PRINT_SINK, hidden=True),
                ],
                className="profile-body",
            ),
            dbc.ModalFooter(
                [
                    dbc.Button(msg.PROFILE_PRINT, id=PRINT, n_clicks=0, color="secondary",
                               outline=True, className="profile-print"),
                    dbc.Button(msg.PROFILE_CLOSE, id=CLOSE, n_clicks=0, color="primary"),
                ],
                className="profile-footer",
            ),
        ],
        id=MODAL, is_open=False, size="xl", scrollable=True, class_name="profile-modal",
        dialog_class_name="profile-dialog",
    )


def _twins_section() -> html.Section:
    return html.Section(
        [
            html.H3(msg.TWINS_TITLE, className="profile-theme"),
            html.P(msg.TWINS_INTRO, className="profile-muted"),
            dbc.Row(
                [
                    dbc.Col(_labelled(msg.TWINS_LABEL_AREA, TWINS_AREA, dropdown(
                        id=TWINS_AREA, options=[], value=None, clearable=False)), lg=3),
                    dbc.Col(_labelled(msg.TWINS_LABEL_INDICATORS, TWINS_INDICATORS, dropdown(
                        id=TWINS_INDICATORS, options=[], value=None, multi=True)), lg=7),
                    dbc.Col(_labelled(msg.TWINS_LABEL_N, TWINS_N, dbc.RadioItems(
                        id=TWINS_N, value=N_MAX, inline=True,
                        options=[{"label": str(n), "value": n}
                                 for n in range(N_MIN, N_MAX + 1)])), lg=2),
                ],
                className="g-3 profile-no-print",
            ),
            dcc.Loading(html.Div(id=TWINS_TABLE, className="profile-twins"),
                        type="default", delay_show=300),
            dbc.Button(msg.TWINS_SHOW_ON_MAP, id=TWINS_SHOW, n_clicks=0, disabled=True,
                       color="primary", title=msg.TWINS_SHOW_ON_MAP_TITLE,
                       className="profile-twins-show profile-no-print"),
        ],
        className="profile-twins-section",
    )


def _labelled(label: str, html_for: str, component) -> html.Div:
    return html.Div([dbc.Label(label, html_for=html_for), component], className="control")


# --- pieces filled in by the callbacks ---------------------------------------------
def area_headers(areas: Sequence[dict]) -> list:
    """One header per area: {"name", "meta"} (level and parent); shapes when several."""
    many = len(areas) > 1
    return [
        html.Div(
            [
                html.H2([html.Span(GLYPHS[i % len(GLYPHS)] + " ", className="profile-glyph")
                         if many else None, area["name"]], className="profile-area-name"),
                html.Div(area["meta"], className="profile-area-meta"),
            ],
            className="profile-area",
        )
        for i, area in enumerate(areas)
    ]


def profile_legend(level: str) -> html.Div:
    """The key, once for all charts: spine, city tick, dot colours, Datenschutz."""
    items = [
        _key(html.Span(className="key-spine", style={"background": SPINE_COLOR}),
             msg.PROFILE_LEGEND_SPINE.format(level=level)),
        _key(html.Span(className="key-tick", style={"background": INK}),
             msg.PROFILE_LEGEND_CITY),
    ]
    items += [
        _key(html.Span(className="key-dot", style={"background": DOT_COLORS[word]}), label)
        for word, label in msg.PROFILE_LEGEND_COLORS.items()
    ]
    items.append(_key(html.Span("∅", className="key-none"), msg.PROFILE_LEGEND_SUPPRESSED))
    return html.Div([html.Div(msg.PROFILE_LEGEND_TITLE, className="profile-legend-title"),
                     html.Ul(items, className="profile-legend-list")])


def _key(symbol, label: str) -> html.Li:
    return html.Li([symbol, html.Span(label)])


def theme_sections(figures: Sequence[tuple[str, object]]) -> list:
    """One heading and chart per theme."""
    return [
        html.Section(
            [html.H3(theme, className="profile-theme"),
             dcc.Graph(figure=figure, config=GRAPH_CONFIG, className="profile-chart",
                       style={"height": f"{figure.layout.height}px"})],
            className="profile-theme-section",
        )
        for theme, figure in figures
    ]


def error_alert(message: str) -> dbc.Alert:
    return dbc.Alert(message, color="warning", className="profile-error")


def note(message: str) -> dbc.Alert:
    return dbc.Alert(message, color="info", className="profile-note")


def twins_table(twins: pd.DataFrame, indicators: Sequence[tuple[str, str]],
                own_name: str, caption: str = "") -> dbc.Table:
    """The twins (``statistical_twins``) with their values next to the area's own.

    ``indicators``: (indicator_id, column title) in the chosen order. The first body
    row is the area itself, then one row per twin, nearest first.
    """
    k = len(indicators)
    head = html.Thead(html.Tr(
        [html.Th(msg.TWINS_COL_RANK), html.Th(msg.TWINS_COL_AREA),
         html.Th(msg.TWINS_COL_SIMILARITY)]
        + [html.Th(title, className="num") for _, title in indicators]))
    own = html.Tr(
        [html.Td("–"), html.Td(html.B(msg.TWINS_OWN_ROW.format(name=own_name))), html.Td("")]
        + [html.Td(twins[value_columns(key)[3]].iloc[0] if len(twins) else "", className="num")
           for key, _ in indicators],
        className="twins-own")
    body = [own]
    for row in twins.to_dict("records"):
        similarity = row["similarity"]
        if int(row["n_common"]) < k:
            similarity = msg.TWINS_PARTIAL.format(similarity=similarity, m=row["n_common"], k=k)
        body.append(html.Tr(
            [html.Td(str(row["rank"])), html.Td(row["name"]), html.Td(similarity)]
            + [html.Td(row[value_columns(key)[1]], className="num") for key, _ in indicators],
            **{"data-district": row["district_id"]}))
    parts = [html.Caption(caption)] if caption else []
    return dbc.Table([*parts, head, html.Tbody(body)], bordered=False, hover=True,
                     striped=True, responsive=True, className="twins-table")
