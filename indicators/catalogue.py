"""The indicator catalogue: what an indicator means and how it is shown."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

HIGHER_WORSE = "higher_worse"
HIGHER_BETTER = "higher_better"
NEUTRAL = "neutral"
POLARITIES = (HIGHER_WORSE, HIGHER_BETTER, NEUTRAL)


@dataclass(frozen=True)
class Indicator:
    """One row of the catalogue, typed."""

    indicator_id: str
    name: str
    short_name: str
    theme: str
    unit: str
    description: str
    source: str
    numerator: str
    denominator: str
    polarity: str
    public: bool
    min_count: int
    decimals: int
    scale: float

    @property
    def is_rate(self) -> bool:
        """Rates have a denominator and are aggregated as sum(num) / sum(den)."""
        return bool(self.denominator)

    @property
    def is_percent(self) -> bool:
        return self.unit.strip() == "%"

    @classmethod
    def from_row(cls, row: pd.Series) -> Indicator:
        def text(name: str) -> str:
            value = row.get(name)
            return "" if value is None or pd.isna(value) else str(value)

        return cls(
            indicator_id=text("indicator_id"),
            name=text("name"),
            short_name=text("short_name") or text("name"),
            theme=text("theme"),
            unit=text("unit"),
            description=text("description"),
            source=text("source"),
            numerator=text("numerator"),
            denominator=text("denominator"),
            polarity=text("polarity") if text("polarity") in POLARITIES else NEUTRAL,
            public=bool(row.get("public", True)),
            min_count=int(row.get("min_count", 5) if pd.notna(row.get("min_count")) else 5),
            decimals=int(row.get("decimals", 1) if pd.notna(row.get("decimals")) else 1),
            scale=float(row.get("scale", 1) if pd.notna(row.get("scale")) else 1),
        )
