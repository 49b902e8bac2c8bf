"""Callback registration, one module per feature. Thin: UI state -> domain -> component."""

from __future__ import annotations

from dash import Dash

from callbacks import (
    compare,
    explorer,
    export,
    geometry_route,
    need_supply,
    offers,
    playback,
    profile,
    selection,
    url_state,
)
from callbacks.atlas_service import AtlasService


def register_callbacks(app: Dash, service: AtlasService) -> None:
    """Called once by create_app; nothing registers itself on import."""
    geometry_route.register(app, service)
    explorer.register(app, service)
    url_state.register(app, service)
    playback.register(app)
    selection.register(app, service)
    compare.register(app, service)
    profile.register(app, service)
    offers.register(app, service)
    need_supply.register(app, service)
    export.register(app, service)
