"""Chancenatlas: create_app(atlas, config) -> Dash, and the command line.

    python app.py                      serve the Musterstadt demo atlas
    python app.py serve [ATLAS]        serve an atlas (GeoPackage)
    python app.py import RECIPE        build or update an atlas from a recipe
    python app.py check ATLAS          validate an atlas
    python app.py demo [PATH]          rebuild the demo atlas

HOST and PORT from the environment override the defaults 127.0.0.1:8050.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from dash import Dash
from flask_caching import Cache

from callbacks import register_callbacks
from callbacks.atlas_service import AtlasService
from callbacks.url_state import url_keys
from indicators import Atlas, AtlasError, open_atlas, texts
from layouts.explorer import ExplorerOptions, explorer_layout

ROOT = Path(__file__).resolve().parent
DEMO_ATLAS = ROOT / "geodata" / "data" / "musterstadt.gpkg"


@dataclass(frozen=True)
class AppConfig:
    """How an app instance behaves; read from the environment by ``from_env``."""

    show_internal: bool = False
    cache_redis_url: str | None = None
    geometry_tolerance_m: float = 10.0
    warm_cache: bool = False

    @classmethod
    def from_env(cls) -> AppConfig:
        return cls(
            show_internal=os.environ.get("CHANCENATLAS_SHOW_INTERNAL", "") in ("1", "true", "ja"),
            cache_redis_url=os.environ.get("CACHE_REDIS_URL") or None,
            warm_cache=os.environ.get("CHANCENATLAS_WARM_CACHE", "1") != "0",
        )


def cache_config(config: AppConfig) -> dict:
    """Local in-process cache by default, Redis when a URL is given."""
    if config.cache_redis_url:
        return {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": config.cache_redis_url,
                "CACHE_DEFAULT_TIMEOUT": 3600, "CACHE_KEY_PREFIX": "chancenatlas:"}
    return {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": 3600, "CACHE_THRESHOLD": 2000}


def create_app(atlas: Atlas, config: AppConfig | None = None) -> Dash:
    """The explorer for one atlas; callbacks are registered here, never on import."""
    config = config or AppConfig()
    app = Dash(
        __name__,
        title=f"{texts.APP_TITLE} – {atlas.name}",
        assets_folder=str(ROOT / "assets"),
        serve_locally=True,
        update_title=None,
    )
    cache = Cache(app.server, config=cache_config(config))
    service = AtlasService(atlas, cache, config.show_internal, config.geometry_tolerance_m)
    app.server.extensions["chancenatlas_service"] = service
    app.layout = lambda: explorer_layout(_initial_options(service))  # per page load: reloads
    register_callbacks(app, service)
    if config.warm_cache:
        threading.Thread(target=service.warm_up, name="warm-cache", daemon=True).start()
    return app


def _initial_options(service: AtlasService) -> ExplorerOptions:
    atlas = service.atlas
    indicators = service.indicator_options()
    first = service.default_indicator()
    years = service.years(first)
    return ExplorerOptions(
        atlas_name=atlas.name,
        is_demo=atlas.is_demo,
        data_date=atlas.meta.get("data_date", ""),
        themes=service.themes(),
        indicators=indicators,
        indicator=first,
        years=years,
        year=years[-1],
        levels=atlas.levels,
        level=atlas.levels[0],
        url_keys=url_keys(),
    )


def serve(atlas_path: Path) -> int:
    atlas = open_atlas(atlas_path)
    app = create_app(atlas, AppConfig.from_env())
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8050"))
    print(f"{texts.APP_TITLE}: {atlas.name} auf http://{host}:{port}", flush=True)
    app.run(host=host, port=port, debug=False)
    return 0


def main(argv: list[str]) -> int:
    """Command-line entry; bad input ends with a German message and exit code 2."""
    command, *rest = argv or ["serve"]
    try:
        if command == "serve":
            return serve(Path(rest[0]) if rest else DEMO_ATLAS)
        if command == "demo":
            from geodata.demo import write_demo_atlas

            print(write_demo_atlas(Path(rest[0]) if rest else DEMO_ATLAS))
            return 0
        if command in ("import", "check"):
            from geodata.importer import cli

            return (cli.import_main if command == "import" else cli.check_main)(rest)
        if command.endswith(".gpkg") or Path(command).exists():
            return serve(Path(command))
        print(f"{texts.ERR_PREFIX}: unbekannter Befehl „{command}“.\n{__doc__}", file=sys.stderr)
        return 2
    except AtlasError as error:
        print(f"{texts.ERR_PREFIX}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
