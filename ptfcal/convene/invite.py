"""Invitations (iMIP, RFC 6047; iTIP, RFC 5546) sent exactly once, from an outbox journal.

Each occurrence gets one message per recipient set that needs the same thing (a REQUEST at its
current SEQUENCE, or a CANCEL): multipart/mixed -> multipart/alternative (text/plain,
text/html, text/calendar; method=…) plus the same calendar attached as invite.ics. ORGANIZER
is the secretariat's mailbox, which is also From; every To (required) and Cc (optional) is an
ATTENDEE. A meeting the Government convenes (its type's `convened_by`, a ministry) is only
announced: METHOD:PUBLISH, no ORGANIZER, no RSVP, the letter naming the ministry.

The invitation has its own UID (the feeds' UID with `.convocation` before the `@`), so that it
can never contradict the subscription feed about one UID: the feed's SEQUENCE moves with every
published change, the invitation's only with a material one. Its STATUS is the feed's: a date
still tentative goes out only when asked (`provisional`), STATUS:TENTATIVE and said in the
subject, never CONFIRMED. Invitations sent before this rule (an outbox entry without "uid")
keep the feeds' UID, so that their updates reach the calendar item they made.

The outbox (`outbox.json` in the outbox folder) is the memory of what was sent: per UID, the
SEQUENCE and the material facts (day, hours, place, cancelled) last announced, and per
recipient what it was sent. A material change bumps SEQUENCE once; a recipient whose last
message is older gets the update; a typo in a description changes nothing material and sends
nothing. It is written (atomically, fsync'd) after every message the server accepted, so a run
killed or a server failing mid-batch is resumed by the next run with what is left; a message is
re-sent only if the run died between the server's acceptance and that write, and then with the
same Message-ID, SEQUENCE and content (clients take it as the same update). A CANCEL goes only
to someone who was sent a REQUEST.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, formatdate
from pathlib import Path

from .. import filesystem
from ..errors import InputError
from ..fileio import read_bounded
from ..i18n import text
from ..locking import FolderLock
from ..model import Event, Model, Status, Text
from ..record.journal import remove_temporaries, temporaries_of, write_atomic
from .lists import OPTIONAL, REQUIRED, Recipient, unconvened
from .names import OUTBOX_FILE

OUTBOX_VERSION = 1
MAX_OUTBOX_BYTES = 64_000_000  # 1,000 meetings x 300 recipients take about 30 MB
MAX_SEQUENCE = 2**31 - 1
MAX_NAME = 120  # the sender's display name (From, ORGANIZER's CN)
REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"
TENTATIVE = "tentative"  # the last fact of a fingerprint: the date announced was provisional


@dataclass(frozen=True)
class Message:
    uid: str  # the occurrence's (the outbox's key)
    method: str  # what the outbox records: REQUEST (told it is on) or CANCEL (told it is off)
    sequence: int
    to: tuple[str, ...]
    cc: tuple[str, ...]
    message_id: str
    subject: str
    data: bytes  # the whole message, as sent
    event: Event
    itip: str = REQUEST  # the calendar's METHOD: REQUEST, CANCEL, or PUBLISH (announced)

    @property
    def recipients(self) -> tuple[str, ...]:
        return (*self.to, *self.cc)


@dataclass
class Outbox:
    folder: Path
    state: dict = field(default_factory=dict)

    @classmethod
    def open(cls, folder: Path) -> Outbox:
        """The outbox of `folder` (opened holding the folder's lock: the temporaries a killed
        run left are removed)."""
        path = folder / OUTBOX_FILE
        if path.is_symlink():
            raise InputError(text("inv.outbox-link", path=path))
        remove_temporaries(folder, temporaries_of(OUTBOX_FILE))
        if not path.exists():
            return cls(folder, {"version": OUTBOX_VERSION, "events": {}})
        try:
            # a pipe or a link to /dev/zero would never end: a regular file, bounded
            state = json.loads(read_bounded(path, MAX_OUTBOX_BYTES, follow_links=False)
                               .decode("utf-8"))
            # what cannot be written back (a lone surrogate, \udcff) is damage
            json.dumps(state, ensure_ascii=False).encode("utf-8")
        except (ValueError, OSError, RecursionError):  # RecursionError: nested thousands deep
            raise InputError(text("inv.outbox-damaged", path=path)) from None
        version = state.get("version") if isinstance(state, dict) else None
        if (isinstance(version, int) and not isinstance(version, bool)
                and version > OUTBOX_VERSION):
            raise InputError(text("inv.outbox-newer", path=path, version=version,
                                  known=OUTBOX_VERSION))
        if version != OUTBOX_VERSION or not _well_formed(state):
            raise InputError(text("inv.outbox-damaged", path=path))
        return cls(folder, state)

    def save(self) -> None:
        data = json.dumps(self.state, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.folder / OUTBOX_FILE, (data + "\n").encode("utf-8"))

    def ready(self) -> None:
        """Before the first message goes out: the outbox can be rewritten. On Windows a
        program holding outbox.json open (an editor) would make every message sent
        unrecordable, and sent again on the next run; this finds it while nothing is sent."""
        path = self.folder / OUTBOX_FILE
        if not path.exists():
            return  # nobody holds a file that does not exist
        try:
            write_atomic(path, path.read_bytes())
        except OSError as exc:
            if filesystem.in_use(exc):
                raise InputError(text("inv.outbox-in-use", path=path)) from None
            raise InputError(text("inv.outbox-unwritable", path=path,
                                  why=exc.strerror or str(exc))) from None


def _well_formed(state) -> bool:
    if not isinstance(state, dict) or not isinstance(state.get("events"), dict):
        return False
    for entry in state["events"].values():
        if not (isinstance(entry, dict) and _sequence(entry.get("sequence"))
                and isinstance(entry.get("recipients"), dict) and "fingerprint" in entry
                and (entry.get("fingerprint") is None
                     or _facts(entry.get("fingerprint")))
                and _uid(entry.get("uid", "x"))
                and (entry.get("before") is None or _facts(entry.get("before")))):
            return False
        for sent in entry["recipients"].values():
            if not (isinstance(sent, dict) and sent.get("method") in (REQUEST, CANCEL)
                    and _sequence(sent.get("sequence"))):
                return False
    return True


def _uid(value) -> bool:
    """An invitation's UID as ptfcal makes it: printable, no space, not too long."""
    return isinstance(value, str) and 0 < len(value) <= 255 and value.isprintable() and (
        not any(c.isspace() for c in value))


def _facts(value) -> bool:
    """A fingerprint as `fingerprint` writes it (the letter reads it back as what was said)."""
    if not (isinstance(value, list) and len(value) in (6, 7)):
        return False
    try:
        date.fromisoformat(value[0])
        date.fromisoformat(value[1])
        for moment in value[2:4]:
            if moment is not None:
                datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        return False
    return isinstance(value[4], str) and isinstance(value[5], bool) and value[6:] in (
        [], [TENTATIVE])


def _sequence(value) -> bool:
    """A SEQUENCE as iCalendar allows it (RFC 5545 3.8.7.4: an integer; clients store it in
    32 bits)."""
    return isinstance(value, int) and not isinstance(value, bool) and (
        0 <= value <= MAX_SEQUENCE)


def fingerprint(e: Event, tentative: bool = False) -> list:
    """What makes a change material: the day and hours, the place, a cancellation, and a
    provisional date becoming firm."""
    facts = [e.day.isoformat(), e.last_day.isoformat(),
             e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None,
             e.location or "", e.status is Status.CANCELLED]
    return facts + [TENTATIVE] if tentative and e.status is not Status.CANCELLED else facts


def invitation_uid(uid: str) -> str:
    """The invitation's own UID: 'gec-monthly.gec.20270210.convocation@ptfcal.ptf-mali'."""
    local, at, domain = uid.rpartition("@")
    return f"{local}.convocation@{domain}" if at else f"{uid}.convocation"


@dataclass
class Plan:
    messages: list[Message]
    later: list[Event]  # provisional dates never convened, left until confirmed or asked
    # meetings with nobody to convene, each with why (lists.unconvened: the texts name
    # nobody, the year's roles are not recorded, nobody in the register holds the seats)
    nobody: list[tuple[Event, Text]]


def sender_name(given: str | None) -> Text:
    """The name the messages come from (From, ORGANIZER's CN) and are signed with: the one
    given (`--organizer-name`), else « Secrétariat exécutif du GEC (SEG) », its English in
    the English letter. One line of printable text, not too long: it goes into a header."""
    if given is None:
        return text("conv.from-name")
    name = given.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise InputError(text("inv.organizer-name", value=repr(given), limit=MAX_NAME))
    return Text(name, name)


def plan(outbox: Outbox, model: Model, events: list[Event], rows: list[Recipient],
         organizer: str, organizer_name: str | Text, now: datetime,
         provisional: bool = False) -> Plan:
    """The messages due: updates the outbox's SEQUENCEs (in memory) and builds each message.
    A date still tentative is first convened only when `provisional`; once convened, its
    updates and cancellation are always due (its invitees hold it). `organizer_name`: the
    From name (`sender_name`), French in the headers, each language's in the letters."""
    if isinstance(organizer_name, str):
        organizer_name = Text(organizer_name, organizer_name)
    from ..publish.ics import tentative as is_tentative

    by_uid: dict[str, list[Recipient]] = {}
    for r in rows:
        if r.person is not None:
            by_uid.setdefault(r.event.uid, []).append(r)
    messages: list[Message] = []
    later: list[Event] = []
    nobody: list[Event] = []
    follow_up = _FollowUp(model)
    for e in events:
        cancelled = e.status is Status.CANCELLED
        tentative = not cancelled and is_tentative(model, e)
        known = outbox.state["events"].get(e.uid)
        if not (known and known["recipients"]):  # nobody was told of it yet
            if cancelled:
                continue
            if not by_uid.get(e.uid):
                nobody.append(e)
                continue
            if tentative and not provisional:
                later.append(e)
                continue
        entry = outbox.state["events"].setdefault(
            e.uid, {"sequence": 0, "fingerprint": None, "recipients": {}})
        current = fingerprint(e, tentative)
        # addresses compare whatever their case (one edited by hand is the same mailbox)
        sent = entry["recipients"] = _folded(entry["recipients"])
        # invitations sent before they had their own UID keep the feeds' (see the docstring)
        entry.setdefault("uid", e.uid if sent else invitation_uid(e.uid))
        if entry["fingerprint"] is not None and entry["fingerprint"] != current and sent:
            entry["sequence"] += 1  # a material change: one new SEQUENCE for everybody
            entry["before"] = entry["fingerprint"]  # what the update says changed
        entry["fingerprint"] = current
        seq = entry["sequence"]
        wanted = {r.person.email.lower(): r for r in by_uid.get(e.uid, [])
                  if r.person is not None}
        requests: dict[int, list[Recipient]] = {}
        cancels: list[str] = []
        for email, r in sorted(wanted.items()):
            last = sent.get(email)
            if cancelled:
                if last and last["method"] == REQUEST:
                    cancels.append(email)
            elif last is None or last["method"] != REQUEST or last["sequence"] < seq:
                # someone who was sent a CANCEL is invited again above its SEQUENCE
                own = seq if last is None or last["method"] == REQUEST else max(
                    seq, last["sequence"] + 1)
                requests.setdefault(own, []).append(r)
        for email, last in sorted(sent.items()):
            if email not in wanted and last["method"] == REQUEST:
                cancels.append(email)  # removed from the list: told it is off for them
        draft = _Draft(model, e, entry, tentative, organizer, organizer_name, now,
                       follow_up.count(e) if requests else 0)
        for own, group in sorted(requests.items()):
            messages.append(draft.message(REQUEST, own, group, []))
        if cancels:
            cancel_seq = seq if cancelled else max(
                [seq + 1, *(sent[m]["sequence"] + 1 for m in cancels)])
            messages.append(draft.message(CANCEL, cancel_seq, [], sorted(set(cancels)),
                                          wanted))
    return Plan(messages, later, unconvened(model, nobody, rows))


def _folded(recipients: dict) -> dict:
    """The outbox's recipients keyed by lower-case address; of two spellings of one address,
    the later message (higher SEQUENCE; a CANCEL after the REQUEST of the same) counts."""
    folded: dict = {}
    for email, sent in sorted(recipients.items()):
        key = email.lower()
        if key not in folded or (sent["sequence"], sent["method"] == CANCEL) > (
                folded[key]["sequence"], folded[key]["method"] == CANCEL):
            folded[key] = sent
    return folded


class _FollowUp:
    """The actions each convocation's ordre du jour opens with, read once and only when a
    convocation is due (the recorded years are scheduled for it)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.book = None

    def count(self, e: Event) -> int:
        if self.book is None:
            from ..meet.followup import Followup

            self.book = Followup.of(self.model)
        return len(self.book.carried_to(e))


@dataclass(frozen=True)
class _Draft:
    """What every message about one occurrence shares."""

    model: Model
    event: Event
    entry: dict
    tentative: bool
    organizer: str
    organizer_name: Text
    now: datetime
    follow_up: int = 0  # actions carried from the body's earlier meetings

    def message(self, method: str, seq: int, rows: list[Recipient], cancelled: list[str],
                known: dict[str, Recipient] | None = None) -> Message:
        from .letter import Announced, compose, convener

        e, model = self.event, self.model
        to = tuple(r.person.email for r in rows if r.role == REQUIRED and r.person)
        cc = tuple(r.person.email for r in rows if r.role == OPTIONAL and r.person)
        if method == CANCEL:
            to, cc = tuple(cancelled), ()
        english = any(r.person and r.person.language == "en" for r in rows) or any(
            (known or {}).get(m) and known[m].person.language == "en" for m in cancelled)
        names = {r.person.email: r.person.name for r in rows if r.person}
        roles = {r.person.email: r.role for r in rows if r.person}
        if seq > MAX_SEQUENCE:  # only an outbox edited by hand comes near it
            raise InputError(text("inv.sequence-limit", uid=e.uid,
                                  limit=f"{MAX_SEQUENCE:,}"))
        ministry = convener(model, e)
        itip = PUBLISH if ministry is not None else method
        before = self.entry.get("before") if method == REQUEST and seq else None
        letter = compose(model, e, cancel=method == CANCEL,
                         before=Announced.of(before) if before else None,
                         provisional=self.tentative and method == REQUEST,
                         announced_by=ministry, mailbox=self.organizer,
                         signature=self.organizer_name, english=english,
                         follow_up=self.follow_up)
        status = ("CANCELLED" if method == CANCEL else "TENTATIVE" if self.tentative
                  else "CONFIRMED")
        ics = _calendar(e, itip, seq, to, cc, names, roles, self.organizer,
                        self.organizer_name.fr, self.now, self.entry["uid"], status,
                        letter.plain)
        digest = hashlib.sha256(f"{e.uid}|{method}|{seq}|{','.join(to + cc)}".encode()
                                ).hexdigest()
        message_id = f"<{digest[:32]}@ptfcal>"
        mixed = MIMEMultipart("mixed")
        mixed["From"] = formataddr((self.organizer_name.fr, self.organizer))
        if to:
            mixed["To"] = ", ".join(to)
        if cc:
            mixed["Cc"] = ", ".join(cc)
        mixed["Subject"] = letter.subject
        mixed["Message-ID"] = message_id
        mixed["Date"] = formatdate(self.now.timestamp(), localtime=False, usegmt=True)
        mixed["Content-Language"] = "fr" + (", en" if english else "")
        mixed.set_boundary(f"=_mixed_{digest[:24]}")
        alternative = MIMEMultipart("alternative")
        alternative.set_boundary(f"=_alternative_{digest[:24]}")
        alternative.attach(MIMEText(letter.plain, "plain", "utf-8"))
        alternative.attach(MIMEText(letter.html, "html", "utf-8"))
        inline = MIMEText(ics, "calendar", "utf-8")
        inline.set_param("method", itip)
        alternative.attach(inline)
        mixed.attach(alternative)
        attached = MIMEText(ics, "calendar", "utf-8")
        attached.set_param("method", itip)
        attached.add_header("Content-Disposition", "attachment", filename="invite.ics")
        mixed.attach(attached)
        # CRLF line ends: what SMTP carries (smtplib sends bytes as they are)
        data = mixed.as_bytes(policy=compat32.clone(linesep="\r\n"))
        return Message(e.uid, method, seq, to, cc, message_id, letter.subject, data, e, itip)


def _calendar(e: Event, method: str, seq: int, to, cc, names, roles, organizer: str,
              organizer_name: str, now: datetime, uid: str, status: str,
              description: str) -> str:
    from ..publish.ics import invitation

    return invitation(e, method, seq, [(m, names.get(m, ""), roles.get(m, REQUIRED))
                                       for m in (*to, *cc)], organizer, organizer_name, now,
                      uid=uid, status=status, description=description)


def record(outbox: Outbox, m: Message, accepted: list[str], now: datetime) -> None:
    """The server accepted `m` for `accepted`: written to the outbox at once."""
    entry = outbox.state["events"][m.uid]
    at = now.astimezone(UTC).isoformat(timespec="seconds")
    for email in accepted:
        entry["recipients"][email.lower()] = {"method": m.method, "sequence": m.sequence,
                                              "message_id": m.message_id, "at": at}
    outbox.save()


def write_drafts(folder: Path, messages: list[Message]) -> list[Path]:
    """--dry-run: each message as an .eml file the secretary can open in Outlook, marked
    `X-Unsent: 1` so that Outlook opens it as a message to send, not as mail received; the
    outbox is not touched."""
    drafts = folder / "drafts"
    _own_folder(drafts)
    out = []
    for m in messages:
        name = f"{m.event.day:%Y-%m-%d}-{m.event.meeting_type}-{m.method.lower()}-{m.sequence}"
        name += f"-{hashlib.sha256(m.message_id.encode()).hexdigest()[:6]}.eml"
        path = drafts / name
        write_atomic(path, b"X-Unsent: 1\r\n" + m.data)
        out.append(path)
    return out


def _own_folder(folder: Path) -> None:
    """A folder ptfcal writes in: never through a link; created private (what was sent to
    whom is personal data); an existing folder keeps its permissions."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder, 0o700)
        except OSError as exc:
            raise InputError(text("inv.folder", path=folder, why=exc.strerror or "")) from None
        return
    if stat.S_ISLNK(info.st_mode):
        raise InputError(text("inv.outbox-link", path=folder))
    if not stat.S_ISDIR(info.st_mode):
        raise InputError(text("inv.not-folder", path=folder))


def lock(folder: Path) -> FolderLock:
    _own_folder(folder)
    return FolderLock(folder)
