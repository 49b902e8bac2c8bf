"""Command line: ``python app.py import RECIPE``, ``check ATLAS``, ``template FILE``.

Prints the German report, shows a progress bar on stderr, and exits with 0
(done, maybe with warnings) or 1 (errors; nothing changed). Bad input never
produces a traceback; an unexpected internal error prints one German line
(use --debug to see the traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from geodata.importer.report import ERROR, ImportFailed, ValidationReport
from indicators.errors import AtlasError
from indicators.texts import importing as msg


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in German and does not exit the process."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(msg.CLI_USAGE_ERROR.format(detail=message))


class _UsageError(Exception):
    pass


class ProgressBar:
    """``[#####.....]  50 %  Tabelle lesen: x.csv`` on one line of stderr."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width = stream, width

    def __call__(self, fraction: float, message: str) -> None:
        filled = round(max(0.0, min(1.0, fraction)) * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {fraction * 100:3.0f} %  {message[:50]:<50}")
        if fraction >= 1.0:
            self.stream.write("\n")
        self.stream.flush()


def import_main(argv: list[str]) -> int:
    """``import RECIPE [--output ATLAS] [--quiet] [--debug]``"""
    parser = _Parser(prog="app.py import", description="Atlas aus einem Import-Rezept bauen.")
    parser.add_argument("recipe", help="Rezeptdatei (TOML), siehe docs/import.md")
    parser.add_argument("--output", help="Atlas-Datei (statt [atlas] output im Rezept)")
    parser.add_argument("--quiet", action="store_true", help="keinen Fortschritt anzeigen")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    def run(args: argparse.Namespace) -> int:
        from geodata.importer.pipeline import run_import
        progress = None if args.quiet else ProgressBar(sys.stderr)
        try:
            result = run_import(args.recipe, progress, output=args.output)
        except ImportFailed as failure:
            if progress:
                sys.stderr.write("\n")
            print(failure.report.render())
            print(msg.IMPORT_FAILED)
            return 1
        print(result.render())
        return 0

    return _guarded(parser, argv, run)


def check_main(argv: list[str]) -> int:
    """``check ATLAS``: exit 1 if the atlas has errors."""
    parser = _Parser(prog="app.py check", description="Einen vorhandenen Atlas prüfen.")
    parser.add_argument("atlas", help="Atlas-Datei (.gpkg)")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    def run(args: argparse.Namespace) -> int:
        from geodata.importer.check import check_atlas
        report = check_atlas(args.atlas)
        print(report.render() if report.problems else msg.CHECK_OK.format(path=args.atlas))
        return 1 if report.has_errors else 0

    return _guarded(parser, argv, run)


def template_main(argv: list[str]) -> int:
    """``template FILE.xlsx [--atlas ATLAS]``: the Excel catalogue template, maybe pre-filled."""
    parser = _Parser(prog="app.py template",
                     description="Excel-Vorlage für den Indikatorenkatalog schreiben.")
    parser.add_argument("file", help="Ziel, z. B. katalog.xlsx")
    parser.add_argument("--atlas", help="Katalog dieses Atlas vorausfüllen")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)

    def run(args: argparse.Namespace) -> int:
        from geodata.importer.catalogue_template import write_catalogue_template
        from indicators.atlas_file import read_atlas_layers
        catalogue = read_atlas_layers(args.atlas).catalogue if args.atlas else None
        path = write_catalogue_template(Path(args.file), catalogue)
        print(path)
        return 0

    return _guarded(parser, argv, run)


def _guarded(parser: _Parser, argv: list[str], run) -> int:
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help
        return int(done.code or 0)
    except _UsageError as error:
        print(error, file=sys.stderr)
        print(parser.format_usage(), file=sys.stderr, end="")
        return 1
    try:
        return run(args)
    except AtlasError as error:  # AtlasFileError and friends carry a complete message
        print(f"{ERROR}: {error}")
        return 1
    except Exception as error:
        if args.debug:
            raise
        report = ValidationReport()
        report.error(msg.UNEXPECTED.format(detail=f"{type(error).__name__}: {error}"),
                     msg.UNEXPECTED_HINT)
        print(report.render())
        return 1
