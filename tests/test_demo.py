"""The Musterstadt generator: deterministic, plausible, and a valid, exact atlas."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from geopandas.testing import assert_geodataframe_equal
from pandas.testing import assert_frame_equal
from scipy.stats import spearmanr

from geodata.demo import (
    DEFAULT_PATH,
    build_demo_layers,
    build_synthetic_layers,
    demo_plan,
    write_demo_atlas,
)
from geodata.demo.offer_kinds import KINDS
from indicators.atlas import Atlas, open_atlas
from indicators.atlas_file import (
    CATALOGUE_COLUMNS,
    OFFER_COLUMNS,
    AtlasLayers,
    read_atlas_layers,
)
from indicators.catalogue import POLARITIES

YEARS = range(2020, 2025)
PHASES = {"rund um die Geburt", "Kita", "Grundschule", "weiterführende Schule", "Jugend",
          "Übergang Schule–Beruf", "übergreifend"}
NEED = ["sgb2_u15", "sgb2_u3", "alleinerziehende", "sprachfoerderung", "uebergewicht_esu",
        "hze_je_1000", "jugendarbeitslosigkeit"]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("demo")
    return write_demo_atlas(folder / "eins.gpkg"), write_demo_atlas(folder / "zwei.gpkg")


@pytest.fixture(scope="module")
def layers(written: tuple[Path, Path]) -> AtlasLayers:
    return read_atlas_layers(written[0])


@pytest.fixture(scope="module")
def atlas(written: tuple[Path, Path]) -> Atlas:
    return open_atlas(written[0])


@pytest.fixture(scope="module")
def sozialraeume(layers: AtlasLayers):
    return layers.districts[layers.districts["level"] == "Sozialraum"].reset_index(drop=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_layers_equal(left: AtlasLayers, right: AtlasLayers) -> None:
    assert_geodataframe_equal(left.districts, right.districts, check_less_precise=False)
    assert_geodataframe_equal(left.offers, right.offers, check_less_precise=False)
    assert_frame_equal(left.catalogue, right.catalogue)
    assert_frame_equal(left.values, right.values)
    assert left.meta == right.meta


# --- determinism -------------------------------------------------------------------------

def test_same_seed_writes_byte_identical_files(written: tuple[Path, Path]) -> None:
    assert sha256(written[0]) == sha256(written[1])


def test_same_seed_builds_equal_layers() -> None:
    assert_layers_equal(build_demo_layers(2026), build_demo_layers(2026))


def test_other_seed_builds_another_city(layers: AtlasLayers) -> None:
    other = build_demo_layers(7)
    assert not other.districts.geometry.geom_equals(layers.districts.geometry).all()
    mine = layers.values.set_index(["indicator_id", "district_id", "year"])["value"]
    theirs = other.values.set_index(["indicator_id", "district_id", "year"])["value"]
    assert not np.allclose(mine, theirs.reindex(mine.index), equal_nan=True)
    assert other.meta["seed"] == "7"


def test_shipped_file_is_a_fresh_build(layers: AtlasLayers) -> None:
    assert DEFAULT_PATH.exists(), "Demo-Atlas fehlt: python -m geodata.demo ausführen"
    try:
        assert_layers_equal(read_atlas_layers(DEFAULT_PATH), layers)
    except AssertionError as error:
        raise AssertionError(
            f"{DEFAULT_PATH} ist veraltet: python -m geodata.demo ausführen"
        ) from error
    assert DEFAULT_PATH.stat().st_size < 2_000_000


# --- shape of the atlas ------------------------------------------------------------------

def test_size_levels_and_ids(layers: AtlasLayers, atlas: Atlas, sozialraeume) -> None:
    bezirke = layers.districts[layers.districts["level"] == "Stadtbezirk"]
    assert atlas.levels == ["Sozialraum", "Stadtbezirk", "Gesamtstadt"]
    assert len(sozialraeume) >= 30
    assert len(bezirke) >= 6
    assert set(sozialraeume["parent_id"]) == set(bezirke["district_id"])
    assert bezirke["parent_id"].isna().all()
    assert all(len(key) == 2 and key.isdigit() for key in bezirke["district_id"])
    assert all(key[:2] == parent and len(key) == 4
               for key, parent in zip(sozialraeume["district_id"], sozialraeume["parent_id"],
                                      strict=True))
    assert layers.districts["district_id"].is_unique
    assert sozialraeume["name"].is_unique
    assert {"Hafen", "Gewerbegebiet Ost", "Altstadt"} <= set(sozialraeume["name"])
    assert layers.districts.crs.to_epsg() == 25832
    assert layers.offers.crs.to_epsg() == 25832


def test_catalogue_years_and_themes(layers: AtlasLayers, atlas: Atlas) -> None:
    catalogue = layers.catalogue
    assert len(catalogue) >= 15
    assert len(atlas.themes()) >= 6
    assert catalogue["polarity"].isin(POLARITIES).all()
    assert sorted(catalogue.loc[~catalogue["public"], "indicator_id"]) == [
        "hze_je_1000", "zahnstatus"]
    texts = catalogue[[c for c in CATALOGUE_COLUMNS if c != "denominator"]].astype(str)
    assert (texts.map(len) > 0).all().all()
    counts = catalogue["unit"] == "Anzahl"
    assert (catalogue.loc[counts, "denominator"].fillna("") == "").all()
    assert (catalogue.loc[~counts, "denominator"].str.len() > 0).all()
    assert (catalogue["decimals"] == np.where(counts, 0, 1)).all()
    scale = catalogue.set_index("unit")["scale"].groupby(level=0).first().to_dict()
    assert scale == {"%": 100, "Anzahl": 1, "je 1.000": 1000, "je 100": 100}
    for indicator in catalogue["indicator_id"]:
        assert atlas.years(indicator) == list(YEARS)
    expected = len(catalogue) * len(YEARS) * (layers.districts["level"] == "Sozialraum").sum()
    assert len(layers.values) == expected


def test_meta(layers: AtlasLayers, atlas: Atlas) -> None:
    assert atlas.is_demo and atlas.name == "Musterstadt"
    assert atlas.population_indicator == "einwohner"
    assert atlas.min_population == 300
    assert layers.meta["data_date"] == "31.12.2024"
    assert layers.meta["crs"] == "EPSG:25832"
    assert layers.meta["seed"] == "2026"
    assert "CC0" in layers.meta["licence"]


# --- geometry ----------------------------------------------------------------------------

def test_tessellation_has_no_gaps_or_overlaps(layers: AtlasLayers, sozialraeume) -> None:
    outline = demo_plan().outline
    geoms = sozialraeume.geometry.to_numpy()
    union = shapely.union_all(geoms)
    assert union.geom_type == "Polygon" and not list(union.interiors)
    assert abs(union.area - outline.area) < 1.0
    assert shapely.symmetric_difference(union, outline).area < 1.0
    assert abs(shapely.area(geoms).sum() - union.area) < 1.0
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = left < right
    assert pairs.sum() >= len(geoms)  # neighbours touch along shared borders
    assert shapely.area(shapely.intersection(geoms[left[pairs]], geoms[right[pairs]])).max() == 0
    assert shapely.is_valid(geoms).all()
    assert set(shapely.get_type_id(geoms)) == {3}  # single polygons


def test_city_outline_is_irregular_and_city_sized(sozialraeume) -> None:
    union = shapely.union_all(sozialraeume.geometry.to_numpy())
    xmin, ymin, xmax, ymax = union.bounds
    assert 12_000 < xmax - xmin < 20_000 and 10_000 < ymax - ymin < 16_000
    hull = shapely.convex_hull(union)
    assert union.area / hull.area < 0.97  # not a convex blob
    assert union.area / shapely.box(*union.bounds).area < 0.85  # not a rectangle


def test_each_stadtbezirk_is_the_union_of_its_sozialraeume(layers: AtlasLayers) -> None:
    districts = layers.districts
    base = districts[districts["level"] == "Sozialraum"]
    for _, bezirk in districts[districts["level"] == "Stadtbezirk"].iterrows():
        children = shapely.union_all(base.loc[base["parent_id"] == bezirk["district_id"],
                                              "geometry"].to_numpy())
        assert shapely.symmetric_difference(children, bezirk.geometry).area < 1e-6
        assert bezirk.geometry.geom_type == "Polygon"


def test_coordinates_are_rounded_to_decimetres(layers: AtlasLayers) -> None:
    for frame in (layers.districts, layers.offers):
        xy = shapely.get_coordinates(frame.geometry.to_numpy())
        assert np.allclose(xy, np.round(xy, 1), rtol=0, atol=1e-6)


# --- offers ------------------------------------------------------------------------------

def test_offers_cover_the_prevention_chain(layers: AtlasLayers) -> None:
    offers = layers.offers
    assert len(offers) >= 200
    assert set(OFFER_COLUMNS) <= set(offers.columns)
    assert set(offers["category"]) == set(KINDS)
    assert set(offers["phase"]) == PHASES
    assert set(offers["provider_type"]) == {"öffentlich", "frei"}
    assert offers["offer_id"].is_unique and offers["name"].is_unique
    text = [c for c in OFFER_COLUMNS if c not in ("capacity", "age_min", "age_max")]
    assert offers[text].notna().all().all()
    assert (offers["age_min"] <= offers["age_max"]).all()
    kitas = offers[offers["category"] == "Kita"]
    assert kitas["capacity"].between(30, 120).all()
    assert offers.loc[offers["category"] == "Jugendzentrum", "capacity"].isna().all()
    assert offers["url"].str.startswith("https://example.org/").all()
    assert offers["address"].str.endswith("Musterstadt").all()


def test_offers_lie_inside_the_city_and_follow_children(
    layers: AtlasLayers, sozialraeume
) -> None:
    points = layers.offers.geometry.to_numpy()
    assert shapely.contains(shapely.union_all(sozialraeume.geometry.to_numpy()), points).all()
    kitas = layers.offers[layers.offers["category"] == "Kita"]
    where = sozialraeume.sindex.query(kitas.geometry, predicate="within")[1]
    per_district = np.bincount(where, minlength=len(sozialraeume))
    assert (per_district >= 1).all()
    children = layers.values.query("indicator_id == 'kinder_u6' and year == 2024")
    children = children.set_index("district_id")["numerator"].reindex(sozialraeume["district_id"])
    assert spearmanr(per_district, children).statistic > 0.6


# --- values ------------------------------------------------------------------------------

def test_values_are_numerator_over_denominator(layers: AtlasLayers) -> None:
    values = layers.values.merge(layers.catalogue[["indicator_id", "scale", "unit"]])
    assert (values["numerator"] == np.round(values["numerator"])).all()
    counts = values[values["unit"] == "Anzahl"]
    assert counts["denominator"].isna().all()
    assert np.allclose(counts["value"], counts["numerator"] * counts["scale"])
    rates = values[values["unit"] != "Anzahl"]
    assert (rates["denominator"] == np.round(rates["denominator"])).all()
    shown = rates[rates["denominator"] > 0]
    assert np.allclose(shown["value"], shown["numerator"] / shown["denominator"] * shown["scale"])
    assert rates.loc[rates["denominator"] == 0, "value"].isna().all()
    shares = rates[rates["unit"] == "%"]
    assert (shares["numerator"] <= shares["denominator"]).all()


def test_denominators_are_the_age_groups(layers: AtlasLayers) -> None:
    table = layers.values.pivot_table(index=["district_id", "year"], columns="indicator_id",
                                      values=["numerator", "denominator"])
    num, den = table["numerator"], table["denominator"]
    assert (num["kinder_u3"] == den["sgb2_u3"]).all()
    assert (num["kinder_u6"] == den["kitaplaetze"]).all()
    assert (den["sgb2_u15"] == den["alleinerziehende"]).all()
    assert (num["kinder_u3"] <= num["kinder_u6"]).all()
    assert (num["kinder_u6"] <= den["sgb2_u15"]).all()
    assert (den["sgb2_u15"] <= num["anteil_u18"]).all()
    assert (num["anteil_u18"] <= den["hze_je_1000"]).all()
    assert (den["hze_je_1000"] <= num["einwohner"]).all()


@pytest.mark.parametrize(("indicator", "low", "high"), [
    ("sgb2_u15", 15, 25), ("sgb2_u3", 12, 22), ("alleinerziehende", 17, 24),
    ("migration_kinder", 35, 52), ("sprachfoerderung", 18, 35), ("uebergewicht_esu", 8, 13),
    ("kita_u3", 28, 42), ("kita_3_6", 88, 96), ("hze_je_1000", 22, 40),
    ("jugendarbeitslosigkeit", 4, 9), ("anteil_u18", 15, 19),
])
def test_city_averages_are_plausible(atlas: Atlas, indicator: str, low: float,
                                     high: float) -> None:
    for year in (YEARS[0], YEARS[-1]):
        assert low <= atlas.city_value(indicator, year)["value"] <= high, year


def test_districts_spread_widely(atlas: Atlas, layers: AtlasLayers) -> None:
    sgb2 = atlas.values("sgb2_u15", 2024)["value"].dropna()
    assert sgb2.min() < 6 and sgb2.max() > 40
    assert 150_000 < atlas.city_value("einwohner", 2024)["value"] < 250_000
    population = layers.values.query("indicator_id == 'einwohner' and year == 2024")
    assert (population["numerator"] < 300).sum() == 2
    assert population["numerator"].sort_values().iloc[2] > 1000


def test_need_indicators_correlate_over_space(atlas: Atlas) -> None:
    for year in YEARS:
        pair = pd.concat(
            [atlas.values(key, year).set_index("district_id")["value"]
             for key in ("sgb2_u15", "sprachfoerderung")], axis=1,
        ).dropna()
        assert spearmanr(pair.iloc[:, 0], pair.iloc[:, 1]).statistic > 0.6
    frame = pd.concat({key: atlas.values(key, 2024).set_index("district_id")["value"]
                       for key in [*NEED, "kita_u3", "gymnasialquote"]}, axis=1)
    correlation = frame.corr("spearman")  # pairwise: suppressed districts left out
    need = correlation.loc[NEED, NEED].to_numpy()[np.triu_indices(len(NEED), 1)]
    assert need.min() > 0.25 and need.mean() > 0.6
    assert (correlation.loc[NEED, ["kita_u3", "gymnasialquote"]] < 0).all().all()


def test_neighbours_resemble_each_other(atlas: Atlas, sozialraeume) -> None:
    """Moran's I with rook neighbours: clearly positive, unlike random noise."""
    values = atlas.values("sgb2_u15", 2024).set_index("district_id")["value"]
    kept = sozialraeume[sozialraeume["district_id"].map(values).notna()].reset_index(drop=True)
    z = kept["district_id"].map(values).to_numpy() - kept["district_id"].map(values).mean()
    geoms = kept.geometry.to_numpy()
    left, right = shapely.STRtree(geoms).query(geoms, predicate="touches")
    shared = shapely.length(shapely.intersection(geoms[left], geoms[right])) > 0
    left, right = left[shared], right[shared]
    moran = len(z) / len(left) * (z[left] * z[right]).sum() / (z**2).sum()
    assert moran > 0.25


def test_changes_over_time_are_visible_but_gentle(layers: AtlasLayers) -> None:
    rates = layers.values[layers.values["indicator_id"].isin(NEED)]
    rates = rates[rates["denominator"] >= 200]
    wide = rates.pivot_table(index=["indicator_id", "district_id"], columns="year",
                             values="value")
    step = (wide[2024] - wide[2023]).abs()
    assert step.median() > 0.1
    assert (step / wide[2023].clip(lower=1)).quantile(0.9) < 0.6


def test_suppression_bites_by_population_and_by_count(atlas: Atlas) -> None:
    for year in YEARS:
        shown = atlas.values("sgb2_u3", year)
        by_population = shown.loc[shown["reason"] == "population", "name"]
        assert set(by_population) == {"Hafen", "Gewerbegebiet Ost"}, year
        assert (shown["reason"] == "count").sum() >= 3, year
        assert shown.loc[shown["suppressed"], "value"].isna().all()
    for indicator in ("hze_je_1000", "uebergewicht_esu"):
        assert (atlas.values(indicator, 2024)["reason"] == "count").any(), indicator
    assert not atlas.values("sgb2_u3", 2024, "Stadtbezirk")["suppressed"].any()


def test_tiny_areas_are_tiny_in_every_year(layers: AtlasLayers, sozialraeume) -> None:
    tiny_ids = sozialraeume.loc[sozialraeume["name"].isin(["Hafen", "Gewerbegebiet Ost"]),
                                "district_id"]
    population = layers.values.query("indicator_id == 'einwohner'")
    tiny = population[population["district_id"].isin(tiny_ids)]
    assert len(tiny) == 2 * len(YEARS)
    assert (tiny["numerator"] < 300).all()


# --- synthetic atlases for benchmarks ----------------------------------------------------

def test_synthetic_atlas_has_about_the_requested_size(layers: AtlasLayers) -> None:
    synthetic = build_synthetic_layers(550)
    districts = synthetic.districts
    base = districts[districts["level"] == "Sozialraum"]
    parents = districts[districts["level"] == "Stadtbezirk"]
    assert 520 <= len(base) <= 580
    assert 45 <= len(parents) <= 65
    geoms = base.geometry.to_numpy()
    assert shapely.coverage_is_valid(geoms)
    union = shapely.union_all(geoms)
    assert abs(shapely.area(geoms).sum() - union.area) < 1.0
    assert union.geom_type == "Polygon"
    assert_frame_equal(synthetic.catalogue, layers.catalogue, check_dtype=False)
    atlas = Atlas(synthetic)
    assert atlas.levels == ["Sozialraum", "Stadtbezirk", "Gesamtstadt"]
    assert 15 <= atlas.city_value("sgb2_u15", 2024)["value"] <= 25
    assert len(synthetic.offers) > 5 * len(base)
