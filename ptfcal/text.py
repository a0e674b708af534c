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


def with_article(article: str, name: str) -> str:
    """« les Pays-Bas », « l'AFD », « la CPS Santé »: a name after its article."""
    article = article.strip()
    if not article:
        return name
    return f"{article}{name}" if article.endswith("'") else f"{article} {name}"


def of_fr(phrase: str) -> str:
    """French « de » before a phrase that starts with its article: « le GEC » -> « du GEC »,
    « les Revues » -> « des Revues », « la CPS » -> « de la CPS », « l'AEDD » -> « de l'AEDD »."""
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article):]
    return f"de {phrase}"
