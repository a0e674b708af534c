"""Word documents (.docx): the one module that imports python-docx (the optional extra `docx`).

A small builder over python-docx for the documents ptfcal drafts for the secretariat to complete
in Word or LibreOffice (the compte rendu, the year's bilan): headings, paragraphs, tables with a
repeated header row, PNG images, an A4 page with 2 cm margins, and the document's properties.

Same input, same bytes: python-docx stamps the zip entries with the clock and the core
properties with its template's dates, so `Document.data()` sets the properties from the values
given (a date the caller chooses: the meeting's, the year's end), then writes the package again
with every entry stamped with that date and fixed permissions, in python-docx's own order.

`made_here(data)` tells a document ptfcal wrote, still as it wrote it (nobody saved it since),
from one written or completed by someone: core.xml's `dc:identifier` carries the SHA-256 of the
document's body (`word/document.xml`), and Word or LibreOffice rewrite that body on every save.
It needs only the standard library: a caller refuses to overwrite someone's file without
importing python-docx.

python-docx is imported when a `Document` is made (`available()` says whether it is installed),
never at import of this module: `ptfcal --help` and `generate` do not load it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection, Sequence
from datetime import UTC, datetime

GENERATOR = "ptfcal"
IDENTIFIER = re.compile(rb"<dc:identifier>ptfcal:sha256:([0-9a-f]{64})</dc:identifier>")
CATEGORY = re.compile(rb"<cp:category>([^<]{1,200})</cp:category>")
BODY = "word/document.xml"
CORE = "docProps/core.xml"
APP = "docProps/app.xml"
APPLICATION = re.compile(rb"<Application>[^<]*</Application>")
_MAX_CORE = 64 * 1024  # core.xml is under 1 kB
_MAX_BODY = 20 * 1024 * 1024


def available() -> bool:
    """Whether python-docx (the `docx` extra) is installed, without importing it."""
    from importlib.util import find_spec

    try:
        return find_spec("docx") is not None
    except (ModuleNotFoundError, ValueError):
        return False


class Document:
    """A Word document being built, top to bottom."""

    def __init__(self, title: str, *, language: str, when: datetime, subject: str = "",
                 keywords: str = "", category: str = "", landscape: bool = False):
        """`landscape`: A4 turned, for wide tables (a year's programme, month by month)."""
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm, Pt

        self._doc = docx.Document()
        self._language = "fr-FR" if language == "fr" else "en-GB"
        self._when = when.astimezone(UTC).replace(microsecond=0)
        section = self._doc.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        width, height = (Cm(29.7), Cm(21)) if landscape else (Cm(21), Cm(29.7))  # A4
        section.page_width, section.page_height = width, height
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))
        normal = self._doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        self._set_language(normal)
        props = self._doc.core_properties
        props.title = title
        props.subject = subject
        props.keywords = keywords
        props.author = GENERATOR
        props.last_modified_by = GENERATOR
        props.comments = ""
        props.category = category
        props.language = self._language
        props.revision = 1
        naive = self._when.replace(tzinfo=None)  # python-docx writes naive datetimes as UTC
        props.created = naive
        props.modified = naive

    def _set_language(self, style) -> None:
        """The style's text language (w:lang), so Word checks the spelling in French."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rpr = style.element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), self._language)

    # --- content ---------------------------------------------------------------------------

    def heading(self, text: str, level: int = 1) -> None:
        """A heading; level 0 is the document's title."""
        self._doc.add_heading(text, level)

    def paragraph(self, text: str = "", *, bold: bool = False, italic: bool = False,
                  label: str | None = None, highlight: bool = False) -> None:
        """A paragraph; `label` (bold) before the text: « Lieu : » then the place.
        `highlight`: the text on yellow, as Word's highlighter (a place left to fill)."""
        par = self._doc.add_paragraph()
        if label is not None:
            par.add_run(label).bold = True
        if text:
            run = par.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if highlight:
                from docx.enum.text import WD_COLOR_INDEX

                run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self._doc.add_paragraph(item, style="List Bullet")

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths_cm: Sequence[float] | None = None, font_pt: float | None = None,
              right: Collection[int] = ()) -> None:
        """A table with a bold header row, repeated at the top of each page it runs over; no
        row is split across two pages. `font_pt`: a smaller text for a wide table; `right`:
        the columns aligned right (figures)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        table = self._doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        head = table.rows[0]
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        head._tr.get_or_add_trPr().append(mark)
        for cell, value in zip(head.cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(value).bold = True
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for i in right:
                row.cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if font_pt is not None:
                for cell in row.cells:
                    for run in cell.paragraphs[0].runs:
                        run.font.size = Pt(font_pt)
        if widths_cm is not None:
            table.autofit = False
            for column, width in zip(table.columns, widths_cm, strict=True):
                column.width = Cm(width)  # the grid, which LibreOffice reads (Word: the cells)
                for cell in column.cells:
                    cell.width = Cm(width)
        self._doc.add_paragraph()

    def image(self, png: bytes, width_cm: float = 16.0, caption: str | None = None) -> None:
        """A PNG image (a chart), `width_cm` wide, with an optional caption under it."""
        from docx.shared import Cm

        self._doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        if caption:
            self.paragraph(caption, italic=True)

    def page_break(self) -> None:
        self._doc.add_page_break()

    # --- output ----------------------------------------------------------------------------

    def data(self) -> bytes:
        """The .docx bytes: the same for the same content and date."""
        first = io.BytesIO()
        self._doc.save(first)
        with zipfile.ZipFile(first) as package:
            body = package.read(BODY)
        self._doc.core_properties.identifier = f"ptfcal:sha256:{_digest(body)}"
        second = io.BytesIO()
        self._doc.save(second)
        return _stamped(second.getvalue(), self._when)


def _digest(body: bytes) -> str:
    import hashlib  # (here: `generate` reads category_of without paying for OpenSSL)

    return hashlib.sha256(body).hexdigest()


def _stamped(data: bytes, when: datetime) -> bytes:
    """The package written again, each entry dated `when` (UTC) with fixed attributes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            content = source.read(entry.filename)
            if entry.filename == APP:  # the template's « Microsoft Macintosh Word »
                content = APPLICATION.sub(b"<Application>ptfcal</Application>", content)
            target.writestr(info, content)
    return out.getvalue()


def made_here(data: bytes) -> bool:
    """Whether `data` is a .docx ptfcal wrote and nobody has saved since (see the module)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            core_info, body_info = package.getinfo(CORE), package.getinfo(BODY)
            if core_info.file_size > _MAX_CORE or body_info.file_size > _MAX_BODY:
                return False
            found = IDENTIFIER.search(package.read(CORE))
            return found is not None and found[1].decode() == _digest(package.read(BODY))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, RuntimeError):
        return False


def category_of(data: bytes) -> str | None:
    """The category in a .docx's core properties (`Document(category=…)`), or None: not a
    .docx, or none. The standard library only, as `made_here`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if package.getinfo(CORE).file_size > _MAX_CORE:
                return None
            found = CATEGORY.search(package.read(CORE))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, RuntimeError):
        return None
    return found[1].decode("utf-8", "replace") if found else None
