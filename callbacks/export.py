"""Downloads of the table behind the current map (Excel for reports, CSV for further work)."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from callbacks.atlas_service import AtlasService
from indicators import AtlasError, texts
from indicators.export import csv_text, excel_bytes, map_table
from layouts import ids


def download_of(service: AtlasService, kind: str, indicator_id: str, year: int,
                level: str) -> dict:
    """The file for dcc.Download; internal indicators only where the app may show them."""
    indicator = service.indicator(indicator_id)
    table = map_table(service.atlas, indicator_id, int(year), level)
    name = texts.EXPORT_FILENAME.format(indicator=indicator_id, year=year, level=level)
    if kind == "csv":
        return dcc.send_string(csv_text(table), f"{name}.csv")
    title = f"{indicator.name} · {year} · {level} · {service.atlas.name}"
    if service.atlas.is_demo:
        title = f"{title} · {texts.DEMO_EXPORT_NOTE}"
    return dcc.send_bytes(excel_bytes(table, title, indicator.source), f"{name}.xlsx")


def register(app: Dash, service: AtlasService) -> None:
    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.EXPORT_EXCEL, "n_clicks"), Input(ids.EXPORT_CSV, "n_clicks"),
        State(ids.INDICATOR, "value"), State(ids.YEAR, "value"), State(ids.LEVEL, "value"),
        prevent_initial_call=True,
    )
    def _download(_excel: int, _csv: int, indicator_id: str, year: int, level: str):
        kind = "csv" if ctx.triggered_id == ids.EXPORT_CSV else "xlsx"
        try:
            return download_of(service, kind, indicator_id, year, level)
        except AtlasError:
            return no_update
