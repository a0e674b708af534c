"""What subscribers already have: the change-tracking state of OUT, or - when it is missing or
damaged while feeds are published - the history read back from the feeds themselves.

History is never restarted in silence: a missing state with feeds published is rebuilt from
them (and said), a damaged one is rebuilt too and kept aside under a new name (never
overwritten), a state from a newer ptfcal stops the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Model
from . import tracking
from .output import OutputFolder
from .publication import FEEDS_DIR, language_of

STATE_LIMIT = tracking.STATE_LIMIT
FEED_LIMIT = 64_000_000  # bytes read of one published feed when recovering
SIGNATURE = b"PRODID:-//PTF Mali//ptfcal"
DAMAGED = ".ptfcal-state.damaged"  # + ".json", "-2.json"…: kept copies of a damaged state

# where published feeds are (relative to OUT), for recovery
FEED_PATTERNS = (f"{FEEDS_DIR}/*.ics", f"{FEEDS_DIR}/*/*.ics", "[0-9][0-9][0-9][0-9]/*.ics",
                 "[0-9][0-9][0-9][0-9]/*/*.ics", "[0-9][0-9][0-9][0-9]/*/*/*.ics")


@dataclass
class History:
    state: tracking.State
    recovered: bool = False  # read back from the published feeds
    damaged: bytes | None = None  # the unreadable state, to keep a copy of
    why: str = ""  # why the state could not be used
    feeds_read: int = 0

    def extra_files(self, folder: OutputFolder) -> dict[str, bytes]:
        """The copy of a damaged state to write beside the new one (never over a file)."""
        if self.damaged is None:
            return {}
        n = 1
        while True:
            name = f"{DAMAGED}.json" if n == 1 else f"{DAMAGED}-{n}.json"
            if not (folder.root / name).exists():
                return {name: self.damaged}
            n += 1

    @property
    def kept_copy(self) -> bool:
        return self.damaged is not None


def load(folder: OutputFolder, model: Model) -> History:
    """The history of OUT (under its lock). Raises `tracking.NewerState` for a state written
    by a newer ptfcal, and `OutputError` for a state that is not a regular file."""
    data = folder.read(tracking.STATE_FILE, STATE_LIMIT)
    damaged, why = None, ""
    if data is not None:
        try:
            return History(tracking.State.parse(data, model.settings.language))
        except tracking.DamagedState as exc:
            damaged, why = data, exc.why
    published = []
    for pattern in FEED_PATTERNS:
        for rel in folder.files(pattern):
            content = folder.read(rel, FEED_LIMIT)
            if content is not None and SIGNATURE in content[:4096]:
                published.append((rel, language_of(model, rel), content))
    if not published:
        return History(tracking.State(), False, damaged, why)
    state = tracking.recover(published)
    return History(state, True, damaged, why or "missing", len(published))


def owner(model: Model, state: tracking.State) -> Callable[[str, bytes], bool]:
    """Is the existing file at `rel` (its first bytes `head`) one ptfcal published? Known from
    the state, else from its content: the feeds' PRODID, the pages' and documents' generator,
    the CSV's header; the check report by its name."""

    def owned(rel: str, head: bytes) -> bool:
        name = rel.rsplit("/", 1)[-1]
        if rel in state.files or rel == tracking.STATE_FILE:
            return True  # (a state that is not ours is damaged: a copy of it is kept)
        if name.endswith(".ics"):
            return SIGNATURE in head
        if name.endswith(".html"):
            return b'<meta name="generator" content="ptfcal' in head
        if name.endswith(".json"):
            return b'"generator": "ptfcal' in head[:400]
        if name == "events.csv":
            return head.startswith(_csv_heads())
        return name == "check.md"

    return owned


def _csv_heads() -> tuple[bytes, ...]:
    from .. import i18n
    from .exports import CSV_COLUMNS

    return tuple("\ufeff".encode() + ";".join(i18n.t(f"csv.{c}", lang) for c in CSV_COLUMNS)
                 .encode() for lang in ("fr", "en"))
