"""Panel "Bedarf und Versorgung": indicators -> bivariate classes -> map, legend, lists.

Thin: the domain (``indicators.bivariate``, ``geodata.catchment``) computes, the figure
functions (``layouts.need_supply_figures``) draw. The catchment (150–270 ms at 550 areas)
is memoised in the app's flask-caching ``Cache``, keyed by atlas key, level, categories
and radius. A change of indicator, year, radius or category sends only the changed traces
(``Patch``); the full figure is sent when the level changes or the page opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from callbacks.atlas_service import AtlasService
from callbacks.selection import added, locations_of, toggled
from geodata.catchment import uncovered_parts
from geodata.offers import OfferFilter, filter_offers
from indicators import AtlasError
from indicators.bivariate import BivariateResult, bivariate_classes, priority_list
from indicators.catalogue import HIGHER_WORSE, Indicator
from indicators.texts import offers as texts
from layouts import ids
from layouts import need_supply as panel
from layouts import need_supply_figures as figures
from layouts.map_figure import patch_traces

DEFAULT_NEED = "sgb2_u15"
DEFAULT_SUPPLY = "kita_plaetze_je_100_u6"
CLASS_INPUTS = {panel.NEED, panel.SUPPLY, ids.YEAR}
CATCHMENT_INPUTS = {panel.RADIUS, ids.OFFER_CATEGORY}


@dataclass(frozen=True)
class PanelState:
    need_id: str
    supply_id: str
    year: int
    level: str
    radius_m: float  # 0 = aus
    categories: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class PanelContent:
    need: Indicator
    supply: Indicator
    result: BivariateResult
    catchment: figures.CatchmentView | None
    catchment_text: str
    categories: tuple[str, ...] = ()


# --- plain functions (unit-testable) ---------------------------------------------------
def need_options(service: AtlasService) -> list[dict]:
    """Public (or, with show_internal, visible) rates where higher means more need."""
    catalogue = service.atlas.catalogue(public_only=service.public_only)
    rates = catalogue[(catalogue["polarity"] == HIGHER_WORSE)
                      & (catalogue["denominator"].fillna("").astype(str).str.len() > 0)]
    return [{"label": row.name, "value": row.indicator_id} for row in rates.itertuples()]


def indicator_choices(service: AtlasService, map_indicator: str | None, need: str | None,
                      supply: str | None) -> tuple[list, str | None, list, str | None]:
    """Options and values of both dropdowns; a user's choice is kept while it exists.

    Need defaults to the map's indicator if it is a need indicator, else SGB II unter 15,
    else the first; supply to Kita-Plätze je 100 Kinder unter 6, else the first.
    """
    needs = need_options(service)
    supplies = service.indicator_options(texts.THEME_SUPPLY)

    def pick(options: list[dict], *candidates: str | None) -> str | None:
        values = [option["value"] for option in options]
        return next((c for c in candidates if c in values), values[0] if values else None)

    return (needs, pick(needs, need, map_indicator, DEFAULT_NEED),
            supplies, pick(supplies, supply, DEFAULT_SUPPLY))


def offers_for(service: AtlasService, categories: tuple[str, ...]):
    """The offers catchments are drawn around: the chosen categories, else all Kitas."""
    chosen = categories or (texts.CATEGORY_KITA,)
    return filter_offers(service.atlas.offers(), OfferFilter(categories=chosen))


def catchment_text(radius_m: float, categories: tuple[str, ...], count: int) -> str:
    radius = figures.radius_text(radius_m)
    if not categories:
        return texts.NS_CATCHMENT_ALL_KITAS.format(radius=radius, count=count)
    return texts.NS_CATCHMENT_CATEGORIES.format(radius=radius, count=count,
                                                categories=", ".join(categories))


def panel_content(service: AtlasService, state: PanelState, catchment) -> PanelContent:
    """Domain calls of one state; ``catchment(level, categories, radius)`` is memoised."""
    need, supply = service.indicator(state.need_id), service.indicator(state.supply_id)
    atlas = service.atlas
    result = bivariate_classes(atlas.values(need.indicator_id, state.year, state.level),
                               atlas.values(supply.indicator_id, state.year, state.level),
                               need.polarity, supply.polarity)
    view, text = None, ""  # "aus" is explained where the table would be
    if state.radius_m > 0:
        view = catchment(state.level, state.categories, state.radius_m)
        text = " ".join([catchment_text(state.radius_m, state.categories, len(view.offer_lon)),
                         texts.NS_CATCHMENT_NOTE])
    return PanelContent(need, supply, result, view, text, state.categories)


def legend_of(content: PanelContent) -> list:
    uncovered = offers = None
    if content.catchment is not None:
        what = ", ".join(content.categories) or texts.NS_KITAS
        uncovered = texts.NS_UNCOVERED_LEGEND_DETAIL.format(
            radius=figures.radius_text(content.catchment.radius_m), offers=what)
        offers = texts.NS_OFFERS_LEGEND.format(offers=what)
    return panel.legend(content.result, content.need.short_name, content.supply.short_name,
                        uncovered, offers)


def register(app: Dash, service: AtlasService) -> None:
    cache = next(iter(app.server.extensions["cache"]))  # the app's flask-caching Cache

    @cache.memoize()
    def _catchment(atlas_key: str, level: str, categories: tuple[str, ...],
                   radius_m: float) -> figures.CatchmentView:
        offers = offers_for(service, categories)
        parts = uncovered_parts(offers, service.atlas.districts(level), radius_m)
        return figures.catchment_view(parts, offers, radius_m)

    def catchment(level, categories, radius_m):
        return _catchment(service.key, level, tuple(sorted(categories)), float(radius_m))

    @app.callback(
        Output(panel.NEED, "options"), Output(panel.NEED, "value"),
        Output(panel.SUPPLY, "options"), Output(panel.SUPPLY, "value"),
        Input(ids.INDICATOR, "value"),
        Input(ids.MAP_GEOMETRY_LEVEL, "data"),  # after the map: the map is drawn first
        State(panel.NEED, "value"), State(panel.SUPPLY, "value"),
    )
    def _choices(map_indicator, _drawn, need, supply):
        return indicator_choices(service, map_indicator, need, supply)

    @app.callback(
        Output(panel.MAP, "figure"), Output(panel.LEGEND, "children"),
        Output(panel.PRIORITY, "children"), Output(panel.CATCHMENT, "children"),
        Output(panel.CATCHMENT_TEXT, "children"), Output(panel.MESSAGE, "children"),
        Output(panel.DRAWN, "data"),
        Input(panel.NEED, "value"), Input(panel.SUPPLY, "value"), Input(ids.YEAR, "value"),
        Input(ids.LEVEL, "value"), Input(panel.RADIUS, "value"),
        Input(ids.OFFER_CATEGORY, "value"),
        State(ids.DISTRICT_SELECT, "value"), State(panel.DRAWN, "data"),
    )
    def _panel(need_id, supply_id, year, level, radius, categories, selection, drawn):
        if not need_id or not supply_id or year is None:
            return (no_update,) * 7
        level = level or service.atlas.levels[0]
        state = PanelState(need_id, supply_id, int(year), level, float(radius or 0),
                           tuple(categories or ()))
        try:
            content = panel_content(service, state, catchment)
        except AtlasError as error:
            return (no_update if drawn else figures.empty_figure(), [], [], [], "",
                    panel.message(str(error)), drawn)
        triggered = {str(t["prop_id"]).split(".")[0] for t in ctx.triggered}
        if drawn != level or not triggered or triggered - CLASS_INPUTS - CATCHMENT_INPUTS:
            known = set(service.atlas.districts(level)["district_id"])
            figure = figures.bivariate_figure(
                content.result, content.need, content.supply, service.geojson_url(level),
                service.map_view(level), [key for key in selection or [] if key in known],
                content.catchment)
        else:
            updates = {}
            if triggered & CLASS_INPUTS:
                updates.update(figures.class_updates(content.result, content.need,
                                                     content.supply))
            if triggered & CATCHMENT_INPUTS:
                updates.update(figures.catchment_updates(content.catchment))
            figure = patch_traces(updates)
        priority = priority_list(content.result, content.need, content.supply)
        return (figure, legend_of(content),
                panel.priority_rows(priority, content.need.short_name,
                                    content.supply.short_name),
                panel.catchment_rows(None if content.catchment is None
                                     else content.catchment.summary),
                content.catchment_text, [], level)

    app.clientside_callback(figures.LAYER_ORDER_JS, Output(panel.LAYER_STATE, "children"),
                            Input(panel.MAP, "figure"))

    @app.callback(
        Output(panel.MAP, "figure", allow_duplicate=True),
        Input(ids.DISTRICT_SELECT, "value"), State(panel.DRAWN, "data"),
        prevent_initial_call=True,
    )
    def _outline_selection(selection, drawn):
        if not drawn:
            return no_update
        known = set(service.atlas.districts(drawn)["district_id"])
        return patch_traces(figures.selection_updates(
            [key for key in selection or [] if key in known]))

    @app.callback(
        Output(ids.DISTRICT_SELECT, "value", allow_duplicate=True),
        Input({"type": panel.PRIORITY_ROW, "index": ALL}, "n_clicks"),
        Input(panel.MAP, "clickData"),
        State(ids.DISTRICT_SELECT, "value"), State(panel.DRAWN, "data"),
        prevent_initial_call=True,
    )
    def _select(_clicks, click, selection, drawn):
        trigger = ctx.triggered_id
        if trigger == panel.MAP:
            clicked = locations_of(click)
            return toggled(selection, clicked[0]) if clicked else no_update
        if not isinstance(trigger, dict) or not ctx.triggered or not ctx.triggered[0]["value"]:
            return no_update  # rows (re)drawn, not clicked
        known = set(service.atlas.districts(drawn or service.atlas.levels[0])["district_id"])
        key = trigger.get("index")
        return added(selection, [key]) if key in known else no_update

