"""One exception root for everything ptfcal reports to a user.

The core raises; only the CLI turns an error into a message on stderr and an exit code. Every
message exists in French and English (`Text`); the CLI picks the language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import Text


@dataclass(frozen=True, order=True)
class Mark:
    """Where a value came from: a file, a 1-based line and a 1-based column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, which key, what was found, what was expected."""

    mark: Mark | None
    path: str
    message: Text

    def render(self, lang: str = "fr") -> str:
        where = f"{self.mark}: " if self.mark else ""
        key = f"{self.path}: " if self.path else ""
        return f"{where}{key}{self.message.get(lang)}"

    def __str__(self) -> str:
        return self.render("fr")


class PtfcalError(Exception):
    """Root of every error ptfcal reports to its user (never shown as a traceback)."""

    exit_code = 2

    def __init__(self, message: Text | str):
        self.text = message if isinstance(message, Text) else Text.same(message)
        super().__init__(self.text.fr)

    def render(self, lang: str = "fr") -> str:
        return self.text.get(lang)


class ConfigError(PtfcalError):
    """The configuration is invalid; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(
            problems, key=lambda p: (p.mark or Mark("", 0, 0), p.path, p.message.en)
        )
        super().__init__(Text("\n".join(p.render("fr") for p in self.problems),
                              "\n".join(p.render("en") for p in self.problems)))


class InputError(PtfcalError):
    """A file given on the command line cannot be used (an external calendar, a folder)."""


class OutputError(PtfcalError):
    """Output could not be written; nothing was changed."""
