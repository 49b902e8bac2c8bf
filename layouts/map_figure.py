"""The choropleth figure: built once per level, then patched per indicator, year or mode.

The traces share one geometry, fetched by URL (cached by the browser, never in a
callback response). Both list every area in a fixed order; each area has a z in
exactly one of them and null in the other (null is not drawn): trace 0 colours the
classified areas, trace 1 greys out Datenschutz / keine Daten with the reason as
hover. ``trace_updates`` – z, hover numbers, colours – is all a switch sends.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import Patch

from geodata.browser_geometry import MapView
from indicators import texts
from indicators.map_view import ChoroplethData
from indicators.palettes import NO_DATA_COLOR, SUPPRESSED_COLOR

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
GREY_TEMPLATE = "<b>%{text}</b><br>%{customdata}<extra></extra>"
CLASSES, GREY, OUTLINE, SELECTED, TWINS, OFFERS = 0, 1, 2, 3, 4, 5
OUTLINE_COLOR = "#1d2330"
SELECTED_COLOR = "#0057b8"
TWINS_COLOR = "#c51b7d"
TRANSPARENT = "rgba(0,0,0,0)"


def discrete_colorscale(colors: tuple[str, ...] | list[str]) -> list[list]:
    """One flat band per class 0..n-1 (use zmin -0.5, zmax n-0.5)."""
    n = max(len(colors), 1)
    scale = []
    for index, color in enumerate(colors):
        scale.append([index / n, color])
        scale.append([(index + 1) / n, color])
    return scale or [[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]]


def trace_updates(data: ChoroplethData) -> dict[int, dict]:
    """Per trace, the properties that change with indicator, year, mode or classes."""
    return {
        CLASSES: {
            "z": list(data.z),
            "zmin": -0.5,
            "zmax": len(data.colors) - 0.5,
            "colorscale": discrete_colorscale(data.colors),
            "customdata": [None if row is None else list(row) for row in data.customdata],
            "hovertemplate": data.hovertemplate,
        },
        GREY: {
            "z": list(data.grey_z),
            "customdata": list(data.grey_labels),
        },
    }


def outline_update(district_ids: tuple[str, ...] | list[str]) -> dict[int, dict]:
    """The outline trace: areas to draw with a strong border (e.g. method-dependent ones)."""
    return {OUTLINE: {"locations": list(district_ids), "z": [0] * len(district_ids)}}


def selection_update(district_ids: tuple[str, ...] | list[str]) -> dict[int, dict]:
    """The selected areas: a thick blue border over whatever colour they have."""
    return {SELECTED: {"locations": list(district_ids), "z": [0] * len(district_ids)}}


def twins_update(district_ids: tuple[str, ...] | list[str]) -> dict[int, dict]:
    """Statistical twins of an area: a magenta border."""
    return {TWINS: {"locations": list(district_ids), "z": [0] * len(district_ids)}}


def offers_update(lon: list, lat: list, colors: list, sizes: list, hover: list,
                  offer_ids: list) -> dict[int, dict]:
    """The offer points (empty lists hide the layer)."""
    return {OFFERS: {"lon": lon, "lat": lat, "marker.color": colors, "marker.size": sizes,
                     "text": hover, "customdata": offer_ids}}


def patch_traces(updates: dict[int, dict]):
    """A Dash Patch that sets only these trace properties (no geometry, nothing else).

    Dotted keys ("marker.color") address nested properties.
    """
    figure = Patch()
    for index, changes in updates.items():
        for key, value in changes.items():
            *path, last = key.split(".")
            target = figure["data"][index]
            for part in path:
                target = target[part]
            target[last] = value
    return figure


def _border_trace(name: str, geojson_url: str, color: str, width: float, update: dict):
    return go.Choroplethmap(name=name, geojson=geojson_url, featureidkey="id", showscale=False,
                            hoverinfo="skip", colorscale=[[0, TRANSPARENT], [1, TRANSPARENT]],
                            marker={"line": {"width": width, "color": color}}, **update)


def choropleth_figure(geojson_url: str, data: ChoroplethData, view: MapView,
                      outlined: tuple[str, ...] = (), selected: tuple[str, ...] = ()
                      ) -> go.Figure:
    """The full map: plain white background, no tiles, geometry by local URL; works offline."""
    updates = trace_updates(data)
    common = {"geojson": geojson_url, "featureidkey": "id", "showscale": False,
              "locations": list(data.district_ids), "text": list(data.names),
              "marker": {"line": {"width": 1, "color": "#ffffff"}, "opacity": 1}}
    figure = go.Figure([
        go.Choroplethmap(name="classes", hovertemplatefallback=texts.HOVER_FALLBACK,
                         **common, **updates[CLASSES]),
        go.Choroplethmap(name="grey", zmin=-0.5, zmax=1.5, hovertemplate=GREY_TEMPLATE,
                         colorscale=discrete_colorscale([NO_DATA_COLOR, SUPPRESSED_COLOR]),
                         **common, **updates[GREY]),
        _border_trace("outline", geojson_url, OUTLINE_COLOR, 4,
                      outline_update(outlined)[OUTLINE]),
        _border_trace("selected", geojson_url, SELECTED_COLOR, 5,
                      selection_update(selected)[SELECTED]),
        _border_trace("twins", geojson_url, TWINS_COLOR, 4, twins_update(())[TWINS]),
        # uid fixed: assets/map_labels.js keeps this trace's layers above the areas
        go.Scattermap(name="offers", uid="offers", lon=[], lat=[], mode="markers", text=[],
                      customdata=[],
                      hovertemplate="%{text}<extra></extra>",
                      marker={"size": [], "color": [], "opacity": 0.9}),
    ])
    # selection is shown by the blue border, so Plotly must not dim the other areas
    figure.update_traces(selected={"marker": {"opacity": 1}},
                         unselected={"marker": {"opacity": 1}})
    figure.update_layout(**map_layout(view, "map"))
    return figure


def map_layout(view: MapView, uirevision: str) -> dict:
    """The common look of every map: white background (no tiles), German numbers,
    projector-sized hover, pan by default; ``uirevision`` keeps the user's zoom."""
    return {
        "map": {"style": "white-bg", "center": {"lon": view.lon, "lat": view.lat},
                "zoom": view.zoom},
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "separators": ",.",
        "font": {"family": FONT, "size": 16},
        "hoverlabel": {"font": {"size": 17, "family": FONT, "color": "#1d2330"},
                       "bgcolor": "white", "bordercolor": "#1f3a5f"},
        "paper_bgcolor": "white",
        "showlegend": False,
        "uirevision": uirevision,
        "dragmode": "pan",
    }
