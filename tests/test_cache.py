"""Memoisation: local by default, a real Redis when CACHE_REDIS_URL is set."""

from __future__ import annotations

import pytest
import redis

from app import AppConfig, cache_config, create_app
from indicators import open_atlas
from indicators.map_view import MapRequest
from tests.atlas_factory import catalogue_row, value_rows, write_test_atlas

REQUEST = MapRequest("q", 2023, "Sozialraum")
COUNTS = {"0101": (30, 100), "0102": (40, 300), "0201": (50, 100), "0202": (60, 100)}


@pytest.fixture
def atlas_path(tmp_path):
    return write_test_atlas(tmp_path / "a.gpkg", [catalogue_row("q")],
                            value_rows("q", 2023, COUNTS))


def service_of(app):
    return app.server.extensions["chancenatlas_service"]


def test_local_cache_is_the_default():
    assert cache_config(AppConfig())["CACHE_TYPE"] == "SimpleCache"


@pytest.mark.redis
def test_map_data_and_geometry_are_cached_in_redis(redis_url, atlas_path):
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    app = create_app(open_atlas(atlas_path), AppConfig(cache_redis_url=redis_url))
    service = service_of(app)
    first = service.choropleth(REQUEST)
    service.geojson("Sozialraum")
    keys = client.keys("chancenatlas:*")
    assert len(keys) >= 2
    second = service.choropleth(REQUEST)
    assert second == first
    assert len(client.keys("chancenatlas:*")) == len(keys)  # served from Redis, nothing new


@pytest.mark.redis
def test_a_new_atlas_version_does_not_get_stale_results(redis_url, atlas_path, tmp_path):
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    config = AppConfig(cache_redis_url=redis_url)
    old = service_of(create_app(open_atlas(atlas_path), config)).choropleth(REQUEST)
    changed = dict(COUNTS, **{"0101": (90, 100)})
    write_test_atlas(atlas_path, [catalogue_row("q")], value_rows("q", 2023, changed),
                     version="2")
    new = service_of(create_app(open_atlas(atlas_path), config)).choropleth(REQUEST)
    assert old.customdata[0][0] == 30.0
    assert new.customdata[0][0] == 90.0


def test_warm_up_fills_the_cache_for_every_default_map(atlas_path):
    app = create_app(open_atlas(atlas_path), AppConfig())
    service = service_of(app)
    assert service.warm_up() == 1  # one public indicator, one year
    cache = app.server.extensions["cache"]
    cached = [key for backend in cache.values() for key in backend._cache]
    assert any("_choropleth" in key for key in cached)
