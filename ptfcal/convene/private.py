"""Personal data never published: the files of convening (the register of people, the outbox,
the distribution lists, a compte rendu naming people) found where `generate` would publish.

`lists --output`, `invite --outbox` and `--people` refuse a published folder; this is the other
order: a folder that already holds personal data is refused as an output folder. Only the
places ptfcal writes are looked at (OUT itself, OUT/feeds and its year folders), one level
each, never a whole tree: the known names (`people.yaml`, the outbox folder, `outbox.json`),
the distribution lists by their first line (the header ptfcal writes) or, for vCards and
JSON, their first bytes, and a compte rendu written with `minutes --names` by its seal
(Markdown, HTML) or its properties (Word).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..fileio import TooBig, read_bounded, read_head
from .lists import HEADERS, JSON_FORMAT, OUTLOOK
from .names import OUTBOX_FILE, OUTBOX_FOLDER
from .register import DEFAULT_NAME

KNOWN = (DEFAULT_NAME, OUTBOX_FOLDER, OUTBOX_FILE)
MAX_ENTRIES = 10_000  # entries of one folder looked at for a list (a folder is not a tree)
HEAD = 512  # bytes read of a .csv or .vcf to recognise a list
LIST_HEADS = tuple(
    ("\ufeff" + sep.join(cells) + "\r\n").encode("utf-8")
    for cells, sep in ((HEADERS["fr"], ";"), (HEADERS["en"], ";"), (OUTLOOK, ",")))
VCARD_HEAD = b"BEGIN:VCARD\r\n"
JSON_HEAD = f'{{\n "format": "{JSON_FORMAT}"'.encode()
MAX_DOCX = 20 * 1024 * 1024  # bytes of a .docx read to tell a compte rendu naming people


def found_in(root: Path, years: Iterable[int]) -> Path | None:
    """The first file of personal data in the folders `generate` writes under `root` (root,
    root/feeds, root/YEAR for `years` and the year folders already there), or None."""
    folders = [root, root / "feeds", *(root / str(y) for y in sorted(set(years)))]
    # no folder yet (nothing there), or unreadable (the writer will say)
    with contextlib.suppress(OSError):
        folders += sorted(p for p in root.iterdir() if p.name.isdigit() and len(p.name) == 4
                          and p not in folders)
    for folder in folders:
        try:
            if not stat.S_ISDIR(folder.lstat().st_mode):
                continue
        except OSError:
            continue
        for name in KNOWN:
            if os.path.lexists(folder / name):
                return folder / name
        found = _a_list(folder)
        if found is not None:
            return found
    return None


def _a_list(folder: Path) -> Path | None:
    """A distribution list ptfcal wrote (CSV, Outlook CSV, JSON or vCards) directly in
    `folder`."""
    try:
        with os.scandir(folder) as entries:
            for n, entry in enumerate(entries):
                if n >= MAX_ENTRIES:
                    return None
                name = entry.name.lower()
                if name.endswith((".md", ".html", ".htm", ".docx")):
                    if _names_people(Path(entry.path), name.endswith(".docx")):
                        return Path(entry.path)
                    continue
                if not name.endswith((".csv", ".vcf", ".json")):
                    continue
                head = _head(Path(entry.path))
                if head.startswith((*LIST_HEADS, VCARD_HEAD, JSON_HEAD)):
                    return Path(entry.path)
    except OSError:
        return None
    return None


def refuse_names_at(output: Path, config: Path) -> None:
    """A document naming people (`minutes --names`) is never written under a published
    folder nor in the configuration folder: InputError, before anything is read or written."""
    from ..errors import InputError
    from ..i18n import text
    from ..publish.output import publication_around

    published = publication_around(output.parent if str(output.parent) else Path("."))
    here = Path(os.path.realpath(output))
    conf = Path(os.path.realpath(config))
    if published is not None or here == conf or conf in here.parents:
        raise InputError(text("min.names-private", path=output, folder=published or "—",
                              config=config))


def _names_people(path: Path, whole: bool) -> bool:
    """A compte rendu `ptfcal minutes --names` wrote (its first bytes; a .docx read whole)."""
    if not whole:
        head = _head(path)
        if b"<!-- ptfcal minutes " not in head:  # check.md, planner.html: not a compte rendu
            return False
        from ..meet.minutes import names_people

        return names_people(head)
    try:
        data = read_bounded(path, MAX_DOCX, follow_links=False)
    except (TooBig, OSError):
        return False
    from ..meet.minutes import names_people

    return names_people(data)


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (never through a link, never waiting on a pipe)."""
    try:
        return read_head(path, HEAD)
    except OSError:
        return b""
