"""Typed access to one TOML table that collects problems instead of raising.

A recipe is written by hand; a person should see every typo at once, with
the section and key named, rather than one traceback per attempt.
"""

from __future__ import annotations

from pathlib import Path

from geodata.importer.report import ValidationReport
from indicators.texts import importing as msg

_TYPE_NAMES = {str: "Text", int: "ganze Zahl", float: "Zahl", bool: "true/false",
               list: "Liste", dict: "Tabelle"}


class FieldReader:
    """Reads keys of ``data`` (one TOML table) found at ``where`` in ``recipe``."""

    def __init__(self, data: dict, where: str, report: ValidationReport, recipe: Path,
                 allowed: set[str] | None = None) -> None:
        self.data, self.where, self.report, self.recipe = data, where, report, recipe
        self._reported: set[str] = set()
        if allowed is not None:
            self.allow(allowed)

    # --- problems -------------------------------------------------------------
    def _error(self, key: str, message: str, hint: str = "") -> None:
        if key in self._reported:
            return
        self._reported.add(key)
        self.report.error(message, hint, file=self.recipe.name)

    def allow(self, allowed: set[str]) -> None:
        for key in sorted(set(self.data) - allowed):
            self._error(key, msg.RECIPE_UNKNOWN_KEY.format(key=key, where=self.where or "oben"),
                        msg.RECIPE_UNKNOWN_KEY_HINT.format(allowed=", ".join(sorted(allowed))))

    def missing(self, key: str) -> None:
        self._error(key, msg.RECIPE_MISSING_KEY.format(key=key, where=self.where or "oben"),
                    msg.RECIPE_MISSING_KEY_HINT)

    def _get(self, key: str, kinds: tuple[type, ...], required: bool) -> object | None:
        if key not in self.data:
            if required:
                self.missing(key)
            return None
        value = self.data[key]
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            expected = " oder ".join(_TYPE_NAMES[k] for k in kinds)
            self._error(key, msg.RECIPE_WRONG_TYPE.format(key=key, expected=expected,
                                                          value=value), msg.RECIPE_TYPE_HINT)
            return None
        return value

    # --- scalar values --------------------------------------------------------
    def text(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, (str,), required)
        if isinstance(value, str) and not value.strip():
            if required:
                self.missing(key)
            return None
        return value.strip() if isinstance(value, str) else None

    def integer(self, key: str, default: int | None) -> int | None:
        value = self._get(key, (int,), False)
        return default if value is None else int(value)

    def number(self, key: str, default: float | None) -> float | None:
        value = self._get(key, (int, float), False)
        return default if value is None else float(value)

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, (bool,), False)
        return default if value is None else bool(value)

    def choice(self, key: str, options: tuple[str, ...], default: str | None) -> str | None:
        value = self.text(key)
        if value is None:
            return default
        if value not in options:
            self._error(key, msg.RECIPE_BAD_CHOICE.format(key=key, value=value),
                        msg.RECIPE_BAD_CHOICE_HINT.format(options=", ".join(options)))
            return default
        return value

    def path(self, key: str, required: bool = False) -> Path | None:
        value = self.text(key, required)
        if value is None:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.recipe.parent / path).resolve()

    # --- collections ----------------------------------------------------------
    def text_list(self, key: str) -> list[str]:
        value = self._get(key, (list,), False) or []
        return [str(v) for v in value]

    def raw_map(self, key: str, required: bool = False) -> dict[str, object]:
        value = self._get(key, (dict,), required)
        if required and value == {}:
            self.missing(key)
        return dict(value or {})

    def text_map(self, key: str) -> dict[str, str]:
        value = self.raw_map(key)
        bad = [k for k, v in value.items() if not isinstance(v, str)]
        for name in bad:
            self._error(f"{key}.{name}", msg.RECIPE_WRONG_TYPE.format(
                key=f"{key}.{name}", expected="Text", value=value[name]), msg.RECIPE_TYPE_HINT)
        return {k: v for k, v in value.items() if isinstance(v, str)}

    def section(self, key: str, required: bool = False) -> FieldReader | None:
        value = self._get(key, (dict,), required)
        return None if value is None else FieldReader(value, f"[{key}]", self.report,
                                                      self.recipe)

    def sections(self, key: str, required: bool = False) -> list[FieldReader]:
        value = self._get(key, (list,), required)
        if required and value == []:
            self.missing(key)
        readers = []
        for number, item in enumerate(value or [], start=1):
            where = f"[[{key}]] Nr. {number}"
            if isinstance(item, dict):
                readers.append(FieldReader(item, where, self.report, self.recipe))
            else:
                self._error(where, msg.RECIPE_WRONG_TYPE.format(key=where, expected="Tabelle",
                                                                value=item), msg.RECIPE_TYPE_HINT)
        return readers
