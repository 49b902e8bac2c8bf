"""Figures of the Steckbrief: dot/spine rows per theme and the locator map.

Pure functions of domain frames (``indicators.profile``); no data access, no Dash.
One theme is one Plotly figure with one row per indicator, laid out like a table:

    name | value text(s) | spine min..max, tick = city, dot(s) = area(s) | sparkline

Every row has its own pair of axes (an indicator's unit and range are its own), so
the dot's x is the area's value, the tick's x the city value and the spine runs from
the lowest to the highest shown value of the level. Suppressed values get no dot and
no point in the sparkline; their label stands in the value column instead.
Traces carry ``meta`` ({"role", "indicator_id", "district_id"}) so tests and readers
can find them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from geodata.browser_geometry import MapView
from indicators.formatting import format_number
from indicators.profile import ASSESSMENT_COLORS
from indicators.texts import comparison as msg
from layouts.map_figure import FONT, SELECTED_COLOR, TRANSPARENT, TWINS_COLOR

INK = "#1d2330"
MUTED = "#4d5566"
SPINE_COLOR = "#c9ced8"
LOCATOR_GREY = "#e3e6ec"
# Dot colours by assessment: orange/purple from the domain (the map's diverging palette);
# "ähnlich" and "ohne Wertung" grey as the design asks (the domain's near-white would
# vanish on a projector), told apart by fill: grey vs. hollow.
DOT_COLORS = {
    msg.WORSE: ASSESSMENT_COLORS[msg.WORSE],
    msg.BETTER: ASSESSMENT_COLORS[msg.BETTER],
    msg.SIMILAR: "#a3a9b4",
    msg.NOT_RATED: "#ffffff",
}
SYMBOLS = ("circle", "diamond", "square", "triangle-up", "triangle-down")
GLYPHS = ("●", "◆", "■", "▲", "▼")  # the same shapes as text, for legends and headers
FONT_SIZE = 16
SMALL_SIZE = 15
LINE_PX = 21
DOT_STEP_PX = 10
HEADER_PX = 44
# Horizontal layout of a row, in paper coordinates.
NAME_X, VALUE_X = 0.0, 0.275
SPINE_DOMAIN = (0.54, 0.8)
TREND_DOMAIN = (0.84, 1.0)
NAME_WRAP, VALUE_WRAP = 30, 32


def dot_color(assessment: str) -> str:
    """The dot's fill for an assessment (Datenschutz / keine Daten get no dot at all)."""
    return DOT_COLORS.get(assessment, DOT_COLORS[msg.NOT_RATED])


def themes_of(profile: pd.DataFrame) -> list[str]:
    """Themes in catalogue order (the order of the profile rows)."""
    return list(dict.fromkeys(profile["theme"]))


def area_order(profile: pd.DataFrame) -> list[tuple[str, str]]:
    """(district_id, name) of the areas in a side-by-side frame, in their given order."""
    frame = _long(profile)
    pairs = zip(frame["district_id"], frame["district_name"], strict=True)
    return list(dict.fromkeys(pairs))


def theme_figure(profile: pd.DataFrame, theme: str, level: str, year: int) -> go.Figure:
    """One theme of a profile (``district_profile`` or ``profiles_side_by_side``) as rows."""
    frame = _long(profile)
    frame = frame[frame["theme"] == theme]
    areas = area_order(frame)
    indicators = list(dict.fromkeys(frame["indicator_id"]))
    years = _trend_years(frame)
    heights = [_row_height(frame[frame["indicator_id"] == key], len(areas)) for key in indicators]
    total = sum(heights)
    figure = go.Figure()
    annotations = _column_headers(level, years)
    top = 0
    for index, (indicator_id, height) in enumerate(zip(indicators, heights, strict=True)):
        rows = frame[frame["indicator_id"] == indicator_id]
        domain = (1 - (top + height - 8) / total, 1 - (top + 8) / total)
        top += height
        annotations += _row(figure, rows, areas, index, domain, year, height)
    figure.update_layout(
        height=total + HEADER_PX + 8,
        margin={"l": 6, "r": 6, "t": HEADER_PX, "b": 8},
        font={"family": FONT, "size": FONT_SIZE, "color": INK},
        hoverlabel={"font": {"size": 16, "family": FONT}, "bgcolor": "white"},
        paper_bgcolor="white", plot_bgcolor="white", showlegend=False,
        annotations=annotations, separators=",.", dragmode=False,
        shapes=_row_rules(heights, total),
    )
    return figure


def locator_figure(geojson_url: str, district_ids: Sequence[str], names: Sequence[str],
                   highlighted: Sequence[str], view: MapView) -> go.Figure:
    """A small offline map: every area light grey, the chosen ones filled blue."""
    names_by_id = dict(zip(district_ids, names, strict=True))
    common = {"geojson": geojson_url, "featureidkey": "id", "showscale": False,
              "hovertemplate": "%{text}<extra></extra>"}
    figure = go.Figure([
        go.Choroplethmap(name="areas", locations=list(district_ids), z=[0] * len(district_ids),
                         text=list(names), colorscale=[[0, LOCATOR_GREY], [1, LOCATOR_GREY]],
                         marker={"line": {"width": 0.8, "color": "#ffffff"}}, **common),
        go.Choroplethmap(name="chosen", locations=list(highlighted), z=[0] * len(highlighted),
                         text=[names_by_id.get(key, key) for key in highlighted],
                         colorscale=[[0, SELECTED_COLOR], [1, SELECTED_COLOR]],
                         marker={"line": {"width": 1.5, "color": INK}}, **common),
        go.Choroplethmap(name="twins", locations=[], z=[], text=[],
                         colorscale=[[0, TRANSPARENT], [1, TRANSPARENT]],
                         marker={"line": {"width": 3, "color": TWINS_COLOR}}, **common),
    ])
    figure.update_layout(
        map={"style": "white-bg", "center": {"lon": view.lon, "lat": view.lat},
             "zoom": max(view.zoom - 1.35, 0)},
        margin={"l": 0, "r": 0, "t": 0, "b": 0}, height=290, paper_bgcolor="white",
        showlegend=False, font={"family": FONT, "size": FONT_SIZE},
    )
    return figure


LOCATOR_TWINS = 2


def locator_twins_update(district_ids: Sequence[str], names: Sequence[str] = ()) -> dict:
    """The locator's twins trace (a magenta border), for ``map_figure.patch_traces``."""
    ids = list(district_ids)
    return {LOCATOR_TWINS: {"locations": ids, "z": [0] * len(ids),
                            "text": list(names) or ids}}


def default_twin_indicators(catalogue: pd.DataFrame, k: int = 5) -> list[str]:
    """The indicators twins are compared on by default: the first ``k`` need rates.

    Rates (with a denominator) where a higher value means more need; if there are
    fewer than 4, rates where higher is better fill up, then any rate.
    """
    rates = catalogue[catalogue["denominator"].fillna("").astype(str).str.len() > 0]
    chosen = list(rates.loc[rates["polarity"] == "higher_worse", "indicator_id"])
    if len(chosen) < 4:
        chosen += list(rates.loc[rates["polarity"] == "higher_better", "indicator_id"])
    if len(chosen) < 2:
        chosen += list(rates["indicator_id"]) + list(catalogue["indicator_id"])
    return list(dict.fromkeys(chosen))[:k]


# --- one row --------------------------------------------------------------------------
def _row(figure: go.Figure, rows: pd.DataFrame, areas: list[tuple[str, str]], index: int,
         domain: tuple[float, float], year: int, height: int) -> list[dict]:
    first = rows.iloc[0]
    spine_axis, trend_axis = 2 * index + 1, 2 * index + 2
    sx, sy = _ref("x", spine_axis), _ref("y", spine_axis)
    tx, ty = _ref("x", trend_axis), _ref("y", trend_axis)
    meta = {"indicator_id": first["indicator_id"]}
    low, high, city = first["min"], first["max"], first["city_value"]
    decimals = _decimals(rows)
    if _finite(low) and _finite(high):
        figure.add_trace(go.Scatter(
            x=[low, high], y=[0, 0], mode="lines", xaxis=sx, yaxis=sy,
            line={"color": SPINE_COLOR, "width": 7},
            hovertemplate=msg.PROFILE_HOVER_SPINE.format(
                low=format_number(low, decimals), high=format_number(high, decimals))
            + "<extra></extra>",
            meta={"role": "spine", **meta}))
    if _finite(city):
        figure.add_trace(go.Scatter(
            x=[city], y=[0], mode="markers", xaxis=sx, yaxis=sy,
            marker={"symbol": "line-ns-open", "size": 30, "color": INK,
                    "line": {"width": 3.5, "color": INK}},
            hovertemplate=msg.PROFILE_HOVER_CITY.format(city=first["city_text"])
            + "<extra></extra>",
            meta={"role": "city", **meta}))
    offsets = _offsets(len(areas), height - 16)
    for position, (district_id, name) in enumerate(areas):
        own = rows[rows["district_id"] == district_id]
        if own.empty:
            continue
        own = own.iloc[0]
        symbol = SYMBOLS[position % len(SYMBOLS)]
        if _finite(own["value"]) and not bool(own["suppressed"]):
            figure.add_trace(go.Scatter(
                x=[own["value"]], y=[offsets[position]], mode="markers", xaxis=sx, yaxis=sy,
                marker={"symbol": symbol, "size": 19, "color": dot_color(own["assessment"]),
                        "line": {"width": 1.8, "color": INK}},
                hovertemplate=msg.PROFILE_HOVER_DOT.format(
                    area=name or first["name"], value=own["text"], city=own["city_text"],
                    deviation=own["deviation_text"], assessment=own["assessment"])
                + "<extra></extra>",
                meta={"role": "dot", "district_id": district_id,
                      "assessment": own["assessment"], **meta}))
        _sparkline(figure, own, symbol, tx, ty, year, name,
                   {"role": "trend", "district_id": district_id, **meta})
    trend_values = [v for trend in rows["trend"] for _, v in (trend or ())]
    _row_axes(figure, spine_axis, trend_axis, domain, low, high, city, _trend_years(rows),
              trend_values)
    middle = (domain[0] + domain[1]) / 2
    notes = [
        _text(NAME_X, middle, "<b>" + _wrap(first["name"], NAME_WRAP) + "</b>"),
        _text(VALUE_X, middle, _value_lines(rows, areas)),
    ]
    if _finite(low) and _finite(high):  # the ends of the spine, written beside it
        for value, x, anchor in ((low, 0, "right"), (high, 1, "left")):
            notes.append({"x": x, "y": 0, "xref": f"{sx} domain", "yref": sy,
                          "xanchor": anchor, "yanchor": "middle", "showarrow": False,
                          "xshift": -6 if anchor == "right" else 6,
                          "text": format_number(value, decimals),
                          "font": {"size": SMALL_SIZE, "color": MUTED}})
    return notes


def _sparkline(figure, own, symbol, tx, ty, year, name, meta) -> None:
    trend = list(own["trend"] or ())
    if not trend:
        return
    years = [int(y) for y, _ in trend]
    values = [None if not _finite(v) else float(v) for _, v in trend]
    sizes = [11 if y == int(year) else 6 for y in years]
    figure.add_trace(go.Scatter(
        x=years, y=values, mode="lines+markers", xaxis=tx, yaxis=ty, connectgaps=False,
        line={"color": MUTED, "width": 2.2},
        marker={"symbol": symbol, "size": sizes, "color": MUTED},
        text=[own["text"] if y == int(year) else "" for y in years],
        hovertemplate=(f"{name}<br>" if name else "") + "%{x}: %{y:.1f}<extra></extra>",
        meta=meta))


def _row_axes(figure, spine_axis, trend_axis, domain, low, high, city, years,
              trend_values) -> None:
    known = [v for v in (low, high, city) if _finite(v)]
    lo, hi = (min(known), max(known)) if known else (0.0, 1.0)
    pad = (hi - lo) * 0.05 or max(abs(hi) * 0.05, 1.0)
    spine = {
        "domain": list(SPINE_DOMAIN), "anchor": _ref("y", spine_axis),
        "range": [lo - pad, hi + pad], "fixedrange": True, "showgrid": False,
        "zeroline": False, "showline": False, "showticklabels": False, "ticks": "",
    }
    spine_y = {"domain": list(domain), "anchor": _ref("x", spine_axis), "range": [-1.2, 1.2],
               "visible": False, "fixedrange": True}
    trend_x = {"domain": list(TREND_DOMAIN), "anchor": _ref("y", trend_axis),
               "range": [years[0] - 0.4, years[-1] + 0.4] if years else None,
               "visible": False, "fixedrange": True}
    # the sparkline on the spine's scale: a change looks as big as it is against the spread
    trend_values = [v for v in trend_values if _finite(v)]
    t_lo, t_hi = min([lo, *trend_values]), max([hi, *trend_values])
    t_pad = (t_hi - t_lo) * 0.08 or 1.0
    trend_y = {"domain": list(domain), "anchor": _ref("x", trend_axis), "visible": False,
               "fixedrange": True, "range": [t_lo - t_pad, t_hi + t_pad]}
    figure.update_layout({
        _axis("x", spine_axis): spine, _axis("y", spine_axis): spine_y,
        _axis("x", trend_axis): trend_x, _axis("y", trend_axis): trend_y,
    })


def _value_lines(rows: pd.DataFrame, areas: list[tuple[str, str]]) -> str:
    lines = []
    many = len(areas) > 1
    for position, (district_id, _) in enumerate(areas):
        own = rows[rows["district_id"] == district_id]
        if own.empty:
            continue
        own = own.iloc[0]
        shown = _finite(own["value"]) and not bool(own["suppressed"])
        text = _wrap(str(own["text"]), VALUE_WRAP)
        if not shown:
            text = f"<i>{text}</i>"
            color = MUTED
        else:
            text = f"<b>{text}</b>"
            color = INK if own["assessment"] == msg.NOT_RATED else dot_color(own["assessment"])
        if many:
            glyph = GLYPHS[position % len(GLYPHS)]
            text = f"<span style='color:{color}'>{glyph}</span> {text}"
        lines.append(text)
    city = rows.iloc[0]["city_text"]
    lines.append(f"<span style='color:{MUTED};font-size:{SMALL_SIZE}px'>"
                 f"{msg.PROFILE_CITY_VALUE.format(city=city)}</span>")
    return "<br>".join(lines)


def _row_height(rows: pd.DataFrame, n_areas: int) -> int:
    name_lines = len(textwrap.wrap(str(rows.iloc[0]["name"]), NAME_WRAP)) or 1
    value_lines = 1 + sum(len(textwrap.wrap(str(t), VALUE_WRAP)) or 1 for t in rows["text"])
    return max(66, LINE_PX * max(name_lines, value_lines, n_areas) + 26)


def _column_headers(level: str, years: list[int]) -> list[dict]:
    trend = (msg.PROFILE_COL_TREND.format(first=years[0], last=years[-1]) if years else "")
    spec = [(NAME_X, "left", msg.PROFILE_COL_INDICATOR), (VALUE_X, "left", msg.PROFILE_COL_VALUE),
            (sum(SPINE_DOMAIN) / 2, "center", msg.PROFILE_COL_SPINE.format(level=level)),
            (sum(TREND_DOMAIN) / 2, "center", trend)]
    return [{"x": x, "y": 1, "xref": "paper", "yref": "paper", "yanchor": "bottom",
             "yshift": 10, "xanchor": anchor, "showarrow": False, "text": text,
             "font": {"size": SMALL_SIZE, "color": MUTED}} for x, anchor, text in spec]


def _row_rules(heights: list[int], total: int) -> list[dict]:
    """Thin lines between rows and under the headers, like a table."""
    rules, top = [], 0
    for height in [0, *heights[:-1]]:
        top += height
        y = 1 - top / total
        rules.append({"type": "line", "xref": "paper", "yref": "paper", "x0": 0, "x1": 1,
                      "y0": y, "y1": y, "line": {"color": "#e3e6ec", "width": 1}})
    return rules


def _text(x: float, y: float, text: str) -> dict:
    return {"x": x, "y": y, "xref": "paper", "yref": "paper", "xanchor": "left",
            "yanchor": "middle", "align": "left", "showarrow": False, "text": text,
            "font": {"size": FONT_SIZE, "color": INK}}


def _long(profile: pd.DataFrame) -> pd.DataFrame:
    """A one-area ``district_profile`` gets empty area columns, like the side-by-side form."""
    if "district_id" in profile.columns:
        return profile
    return profile.assign(district_id="", district_name="")


def _trend_years(frame: pd.DataFrame) -> list[int]:
    years = {int(y) for trend in frame["trend"] for y, _ in (trend or ())}
    return sorted(years)


def _offsets(n: int, plot_px: int) -> list[float]:
    """Vertical positions of the areas' dots (10 px apart, in axis units of the y range
    -1.2..1.2), so equal values do not hide each other yet stay on the spine."""
    step = DOT_STEP_PX * 2.4 / max(plot_px, 1) if n > 1 else 0.0
    return [((n - 1) / 2 - i) * step for i in range(n)]  # first on top


def _decimals(rows: pd.DataFrame) -> int:
    """Decimals of the spine's tick labels, read from the value text ('12,3 %' -> 1)."""
    for text in rows["city_text"]:
        number = str(text).split("\u00a0")[0].split(" ")[0]
        if "," in number:
            return len(number.split(",")[1])
    return 0


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def _finite(value) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _ref(kind: str, index: int) -> str:
    return kind if index == 1 else f"{kind}{index}"


def _axis(kind: str, index: int) -> str:
    return f"{kind}axis" if index == 1 else f"{kind}axis{index}"
