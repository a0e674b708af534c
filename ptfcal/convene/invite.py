"""Invitations (iMIP, RFC 6047; iTIP, RFC 5546) sent exactly once, from an outbox journal.

Each occurrence gets one message per recipient set that needs the same thing (a REQUEST at its
current SEQUENCE, or a CANCEL): multipart/mixed -> multipart/alternative (text/plain,
text/html, text/calendar; method=…) plus the same calendar attached as invite.ics. ORGANIZER
is the secretariat's mailbox, which is also From; every To (required) and Cc (optional) is an
ATTENDEE. The UID is the subscription feeds' UID for the same occurrence: a partner who is
invited and subscribed has one meeting, which clients that merge by UID show once, and
SEQUENCE only goes up.

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
from datetime import UTC, datetime
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, formatdate
from pathlib import Path

from .. import filesystem
from ..errors import InputError
from ..fileio import read_bounded
from ..i18n import format_day, text
from ..locking import FolderLock
from ..model import Event, Model, Status
from ..record.journal import remove_temporaries, temporaries_of, write_atomic
from .lists import OPTIONAL, REQUIRED, Recipient
from .names import OUTBOX_FILE

OUTBOX_VERSION = 1
MAX_OUTBOX_BYTES = 64_000_000  # 1,000 meetings x 300 recipients take about 30 MB
MAX_SEQUENCE = 2**31 - 1
REQUEST, CANCEL = "REQUEST", "CANCEL"


@dataclass(frozen=True)
class Message:
    uid: str
    method: str
    sequence: int
    to: tuple[str, ...]
    cc: tuple[str, ...]
    message_id: str
    subject: str
    data: bytes  # the whole message, as sent
    event: Event

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
                     or isinstance(entry.get("fingerprint"), list))):
            return False
        for sent in entry["recipients"].values():
            if not (isinstance(sent, dict) and sent.get("method") in (REQUEST, CANCEL)
                    and _sequence(sent.get("sequence"))):
                return False
    return True


def _sequence(value) -> bool:
    """A SEQUENCE as iCalendar allows it (RFC 5545 3.8.7.4: an integer; clients store it in
    32 bits)."""
    return isinstance(value, int) and not isinstance(value, bool) and (
        0 <= value <= MAX_SEQUENCE)


def fingerprint(e: Event) -> list:
    """What makes a change material: the day and hours, the place, a cancellation."""
    return [e.day.isoformat(), e.last_day.isoformat(),
            e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None,
            e.location or "", e.status is Status.CANCELLED]


def plan(outbox: Outbox, model: Model, events: list[Event], rows: list[Recipient],
         organizer: str, organizer_name: str, now: datetime) -> list[Message]:
    """The messages due: updates the outbox's SEQUENCEs (in memory) and builds each message."""
    by_uid: dict[str, list[Recipient]] = {}
    for r in rows:
        if r.person is not None:
            by_uid.setdefault(r.event.uid, []).append(r)
    messages: list[Message] = []
    for e in events:
        entry = outbox.state["events"].setdefault(
            e.uid, {"sequence": 0, "fingerprint": None, "recipients": {}})
        current = fingerprint(e)
        # addresses compare whatever their case (one edited by hand is the same mailbox)
        sent = entry["recipients"] = _folded(entry["recipients"])
        if entry["fingerprint"] is not None and entry["fingerprint"] != current and sent:
            entry["sequence"] += 1  # a material change: one new SEQUENCE for everybody
        entry["fingerprint"] = current
        seq = entry["sequence"]
        cancelled = e.status is Status.CANCELLED
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
        for own, group in sorted(requests.items()):
            messages.append(_message(model, e, REQUEST, own, group, [], organizer,
                                     organizer_name, now))
        if cancels:
            cancel_seq = seq if cancelled else max(
                [seq + 1, *(sent[m]["sequence"] + 1 for m in cancels)])
            messages.append(_message(model, e, CANCEL, cancel_seq, [], sorted(set(cancels)),
                                     organizer, organizer_name, now, wanted))
    return messages


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


def _message(model: Model, e: Event, method: str, seq: int, rows: list[Recipient],
             cancelled: list[str], organizer: str, organizer_name: str, now: datetime,
             known: dict[str, Recipient] | None = None) -> Message:
    to = tuple(r.person.email for r in rows if r.role == REQUIRED and r.person)
    cc = tuple(r.person.email for r in rows if r.role == OPTIONAL and r.person)
    if method == CANCEL:
        to, cc = tuple(cancelled), ()
    english = any(r.person and r.person.language == "en" for r in rows) or any(
        (known or {}).get(m) and known[m].person.language == "en" for m in cancelled)
    names = {r.person.email: r.person.name for r in rows if r.person}
    roles = {r.person.email: r.role for r in rows if r.person}
    if seq > MAX_SEQUENCE:  # only an outbox edited by hand comes near it
        raise InputError(text("inv.sequence-limit", uid=e.uid, limit=f"{MAX_SEQUENCE:,}"))
    ics = _calendar(e, method, seq, to, cc, names, roles, organizer, organizer_name, now)
    digest = hashlib.sha256(f"{e.uid}|{method}|{seq}|{','.join(to + cc)}".encode()).hexdigest()
    message_id = f"<{digest[:32]}@ptfcal>"
    fr_title, en_title = e.title.fr, e.title.en
    if method == REQUEST:
        subject = f"Convocation : {fr_title} — {format_day(e.day, 'fr')}"
        if seq:
            subject = f"Mise à jour : {fr_title} — {format_day(e.day, 'fr')}"
    else:
        subject = f"Annulation : {fr_title} — {format_day(e.day, 'fr')}"
    when_fr = format_day(e.day, "fr") + (f", {e.start:%H:%M}–{e.end:%H:%M}" if e.start and
                                          e.end else "")
    when_en = format_day(e.day, "en") + (f", {e.start:%H:%M}–{e.end:%H:%M}" if e.start and
                                          e.end else "")
    place = e.location or ""
    plain = [f"{'Annulée' if method == CANCEL else 'Convocation'} : {fr_title}",
             f"Date : {when_fr}"] + ([f"Lieu : {place}"] if place else [])
    if english:
        plain += ["", f"{'Cancelled' if method == CANCEL else 'Invitation'}: {en_title}",
                  f"Date: {when_en}"] + ([f"Place: {place}"] if place else [])
    plain += ["", f"— {organizer_name}"]
    html_lines = "".join(f"<p>{_html(line)}</p>" if line else "<hr>" for line in plain)
    html = f"<!DOCTYPE html><html lang=\"fr\"><body>{html_lines}</body></html>"
    mixed = MIMEMultipart("mixed")
    mixed["From"] = formataddr((organizer_name, organizer))
    if to:
        mixed["To"] = ", ".join(to)
    if cc:
        mixed["Cc"] = ", ".join(cc)
    mixed["Subject"] = subject
    mixed["Message-ID"] = message_id
    mixed["Date"] = formatdate(now.timestamp(), localtime=False, usegmt=True)
    mixed["Content-Language"] = "fr" + (", en" if english else "")
    mixed.set_boundary(f"=_mixed_{digest[:24]}")
    alternative = MIMEMultipart("alternative")
    alternative.set_boundary(f"=_alternative_{digest[:24]}")
    alternative.attach(MIMEText("\n".join(plain) + "\n", "plain", "utf-8"))
    alternative.attach(MIMEText(html, "html", "utf-8"))
    inline = MIMEText(ics, "calendar", "utf-8")
    inline.set_param("method", method)
    alternative.attach(inline)
    mixed.attach(alternative)
    attached = MIMEText(ics, "calendar", "utf-8")
    attached.set_param("method", method)
    attached.add_header("Content-Disposition", "attachment", filename="invite.ics")
    mixed.attach(attached)
    # CRLF line ends: what SMTP carries (smtplib sends bytes as they are)
    data = mixed.as_bytes(policy=compat32.clone(linesep="\r\n"))
    return Message(e.uid, method, seq, to, cc, message_id, subject, data, e)


def _html(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _calendar(e: Event, method: str, seq: int, to, cc, names, roles, organizer: str,
              organizer_name: str, now: datetime) -> str:
    from ..publish.ics import invitation

    return invitation(e, method, seq, [(m, names.get(m, ""), roles.get(m, REQUIRED))
                                       for m in (*to, *cc)], organizer, organizer_name, now)


def record(outbox: Outbox, m: Message, accepted: list[str], now: datetime) -> None:
    """The server accepted `m` for `accepted`: written to the outbox at once."""
    entry = outbox.state["events"][m.uid]
    at = now.astimezone(UTC).isoformat(timespec="seconds")
    for email in accepted:
        entry["recipients"][email.lower()] = {"method": m.method, "sequence": m.sequence,
                                              "message_id": m.message_id, "at": at}
    outbox.save()


def write_drafts(folder: Path, messages: list[Message]) -> list[Path]:
    """--dry-run: each message as an .eml file the secretary can open in Outlook; the outbox
    is not touched."""
    drafts = folder / "drafts"
    _own_folder(drafts)
    out = []
    for m in messages:
        name = f"{m.event.day:%Y-%m-%d}-{m.event.meeting_type}-{m.method.lower()}-{m.sequence}"
        name += f"-{hashlib.sha256(m.message_id.encode()).hexdigest()[:6]}.eml"
        path = drafts / name
        write_atomic(path, m.data)
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
