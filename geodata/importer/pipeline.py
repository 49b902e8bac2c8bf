"""The import: read everything, check everything, and only then write.

An import either completes fully or changes nothing. All problems are
collected in one report; if it has errors, ImportFailed is raised before the
atlas is touched. Otherwise the previous atlas is copied to
``<atlas>.bak-<version>`` and the new one is written to a temporary file and
moved into place atomically (``write_atlas_layers``), with the version
bumped so that every cache keyed by it refreshes.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyogrio

from geodata.importer.assemble import Assembled, assemble
from geodata.importer.recipe import Recipe, load_recipe
from geodata.importer.report import ImportFailed, ValidationReport
from geodata.importer.sources import Limits
from indicators.atlas import Atlas
from indicators.atlas_file import META, AtlasLayers, write_atlas_layers
from indicators.texts import importing as msg

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class ImportResult:
    """What was written, where the previous version went, and what was noticed."""

    path: Path
    name: str
    version: int
    backup: Path | None
    report: ValidationReport
    districts: int
    offers: int
    indicators: int
    values: int
    seconds: float

    def render(self) -> str:
        lines = [msg.IMPORT_DONE.format(
            name=self.name, version=self.version, path=self.path, districts=self.districts,
            offers=self.offers, indicators=self.indicators, values=self.values,
            seconds=self.seconds)]
        if self.backup:
            lines.append(msg.IMPORT_BACKUP.format(path=self.backup))
        if self.report.problems:
            lines.append(self.report.render())
        return "\n".join(lines)


def run_import(recipe_path: str | Path, progress: Progress | None = None, *,
               output: str | Path | None = None) -> ImportResult:
    """Build or update the atlas named in the recipe; raises ImportFailed, never half-writes.

    ``progress(fraction, message)`` is called along the way (0.0 … 1.0);
    ``output`` overrides the recipe's ``[atlas] output``.
    """
    started = time.perf_counter()
    tell = progress or (lambda fraction, message: None)
    tell(0.0, msg.PROGRESS_RECIPE)
    recipe = load_recipe(recipe_path)
    target = Path(output).resolve() if output else recipe.atlas.output
    report = ValidationReport()
    previous = _previous_version(target, recipe, report)
    limits = Limits(int(recipe.atlas.max_file_mb * 1_000_000))
    built = assemble(recipe, report, limits, tell)
    if built is None or report.has_errors:
        raise ImportFailed(report)
    version = (previous or 0) + 1
    layers = _layers(recipe, built, version)
    _check_store_accepts(layers, report)
    tell(0.95, msg.PROGRESS_WRITE)
    backup = _backup(target, previous)
    try:
        write_atlas_layers(target, layers)
    except Exception as error:  # disk full, permissions, GDAL: nothing was replaced
        report.error(msg.WRITE_FAILED.format(detail=error), msg.WRITE_FAILED_HINT,
                     file=target.name)
        raise ImportFailed(report) from error
    tell(1.0, msg.PROGRESS_DONE)
    return ImportResult(
        path=target, name=recipe.atlas.name, version=version, backup=backup, report=report,
        districts=len(layers.districts), offers=len(layers.offers),
        indicators=len(layers.catalogue), values=len(layers.values),
        seconds=time.perf_counter() - started,
    )


def _previous_version(target: Path, recipe: Recipe, report: ValidationReport) -> int | None:
    """Version of the atlas already at ``target`` (None if there is none)."""
    if target in {p.resolve() for p in recipe.input_files if p}:
        report.error(msg.TARGET_IS_INPUT, msg.TARGET_IS_INPUT_HINT, file=target.name)
        raise ImportFailed(report)
    if not target.exists():
        return None
    try:
        meta = pyogrio.read_dataframe(target, layer=META)
        version = dict(zip(meta["key"], meta["value"], strict=True)).get("version", "0")
        return int(float(version))
    except Exception as error:  # not a GeoPackage, no meta layer, odd version
        report.error(msg.TARGET_NOT_ATLAS.format(detail=str(error)[:120]),
                     msg.TARGET_NOT_ATLAS_HINT, file=target.name)
        raise ImportFailed(report) from error


def _layers(recipe: Recipe, built: Assembled, version: int) -> AtlasLayers:
    atlas = recipe.atlas
    crs = built.districts.crs
    epsg = crs.to_epsg()
    meta = {
        "name": atlas.name, "version": str(version), "data_date": atlas.data_date,
        "licence": atlas.licence, "attribution": atlas.attribution,
        "crs": f"EPSG:{epsg}" if epsg else crs.to_wkt(),
        "min_population": str(atlas.min_population),
        "default_min_count": str(atlas.default_min_count),
        "population_indicator": atlas.population_indicator or "", "demo": "false",
        "imported_at": dt.datetime.now().isoformat(timespec="seconds"),
        "recipe": recipe.path.name,
    }
    return AtlasLayers(districts=built.districts, offers=built.offers,
                       catalogue=built.catalogue, values=built.values, meta=meta)


def _check_store_accepts(layers: AtlasLayers, report: ValidationReport) -> None:
    """Open the result in memory the way the app will, before anything is written."""
    try:
        atlas = Atlas(layers)
        _ = atlas.levels
    except Exception as error:  # any failure here is a hierarchy the store cannot use
        report.error(msg.STORE_REJECTED.format(detail=error), msg.STORE_REJECTED_HINT)
        raise ImportFailed(report) from error


def _backup(target: Path, previous: int | None) -> Path | None:
    if previous is None:
        return None
    backup = target.with_name(f"{target.name}.bak-{previous}")
    number = 1
    while backup.exists():
        number += 1
        backup = target.with_name(f"{target.name}.bak-{previous}-{number}")
    shutil.copy2(target, backup)
    return backup

