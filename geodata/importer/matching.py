"""Matching the keys of a table to the boundaries, with both sides listed.

The most common import mistake is a key that looks right but is not: "1" vs
"001", a city total "000" in the same column, a renamed Stadtteil. Both lists
(keys without an area, areas without a value) are reported so the person can
see at once which side is wrong.
"""

from __future__ import annotations

import pandas as pd

from geodata.importer.report import ValidationReport, short_list
from indicators.texts import importing as msg


def match_keys(long: pd.DataFrame, districts: pd.DataFrame, label: str, key_column: str,
               report: ValidationReport) -> pd.DataFrame:
    """Rows of ``long`` whose district_id is an area; reports both unmatched sides."""
    known = long["district_id"].isin(districts["district_id"])
    if not known.any():
        sample = short_list(sorted(long["district_id"].unique()), 5)
        areas = short_list(sorted(districts["district_id"]), 5)
        report.error(msg.KEYS_NONE_MATCH.format(sample=sample, areas=areas),
                     msg.KEYS_NONE_MATCH_HINT, file=label, column=key_column)
        return long.iloc[0:0]
    unknown = sorted(long.loc[~known, "district_id"].unique())
    if unknown:
        report.warning(msg.KEYS_UNMATCHED.format(count=len(unknown), keys=short_list(unknown)),
                       msg.KEYS_UNMATCHED_HINT, file=label, column=key_column)
    matched = long[known]
    present = set(matched["district_id"])
    levels = list(dict.fromkeys(districts["level"]))
    for level in levels:
        ids = districts.loc[districts["level"] == level, "district_id"]
        missing = sorted(set(ids) - present)
        if len(missing) == len(ids):
            if level == levels[-1]:
                report.warning(msg.LEVEL_NOT_IN_TABLE.format(level=level),
                               msg.LEVEL_NOT_IN_TABLE_HINT, file=label)
            else:
                report.note(msg.LEVEL_AGGREGATED.format(level=level), file=label)
        elif missing:
            report.warning(msg.AREAS_WITHOUT_VALUES.format(count=len(missing), level=level,
                                                           keys=short_list(missing)),
                           msg.AREAS_WITHOUT_VALUES_HINT, file=label)
    return matched.reset_index(drop=True)
