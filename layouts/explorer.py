"""The explorer page: controls on the left, map and legend in the middle, facts below."""

from __future__ import annotations

from dataclasses import dataclass, field

import dash_bootstrap_components as dbc
from dash import dcc, html

from indicators import texts
from layouts import ids


@dataclass(frozen=True)
class ExplorerOptions:
    """What the controls offer when the page opens (prepared by the caller)."""

    atlas_name: str
    is_demo: bool
    data_date: str
    themes: list[str]
    indicators: list[dict]
    indicator: str
    years: list[int]
    year: int
    levels: list[str]
    level: str
    licence: str = ""
    extra: dict = field(default_factory=dict)


def explorer_layout(options: ExplorerOptions) -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            _header(options),
            dbc.Container(
                dbc.Row(
                    [
                        dbc.Col(_controls(options), md=3, className="controls-column"),
                        dbc.Col(_map_panel(), md=9),
                    ],
                    className="g-3",
                ),
                fluid=True,
                className="page-body",
            ),
            dcc.Store(id=ids.MAP_GEOMETRY_LEVEL, data=None),
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
            html.Div(
                [
                    html.Span(texts.APP_TITLE, className="brand"),
                    html.Span(texts.APP_SUBTITLE, className="brand-sub"),
                ],
                className="brand-block",
            ),
            html.Div(
                [html.H1(options.atlas_name, className="atlas-name", id="atlas-name"), badge],
                className="atlas-block",
            ),
            html.Div(
                f"{texts.DATA_DATE}: {options.data_date}" if options.data_date else "",
                className="data-date",
            ),
        ],
        className="app-header",
    )


def _dropdown(**props) -> dcc.Dropdown:
    """A dropdown with German labels for search, clearing and 'no results'."""
    return dcc.Dropdown(labels=texts.DROPDOWN_LABELS, **props)


def _labelled(label: str, component, html_for: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=html_for), component], className="control")


def _controls(options: ExplorerOptions) -> html.Div:
    theme_options = [{"label": texts.ALL_THEMES, "value": ""}] + [
        {"label": theme, "value": theme} for theme in options.themes
    ]
    return html.Div(
        [
            _labelled(
                texts.LABEL_THEME,
                _dropdown(id=ids.THEME, options=theme_options, value="", clearable=False,
                             searchable=False),
                ids.THEME,
            ),
            _labelled(
                texts.LABEL_INDICATOR,
                _dropdown(id=ids.INDICATOR, options=options.indicators,
                             value=options.indicator, clearable=False),
                ids.INDICATOR,
            ),
            _labelled(
                texts.LABEL_YEAR,
                _dropdown(id=ids.YEAR, options=[{"label": str(y), "value": y}
                                                   for y in options.years],
                             value=options.year, clearable=False, searchable=False),
                ids.YEAR,
            ),
            _labelled(
                texts.LABEL_LEVEL,
                dbc.RadioItems(id=ids.LEVEL, options=[{"label": lv, "value": lv}
                                                      for lv in options.levels],
                               value=options.level),
                ids.LEVEL,
            ),
        ],
        className="controls",
    )


def _map_panel() -> html.Div:
    return html.Div(
        [
            html.H2(id=ids.MAP_TITLE, className="map-title"),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Graph(
                            id=ids.MAP,
                            className="map-graph",
                            config={"displaylogo": False, "scrollZoom": True,
                                    "modeBarButtonsToRemove": ["toImage"]},
                        ),
                        lg=9,
                    ),
                    dbc.Col(html.Div(id=ids.LEGEND, className="legend"), lg=3),
                ],
                className="g-2",
            ),
            html.Div(id=ids.INDICATOR_INFO, className="indicator-info"),
        ],
        className="map-panel",
    )
