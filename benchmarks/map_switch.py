"""Bytes and server time per indicator/year switch, next to a naive baseline, in one run.

    python benchmarks/map_switch.py [--sizes 550 10000] [--rounds 2] [--no-browser]

For each atlas (the Musterstadt demo and synthetic atlases of the given sizes)
it replays the map callback exactly as the browser sends it, through Flask's
test client (no network, so only the server's own work is timed):

* **patched** – what the app does: a Dash Patch with z, hover and colours only;
  memoised (cold = first time an indicator/year is seen, warm = again);
* **naive** – rebuild and resend the whole figure, geometry included, no cache.

With Chromium available it also measures the first page load of the demo
(navigation until the map is drawn).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import DEMO_ATLAS, AppConfig, create_app  # noqa: E402
from indicators import Atlas, open_atlas  # noqa: E402
from indicators.atlas_file import write_atlas_layers  # noqa: E402
from layouts import ids  # noqa: E402


def callback_payload(app, values: dict[str, object], changed: str) -> dict:
    """The JSON body Dash's renderer posts for the map callback (taken from the app itself)."""
    output, spec = next((k, v) for k, v in app.callback_map.items() if f"{ids.MAP}.figure" in k)
    parts = output.strip(".").split("...")
    outputs = [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True)) for part in parts]
    if len(parts) == 1:
        outputs = outputs[0]
    return {
        "output": output,
        "outputs": outputs,
        "inputs": [{**item, "value": values.get(item["id"])} for item in spec["inputs"]],
        "state": [{**item, "value": values.get(item["id"])} for item in spec["state"]],
        "changedPropIds": [f"{changed}.value"],
    }


def control_values(indicator_id: str, year: int, level: str, geometry: str | None) -> dict:
    return {ids.INDICATOR: indicator_id, ids.YEAR: year, ids.LEVEL: level, ids.MODE: "value",
            ids.CLASSIFICATION: "quantiles", ids.CLASS_COUNT: 5, ids.FIXED_BREAKS: [],
            ids.CUSTOM_BREAKS: "", ids.MARK_UNSTABLE: [], ids.COMPARE_YEAR: None,
            ids.MAP_GEOMETRY_LEVEL: geometry}


def switches(atlas: Atlas, limit: int | None = None) -> list[tuple[str, int]]:
    """Every public indicator and year in menu order (the first ``limit`` of them)."""
    catalogue = atlas.catalogue(public_only=True)
    pairs = [(i, y) for i in catalogue["indicator_id"] for y in atlas.years(i)]
    return pairs[:limit] if limit else pairs


def measure(app, atlas: Atlas, patched: bool, rounds: int, limit: int | None = None) -> dict:
    client = app.server.test_client()
    level = atlas.levels[0]
    timings: dict[str, list[float]] = {"cold": [], "warm": []}
    sizes: list[int] = []
    for round_index in range(rounds):
        for indicator_id, year in switches(atlas, limit):
            values = control_values(indicator_id, year, level, level if patched else None)
            body = callback_payload(app, values, ids.INDICATOR)
            start = time.perf_counter()
            response = client.post("/_dash-update-component", data=json.dumps(body),
                                   content_type="application/json")
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise RuntimeError(response.get_data(as_text=True)[:500])
            timings["cold" if round_index == 0 else "warm"].append(elapsed)
            sizes.append(len(response.data))
    return {"timings": timings, "bytes": statistics.median(sizes)}


def summarise(name: str, atlas: Atlas, rounds: int, limit: int | None = None) -> list[str]:
    n = len(atlas.districts(atlas.levels[0]))
    patched = measure(create_app(atlas, AppConfig()), atlas, patched=True, rounds=rounds,
                      limit=limit)
    naive = measure(naive_app(atlas), atlas, patched=False, rounds=1, limit=limit)
    rows = []
    for label, result in (("patched", patched), ("naive", naive)):
        cold = result["timings"]["cold"]
        warm = result["timings"]["warm"] or cold
        rows.append(
            f"{name:<14} {n:>6} {label:<8} {result['bytes']:>11,.0f} {result['bytes'] / n:>9.1f} "
            f"{statistics.median(cold):>9.1f} {statistics.median(warm):>9.1f} "
            f"{_p95(warm):>8.1f}"
        )
    return rows


def naive_app(atlas: Atlas):
    """The baseline a first Dash prototype would be: one callback that rebuilds the whole
    figure, geometry inline, no cache, no Patch."""
    import plotly.graph_objects as go
    from dash import Dash, Input, Output, dcc

    from geodata.browser_geometry import browser_geojson, map_view_for
    from indicators.map_view import MapRequest, choropleth_data
    from layouts.map_figure import discrete_colorscale

    app = Dash(__name__)
    app.layout = dcc.Graph(id=ids.MAP)

    @app.callback(Output(ids.MAP, "figure"), Input(ids.INDICATOR, "value"),
                  Input(ids.YEAR, "value"), Input(ids.LEVEL, "value"))
    def _figure(indicator_id, year, level):
        districts = atlas.districts(level)
        data = choropleth_data(atlas, MapRequest(indicator_id, int(year), level))
        view = map_view_for(districts)
        trace = go.Choroplethmap(  # one trace, geometry inline, as a first prototype does
            geojson=browser_geojson(districts), locations=list(data.district_ids),
            z=[-1 if z is None else z for z in data.z], text=list(data.names),
            customdata=[list(row) if row else None for row in data.customdata],
            hovertemplate=data.hovertemplate, colorscale=discrete_colorscale(data.colors),
            zmin=-0.5, zmax=len(data.colors) - 0.5, showscale=False)
        return go.Figure(trace, layout={"map": {"style": "white-bg", "zoom": view.zoom,
                                                "center": {"lon": view.lon, "lat": view.lat}}})

    return app


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def synthetic_atlas(n: int, folder: Path) -> Atlas:
    from geodata.demo import build_synthetic_layers

    path = write_atlas_layers(folder / f"synthetic-{n}.gpkg", build_synthetic_layers(n))
    return open_atlas(path)


def first_page_load_ms(atlas: Atlas) -> float | None:
    """Navigation until the map's canvas is drawn, in a real headless Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS, LiveServer, chromium_executable

    executable = chromium_executable()
    if executable is None:
        return None
    from playwright.sync_api import sync_playwright

    server = LiveServer(create_app(atlas, AppConfig()))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(server.url)  # warm-up: browser cache, server caches
            page.wait_for_selector("#map .maplibregl-canvas")
            times = []
            for _ in range(3):
                fresh = browser.new_page(viewport={"width": 1600, "height": 1000})
                start = time.perf_counter()
                fresh.goto(server.url)
                fresh.wait_for_function(
                    "() => { const g = document.querySelector('#map .js-plotly-plot');"
                    " return g && g.data && g.data.length && document.querySelector("
                    "'#map .maplibregl-canvas'); }")
                times.append((time.perf_counter() - start) * 1000)
                fresh.close()
            browser.close()
            return statistics.median(times)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[550, 10_000])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--switches", type=int, default=15,
                        help="switches measured on the synthetic atlases (the demo: all)")
    args = parser.parse_args()
    header = (f"{'atlas':<14} {'areas':>6} {'mode':<8} {'bytes/sw':>11} {'B/area':>9} "
              f"{'cold ms':>9} {'warm ms':>9} {'p95 ms':>8}")
    print("Map switch (indicator/year), median per switch; server time via Flask test client.")
    print("cold = first request for that map in a fresh app; warm = repeated (memoised).")
    print("patched = the app (Dash Patch, geometry by URL once); naive = whole figure with")
    print("inline geometry rebuilt per switch, no cache.")
    print(header)
    print("-" * len(header))
    demo = open_atlas(DEMO_ATLAS)
    for row in summarise("Musterstadt", demo, args.rounds):
        print(row, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            atlas = synthetic_atlas(n, Path(folder))
            for row in summarise("synthetisch", atlas, args.rounds, limit=args.switches):
                print(row, flush=True)
    if not args.no_browser:
        load = first_page_load_ms(demo)
        print(f"\nFirst page load, demo, headless Chromium (median of 3): "
              f"{'n/a (no Chromium)' if load is None else f'{load:.0f} ms'}")


if __name__ == "__main__":
    main()
