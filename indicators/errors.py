"""One error type per kind of failure; the message is German and complete.

The command line and the web app print ``str(error)`` as it is: it names the
file (or indicator, row, field) and says how to fix the problem.
"""

from __future__ import annotations


class AtlasError(Exception):
    """Base class of every error Chancenatlas reports to a person."""


class AtlasFileError(AtlasError):
    """The atlas file is missing, unreadable, not a GeoPackage or incomplete."""


class AtlasQueryError(AtlasError, KeyError):
    """An indicator, year, level or district that the atlas does not have."""

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0]) if self.args else ""
