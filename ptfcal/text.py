"""A text users read, in French and English: the bottom of the pipeline (errors use it too)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A text users read, in French and English (French is the reference)."""

    fr: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    @staticmethod
    def same(value: str) -> Text:
        return Text(value, value)

    def __add__(self, other: Text | str) -> Text:
        if isinstance(other, str):
            return Text(self.fr + other, self.en + other)
        return Text(self.fr + other.fr, self.en + other.en)
