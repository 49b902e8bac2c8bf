"""The card "Bedarf und Versorgung": need × supply map (3×3), its legend, the priority
list and catchments (Umkreise) around offers.

Components only; ``callbacks/need_supply.py`` fills them. Year and level follow the
explorer's controls (``year-select``, ``level-select``); the selection is the explorer's
``district-select``. The dropdowns' options come from a callback (the layout has no data).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from indicators.bivariate import HIGH_NEED_LOW_SUPPLY, BivariateResult
from indicators.formatting import format_count, format_value
from indicators.texts import offers as texts
from layouts.controls import dropdown, labelled

# Ids of the panel (same style as layouts/ids.py; stable for tests and users' scripts).
PANEL = "need-supply-panel"
NEED = "need-select"
SUPPLY = "supply-select"
MAP = "need-supply-map"
LEGEND = "need-supply-legend"
PRIORITY = "priority-list"
RADIUS = "catchment-radius"
CATCHMENT = "catchment-table"
CATCHMENT_TEXT = "catchment-text"
MESSAGE = "need-supply-message"
DRAWN = "need-supply-drawn"  # the level the map's full figure was drawn for
LAYER_STATE = "need-supply-layer-state"  # written by the clientside layer-order callback
PRIORITY_ROW = "priority-row"  # pattern-matching id {"type": PRIORITY_ROW, "index": area}



def need_supply_panel(options=None) -> html.Div:
    """The card; ``options`` (ExplorerOptions) is accepted for symmetry and not needed."""
    del options
    controls = dbc.Row(
        [
            dbc.Col(labelled(texts.NS_LABEL_NEED, NEED, dropdown(
                id=NEED, options=[], clearable=False, optionHeight=56)), md=5),
            dbc.Col(labelled(texts.NS_LABEL_SUPPLY, SUPPLY, dropdown(
                id=SUPPLY, options=[], clearable=False, optionHeight=56)), md=4),
            dbc.Col(labelled(texts.NS_LABEL_RADIUS, RADIUS, dbc.RadioItems(
                id=RADIUS, value=0, inline=True, className="ns-radius",
                options=[{"label": label, "value": metres}
                         for metres, label in texts.NS_RADIUS_OPTIONS])), md=3),
        ],
        className="g-3 ns-controls",
    )
    body = dbc.Row(
        [
            dbc.Col(dcc.Graph(
                id=MAP, className="ns-map", style={"height": "620px"},
                config={"displaylogo": False, "scrollZoom": True,
                        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
                        "toImageButtonOptions": {"format": "png", "scale": 2,
                                                 "filename": "chancenatlas-bedarf-versorgung"}},
            ), lg=8),
            dbc.Col([html.Div(id=LEGEND, className="ns-legend"),
                     html.Div(id=CATCHMENT_TEXT, className="ns-catchment-text")], lg=4),
        ],
        className="g-3",
    )
    lists = dbc.Row(
        [
            dbc.Col([html.H3(texts.PRIORITY_TITLE, className="ns-subtitle"),
                     html.P(texts.NS_PRIORITY_HINT, className="ns-hint"),
                     html.Div(id=PRIORITY, className="ns-priority")], lg=6),
            dbc.Col([html.H3(texts.NS_CATCHMENT_TITLE, className="ns-subtitle"),
                     html.Div(id=CATCHMENT, className="ns-catchment")], lg=6),
        ],
        className="g-4 ns-lists",
    )
    return html.Div(
        dbc.Card(dbc.CardBody([
            html.H2(texts.BIVARIATE_TITLE, className="ns-title"),
            html.P(texts.NS_INTRO, className="ns-hint"),
            controls,
            html.Div(id=MESSAGE, role="status", className="ns-message"),
            body,
            lists,
            dcc.Store(id=DRAWN, data=None),
            html.Div(id=LAYER_STATE, hidden=True),
        ]), className="ns-card"),
        id=PANEL, className="need-supply-panel",
    )


def legend(result: BivariateResult, need_name: str, supply_name: str,
           uncovered: str | None = None, offers: str | None = None) -> list:
    """The 3×3 legend: rows high → low need, columns low → high supply, counts per cell.

    ``uncovered``: legend text of the catchment layer (None = layer off).
    """
    words = texts.NS_LEVEL_WORDS
    cells = [html.Div(className="ns-corner"),
             html.Div(texts.NS_AXIS_SUPPLY, className="ns-axis ns-axis-x")]
    cells += [html.Div(className="ns-corner")] + [
        html.Div(words[s], className="ns-col-word") for s in range(3)]
    for row in result.grid:
        need_level = row[0].need_level
        cells.append(html.Div(words[need_level], className="ns-row-word"))
        for cell in row:
            classes = "ns-cell"
            if cell.code == HIGH_NEED_LOW_SUPPLY:
                classes += " ns-cell-priority"
            if _is_light(cell.color):
                classes += " ns-cell-dark-text"
            cells.append(html.Div(
                format_count(cell.count), className=classes,
                style={"backgroundColor": cell.color},
                title=texts.NS_CELL_TITLE.format(label=cell.label, count=_areas(cell.count)),
                **{"data-code": str(cell.code), "data-count": str(cell.count)}))
    grid = html.Div(
        [html.Div(texts.NS_AXIS_NEED, className="ns-axis ns-axis-y"),
         html.Div(cells, className="ns-grid")],
        className="ns-grid-wrap")
    keys = [
        html.Div([html.Span(className="ns-swatch ns-swatch-priority"),
                  html.Span(texts.NS_HIGHLIGHT)], className="ns-key"),
    ]
    if result.grey_count:
        keys.append(html.Div([html.Span(className="ns-swatch ns-swatch-grey"),
                              html.Span(texts.NS_GREY.format(count=_areas(result.grey_count)))],
                             className="ns-key"))
    if uncovered:
        keys.append(html.Div([html.Span(className="ns-swatch ns-swatch-uncovered"),
                              html.Span(uncovered)], className="ns-key ns-key-uncovered"))
    if offers:
        keys.append(html.Div([html.Span(className="ns-swatch ns-swatch-offer"),
                              html.Span(offers)], className="ns-key"))
    return [
        html.H3(texts.NS_LEGEND_TITLE, className="ns-subtitle"),
        html.Div([html.Div([html.B(f"{texts.AXIS_NEED}: "), need_name]),
                  html.Div([html.B(f"{texts.AXIS_SUPPLY}: "), supply_name])],
                 className="ns-legend-names"),
        grid,
        html.Div(keys, className="ns-keys"),
    ]


def priority_rows(frame, need_name: str, supply_name: str) -> list:
    """The priority list as a table whose names are buttons (click = into the selection)."""
    if frame.empty:
        return [html.P(texts.PRIORITY_EMPTY, className="ns-empty")]
    head = html.Thead(html.Tr([html.Th(texts.NS_PRIORITY_HEAD[0]),
                               html.Th(need_name, className="ns-num"),
                               html.Th(supply_name, className="ns-num")]))
    rows = [
        html.Tr([
            html.Td(html.Button(row.name, id={"type": PRIORITY_ROW, "index": row.district_id},
                                className="ns-area-button", n_clicks=0,
                                title=texts.NS_PRIORITY_ADD.format(name=row.name))),
            html.Td(row.need_text, className="ns-num"),
            html.Td(row.supply_text, className="ns-num"),
        ])
        for row in frame.itertuples()
    ]
    return [html.Table([head, html.Tbody(rows)], className="ns-table")]


def catchment_rows(summary, top: int = 10) -> list:
    """'Anteil der Fläche außerhalb', largest first (top 10), from coverage_summary."""
    if summary is None:
        return [html.P(texts.NS_CATCHMENT_OFF, className="ns-empty")]
    shown = summary[summary["uncovered_share"] > 0].head(top)
    if shown.empty:
        return [html.P(texts.NS_CATCHMENT_ALL_COVERED, className="ns-empty")]
    head = html.Thead(html.Tr([html.Th(texts.NS_CATCHMENT_HEAD[0]),
                               html.Th(texts.NS_CATCHMENT_HEAD[1], className="ns-num")]))
    rows = [html.Tr([html.Td(row.name),
                     html.Td(format_value(row.uncovered_share, "%", 1), className="ns-num")],
                    **{"data-id": row.district_id})
            for row in shown.itertuples()]
    return [html.Table([head, html.Tbody(rows)], className="ns-table ns-catchment-table"),
            html.P(texts.NS_CATCHMENT_TOP.format(count=len(shown), total=len(summary)),
                   className="ns-hint")]


def message(text: str | None, kind: str = "error") -> list:
    return [html.P(text, className=f"ns-{kind}")] if text else []


def _is_light(hex_color: str) -> bool:
    """Dark numbers where they contrast more than white would (WCAG relative luminance;
    the ink #1d2330 has a luminance of about 0.016)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(hex_color[i:i + 2], 16)) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (luminance + 0.05) / (0.016 + 0.05) > 1.05 / (luminance + 0.05)


def _areas(count: int) -> str:
    return texts.NS_CELL_COUNT_ONE if count == 1 else texts.NS_CELL_COUNT.format(
        count=format_count(count))
