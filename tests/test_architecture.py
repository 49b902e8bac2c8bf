"""The house rules that keep the code easy to live in, checked on every run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LIBRARY = [p for folder in ("indicators", "geodata") for p in (REPO / folder).rglob("*.py")]
WEB = ("dash", "dash_bootstrap_components", "dash_ag_grid", "plotly", "flask", "flask_caching")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(REPO)))
def test_library_never_imports_the_web_layer(path):
    """indicators/ and geodata/ are a plain library: a notebook can use them without Dash."""
    assert not imported_modules(path) & set(WEB)


@pytest.mark.parametrize("path", sorted((REPO / "layouts").glob("*.py")),
                         ids=lambda p: p.name)
def test_layouts_do_not_open_atlases(path):
    """Layouts only build components; data comes in as arguments."""
    source = path.read_text(encoding="utf-8")
    assert "open_atlas(" not in source and "read_atlas_layers(" not in source


def test_modules_stay_small():
    too_long = [str(p.relative_to(REPO)) for folder in ("app.py", "layouts", "callbacks",
                                                         "indicators", "geodata")
                for p in ([REPO / folder] if folder.endswith(".py")
                          else (REPO / folder).rglob("*.py"))
                if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert too_long == []
