"""Small helpers for driving the explorer in Playwright."""

from __future__ import annotations

import json

MAP_TRACE_JS = """(index) => {
  index = index || 0;
  const graph = document.querySelector('#map .js-plotly-plot');
  if (!graph || !graph.data || graph.data.length <= index) return null;
  const t = graph.data[index];
  const featureCount = (g) => {
    const geo = typeof g === 'string' ? (window.PlotlyGeoAssets || {})[g] : g;
    return geo && geo.features ? geo.features.length : 0;
  };
  return {locations: Array.from(t.locations || []), z: Array.from(t.z || []),
          colorscale: t.colorscale, customdata: t.customdata, text: Array.from(t.text || []),
          hovertemplate: t.hovertemplate, geojson: typeof t.geojson === 'string' ? t.geojson : null,
          features: featureCount(t.geojson)};
}"""


def map_trace(page) -> dict:
    """The classified areas (trace 0): locations, z (null = not coloured), hover numbers."""
    return page.evaluate(MAP_TRACE_JS)


def grey_trace(page) -> dict:
    """The grey areas (trace 1): Datenschutz / keine Daten with their reason."""
    return page.evaluate(MAP_TRACE_JS, 1)


def wait_for_map(page, timeout: float = 30_000) -> dict:
    page.wait_for_function(f"(({MAP_TRACE_JS})() || {{features: 0}}).features > 0",
                           timeout=timeout)
    page.wait_for_selector("#map .maplibregl-canvas", timeout=timeout)
    return map_trace(page)


def choose(page, dropdown_id: str, label: str) -> None:
    """Open a Dash dropdown and click the option with this label."""
    page.click(f"#{dropdown_id}")
    page.get_by_role("option", name=label, exact=True).click()
    if page.get_by_role("listbox").count():  # a menu left open would cover other controls
        page.keyboard.press("Escape")


def wait_for_trace_change(page, before: dict, key: str = "z", timeout: float = 15_000) -> dict:
    page.wait_for_function(
        f"(prev) => {{ const t = ({MAP_TRACE_JS})();"
        f" return t && JSON.stringify(t.{key}) !== prev; }}",
        arg=json.dumps(before[key], separators=(",", ":"), ensure_ascii=False), timeout=timeout,
    )
    return map_trace(page)


def colour_of(trace: dict, index: int) -> str | None:
    """The fill colour this trace gives one district (discrete colourscale; None = not drawn)."""
    z = trace["z"][index]
    return None if z is None else trace["colorscale"][2 * int(z)][1]


#: Pixel position (page coordinates) of a lon/lat on the Plotly/MapLibre map.
PROJECT_JS = """([lon, lat]) => {
  const graph = document.querySelector('#map .js-plotly-plot');
  const map = graph._fullLayout.map._subplot.map;
  const point = map.project([lon, lat]);
  const box = map.getCanvas().getBoundingClientRect();
  return [box.left + point.x, box.top + point.y];
}"""


def point_of_area(page, atlas, level: str, district_id: str) -> tuple[float, float]:
    """Page coordinates of a point inside an area (to click it as a user would)."""
    district = atlas.districts(level).set_index("district_id").loc[[district_id]]
    point = district.to_crs(4326).representative_point().iloc[0]
    return tuple(page.evaluate(PROJECT_JS, [point.x, point.y]))


def selection_in_url(page) -> list[str]:
    return page.evaluate("() => (new URLSearchParams(location.search).get('auswahl') || '')"
                         ".split(',').filter(Boolean)")


def selection_outline(page) -> list[str]:
    """Areas drawn with the blue selection border (map trace 3)."""
    return page.evaluate("() => Array.from(document.querySelector('#map .js-plotly-plot')"
                         ".data[3].locations || [])")


#: Number of areas MapLibre has actually painted (distinct centroids of filled polygons).
DRAWN_JS = """() => {
  const graph = document.querySelector('#map .js-plotly-plot');
  const map = graph && graph._fullLayout && graph._fullLayout.map;
  if (!map || !map._subplot || !map._subplot.map.loaded()) return 0;
  const fills = map._subplot.map.queryRenderedFeatures().filter(f => f.layer.type === 'fill');
  return new Set(fills.map(f => JSON.stringify(f.properties.ct))).size;
}"""


def wait_for_painted(page, timeout: float = 30_000) -> dict:
    """wait_for_map, then until MapLibre has painted every area, so screenshots show the map."""
    trace = wait_for_map(page, timeout)
    page.wait_for_function(f"(n) => ({DRAWN_JS})() >= n", arg=len(trace["locations"]),
                           timeout=timeout)
    return map_trace(page)
