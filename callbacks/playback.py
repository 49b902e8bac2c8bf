"""Play/pause: step through the years like a film, without resending geometry."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from indicators import texts
from layouts import ids


def next_year(marks: dict, year: int | None) -> int | None:
    """The following year on the slider, wrapping round to the first."""
    years = sorted(int(y) for y in marks)
    if not years:
        return None
    later = [y for y in years if year is not None and y > int(year)]
    return later[0] if later else years[0]


def register(app: Dash) -> None:
    @app.callback(
        Output(ids.PLAY_TIMER, "disabled"), Output(ids.PLAY, "children"),
        Output(ids.PLAY, "title"),
        Input(ids.PLAY, "n_clicks"), State(ids.PLAY_TIMER, "disabled"),
        prevent_initial_call=True,
    )
    def _toggle(_clicks: int, disabled: bool):
        playing = bool(disabled)
        return (not playing, "❚❚" if playing else "▶",
                texts.LABEL_PAUSE if playing else texts.LABEL_PLAY)

    @app.callback(
        Output(ids.YEAR, "value", allow_duplicate=True),
        Input(ids.PLAY_TIMER, "n_intervals"),
        State(ids.YEAR, "marks"), State(ids.YEAR, "value"),
        prevent_initial_call=True,
    )
    def _advance(_ticks: int, marks: dict, year: int):
        following = next_year(marks or {}, year)
        return following if following is not None else no_update
