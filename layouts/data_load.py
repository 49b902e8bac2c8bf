"""The "Daten laden" panel: import own data and the catalogue template, from the header.

Components only; the callbacks live in callbacks/data_load.py. The panel is an
Offcanvas over the explorer (not a page of its own: the explorer's state is
in its URL). The stores, the timer and the download sit outside the Offcanvas
so that they keep running while it is closed.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from indicators.formatting import format_count
from indicators.texts import data_load as texts

DATA_LOAD_OPEN = "data-load-open"
DATA_LOAD_PANEL = "data-load-panel"
DATA_LOAD_UPLOAD = "data-load-upload"
DATA_LOAD_UPLOAD_MESSAGE = "data-load-upload-message"
DATA_LOAD_JOB = "data-load-job"
DATA_LOAD_TIMER = "data-load-timer"
DATA_LOAD_PROGRESS = "data-load-progress"
DATA_LOAD_PROGRESS_MESSAGE = "data-load-progress-message"
DATA_LOAD_RESULT = "data-load-result"
DATA_LOAD_SHOW_NEW = "data-load-show-new"
DATA_LOAD_RELOADED = "data-load-reloaded"
DATA_LOAD_TEMPLATE_BUTTON = "data-load-template-button"
DATA_LOAD_TEMPLATE_DOWNLOAD = "data-load-template-download"
DATA_LOAD_TEMPLATE_MESSAGE = "data-load-template-message"
DATA_LOAD_CATALOGUE_UPLOAD = "data-load-catalogue-upload"
DATA_LOAD_CATALOGUE_RESULT = "data-load-catalogue-result"

POLL_MS = 500
#: Checked again on the server (callbacks/data_load_jobs.UploadLimits).
MAX_UPLOAD_BYTES = 200_000_000


def data_load_button() -> dbc.Button:
    """The header button that opens the panel."""
    return dbc.Button(texts.OPEN_BUTTON, id=DATA_LOAD_OPEN, n_clicks=0, color="light",
                      outline=True, className="data-load-open")


def data_load_panel(enabled: bool, data_dir: str = "") -> html.Div:
    """The panel; without ``enabled`` it only explains why loading data is not possible here."""
    body = _enabled_body(data_dir) if enabled else _disabled_body()
    hidden = [
        dcc.Store(id=DATA_LOAD_JOB, data=None),
        dcc.Store(id=DATA_LOAD_RELOADED, data=None),
        dcc.Interval(id=DATA_LOAD_TIMER, interval=POLL_MS, disabled=True),
        dcc.Download(id=DATA_LOAD_TEMPLATE_DOWNLOAD),
    ] if enabled else []
    return html.Div([
        dbc.Offcanvas(body, id=DATA_LOAD_PANEL, title=texts.PANEL_TITLE, placement="end",
                      is_open=False, scrollable=True, className="data-load-panel"),
        *hidden,
    ])


def _disabled_body() -> html.Div:
    return html.Div([html.P(texts.DISABLED), html.P(texts.DISABLED_HOW)],
                    className="data-load-disabled")


def _enabled_body(data_dir: str) -> html.Div:
    return html.Div([
        html.H3(texts.IMPORT_TITLE, className="data-load-heading"),
        html.P(texts.IMPORT_INTRO),
        _upload(DATA_LOAD_UPLOAD, texts.UPLOAD_PROMPT, multiple=True),
        html.P(texts.TARGET_NOTE.format(folder=data_dir), className="data-load-note")
        if data_dir else None,
        html.Div(id=DATA_LOAD_UPLOAD_MESSAGE, role="alert"),
        dbc.Progress(id=DATA_LOAD_PROGRESS, value=0, label="", striped=True,
                     className="data-load-progress", style={"display": "none"}),
        html.Div(id=DATA_LOAD_PROGRESS_MESSAGE, className="data-load-progress-message",
                 role="status"),
        dbc.Button(texts.SHOW_NEW_ATLAS, id=DATA_LOAD_SHOW_NEW, n_clicks=0, color="primary",
                   size="lg", className="data-load-show-new", style={"display": "none"}),
        html.Div(id=DATA_LOAD_RESULT),
        html.Hr(),
        html.H3(texts.CATALOGUE_TITLE, className="data-load-heading"),
        html.P(texts.CATALOGUE_INTRO),
        dbc.Button(texts.CATALOGUE_DOWNLOAD, id=DATA_LOAD_TEMPLATE_BUTTON, n_clicks=0,
                   color="secondary", className="data-load-template-button"),
        html.Div(id=DATA_LOAD_TEMPLATE_MESSAGE, role="alert"),
        _upload(DATA_LOAD_CATALOGUE_UPLOAD, texts.CATALOGUE_UPLOAD_PROMPT, multiple=False,
                accept=".xlsx"),
        html.Div(id=DATA_LOAD_CATALOGUE_RESULT),
    ], className="data-load-body")


def _upload(component_id: str, prompt: str, multiple: bool, accept: str | None = None):
    return dcc.Upload(html.Div(prompt), id=component_id, multiple=multiple, accept=accept,
                      max_size=MAX_UPLOAD_BYTES, className="data-load-upload",
                      className_active="data-load-upload-active")


# --- results ---------------------------------------------------------------------------
def report_table(rows: list[dict]) -> dbc.Table:
    """The validation report: Schwere, Datei, Zeile, Spalte, Meldung, Hinweis."""
    columns = texts.REPORT_COLUMNS
    head = html.Thead(html.Tr([html.Th(label) for label in columns.values()]))
    body = html.Tbody([
        html.Tr([html.Td(str(row[key])) for key in columns],
                className=f"data-load-row-{row['severity'].lower()}")
        for row in rows
    ])
    return dbc.Table([head, body], bordered=True, striped=True, size="sm",
                     className="data-load-report")


def message(text: str, color: str = "danger") -> dbc.Alert:
    return dbc.Alert(text, color=color, className="data-load-alert")


def failure_view(rows: list[dict]) -> html.Div:
    """Why the import stopped, and the assurance that nothing changed."""
    return html.Div([
        html.H4(texts.FAILED_TITLE, className="data-load-failed-title"),
        message(texts.FAILED_UNCHANGED, "warning"),
        report_table(rows),
    ], className="data-load-failure")


def success_view(summary: dict) -> html.Div:
    """Areas per level, indicators, years, and the warnings/notes of a finished import."""
    years = summary["years"]
    facts = [
        (texts.SUMMARY_LEVELS, ", ".join(texts.SUMMARY_LEVEL.format(
            level=level, count=format_count(count)) for level, count in summary["levels"])),
        (texts.SUMMARY_INDICATORS, format_count(summary["indicators"])),
        (texts.SUMMARY_YEARS, "–".join(dict.fromkeys(str(y) for y in years))),
        (texts.SUMMARY_OFFERS, format_count(summary["offers"])),
        (texts.SUMMARY_VALUES, format_count(summary["values"])),
    ]
    lines = [texts.SUCCESS_LINE.format(name=summary["name"], version=summary["version"],
                                       path=summary["path"])]
    if summary["backup"]:
        lines.append(texts.BACKUP_LINE.format(path=summary["backup"]))
    return html.Div([
        html.H4(texts.SUCCESS_TITLE, className="data-load-success-title"),
        *(html.P(line) for line in lines),
        html.Dl([part for label, value in facts for part in (html.Dt(label), html.Dd(value))],
                className="data-load-facts"),
        report_table(summary["problems"]) if summary["problems"] else html.P(texts.NO_PROBLEMS),
    ], className="data-load-success")


def catalogue_view(result: dict) -> html.Div:
    """The outcome of checking an uploaded catalogue template, and how it is used."""
    headline = (texts.CATALOGUE_OK.format(name=result["name"], count=result["count"])
                if result["ok"] else texts.CATALOGUE_FAILED.format(name=result["name"]))
    return html.Div([
        message(headline, "success" if result["ok"] else "danger"),
        report_table(result["problems"]) if result["problems"] else None,
        html.P(texts.CATALOGUE_HOW_TO_USE.format(name=result["name"])) if result["ok"] else None,
    ], className="data-load-catalogue-result")
