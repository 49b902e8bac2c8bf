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
