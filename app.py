"""Chancenatlas: create_app(atlas, config) -> Dash, and the command line.

    python app.py                      serve the Musterstadt demo atlas
    python app.py serve [ATLAS]        serve an atlas (GeoPackage)
    python app.py import RECIPE        build or update an atlas from a recipe
    python app.py check ATLAS          validate an atlas
    python app.py template KATALOG.xlsx [--atlas ATLAS]   Excel template of the catalogue
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

from callbacks import data_load, register_callbacks
from callbacks.atlas_service import AtlasService
from callbacks.data_load_jobs import default_data_dir, is_local_host
from callbacks.url_state import explorer_options, search_of_page
from indicators import Atlas, AtlasError, open_atlas, texts
from layouts.data_load import data_load_panel
from layouts.explorer import explorer_layout

ROOT = Path(__file__).resolve().parent
DEMO_ATLAS = ROOT / "geodata" / "data" / "musterstadt.gpkg"


@dataclass(frozen=True)
class AppConfig:
    """How an app instance behaves; read from the environment by ``from_env``."""

    show_internal: bool = False
    cache_redis_url: str | None = None
    geometry_tolerance_m: float = 10.0
    warm_cache: bool = False
    data_load: bool = False  # "Daten laden" only for an app that runs locally
    data_dir: Path | None = None

    @classmethod
    def from_env(cls) -> AppConfig:
        return cls(
            show_internal=os.environ.get("CHANCENATLAS_SHOW_INTERNAL", "") in ("1", "true", "ja"),
            cache_redis_url=os.environ.get("CACHE_REDIS_URL") or None,
            warm_cache=os.environ.get("CHANCENATLAS_WARM_CACHE", "1") != "0",
            data_load=is_local_host(os.environ.get("HOST", "127.0.0.1")),
            data_dir=default_data_dir(),
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
    data_dir = config.data_dir or default_data_dir()
    # built per page load, from the page's URL (and the atlas as it is now)
    app.layout = lambda: explorer_layout(explorer_options(service, search_of_page()),
                                         data_load_panel(config.data_load, str(data_dir)))
    register_callbacks(app, service)
    data_load.register(app, service, enabled=config.data_load, data_dir=data_dir)
    _preload_geometry(app, service)
    if config.warm_cache:
        threading.Thread(target=service.warm_up, name="warm-cache", daemon=True).start()
    return app


def _preload_geometry(app: Dash, service: AtlasService) -> None:
    """Let the browser fetch the base level's geometry while Dash is still starting
    (and keep the tab title right after another atlas was loaded)."""
    interpolate = app.interpolate_index

    def with_preload(**kwargs) -> str:
        url = service.geojson_url(service.atlas.levels[0])
        kwargs["title"] = f"{texts.APP_TITLE} – {service.atlas.name}"  # after a reload too
        kwargs["metas"] = (kwargs.get("metas", "") +
                           f'<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous">')
        return interpolate(**kwargs)

    app.interpolate_index = with_preload


def serve(atlas_path: Path) -> int:
    atlas = open_atlas(atlas_path)
    app = create_app(atlas, AppConfig.from_env())
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8050"))
    print(texts.SERVING.format(app=texts.APP_TITLE, atlas=atlas.name, host=host, port=port),
          flush=True)
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
        if command in ("import", "check", "template"):
            from geodata.importer import cli

            main_of = {"import": cli.import_main, "check": cli.check_main,
                       "template": cli.template_main}
            return main_of[command](rest)
        if command.endswith(".gpkg") or Path(command).exists():
            return serve(Path(command))
        message = texts.ERR_UNKNOWN_COMMAND.format(command=command)
        print(f"{texts.ERR_PREFIX}: {message}\n{__doc__}", file=sys.stderr)
        return 2
    except AtlasError as error:
        print(f"{texts.ERR_PREFIX}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
