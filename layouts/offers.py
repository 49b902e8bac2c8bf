"""The offer layer's controls (`offer-filter`), its legend and the table of offers."""

from __future__ import annotations

import math

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import html

from indicators import texts
from indicators.formatting import format_count
from layouts import ids
from layouts.controls import dropdown, labelled

#: Colour-blind-safe (Okabe–Ito based) and dark enough to stand out on the yellow–brown
#: area colours; the most frequent categories get the clearest colours.
PREFERRED_COLORS = {"Kita": "#0072B2", "Familienzentrum": "#CC79A7", "Grundschule": "#009E73",
                    "Weiterführende Schule": "#56B4E9", "Jugendzentrum": "#000000",
                    "Beratungsstelle": "#6A3D9A", "Frühe Hilfen": "#01665E",
                    "Gesundheit": "#777777", "Sport/Kultur": "#E69F00"}
CATEGORY_COLORS = ["#0072B2", "#CC79A7", "#009E73", "#56B4E9", "#000000", "#6A3D9A",
                   "#01665E", "#777777", "#E69F00"]
#: one line per offer; long texts show in full as a tooltip, the list scrolls sideways
COLUMN_WIDTHS = {"name": 260, "district_name": 160, "address": 230, "opening_hours": 210,
                 "provider": 190, "category": 170, "languages": 200, "contact": 200}
AGE_BANDS = {"0-2": (0, 2), "3-5": (3, 5), "6-9": (6, 9), "10-13": (10, 13),
             "14-17": (14, 17), "18-26": (18, 26)}


def category_colors(categories: list[str]) -> dict[str, str]:
    """Known categories keep their colour; others take the free ones in turn."""
    free = [c for c in CATEGORY_COLORS if c not in
            {PREFERRED_COLORS[k] for k in categories if k in PREFERRED_COLORS}] or CATEGORY_COLORS
    others = [c for c in categories if c not in PREFERRED_COLORS]
    return {c: PREFERRED_COLORS.get(c) or free[others.index(c) % len(free)] for c in categories}


def offer_controls(choices: dict) -> html.Div:
    """Toggle and filters; ``choices`` is geodata.offers.filter_options of the atlas."""
    def multi(component_id: str, label: str, values: list[str]) -> html.Div:
        return labelled(label, component_id, dropdown(
            id=component_id, options=[{"label": v, "value": v} for v in values], value=[],
            multi=True, placeholder=texts.OFFER_ALL))

    ages = [{"label": texts.OFFER_AGE_ANY, "value": ""}] + [
        {"label": band.replace("-", "–"), "value": band} for band in AGE_BANDS]
    return html.Div(
        [
            html.H3(texts.SECTION_OFFERS, className="section-title"),
            dbc.Checklist(id=ids.OFFER_LAYER, switch=True, value=[],
                          options=[{"label": texts.LABEL_OFFER_LAYER, "value": "on"}]),
            html.Div(id=ids.OFFER_COUNT, className="offer-count"),
            multi(ids.OFFER_PHASE, texts.LABEL_OFFER_PHASE, choices.get("phases", [])),
            multi(ids.OFFER_CATEGORY, texts.LABEL_OFFER_CATEGORY, choices.get("categories", [])),
            multi(ids.OFFER_PROVIDER, texts.LABEL_OFFER_PROVIDER,
                  choices.get("provider_types", [])),
            multi(ids.OFFER_TARGET, texts.LABEL_OFFER_TARGET, choices.get("target_groups", [])),
            labelled(texts.LABEL_OFFER_AGE, ids.OFFER_AGE, dropdown(
                id=ids.OFFER_AGE, options=ages, value="", clearable=False, searchable=False)),
            labelled(texts.LABEL_OFFER_TEXT, ids.OFFER_TEXT, dbc.Input(
                id=ids.OFFER_TEXT, type="search", debounce=True, value="")),
        ],
        id=ids.OFFER_FILTER, className="offer-filter",
    )


def offer_legend(colors: dict[str, str]) -> list:
    return [html.H3(texts.OFFER_LEGEND_TITLE, className="legend-title"),
            html.Ul([html.Li([html.Span(className="offer-dot", style={"backgroundColor": c}),
                              html.Span(category)], className="legend-row offer-legend-row")
                     for category, c in colors.items()], className="legend-rows")]


def offer_table(show_contact: bool) -> html.Div:
    """Sortable, filterable list (AG Grid, shipped with the app; no CDN)."""
    columns = [key for key in texts.OFFER_COLUMNS if show_contact or key != "contact"]
    return html.Div(
        [
            html.H3(texts.OFFER_TABLE_TITLE, className="section-title"),
            html.P(texts.OFFER_TABLE_EMPTY, id=ids.OFFER_TABLE_HINT, className="hint"),
            dag.AgGrid(
                id=ids.OFFER_TABLE, rowData=[], className="ag-theme-alpine offer-grid",
                columnDefs=[{"field": key, "headerName": texts.OFFER_COLUMNS[key],
                             "filter": True, "sortable": True, "tooltipField": key,
                             "minWidth": COLUMN_WIDTHS.get(key, 120)} for key in columns],
                defaultColDef={"flex": 1, "resizable": True},
                getRowId="params.data.row_key",
                dashGridOptions={"localeText": texts.GRID_LOCALE, "domLayout": "autoHeight",
                                 "pagination": True, "paginationPageSize": 12,
                                 "paginationPageSizeSelector": False},
                style={"width": "100%"},
            ),
        ],
        className="offer-table-box",
    )


def offer_hover(row, show_contact: bool) -> str:
    """Everything a network coordinator asks about an offer, one line each."""
    lines = [f"<b>{row.name}</b>", f"{row.category} · {row.provider} ({row.provider_type})"]
    if _known(row.capacity):
        lines.append(texts.OFFER_HOVER_PLACES.format(places=format_count(row.capacity)))
    if _known(row.age_min) and _known(row.age_max):
        lines.append(texts.OFFER_HOVER_AGES.format(low=int(row.age_min), high=int(row.age_max)))
    lines += [str(v) for v in (row.address, row.opening_hours) if _known(v)]
    if _known(row.languages):
        lines.append(texts.OFFER_HOVER_LANGUAGES.format(languages=row.languages))
    if show_contact and _known(row.contact):
        lines.append(texts.OFFER_HOVER_CONTACT.format(contact=row.contact))
    return "<br>".join(lines)


def offer_rows(table, show_contact: bool) -> list[dict]:
    """Rows for the DataTable (German numbers, ages as a range; contact only if allowed)."""
    rows = []
    for row in table.itertuples():
        record = {key: ("" if not _known(getattr(row, key, None)) else str(getattr(row, key)))
                  for key in texts.OFFER_COLUMNS if key not in ("capacity", "ages")}
        record["capacity"] = format_count(row.capacity) if _known(row.capacity) else ""
        record["ages"] = (f"{int(row.age_min)}–{int(row.age_max)}"
                          if _known(row.age_min) and _known(row.age_max) else "")
        record["district_id"] = row.district_id
        record["row_key"] = f"{row.district_id}|{row.offer_id}"
        if not show_contact:
            record.pop("contact", None)
        rows.append(record)
    return rows


def _known(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) \
        and str(value) != ""
