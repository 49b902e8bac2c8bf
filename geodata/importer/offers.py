"""Offers (Angebote) as points: from GeoJSON & co., or from a table with coordinates.

A table gives latitude/longitude (WGS84) or easting/northing plus a CRS. The
source's categories are mapped to the atlas's own ones by the recipe; a value
without a mapping is an error, because a Kita silently filed as "Sonstiges"
would distort every supply indicator.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import CRS

from geodata.importer.boundaries import to_target
from geodata.importer.numbers import cell_texts, guess_decimal, normalise_keys, parse_numbers
from geodata.importer.recipe import OfferSource
from geodata.importer.report import ERROR, ValidationReport, short_list
from geodata.importer.sources import Limits, parse_crs, read_vector
from geodata.importer.tables import RawTable, read_table, require_columns
from indicators.atlas_file import OFFER_COLUMNS
from indicators.texts import importing as msg

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls")
NUMERIC_COLUMNS = ("capacity", "age_min", "age_max")
PHASES = ("rund um Geburt", "Kita", "Grundschule", "weiterführende Schule", "Jugend",
          "Übergang Schule–Beruf", "übergreifend")


def read_offers(source: OfferSource, crs: CRS, report: ValidationReport,
                limits: Limits) -> gpd.GeoDataFrame | None:
    """Offers of one file in the atlas CRS with every column of OFFER_COLUMNS."""
    if source.file.suffix.lower() in TABLE_SUFFIXES:
        points = _points_from_table(source, report, limits)
    else:
        points = read_vector(source.file, layer=source.layer, encoding=source.encoding,
                             crs=source.crs, report=report, limits=limits)
        points = None if points is None else _only_points(points, source, report)
    if points is None:
        return None
    points = points.reset_index(drop=True)
    points = to_target(points, crs, source.file.name, report)
    return None if points is None else _attributes(points, source, report)


def _points_from_table(source: OfferSource, report: ValidationReport,
                       limits: Limits) -> gpd.GeoDataFrame | None:
    table = read_table(source.file, report=report, limits=limits, sheet=source.sheet,
                       header_row=source.header_row, encoding=source.encoding,
                       delimiter=source.delimiter)
    if table is None:
        return None
    if source.lat and source.lon:
        columns, crs_text = (source.lon, source.lat), "EPSG:4326"
    elif source.x and source.y and source.crs:
        columns, crs_text = (source.x, source.y), source.crs
    else:
        report.error(msg.OFFER_NO_COORDS, msg.OFFER_NO_COORDS_HINT, file=source.file.name)
        return None
    crs = parse_crs(crs_text, report, file=source.file.name, column="crs")
    if crs is None or not require_columns(table, list(columns), report):
        return None
    xy = _coordinates(table, columns, report)
    if xy is None:
        return None
    x, y = xy
    if crs.is_geographic and not _lat_lon_ok(x, y, source, report):
        return None
    keep = x.notna() & y.notna()
    if not keep.all():
        report.warning(msg.OFFER_NO_POSITION.format(
            count=int((~keep).sum()), rows=short_list(table.rows(keep[~keep].index))),
            msg.OFFER_NO_POSITION_HINT, file=table.label)
    frame = table.frame[keep]
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(x[keep], y[keep]), crs=crs)


def _coordinates(table: RawTable, columns: tuple[str, str],
                 report: ValidationReport) -> tuple[pd.Series, pd.Series] | None:
    out, items = [], []
    for column in columns:
        texts = cell_texts(table.frame[column])
        decimal = guess_decimal(texts, table.delimiter).decimal or "."
        values, bad, _ = parse_numbers(table.frame[column], decimal, dash_is_zero=False)
        items += [(r, column, msg.NOT_A_NUMBER.format(value=v)) for r, v in
                  zip(table.rows(bad[bad].index), texts[bad], strict=True)]
        out.append(values)
    if items:
        report.add_each(ERROR, items, msg.NOT_A_NUMBER_HINT, file=table.label)
        return None
    return out[0], out[1]


def _lat_lon_ok(lon: pd.Series, lat: pd.Series, source: OfferSource,
                report: ValidationReport) -> bool:
    if lon.between(47, 56).all() and lat.between(5, 16).all():
        report.error(msg.OFFER_LAT_LON_SWAPPED, msg.OFFER_LAT_LON_SWAPPED_HINT,
                     file=source.file.name)
        return False
    if not (lon.dropna().between(-180, 180).all() and lat.dropna().between(-90, 90).all()):
        report.error(msg.CRS_IMPLAUSIBLE, msg.OFFER_NOT_DEGREES_HINT, file=source.file.name)
        return False
    return True


def _only_points(frame: gpd.GeoDataFrame, source: OfferSource,
                 report: ValidationReport) -> gpd.GeoDataFrame | None:
    geoms = frame.geometry.values
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        report.warning(msg.OFFER_NO_POSITION.format(
            count=int(missing.sum()), rows=short_list([i + 1 for i in frame.index[missing]])),
            msg.OFFER_NO_POSITION_HINT, file=source.file.name)
        frame = frame[~missing]
    kinds = set(shapely.get_type_id(frame.geometry.values).tolist())
    if kinds - {0}:
        if kinds <= {0, 3, 6}:  # polygons (e.g. a Kita mapped as a building): their centre
            report.note(msg.OFFER_POLYGON_CENTRE, file=source.file.name)
            return frame.set_geometry(frame.representative_point())
        report.error(msg.OFFER_NOT_POINTS, msg.OFFER_NOT_POINTS_HINT, file=source.file.name)
        return None
    return frame


def _attributes(points: gpd.GeoDataFrame, source: OfferSource,
                report: ValidationReport) -> gpd.GeoDataFrame | None:
    label = source.file.name
    unknown = sorted(set(source.columns) - set(OFFER_COLUMNS))
    if unknown:
        report.error(msg.OFFER_UNKNOWN_FIELD.format(fields=", ".join(unknown)),
                     msg.OFFER_UNKNOWN_FIELD_HINT.format(fields=", ".join(OFFER_COLUMNS)),
                     file=label)
        return None
    mapping = {**source.columns}
    for field, column in (("offer_id", source.id_column), ("name", source.name_column),
                          ("category", source.category_column)):
        if column:
            mapping[field] = column
    table = RawTable(points.drop(columns="geometry"), label, 1, None)
    if not require_columns(table, list(mapping.values()), report):
        return None
    out = pd.DataFrame({f: cell_texts(points[c]) for f, c in mapping.items()}, index=points.index)
    if "offer_id" not in out:
        out["offer_id"] = [f"{source.file.stem}-{i + 1}" for i in range(len(out))]
    else:
        out["offer_id"] = normalise_keys(out["offer_id"])
    categories = _categories(out.get("category"), out.index, source, report)
    if categories is None or not _unique_ids(out, label, report):
        return None
    out["category"] = categories
    if source.phase:
        out["phase"] = source.phase
    if "phase" in out:
        odd = sorted(set(out["phase"].dropna()) - set(PHASES) - {""})
        if odd:
            report.warning(msg.OFFER_PHASE_UNKNOWN.format(phases=short_list(odd)),
                           msg.OFFER_PHASE_UNKNOWN_HINT.format(phases=", ".join(PHASES)),
                           file=label)
    for field in NUMERIC_COLUMNS:
        if field in out:
            out[field] = parse_numbers(out[field], ",", dash_is_zero=False)[0]
    for field in OFFER_COLUMNS:
        if field not in out:
            out[field] = None
    nameless = int((out["name"].fillna("") == "").sum())
    if nameless:
        report.note(msg.OFFER_NAMELESS.format(count=nameless), file=label)
    return gpd.GeoDataFrame(out[OFFER_COLUMNS], geometry=points.geometry, crs=points.crs)


def _categories(values: pd.Series | None, index: pd.Index, source: OfferSource,
                report: ValidationReport) -> pd.Series | None:
    if values is None:
        return pd.Series(source.category, index=index, dtype="str")
    if not source.categories:
        return values
    unmapped = values[~values.isin(source.categories)].value_counts()
    if len(unmapped):
        listing = ", ".join(f"„{v}“ ({n}×)" for v, n in unmapped.head(15).items())
        report.error(msg.OFFER_CATEGORY_UNMAPPED.format(listing=listing),
                     msg.OFFER_CATEGORY_UNMAPPED_HINT, file=source.file.name,
                     column=source.category_column or "")
        return None
    return values.map(source.categories)


def _unique_ids(out: pd.DataFrame, label: str, report: ValidationReport) -> bool:
    dup = out["offer_id"][out["offer_id"].duplicated()].unique()
    if len(dup):
        report.error(msg.OFFER_ID_DUPLICATE.format(keys=short_list(dup)),
                     msg.OFFER_ID_DUPLICATE_HINT, file=label)
        return False
    return True
