"""Which existing file `report --output` may replace: only a bilan or programme ptfcal wrote and
nobody changed since. The page carries a seal (the SHA-256 of the rest of it) in a comment, the
JSON in its first key, the .docx in its properties (word.made_here); a CSV has no room for one
and is replaced when the ledger of written files (publish/ledger.py) holds its bytes; a PDF only
when Chromium printed it from a page of ours (its producer and title: nobody edits a PDF in
place)."""

from __future__ import annotations

import hashlib
import re

from . import Kind

HTML_SEAL = re.compile(rb"<!-- ptfcal report sha256=([0-9a-f]{64}) -->\n")
JSON_SEAL = re.compile(rb'\{"ptfcal": "report sha256=([0-9a-f]{64})",\n')
DOCTYPE = b"<!DOCTYPE html>\n"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seal(kind: Kind, data: bytes) -> bytes:
    if kind is Kind.HTML:
        rest = data.removeprefix(DOCTYPE)
        return DOCTYPE + f"<!-- ptfcal report sha256={_digest(rest)} -->\n".encode() + rest
    if kind is Kind.JSON:
        rest = data.removeprefix(b"{\n")
        return f'{{"ptfcal": "report sha256={_digest(rest)}",\n'.encode() + rest
    return data


def ours(kind: Kind, data: bytes, title: str):
    """A test of an existing file's bytes: may `data` replace it?"""

    def check(existing: bytes) -> bool:
        if existing == data:
            return True
        if existing.startswith(b"PK"):
            from ..word import made_here

            return made_here(existing)
        if existing.startswith(b"%PDF-"):
            return b"/Producer (Skia/PDF" in existing and _titled(existing, title)
        for pattern, head in ((HTML_SEAL, DOCTYPE), (JSON_SEAL, b"")):
            body = existing.removeprefix(head)
            found = pattern.match(body)
            if found is not None:
                return _digest(body[found.end():]) == found[1].decode()
        return False

    return check


def _titled(pdf: bytes, title: str) -> bool:
    try:
        plain = b"/Title (" + title.encode("ascii") + b")"
    except UnicodeEncodeError:
        plain = None
    wide = ("FEFF" + title.encode("utf-16-be").hex().upper()).encode()
    return (plain is not None and plain in pdf) or b"/Title <" + wide in pdf.upper()
