"""The district profile (Steckbrief) (placeholder until it is built)."""

from __future__ import annotations

from dash import html


def profile_button() -> html.Span:
    return html.Span()


def profile_modal() -> html.Div:
    return html.Div()
