"""The year's bilan (issue 23) and the programme the retreat adopts: figures computed once as
data (`figures`, `build`), then laid out (`layout`, `programme`) and rendered (`html`, `docs`,
`data`, `pdf`)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .. import i18n
from ..model import Model
from .figures import Bilan


class Kind(StrEnum):
    HTML = "html"
    DOCX = "docx"
    JSON = "json"
    CSV = "csv"
    PDF = "pdf"

    @property
    def binary(self) -> bool:
        return self in (Kind.DOCX, Kind.PDF)


def render(b: Bilan, model: Model, kind: Kind, lang: str) -> tuple[bytes, str]:
    """The bilan's bytes in `kind`, and its title."""
    from . import layout

    title, lead = layout.header(b, model, lang)
    if kind is Kind.JSON:
        from .data import report_json

        return report_json(b, model, lang), title
    if kind is Kind.CSV:
        from .data import report_csv

        return report_csv(b, model, lang), title
    return _laid_out(title, lead, layout.sections(b, model, lang), kind, lang, b.as_of), title


def programme_of(model: Model, year: int, events: list, as_of: date, kind: Kind, lang: str,
                 body: str | None = None) -> tuple[bytes, str]:
    """The year's programme in `kind` (html, docx, pdf), and its title."""
    from . import programme as prog

    title, lead = prog.header(model, year, as_of, lang)
    return _laid_out(title, lead, prog.sections(model, year, events, lang, body), kind, lang,
                     as_of, "rep.p.generated"), title


def _laid_out(title: str, lead: list[str], sections: list, kind: Kind, lang: str,
              day: date, footer_key: str = "rep.generated") -> bytes:
    footer = i18n.t(footer_key, lang)
    if kind is Kind.DOCX:
        from .docs import document

        return document(title, lead, sections, footer, lang, day)
    from .html import page
    from .seal import seal

    data = seal(Kind.HTML, page(title, lead, sections, footer, lang))
    if kind is Kind.PDF:
        from .pdf import print_pdf

        return print_pdf(data, day)
    return data
