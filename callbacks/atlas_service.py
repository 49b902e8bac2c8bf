"""The app's only door to the domain: memoised, read-only calls on one atlas.

Costly pure computations (simplified geometry, classified map data) are cached
with flask-caching, keyed by the atlas's cache key (path + version + mtime) and
the arguments, so an updated atlas never serves stale results. The cache is
local by default and Redis when CACHE_REDIS_URL is set, so several workers share it.
"""

from __future__ import annotations

import hashlib
import os

from flask_caching import Cache

from geodata.browser_geometry import (
    MapView,
    browser_geojson,
    map_view_for,
    representative_points,
)
from geodata.offers import (
    OfferFilter,
    filter_offers,
    filter_options,
    offers_in,
    offers_per_district,
)
from indicators import Atlas, AtlasQueryError, open_atlas, texts
from indicators.catalogue import Indicator
from indicators.map_view import ChoroplethData, MapRequest, choropleth_data, mode_result
from indicators.robustness import Robustness, robustness
from indicators.supply import with_supply_indicators


class AtlasService:
    """Per-app access to an atlas with the visibility rule (public/internal) applied."""

    def __init__(self, atlas: Atlas, cache: Cache, show_internal: bool, tolerance_m: float):
        self.show_internal = show_internal
        self._use(atlas)

        # Memoised on (atlas key, arguments); ``self.atlas`` is the atlas of that key.
        @cache.memoize()
        def _geojson(atlas_key: str, level: str, tolerance: float) -> dict:
            return browser_geojson(self.atlas.districts(level), tolerance)

        @cache.memoize()
        def _choropleth(atlas_key: str, request: MapRequest) -> ChoroplethData:
            return choropleth_data(self.atlas, request)

        @cache.memoize()
        def _view(atlas_key: str, level: str) -> MapView:
            return map_view_for(self.atlas.districts(level))

        @cache.memoize()
        def _robustness(atlas_key: str, request: MapRequest) -> Robustness:
            atlas = self.atlas
            indicator = atlas.indicator(request.indicator_id)
            frame = atlas.values(request.indicator_id, request.year, request.level)
            return robustness(mode_result(atlas, indicator, frame, request).frame, request.k)

        self._robustness = lambda request: _robustness(self.key, request)
        self._geojson = lambda level: _geojson(self.key, level, tolerance_m)
        self._choropleth = lambda request: _choropleth(self.key, request)
        self._view = lambda level: _view(self.key, level)

    def _use(self, atlas: Atlas) -> None:
        # supply indicators (Kita-Plätze je 100 Kinder, …) are derived live from the offers
        # and then behave like every other indicator
        self.atlas = with_supply_indicators(atlas) if len(atlas.offers()) else atlas
        self.key = atlas.cache_key
        self.version_tag = hashlib.sha1(self.key.encode()).hexdigest()[:10]
        # computed once per atlas, not on every filter change
        self._offers_wgs84 = None
        self._outside_note: str | None = None
        self._offer_areas_by_level: dict[str, dict] = {}

    def reload(self, path: str | os.PathLike | None = None) -> Atlas:
        """Open the atlas again (e.g. after an import); new key, so no stale cache entries."""
        self._use(open_atlas(path or self.atlas.path))
        return self.atlas

    # --- catalogue with visibility ----------------------------------------------
    @property
    def public_only(self) -> bool:
        return not self.show_internal

    def themes(self) -> list[str]:
        return self.atlas.themes(public_only=self.public_only)

    def indicator_options(self, theme: str | None = None) -> list[dict]:
        catalogue = self.atlas.catalogue(theme=theme or None, public_only=self.public_only)
        return [{"label": row.name, "value": row.indicator_id} for row in catalogue.itertuples()]

    def default_indicator(self) -> str:
        """The map a page opens with: the atlas's choice, else the first need indicator."""
        catalogue = self.atlas.catalogue(public_only=self.public_only)
        chosen = self.atlas.meta.get("default_indicator")
        if chosen in set(catalogue["indicator_id"]):
            return chosen
        rates = catalogue[catalogue["denominator"].fillna("").astype(str).str.len() > 0]
        need = rates[rates["polarity"] == "higher_worse"]
        for candidates in (need, rates, catalogue):
            if len(candidates):
                return candidates["indicator_id"].iloc[0]
        raise AtlasQueryError(texts.ERR_UNKNOWN_INDICATOR.format(indicator_id="–"))

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator if this app may show it; internal ones only with show_internal."""
        indicator = self.atlas.indicator(indicator_id)
        if self.public_only and not indicator.public:
            raise AtlasQueryError(texts.ERR_UNKNOWN_INDICATOR.format(indicator_id=indicator_id))
        return indicator

    def years(self, indicator_id: str) -> list[int]:
        self.indicator(indicator_id)
        return self.atlas.years(indicator_id)

    # --- map ------------------------------------------------------------------
    def geojson(self, level: str) -> dict:
        return self._geojson(level)

    def geojson_url(self, level: str) -> str:
        """Versioned URL of a level's geometry: the browser may cache it forever."""
        return f"/geometrie/{self.version_tag}/{self.atlas.levels.index(level)}.geojson"

    def district_options(self, level: str) -> list[dict]:
        """The areas of a level for the selection list, sorted by name (German order)."""
        districts = self.atlas.districts(level)
        pairs = sorted(zip(districts["name"], districts["district_id"], strict=True),
                       key=lambda pair: pair[0].casefold())
        return [{"label": name, "value": key} for name, key in pairs]

    def label_points(self, level: str) -> dict:
        """Names at points inside each area (biggest first, so big areas win label
        collisions) and the level's bounds, for the browser to fit the map to."""
        districts = self.atlas.districts(level)
        order = districts.geometry.area.sort_values(ascending=False).index
        ordered = districts.loc[order]
        lons, lats = representative_points(ordered)
        bounds = [round(float(b), 5) for b in districts.to_crs(4326).total_bounds]
        return {"labels": [[name, lon, lat] for name, lon, lat in
                           zip(ordered["name"], lons, lats, strict=True)],
                "bounds": bounds, "level": level}

    def map_view(self, level: str) -> MapView:
        return self._view(level)

    def choropleth(self, request: MapRequest) -> ChoroplethData:
        self.indicator(request.indicator_id)
        return self._choropleth(request)

    def robustness(self, request: MapRequest) -> Robustness:
        """Which areas change class between methods (for the current mode's values)."""
        self.indicator(request.indicator_id)
        return self._robustness(request)

    def warm_up(self) -> int:
        """Compute the default map of every indicator and year once (in the background at
        start), so that the first switch in a workshop is as fast as every later one."""
        level = self.atlas.levels[0]
        done = 0
        for option in self.indicator_options():
            for year in self.years(option["value"]):
                self.choropleth(MapRequest(option["value"], year, level))
                done += 1
        self.geojson(level)
        return done

    # --- offers -----------------------------------------------------------------
    def offer_choices(self) -> dict:
        return filter_options(self.atlas.offers())

    def offer_points(self, offer_filter: OfferFilter):
        """Filtered offers in WGS84 (lon, lat columns) for the map layer."""
        if self._offers_wgs84 is None:
            offers = self.atlas.offers()
            points = offers.to_crs(4326).geometry
            self._offers_wgs84 = offers.assign(lon=points.x.round(6), lat=points.y.round(6))
        return filter_offers(self._offers_wgs84, offer_filter)

    def offers_of(self, district_ids: list[str], level: str,
                  offer_filter: OfferFilter | None = None):
        """The (filtered) offers lying in the selected areas, each with its area."""
        districts = self.atlas.districts(level)
        known = set(districts["district_id"])
        offers = filter_offers(self.atlas.offers(), offer_filter or OfferFilter())
        return offers_in(offers, districts, [i for i in district_ids if i in known])

    def area_of_offer(self, offer_id: str, level: str) -> str | None:
        """The area (of this level) an offer lies in, or None when it lies outside all."""
        offers = self.atlas.offers()
        chosen = offers.index[offers["offer_id"].astype(str) == str(offer_id)]
        return self._offer_areas(level).get(chosen[0]) if len(chosen) else None

    def areas_of_offers(self, offers, level: str) -> list:
        """For each (filtered) offer its area on this level (None outside every area)."""
        areas = self._offer_areas(level)
        return [areas.get(index) for index in offers.index]

    def _offer_areas(self, level: str) -> dict:
        """Offer index -> area id on this level; one spatial join per atlas and level."""
        if level not in self._offer_areas_by_level:
            joined = offers_per_district(self.atlas.offers(),
                                         self.atlas.districts(level)).assignment
            self._offer_areas_by_level[level] = {
                index: None if a is None or a != a else str(a) for index, a in joined.items()}
        return self._offer_areas_by_level[level]

    def offers_outside(self) -> str:
        """The German note on offers lying in no area (reported, never dropped silently)."""
        if self._outside_note is None:
            self._outside_note = offers_per_district(
                self.atlas.offers(), self.atlas.districts(self.atlas.levels[0])).message
        return self._outside_note
