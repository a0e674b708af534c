"""Change tracking between publications, so that subscribers' calendars stay right.

OUT/.ptfcal-state.json remembers every file ptfcal published in OUT and, for every UID: its
SEQUENCE and LAST-MODIFIED, its date and start, the feeds it was in, and per language a
fingerprint of the event as published (without DTSTAMP, SEQUENCE and LAST-MODIFIED) and its last
VEVENT. On the next publication:

- an event whose content changed (in any language) keeps its UID, gets SEQUENCE + 1 and
  LAST-MODIFIED = now; one SEQUENCE serves every language;
- an unchanged event keeps exactly its previous bytes;
- an event that is no longer in the schedule of its year (when that year is scheduled again) is
  published as cancelled in the feeds that held it, instead of silently disappearing.

When the state is missing or damaged but feeds are published, `recover` rebuilds the history
from the feeds themselves (UID, SEQUENCE, LAST-MODIFIED, the VEVENT, the cancelled ones): the
state is a cache of what subscribers already have, and what they have is in the feeds.

Pure: the caller passes `now`, the previous state and the published feeds.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from .. import i18n
from ..errors import PtfcalError

STATE_FILE = ".ptfcal-state.json"
STATE_LIMIT = 512_000_000  # bytes: a century of events in two languages is about 200 MB
# every path ptfcal publishes: a state naming any other (`feeds/../../x/all.ics`) is damaged
LAYOUT = re.compile(r"index\.html|feeds/(?:[a-z]{2}/)?[a-z0-9][a-z0-9.-]*\.ics"
                    r"|\d{4}/(?:[a-z]{2}/)?(?:(?:bodies|institutions|levels|planners)/)?"
                    r"[a-z0-9][a-z0-9.-]*\.(?:ics|html|csv|json|md)")
STATE_VERSION = 3  # 3: languages, published files; 2: zlib fingerprints; 1: SHA-256 (both read)


@dataclass
class Entry:
    sequence: int
    modified: str | None  # ISO 8601 UTC, or None if never changed since first published
    day: str  # the event's date (YYYY-MM-DD): which year's folder and window hold it
    hashes: dict[str, str] = field(default_factory=dict)  # language -> content fingerprint
    vevents: dict[str, bytes] = field(default_factory=dict)  # language -> VEVENT as published
    feeds: list[str] = field(default_factory=list)  # paths relative to OUT
    gone: bool = False  # published as cancelled because it left the schedule
    start: str | None = None  # local start time (HH:MM), to tell a move from another change

    @property
    def recovered(self) -> bool:
        """Read back from the published feeds: the fingerprints are not known."""
        return not self.hashes


@dataclass
class State:
    entries: dict[str, Entry] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # path -> feed name ("" if not a feed)

    @property
    def empty(self) -> bool:
        return not self.entries and not self.files

    @staticmethod
    def parse(data: bytes, language: str) -> State:
        """The state written by any ptfcal up to this one. A state written before languages
        (format 1 and 2) is read as the `language` feeds. Raises `DamagedState` for anything
        that is not such a state, `NewerState` for a state from a newer ptfcal."""
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise DamagedState(str(exc)) from None
        except RecursionError:
            raise DamagedState("nested too deep") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("version"), int):
            raise DamagedState("no version")
        version = doc["version"]
        if version > STATE_VERSION:
            raise NewerState(version)
        try:
            if version in (1, 2):
                entries = {str(uid): _entry_v2(e, language) for uid, e in doc["events"].items()}
                files = {p: "" for e in entries.values() for p in e.feeds}
            elif version == STATE_VERSION:
                entries = {str(uid): _entry_v3(e) for uid, e in doc["events"].items()}
                files = {str(p): str(n) for p, n in doc["files"].items()}
            else:
                raise DamagedState(f"version {version}")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DamagedState(f"{type(exc).__name__}: {exc}") from None
        outside = sorted({p for p in files if not LAYOUT.fullmatch(p)}
                         | {p for e in entries.values() for p in e.feeds
                            if not LAYOUT.fullmatch(p) or not p.endswith(".ics")})
        if outside:
            raise DamagedState(f"paths outside the published layout: {', '.join(outside[:3])}")
        return State(entries, files)

    def dump(self) -> bytes:
        """The state as JSON, made one event at a time (a whole document as one string would
        hold every VEVENT twice more, in UCS-2)."""
        parts = [b'{\n "events": {']
        for n, (uid, entry) in enumerate(sorted(self.entries.items())):
            parts.append(b"," if n else b"")
            parts.append(f"\n  {json.dumps(uid)}: ".encode())
            parts.append(json.dumps(_entry_doc(entry), ensure_ascii=False, sort_keys=True)
                         .encode())
        parts.append(b"\n },\n \"files\": ")
        parts.append(json.dumps(dict(sorted(self.files.items())), ensure_ascii=False,
                                indent=1).replace("\n", "\n ").encode())
        parts.append(f',\n "version": {STATE_VERSION}\n}}\n'.encode())
        return b"".join(parts)


class DamagedState(PtfcalError):
    def __init__(self, why: str):
        self.why = why
        super().__init__(i18n.text("state.damaged", why=why))


class NewerState(PtfcalError):
    """A state written by a newer ptfcal: this one must not rewrite it."""

    def __init__(self, version: int):
        super().__init__(i18n.text("state.newer", version=version, known=STATE_VERSION))


def _entry_v2(e: dict, language: str) -> Entry:
    _check_entry(e)
    _check_vevents({language: e["vevent"]})
    return Entry(int(e["sequence"]), _optional_str(e["modified"]), str(e["day"]),
                 {language: str(e["hash"])}, {language: str(e["vevent"]).encode()},
                 [str(p) for p in e.get("feeds", [])], bool(e.get("gone", False)))


def _entry_v3(e: dict) -> Entry:
    _check_entry(e)
    if e.get("start") is not None and not re.fullmatch(r"\d\d:\d\d", str(e["start"])):
        raise ValueError(f"start {e['start']!r}")
    _check_vevents(e["vevents"])
    return Entry(int(e["sequence"]), _optional_str(e["modified"]), str(e["day"]),
                 {str(k): str(v) for k, v in e["hashes"].items()},
                 {str(k): str(v).encode() for k, v in e["vevents"].items()},
                 [str(p) for p in e["feeds"]], bool(e["gone"]), _optional_str(e.get("start")))


def _check_entry(e: dict) -> None:
    """What later steps rely on: a date, a time, a sequence that is a count (a damaged value
    is a damaged state, never an error in the middle of a publication)."""
    date.fromisoformat(e["day"])
    if e["modified"] is not None:
        parse_time(_optional_str(e["modified"]))
    if not isinstance(e["sequence"], int) or isinstance(e["sequence"], bool) or not (
            0 <= e["sequence"] < 1_000_000):
        raise ValueError(f"sequence {e['sequence']!r}")


# a VEVENT as ptfcal writes it: content lines (NAME[;PARAMS]:VALUE) or their folds, CRLF
_VEVENT_TEXT = re.compile(r"BEGIN:VEVENT\r\n(?:[A-Z0-9-]+[;:][^\r\n]*\r\n|[ \t][^\r\n]*\r\n)*"
                          r"END:VEVENT\r\n")


def _check_vevents(vevents: object) -> None:
    """An entry's VEVENTs are republished as cancelled when the event leaves the schedule:
    each must be one VEVENT as ptfcal wrote it (anything else is a damaged state)."""
    if not isinstance(vevents, dict):
        raise TypeError("vevents: expected an object")
    for lang, vevent in vevents.items():
        if not isinstance(vevent, str) or not _VEVENT_TEXT.fullmatch(vevent) or (
                vevent.count("BEGIN:") != 1):
            raise ValueError(f"vevents.{lang}: not a VEVENT")
        for line in vevent.split("\r\n"):
            if line.startswith(("DTSTART", "DTEND")) and not re.fullmatch(
                    r"DT(?:START|END)(?:;VALUE=DATE:\d{8}|;TZID=[\w/+-]+:\d{8}T\d{6}|"
                    r":\d{8}T\d{6}Z?)", line):
                raise ValueError(f"vevents.{lang}: {line[:40]!r}")


def _entry_doc(e: Entry) -> dict:
    return {"sequence": e.sequence, "modified": e.modified, "day": e.day, "start": e.start,
            "hashes": dict(sorted(e.hashes.items())),
            "vevents": {k: v.decode("utf-8") for k, v in sorted(e.vevents.items())},
            "feeds": sorted(e.feeds), "gone": e.gone}


def _optional_str(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("expected a string")
    return value


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


def previous_revision(entry: Entry) -> Revision:
    return Revision(entry.sequence, parse_time(entry.modified))


def revise(state: State, uid: str, contents: Mapping[str, bytes],
           published_as: Callable[[str, Revision], bytes], now: datetime) -> Revision:
    """The revision of a current event, given its content per language rendered at revision 0
    (`published_as(lang, revision)` renders it at another revision); `now` is UTC with whole
    seconds."""
    entry = state.entries.get(uid)
    if entry is None:
        return Revision()
    before = previous_revision(entry)
    if entry.recovered:
        # the history read back from the feeds: the event is unchanged if it renders, at its
        # published revision, to the very bytes subscribers have
        same = all(published_as(lang, before) == entry.vevents[lang]
                   for lang in contents if lang in entry.vevents)
    else:
        same = not entry.gone and all(_same_content(entry.hashes[lang], content)
                                      for lang, content in contents.items()
                                      if lang in entry.hashes)
    return before if same else Revision(entry.sequence + 1, now)


def vanished(state: State, present: set[str], scheduled_years: set[int]) -> list[str]:
    """UIDs published before whose year was scheduled again and that are no longer in it."""
    return sorted(uid for uid, e in state.entries.items()
                  if uid not in present and date.fromisoformat(e.day).year in scheduled_years)


def tombstone_revision(entry: Entry, now: datetime) -> Revision:
    if entry.gone:  # already published as cancelled: unchanged
        return previous_revision(entry)
    return Revision(entry.sequence + 1, now)


# --- recovery from the published feeds ----------------------------------------------------------


@dataclass(frozen=True)
class PublishedEvent:
    """One VEVENT as ptfcal wrote it in a feed."""

    uid: str
    sequence: int
    modified: str | None
    day: str
    start: str | None
    cancelled: bool
    raw: str  # the VEVENT's lines, CRLF, folded as published
    properties: dict[str, str]  # NAME -> value (unfolded, unescaped as written)


_VEVENT = re.compile(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", re.S)


def read_vevents(data: bytes) -> list[PublishedEvent]:
    """The VEVENTs of a feed ptfcal wrote (a small reader of its own output: no parser library
    is loaded to recover a state). VEVENTs without a UID or a date are skipped."""
    text = data.decode("utf-8", "replace")
    found = []
    for m in _VEVENT.finditer(text):
        raw = m.group(0)
        props = properties(raw)
        uid = props.get("UID")
        start = props.get("DTSTART", "")
        if not uid or not re.fullmatch(r"\d{8}(T\d{6}Z?)?", start):
            continue
        try:
            day = date(int(start[:4]), int(start[4:6]), int(start[6:8])).isoformat()
            sequence = int(props.get("SEQUENCE", "0"))
        except ValueError:
            continue
        found.append(PublishedEvent(
            uid, sequence, _ical_time(props.get("LAST-MODIFIED")), day,
            f"{start[9:11]}:{start[11:13]}" if "T" in start else None,
            props.get("STATUS", "").upper() == "CANCELLED", raw, props))
    return found


def properties(vevent: str | bytes) -> dict[str, str]:
    """Property name -> value of one VEVENT's lines (the first of each name)."""
    if isinstance(vevent, bytes):
        vevent = vevent.decode("utf-8", "replace")
    unfolded = re.sub(r"\r\n[ \t]", "", vevent)
    props: dict[str, str] = {}
    for line in unfolded.split("\r\n"):
        name, sep, value = line.partition(":")
        if not sep:
            continue
        props.setdefault(name.split(";", 1)[0].upper(), value)
    return props


def text_value(value: str) -> str:
    """An iCalendar TEXT value as people read it (RFC 5545 3.3.11 escapes undone)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _ical_time(value: str | None) -> str | None:
    if not value or not re.fullmatch(r"\d{8}T\d{6}Z", value):
        return None
    try:
        moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return moment.isoformat()


def recover(feeds: Iterable[tuple[str, str, bytes]]) -> State:
    """The history held by published feeds: (path, language, bytes) of each. Every UID keeps
    the highest SEQUENCE it was published with; an event published as cancelled is recorded
    as gone (it stays published as cancelled)."""
    entries: dict[str, Entry] = {}
    files: dict[str, str] = {}
    for path, lang, data in feeds:
        head = data[:4096].decode("utf-8", "replace")
        name = re.search(r"\r\nX-WR-CALNAME:([^\r\n]*)", head)
        files[path] = name.group(1).replace("\\,", ",").replace("\\;", ";") if name else ""
        for event in read_vevents(data):
            entry = entries.get(event.uid)
            if entry is None or event.sequence > entry.sequence:
                previous = entry
                entry = entries[event.uid] = Entry(
                    event.sequence, event.modified, event.day, {}, {}, [], event.cancelled,
                    event.start)
                if previous is not None:  # copies at a lower revision: keep their feeds only
                    entry.feeds.extend(previous.feeds)
            if event.sequence == entry.sequence:
                entry.vevents.setdefault(lang, event.raw.encode("utf-8"))
            if path not in entry.feeds:
                entry.feeds.append(path)
    for entry in entries.values():
        entry.feeds.sort()
    return State(entries, files)
