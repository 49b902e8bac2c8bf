"""The explorer page: controls on the left, map and legend in the middle, facts below."""

from __future__ import annotations

from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
from dash import dcc, html

from indicators import texts
from indicators.classification import K_MAX, K_MIN, method_labels
from indicators.formatting import german_date
from indicators.map_modes import MODE_LABELS
from layouts import ids
from layouts.compare import compare_panel
from layouts.controls import dropdown, labelled, year_marks
from layouts.data_load import data_load_button
from layouts.need_supply import need_supply_panel
from layouts.offers import offer_controls, offer_table
from layouts.profile import profile_button, profile_modal

PLAY_INTERVAL_MS = 1600


@dataclass(frozen=True)
class ExplorerOptions:
    """What the controls offer when the page opens (prepared by the caller)."""

    atlas_name: str
    is_demo: bool
    data_date: str
    themes: list[str]
    indicators: list[dict]
    years: list[int]
    levels: list[str]
    state: dict  # control values by URL parameter name (see callbacks/url_state.py)
    districts: list[dict] = field(default_factory=list)  # areas of the chosen level
    offer_choices: dict = field(default_factory=dict)  # geodata.offers.filter_options
    show_contact: bool = False
    url_keys: dict | None = None


def explorer_layout(options: ExplorerOptions, data_load_panel=None) -> html.Div:
    """The page; ``data_load_panel`` is the "Daten laden" side panel (opened from the header)."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            _header(options),
            data_load_panel,
            profile_modal(),
            dbc.Container(
                dbc.Row(
                    [
                        dbc.Col(_controls(options), lg=3, className="controls-column"),
                        dbc.Col(_map_panel(options), lg=9),
                    ],
                    className="g-3",
                ),
                fluid=True,
                className="page-body",
            ),
            dcc.Store(id=ids.MAP_GEOMETRY_LEVEL, data=None),
            dcc.Store(id=ids.MAP_LABELS, data=None),
            html.Div(id=ids.MAP_LABEL_STATE, hidden=True),
            dcc.Store(id=ids.URL_STATE_SINK, data=options.url_keys),
            dcc.Interval(id=ids.PLAY_TIMER, interval=PLAY_INTERVAL_MS, disabled=True),
        ],
        className="explorer-page",
    )


def _header(options: ExplorerOptions) -> html.Header:
    badge = (
        dbc.Badge(texts.DEMO_BADGE, color="warning", className="demo-badge",
                  title=texts.DEMO_BADGE_TITLE, id="demo-badge")
        if options.is_demo else None
    )
    return html.Header(
        [
            html.Div([html.Span(texts.APP_TITLE, className="brand"),
                      html.Span(texts.APP_SUBTITLE, className="brand-sub")],
                     className="brand-block"),
            html.Div([html.H1(options.atlas_name, className="atlas-name", id="atlas-name"),
                      badge], className="atlas-block"),
            html.Div(f"{texts.DATA_DATE}: {german_date(options.data_date)}"
                     if options.data_date else "",
                     className="data-date"),
            data_load_button(),
        ],
        className="app-header",
    )


def _controls(options: ExplorerOptions) -> html.Div:
    theme_options = [{"label": texts.ALL_THEMES, "value": ""}] + [
        {"label": theme, "value": theme} for theme in options.themes
    ]
    return html.Div(
        [
            labelled(texts.LABEL_THEME, ids.THEME, dropdown(
                id=ids.THEME, options=theme_options, value="", clearable=False,
                searchable=False)),
            labelled(texts.LABEL_INDICATOR, ids.INDICATOR, dropdown(
                id=ids.INDICATOR, options=options.indicators, value=options.state["indikator"],
                clearable=False, optionHeight=56)),
            _year_control(options),
            labelled(texts.LABEL_LEVEL, ids.LEVEL, dbc.RadioItems(
                id=ids.LEVEL, options=[{"label": lv, "value": lv} for lv in options.levels],
                value=options.state["ebene"], inline=True)),
            labelled(texts.LABEL_DISTRICT_SELECT, ids.DISTRICT_SELECT, dropdown(
                id=ids.DISTRICT_SELECT, options=options.districts, multi=True,
                value=options.state["auswahl"], placeholder=texts.HINT_DISTRICT_SELECT)),
            profile_button(),
            html.Hr(),
            labelled(texts.LABEL_MODE, ids.MODE, dbc.RadioItems(
                id=ids.MODE, value=options.state["darstellung"],
                options=[{"label": label, "value": mode} for mode, label in MODE_LABELS.items()])),
            html.Div(labelled(texts.LABEL_COMPARE_YEAR, ids.COMPARE_YEAR, dropdown(
                id=ids.COMPARE_YEAR, options=[{"label": str(y), "value": y}
                                              for y in options.years],
                value=options.state["vergleichsjahr"], clearable=False, searchable=False)),
                id=ids.COMPARE_YEAR_BOX, style=_shown(options.state["darstellung"] == "change")),
            html.Hr(),
            labelled(texts.LABEL_CLASSIFICATION, ids.CLASSIFICATION, dropdown(
                id=ids.CLASSIFICATION, value=options.state["klassen"], clearable=False,
                searchable=False,
                options=[{"label": label, "value": key}
                         for key, label in method_labels().items()])),
            html.Div(labelled(texts.LABEL_CUSTOM_BREAKS, ids.CUSTOM_BREAKS, dbc.Input(
                id=ids.CUSTOM_BREAKS, type="text", placeholder=texts.HINT_CUSTOM_BREAKS,
                value=options.state["grenzen"], debounce=True)), id=ids.CUSTOM_BREAKS_BOX,
                style=_shown(options.state["klassen"] == "user_defined")),
            labelled(texts.LABEL_CLASS_COUNT, ids.CLASS_COUNT, dcc.Slider(
                id=ids.CLASS_COUNT, min=K_MIN, max=K_MAX, step=1, value=options.state["anzahl"],
                marks={k: str(k) for k in range(K_MIN, K_MAX + 1)})),
            dbc.Checklist(id=ids.FIXED_BREAKS, switch=True, value=options.state["fest"],
                          options=[{"label": texts.LABEL_FIXED_BREAKS, "value": "fixed"}]),
            dbc.Checklist(id=ids.SHOW_NAMES, switch=True, value=options.state["namen"],
                          options=[{"label": texts.LABEL_SHOW_NAMES, "value": "names"}]),
            dbc.Checklist(id=ids.MARK_UNSTABLE, switch=True, value=options.state["unsicher"],
                          options=[{"label": texts.LABEL_MARK_UNSTABLE, "value": "mark"}]),
            html.Div(id=ids.CONTROL_MESSAGE, className="control-message", role="status"),
            html.Hr(),
            offer_controls(options.offer_choices),
        ],
        className="controls",
    )


def _shown(visible: bool) -> dict:
    return {"display": "block" if visible else "none"}


def _year_control(options: ExplorerOptions) -> html.Div:
    return html.Div(
        [
            dbc.Label(texts.LABEL_YEAR, html_for=ids.YEAR),
            html.Div(
                [
                    html.Button("▶", id=ids.PLAY, n_clicks=0, title=texts.LABEL_PLAY,
                                className="btn btn-outline-primary play-button",
                                **{"aria-label": texts.LABEL_PLAY}),
                    html.Div(dcc.Slider(id=ids.YEAR, min=options.years[0],
                                        max=options.years[-1], step=None,
                                        value=options.state["jahr"],
                                        marks=year_marks(options.years),
                                        included=False), className="year-slider"),
                ],
                className="year-row",
            ),
        ],
        className="control",
    )


def _map_panel(options: ExplorerOptions) -> html.Div:
    return html.Div(
        [
            html.Div(
                [html.H2(id=ids.MAP_TITLE, className="map-title"),
                 html.Div([html.Button(texts.EXPORT_EXCEL, id=ids.EXPORT_EXCEL, n_clicks=0,
                                       className="btn btn-outline-secondary btn-sm"),
                           html.Button(texts.EXPORT_CSV, id=ids.EXPORT_CSV, n_clicks=0,
                                       className="btn btn-outline-secondary btn-sm"),
                           dcc.Download(id=ids.DOWNLOAD)], className="export-buttons")],
                className="map-title-row",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Graph(
                            id=ids.MAP, className="map-graph",
                            config={"displaylogo": False, "scrollZoom": True,
                                    "modeBarButtonsToRemove": ["toImage"]},
                        ),
                        lg=9,
                    ),
                    dbc.Col([html.Div(id=ids.LEGEND, className="legend"),
                             html.Div(id=ids.OFFER_LEGEND, className="legend offer-legend")],
                            lg=3),
                ],
                className="g-2",
            ),
            html.Div(id=ids.INDICATOR_INFO, className="indicator-info"),
            html.Div(
                [html.Button(texts.ROBUSTNESS_TITLE, id=ids.ROBUSTNESS_TOGGLE, n_clicks=0,
                             className="btn btn-link robustness-toggle"),
                 dbc.Collapse(html.Div(id=ids.ROBUSTNESS, className="robustness"),
                              id=ids.ROBUSTNESS_BOX, is_open=False)],
                className="robustness-box",
            ),
            compare_panel(),
            need_supply_panel(),
            offer_table(options.show_contact),
        ],
        className="map-panel",
    )
