"""'Daten laden' without a browser: safe uploads, the import job, report rows, the panel."""

from __future__ import annotations

import io
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest
from dash import Dash
from openpyxl import load_workbook

from callbacks import data_load_jobs as jobs
from callbacks.data_load import (
    catalogue_template_bytes,
    check_catalogue_upload,
    file_slug,
    job_view,
    register,
)
from geodata.importer import ImportFailed, ValidationReport
from layouts import data_load as ui
from tests.import_corpus.builders import POPULATION_CSV, build_city

SMALL = jobs.UploadLimits(max_bytes=200_000, max_files=20)


def city_files(folder: Path, population_csv: str = POPULATION_CSV) -> dict[str, bytes]:
    """The hand-made test city as an upload: {relative name: bytes}, recipe included."""
    build_city(folder)
    (folder / "bevoelkerung.csv").write_bytes(population_csv.encode("cp1252"))
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def city_zip(folder: Path, population_csv: str = POPULATION_CSV, inner: str = "") -> bytes:
    return zip_bytes({inner + name: data
                      for name, data in city_files(folder, population_csv).items()})


BROKEN_CSV = POPULATION_CSV.replace("001;Südstadt – Nord;2022;1.200", "001;Südstadt – Nord;2022;"
                                    "zwölfhundert")


def messages(failure: pytest.ExceptionInfo) -> str:
    return " ".join(p.message for p in failure.value.report.problems)


def wait(board: jobs.JobBoard, job_id: str, timeout: float = 60) -> jobs.Job:
    deadline = time.monotonic() + timeout
    while (job := board.get(job_id)).status == jobs.RUNNING:
        assert time.monotonic() < deadline, "import did not finish"
        time.sleep(0.05)
    return job


# --- names, sizes, zips -------------------------------------------------------------
@pytest.mark.parametrize(("name", "bare"), [
    ("bevoelkerung.csv", "bevoelkerung.csv"), ("daten/2023/sgb2.csv", "sgb2.csv"),
    ("C:\\Users\\plan\\rezept.toml", "rezept.toml"), ("./kitas.csv", "kitas.csv"),
])
def test_safe_name_keeps_only_the_bare_name(name, bare):
    assert jobs.safe_name(name) == bare


@pytest.mark.parametrize("name", ["../rezept.toml", "a/../../etc/passwd", "..", "",
                                  "C:evil.csv", ".bashrc", "a\x00b.csv"])
def test_safe_name_refuses_traversal_and_odd_names(name):
    with pytest.raises(ImportFailed, match="nicht erlaubt"):
        jobs.safe_name(name)


@pytest.mark.parametrize("member", ["../evil.txt", "ok/../../evil.txt", "/tmp/evil.txt"])
def test_zip_slip_members_are_refused_and_nothing_lands_outside(tmp_path, member):
    folder = tmp_path / "upload"
    data = zip_bytes({"rezept.toml": b"[atlas]\n", member: b"boom"})
    with pytest.raises(ImportFailed) as failure:
        jobs.save_uploads({"paket.zip": data}, folder, SMALL)
    assert "nicht erlaubt" in messages(failure)
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


def test_oversize_upload_is_refused_before_writing(tmp_path):
    with pytest.raises(ImportFailed) as failure:
        jobs.save_uploads({"gross.csv": b"x" * 300_000}, tmp_path / "u", SMALL)
    assert "zusammen 0,3 MB groß; erlaubt sind 0,2 MB" in messages(failure)
    assert not (tmp_path / "u").exists()


def test_zip_bomb_is_stopped_by_the_unpacked_size(tmp_path):
    data = zip_bytes({"rezept.toml": b"", "nullen.csv": b"0" * 1_000_000})
    assert len(data) < SMALL.max_bytes
    with pytest.raises(ImportFailed, match="MB groß"):
        jobs.save_uploads({"paket.zip": data}, tmp_path / "u", SMALL)


def test_recipe_is_found_in_a_zip_subfolder_and_relative_paths_survive(tmp_path):
    data = city_zip(tmp_path / "src", inner="teststadt/")
    recipe = jobs.save_uploads({"teststadt.zip": data}, tmp_path / "u", jobs.UploadLimits())
    assert recipe == tmp_path / "u" / "teststadt" / "recipe.toml"
    assert (recipe.parent / "stadtteile.zip").is_file()


def test_single_files_keep_source_zips_packed(tmp_path):
    recipe = jobs.save_uploads(city_files(tmp_path / "src"), tmp_path / "u", jobs.UploadLimits())
    assert recipe.name == "recipe.toml"
    assert not (tmp_path / "u" / "grenzen").exists()  # stadtteile.zip stays a source file


def test_missing_duplicate_and_second_recipe(tmp_path):
    with pytest.raises(ImportFailed, match="kein Import-Rezept"):
        jobs.save_uploads({"a.csv": b"1"}, tmp_path / "a", SMALL)
    with pytest.raises(ImportFailed, match="Mehrere Import-Rezepte"):
        jobs.save_uploads({"x/a.toml": b"", "b.toml": b""}, tmp_path / "b", SMALL)
    with pytest.raises(ImportFailed, match="zweimal"):
        jobs.save_uploads({"x/a.csv": b"1", "y/A.csv": b"2"}, tmp_path / "c", SMALL)


def test_bad_zip_and_bad_base64_are_named(tmp_path):
    with pytest.raises(ImportFailed, match=r"„kaputt\.zip“ ist beschädigt"):
        jobs.save_uploads({"kaputt.zip": b"no zip"}, tmp_path / "u", SMALL)
    with pytest.raises(ImportFailed, match=r"„a\.csv“ konnte nicht gelesen"):
        jobs.decode_contents("a.csv", "data:text/csv;base64,@@@")
    assert jobs.decode_contents("a.csv", "data:text/csv;base64,MTIz") == b"123"


@pytest.mark.parametrize(("address", "local"), [
    ("127.0.0.1", True), ("127.0.1.1", True), ("::1", True), ("::ffff:127.0.0.1", True),
    ("192.168.2.10", False), ("10.0.0.1", False), ("::ffff:10.0.0.1", False), ("", False),
    (None, False), ("localhost", False),
])
def test_only_loopback_counts_as_local(address, local):
    assert jobs.is_loopback(address) is local


@pytest.mark.parametrize(("host", "local"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.2.10", False), ("atlas.stadt.de", False),
])
def test_enabled_only_for_a_local_host(host, local):
    assert jobs.is_local_host(host) is local


def test_remote_upload_is_refused_in_german():
    with pytest.raises(ImportFailed, match=r"Hochladen abgelehnt.*192\.168\.2\.10"):
        jobs.check_local("192.168.2.10")


def test_target_is_in_the_data_folder_and_never_the_demo(tmp_path):
    recipe = build_city(tmp_path / "src")
    assert jobs.target_for(recipe, tmp_path / "data") == (tmp_path / "data" / "atlas.gpkg")
    with pytest.raises(ImportFailed, match="Demo-Atlas"):
        jobs.target_for(recipe, jobs.SHIPPED_DATA)


def test_data_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CHANCENATLAS_DATA_DIR", str(tmp_path))
    assert jobs.default_data_dir() == tmp_path
    monkeypatch.delenv("CHANCENATLAS_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert jobs.default_data_dir() == tmp_path / "xdg" / "chancenatlas"


# --- the job ----------------------------------------------------------------------
def test_upload_import_succeeds_with_summary_and_cleans_up(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    board = jobs.JobBoard()
    job_id = jobs.start_upload_import(board, {"stadt.zip": city_zip(tmp_path / "src")},
                                      tmp_path / "data")
    job = wait(board, job_id)
    assert job.status == jobs.DONE, job.problems
    assert job.fraction == 1.0 and job.message == "Fertig"
    summary = job.summary
    assert summary["levels"] == [("Stadtbezirk", 2), ("Stadtteil", 4)]
    assert summary["years"] == [2022, 2023] and summary["indicators"] == 6
    assert Path(summary["path"]) == tmp_path / "data" / "atlas.gpkg"
    assert Path(summary["path"]).is_file()
    assert any(row["severity"] == "Hinweis" for row in job.problems)
    assert not list(Path(summary["path"]).parent.glob("*.toml"))
    assert list((tmp_path / "tmp").iterdir()) == []  # the upload folder is gone


def test_failed_import_reports_file_and_row_and_leaves_atlas_unchanged(tmp_path):
    board = jobs.JobBoard()
    data_dir = tmp_path / "data"
    first = wait(board, jobs.start_upload_import(
        board, {"stadt.zip": city_zip(tmp_path / "a")}, data_dir))
    before = (data_dir / "atlas.gpkg").read_bytes()
    job = wait(board, jobs.start_upload_import(
        board, {"stadt.zip": city_zip(tmp_path / "b", BROKEN_CSV)}, data_dir))
    assert first.status == jobs.DONE and job.status == jobs.FAILED
    error = job.problems[0]
    assert error["severity"] == "Fehler" and error["file"] == "bevoelkerung.csv"
    assert error["row"] == 2 and error["column"] == "Einwohner"
    assert "zwölfhundert" in error["message"] and error["hint"]
    assert (data_dir / "atlas.gpkg").read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["atlas.gpkg"]


def test_one_job_at_a_time_and_progress_is_visible(tmp_path):
    board, release = jobs.JobBoard(), threading.Event()

    def work(progress):
        progress(0.4, "Tabelle lesen: a.csv")
        release.wait(10)
        return {"problems": []}

    job_id = board.start(work)
    deadline = time.monotonic() + 5
    while board.get(job_id).fraction < 0.4 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (board.get(job_id).fraction, board.get(job_id).message) == (0.4, "Tabelle lesen: a.csv")
    with pytest.raises(ImportFailed, match="läuft bereits"):
        board.start(work)
    release.set()
    assert wait(board, job_id).status == jobs.DONE
    assert wait(board, board.start(lambda progress: {"problems": []})).status == jobs.DONE


def test_unexpected_error_becomes_a_german_report_row(tmp_path):
    board = jobs.JobBoard()
    job = wait(board, board.start(lambda progress: 1 / 0))
    assert job.status == jobs.FAILED
    assert job.problems[0]["message"].startswith("Unerwarteter Fehler beim Import")


def test_report_rows_put_errors_first_and_blank_missing_rows():
    report = ValidationReport()
    report.note("n", file="a.csv")
    report.error("e", "h", file="b.csv", row=7, column="X")
    rows = jobs.report_rows(report)
    assert [r["severity"] for r in rows] == ["Fehler", "Hinweis"]
    assert rows[0] == {"severity": "Fehler", "file": "b.csv", "row": 7, "column": "X",
                       "message": "e", "hint": "h"}
    assert rows[1]["row"] == ""


# --- catalogue template -----------------------------------------------------------
def test_catalogue_template_round_trip_and_errors(demo_atlas, tmp_path):
    catalogue = demo_atlas.catalogue()
    data = catalogue_template_bytes(catalogue)
    known = set(catalogue["indicator_id"])
    result = check_catalogue_upload("katalog.xlsx", data, known)
    assert result["ok"] and result["count"] == len(catalogue) and not result["problems"]

    book = load_workbook(io.BytesIO(data))
    book["Indikatoren"]["J3"] = "schlimm"
    book["Indikatoren"]["A4"] = "neu_im_excel"
    buffer = io.BytesIO()
    book.save(buffer)
    bad = check_catalogue_upload("katalog.xlsx", buffer.getvalue(), known)
    assert not bad["ok"]
    assert any(r["row"] == 3 and r["column"] == "Polarität" and "schlimm" in r["message"]
               for r in bad["problems"])
    with pytest.raises(ImportFailed, match="keine Excel-Datei"):
        check_catalogue_upload("katalog.csv", b"a;b", known)


# --- the panel and its callbacks -----------------------------------------------------
def _ids(component) -> set[str]:
    found = {getattr(component, "id", None)}
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            found |= _ids(child)
    return found - {None}


def test_disabled_panel_explains_and_has_no_upload():
    panel = ui.data_load_panel(False)
    assert ui.DATA_LOAD_UPLOAD not in _ids(panel) and ui.DATA_LOAD_PANEL in _ids(panel)
    assert "eigenen Rechner" in str(panel.to_plotly_json())
    enabled = _ids(ui.data_load_panel(True, "/daten"))
    assert {ui.DATA_LOAD_UPLOAD, ui.DATA_LOAD_TIMER, ui.DATA_LOAD_SHOW_NEW} <= enabled


def test_register_disabled_only_opens_the_panel(demo_atlas):
    app = Dash(__name__)
    register(app, service=None, enabled=False, data_dir=Path("."))
    assert list(app.callback_map) == [f"{ui.DATA_LOAD_PANEL}.is_open"]
    assert "chancenatlas_jobs" not in app.server.extensions


def test_job_view_states():
    assert job_view(None)[-1] is True
    running = job_view(jobs.Job("a", fraction=0.456, message="Atlas schreiben"))
    assert running[:2] == (46, "46 %") and running[3] == "Atlas schreiben" and not running[-1]
    failed = job_view(jobs.Job("a", status=jobs.FAILED, problems=[{
        "severity": "Fehler", "file": "x.csv", "row": 2, "column": "A", "message": "kaputt",
        "hint": "reparieren"}]))
    text = str(failed[4].to_plotly_json())
    assert "x.csv" in text and "unverändert" in text and failed[5] == {"display": "none"}


def test_file_slug():
    assert file_slug("Köln") == "koeln" and file_slug("Musterstadt (Demo)") == "musterstadt-demo"
