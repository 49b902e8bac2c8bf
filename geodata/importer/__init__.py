"""Importing a Kommune's own data into an atlas, and checking an existing atlas.

A plain library (no Dash) shared by the command line and the web page::

    from geodata.importer import run_import, check_atlas
    result = run_import("koeln.toml", progress=lambda f, m: print(f"{f:4.0%} {m}"))
    print(result.render())
    print(check_atlas(result.path).render())

Bad input raises ``ImportFailed``; its ``report`` lists every problem with
file, row, column, a German message and a hint. The recipe format is
described in docs/import.md.
"""

from geodata.importer.catalogue_template import read_catalogue_template, write_catalogue_template
from geodata.importer.check import check_atlas
from geodata.importer.pipeline import ImportResult, run_import
from geodata.importer.recipe import Recipe, load_recipe
from geodata.importer.report import ImportFailed, Problem, ValidationReport

__all__ = [
    "ImportFailed", "ImportResult", "Problem", "Recipe", "ValidationReport", "check_atlas",
    "load_recipe", "read_catalogue_template", "run_import", "write_catalogue_template",
]
