"""Figures of the comparison panel: pure functions, domain frame -> go.Figure.

Each figure puts the area id into ``customdata`` of every clickable point, so a
click can toggle that area in the selection. A suppressed value never becomes a
bar, a point or a line segment: bars and ranking name it as text in its row or
below the chart (``suppressed_notes``), lines have a gap (value NaN).
Numbers: German (``separators=",."`` and the domain's ``text`` column).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.catalogue import Indicator
from indicators.comparison import CITY, DISTRICT, PARENT
from indicators.correlation import Correlation
from indicators.texts import comparison as msg
from layouts.map_figure import FONT, SELECTED_COLOR

INK = "#1d2330"
MUTED = "#4d5566"
CITY_COLOR = "#4d5566"  # dark grey: Gesamtstadt
PARENT_FILL = "#e3e6eb"  # light grey with a dark outline: Stadtbezirk
PARENT_LINE = "#4d5566"
OTHER_COLOR = "#b9c4d2"  # areas not selected (ranking, scatter)
GRID = "#e3e6eb"
# Okabe–Ito (colour-blind safe), blue first so one selected area keeps the selection blue
LINE_COLORS = ("#0057b8", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
ROW_PX = 46  # one bar of the comparison chart
RANK_ROW_PX = 26  # one row of the ranking (15 px labels stay readable)
RANK_NAMED_MAX = 60  # above this many areas the ranking drops the row names
BAR_HOVER = "<b>%{hovertext}</b><br>%{text}<extra></extra>"
TICK_FONT = {"size": 16, "color": INK}


def base_layout(figure: go.Figure, title: str, height: int) -> go.Figure:
    """Projector style shared by all four charts: large type, white, German numbers."""
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 19, "color": INK}},
        height=height,
        margin={"l": 10, "r": 30, "t": 56, "b": 50},
        separators=",.",
        font={"family": FONT, "size": 16, "color": INK},
        hoverlabel={"font": {"size": 17, "family": FONT, "color": INK}, "bgcolor": "white",
                    "bordercolor": "#1f3a5f"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=False,
        clickmode="event",
        dragmode=False,
    )
    figure.update_xaxes(gridcolor=GRID, zerolinecolor="#8a8f99", tickfont=TICK_FONT,
                        automargin=True, fixedrange=True)
    figure.update_yaxes(gridcolor=GRID, tickfont=TICK_FONT, automargin=True, fixedrange=True)
    return figure


def value_axis_title(indicator: Indicator) -> str:
    return msg.AXIS_VALUE.format(name=indicator.short_name, unit=indicator.unit) \
        if indicator.unit else indicator.short_name


def bar_label(row, indicator: Indicator) -> str:
    """Row label: the area, 'Innenstadt (Stadtbezirk)', 'Gesamtstadt'."""
    if row.kind == PARENT and indicator.is_rate:
        return msg.BAR_PARENT.format(name=row.name, level=row.level)
    return row.name


def suppressed_notes(frame: pd.DataFrame) -> list[str]:
    """'Hafen: Datenschutz: weniger als 300 Einwohner' for every row without a value."""
    missing = frame[frame["value"].isna()]
    return [msg.NOTE_ITEM.format(name=name, label=text)
            for name, text in zip(missing["name"], missing["text"], strict=True)]


def series_notes(frame: pd.DataFrame) -> list[str]:
    """Gaps of the time series, one note per area and reason: 'Hafen 2021, 2022: Datenschutz…'."""
    missing = frame[frame["value"].isna()]
    notes = []
    for (name, text), group in missing.groupby(["name", "text"], sort=False):
        years = ", ".join(str(y) for y in group["year"])
        notes.append(msg.NOTE_YEARS.format(name=name, years=years, label=text))
    return notes


# --- Vergleich ------------------------------------------------------------------
def bars_figure(frame: pd.DataFrame, indicator: Indicator, year: int) -> go.Figure:
    """Horizontal bars: selected areas (blue), their Stadtbezirke (grey, outlined), the city
    (dark grey), top to bottom in the frame's order (``comparison_bars``). A row without a
    value gets its reason as text instead of a bar, never a zero-length bar."""
    rows = frame.reset_index(drop=True)
    labels = [bar_label(row, indicator) for row in rows.itertuples(index=False)]
    figure = go.Figure()
    styles = {
        DISTRICT: {"color": SELECTED_COLOR, "line": {"width": 0}},
        PARENT: {"color": PARENT_FILL, "line": {"width": 2.5, "color": PARENT_LINE},
                 "pattern": {"shape": ""}},
        CITY: {"color": CITY_COLOR, "line": {"width": 0}},
    }
    for kind in (DISTRICT, PARENT, CITY):
        part = rows[(rows["kind"] == kind) & rows["value"].notna()]
        if part.empty:
            continue
        figure.add_bar(
            name=kind, orientation="h", x=part["value"].tolist(), y=part.index.tolist(),
            text=part["text"].tolist(), hovertext=[labels[i] for i in part.index],
            customdata=part["district_id"].tolist() if kind == DISTRICT else None,
            textposition="outside", cliponaxis=False, textfont={"size": 17, "color": INK},
            marker=styles[kind], hovertemplate=BAR_HOVER, width=0.7,
        )
    for position, row in rows[rows["value"].isna()].iterrows():
        figure.add_annotation(x=0, y=position, xref="x", yref="y", xanchor="left",
                              text=f"<i>{row['text']}</i>", showarrow=False,
                              font={"size": 16, "color": MUTED})
    city = rows[(rows["kind"] == CITY) & rows["value"].notna()]
    if len(city) and (rows["kind"] != CITY).any():
        figure.add_vline(x=float(city["value"].iloc[0]), layer="below",
                         line={"color": CITY_COLOR, "width": 2, "dash": "dash"})
    known = rows["value"].dropna()
    top = float(known.max()) if len(known) else 1.0
    base_layout(figure, msg.CHART_TITLE.format(name=indicator.name, year=year),
                height=110 + ROW_PX * max(len(rows), 2))
    figure.update_yaxes(tickvals=list(range(len(rows))), ticktext=labels,
                        autorange="reversed", showgrid=False)
    figure.update_xaxes(title={"text": value_axis_title(indicator), "font": {"size": 16}},
                        range=[min(0.0, float(known.min()) if len(known) else 0.0),
                               top * 1.15 if top > 0 else 1.0])
    figure.update_layout(bargap=0.25)
    return figure


# --- Zeitverlauf ------------------------------------------------------------------
def series_figure(frame: pd.DataFrame, indicator: Indicator, year: int | None = None
                  ) -> go.Figure:
    """One line per selected area (distinct colours) and the city as a thick grey line.
    A suppressed year is NaN, so the line has a gap there."""
    figure = go.Figure()
    years = sorted(int(y) for y in frame["year"].unique())
    areas = frame[frame["kind"] != CITY]
    for index, (district_id, line) in enumerate(areas.groupby("district_id", sort=False)):
        name = line["name"].iloc[0]
        figure.add_scatter(
            name=name if line["value"].notna().any() else msg.SERIES_NO_VALUE.format(name=name),
            x=line["year"].tolist(), y=line["value"].tolist(),
            text=line["text"].tolist(), customdata=[district_id] * len(line),
            mode="lines+markers", connectgaps=False,
            line={"width": 3.5, "color": LINE_COLORS[index % len(LINE_COLORS)]},
            marker={"size": 10},
            hovertemplate="<b>%{fullData.name}</b><br>%{x}: %{text}<extra></extra>",
        )
    city = frame[frame["kind"] == CITY]
    if len(city):
        figure.add_scatter(
            name=msg.CITY_LINE, x=city["year"].tolist(), y=city["value"].tolist(),
            text=city["text"].tolist(), mode="lines+markers", connectgaps=False,
            line={"width": 7, "color": CITY_COLOR}, marker={"size": 12, "color": CITY_COLOR},
            hovertemplate="<b>%{fullData.name}</b><br>%{x}: %{text}<extra></extra>",
        )
    if year is not None and year in years and len(years) > 1:
        figure.add_vline(x=year, line={"color": "#8a8f99", "width": 1.5, "dash": "dot"})
    title = msg.CHART_TITLE_SERIES.format(name=indicator.name, first=years[0], last=years[-1]) \
        if years else indicator.name
    base_layout(figure, title, height=480)
    figure.update_layout(
        showlegend=True, hovermode="closest",
        legend={"font": {"size": 16}, "orientation": "v", "x": 1.01, "y": 1,
                "itemclick": False, "itemdoubleclick": False},
    )
    figure.update_xaxes(tickvals=years, ticktext=[str(y) for y in years], showgrid=False)
    figure.update_yaxes(title={"text": value_axis_title(indicator), "font": {"size": 16}},
                        rangemode="tozero")
    return figure


# --- Rangfolge -------------------------------------------------------------------
def ranking_figure(frame: pd.DataFrame, indicator: Indicator, year: int,
                   reference: pd.Series | None = None) -> go.Figure:
    """All areas with a value, rank 1 (most need) at the top; selected ones in the selection
    blue, the others light. Areas without a value are not drawn (see ``suppressed_notes``).
    ``reference`` (the city row of ``comparison_bars``) is drawn as a dashed line."""
    rows = frame[frame["value"].notna()].reset_index(drop=True)
    named = len(rows) <= RANK_NAMED_MAX
    labels = [f"{rank:.0f}. {name}" for rank, name in zip(rows["rank"], rows["name"],
                                                            strict=True)]
    colors = [SELECTED_COLOR if chosen else OTHER_COLOR for chosen in rows["selected"]]
    figure = go.Figure(go.Bar(
        orientation="h", x=rows["value"].tolist(), y=list(range(len(rows))),
        customdata=rows["district_id"].tolist(), text=rows["text"].tolist() if named else None,
        hovertext=[f"{name} – {rank_text}" for name, rank_text in
                   zip(rows["name"], rows["rank_text"], strict=True)],
        textposition="outside", cliponaxis=False,
        textfont={"size": 15, "color": INK},
        marker={"color": colors, "line": {"width": 0}},
        hovertemplate=BAR_HOVER, width=0.78,
    ))
    if reference is not None and pd.notna(reference["value"]):
        figure.add_vline(x=float(reference["value"]), layer="below",
                         line={"color": CITY_COLOR, "width": 2.5, "dash": "dash"})
        figure.add_annotation(
            x=float(reference["value"]), y=1, xref="x", yref="paper", yanchor="bottom",
            text=f"<b>{msg.CITY_MARK.format(text=reference['text'])}</b>", showarrow=False,
            font={"size": 16, "color": CITY_COLOR}, bgcolor="white",
        )
    height = 120 + (RANK_ROW_PX if named else 4) * max(len(rows), 3)
    base_layout(figure, msg.CHART_TITLE.format(name=indicator.name, year=year),
                height=min(height, 1600))
    figure.update_yaxes(tickvals=list(range(len(rows))) if named else [], ticktext=labels,
                        autorange="reversed", showgrid=False, tickfont={"size": 15})
    top = float(rows["value"].max()) if len(rows) else 1.0
    figure.update_xaxes(title={"text": value_axis_title(indicator), "font": {"size": 16}},
                        range=[min(0.0, float(rows["value"].min()) if len(rows) else 0.0),
                               top * 1.12 if top > 0 else 1.0])
    figure.update_layout(margin={"t": 84})
    return figure


# --- Zwei Indikatoren -----------------------------------------------------------------
def scatter_figure(frame: pd.DataFrame, x_indicator: Indicator, y_indicator: Indicator,
                   year: int, correlation: Correlation | None = None) -> go.Figure:
    """All areas with both values; selected ones blue, bigger and named. The frame of
    ``scatter_data`` holds no suppressed area, so none is drawn at 0."""
    figure = go.Figure()
    hover = ("<b>%{hovertext}</b><br>" + x_indicator.short_name + ": %{customdata[1]}<br>"
             + y_indicator.short_name + ": %{customdata[2]}<extra></extra>")
    for chosen in (False, True):
        part = frame[frame["selected"] == chosen]
        if part.empty:
            continue
        figure.add_scatter(
            name=msg.SCATTER_SELECTED if chosen else msg.SCATTER_OTHERS,
            x=part["x"].tolist(), y=part["y"].tolist(), hovertext=part["name"].tolist(),
            customdata=[[key, xt, yt] for key, xt, yt in
                        zip(part["district_id"], part["x_text"], part["y_text"], strict=True)],
            mode="markers+text" if chosen else "markers",
            text=part["name"].tolist() if chosen else None, textposition="top center",
            textfont={"size": 17, "color": SELECTED_COLOR},
            marker={"size": 17 if chosen else 12,
                    "color": SELECTED_COLOR if chosen else OTHER_COLOR,
                    "line": {"width": 1.5, "color": "white" if chosen else "#7d8a9c"}},
            hovertemplate=hover,
        )
    title = msg.CHART_TITLE_SCATTER.format(x=x_indicator.short_name,
                                           y=y_indicator.short_name, year=year)
    base_layout(figure, title, height=560)
    figure.update_layout(hovermode="closest")
    figure.update_xaxes(title={"text": value_axis_title(x_indicator), "font": {"size": 16}})
    figure.update_yaxes(title={"text": value_axis_title(y_indicator), "font": {"size": 16}})
    return figure


def empty_figure(height: int = 120) -> go.Figure:
    """A blank chart (nothing to show, or an error shown as text above it)."""
    figure = go.Figure()
    base_layout(figure, "", height)
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure.update_layout(margin={"t": 0, "b": 0})
    return figure

