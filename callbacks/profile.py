"""Steckbrief callbacks (placeholder until it is built)."""

from __future__ import annotations

from dash import Dash

from callbacks.atlas_service import AtlasService


def register(app: Dash, service: AtlasService) -> None:
    """Nothing to register yet."""
