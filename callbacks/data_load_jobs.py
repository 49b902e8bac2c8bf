"""The logic behind "Daten laden", without Dash: safe uploads, one import job, report rows.

Kept apart from the callbacks so that tests can drive it without a browser.
Every refusal is an ``ImportFailed`` with a ``ValidationReport`` – the same
error shape the importer uses – so the page shows one kind of table for all.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import os
import shutil
import tempfile
import threading
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from geodata.importer import (
    ImportFailed,
    ImportResult,
    ValidationReport,
    load_recipe,
    run_import,
)
from geodata.importer.report import SEVERITIES
from indicators import open_atlas
from indicators.atlas import CITY_LEVEL
from indicators.formatting import format_number
from indicators.texts import data_load as msg

SHIPPED_DATA = Path(__file__).resolve().parents[1] / "geodata" / "data"
JOBS_KEY = "chancenatlas_jobs"
RUNNING, DONE, FAILED = "running", "done", "failed"
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class UploadLimits:
    """What one upload may bring: total bytes (also unpacked) and number of files."""

    max_bytes: int = 200_000_000
    max_files: int = 500

    @property
    def max_mb(self) -> str:
        return megabytes(self.max_bytes)


def megabytes(size: int) -> str:
    """'0,3' or '200': German, one decimal only where it matters."""
    return format_number(size / 1_000_000, 0 if size >= 10_000_000 else 1)


def default_data_dir() -> Path:
    """Where atlases loaded on the web page live: $CHANCENATLAS_DATA_DIR or the XDG data folder."""
    if os.environ.get("CHANCENATLAS_DATA_DIR"):
        return Path(os.environ["CHANCENATLAS_DATA_DIR"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "chancenatlas"


def is_loopback(address: str | None) -> bool:
    """True only for 127.0.0.0/8 and ::1 (also IPv4-mapped); anything unknown is remote."""
    try:
        ip = ipaddress.ip_address((address or "").split("%")[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def is_local_host(host: str) -> bool:
    """True when the app listens only on this machine (HOST 127.0.0.1, localhost, ::1)."""
    return host.strip("[]").lower() == "localhost" or is_loopback(host.strip("[]"))


def refuse(message: str, hint: str = "", file: str = "") -> ImportFailed:
    """An ImportFailed with one error, for refusals before any import starts."""
    report = ValidationReport()
    report.error(message, hint, file=file)
    return ImportFailed(report)


def check_local(address: str | None) -> None:
    """Uploads only from the machine the app runs on, even if the server listens on a network."""
    if not is_loopback(address):
        raise refuse(msg.NOT_LOCAL.format(address=address or "?"), msg.NOT_LOCAL_HINT)


# --- saving uploads -------------------------------------------------------------------
def safe_name(name: str) -> str:
    """The bare file name of an upload; '..', drives and control characters are refused."""
    parts = [p for p in str(name).replace("\\", "/").split("/") if p not in ("", ".")]
    bare = parts[-1] if parts else ""
    if (not bare or ".." in parts or ":" in bare or any(ord(c) < 32 for c in bare)
            or bare.startswith(".")):
        raise refuse(msg.BAD_NAME.format(name=name), msg.BAD_NAME_HINT, file=str(name))
    return bare


def decode_contents(name: str, contents: str) -> bytes:
    """The bytes of a dcc.Upload data URL ('data:…;base64,…')."""
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, ValueError, binascii.Error):
        raise refuse(msg.NOT_READABLE.format(name=name), msg.NOT_READABLE_HINT,
                     file=name) from None


def save_uploads(files: dict[str, bytes], folder: Path, limits: UploadLimits) -> Path:
    """Write the uploaded files into ``folder`` and return the recipe in it.

    A ZIP is unpacked (keeping its folders, so the recipe's relative paths
    work) only when no recipe was uploaded next to it; otherwise ZIPs are
    source files (e.g. a zipped Shapefile) and stay as they are.
    """
    if len(files) > limits.max_files:
        raise refuse(msg.TOO_MANY_FILES.format(count=len(files), limit=limits.max_files))
    _check_size(sum(len(data) for data in files.values()), limits)
    names: dict[str, bytes] = {}
    for name, data in files.items():
        bare = safe_name(name)
        if bare.lower() in {n.lower() for n in names}:
            raise refuse(msg.DUPLICATE_NAME.format(name=bare), msg.DUPLICATE_NAME_HINT, file=bare)
        names[bare] = data
    folder.mkdir(parents=True, exist_ok=True)
    for bare, data in names.items():
        (folder / bare).write_bytes(data)
    if not any(n.lower().endswith(".toml") for n in names):
        for bare in names:
            if bare.lower().endswith(".zip"):
                unpack_zip(folder / bare, folder, limits)
    return find_recipe(folder)


def unpack_zip(archive_path: Path, folder: Path, limits: UploadLimits) -> None:
    """Unpack into ``folder``; members outside it (zip-slip) or beyond the limit are refused."""
    try:
        archive = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile:
        raise refuse(msg.BAD_ZIP.format(name=archive_path.name), msg.BAD_ZIP_HINT,
                     file=archive_path.name) from None
    root = folder.resolve()
    with archive:
        members = [m for m in archive.infolist()
                   if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
        if len(members) > limits.max_files:
            raise refuse(msg.TOO_MANY_FILES.format(count=len(members), limit=limits.max_files),
                         file=archive_path.name)
        _check_size(sum(m.file_size for m in members), limits)
        written = 0
        for member in members:
            target = root.joinpath(*_member_parts(member.filename, archive_path.name))
            if not target.resolve().is_relative_to(root):
                raise refuse(msg.BAD_NAME.format(name=member.filename), msg.BAD_NAME_HINT,
                             file=archive_path.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, target.open("wb") as sink:
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    _check_size(written, limits)  # declared sizes can lie (zip bomb)
                    sink.write(chunk)


def _member_parts(name: str, archive: str) -> list[str]:
    path = PurePosixPath(name.replace("\\", "/"))
    parts = [p for p in path.parts if p not in ("", ".")]
    if path.is_absolute() or not parts or ".." in parts or ":" in parts[0]:
        raise refuse(msg.BAD_NAME.format(name=name), msg.BAD_NAME_HINT, file=archive)
    return parts


def _check_size(size: int, limits: UploadLimits) -> None:
    if size > limits.max_bytes:
        raise refuse(msg.TOO_LARGE.format(size=megabytes(size), limit=limits.max_mb),
                     msg.TOO_LARGE_HINT)


def find_recipe(folder: Path) -> Path:
    """The one .toml in the upload (at any depth)."""
    recipes = sorted(p for p in folder.rglob("*.toml") if "__MACOSX" not in p.parts)
    if not recipes:
        raise refuse(msg.NO_RECIPE, msg.NO_RECIPE_HINT)
    if len(recipes) > 1:
        names = ", ".join(str(p.relative_to(folder)) for p in recipes)
        raise refuse(msg.MANY_RECIPES.format(names=names), msg.MANY_RECIPES_HINT)
    return recipes[0]


def target_for(recipe_path: Path, data_dir: Path) -> Path:
    """The atlas file: the recipe's output file name, inside the app's data folder."""
    recipe = load_recipe(recipe_path)
    target = (data_dir / Path(recipe.atlas.output).name).resolve()
    if target.is_relative_to(SHIPPED_DATA):
        raise refuse(msg.DEMO_TARGET.format(name=target.name), msg.DEMO_TARGET_HINT,
                     file=recipe_path.name)
    return target


# --- the import job ------------------------------------------------------------------
@dataclass
class Job:
    """State of one import, read by the page's polling callback."""

    id: str
    status: str = RUNNING
    fraction: float = 0.0
    message: str = ""
    summary: dict | None = None
    problems: list[dict] = field(default_factory=list)


class JobBoard:
    """The import jobs of one app (kept on ``app.server.extensions``); one runs at a time."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, work: Callable[[Progress], dict], cleanup: Path | None = None) -> str:
        """Run ``work(progress) -> summary`` in a thread; refuses while another job runs."""
        with self._lock:
            if any(job.status == RUNNING for job in self._jobs.values()):
                raise refuse(msg.JOB_RUNNING)
            job = Job(id=uuid.uuid4().hex)
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, work, cleanup), daemon=True).start()
        return job.id

    def get(self, job_id: str | None) -> Job | None:
        """A copy, so a reader never sees a half-updated job."""
        with self._lock:
            job = self._jobs.get(job_id or "")
            return replace(job, problems=list(job.problems)) if job else None

    def _update(self, job: Job, **changes) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(job, key, value)

    def _run(self, job: Job, work: Callable[[Progress], dict], cleanup: Path | None) -> None:
        def progress(fraction: float, message: str) -> None:
            self._update(job, fraction=max(0.0, min(1.0, fraction)), message=message)

        outcome: dict = {"status": FAILED}
        try:
            summary = work(progress)
            outcome = {"status": DONE, "fraction": 1.0, "summary": summary,
                       "problems": summary.pop("problems", [])}
        except ImportFailed as failure:
            outcome["problems"] = report_rows(failure.report)
        except Exception as error:  # never a traceback on the page; the atlas is untouched
            report = ValidationReport()
            report.error(msg.UNEXPECTED.format(detail=error), msg.UNEXPECTED_HINT)
            outcome["problems"] = report_rows(report)
        if cleanup is not None:  # before the job counts as finished
            shutil.rmtree(cleanup, ignore_errors=True)
        self._update(job, **outcome)


def jobs_of(server) -> JobBoard:
    """The app's job board, created on first use."""
    return server.extensions.setdefault(JOBS_KEY, JobBoard())


def start_upload_import(board: JobBoard, files: dict[str, bytes], data_dir: Path,
                        limits: UploadLimits | None = None) -> str:
    """Save the upload into a fresh temp folder and start importing it; returns the job id."""
    folder = Path(tempfile.mkdtemp(prefix="chancenatlas-upload-"))
    try:
        recipe = save_uploads(files, folder, limits or UploadLimits())
        return board.start(lambda progress: import_into(recipe, data_dir, progress), folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def import_into(recipe: Path, data_dir: Path, progress: Progress) -> dict:
    """Import ``recipe`` into the data folder; the summary the page shows."""
    target = target_for(recipe, data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    return summarise(run_import(recipe, progress, output=target))


def summarise(result: ImportResult) -> dict:
    """Areas per level, indicators, years and the report rows of a finished import."""
    atlas = open_atlas(result.path)
    years = atlas.years()
    return {
        "name": result.name, "path": str(result.path), "version": result.version,
        "backup": str(result.backup) if result.backup else "",
        "levels": [(level, len(atlas.districts(level)))
                   for level in reversed(atlas.levels) if level != CITY_LEVEL],
        "indicators": result.indicators, "offers": result.offers, "values": result.values,
        "years": [years[0], years[-1]] if years else [],
        "problems": report_rows(result.report),
    }


def report_rows(report: ValidationReport) -> list[dict]:
    """One row per problem, errors first: the table Schwere/Datei/Zeile/Spalte/Meldung/Hinweis."""
    ordered = sorted(report.problems, key=lambda p: SEVERITIES.index(p.severity))
    return [{"severity": p.severity, "file": p.file, "row": "" if p.row is None else p.row,
             "column": p.column, "message": p.message, "hint": p.hint} for p in ordered]
