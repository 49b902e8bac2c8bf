"""The indicator store: catalogue, values, aggregation, suppression, classification.

A plain library (no Dash): everything the app shows can be computed from here
in a notebook::

    from indicators import open_atlas
    atlas = open_atlas("geodata/data/musterstadt.gpkg")
    atlas.values("sgb2_u15", 2024, "Stadtbezirk")
"""

from indicators.atlas import CITY_ID, CITY_LEVEL, Atlas, open_atlas
from indicators.catalogue import Indicator
from indicators.errors import AtlasError, AtlasFileError, AtlasQueryError

__all__ = [
    "CITY_ID", "CITY_LEVEL", "Atlas", "AtlasError", "AtlasFileError", "AtlasQueryError",
    "Indicator", "open_atlas",
]
