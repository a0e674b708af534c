"""The bilan (or the programme) as a .docx the secretariat can edit, through ptfcal/word.py:
the same sections, tables and figures as the HTML page, the charts as PNG images."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from ..word import Document
from .layout import Section, Table

PORTRAIT_CM = 17.0  # A4 less word.py's 2 cm margins
LANDSCAPE_CM = 25.7
FONTS_PT = (10.0, 9.0, 8.0)  # a table's text, smaller when its words need it
PT_CM = 2.54 / 72
# the widest usual font's mean letter width (DejaVu Sans, what LibreOffice shows for Calibri
# where Calibri is not installed), in ems: the header is bold
LETTER_EM, BOLD_EM = 0.66, 0.78  # « m » and capitals are wider: a margin
PADDING_CM = 0.45  # a cell's margins (Table Grid: 0.19 cm each side) and some air


def _longest(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _needs(t: Table, font_pt: float) -> list[float]:
    """Each column's width below which a word of it would break in the middle."""
    rows = t.rows or [[""] * len(t.header)]
    return [PADDING_CM + font_pt * PT_CM * max(
        BOLD_EM * _longest(head), LETTER_EM * max(_longest(r[i]) for r in rows))
        for i, head in enumerate(t.header)]


def _fit(t: Table, page_cm: float) -> tuple[list[float], float] | None:
    """Column widths and font size so that no word breaks (None: the page is too narrow):
    each column as wide as its longest word, the rest of the page shared by the columns of
    text in proportion to their longest cell (figures stay narrow)."""
    for font in FONTS_PT:
        needs = _needs(t, font)
        spare = page_cm - sum(needs)
        if spare < 0:
            continue
        text = [i for i in range(len(needs)) if i not in t.numeric] or list(range(len(needs)))
        weight = {i: max([len(t.header[i])] + [len(r[i]) for r in t.rows]) for i in text}
        total = sum(weight.values()) or 1
        return [n + (spare * weight[i] / total if i in weight else 0.0)
                for i, n in enumerate(needs)], font
    return None


def landscape(tables: list[Table]) -> bool:
    """Whether the document must be turned: a table whose words do not fit across A4."""
    return any(_fit(t, PORTRAIT_CM) is None for t in tables)


def _widths(t: Table, page_cm: float) -> tuple[list[float], float]:
    fitted = _fit(t, page_cm)
    if fitted is not None:
        return fitted
    needs = _needs(t, FONTS_PT[-1])  # too wide even turned: shrink every column alike
    return [n * page_cm / sum(needs) for n in needs], FONTS_PT[-1]


def document(title: str, lead: list[str], body: list[Section], footer: str, lang: str,
             day: date) -> bytes:
    """`day` dates the document's properties (the as-of date): same input, same bytes."""
    from .png import png

    turned = landscape([t for s in body for t in s.tables])
    page_cm = LANDSCAPE_CM if turned else PORTRAIT_CM
    doc = Document(title, language=lang, when=datetime.combine(day, time(12), tzinfo=UTC),
                   subject=title, keywords="ptfcal", landscape=turned)
    doc.heading(title, 0)
    for line in lead:
        doc.paragraph(line, italic=True)
    for s in body:
        doc.heading(s.title, 1)
        for p in s.paragraphs:
            doc.paragraph(p)
        for chart in s.charts:
            doc.image(png(chart), 16.0, caption=f"{chart.title}. {chart.alt}")
        for t in s.tables:
            if t.title:
                doc.heading(t.title, 2)
            widths, font = _widths(t, page_cm)
            doc.table(t.header, t.rows or [["—"] + [""] * (len(t.header) - 1)],
                      widths_cm=widths, font_pt=font, right=sorted(t.numeric))
    doc.paragraph(footer, italic=True)
    return doc.data()
