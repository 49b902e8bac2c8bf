"""The map legend, the indicator facts and the robustness panel, as components."""

from __future__ import annotations

from dash import html

from indicators import texts
from indicators.catalogue import Indicator
from indicators.classification import method_labels
from indicators.formatting import german_date
from indicators.map_view import ChoroplethData
from indicators.robustness import Robustness


def legend_children(data: ChoroplethData) -> list:
    """Title, one row per class (swatch, range, count), then Datenschutz and keine Daten."""
    rows = [
        html.Li(
            [
                html.Span(className=f"swatch swatch-{row.kind}",
                          style={"backgroundColor": row.color}),
                html.Span(row.label, className="legend-label"),
                html.Span(_count_text(row.count), className="legend-count"),
            ],
            className=f"legend-row legend-{row.kind}",
        )
        for row in data.legend
    ]
    return [
        html.H3(texts.LEGEND_TITLE, className="legend-title"),
        html.P(data.legend_note, className="legend-note"),
        html.Ul(rows, className="legend-rows"),
        html.P(data.city_line, className="legend-city"),
    ]


def _count_text(count: int) -> str:
    return texts.LEGEND_COUNT_ONE if count == 1 else texts.LEGEND_COUNT.format(count=count)


def indicator_info(indicator: Indicator, data_date: str) -> list:
    """Description and source under the map, as a report would cite them."""
    facts = [html.P(indicator.description, className="indicator-description")]
    if indicator.source:
        facts.append(html.P([html.Strong(f"{texts.SOURCE}: "), indicator.source],
                            className="indicator-source"))
    if indicator.is_rate:
        facts.append(html.P(f"{indicator.numerator} / {indicator.denominator}",
                            className="indicator-definition"))
    if data_date:
        facts.append(html.P(f"{texts.DATA_DATE}: {german_date(data_date)}",
                            className="indicator-date"))
    return facts


def robustness_children(result: Robustness) -> list:
    """Summary sentence and the areas whose colour depends on the method."""
    frame = result.frame[result.frame["spread"] > 0].sort_values("spread", ascending=False)
    summary = html.P(result.summary(), className="robustness-summary")
    if frame.empty:
        return [summary, html.P(texts.ROBUSTNESS_LIST_EMPTY)]
    labels = method_labels()
    header = html.Tr([html.Th(texts.ROBUSTNESS_COLUMNS["name"]),
                      html.Th(texts.ROBUSTNESS_COLUMNS["verdict"])]
                     + [html.Th(labels[method], className="num") for method in result.methods])
    body = [
        html.Tr([
            html.Td(row["name"]),
            html.Td(row["verdict"], className=f"verdict verdict-{min(int(row['spread']), 2)}"),
            *[html.Td(int(row[f"class_{method}"]) + 1, className="num")
              for method in result.methods],
        ])
        for _, row in frame.iterrows()
    ]
    return [summary, html.Table([html.Thead(header), html.Tbody(body)],
                                className="table table-sm robustness-table"),
            html.P(texts.ROBUSTNESS_HINT, className="robustness-hint")]
