"""ptfcal/word.py, the .docx builder: read back with python-docx, the same bytes for the same
input, and a document someone saved since is told from one ptfcal wrote."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import UTC, datetime

import docx

from ptfcal import word

WHEN = datetime(2027, 3, 10, 10, 0, tzinfo=UTC)


def _png(width: int = 4, height: int = 3) -> bytes:
    """A small real PNG (red pixels), written with the standard library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _build() -> bytes:
    doc = word.Document("Compte rendu du GEC", language="fr", when=WHEN, subject="GEC")
    doc.heading("Compte rendu", 0)
    doc.paragraph("Bamako, salle de conférence", label="Lieu : ")
    doc.paragraph("à compléter", label="Présidence : ", italic=True, highlight=True)
    doc.heading("Ordre du jour", 1)
    doc.bullets(["Suivi des recommandations", "Revue annuelle du CREDD"])
    doc.table(["Institution", "Personnes"], [["France", "2"], ["Banque mondiale", "1"]],
              widths_cm=[10, 4])
    doc.image(_png(), width_cm=5, caption="Figure 1")
    return doc.data()


def test_read_back_by_python_docx() -> None:
    data = _build()
    read = docx.Document(io.BytesIO(data))
    texts = [p.text for p in read.paragraphs]
    assert "Compte rendu" in texts
    assert "Lieu : Bamako, salle de conférence" in texts
    assert "Revue annuelle du CREDD" in texts
    assert "Figure 1" in texts
    blank = read.paragraphs[texts.index("Présidence : à compléter")].runs[1]
    assert blank.italic and str(blank.font.highlight_color) == "YELLOW (7)"
    [table] = read.tables
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["Institution", "Personnes"], ["France", "2"], ["Banque mondiale", "1"]]
    assert b"<w:tblHeader" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    section = read.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    props = read.core_properties
    assert (props.title, props.author, props.language) == ("Compte rendu du GEC", "ptfcal",
                                                          "fr-FR")
    assert props.created == WHEN
    assert props.modified == WHEN
    assert len(read.inline_shapes) == 1


def test_same_input_same_bytes_and_dated_entries() -> None:
    first, second = _build(), _build()
    assert first == second
    package = zipfile.ZipFile(io.BytesIO(first))
    assert {i.date_time for i in package.infolist()} == {(2027, 3, 10, 10, 0, 0)}
    assert b"<Application>ptfcal</Application>" in package.read("docProps/app.xml")


def test_made_here_only_while_nobody_saved_it() -> None:
    data = _build()
    assert word.made_here(data)
    # saved again by someone (python-docx stands for Word): the body's bytes change
    edited = docx.Document(io.BytesIO(data))
    edited.add_paragraph("Complété par le secrétariat")
    again = io.BytesIO()
    edited.save(again)
    assert not word.made_here(again.getvalue())
    assert not word.made_here(data[:-10])
    assert not word.made_here(b"PK\x03\x04 not a zip")
    assert not word.made_here(b"# Compte rendu\n")


def test_available_says_whether_python_docx_is_installed() -> None:
    assert word.available()
