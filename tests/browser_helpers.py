"""Small helpers for driving the explorer in Playwright."""

from __future__ import annotations

import json

MAP_TRACE_JS = """() => {
  const graph = document.querySelector('#map .js-plotly-plot');
  if (!graph || !graph.data || !graph.data.length) return null;
  const t = graph.data[0];
  return {locations: Array.from(t.locations || []), z: Array.from(t.z || []),
          colorscale: t.colorscale, customdata: t.customdata, text: Array.from(t.text || []),
          hovertemplate: t.hovertemplate, features: t.geojson ? t.geojson.features.length : 0};
}"""


def map_trace(page) -> dict:
    return page.evaluate(MAP_TRACE_JS)


def wait_for_map(page, timeout: float = 30_000) -> dict:
    page.wait_for_function(f"({MAP_TRACE_JS})() !== null", timeout=timeout)
    page.wait_for_selector("#map .maplibregl-canvas", timeout=timeout)
    return map_trace(page)


def choose(page, dropdown_id: str, label: str) -> None:
    """Open a Dash dropdown and click the option with this label."""
    page.click(f"#{dropdown_id}")
    page.get_by_role("option", name=label, exact=True).click()


def wait_for_trace_change(page, before: dict, key: str = "z", timeout: float = 15_000) -> dict:
    page.wait_for_function(
        f"(prev) => {{ const t = ({MAP_TRACE_JS})();"
        f" return t && JSON.stringify(t.{key}) !== prev; }}",
        arg=json.dumps(before[key]), timeout=timeout,
    )
    return map_trace(page)


def colour_of(trace: dict, index: int) -> str:
    """The fill colour the user sees for one district (discrete colourscale, z = band)."""
    scale = trace["colorscale"]
    bands = len(scale) // 2
    return scale[2 * int(trace["z"][index])][1] if int(trace["z"][index]) < bands else ""
