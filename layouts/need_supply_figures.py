"""Figures of the panel "Bedarf und Versorgung": pure functions, domain result -> figure.

The map shares the explorer's geometry by URL (fetched once, cached by the browser).
Traces, in drawing order:

0 ``classes``   every area; z = class code 0..8 of :func:`indicators.bivariate.bivariate_classes`,
                -1 (grey) where a value is suppressed or missing — never coloured as a class.
1 ``no-data``   light grey over the areas that have no value at all (not Datenschutz).
2 ``uncovered`` the parts of areas outside every catchment (own inline GeoJSON in WGS84;
                MapLibre cannot hatch, so a semi-transparent dark fill).
3 ``offers``    the offers the catchments are drawn around (only with a radius).
4 ``selected``  the explorer's selection as a blue border.

``class_updates`` / ``catchment_updates`` / ``selection_updates`` are what a change sends
(applied with :func:`layouts.map_figure.patch_traces`).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely

from geodata.browser_geometry import COORDINATE_DECIMALS, MapView
from geodata.catchment import coverage_summary
from indicators.bivariate import BivariateResult
from indicators.catalogue import Indicator
from indicators.formatting import format_value
from indicators.palettes import NO_DATA_COLOR, SUPPRESSED_COLOR
from indicators.texts import offers as texts
from layouts.map_figure import (
    SELECTED_COLOR,
    TRANSPARENT,
    discrete_colorscale,
    map_layout,
)

CLASSES, NO_DATA, UNCOVERED, OFFER_POINTS, SELECTED = 0, 1, 2, 3, 4
#: Fixed uids of the layers that belong above the areas, bottom to top (see LAYER_ORDER_JS).
UIDS = {UNCOVERED: "ns-uncovered", SELECTED: "ns-selected", OFFER_POINTS: "ns-offers"}
UNCOVERED_COLOR = "#1d2330"
UNCOVERED_OPACITY = 0.62
OFFER_COLOR = "#000000"
HOVER = "<b>%{text}</b><br>%{customdata}<extra></extra>"
#: Uncovered parts are simplified by this much (metres) before they go to the browser.
UNCOVERED_TOLERANCE_M = 8.0


@dataclass(frozen=True, eq=False)
class CatchmentView:
    """Uncovered parts ready for the browser, and the list view of the same result.

    ``geojson``: FeatureCollection (WGS84, simplified, id = district_id) of the non-empty
    uncovered parts; ``district_ids``/``names``/``hover`` in the same order.
    ``summary``: :func:`geodata.catchment.coverage_summary` of all areas.
    """

    radius_m: float
    geojson: dict
    district_ids: list[str]
    names: list[str]
    hover: list[str]
    summary: pd.DataFrame
    offer_lon: list[float]
    offer_lat: list[float]


def catchment_view(parts: gpd.GeoDataFrame, offers: gpd.GeoDataFrame, radius_m: float,
                   tolerance_m: float = UNCOVERED_TOLERANCE_M) -> CatchmentView:
    """Browser form of :func:`geodata.catchment.uncovered_parts` (and the offers used)."""
    shown = parts[~(parts.geometry.is_empty | parts.geometry.isna())
                  & (parts["uncovered_m2"] > 0)]
    geometry = shown.geometry.simplify(tolerance_m, preserve_topology=True).make_valid()
    wgs84 = gpd.GeoSeries(geometry, crs=parts.crs).to_crs(4326)
    rounded = shapely.transform(wgs84.to_numpy(), lambda xy: np.round(xy, COORDINATE_DECIMALS))
    features = [{"type": "Feature", "id": str(key), "properties": {},
                 "geometry": shapely.geometry.mapping(geom)}
                for key, geom in zip(shown["district_id"], rounded, strict=True)
                if not shapely.is_empty(geom)]
    keys = [feature["id"] for feature in features]
    by_id = shown.set_index("district_id")
    points = offers[~(offers.geometry.is_empty | offers.geometry.isna())].to_crs(4326)
    return CatchmentView(
        radius_m=float(radius_m),
        geojson={"type": "FeatureCollection", "features": features},
        district_ids=keys,
        names=[str(by_id.at[key, "name"]) for key in keys],
        hover=[str(by_id.at[key, "uncovered_text"]) for key in keys],
        summary=coverage_summary(parts),
        offer_lon=points.geometry.x.round(6).tolist(),
        offer_lat=points.geometry.y.round(6).tolist(),
    )


def radius_text(radius_m: float) -> str:
    """'500 m', '1 km', '1,5 km' (German)."""
    if radius_m >= 1000:
        return f"{format_value(radius_m / 1000, '', 1 if radius_m % 1000 else 0)}\u00a0km"
    return f"{format_value(radius_m, '', 0)}\u00a0m"


def hover_lines(result: BivariateResult, need: Indicator, supply: Indicator) -> list[str]:
    """Per area: both values as German text and the cell label (or why it is grey)."""
    lines = []
    for row in result.frame.itertuples():
        if row.code < 0:
            lines.append(row.label)
            continue
        lines.append("<br>".join([
            texts.NS_HOVER_NEED.format(name=need.short_name,
                                       value=format_value(row.need, need.unit, need.decimals)),
            texts.NS_HOVER_SUPPLY.format(name=supply.short_name, value=format_value(
                row.supply, supply.unit, supply.decimals)),
            f"<i>{row.label}</i>",
        ]))
    return lines


def class_colors(result: BivariateResult) -> list[str]:
    """Colour of z = -1 (grey), then the 9 cells in code order."""
    return [SUPPRESSED_COLOR, *(cell.color for cell in result.cells)]


def class_updates(result: BivariateResult, need: Indicator, supply: Indicator) -> dict:
    """What a change of indicator or year sends: z, colours, hover, the no-data areas."""
    frame = result.frame
    no_data = frame[(frame["code"] < 0) & ~frame["suppressed"]]
    return {
        CLASSES: {
            "locations": frame["district_id"].tolist(),
            "z": [int(code) for code in frame["code"]],
            "text": frame["name"].tolist(),
            "customdata": hover_lines(result, need, supply),
            "zmin": -1.5, "zmax": 8.5,
            "colorscale": discrete_colorscale(class_colors(result)),
        },
        NO_DATA: {
            "locations": no_data["district_id"].tolist(),
            "z": [0] * len(no_data),
            "text": no_data["name"].tolist(),
            "customdata": no_data["label"].tolist(),
        },
    }


def catchment_updates(view: CatchmentView | None) -> dict:
    """The uncovered parts and their offers; ``None`` (radius "aus") empties both traces."""
    if view is None:
        return {UNCOVERED: {"geojson": {"type": "FeatureCollection", "features": []},
                            "locations": [], "z": [], "text": [], "customdata": []},
                OFFER_POINTS: {"lon": [], "lat": []}}
    return {
        UNCOVERED: {"geojson": view.geojson, "locations": view.district_ids,
                    "z": [0] * len(view.district_ids), "text": view.names,
                    "customdata": view.hover},
        OFFER_POINTS: {"lon": view.offer_lon, "lat": view.offer_lat},
    }


def selection_updates(district_ids: list[str] | tuple[str, ...]) -> dict:
    return {SELECTED: {"locations": list(district_ids), "z": [0] * len(district_ids)}}


def bivariate_figure(result: BivariateResult, need: Indicator, supply: Indicator,
                     geojson_url: str, view: MapView, selected: list[str] | tuple = (),
                     catchment: CatchmentView | None = None) -> go.Figure:
    """The whole map: white background, no tiles, geometry by local URL (works offline)."""
    classes, catch = class_updates(result, need, supply), catchment_updates(catchment)
    shared = {"featureidkey": "id", "showscale": False, "hovertemplate": HOVER}
    figure = go.Figure([
        go.Choroplethmap(name="classes", geojson=geojson_url, **shared,
                         marker={"line": {"width": 1, "color": "#ffffff"}, "opacity": 1},
                         **classes[CLASSES]),
        go.Choroplethmap(name="no-data", geojson=geojson_url, **shared, zmin=0, zmax=1,
                         colorscale=[[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]],
                         marker={"line": {"width": 1, "color": "#ffffff"}, "opacity": 1},
                         **classes[NO_DATA]),
        go.Choroplethmap(name="uncovered", uid=UIDS[UNCOVERED], **shared, zmin=0, zmax=1,
                         colorscale=[[0, UNCOVERED_COLOR], [1, UNCOVERED_COLOR]],
                         marker={"line": {"width": 1.5, "color": "#ffffff"},
                                 "opacity": UNCOVERED_OPACITY},
                         **catch[UNCOVERED]),
        go.Scattermap(name="offers", uid=UIDS[OFFER_POINTS], mode="markers", hoverinfo="skip",
                      marker={"size": 7, "color": OFFER_COLOR, "opacity": 0.9},
                      **catch[OFFER_POINTS]),
        go.Choroplethmap(name="selected", uid=UIDS[SELECTED], geojson=geojson_url,
                         featureidkey="id", showscale=False, hoverinfo="skip",
                         colorscale=[[0, TRANSPARENT], [1, TRANSPARENT]],
                         marker={"line": {"width": 5, "color": SELECTED_COLOR}},
                         **selection_updates(selected)[SELECTED]),
    ])
    figure.update_traces(selected={"marker": {"opacity": 1}},
                         unselected={"marker": {"opacity": 1}},
                         selector={"type": "choroplethmap"})
    figure.update_layout(**map_layout(view, "need-supply"))
    return figure


#: MapLibre adds an area layer when its geometry (by URL) arrives, possibly after the
#: uncovered parts and points; this moves the layers of UIDS to the top, in that order,
#: whenever the map is idle. Inline so the panel needs no asset of its own.
LAYER_ORDER_JS = """
function (figure) {
  const order = ["ns-uncovered", "ns-selected", "ns-offers"];
  const rank = (id) => order.findIndex((uid) => id.startsWith("plotly-trace-layer-" + uid + "-"));
  function raise(map) {
    const layers = map.getStyle().layers.map((layer) => layer.id);
    const wanted = layers.filter((id) => rank(id) >= 0).sort((a, b) => rank(a) - rank(b));
    if (wanted.length && layers.slice(-wanted.length).join() !== wanted.join()) {
      wanted.forEach((id) => map.moveLayer(id));
    }
  }
  function attach(attempt) {
    const host = document.getElementById("need-supply-map");
    const gd = host && host.querySelector(".js-plotly-plot");
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    const map = sub && sub.map;
    if (!map) {
      if (attempt < 40) { setTimeout(() => attach(attempt + 1), 250); }
      return;
    }
    if (!map.__nsLayerOrder) { map.on("idle", () => raise(map)); map.__nsLayerOrder = true; }
    raise(map);
  }
  attach(0);
  return figure ? "drawn" : "empty";
}
"""


def empty_figure() -> go.Figure:
    """A blank white area (no axes) while there is nothing to show."""
    figure = go.Figure()
    figure.update_layout(paper_bgcolor="white", plot_bgcolor="white",
                         margin={"l": 0, "r": 0, "t": 0, "b": 0},
                         xaxis={"visible": False}, yaxis={"visible": False})
    return figure
