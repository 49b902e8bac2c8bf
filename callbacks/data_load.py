"""Callbacks of the "Daten laden" panel: thin, the logic is in callbacks/data_load_jobs.py.

Every action that touches data (upload, template download, showing the new
atlas) checks again that the request comes from this machine, so a server
started on a network address by mistake never accepts data from outside.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pandas as pd
from dash import Dash, Input, Output, State, dcc, no_update
from dash.exceptions import PreventUpdate
from flask import request

from callbacks import data_load_jobs as jobs
from callbacks.atlas_service import AtlasService
from geodata.importer import (
    ImportFailed,
    ValidationReport,
    read_catalogue_template,
    write_catalogue_template,
)
from indicators import AtlasError
from indicators.texts import data_load as texts
from layouts import data_load as ui

RELOAD_PAGE_JS = """(reloaded) => {
    if (reloaded) { window.location.assign(window.location.pathname); }
}"""


def register(app: Dash, service: AtlasService, enabled: bool, data_dir: Path) -> None:
    """Open/close always; upload, progress and download only when ``enabled`` (local app)."""

    @app.callback(Output(ui.DATA_LOAD_PANEL, "is_open"), Input(ui.DATA_LOAD_OPEN, "n_clicks"),
                  State(ui.DATA_LOAD_PANEL, "is_open"), prevent_initial_call=True)
    def toggle_panel(clicks: int, is_open: bool) -> bool:
        return not is_open

    if not enabled:
        return
    board = jobs.jobs_of(app.server)

    @app.callback(Output(ui.DATA_LOAD_JOB, "data"), Output(ui.DATA_LOAD_UPLOAD_MESSAGE, "children"),
                  Output(ui.DATA_LOAD_UPLOAD, "contents"),
                  Input(ui.DATA_LOAD_UPLOAD, "contents"), State(ui.DATA_LOAD_UPLOAD, "filename"),
                  prevent_initial_call=True)
    def upload(contents: list[str] | None, names: list[str] | None):
        if not contents:
            raise PreventUpdate
        try:
            jobs.check_local(request.remote_addr)
            files = {name: jobs.decode_contents(name, data)
                     for name, data in zip(names or [], contents, strict=True)}
            job_id = jobs.start_upload_import(board, files, data_dir)
        except ImportFailed as failure:
            return None, ui.failure_view(jobs.report_rows(failure.report)), None
        return job_id, None, None

    @app.callback(Output(ui.DATA_LOAD_PROGRESS, "value"), Output(ui.DATA_LOAD_PROGRESS, "label"),
                  Output(ui.DATA_LOAD_PROGRESS, "style"),
                  Output(ui.DATA_LOAD_PROGRESS_MESSAGE, "children"),
                  Output(ui.DATA_LOAD_RESULT, "children"), Output(ui.DATA_LOAD_SHOW_NEW, "style"),
                  Output(ui.DATA_LOAD_TIMER, "disabled"),
                  Input(ui.DATA_LOAD_JOB, "data"), Input(ui.DATA_LOAD_TIMER, "n_intervals"),
                  prevent_initial_call=True)
    def poll(job_id: str | None, _ticks: int | None):
        return job_view(board.get(job_id))

    @app.callback(Output(ui.DATA_LOAD_RELOADED, "data"),
                  Output(ui.DATA_LOAD_UPLOAD_MESSAGE, "children", allow_duplicate=True),
                  Input(ui.DATA_LOAD_SHOW_NEW, "n_clicks"), State(ui.DATA_LOAD_JOB, "data"),
                  prevent_initial_call=True)
    def show_new_atlas(clicks: int, job_id: str | None):
        job = board.get(job_id)
        if not clicks or job is None or job.summary is None:
            raise PreventUpdate
        try:
            jobs.check_local(request.remote_addr)
            atlas = service.reload(job.summary["path"])
        except ImportFailed as failure:
            return no_update, ui.failure_view(jobs.report_rows(failure.report))
        except AtlasError as error:
            return no_update, ui.message(texts.RELOAD_FAILED.format(detail=error))
        return atlas.cache_key, no_update

    app.clientside_callback(RELOAD_PAGE_JS, Input(ui.DATA_LOAD_RELOADED, "data"),
                            prevent_initial_call=True)

    @app.callback(Output(ui.DATA_LOAD_TEMPLATE_DOWNLOAD, "data"),
                  Output(ui.DATA_LOAD_TEMPLATE_MESSAGE, "children"),
                  Input(ui.DATA_LOAD_TEMPLATE_BUTTON, "n_clicks"), prevent_initial_call=True)
    def download_template(clicks: int):
        try:
            jobs.check_local(request.remote_addr)
        except ImportFailed as failure:
            return no_update, ui.failure_view(jobs.report_rows(failure.report))
        atlas = service.atlas
        data = catalogue_template_bytes(atlas.catalogue())
        return dcc.send_bytes(data, texts.CATALOGUE_FILE.format(name=file_slug(atlas.name))), None

    @app.callback(Output(ui.DATA_LOAD_CATALOGUE_RESULT, "children"),
                  Output(ui.DATA_LOAD_CATALOGUE_UPLOAD, "contents"),
                  Input(ui.DATA_LOAD_CATALOGUE_UPLOAD, "contents"),
                  State(ui.DATA_LOAD_CATALOGUE_UPLOAD, "filename"), prevent_initial_call=True)
    def check_catalogue(contents: str | None, name: str | None):
        if not contents:
            raise PreventUpdate
        try:
            jobs.check_local(request.remote_addr)
            data = jobs.decode_contents(name or "", contents)
            known = set(service.atlas.catalogue()["indicator_id"])
            result = check_catalogue_upload(name or "", data, known)
        except ImportFailed as failure:
            return ui.report_table(jobs.report_rows(failure.report)), None
        return ui.catalogue_view(result), None


def job_view(job: jobs.Job | None) -> tuple:
    """Progress bar, message, result and button for the current state of a job."""
    hidden, shown = {"display": "none"}, {}
    if job is None:
        return 0, "", hidden, "", None, {"display": "none"}, True
    percent = round(job.fraction * 100)
    label = texts.PROGRESS_LABEL.format(percent=percent)
    if job.status == jobs.RUNNING:
        return percent, label, shown, job.message, None, {"display": "none"}, False
    if job.status == jobs.FAILED:
        return percent, label, hidden, "", ui.failure_view(job.problems), {"display": "none"}, True
    return 100, label, shown, job.message, ui.success_view({**job.summary,
                                                            "problems": job.problems}), {}, True


def file_slug(name: str) -> str:
    """'Köln' -> 'koeln': a file name that survives every e-mail program."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.lower().replace(umlaut, plain)
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "atlas"


# --- catalogue template ------------------------------------------------------------------
def catalogue_template_bytes(catalogue: pd.DataFrame) -> bytes:
    """The Excel template pre-filled with ``catalogue``."""
    with tempfile.TemporaryDirectory(prefix="chancenatlas-katalog-") as tmp:
        path = write_catalogue_template(Path(tmp) / "katalog.xlsx", catalogue)
        return path.read_bytes()


def check_catalogue_upload(name: str, data: bytes, known_ids: set[str]) -> dict:
    """Validate a filled-in template; ids unknown to the served atlas are a note."""
    bare = jobs.safe_name(name)
    if not bare.lower().endswith(".xlsx"):
        raise jobs.refuse(texts.CATALOGUE_NOT_XLSX.format(name=bare),
                          texts.CATALOGUE_NOT_XLSX_HINT, file=bare)
    report = ValidationReport()
    with tempfile.TemporaryDirectory(prefix="chancenatlas-katalog-") as tmp:
        path = Path(tmp) / bare
        path.write_bytes(data)
        frame = read_catalogue_template(path, report)
    if frame is not None:
        unknown = sorted(set(frame["indicator_id"]) - known_ids)
        if unknown:
            report.note(texts.CATALOGUE_UNKNOWN_IDS.format(ids=", ".join(unknown)),
                        texts.CATALOGUE_UNKNOWN_IDS_HINT, file=bare)
    return {"name": bare, "ok": frame is not None, "count": 0 if frame is None else len(frame),
            "problems": jobs.report_rows(report)}
