"""The import recipe: one small TOML file that names every source and mapping.

Next year's update is the same command with the same recipe (plus one more
file name), so the recipe is the documentation of how the atlas was built.
Paths are relative to the recipe file. Unknown keys are errors, not ignored:
a typo like ``kye = "STT_NR"`` must not silently fall back to a default.
The format is described in docs/import.md.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from geodata.importer.fields import FieldReader
from geodata.importer.report import ImportFailed, ValidationReport
from indicators.texts import importing as msg

DEFAULT_MAX_FILE_MB = 200.0
DEFAULT_TARGET_CRS = "EPSG:25832"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class AtlasSection:
    name: str
    output: Path
    data_date: str = ""
    licence: str = ""
    attribution: str = ""
    target_crs: str | None = None
    geographic_target_crs: str = DEFAULT_TARGET_CRS
    min_population: int = 300
    default_min_count: int = 5
    population_indicator: str | None = None
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    catalogue: Path | None = None
    offers_year: int | None = None
    sliver_m2: float = 1.0


@dataclass(frozen=True)
class LevelSource:
    """One level of areas (e.g. Stadtteil), coarse levels first."""

    name: str
    file: Path
    key: str
    name_column: str | None = None
    layer: str | None = None
    key_zfill: int | None = None
    parent_column: str | None = None
    parent_by_location: bool = False
    encoding: str | None = None
    crs: str | None = None
    dissolve_duplicates: bool = False


@dataclass(frozen=True)
class TableSource:
    """A CSV or Excel table with counts (or ready-made rates) per area and year."""

    file: Path
    format: str
    key: str
    series: dict[str, object]
    year_column: str | None = None
    year: int | None = None
    value: str | None = None
    sheet: str | None = None
    header_row: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    key_zfill: int | None = None
    ignore_keys: tuple[str, ...] = ()
    dash_is_zero: bool = True


@dataclass(frozen=True)
class OfferSource:
    """Points: GeoJSON/GeoPackage/Shapefile, or a table with coordinates."""

    file: Path
    category: str | None = None
    category_column: str | None = None
    categories: dict[str, str] = field(default_factory=dict)
    phase: str | None = None
    id_column: str | None = None
    name_column: str | None = None
    lat: str | None = None
    lon: str | None = None
    x: str | None = None
    y: str | None = None
    crs: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    layer: str | None = None
    sheet: str | None = None
    header_row: int = 1
    encoding: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class IndicatorSpec:
    """A catalogue entry and how its values are computed from series."""

    id: str
    name: str
    unit: str
    numerator: str | None = None
    denominator: str | None = None
    value: str | None = None
    short_name: str = ""
    theme: str = "Sonstiges"
    description: str = ""
    source: str = ""
    polarity: str = "neutral"
    public: bool = False
    min_count: int | None = None
    decimals: int | None = None
    scale: float | None = None
    numerator_label: str = ""
    denominator_label: str = ""


@dataclass(frozen=True)
class Recipe:
    path: Path
    atlas: AtlasSection
    levels: list[LevelSource]
    tables: list[TableSource]
    offers: list[OfferSource]
    derived: dict[str, str]
    offer_counts: dict[str, list[str]]
    indicators: list[IndicatorSpec]

    @property
    def input_files(self) -> list[Path]:
        files = [s.file for s in (*self.levels, *self.tables, *self.offers)]
        return files + ([self.atlas.catalogue] if self.atlas.catalogue else [])


def load_recipe(path: str | Path) -> Recipe:
    """Parse and check a recipe; raises ImportFailed listing every problem."""
    path = Path(path)
    report = ValidationReport()
    data = _read_toml(path, report)
    recipe = None if data is None else _parse(path, data, report)
    if recipe is None or report.has_errors:
        raise ImportFailed(report)
    return recipe


def _read_toml(path: Path, report: ValidationReport) -> dict | None:
    label = path.name
    if not path.is_file():
        report.error(msg.RECIPE_MISSING, msg.RECIPE_MISSING_HINT, file=str(path))
        return None
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        report.error(msg.RECIPE_NOT_UTF8, msg.RECIPE_NOT_UTF8_HINT, file=label)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        report.error(msg.RECIPE_NOT_TOML.format(detail=error), msg.RECIPE_NOT_TOML_HINT,
                     file=label, row=int(line.group(1)) if line else None)
    return None


def _parse(path: Path, data: dict, report: ValidationReport) -> Recipe | None:
    top = FieldReader(data, "", report, path, {
        "atlas", "levels", "tables", "offers", "derived", "offer_counts", "indicators"})
    atlas = _atlas(top.section("atlas", required=True))
    levels = [_level(r) for r in top.sections("levels", required=True)]
    tables = [_table(r) for r in top.sections("tables")]
    offers = [_offer(r) for r in top.sections("offers")]
    derived = top.text_map("derived")
    counts = {name: _as_list(value) for name, value in top.raw_map("offer_counts").items()}
    indicators = [_indicator(r) for r in top.sections("indicators", required=True)]
    if atlas is None:
        return None
    recipe = Recipe(path, atlas, levels, tables, offers, derived, counts, indicators)
    _check_names(recipe, report)
    return recipe


def _atlas(r: FieldReader | None) -> AtlasSection | None:
    if r is None:
        return None
    r.allow({"name", "output", "data_date", "licence", "attribution", "target_crs",
             "geographic_target_crs", "min_population", "default_min_count",
             "population_indicator", "max_file_mb", "catalogue", "offers_year", "sliver_m2"})
    output = r.path("output", required=True)
    name = r.text("name", required=True)
    if output is None or name is None:
        return None
    return AtlasSection(
        name=name, output=output, data_date=r.text("data_date") or "",
        licence=r.text("licence") or "", attribution=r.text("attribution") or "",
        target_crs=r.text("target_crs"),
        geographic_target_crs=r.text("geographic_target_crs") or DEFAULT_TARGET_CRS,
        min_population=r.integer("min_population", 300),
        default_min_count=r.integer("default_min_count", 5),
        population_indicator=r.text("population_indicator"),
        max_file_mb=r.number("max_file_mb", DEFAULT_MAX_FILE_MB),
        catalogue=r.path("catalogue"), offers_year=r.integer("offers_year", None),
        sliver_m2=r.number("sliver_m2", 1.0),
    )


def _level(r: FieldReader) -> LevelSource:
    r.allow({"name", "file", "key", "name_column", "layer", "key_zfill", "parent_column",
             "parent_by_location", "encoding", "crs", "dissolve_duplicates"})
    return LevelSource(
        name=r.text("name", required=True) or "", file=r.path("file", required=True),
        key=r.text("key", required=True) or "", name_column=r.text("name_column"),
        layer=r.text("layer"), key_zfill=r.integer("key_zfill", None),
        parent_column=r.text("parent_column"),
        parent_by_location=r.boolean("parent_by_location", False),
        encoding=r.text("encoding"), crs=r.text("crs"),
        dissolve_duplicates=r.boolean("dissolve_duplicates", False),
    )


def _table(r: FieldReader) -> TableSource:
    r.allow({"file", "format", "key", "series", "year_column", "year", "value", "sheet",
             "header_row", "encoding", "delimiter", "decimal", "key_zfill", "ignore_keys",
             "dash_is_zero"})
    form = r.choice("format", ("long", "wide"), "wide")
    series = r.raw_map("series", required=True)
    if form == "long" and r.text("value") is None:
        r.missing("value")
    if r.text("year_column") is None and r.integer("year", None) is None:
        r.missing("year_column")
    return TableSource(
        file=r.path("file", required=True), format=form, key=r.text("key", required=True) or "",
        series=series, year_column=r.text("year_column"), year=r.integer("year", None),
        value=r.text("value"), sheet=r.text("sheet"), header_row=r.integer("header_row", 1),
        encoding=r.text("encoding"), delimiter=r.text("delimiter"),
        decimal=r.choice("decimal", (",", "."), None), key_zfill=r.integer("key_zfill", None),
        ignore_keys=tuple(r.text_list("ignore_keys")),
        dash_is_zero=r.boolean("dash_is_zero", True),
    )


def _offer(r: FieldReader) -> OfferSource:
    r.allow({"file", "category", "category_column", "categories", "phase", "id_column",
             "name_column", "lat", "lon", "x", "y", "crs", "columns", "layer", "sheet",
             "header_row", "encoding", "delimiter"})
    if r.text("category") is None and r.text("category_column") is None:
        r.missing("category")
    return OfferSource(
        file=r.path("file", required=True), category=r.text("category"),
        category_column=r.text("category_column"), categories=r.text_map("categories"),
        phase=r.text("phase"), id_column=r.text("id_column"), name_column=r.text("name_column"),
        lat=r.text("lat"), lon=r.text("lon"), x=r.text("x"), y=r.text("y"), crs=r.text("crs"),
        columns=r.text_map("columns"), layer=r.text("layer"), sheet=r.text("sheet"),
        header_row=r.integer("header_row", 1), encoding=r.text("encoding"),
        delimiter=r.text("delimiter"),
    )


def _indicator(r: FieldReader) -> IndicatorSpec:
    r.allow({"id", "name", "unit", "numerator", "denominator", "value", "short_name", "theme",
             "description", "source", "polarity", "public", "min_count", "decimals", "scale",
             "numerator_label", "denominator_label"})
    if r.text("numerator") is None and r.text("value") is None:
        r.missing("numerator")
    return IndicatorSpec(
        id=r.text("id", required=True) or "", name=r.text("name", required=True) or "",
        unit=r.text("unit", required=True) or "", numerator=r.text("numerator"),
        denominator=r.text("denominator"), value=r.text("value"),
        short_name=r.text("short_name") or "", theme=r.text("theme") or "Sonstiges",
        description=r.text("description") or "", source=r.text("source") or "",
        polarity=r.text("polarity") or "neutral", public=r.boolean("public", False),
        min_count=r.integer("min_count", None), decimals=r.integer("decimals", None),
        scale=r.number("scale", None), numerator_label=r.text("numerator_label") or "",
        denominator_label=r.text("denominator_label") or "",
    )


def _as_list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _check_names(recipe: Recipe, report: ValidationReport) -> None:
    """Ids become keys in the atlas and in URLs: lower case, no spaces."""
    label = recipe.path.name
    names = [*(s for t in recipe.tables for s in t.series), *recipe.derived,
             *recipe.offer_counts, *(i.id for i in recipe.indicators)]
    for name in names:
        if not ID_PATTERN.match(name):
            report.error(msg.RECIPE_BAD_ID.format(name=name), msg.RECIPE_BAD_ID_HINT, file=label)
    seen: set[str] = set()
    for spec in recipe.indicators:
        if spec.id in seen:
            report.error(msg.RECIPE_DUPLICATE_INDICATOR.format(name=spec.id),
                         msg.RECIPE_DUPLICATE_HINT, file=label)
        seen.add(spec.id)
    level_names = [lv.name for lv in recipe.levels]
    for name in {n for n in level_names if level_names.count(n) > 1}:
        report.error(msg.RECIPE_DUPLICATE_LEVEL.format(name=name), msg.RECIPE_DUPLICATE_HINT,
                     file=label)
    for index, level in enumerate(recipe.levels):
        if index and not (level.parent_column or level.parent_by_location):
            report.error(msg.RECIPE_NO_PARENT.format(level=level.name,
                                                     parent=recipe.levels[index - 1].name),
                         msg.RECIPE_NO_PARENT_HINT, file=label)
