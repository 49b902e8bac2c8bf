"""Reading and checking every source of a recipe into the four atlas tables.

Sources are read even after an earlier one failed, so that one run reports
as many problems as possible; steps that need an earlier result (key
matching needs the boundaries) are skipped when it is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geodata.importer.boundaries import (
    assign_parents,
    check_crs_overlap,
    check_unique_ids,
    read_level,
    target_crs,
    to_target,
)
from geodata.importer.catalogue_rows import apply_template, catalogue_row
from geodata.importer.derived import (
    add_derived,
    add_offer_counts,
    build_panel,
    indicator_values,
    unit_scale,
)
from geodata.importer.matching import match_keys
from geodata.importer.offers import read_offers
from geodata.importer.recipe import Recipe
from geodata.importer.report import ValidationReport
from geodata.importer.sources import Limits
from geodata.importer.tables import extract_series, read_table
from geodata.importer.topology import report_topology
from indicators.atlas_file import CATALOGUE_COLUMNS, DISTRICT_COLUMNS, OFFER_COLUMNS, VALUE_COLUMNS
from indicators.texts import importing as msg


@dataclass(frozen=True)
class Assembled:
    districts: gpd.GeoDataFrame
    offers: gpd.GeoDataFrame
    catalogue: pd.DataFrame
    values: pd.DataFrame


def assemble(recipe: Recipe, report: ValidationReport, limits: Limits,
             tell: Callable[[float, str], None]) -> Assembled | None:
    """All four tables, or None when a step could not produce its part."""
    districts = _districts(recipe, report, limits, tell)
    crs = None if districts is None else districts.crs
    long = _tables(recipe, districts, report, limits, tell)
    offers = _offers(recipe, crs, report, limits, tell)
    if districts is None or long is None or offers is None or report.has_errors:
        return None  # computing indicators now would only add follow-on errors
    tell(0.85, msg.PROGRESS_DERIVED)
    catalogue, values = _indicators(recipe, districts, long, offers, report)
    return Assembled(districts[[*DISTRICT_COLUMNS, "geometry"]], offers, catalogue, values)


def _districts(recipe: Recipe, report: ValidationReport, limits: Limits,
               tell) -> gpd.GeoDataFrame | None:
    frames = []
    for number, source in enumerate(recipe.levels):
        tell(0.05 + 0.3 * number / len(recipe.levels), msg.PROGRESS_LEVEL.format(
            level=source.name))
        parent_zfill = recipe.levels[number - 1].key_zfill if number else None
        frames.append(read_level(source, parent_zfill, report, limits))
    if any(f is None for f in frames):
        return None
    crs = target_crs(frames[0].crs, recipe.atlas, report)
    if crs is None:
        return None
    labels = [s.file.name for s in recipe.levels]
    frames = [to_target(f, crs, label, report) for f, label in zip(frames, labels, strict=True)]
    if any(f is None for f in frames) or not check_crs_overlap(frames, labels, report):
        return None
    if not check_unique_ids(frames, report):
        return None
    frames[0] = frames[0].assign(parent_id=None)
    for number in range(1, len(frames)):
        frames[number] = assign_parents(frames[number], frames[number - 1],
                                        recipe.levels[number], report)
        if frames[number] is None:
            return None
    tell(0.35, msg.PROGRESS_TOPOLOGY)
    for frame, source in zip(frames, recipe.levels, strict=True):
        report_topology(frame.geometry.values, frame["district_id"].to_numpy(), source.name,
                        recipe.atlas.sliver_m2, report, source.file.name)
    return pd.concat(frames, ignore_index=True).drop(columns="parent_key")


def _tables(recipe: Recipe, districts: gpd.GeoDataFrame | None, report: ValidationReport,
            limits: Limits, tell) -> pd.DataFrame | None:
    parts, failed = [], False
    for number, source in enumerate(recipe.tables):
        tell(0.4 + 0.3 * number / len(recipe.tables), msg.PROGRESS_TABLE.format(
            file=source.file.name))
        table = read_table(source.file, report=report, limits=limits, sheet=source.sheet,
                           header_row=source.header_row, encoding=source.encoding,
                           delimiter=source.delimiter)
        long = None if table is None else extract_series(table, source, report)
        if long is None:
            failed = True
            continue
        if districts is not None:
            long = match_keys(long, districts, source.file.name, source.key, report)
        parts.append(long.assign(file=source.file.name))
    if failed:
        return None
    if not parts:
        return pd.DataFrame(columns=["series", "district_id", "year", "value", "row", "file"])
    long = pd.concat(parts, ignore_index=True)
    long["year"] = long["year"].astype("int64")
    clash = long[long.duplicated(["series", "district_id", "year"], keep=False)]
    for series, group in clash.groupby("series"):
        first = group.iloc[0]
        report.error(msg.SERIES_IN_TWO_TABLES.format(
            series=series, files=", ".join(sorted(group["file"].unique())),
            count=len(group.drop_duplicates(["district_id", "year"])),
            key=first["district_id"], year=first["year"]), msg.SERIES_IN_TWO_TABLES_HINT)
    return None if len(clash) else long


def _offers(recipe: Recipe, crs, report: ValidationReport, limits: Limits,
            tell) -> gpd.GeoDataFrame | None:
    frames, failed = [], False
    for number, source in enumerate(recipe.offers):
        tell(0.7 + 0.1 * number / len(recipe.offers), msg.PROGRESS_OFFERS.format(
            file=source.file.name))
        if crs is None:
            continue
        frame = read_offers(source, crs, report, limits)
        failed |= frame is None
        frames.append(frame)
    if failed:
        return None
    if not frames:
        return gpd.GeoDataFrame({c: pd.Series(dtype="object") for c in OFFER_COLUMNS},
                                geometry=gpd.GeoSeries([], crs=crs), crs=crs)
    offers = pd.concat(frames, ignore_index=True)
    dup = offers["offer_id"].duplicated()
    offers.loc[dup, "offer_id"] = [f"{i}-{n}" for n, i in enumerate(offers["offer_id"][dup], 2)]
    return offers


def _indicators(recipe: Recipe, districts: gpd.GeoDataFrame, long: pd.DataFrame,
                offers: gpd.GeoDataFrame, report: ValidationReport
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    label = recipe.path.name
    panel = build_panel(long)
    if recipe.offer_counts:
        years = panel.index.get_level_values("year")
        year = recipe.atlas.offers_year or (int(years.max()) if len(years)
                                            else dt.date.today().year)
        report.note(msg.OFFERS_YEAR.format(year=year), msg.OFFERS_YEAR_HINT)
        panel = add_offer_counts(panel, offers, districts, recipe.offer_counts, year, report)
    panel = add_derived(panel, recipe.derived, label, report)
    rows, frames = [], []
    for spec in recipe.indicators:
        has_scale = spec.denominator or spec.value
        scale = spec.scale or (unit_scale(spec.unit) if has_scale else 1.0)
        values = indicator_values(panel, spec, scale, label, report)
        if values is not None and values["value"].notna().sum() == 0:
            report.warning(msg.NO_VALUES.format(indicator=spec.id), msg.NO_VALUES_HINT,
                           file=label)
        frames.append(values)
        rows.append(catalogue_row(spec, scale, recipe.atlas.default_min_count, label, report))
    catalogue = pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)
    if recipe.atlas.catalogue is not None:
        from geodata.importer.catalogue_template import read_catalogue_template
        template = read_catalogue_template(recipe.atlas.catalogue, report)
        catalogue = apply_template(catalogue, template, recipe.atlas.catalogue.name, report)
    _check_population(recipe, catalogue, report)
    frames = [f for f in frames if f is not None]
    values = (pd.concat(frames, ignore_index=True) if frames
              else pd.DataFrame(columns=VALUE_COLUMNS))
    values["year"] = values["year"].astype("int64")
    return catalogue, values[VALUE_COLUMNS]


def _check_population(recipe: Recipe, catalogue: pd.DataFrame,
                      report: ValidationReport) -> None:
    wanted = recipe.atlas.population_indicator
    if not wanted:
        return
    row = catalogue[catalogue["indicator_id"] == wanted]
    if row.empty or row["denominator"].iloc[0]:
        report.error(msg.POPULATION_UNKNOWN.format(indicator=wanted),
                     msg.POPULATION_UNKNOWN_HINT, file=recipe.path.name)
