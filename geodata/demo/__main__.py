"""``python -m geodata.demo [PATH] [--seed N]``: write the Musterstadt demo atlas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata.demo import DEFAULT_PATH, DEMO_SEED, write_demo_atlas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geodata.demo",
        description="Schreibt den Demo-Atlas Musterstadt (fiktive Daten) als GeoPackage.",
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH,
                        help=f"Zieldatei (Standard: {DEFAULT_PATH})")
    parser.add_argument("--seed", type=int, default=DEMO_SEED,
                        help=f"Zufallsstartwert (Standard: {DEMO_SEED})")
    args = parser.parse_args(argv)
    print(write_demo_atlas(args.path, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
