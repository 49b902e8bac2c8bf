"""Small hand-built atlases for tests, with numbers one can check by hand."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from indicators.atlas_file import OFFER_COLUMNS, AtlasLayers, write_atlas_layers

X0, Y0 = 470_000.0, 5_700_000.0


def grid_districts(columns: int = 2, rows: int = 2, size: float = 1000.0) -> gpd.GeoDataFrame:
    """Sozialräume on a grid; each row of the grid is one Stadtbezirk ("01", "02", …)."""
    records = []
    for row in range(rows):
        for col in range(columns):
            records.append({
                "district_id": f"{row + 1:02d}{col + 1:02d}",
                "name": f"Gebiet {row + 1}-{col + 1}",
                "level": "Sozialraum",
                "parent_id": f"{row + 1:02d}",
                "geometry": shapely.box(X0 + col * size, Y0 + row * size,
                                        X0 + (col + 1) * size, Y0 + (row + 1) * size),
            })
    base = gpd.GeoDataFrame(records, crs=25832)
    parents = base.dissolve("parent_id").reset_index()
    parents = parents.assign(district_id=parents["parent_id"], level="Stadtbezirk",
                             name="Bezirk " + parents["parent_id"], parent_id=None)
    return pd.concat([base, parents[base.columns]], ignore_index=True)


def empty_offers() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({c: [] for c in OFFER_COLUMNS}, geometry=[], crs=25832)


def catalogue_row(indicator_id: str, **overrides) -> dict:
    row = {
        "indicator_id": indicator_id, "name": f"Indikator {indicator_id}",
        "short_name": indicator_id, "theme": "Soziale Lage", "unit": "%",
        "description": "Testindikator", "source": "Test", "numerator": "Fälle",
        "denominator": "Bezugsgruppe", "polarity": "higher_worse", "public": True,
        "min_count": 5, "decimals": 1, "scale": 100,
    }
    row.update(overrides)
    return row


def value_rows(indicator_id: str, year: int, counts: dict[str, tuple[float, float]],
               scale: float = 100) -> list[dict]:
    """counts: district_id -> (numerator, denominator); value computed as a rate."""
    return [
        {"indicator_id": indicator_id, "district_id": key, "year": year, "numerator": num,
         "denominator": den, "value": num / den * scale if den else None}
        for key, (num, den) in counts.items()
    ]


def write_test_atlas(path: Path, catalogue: list[dict], values: list[dict],
                     districts: gpd.GeoDataFrame | None = None, **meta: str) -> Path:
    layers = AtlasLayers(
        districts=districts if districts is not None else grid_districts(),
        offers=empty_offers(),
        catalogue=pd.DataFrame(catalogue),
        values=pd.DataFrame(values),
        meta={"name": "Teststadt", "version": "1", **meta},
    )
    return write_atlas_layers(path, layers)
