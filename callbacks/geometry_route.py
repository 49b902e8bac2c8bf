"""Serves district geometry as GeoJSON at a versioned URL (also a download for GIS users)."""

from __future__ import annotations

import json

from dash import Dash
from flask import Response, abort

from callbacks.atlas_service import AtlasService


def register(app: Dash, service: AtlasService) -> None:
    @app.server.route("/geometrie/<version>/<int:level_index>.geojson")
    def _geometry(version: str, level_index: int) -> Response:
        levels = service.atlas.levels
        if version != service.version_tag or not 0 <= level_index < len(levels):
            abort(404)
        body = json.dumps(service.geojson(levels[level_index]), separators=(",", ":"))
        response = Response(body, mimetype="application/geo+json")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
