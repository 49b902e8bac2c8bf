"""Catalogue rows for the atlas, from the recipe and the filled-in Excel template.

The recipe says how an indicator is computed; the Excel template (filled in
by the Fachamt) may override how it is described: names, themes, polarity,
public/internal, suppression threshold. Both meet here.
"""

from __future__ import annotations

import pandas as pd

from geodata.importer.recipe import IndicatorSpec
from geodata.importer.report import ValidationReport
from indicators.atlas_file import CATALOGUE_COLUMNS
from indicators.catalogue import POLARITIES
from indicators.texts import POLARITY_LABELS
from indicators.texts import importing as msg

#: Accepted spellings of each polarity code (codes, UI labels, short German words).
POLARITY_WORDS = {
    **{code: code for code in POLARITIES},
    **{label: code for code, label in POLARITY_LABELS.items()},
    "mehr bedarf": "higher_worse", "weniger bedarf": "higher_better",
    "ohne wertung": "neutral",
}


def polarity_code(text: str) -> str | None:
    """'higher_worse', a UI label or 'mehr Bedarf' -> code; None if unknown."""
    text = str(text).strip()
    return POLARITY_WORDS.get(text) or POLARITY_WORDS.get(text.lower())


def catalogue_row(spec: IndicatorSpec, scale: float, default_min_count: int, file: str,
                  report: ValidationReport) -> dict[str, object]:
    """One catalogue row; reports an unknown polarity and uncheckable ready-made rates."""
    polarity = polarity_code(spec.polarity)
    if polarity is None:
        report.error(msg.POLARITY_BAD.format(indicator=spec.id, value=spec.polarity),
                     msg.POLARITY_BAD_HINT.format(labels=", ".join(POLARITY_LABELS.values())),
                     file=file)
    is_rate = bool(spec.denominator) or (spec.value is not None and scale != 1)
    if spec.value and not (spec.numerator and spec.denominator) and is_rate:
        report.warning(msg.READY_RATE_NO_COUNTS.format(indicator=spec.id),
                       msg.READY_RATE_NO_COUNTS_HINT, file=file)
    denominator = ""
    if is_rate:
        denominator = spec.denominator_label or spec.denominator or msg.READY_RATE_DENOMINATOR
    return {
        "indicator_id": spec.id, "name": spec.name, "short_name": spec.short_name or spec.name,
        "theme": spec.theme, "unit": spec.unit, "description": spec.description,
        "source": spec.source,
        "numerator": spec.numerator_label or spec.numerator or spec.value or "",
        "denominator": denominator, "polarity": polarity or "neutral", "public": spec.public,
        "min_count": default_min_count if spec.min_count is None else spec.min_count,
        "decimals": (1 if is_rate else 0) if spec.decimals is None else spec.decimals,
        "scale": scale,
    }


def apply_template(catalogue: pd.DataFrame, template: pd.DataFrame | None, file: str,
                   report: ValidationReport) -> pd.DataFrame:
    """Descriptive fields from the Excel template win over the recipe's."""
    if template is None or template.empty:
        return catalogue
    extra = sorted(set(template["indicator_id"]) - set(catalogue["indicator_id"]))
    if extra:
        report.warning(msg.CAT_NOT_IN_RECIPE.format(ids=", ".join(extra)),
                       msg.CAT_NOT_IN_RECIPE_HINT, file=file)
    template = template.set_index("indicator_id")
    out = catalogue.set_index("indicator_id")
    shared = out.index.intersection(template.index)
    for column in template.columns:
        if column in ("numerator", "denominator", "scale"):
            continue  # how a value is computed is the recipe's business
        new = template.loc[shared, column]
        new = new[new.notna() & (new.astype("str") != "")]
        if len(new):
            out[column] = out[column].astype("object")
            out.loc[new.index, column] = new
    for column in ("numerator", "denominator"):
        new = template.loc[shared, column]
        keep = new.notna() & (new.astype("str") != "") & (out.loc[shared, column] != "")
        out.loc[new[keep].index, column] = new[keep]
    return out.reset_index()[CATALOGUE_COLUMNS]
