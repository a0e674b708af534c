"""The convocation itself (issue 22): who convenes, the formal letter, what changed and why,
agreement with the subscription feeds, drafts Outlook opens to send, and invite's account of
what it did. Messages go through a real SMTP server on loopback (aiosmtpd) and are read back
with the standard library's email package and icalendar."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import icalendar
import pytest

from tests.conftest import run_ptfcal
from tests.test_french import _ids, problems
from tests.test_invite import ORGANIZER, config_with_people, smtp  # noqa: F401 (fixture)


def invite(config: Path, url: str | None, *args: str, year: str = "2027", code: int = 0):
    how = ("--send", "--smtp", url) if url else ("--dry-run",)
    result = run_ptfcal("invite", year, *how, "--organizer", ORGANIZER, "--config",
                        str(config), *args)
    assert result.code == code, (result.code, result.out, result.err)
    return result


def read(data: bytes):
    """(message, its plain text, its VEVENT, its calendar's METHOD)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    plain = next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_content()
    part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    cal = icalendar.Calendar.from_ical(part.get_content())
    assert part.get_param("method") == str(cal["METHOD"])
    (event,) = cal.walk("VEVENT")
    return msg, plain, event, str(cal["METHOD"])


def french(plain: str) -> str:
    """The French letter (the English one follows the separator, for English readers)."""
    return plain.split("-" * 40)[0]


def test_a_commission_mixte_is_announced_for_the_ministry_never_requested(
        smtp, config_copy: Path) -> None:  # noqa: F811
    inbox, url = smtp
    config = config_with_people(config_copy)
    invite(config, url, "--type", "commission-mixte-session", "--provisional")
    assert len(inbox.messages) == 3  # March, July, November
    msg, plain, event, method = read(inbox.messages[0][1])
    assert method == "PUBLISH"  # information, not the SEG's meeting request
    assert "ORGANIZER" not in event and "ATTENDEE" not in event
    assert str(event["STATUS"]) == "TENTATIVE"  # a rule date nobody confirmed
    assert str(event["X-MICROSOFT-DISALLOW-COUNTER"]) == "TRUE"
    # the delegation has English readers: the English subject follows the French one
    assert msg["Subject"] == ("Pour information (date provisoire) : Session de la Commission "
                              "Mixte Mali-PTF — jeudi 18 mars 2027 / For information "
                              "(provisional date): Mali-PTF Joint Commission session — "
                              "Thursday 18 March 2027")
    text = french(plain)
    assert ("Le Ministère de l'Economie et des Finances convoque la réunion suivante. Le "
            "Secrétariat exécutif du GEC vous la transmet pour information") in text
    assert "Date : jeudi 18 mars 2027, de 09:00 à 13:00 (heure de Bamako, GMT)" in text
    assert "Aucune réponse n'est attendue" in text
    assert "Ordre du jour : à suivre." in text  # nothing recorded for it yet
    # English below for the English readers of the register
    assert "The Ministry of Economy and Finance convenes the following meeting." in plain
    assert "Date: Thursday 18 March 2027, 09:00 to 13:00 (Bamako time, GMT)" in plain
    # called off by the ministry: announced as cancelled, still no request of the SEG's
    cancelled = run_ptfcal("cancel", "commission-mixte-session@2027-03", "--reason",
                           "report décidé par le Gouvernement", "--config", str(config))
    assert cancelled.code == 0, cancelled.err
    invite(config, url, "--type", "commission-mixte-session")
    assert len(inbox.messages) == 4
    msg, plain, event, method = read(inbox.messages[3][1])
    assert (method, str(event["STATUS"]), int(event["SEQUENCE"])) == ("PUBLISH", "CANCELLED", 1)
    assert "ORGANIZER" not in event
    assert msg["Subject"].split(" / ")[0] == (
        "Pour information, annulation : Session de la Commission Mixte Mali-PTF — jeudi 18 mars "
        "2027")
    assert ("Le Ministère de l'Economie et des Finances a annulé la réunion suivante."
            in plain)
    assert ("La réunion du jeudi 18 mars 2027 est annulée : report décidé par le "
            "Gouvernement.") in plain
    assert "a l'honneur de vous inviter" not in text
    assert problems(text, _ids()) == []


def test_a_gec_with_its_place_is_convened_formally_then_moved_then_cancelled(
        smtp, config_copy: Path) -> None:  # noqa: F811
    inbox, url = smtp
    config = config_with_people(config_copy)
    recorded = run_ptfcal("record", "gec-monthly@2027-02", "--location",
                          "Salle de conférence de la Banque mondiale, ACI 2000",
                          "--config", str(config))
    assert recorded.code == 0, recorded.err
    # its ordre du jour, recorded with the meeting verbs; an action of the last GEC to follow
    for args in (("agenda", "gec-monthly@2027-02", "add",
                  "Revue annuelle du CREDD : préparation", "--by", "banque-mondiale", "--doc",
                  "https://example.org/note-credd.pdf"),
                 ("agenda", "gec-monthly@2027-02", "add", "Divers"),
                 ("action", "gec-monthly@2026-12", "Transmettre la note au MEF", "--owner",
                  "banque-mondiale", "--due", "2027-03-31")):
        done = run_ptfcal(*args, "--config", str(config))
        assert done.code == 0, (args, done.err)
    # without --provisional only the February GEC, now recorded, goes out
    first = invite(config, url, "--type", "gec-monthly")
    assert len(inbox.messages) == 1
    msg, plain, event, method = read(inbox.messages[0][1])
    assert method == "REQUEST" and str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]).lower() == f"mailto:{ORGANIZER}"
    assert msg["Subject"] == ("Convocation : Réunion mensuelle du GEC — mercredi 10 février 2027"
                              " / Invitation: GEC monthly meeting — Wednesday 10 February 2027")
    text = french(plain)
    for line in ("Le Secrétariat exécutif du GEC a l'honneur de vous inviter à la réunion "
                 "suivante :",
                 "Instance : Groupe Exécutif de Coopération",
                 "Date : mercredi 10 février 2027, de 09:00 à 12:00 (heure de Bamako, GMT)",
                 "Lieu : Salle de conférence de la Banque mondiale, ACI 2000",
                 "Ordre du jour :\n— Suivi des recommandations de la réunion précédente (1 "
                 "action en suivi)\n1. Revue annuelle du CREDD : préparation (présenté par la "
                 "Banque mondiale)\n   Document : https://example.org/note-credd.pdf\n2. Divers",
                 f"votre réponse parvient au secrétariat, {ORGANIZER}."):
        assert line in text, line
    assert "Présidence : " in text and "Secrétariat : " in text
    assert problems(text, _ids()) == []  # no internal id, no English word
    assert "Bilan : 1 message envoyé ; aucun brouillon écrit ; 10 réunions pour plus tard" \
        in first.out
    assert "10 réunions à date provisoire (--provisional" in first.out
    # moved, with its reason: the update says from what to what, and why
    moved = run_ptfcal("move", "gec-monthly@2027-02", "--to", "2027-02-17", "--reason",
                       "visite ministérielle", "--config", str(config))
    assert moved.code == 0, moved.err
    invite(config, url, "--type", "gec-monthly")
    assert len(inbox.messages) == 2
    msg, plain, event, method = read(inbox.messages[1][1])
    assert (method, int(event["SEQUENCE"])) == ("REQUEST", 1)
    assert msg["Subject"].split(" / ")[0] == ("Mise à jour : Réunion mensuelle du GEC — "
                                              "mercredi 17 février 2027")
    assert ("La réunion est reportée du mercredi 10 au mercredi 17 février 2027 : visite "
            "ministérielle.") in french(plain)
    assert "Date : mercredi 17 février 2027" in french(plain)
    # cancelled, with its reason
    cancelled = run_ptfcal("cancel", "gec-monthly@2027-02", "--reason", "Report sine die",
                           "--config", str(config))
    assert cancelled.code == 0, cancelled.err
    invite(config, url, "--type", "gec-monthly")
    msg, plain, event, method = read(inbox.messages[-1][1])
    assert (method, str(event["STATUS"])) == ("CANCEL", "CANCELLED")
    assert msg["Subject"] == ("Annulation : Réunion mensuelle du GEC — mercredi 17 février 2027"
                              " / Cancelled: GEC monthly meeting — Wednesday 17 February 2027")
    assert "La réunion du mercredi 17 février 2027 est annulée : Report sine die." in plain
    # exactly once still: a rerun sends nothing
    count = len(inbox.messages)
    again = invite(config, url, "--type", "gec-monthly")
    assert len(inbox.messages) == count and "Rien à envoyer" in again.out


def test_an_extraordinary_gec_names_who_called_it(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    added = run_ptfcal("add", "gec-extraordinary", "--on", "2027-03-03", "--convened-by",
                       "troika", "--config", str(config))
    assert added.code == 0, added.err
    invite(config, None, "--type", "gec-extraordinary")
    (draft,) = (config / ".ptfcal-outbox" / "drafts").glob("*.eml")
    msg, plain, event, method = read(draft.read_bytes())
    assert method == "REQUEST" and str(event["STATUS"]) == "CONFIRMED"  # recorded: firm
    assert msg["Subject"].split(" / ")[0] == (
        "Convocation : Réunion extraordinaire du GEC — mercredi 3 mars 2027")
    assert "Convoquée par : la Troïka" in french(plain)


def test_the_invitation_never_contradicts_the_feed(smtp, config_copy: Path,  # noqa: F811
                                                   tmp_path: Path) -> None:
    inbox, url = smtp
    config = config_with_people(config_copy)
    run_ptfcal("record", "gec-monthly@2027-02", "--location", "SEG", "--config", str(config))
    invite(config, url, "--type", "gec-monthly", "--provisional", "--due", "45d", "--as-of",
           "2027-01-01")
    out = tmp_path / "site"
    generated = run_ptfcal("generate", "2027", "--out", str(out), "--config", str(config))
    assert generated.code == 0, generated.err
    feed = icalendar.Calendar.from_ical((out / "feeds" / "gec.ics").read_bytes())
    in_feed = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    sent = {}
    for _, data in inbox.messages:
        _, _, event, _ = read(data)
        sent[str(event["UID"])] = event
    assert sorted(sent) == ["gec-monthly.gec.20270113.convocation@ptfcal.ptf-mali",
                            "gec-monthly.gec.20270210.convocation@ptfcal.ptf-mali"]
    for uid, event in sent.items():
        assert uid not in in_feed  # its own UID: no SEQUENCE of the feed's to contradict
        published = in_feed[uid.replace(".convocation@", "@")]
        assert str(event["STATUS"]) == str(published["STATUS"])  # what the feed says
    assert str(sent["gec-monthly.gec.20270113.convocation@ptfcal.ptf-mali"]["STATUS"]) == \
        "TENTATIVE"
    assert str(sent["gec-monthly.gec.20270210.convocation@ptfcal.ptf-mali"]["STATUS"]) == \
        "CONFIRMED"
    # January's date confirmed: one update, no longer provisional, says so
    run_ptfcal("confirm", "gec-monthly@2027-01", "--config", str(config))
    invite(config, url, "--type", "gec-monthly", "--due", "45d", "--as-of", "2027-01-01")
    msg, plain, event, _ = read(inbox.messages[-1][1])
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CONFIRMED", 1)
    assert "La date est désormais confirmée." in plain
    assert msg["Subject"].startswith("Mise à jour : Réunion mensuelle du GEC")


def test_drafts_open_as_messages_to_send(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    result = invite(config, None, "--type", "gec-monthly", "--provisional")
    drafts = sorted((config / ".ptfcal-outbox" / "drafts").glob("*.eml"))
    assert len(drafts) == 11
    for path in drafts:
        data = path.read_bytes()
        assert data.startswith(b"X-Unsent: 1\r\n")
        msg, _, _, method = read(data)
        assert msg["X-Unsent"] == "1" and method == "REQUEST"
    assert "Bilan : aucun message envoyé ; 11 brouillons .eml écrits ; aucune réunion pour " \
        "plus tard" in result.out


@pytest.mark.parametrize("as_of", ["2027-08-01"])
def test_due_with_nothing_in_the_window_says_so(config_copy: Path, as_of: str) -> None:
    config = config_with_people(config_copy)
    result = invite(config, None, "--type", "gec-monthly", "--due", "21d", "--as-of", as_of)
    assert ("Aucune réunion à convoquer entre le dimanche 1er août 2027 et le dimanche 22 août "
            "2027 (Réunion mensuelle du GEC).") in result.out
    assert "chacun a déjà reçu" not in result.out
    assert "11 réunions pour plus tard" in result.out and "hors de la fenêtre --due" in \
        result.out


def _gec(day: str):
    """The bundled GEC of that month, moved to `day` (hours and place as given below)."""
    from dataclasses import replace
    from datetime import date

    from tests.conftest import bundled_model, bundled_schedule

    wanted = date.fromisoformat(day)
    e = next(e for e in bundled_schedule(wanted.year).events
             if e.meeting_type == "gec-monthly" and e.nominal.month == wanted.month)
    shift = wanted - e.day
    return bundled_model(), replace(e, day=wanted, last_day=wanted, start=e.start + shift,
                                    end=e.end + shift)


@pytest.mark.parametrize(("before", "after", "said"), [
    ("2027-02-10", "2027-02-17",
     "La réunion est reportée du mercredi 10 au mercredi 17 février 2027."),
    ("2027-03-31", "2027-03-24",
     "La réunion est avancée du mercredi 31 au mercredi 24 mars 2027."),
    ("2027-01-27", "2027-02-03",
     "La réunion est reportée du mercredi 27 janvier au mercredi 3 février 2027."),
    ("2026-12-30", "2027-01-06",
     "La réunion est reportée du mercredi 30 décembre 2026 au mercredi 6 janvier 2027."),
])
def test_an_update_says_from_which_day_to_which(before: str, after: str, said: str) -> None:
    from dataclasses import replace

    from ptfcal.convene.invite import fingerprint
    from ptfcal.convene.letter import Announced, compose

    model, was = _gec(before)
    _, now = _gec(after)
    now = replace(now, note=None)
    letter = compose(model, now, cancel=False, before=Announced.of(fingerprint(was)),
                     provisional=False, announced_by=None, mailbox=ORGANIZER,
                     signature="SEG", english=False)
    assert said in letter.plain
    # nobody reads English: the subject is French only
    assert letter.subject.startswith("Mise à jour : Réunion mensuelle du GEC — ")
    assert " / " not in letter.subject


def test_an_update_says_new_hours_and_place_and_a_confirmed_date() -> None:
    from dataclasses import replace
    from datetime import timedelta

    from ptfcal.convene.invite import fingerprint
    from ptfcal.convene.letter import Announced, compose

    model, was = _gec("2027-02-10")
    now = replace(was, start=was.start + timedelta(hours=1), end=was.end + timedelta(hours=1),
                  location="Primature, salle B", note=None)
    letter = compose(model, now, cancel=False,
                     before=Announced.of(fingerprint(was, tentative=True)), provisional=False,
                     announced_by=None, mailbox=ORGANIZER, signature="SEG", english=True)
    assert letter.subject == ("Mise à jour : Réunion mensuelle du GEC — mercredi 10 février 2027"
                              " / Update: GEC monthly meeting — Wednesday 10 February 2027")
    html = letter.html
    assert html.startswith('<!DOCTYPE html><html lang="fr"><body><div><p>(version anglaise')
    french_part, english_part = html.split('</div><hr><div lang="en">')
    assert "<p>La date est désormais confirmée.</p>" in french_part
    assert "<p>The date is now confirmed.</p>" in english_part
    assert english_part.endswith("</div></body></html>")
    for line in ("L'horaire change : 10:00–13:00 au lieu de 09:00–12:00.",
                 "Le lieu est précisé : Primature, salle B.",
                 "La date est désormais confirmée.",
                 "The hours change: 10:00–13:00 instead of 09:00–12:00.",
                 "The place is set: Primature, salle B.",
                 "The date is now confirmed."):
        assert line in letter.plain, line


def test_invite_says_why_it_could_not_convene_each_meeting(config_copy: Path) -> None:
    """The reason lists gives, not a generic one: the 2027 roles unrecorded for the
    coordinators' meeting, the texts naming nobody for the SEG's steering committee."""
    config = config_with_people(config_copy)
    run_ptfcal("add", "seg-copil-meeting", "--on", "2027-05-19", "--config", str(config))
    result = invite(config, None, "--type", "gt-coordinators-meeting", "--provisional")
    assert "Bilan : aucun message envoyé ; aucun brouillon écrit ; aucune réunion pour plus " \
        "tard ; 4 réunions sans convocation possible." in result.out
    assert ("  sans convocation possible : Réunion trimestrielle des Coordonnateurs des Groupes "
            "thématiques (mardi 9 mars 2027) — ses sièges dépendent des rôles 2027, non "
            "enregistrés") in result.out.splitlines()
    assert "aucun siège renseigné" not in result.out
    result = invite(config, None, "--type", "seg-copil-meeting", "--lang", "en")
    assert result.out.splitlines()[-1] == (
        "  could not be convened: SEG steering committee meeting (Wednesday 19 May 2027) — the "
        "texts do not say who sits at SEG steering committee meeting: nobody is convened")


def test_the_sender_name_is_the_secretariats_or_the_one_given(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    invite(config, None, "--type", "gec-monthly", "--provisional")
    first = sorted((config / ".ptfcal-outbox" / "drafts").glob("*.eml"))[0]
    msg, plain, event, _ = read(first.read_bytes())
    assert msg["From"] == f'"Secrétariat exécutif du GEC (SEG)" <{ORGANIZER}>'
    assert event["ORGANIZER"].params["CN"] == "Secrétariat exécutif du GEC (SEG)"
    # each letter signed in its language
    assert french(plain).rstrip().endswith("Secrétariat exécutif du GEC (SEG)")
    assert plain.rstrip().endswith("GEC Executive Secretariat (SEG)")
    other = config_copy.parent / "outbox-named"
    invite(config, None, "--type", "gec-monthly", "--provisional", "--outbox", str(other),
           "--organizer-name", "SEG — Cellule d'appui, Bamako")
    named = sorted((other / "drafts").glob("*.eml"))[0]
    msg, plain, event, _ = read(named.read_bytes())
    assert msg["From"] == f'"SEG — Cellule d\'appui, Bamako" <{ORGANIZER}>'
    assert event["ORGANIZER"].params["CN"] == "SEG — Cellule d'appui, Bamako"
    assert plain.rstrip().endswith("SEG — Cellule d'appui, Bamako")
    # a name that would add a header line, or none at all, is refused before anything
    for bad in ("SEG\r\nBcc: someone@example.org", "", "x" * 121):
        result = invite(config, None, "--organizer-name", bad, "--outbox",
                        str(config_copy.parent / "refused"), code=2)
        assert "--organizer-name" in result.err and "attendu un nom sur une ligne, de 1 à " \
            "120 caractères" in result.err and "Traceback" not in result.err
    assert not (config_copy.parent / "refused").exists()


def test_a_mistyped_type_or_body_is_refused_and_an_empty_choice_said(config_copy: Path) -> None:
    """A typo listed nothing and invite said « chacun a déjà reçu la dernière version »."""
    config = config_with_people(config_copy)
    result = invite(config, None, "--type", "gec-mensuel", code=2)
    assert result.err.splitlines()[-1].startswith(
        "erreur : --type gec-mensuel : ce n'est pas un type de réunion (vouliez-vous dire "
        "gec-monthly ?) ; types connus : annual-retreat, ")
    result = run_ptfcal("lists", "2027", "--body", "gecc", "--config", str(config))
    assert result.code == 2 and "--body gecc : ce n'est pas une instance (vouliez-vous dire " \
        "gec ?)" in result.err
    assert not (config / ".ptfcal-outbox").exists()
    # a real type with no meeting that year: said, not « chacun a déjà reçu »
    result = invite(config, None, "--type", "seg-copil-meeting")
    assert result.out.splitlines() == [
        "Aucune occurrence ne correspond.",
        "Bilan : aucun message envoyé ; aucun brouillon écrit ; aucune réunion pour plus "
        "tard ; aucune réunion sans convocation possible."]
