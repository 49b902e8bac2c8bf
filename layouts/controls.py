"""Small building blocks for controls, so every control looks and reads the same."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from indicators import texts


def dropdown(**props) -> dcc.Dropdown:
    """A dropdown with German labels for search, clearing and 'no results'."""
    return dcc.Dropdown(labels=texts.DROPDOWN_LABELS, **props)


def labelled(label: str, html_for: str, component) -> html.Div:
    return html.Div([dbc.Label(label, html_for=html_for), component], className="control")


def year_marks(years: list[int]) -> dict[int, str]:
    """Slider marks: every year when there are few, else every other one (readable)."""
    step = 1 if len(years) <= 8 else 2
    return {year: str(year) if i % step == 0 or year == years[-1] else ""
            for i, year in enumerate(years)}
