"""Starting on a bad atlas file: a German message naming the file, exit code 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "app.py", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "PORT": "1"})


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (lambda p: None, "wurde nicht gefunden"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100), "ist kein GeoPackage"),
        (lambda p: p.write_text("", encoding="utf-8"), "ist kein GeoPackage"),
        (lambda p: p.mkdir(), "ist kein GeoPackage"),
    ],
    ids=["fehlt", "png", "leer", "ordner"],
)
def test_bad_atlas_file_gives_a_german_message(tmp_path, make_file, expected):
    path = tmp_path / "mein-atlas.gpkg"
    make_file(path)
    result = run_app("serve", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Fehler: ")
    assert "mein-atlas.gpkg" in result.stderr
    assert expected in result.stderr


def test_unknown_command(tmp_path):
    result = run_app("zaubern")
    assert result.returncode == 2
    assert "unbekannter Befehl „zaubern“" in result.stderr


def test_check_command_validates_the_demo_atlas():
    result = run_app("check", "geodata/data/musterstadt.gpkg")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_check_command_on_a_broken_file(tmp_path):
    path = tmp_path / "kaputt.gpkg"
    path.write_text("kein GeoPackage", encoding="utf-8")
    result = run_app("check", str(path))
    assert result.returncode != 0
    assert "kaputt.gpkg" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
