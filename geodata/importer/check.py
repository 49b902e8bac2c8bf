"""``python app.py check ATLAS``: is an existing atlas complete and consistent?

An atlas may have been edited in QGIS, copied from an older version or built
by a script. The check reads it the way the app does and reports, with the
same problem shape as an import: broken keys and parents, invalid geometry,
gaps and overlaps, values that do not match their numerator/denominator,
incomplete catalogue entries and meta data.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from geodata.importer.report import ValidationReport, short_list
from geodata.importer.topology import report_topology
from indicators.atlas import Atlas
from indicators.atlas_file import AtlasLayers, read_atlas_layers
from indicators.catalogue import POLARITIES
from indicators.errors import AtlasFileError
from indicators.texts import importing as msg

HINT = msg.CHECK_REIMPORT_HINT


def check_atlas(path: str | os.PathLike, sliver_m2: float = 1.0) -> ValidationReport:
    """Every problem of the atlas at ``path``; an empty report means all is well."""
    path = Path(path)
    report = ValidationReport()
    try:
        layers = read_atlas_layers(path)
    except AtlasFileError as error:
        report.error(str(error), HINT, file=path.name)
        return report
    _districts(layers, path.name, sliver_m2, report)
    _catalogue(layers.catalogue, f"{path.name} (indicator_catalogue)", report)
    _values(layers, f"{path.name} (indicator_values)", report)
    _meta(layers, f"{path.name} (atlas_meta)", report)
    if not report.has_errors:
        try:
            _ = Atlas(layers, path=path).levels
        except Exception as error:  # the store cannot build a hierarchy from it
            report.error(msg.STORE_REJECTED.format(detail=error), HINT, file=path.name)
    return report


def _districts(layers: AtlasLayers, name: str, sliver_m2: float,
               report: ValidationReport) -> None:
    file = f"{name} (districts)"
    districts = layers.districts
    ids = districts["district_id"]
    dup = ids[ids.duplicated()].unique()
    if len(dup):
        report.error(msg.CHECK_KEY_DUPLICATE.format(keys=short_list(dup)), HINT, file=file)
    parents = districts["parent_id"].dropna()
    unknown = parents[~parents.isin(ids)]
    if len(unknown):
        pairs = [f"{c} → {p}" for c, p in zip(districts.loc[unknown.index, "district_id"],
                                               unknown, strict=True)]
        report.error(msg.CHECK_PARENT_UNKNOWN.format(pairs=short_list(pairs)), HINT, file=file)
    if districts.crs is None:
        report.error(msg.CRS_MISSING, HINT, file=file)
    geoms = districts.geometry.values
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if empty.any():
        report.error(msg.CHECK_GEOMETRY_EMPTY.format(keys=short_list(ids[empty])), HINT,
                     file=file)
    invalid = ~empty & ~shapely.is_valid(geoms)
    if invalid.any():
        report.warning(msg.CHECK_GEOMETRY_INVALID.format(keys=short_list(ids[invalid])),
                       msg.AREA_REPAIRED_HINT, file=file)
    repaired = districts[~empty].set_geometry(shapely.make_valid(geoms[~empty]))
    for level, group in repaired.groupby("level", sort=False):
        report_topology(group.geometry.values, group["district_id"].to_numpy(), str(level),
                        sliver_m2, report, file)


def _catalogue(catalogue: pd.DataFrame, file: str, report: ValidationReport) -> None:
    ids = catalogue["indicator_id"]
    for value in ids[ids.duplicated()].unique():
        report.error(msg.CAT_ID_DUPLICATE.format(value=value), HINT, file=file)
    for _, row in catalogue.iterrows():
        problems = []
        for field in ("name", "unit", "theme"):
            if not isinstance(row[field], str) or not row[field].strip():
                problems.append(msg.CAT_FIELD_EMPTY.format(field=field))
        if row["polarity"] not in POLARITIES:
            problems.append(msg.CAT_BAD_CHOICE.format(value=row["polarity"]))
        for field in ("min_count", "decimals"):
            if pd.isna(row[field]) or row[field] < 0 or row[field] != int(row[field]):
                problems.append(msg.CAT_BAD_INT.format(value=row[field]))
        if pd.isna(row["scale"]) or row["scale"] <= 0:
            problems.append(f"scale = {row['scale']}")
        for problem in problems:
            report.error(msg.CHECK_CATALOGUE_FIELD.format(indicator=row["indicator_id"],
                                                          problem=problem), HINT, file=file)


def _values(layers: AtlasLayers, file: str, report: ValidationReport) -> None:
    values, catalogue = layers.values, layers.catalogue.set_index("indicator_id")
    unknown = values.loc[~values["indicator_id"].isin(catalogue.index), "indicator_id"]
    if len(unknown):
        report.error(msg.CHECK_VALUE_UNKNOWN_INDICATOR.format(ids=short_list(unknown.unique())),
                     HINT, file=file)
    strangers = values.loc[~values["district_id"].isin(layers.districts["district_id"]),
                           "district_id"]
    if len(strangers):
        report.error(msg.CHECK_VALUE_UNKNOWN_DISTRICT.format(keys=short_list(
            strangers.unique())), HINT, file=file)
    keys = ["indicator_id", "district_id", "year"]
    dup = values[values.duplicated(keys)]
    if len(dup):
        listing = short_list(f"{i}/{d}/{y}" for i, d, y in dup[keys].itertuples(index=False))
        report.error(msg.CHECK_VALUE_DUPLICATE.format(listing=listing), HINT, file=file)
    known = values[values["indicator_id"].isin(catalogue.index)]
    for indicator, group in known.groupby("indicator_id", sort=False):
        _consistency(str(indicator), group, catalogue.loc[indicator], file, report)


def _consistency(indicator: str, group: pd.DataFrame, entry: pd.Series, file: str,
                 report: ValidationReport) -> None:
    is_rate = isinstance(entry["denominator"], str) and bool(entry["denominator"].strip())
    scale = float(entry["scale"]) if pd.notna(entry["scale"]) else 1.0
    if is_rate:
        usable = group["numerator"].notna() & (group["denominator"] > 0)
        expected = group["numerator"] / group["denominator"] * scale
    else:
        usable = group["numerator"].notna()
        expected = group["numerator"] * scale
    usable &= group["value"].notna()
    wrong = usable & ~np.isclose(group["value"], expected, rtol=1e-6, atol=1e-9)
    if wrong.any():
        first = group[wrong].iloc[0]
        report.error(msg.CHECK_VALUE_INCONSISTENT.format(
            indicator=indicator, count=int(wrong.sum()), key=first["district_id"],
            year=int(first["year"]), value=f"{first['value']:g}",
            expected=f"{expected[wrong].iloc[0]:g}"), HINT, file=file)


def _meta(layers: AtlasLayers, file: str, report: ValidationReport) -> None:
    meta = layers.meta
    for key in ("name", "version"):
        if not meta.get(key):
            report.error(msg.CHECK_META_MISSING.format(key=key), HINT, file=file)
    for key in ("version", "min_population", "default_min_count"):
        value = meta.get(key, "")
        if value and not value.strip().isdigit():
            report.error(msg.CHECK_META_BAD.format(key=key, value=value), HINT, file=file)
    population = meta.get("population_indicator")
    if population and population not in set(layers.catalogue["indicator_id"]):
        report.error(msg.CHECK_META_BAD.format(key="population_indicator", value=population),
                     HINT, file=file)
