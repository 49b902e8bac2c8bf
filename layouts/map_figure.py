"""The choropleth figure: built once per level, then patched per indicator/year.

``trace_update`` is the part that changes on a switch; the full figure adds
the geometry. A switch sends only ``trace_update`` (as a Dash Patch).
"""

from __future__ import annotations

import plotly.graph_objects as go

from geodata.browser_geometry import MapView
from indicators.map_view import ChoroplethData

HOVER_TEMPLATE = (
    "<b>%{text}</b><br>%{customdata[0]}<br>%{customdata[1]}<br>"
    "<span style='color:#555'>{city}</span><extra></extra>"
)
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"


def discrete_colorscale(colors: tuple[str, ...]) -> list[list]:
    """One flat band per z code 0..n-1 (zmin -0.5, zmax n-0.5)."""
    n = len(colors)
    scale = []
    for index, color in enumerate(colors):
        scale.append([index / n, color])
        scale.append([(index + 1) / n, color])
    return scale


def trace_update(data: ChoroplethData) -> dict:
    """Trace properties that change with indicator, year or classification."""
    return {
        "z": list(data.z),
        "zmin": -0.5,
        "zmax": data.zmax + 0.5,
        "colorscale": discrete_colorscale(data.colors),
        "customdata": [list(lines) for lines in data.hover],
        "hovertemplate": HOVER_TEMPLATE.replace("{city}", data.city_line),
    }


def choropleth_figure(geojson: dict, data: ChoroplethData, view: MapView) -> go.Figure:
    """The full map with geometry: a plain white background, no tiles, works offline."""
    trace = go.Choroplethmap(
        geojson=geojson,
        locations=list(data.district_ids),
        featureidkey="id",
        text=list(data.names),
        showscale=False,
        marker={"line": {"width": 1, "color": "#ffffff"}, "opacity": 1},
        **trace_update(data),
    )
    figure = go.Figure(trace)
    figure.update_layout(
        map={"style": "white-bg", "center": {"lon": view.lon, "lat": view.lat},
             "zoom": view.zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        separators=",.",
        font={"family": FONT, "size": 16},
        hoverlabel={"font": {"size": 16, "family": FONT}, "bgcolor": "white"},
        paper_bgcolor="white",
        uirevision="map",
    )
    return figure
