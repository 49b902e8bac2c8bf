"""The comparison panel under the map (placeholder until the panel is built)."""

from __future__ import annotations

from dash import html

from layouts import ids


def compare_panel() -> html.Div:
    return html.Div(id=ids.COMPARE_PANEL, className="compare-panel")
