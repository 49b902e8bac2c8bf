"""Area boundaries: several levels, keys as strings, repaired geometries, one CRS.

Each level (coarse first, e.g. Stadtbezirk then Stadtteil) comes from its own
file. A finer level names its parent by a key column or by location (the
parent that contains a point inside the area). Geometry problems are repaired
where shapely can (``make_valid``) and always reported; keys are never
converted to numbers, so "001" stays "001".
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from geodata.importer.numbers import normalise_keys
from geodata.importer.recipe import AtlasSection, LevelSource
from geodata.importer.report import ERROR, ValidationReport, short_list
from geodata.importer.sources import Limits, parse_crs, read_vector
from geodata.importer.tables import RawTable, require_columns
from indicators.texts import importing as msg

POLYGONAL = (3, 6)  # shapely type ids of Polygon and MultiPolygon
LEVEL_COLUMNS = ["district_id", "name", "level", "parent_key", "geometry"]


def read_level(source: LevelSource, parent_zfill: int | None, report: ValidationReport,
               limits: Limits) -> gpd.GeoDataFrame | None:
    """One level as district_id/name/level/parent_key/geometry; None after an error."""
    frame = read_vector(source.file, layer=source.layer, encoding=source.encoding,
                        crs=source.crs, report=report, limits=limits)
    label = source.file.name
    if frame is None:
        return None
    table = RawTable(frame.drop(columns="geometry"), label, 1, None)
    if not require_columns(table, [source.key, source.name_column or "",
                                   source.parent_column or ""], report):
        return None
    keys = normalise_keys(frame[source.key], source.key_zfill)
    out = gpd.GeoDataFrame({
        "district_id": keys,
        "name": frame[source.name_column].astype("str").str.strip() if source.name_column
        else keys,
        "level": source.name,
        "parent_key": normalise_keys(frame[source.parent_column], parent_zfill)
        if source.parent_column else None,
    }, geometry=frame.geometry.values, crs=frame.crs)
    if not _check_keys(out, source, report):
        return None
    out = _check_geometries(out, source, report)
    if out is None:
        return None
    return _dissolve(out, source, report)


def _check_keys(out: gpd.GeoDataFrame, source: LevelSource, report: ValidationReport) -> bool:
    label = source.file.name
    empty = out["district_id"] == ""
    if empty.any():
        items = [(None, source.key, msg.AREA_KEY_EMPTY.format(number=int(i) + 1))
                 for i in out.index[empty]]
        report.add_each(ERROR, items, msg.KEY_EMPTY_HINT, file=label)
        return False
    dup = out["district_id"][out["district_id"].duplicated()].unique()
    if len(dup) and not source.dissolve_duplicates:
        report.error(msg.AREA_KEY_DUPLICATE.format(level=source.name, keys=short_list(dup)),
                     msg.AREA_KEY_DUPLICATE_HINT, file=label, column=source.key)
        return False
    return True


def _check_geometries(out: gpd.GeoDataFrame, source: LevelSource,
                      report: ValidationReport) -> gpd.GeoDataFrame | None:
    label = source.file.name
    geoms = out.geometry.values
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        report.error(msg.AREA_NO_GEOMETRY.format(keys=short_list(out["district_id"][missing])),
                     msg.AREA_NO_GEOMETRY_HINT, file=label)
        return None
    kinds = shapely.get_type_id(geoms)
    wrong = ~np.isin(kinds, POLYGONAL)
    if wrong.any():
        types = sorted(set(shapely.get_type_id(geoms[wrong]).tolist()))
        names = ", ".join(msg.GEOMETRY_NAMES.get(t, str(t)) for t in types)
        report.error(msg.AREA_NOT_POLYGON.format(types=names,
                                                 keys=short_list(out["district_id"][wrong])),
                     msg.AREA_NOT_POLYGON_HINT, file=label)
        return None
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        reasons = shapely.is_valid_reason(geoms[invalid])
        listing = "; ".join(f"{k}: {r.split('[')[0]}" for k, r in
                            zip(out["district_id"][invalid], reasons, strict=True))
        report.warning(msg.AREA_REPAIRED.format(count=int(invalid.sum()), listing=listing),
                       msg.AREA_REPAIRED_HINT, file=label)
        repaired = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
        out = out.copy()
        out.loc[invalid, "geometry"] = [_polygons_only(g) for g in repaired]
    return out


def _polygons_only(geom: shapely.Geometry) -> shapely.Geometry:
    if shapely.get_type_id(geom) in POLYGONAL:
        return geom
    parts = [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) in POLYGONAL]
    return shapely.union_all(parts)


def _dissolve(out: gpd.GeoDataFrame, source: LevelSource,
              report: ValidationReport) -> gpd.GeoDataFrame:
    if not out["district_id"].duplicated().any():
        return out.reset_index(drop=True)
    count = int(out["district_id"].duplicated().sum())
    report.note(msg.AREA_DISSOLVED.format(count=count, level=source.name), file=source.file.name)
    return out.dissolve(by="district_id", aggfunc="first", as_index=False)[LEVEL_COLUMNS]


def target_crs(first: CRS, atlas: AtlasSection, report: ValidationReport) -> CRS | None:
    """Recipe's CRS, else the first level's if metric, else a UTM zone (EPSG:25832).

    Always two-dimensional: a .prj with a vertical part (Köln's has VERTCS)
    cannot be written to a GeoPackage otherwise.
    """
    if atlas.target_crs:
        crs = parse_crs(atlas.target_crs, report, file="", column="target_crs")
    elif first.is_projected and first.axis_info[0].unit_name in ("metre", "meter"):
        crs = first
    else:
        report.note(msg.CRS_TRANSFORMED.format(crs=atlas.geographic_target_crs))
        crs = parse_crs(atlas.geographic_target_crs, report, file="",
                        column="geographic_target_crs")
    return None if crs is None else crs.to_2d()


def to_target(frame: gpd.GeoDataFrame, crs: CRS, label: str,
              report: ValidationReport) -> gpd.GeoDataFrame | None:
    """Transform to ``crs``, refusing coordinates that cannot be where the CRS says."""
    if not _plausible(frame, label, report):
        return None
    out = frame if frame.crs.equals(crs) else frame.to_crs(crs)
    bounds = out.total_bounds
    if not np.isfinite(bounds).all():
        report.error(msg.CRS_IMPLAUSIBLE, msg.CRS_IMPLAUSIBLE_HINT, file=label)
        return None
    return out


def _plausible(frame: gpd.GeoDataFrame, label: str, report: ValidationReport) -> bool:
    west, south, east, north = (
        frame.total_bounds if frame.crs.is_geographic else frame.to_crs(4326).total_bounds)
    inside = -180 <= west <= east <= 180 and -90 <= south <= north <= 90
    if not inside or not np.isfinite([west, south, east, north]).all():
        report.error(msg.CRS_IMPLAUSIBLE, msg.CRS_IMPLAUSIBLE_HINT, file=label)
        return False
    return True


def assign_parents(child: gpd.GeoDataFrame, parent: gpd.GeoDataFrame, source: LevelSource,
                   report: ValidationReport) -> gpd.GeoDataFrame | None:
    """Set ``parent_id`` from the key column or from location; every area needs a parent."""
    label = source.file.name
    if source.parent_column:
        parent_ids = child["parent_key"]
    else:
        points = gpd.GeoDataFrame(geometry=child.representative_point(), crs=child.crs)
        joined = gpd.sjoin(points, parent[["district_id", "geometry"]], predicate="within")
        joined = joined[~joined.index.duplicated()]
        parent_ids = joined["district_id"].reindex(child.index).fillna("")
    orphans = ~parent_ids.isin(parent["district_id"])
    if orphans.any():
        pairs = [f"{k} → „{p}“" if p else str(k) for k, p in
                 zip(child["district_id"][orphans], parent_ids[orphans], strict=True)]
        report.error(msg.PARENT_MISSING.format(level=source.name, parent=parent["level"].iloc[0],
                                               count=int(orphans.sum()), listing=short_list(pairs)),
                     msg.PARENT_MISSING_HINT, file=label, column=source.parent_column or "")
        return None
    return child.assign(parent_id=parent_ids.to_numpy())


def check_crs_overlap(levels: list[gpd.GeoDataFrame], labels: list[str],
                      report: ValidationReport) -> bool:
    """All levels must cover roughly the same place (a wrong .prj moves a level far away)."""
    first = shapely.box(*levels[0].total_bounds)
    ok = True
    for frame, label in zip(levels[1:], labels[1:], strict=True):
        if not first.intersects(shapely.box(*frame.total_bounds)):
            report.add(ERROR, msg.LEVELS_APART.format(other=labels[0]),
                       msg.CRS_IMPLAUSIBLE_HINT, file=label)
            ok = False
    return ok


def check_unique_ids(levels: list[gpd.GeoDataFrame], report: ValidationReport) -> bool:
    ids = pd.concat([f["district_id"] for f in levels])
    clash = ids[ids.duplicated()].unique()
    if len(clash):
        report.add(ERROR, msg.IDS_CLASH.format(keys=short_list(clash)), msg.IDS_CLASH_HINT)
        return False
    return True
