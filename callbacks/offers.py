"""Offer layer: filters -> points on the map (patched; the choropleth is not touched),
the table of offers in the selected areas, and clicks that select an offer's area."""

from __future__ import annotations

import numpy as np
from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.atlas_service import AtlasService
from callbacks.selection import added
from geodata.offers import OfferFilter
from indicators import AtlasError, texts
from layouts import ids
from layouts.map_figure import OFFERS, offers_update, patch_traces
from layouts.offers import AGE_BANDS, category_colors, offer_hover, offer_legend, offer_rows

FILTER_INPUTS = [Input(ids.OFFER_LAYER, "value"), Input(ids.OFFER_PHASE, "value"),
                 Input(ids.OFFER_CATEGORY, "value"), Input(ids.OFFER_PROVIDER, "value"),
                 Input(ids.OFFER_TARGET, "value"), Input(ids.OFFER_AGE, "value"),
                 Input(ids.OFFER_TEXT, "value")]


def offer_filter(phases, categories, providers, targets, age, text) -> OfferFilter:
    """UI values -> the domain's filter (hashable, so it could be a cache key)."""
    return OfferFilter(phases=tuple(phases or ()), categories=tuple(categories or ()),
                       provider_types=tuple(providers or ()),
                       target_groups=tuple(targets or ()), age=AGE_BANDS.get(age or ""),
                       text=text or "")


def marker_sizes(capacity) -> list[float]:
    """Area-true circles: size grows with the square root of the places (9 px without),
    capped so that a big school does not cover its neighbours."""
    places = np.nan_to_num(np.asarray(capacity, dtype="float64"), nan=0.0)
    return np.clip(np.where(places > 0, 6 + 1.1 * np.sqrt(places), 9), 6, 24).round(1).tolist()


def register(app: Dash, service: AtlasService) -> None:
    colors = category_colors(service.offer_choices().get("categories", []))

    @app.callback(
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.OFFER_COUNT, "children"),
        Output(ids.OFFER_LEGEND, "children"),
        *FILTER_INPUTS,
        Input(ids.MAP_GEOMETRY_LEVEL, "data"),  # a new full figure needs the points again
        Input(ids.DISTRICT_SELECT, "value"), State(ids.LEVEL, "value"),
        prevent_initial_call=True,
    )
    def _offer_layer(layer, phases, categories, providers, targets, age, text, _geometry,
                     selection, level):
        if not layer:
            return patch_traces(offers_update([], [], [], [], [], [])), "", []
        try:
            points = service.offer_points(offer_filter(phases, categories, providers,
                                                       targets, age, text))
            areas = service.areas_of_offers(points, level) if selection else None
        except AtlasError as error:
            return no_update, str(error), no_update
        hover = [offer_hover(row, not service.public_only) for row in points.itertuples()]
        update = offers_update(points["lon"].tolist(), points["lat"].tolist(),
                               [colors.get(c, "#555555") for c in points["category"]],
                               marker_sizes(points["capacity"]), hover,
                               points["offer_id"].tolist())
        # offers of the selected areas stand out, the others step back
        update[OFFERS]["marker.opacity"] = (
            0.9 if areas is None else
            [0.95 if area in set(selection) else 0.25 for area in areas])
        total = len(service.atlas.offers())
        count = texts.OFFER_COUNT.format(shown=len(points), total=total)
        outside = service.offers_outside()
        if outside:
            count = f"{count} · {outside}"
        return (patch_traces(update), count,
                offer_legend({c: colors[c] for c in dict.fromkeys(points["category"])
                              if c in colors}))

    @app.callback(
        Output(ids.OFFER_TABLE, "rowData"), Output(ids.OFFER_TABLE_HINT, "hidden"),
        Input(ids.DISTRICT_SELECT, "value"), Input(ids.LEVEL, "value"), *FILTER_INPUTS[1:],
        Input(ids.MAP_GEOMETRY_LEVEL, "data"),  # after the map: the map is drawn first
    )
    def _offer_table(selection: list[str] | None, level: str, *filters_and_drawn):
        """The same filters as the map layer apply to the list."""
        *filters, _drawn = filters_and_drawn
        if not selection:
            return [], False
        try:
            table = service.offers_of(selection, level, offer_filter(*filters))
        except AtlasError:
            return [], False
        return offer_rows(table, not service.public_only), True

    @app.callback(
        Output(ids.DISTRICT_SELECT, "value", allow_duplicate=True),
        Input(ids.MAP, "clickData"), Input(ids.OFFER_TABLE, "cellClicked"),
        State(ids.DISTRICT_SELECT, "value"), State(ids.LEVEL, "value"),
        prevent_initial_call=True,
    )
    def _select_area_of_offer(click, cell, selection, level):
        """Clicking an offer (map or table) highlights its area by selecting it."""
        if ctx.triggered_id == ids.OFFER_TABLE:
            area = str((cell or {}).get("rowId") or "").split("|")[0]
            return added(selection, [area]) if area else no_update
        offer_ids = [p.get("customdata") for p in (click or {}).get("points", [])
                     if p.get("curveNumber") == OFFERS]
        if not offer_ids:
            return no_update
        area = service.area_of_offer(offer_ids[0], level)
        return added(selection, [area]) if area else no_update
