"""One problem shape for everything an import or a check finds.

Every reader appends ``Problem``s to one ``ValidationReport`` instead of
raising at the first error, so a person sees all that is wrong in one go and
can fix the files in one round. ``ImportFailed`` carries the report; the
command line and the web page print ``str(error)`` as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from indicators.errors import AtlasError
from indicators.texts import importing as msg

ERROR = "Fehler"
WARNING = "Warnung"
NOTE = "Hinweis"
SEVERITIES = (ERROR, WARNING, NOTE)

#: At most this many problems of one kind are listed one by one.
LIST_LIMIT = 10


@dataclass(frozen=True)
class Problem:
    """Where (file, row, column), what (message) and how to fix it (hint)."""

    severity: str
    message: str
    hint: str = ""
    file: str = ""
    row: int | None = None
    column: str = ""

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(msg.WHERE_FILE.format(file=self.file))
        if self.row is not None:
            parts.append(msg.WHERE_ROW.format(row=self.row))
        if self.column:
            parts.append(msg.WHERE_COLUMN.format(column=self.column))
        return ", ".join(parts)

    def render(self) -> str:
        where = self.where()
        head = f"{self.severity} – {where}: {self.message}" if where else (
            f"{self.severity}: {self.message}"
        )
        return f"{head}\n    {msg.HINT_PREFIX}: {self.hint}" if self.hint else head


@dataclass
class ValidationReport:
    """All problems of one import or check, in the order they were found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: str, message: str, hint: str = "", *, file: str = "",
            row: int | None = None, column: str = "") -> None:
        if severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {severity!r}")
        self.problems.append(Problem(severity, message, hint, file, row, column))

    def error(self, message: str, hint: str = "", **where) -> None:
        self.add(ERROR, message, hint, **where)

    def warning(self, message: str, hint: str = "", **where) -> None:
        self.add(WARNING, message, hint, **where)

    def note(self, message: str, hint: str = "", **where) -> None:
        self.add(NOTE, message, hint, **where)

    def add_each(self, severity: str, items: Iterable[tuple[int | None, str, str]],
                 hint: str, *, file: str, limit: int = LIST_LIMIT) -> None:
        """One problem per (row, column, message), the rest summed up in one line."""
        items = list(items)
        for row, column, message in items[:limit]:
            self.add(severity, message, hint, file=file, row=row, column=column)
        if len(items) > limit:
            self.add(severity, msg.MORE_PROBLEMS.format(count=len(items) - limit), file=file)

    def extend(self, other: ValidationReport) -> None:
        self.problems.extend(other.problems)

    def of(self, severity: str) -> list[Problem]:
        return [p for p in self.problems if p.severity == severity]

    @property
    def errors(self) -> list[Problem]:
        return self.of(ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return self.of(WARNING)

    @property
    def notes(self) -> list[Problem]:
        return self.of(NOTE)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    def summary(self) -> str:
        return msg.REPORT_SUMMARY.format(
            errors=len(self.errors), warnings=len(self.warnings), notes=len(self.notes)
        )

    def render(self) -> str:
        """German text: a summary line, then errors, warnings and notes."""
        ordered = sorted(self.problems, key=lambda p: SEVERITIES.index(p.severity))
        return "\n".join([self.summary(), *(p.render() for p in ordered)])


def short_list(values: Iterable[object], limit: int = LIST_LIMIT) -> str:
    """'a, b, c … (+12)': enough to find the problem, short enough to read."""
    values = [str(v) for v in values]
    more = f" … (+{len(values) - limit})" if len(values) > limit else ""
    return ", ".join(values[:limit]) + more


class ImportFailed(AtlasError):
    """An import stopped before writing anything; ``report`` says why."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.render())
        self.report = report
