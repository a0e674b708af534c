"""Change tracking between publications, so that subscribers' calendars stay right.

OUT/.ptfcal-state.json remembers, for every UID ptfcal has published: a hash of the event as
published (without DTSTAMP, SEQUENCE and LAST-MODIFIED), its SEQUENCE and LAST-MODIFIED, its
date, the feeds it was in, and its last VEVENT. On the next publication:

- an event whose content changed keeps its UID, gets SEQUENCE + 1 and LAST-MODIFIED = now;
- an unchanged event keeps exactly its previous bytes;
- an event that is no longer in the schedule of its year (when that year is scheduled again) is
  published as cancelled in the feeds that held it, instead of silently disappearing.

Pure: the caller passes `now` and the previous state, and writes the new state with the feeds.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

STATE_FILE = ".ptfcal-state.json"
STATE_VERSION = 2  # 2: content fingerprints from zlib; 1 (still read) used SHA-256


@dataclass
class Entry:
    hash: str
    sequence: int
    modified: str | None  # ISO 8601 UTC, or None if never changed since first published
    day: str  # the event's date (YYYY-MM-DD): which year's folder and window hold it
    vevent: str  # the VEVENT as last published (to publish it as cancelled)
    feeds: list[str] = field(default_factory=list)  # paths relative to OUT
    gone: bool = False  # published as cancelled because it left the schedule


@dataclass
class State:
    entries: dict[str, Entry] = field(default_factory=dict)

    @staticmethod
    def parse(data: bytes | None) -> State:
        if not data:
            return State()
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("version") not in (1, STATE_VERSION):
                return State()  # a state from a newer ptfcal: start history again
            return State({uid: Entry(**e) for uid, e in doc["events"].items()})
        except (ValueError, KeyError, TypeError):
            return State()  # a damaged state starts history again; feeds stay valid

    def dump(self) -> bytes:
        doc = {"version": STATE_VERSION,
               "events": {uid: asdict(e) for uid, e in sorted(self.entries.items())}}
        return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def content_hash(vevent: bytes) -> str:
    """A fingerprint of an event's content: length, CRC-32 and Adler-32.

    It tells a changed event from an unchanged one; nobody forges VEVENTs against it, so a
    cryptographic hash is not needed, and `hashlib` would load OpenSSL (3.6 MB of the process's
    peak memory, measured in issue 6) for it.
    """
    return f"{len(vevent):x}-{zlib.crc32(vevent):08x}-{zlib.adler32(vevent):08x}"


def _same_content(recorded: str, content: bytes) -> bool:
    if "-" in recorded:
        return recorded == content_hash(content)
    # a state written by ptfcal before format 2: the first 32 hex digits of SHA-256 (hashlib
    # is imported for that one run only; the new state holds fingerprints)
    import hashlib

    return recorded == hashlib.sha256(content).hexdigest()[:32]


@dataclass(frozen=True)
class Revision:
    sequence: int = 0
    modified: datetime | None = None


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def revise(state: State, uid: str, content: bytes, now: datetime) -> Revision:
    """The revision of a current event, given its content rendered at revision 0; `now` is
    UTC with whole seconds."""
    entry = state.entries.get(uid)
    if entry is None:
        return Revision()
    if _same_content(entry.hash, content) and not entry.gone:
        return Revision(entry.sequence, parse_time(entry.modified))
    return Revision(entry.sequence + 1, now)


def vanished(state: State, present: set[str], scheduled_years: set[int]) -> list[str]:
    """UIDs published before whose year was scheduled again and that are no longer in it."""
    return sorted(uid for uid, e in state.entries.items()
                  if uid not in present and date.fromisoformat(e.day).year in scheduled_years)


def tombstone_revision(entry: Entry, now: datetime) -> Revision:
    if entry.gone:  # already published as cancelled: unchanged
        return Revision(entry.sequence, parse_time(entry.modified))
    return Revision(entry.sequence + 1, now)
