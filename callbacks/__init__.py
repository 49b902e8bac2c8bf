"""Callback registration, one module per feature. Thin: UI state -> domain -> component."""

from __future__ import annotations

from dash import Dash

from callbacks import explorer
from callbacks.atlas_service import AtlasService


def register_callbacks(app: Dash, service: AtlasService) -> None:
    """Called once by create_app; nothing registers itself on import."""
    explorer.register(app, service)
