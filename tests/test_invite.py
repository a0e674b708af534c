"""Invitations through a real SMTP server on loopback (aiosmtpd): one REQUEST per occurrence,
nothing on a rerun, one update with SEQUENCE + 1 after a move, one CANCEL after a
cancellation, a batch interrupted by the server resumed without duplicates; every message
parsed back with the standard library and an independent iCalendar parser (vobject) and
linted the way Outlook reads invitations."""

from __future__ import annotations

import email
import email.policy
import socket
from pathlib import Path

import pytest
import vobject
from aiosmtpd.controller import Controller

from tests.conftest import CONFIG, run_ptfcal

SAMPLE = CONFIG.parent / "docs" / "people-sample.yaml"
ORGANIZER = "seg@example.org"


class Inbox:
    """An SMTP handler that keeps what it accepts; `fail_after`: refuse the DATA of every
    message after that many (a server failing mid-batch)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []
        self.fail_after: int | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.fail_after is not None and len(self.messages) >= self.fail_after:
            return "451 4.3.0 try again later"
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{controller.port}"
    finally:
        controller.stop()


def invite(config: Path, url: str, *args: str, code: int = 0):
    # --provisional: the 2020 GECs are rule dates nobody confirmed but June's
    result = run_ptfcal("invite", "2020", "--type", "gec-monthly", "--send", "--smtp", url,
                        "--organizer", ORGANIZER, "--provisional", "--config", str(config),
                        *args)
    assert result.code == code, (result.code, result.out, result.err)
    return result


def parse(data: bytes):
    msg = email.message_from_bytes(data, policy=email.policy.default)
    parts = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 2  # inline in the alternative, and attached
    ics = parts[0].get_content()
    assert parts[1].get_content() == ics
    return msg, parts[0], vobject.readOne(ics)


def lint(msg, part, cal) -> tuple[str, int, str]:
    """What Outlook relies on. Returns (UID, SEQUENCE, METHOD)."""
    assert msg.get_content_type() == "multipart/mixed"
    alternative = msg.get_payload()[0]
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.get_payload()] == [
        "text/plain", "text/html", "text/calendar"]
    method = cal.method.value
    assert part.get_param("method") == method and part.get_content_charset() == "utf-8"
    assert len([c for c in [cal] if c.name == "VCALENDAR"]) == 1
    event = cal.vevent
    assert event.dtstamp.value is not None
    organizer = event.organizer.value.lower().removeprefix("mailto:")
    assert organizer == email.utils.parseaddr(msg["From"])[1] == ORGANIZER
    recipients = {a for _, a in email.utils.getaddresses(
        msg.get_all("To", []) + msg.get_all("Cc", []))}
    attendees = {a.value.lower().removeprefix("mailto:")
                 for a in event.contents.get("attendee", [])}
    assert recipients == attendees
    for a in event.contents.get("attendee", []):
        assert a.params["RSVP"] == ["TRUE"]
        assert a.params["ROLE"][0] in ("REQ-PARTICIPANT", "OPT-PARTICIPANT")
    return event.uid.value, int(event.sequence.value), method


def config_with_people(config_copy: Path) -> Path:
    (config_copy / "people.yaml").write_bytes(SAMPLE.read_bytes())
    return config_copy


def test_requests_once_then_an_update_then_a_cancel(smtp, config_copy: Path) -> None:
    inbox, url = smtp
    config = config_with_people(config_copy)
    invite(config, url)
    assert len(inbox.messages) == 11  # one REQUEST per GEC of 2020
    seen = {}
    for _, data in inbox.messages:
        uid, seq, method = lint(*parse(data))
        assert (seq, method) == (0, "REQUEST")
        seen[uid] = seq
    # the feeds' UID with « .convocation »: never the feed's own (see test_convocation)
    assert "gec-monthly.gec.20200610.convocation@ptfcal.ptf-mali" in seen
    # a rerun sends nothing
    result = invite(config, url)
    assert "Rien à envoyer" in result.out and len(inbox.messages) == 11
    # one GEC moved: exactly one update, SEQUENCE + 1, to the same people
    run_ptfcal("move", "gec-monthly@2020-09", "--to", "2020-09-16", "--config", str(config))
    invite(config, url)
    assert len(inbox.messages) == 12
    msg, part, cal = parse(inbox.messages[-1][1])
    uid, seq, method = lint(msg, part, cal)
    assert (uid, seq, method) == ("gec-monthly.gec.20200909.convocation@ptfcal.ptf-mali", 1,
                                  "REQUEST")
    assert cal.vevent.dtstart.value.date().isoformat() == "2020-09-16"
    assert msg["Subject"].startswith("Mise à jour : Réunion mensuelle du GEC")
    # one GEC cancelled: exactly one CANCEL
    run_ptfcal("cancel", "gec-monthly@2020-10", "--config", str(config))
    invite(config, url)
    assert len(inbox.messages) == 13
    uid, seq, method = lint(*parse(inbox.messages[-1][1]))
    assert (uid, seq, method) == ("gec-monthly.gec.20201014.convocation@ptfcal.ptf-mali", 1,
                                  "CANCEL")
    invite(config, url)
    assert len(inbox.messages) == 13
    # a person taken off the register: one CANCEL per meeting still ahead of them, to them only
    text = (config / "people.yaml").read_text(encoding="utf-8")
    start = text.index('  - name: "Moussa Exemple"\n    institution: banque-mondiale\n')
    end = text.index("  - name:", start + 5)
    (config / "people.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    invite(config, url)
    cancels = inbox.messages[13:]
    assert len(cancels) == 10  # the 11 GECs but the cancelled one
    for rcpt, data in cancels:
        assert rcpt == ["moussa.banque-mondiale.deputy@example.org"]
        assert lint(*parse(data))[2] == "CANCEL"


def test_a_batch_the_server_interrupts_is_resumed_without_duplicates(
        smtp, config_copy: Path) -> None:
    inbox, url = smtp
    config = config_with_people(config_copy)
    inbox.fail_after = 4
    result = invite(config, url, code=3)
    assert "le serveur a échoué après l'envoi de 4 messages" in result.err
    assert len(inbox.messages) == 4
    inbox.fail_after = None
    invite(config, url)
    assert len(inbox.messages) == 11
    uids = [lint(*parse(data))[0] for _, data in inbox.messages]
    assert len(set(uids)) == 11  # each GEC once


def test_an_unreachable_server_sends_nothing_and_marks_nothing(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    port = free_port()
    result = invite(config, f"smtp://127.0.0.1:{port}", code=3)
    assert f"serveur 127.0.0.1:{port} injoignable" in result.err
    assert not (config / ".ptfcal-outbox" / "outbox.json").exists()
    bad = invite(config, "smtp://user:secret@127.0.0.1:25", code=2)
    assert "PTFCAL_SMTP_PASSWORD" in bad.err


def test_dry_run_writes_eml_files_outlook_opens(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    result = run_ptfcal("invite", "2020", "--type", "gec-monthly", "--dry-run", "--organizer",
                        ORGANIZER, "--provisional", "--config", str(config))
    assert result.code == 0, result.err
    drafts = sorted((config / ".ptfcal-outbox" / "drafts").glob("*.eml"))
    assert len(drafts) == 11
    assert drafts[0].name.startswith("2020-01-08-gec-monthly-request-0-")
    lint(*parse(drafts[0].read_bytes()))
    assert not (config / ".ptfcal-outbox" / "outbox.json").exists()  # nothing marked sent


def test_due_and_a_typo_fix_that_sends_nothing(smtp, config_copy: Path) -> None:
    inbox, url = smtp
    config = config_with_people(config_copy)
    invite(config, url, "--due", "21d", "--as-of", "2020-06-01")
    assert len(inbox.messages) == 1  # the June GEC, recorded on the 17th
    msg, part, cal = parse(inbox.messages[0][1])
    assert cal.vevent.uid.value == "gec-monthly.gec.20200610.convocation@ptfcal.ptf-mali"
    assert cal.vevent.dtstart.value.date().isoformat() == "2020-06-17"
    # a note about it is not a material change: nothing is sent again
    run_ptfcal("record", "gec-monthly@2020-06", "--note", "Ordre du jour corrigé",
               "--config", str(config))
    result = invite(config, url, "--due", "21d", "--as-of", "2020-06-01")
    assert "Rien à envoyer" in result.out and len(inbox.messages) == 1


def test_reinvited_after_a_cancel_and_moved_outside_the_window(smtp, config_copy: Path) -> None:
    inbox, url = smtp
    config = config_with_people(config_copy)
    invite(config, url, "--due", "10d", "--as-of", "2020-01-01")  # the January GEC only
    assert len(inbox.messages) == 1
    original = (config / "people.yaml").read_text(encoding="utf-8")
    start = original.index('  - name: "Moussa Exemple"\n')
    end = original.index("  - name:", start + 5)
    (config / "people.yaml").write_text(original[:start] + original[end:], encoding="utf-8")
    invite(config, url, "--due", "10d", "--as-of", "2020-01-01")
    cancel = lint(*parse(inbox.messages[-1][1]))
    (config / "people.yaml").write_text(original, encoding="utf-8")
    invite(config, url, "--due", "10d", "--as-of", "2020-01-01")
    again = lint(*parse(inbox.messages[-1][1]))
    assert cancel[2] == "CANCEL" and again[2] == "REQUEST" and again[1] > cancel[1]
    # moved to a day outside the window: its update is due all the same
    run_ptfcal("move", "gec-monthly@2020-01", "--to", "2020-01-22", "--config", str(config))
    before = len(inbox.messages)
    invite(config, url, "--due", "10d", "--as-of", "2020-01-01")
    assert len(inbox.messages) == before + 1
    assert parse(inbox.messages[-1][1])[2].vevent.dtstart.value.date().isoformat() == \
        "2020-01-22"


def test_bad_outboxes_and_organizers_are_refused(config_copy: Path, tmp_path: Path) -> None:
    config = config_with_people(config_copy)
    base = ["invite", "2020", "--type", "gec-monthly", "--dry-run", "--provisional", "--config",
            str(config)]
    bad = run_ptfcal(*base, "--organizer", "pas une adresse")
    assert bad.code == 2 and "--organizer 'pas une adresse' : attendu une adresse" in bad.err
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o755)
    link = tmp_path / "outbox-link"
    link.symlink_to(target)
    refused = run_ptfcal(*base, "--organizer", ORGANIZER, "--outbox", str(link))
    assert refused.code == 2 and "est un lien" in refused.err
    assert oct(target.stat().st_mode & 0o777) == "0o755" and not list(target.iterdir())
    outbox = tmp_path / "ob"
    outbox.mkdir()
    (outbox / "outbox.json").write_text('{"version": 1, "events": {"x": {"sequence": 0}}}',
                                        encoding="utf-8")
    damaged = run_ptfcal(*base, "--organizer", ORGANIZER, "--outbox", str(outbox))
    assert damaged.code == 2 and "abîmé" in damaged.err


def test_drafts_are_byte_identical_from_run_to_run(config_copy: Path, tmp_path: Path) -> None:
    config = config_with_people(config_copy)
    runs = []
    for name in ("a", "b"):
        result = run_ptfcal("invite", "2020", "--type", "gec-monthly", "--dry-run",
                            "--provisional", "--organizer", ORGANIZER, "--outbox",
                            str(tmp_path / name),
                            "--config", str(config), env={"SOURCE_DATE_EPOCH": "1600000000"})
        assert result.code == 0, result.err
        runs.append({p.name: p.read_bytes()
                     for p in sorted((tmp_path / name / "drafts").iterdir())})
    assert runs[0] == runs[1]
