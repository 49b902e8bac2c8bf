"""Opening input files safely: size limit, zip checks, encodings, CRS.

Input files come from e-mail attachments and download portals. Nothing is
extracted to disk: zipped data is read through GDAL's /vsizip/ after every
member name has been checked, so a member like ``../../etc/passwd`` can do
no harm, and a file far over the size limit is refused before it is read.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pyogrio
from pyproj import CRS
from pyproj.exceptions import CRSError

from geodata.importer.report import ValidationReport
from indicators.texts import importing as msg

VECTOR_SUFFIXES = (".shp", ".geojson", ".json", ".gpkg")
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Limits:
    max_bytes: int

    @property
    def max_mb(self) -> str:
        return f"{self.max_bytes / 1_000_000:g}"


def check_file(path: Path, limits: Limits, report: ValidationReport) -> bool:
    """True if ``path`` is a readable, non-empty file within the size limit."""
    if not path.is_file():
        report.error(msg.FILE_MISSING.format(path=path), msg.FILE_MISSING_HINT, file=path.name)
        return False
    size = path.stat().st_size
    if size == 0:
        report.error(msg.FILE_EMPTY, msg.FILE_EMPTY_HINT, file=path.name)
        return False
    if size > limits.max_bytes:
        report.error(msg.FILE_TOO_BIG.format(size=f"{size / 1_000_000:,.0f}".replace(",", "."),
                                             limit=limits.max_mb),
                     msg.FILE_TOO_BIG_HINT, file=path.name)
        return False
    return True


def parse_crs(text: str, report: ValidationReport, *, file: str, column: str) -> CRS | None:
    try:
        return CRS.from_user_input(text)
    except CRSError:
        report.error(msg.CRS_UNKNOWN.format(crs=text), msg.CRS_UNKNOWN_HINT, file=file,
                     column=column)
        return None


def read_vector(path: Path, *, layer: str | None, encoding: str | None, crs: str | None,
                report: ValidationReport, limits: Limits) -> gpd.GeoDataFrame | None:
    """Read a GeoJSON, GeoPackage or (zipped) Shapefile with its CRS; None after an error."""
    if not check_file(path, limits, report):
        return None
    suffix = path.suffix.lower()
    if suffix == ".zip":
        opened = _open_zip(path, layer, crs, report, limits)
        if opened is None:
            return None
        source, label, dbf, has_cpg = opened
        layer = None
    elif suffix in VECTOR_SUFFIXES:
        source, label = str(path), path.name
        dbf, has_cpg = _shapefile_parts(path, crs, report, limits) if suffix == ".shp" else (
            None, True)
        if suffix == ".shp" and dbf is None:
            return None
    else:
        report.error(msg.VECTOR_BAD_SUFFIX.format(suffix=path.suffix or "(keine)"),
                     msg.VECTOR_BAD_SUFFIX_HINT, file=path.name)
        return None
    if encoding is None and not has_cpg and dbf is not None:
        encoding = dbf_encoding(dbf)
    if suffix == ".gpkg" and not _check_gpkg_layer(path, layer, report):
        return None
    try:
        frame = pyogrio.read_dataframe(source, layer=layer, encoding=encoding)
    except Exception as error:  # GDAL reports any broken file as one of many types
        report.error(msg.VECTOR_UNREADABLE.format(detail=_short(error)),
                     msg.VECTOR_UNREADABLE_HINT, file=label)
        return None
    return _with_crs(frame, crs, report, label)


def _with_crs(frame, crs: str | None, report: ValidationReport, label: str):
    if not isinstance(frame, gpd.GeoDataFrame):
        report.error(msg.VECTOR_NO_GEOMETRY_COLUMN, msg.VECTOR_NO_GEOMETRY_COLUMN_HINT,
                     file=label)
        return None
    if frame.empty:
        report.error(msg.VECTOR_NO_FEATURES, msg.FILE_EMPTY_HINT, file=label)
        return None
    if crs:
        wanted = parse_crs(crs, report, file=label, column="crs")
        if wanted is None:
            return None
        if frame.crs is not None and not frame.crs.equals(wanted):
            report.warning(msg.CRS_OVERRIDDEN.format(crs=crs), msg.CRS_OVERRIDDEN_HINT,
                           file=label)
        return frame.set_crs(wanted, allow_override=True)
    if frame.crs is None:
        report.error(msg.CRS_MISSING, msg.CRS_MISSING_HINT, file=label)
        return None
    return frame


def _shapefile_parts(path: Path, crs: str | None, report: ValidationReport,
                     limits: Limits) -> tuple[bytes | None, bool]:
    """The .dbf bytes (for encoding detection) and whether a .cpg exists."""
    siblings = {p.suffix.lower(): p for p in path.parent.glob(path.stem + ".*")}
    for needed in (".shx", ".dbf"):
        if needed not in siblings:
            report.error(msg.SHP_PART_MISSING.format(part=needed), msg.SHP_PART_MISSING_HINT,
                         file=path.name)
            return None, False
        if not check_file(siblings[needed], limits, report):
            return None, False
    if ".prj" not in siblings and not crs:
        report.error(msg.SHP_NO_PRJ, msg.CRS_MISSING_HINT, file=path.name)
        return None, False
    return siblings[".dbf"].read_bytes(), ".cpg" in siblings


def _open_zip(path: Path, member: str | None, crs: str | None, report: ValidationReport,
              limits: Limits) -> tuple[str, str, bytes | None, bool] | None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        report.error(msg.ZIP_BROKEN, msg.ZIP_BROKEN_HINT, file=path.name)
        return None
    with archive:
        infos = archive.infolist()
        for info in infos:
            name = info.filename.replace("\\", "/")
            if name.startswith("/") or _DRIVE.match(name) or ".." in PurePosixPath(name).parts:
                report.error(msg.ZIP_UNSAFE.format(member=info.filename), msg.ZIP_UNSAFE_HINT,
                             file=path.name)
                return None
        if sum(info.file_size for info in infos) > limits.max_bytes:
            report.error(msg.ZIP_TOO_BIG.format(limit=limits.max_mb), msg.FILE_TOO_BIG_HINT,
                         file=path.name)
            return None
        chosen = _choose_member(path, infos, member, report)
        if chosen is None:
            return None
        label = f"{path.name}/{chosen}"
        dbf, has_cpg = None, True
        if chosen.lower().endswith(".shp"):
            parts = {n.lower(): n for n in archive.namelist()}
            stem = chosen[:-4].lower()
            for needed in (".shx", ".dbf"):
                if stem + needed not in parts:
                    report.error(msg.SHP_PART_MISSING.format(part=needed),
                                 msg.SHP_PART_MISSING_HINT, file=label)
                    return None
            if stem + ".prj" not in parts and not crs:
                report.error(msg.ZIP_NO_PRJ, msg.CRS_MISSING_HINT, file=label)
                return None
            dbf = archive.read(parts[stem + ".dbf"])
            has_cpg = stem + ".cpg" in parts
    return f"/vsizip/{path}/{chosen}", label, dbf, has_cpg


def _choose_member(path: Path, infos: list[zipfile.ZipInfo], member: str | None,
                   report: ValidationReport) -> str | None:
    names = [i.filename for i in infos if not i.is_dir() and "__MACOSX" not in i.filename]
    candidates = [n for n in names if n.lower().endswith(VECTOR_SUFFIXES)]
    if member:
        candidates = [n for n in candidates if member in (n, PurePosixPath(n).name,
                                                          PurePosixPath(n).stem)]
    if not candidates:
        report.error(msg.ZIP_NO_DATA, msg.ZIP_NO_DATA_HINT, file=path.name)
        return None
    if len(candidates) > 1:
        report.error(msg.ZIP_AMBIGUOUS.format(members=", ".join(candidates)),
                     msg.ZIP_AMBIGUOUS_HINT, file=path.name)
        return None
    return candidates[0]


def _check_gpkg_layer(path: Path, layer: str | None, report: ValidationReport) -> bool:
    try:
        names = [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception as error:  # not a GeoPackage at all
        report.error(msg.VECTOR_UNREADABLE.format(detail=_short(error)),
                     msg.VECTOR_UNREADABLE_HINT, file=path.name)
        return False
    if (layer is None and len(names) > 1) or (layer is not None and layer not in names):
        report.error(msg.GPKG_LAYER.format(layer=layer or "(keiner)", layers=", ".join(names)),
                     msg.GPKG_LAYER_HINT, file=path.name)
        return False
    return True


def dbf_encoding(dbf: bytes) -> str | None:
    """Encoding of a .dbf without .cpg: UTF-8 if its records decode, else Windows-1252.

    GDAL would assume ISO-8859-1, which turns cp1252's "–" or "€" into control
    characters and UTF-8 umlauts into "Ã¤". A language driver id in the
    header (byte 29) is honoured by GDAL itself, so then we leave it alone.
    """
    if len(dbf) < 32 or dbf[29] != 0:
        return None
    body = dbf[int.from_bytes(dbf[8:10], "little"):]
    if body.isascii():
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "CP1252"
    return "UTF-8"


def _short(error: Exception) -> str:
    text = str(error).split("; It might help")[0]
    return text if len(text) < 200 else text[:200] + " …"
