"""Musterstadt: a deterministic, clearly fictitious demo municipality.

``build_demo_layers`` makes the atlas in memory, ``write_demo_atlas`` writes it
as a GeoPackage (``python -m geodata.demo [PATH]``), and
``build_synthetic_layers`` makes larger made-up atlases for benchmarks. The
same seed always gives the same atlas, down to the bytes of the file.
"""

from geodata.demo.build import (
    DEFAULT_PATH,
    DEMO_SEED,
    build_demo_layers,
    build_synthetic_layers,
    demo_plan,
    write_demo_atlas,
    write_reproducibly,
)

__all__ = [
    "DEFAULT_PATH", "DEMO_SEED", "build_demo_layers", "build_synthetic_layers",
    "demo_plan", "write_demo_atlas", "write_reproducibly",
]
