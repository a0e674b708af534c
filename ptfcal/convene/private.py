"""Personal data never published: the files of convening (the register of people, the outbox,
the distribution lists) found where `generate` would publish.

`lists --output`, `invite --outbox` and `--people` refuse a published folder; this is the other
order: a folder that already holds personal data is refused as an output folder. Only the
places ptfcal writes are looked at (OUT itself, OUT/feeds and its year folders), one level
each, never a whole tree: the known names (`people.yaml`, the outbox folder, `outbox.json`),
and the distribution lists by their first line (the header ptfcal writes) or, for vCards and
JSON, their first bytes.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..fileio import read_head
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
JSON_HEAD = ('{\n "format": "%s"' % JSON_FORMAT).encode("utf-8")


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
                if not entry.name.lower().endswith((".csv", ".vcf", ".json")):
                    continue
                head = _head(Path(entry.path))
                if head.startswith((*LIST_HEADS, VCARD_HEAD, JSON_HEAD)):
                    return Path(entry.path)
    except OSError:
        return None
    return None


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (never through a link, never waiting on a pipe)."""
    try:
        return read_head(path, HEAD)
    except OSError:
        return b""
