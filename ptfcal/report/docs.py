"""The bilan (or the programme) as a .docx the secretariat can edit, through ptfcal/word.py:
the same sections, tables and figures as the HTML page, the charts as PNG images."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from ..word import Document
from .layout import Section, Table

PAGE_CM = 17.0  # A4 less word.py's 2 cm margins
FIGURE_CM = 1.8  # a column of figures


def _widths(t: Table) -> list[float] | None:
    """Columns of figures narrow, the text columns sharing the rest of the page."""
    count = len(t.header)
    words = count - len(t.numeric)
    if not t.numeric or not words:
        return None
    figure = min(FIGURE_CM, PAGE_CM * 2 / 3 / len(t.numeric))
    text = (PAGE_CM - figure * len(t.numeric)) / words
    return [figure if i in t.numeric else text for i in range(count)]


def document(title: str, lead: list[str], body: list[Section], footer: str, lang: str,
             day: date) -> bytes:
    """`day` dates the document's properties (the as-of date): same input, same bytes."""
    from .png import png

    doc = Document(title, language=lang, when=datetime.combine(day, time(12), tzinfo=UTC),
                   subject=title, keywords="ptfcal")
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
            doc.table(t.header, t.rows or [["—"] + [""] * (len(t.header) - 1)],
                      widths_cm=_widths(t))
    doc.paragraph(footer, italic=True)
    return doc.data()
