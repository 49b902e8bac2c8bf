"""Reading and writing the atlas GeoPackage (one file = one atlas).

The file layout is described in ../shared/DESIGN.md. Writing always goes to a
temporary file next to the target and replaces the target atomically, so an
atlas on disk is either the old one or the new one, never half-written.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from indicators import texts
from indicators.errors import AtlasFileError

DISTRICTS = "districts"
OFFERS = "offers"
CATALOGUE = "indicator_catalogue"
VALUES = "indicator_values"
META = "atlas_meta"

#: Required columns per layer; string columns keep leading zeros.
DISTRICT_COLUMNS = ["district_id", "name", "level", "parent_id"]
OFFER_COLUMNS = [
    "offer_id", "name", "category", "phase", "provider", "provider_type", "capacity",
    "age_min", "age_max", "target_group", "address", "contact", "opening_hours",
    "languages", "url",
]
CATALOGUE_COLUMNS = [
    "indicator_id", "name", "short_name", "theme", "unit", "description", "source",
    "numerator", "denominator", "polarity", "public", "min_count", "decimals", "scale",
]
VALUE_COLUMNS = ["indicator_id", "district_id", "year", "value", "numerator", "denominator"]
META_COLUMNS = ["key", "value"]

REQUIRED = {
    DISTRICTS: DISTRICT_COLUMNS,
    OFFERS: OFFER_COLUMNS,
    CATALOGUE: CATALOGUE_COLUMNS,
    VALUES: VALUE_COLUMNS,
    META: META_COLUMNS,
}
STRING_COLUMNS = {
    DISTRICTS: ["district_id", "name", "level", "parent_id"],
    OFFERS: ["offer_id", "name", "category", "phase", "provider", "provider_type",
             "target_group", "address", "contact", "opening_hours", "languages", "url"],
    CATALOGUE: ["indicator_id", "name", "short_name", "theme", "unit", "description",
                "source", "numerator", "denominator", "polarity"],
    VALUES: ["indicator_id", "district_id"],
    META: ["key", "value"],
}


@dataclass(frozen=True)
class AtlasLayers:
    """The five parts of an atlas, as plain (Geo)DataFrames."""

    districts: gpd.GeoDataFrame
    offers: gpd.GeoDataFrame
    catalogue: pd.DataFrame
    values: pd.DataFrame
    meta: dict[str, str]


def read_atlas_layers(path: str | os.PathLike) -> AtlasLayers:
    """Read every layer of an atlas GeoPackage, checking that it is complete."""
    path = Path(path)
    _check_readable(path)
    present = {name for name, _ in pyogrio.list_layers(path)}
    frames = {}
    for layer, columns in REQUIRED.items():
        if layer not in present:
            raise AtlasFileError(texts.ERR_ATLAS_LAYER_MISSING.format(path=path, layer=layer))
        frame = pyogrio.read_dataframe(path, layer=layer)
        for column in columns:
            if column not in frame.columns:
                raise AtlasFileError(
                    texts.ERR_ATLAS_COLUMN_MISSING.format(path=path, layer=layer, column=column)
                )
        frames[layer] = _normalise_types(frame, layer)
    meta = dict(zip(frames[META]["key"], frames[META]["value"].fillna(""), strict=True))
    return AtlasLayers(
        districts=frames[DISTRICTS],
        offers=frames[OFFERS],
        catalogue=frames[CATALOGUE],
        values=frames[VALUES],
        meta=meta,
    )


def write_atlas_layers(path: str | os.PathLike, layers: AtlasLayers) -> Path:
    """Write an atlas atomically: temp file in the same folder, then os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(suffix=".tmp.gpkg", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        _write_layer(tmp, layers.districts, DISTRICTS)
        _write_layer(tmp, layers.offers, OFFERS)
        _write_layer(tmp, layers.catalogue, CATALOGUE)
        _write_layer(tmp, layers.values, VALUES)
        meta = pd.DataFrame(
            {"key": list(layers.meta), "value": [str(v) for v in layers.meta.values()]}
        )
        _write_layer(tmp, meta, META)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def _write_layer(path: Path, frame: pd.DataFrame, layer: str) -> None:
    missing = [c for c in REQUIRED[layer] if c not in frame.columns]
    if missing:
        raise ValueError(f"layer {layer!r} lacks columns {missing}")
    frame = _normalise_types(frame.reset_index(drop=True), layer)
    pyogrio.write_dataframe(frame, path, layer=layer, driver="GPKG")


def _normalise_types(frame: pd.DataFrame, layer: str) -> pd.DataFrame:
    """Keys and labels as strings (leading zeros kept), numbers as floats."""
    frame = frame.copy()
    for column in STRING_COLUMNS[layer]:
        if column in frame.columns:
            frame[column] = frame[column].astype("str").where(frame[column].notna(), None)
    if layer == VALUES:
        frame["year"] = frame["year"].astype("int64")
        for column in ("value", "numerator", "denominator"):
            frame[column] = pd.to_numeric(frame[column]).astype("float64")
    if layer == CATALOGUE:
        frame["public"] = frame["public"].astype(bool)
        for column in ("min_count", "decimals", "scale"):
            frame[column] = pd.to_numeric(frame[column])
    return frame


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise AtlasFileError(texts.ERR_ATLAS_MISSING.format(path=path))
    if path.is_dir():
        raise AtlasFileError(texts.ERR_ATLAS_NOT_GPKG.format(path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise AtlasFileError(
            texts.ERR_ATLAS_UNREADABLE.format(path=path, reason=error.strerror)
        ) from error
    if header != b"SQLite format 3\x00" or not _has_gpkg_contents(path):
        raise AtlasFileError(texts.ERR_ATLAS_NOT_GPKG.format(path=path))


def _has_gpkg_contents(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='gpkg_contents'"
            ).fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None
