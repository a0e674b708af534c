"""Convening: the register of people (`people check`) and the distribution lists (`lists`)."""

import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..convene.names import OUTBOX_FOLDER
from .app import (
    EXIT_BAD_INPUT,
    ConfigOption,
    LangOption,
    app,
    boundary,
    language,
    resolve_config,
    say_config,
)

PeopleOption = Annotated[Path | None, typer.Option(
    "--people", help="Le registre des personnes (par défaut people.yaml dans la configuration ; "
    "jamais publié) / the register of people.", show_default=False)]

YearArgument = Annotated[int, typer.Argument(min=1990, max=2200, help="Année / year.",
                                             show_default=False)]
TypeOption = Annotated[str | None, typer.Option("--type", help="Type de réunion / meeting "
                                                "type.", show_default=False)]
BodyOption = Annotated[str | None, typer.Option("--body", help="Instance / body.",
                                                show_default=False)]

people = typer.Typer(help="Le registre des personnes convoquées / the register of people.",
                     no_args_is_help=True)
app.add_typer(people, name="people")


class ListFormat(StrEnum):
    TEXT = "text"
    CSV = "csv"
    JSON = "json"
    TO_CC = "to-cc"
    VCF = "vcf"
    OUTLOOK = "outlook"


def _meetings(model, year: int, meeting_type: str | None, body: str | None,
              cancelled: bool) -> list:
    """The year's meetings of the type and body asked for (cancelled ones too if asked); a
    type or body the configuration does not have is refused (a typo would list nothing)."""
    import difflib

    from ..calendar import scheduler, workdays
    from ..errors import InputError
    from ..i18n import text
    from ..model import EventKind, Status

    for option, value, known in (("--type", meeting_type, model.meeting_types),
                                 ("--body", body, model.bodies)):
        if value is not None and value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
            raise InputError(text("lst.unknown-type" if option == "--type"
                                  else "lst.unknown-body", value=value,
                                  hint=text("lst.did-you-mean", ident=close[0]) if close
                                  else text("lst.no-hint"),
                                  known=", ".join(sorted(known))))

    calendar = workdays.build(model.settings, model.holidays, [year])
    return [e for e in scheduler.schedule(model, year, calendar).events
            if e.kind is EventKind.MEETING and (cancelled or e.status is not Status.CANCELLED)
            and (meeting_type is None or meeting_type in e.types)
            and (body is None or body in e.bodies)]


def _private(path: Path, folder: Path | None = None) -> None:
    """Refuse to read or write personal data in a published folder (or under one): anything
    there may be served or copied to a web server. `folder`: the folder concerned, when `path`
    is a file in it."""
    from ..errors import InputError
    from ..i18n import text
    from ..publish.output import publication_around
    from ..publish.tracking import STATE_FILE

    published = publication_around(path if folder is None else folder)
    if published is not None:
        raise InputError(text("ppl.published", path=path, folder=published, state=STATE_FILE))


def _register(folder: Path, given: Path | None, model, lang: str):
    from ..convene import register
    from ..i18n import t

    path = given or register.default_path(folder)
    _private(path, path.parent)
    if not path.is_file():
        print(t("error.line", lang, message=t("ppl.missing", lang, path=path)), file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT)
    return path, register.load(path, model)


@people.command("check")
def people_check(people_file: PeopleOption = None, config: ConfigOption = None,
                 lang: LangOption = None) -> None:
    """Vérifie le registre des personnes : chaque erreur localisée ; rien n'est envoyé. /
    Checks the register of people."""
    folder = resolve_config(config)
    with boundary(lang):
        from .. import i18n
        from ..config import load
        from ..convene.lists import SEAT_NAMES

        lang_ = language(lang, "fr")
        say_config(folder, lang_)
        model = load(folder)
        path, found = _register(folder, people_file, model, lang_)
        from ..convene.register import shared_addresses

        for problem in shared_addresses(found):
            print(problem.render(lang_), file=sys.stderr)
        seats = Counter(p.seat for p in found)
        listed = ", ".join(f"{SEAT_NAMES[s].get(lang_)} {n}" for s, n in sorted(seats.items()))
        print(i18n.t("ppl.summary", lang_, path=path.name,
                     count=i18n.count(len(found), "person", lang_), seats=listed))


@app.command("lists")
def lists(
    year: YearArgument,
    meeting_type: TypeOption = None,
    body: BodyOption = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="text, csv (Excel), json, "
                                            "to-cc (lignes À/Cc à coller dans Outlook), vcf "
                                            "(vCard) ou outlook (contacts Outlook) / format.",
                                            case_sensitive=False)] = ListFormat.TEXT,
    output: Annotated[Path | None, typer.Option("--output", help="Écrit la liste dans ce "
                                                "fichier ; pour vcf, un nom sans .vcf est un "
                                                "dossier : une fiche par personne (Outlook) / "
                                                "write to this file; for vcf, a name without "
                                                ".vcf is a folder: one card per person.")] = None,
    people_file: PeopleOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Les listes de distribution : qui est convoqué à chaque réunion, et pourquoi. /
    Distribution lists: who is convened to each meeting, and why."""
    folder = resolve_config(config)
    with boundary(lang):
        from .. import i18n
        from ..config import load
        from ..convene import lists as lst

        lang_ = language(lang, "fr")
        say_config(folder, lang_)
        if output is not None:
            _private(output, output if output.is_dir() else output.parent)
        model = load(folder)
        _, found = _register(folder, people_file, model, lang_)
        events = _meetings(model, year, meeting_type, body, cancelled=False)
        if not events:
            print(i18n.t("lst.none", lang_))
            return
        rows = lst.build(model, events, found)
        if fmt is ListFormat.TEXT:
            _say(model, events, rows, lang_)
            return
        nobody = lst.unconvened(model, events, rows)
        if fmt is ListFormat.VCF and output is not None and (
                output.is_dir() or output.suffix.lower() != ".vcf"):
            # a folder (not a .vcf file): one card a file, as Outlook imports them
            _cards(lst.vcard_files(model, rows, lang_), output, lang_)
            _say_unconvened(nobody, lang_)
            return
        if fmt is ListFormat.JSON:
            data = lst.as_json(model, events, rows)
        elif fmt is ListFormat.TO_CC:
            data = lst.as_to_cc(model, events, rows, lang_)
        else:
            data = {ListFormat.CSV: lst.as_csv, ListFormat.VCF: lst.as_vcard,
                    ListFormat.OUTLOOK: lst.as_outlook}[fmt](model, rows, lang_)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            _say_unconvened(nobody, lang_)
            return
        from ..publish.output import MAX_OWN, write_own_file

        # a CSV, a JSON, a card file: the ledger of written files says which file is ours
        write_own_file(output, data, None, MAX_OWN, "out.not-ours", remember=True)
        print(i18n.t("lst.written", lang_, count=i18n.count(len(rows), "recipient-row", lang_),
                     path=output), file=sys.stderr)
        _say_unconvened(nobody, lang_)


def _say_unconvened(nobody, lang: str) -> None:
    """The occurrences nobody is convened to, on stderr (stdout holds the list itself)."""
    from .. import i18n

    if not nobody:
        return
    print(i18n.t("lst.unconvened", lang, count=i18n.count(len(nobody), "meeting", lang)),
          file=sys.stderr)
    for e, why in nobody:
        print("  " + i18n.t("seat.unconvened", lang, day=i18n.format_day(e.day, lang),
                            what=e.title.get(lang), why=why.get(lang)), file=sys.stderr)


def _cards(files, folder: Path, lang: str) -> None:
    """One vCard per person in `folder` (made if missing): Outlook imports one card a file. A
    file there is replaced only when it is a card ptfcal wrote."""
    from .. import i18n
    from ..errors import InputError
    from ..publish.output import MAX_OWN, write_own_file

    if folder.exists() and not folder.is_dir():  # « --output notes.txt », a file already
        raise InputError(i18n.text("lst.not-a-folder", path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(i18n.text("lst.no-folder", path=folder,
                                   why=exc.strerror or str(exc))) from None
    for name, _ in files:
        path = folder / name
        if path.is_symlink() or (path.exists() and (
                not path.is_file() or not _is_card(_head(path)))):
            raise InputError(i18n.text("lst.not-ours", path=path))
    for name, card in files:  # each checked again as it is written (never through a link)
        write_own_file(folder / name, card, _is_card, MAX_OWN, "out.not-ours")
    print(i18n.t("lst.cards", lang, count=i18n.count(len(files), "vcard", lang), path=folder),
          file=sys.stderr)


def _is_card(data: bytes) -> bool:
    """A card ptfcal wrote: its PRODID among its first 200 bytes."""
    from ..convene.lists import PRODID

    return PRODID.encode() in data[:200]


def _head(path: Path) -> bytes:
    """A file's first 200 bytes (where a card ptfcal wrote has its PRODID), whatever its
    size."""
    with path.open("rb") as f:
        return f.read(200)


def _say(model, events, rows, lang: str) -> None:
    from .. import i18n
    from ..convene.lists import MISSING, REQUIRED, place, seat_label, unconvened

    nobody = dict((e.uid, why) for e, why in unconvened(model, events, rows))
    by_uid: dict[str, list] = {}
    for r in rows:
        by_uid.setdefault(r.event.uid, []).append(r)
    colon = " :" if lang == "fr" else ":"
    for e in events:
        print(f"{i18n.format_day(e.day, lang)} — {e.title.get(lang)}")
        for r in by_uid.get(e.uid, []):
            who = r.person.name if r.person else MISSING[lang]
            mail = f" <{r.person.email}>" if r.person else ""
            mark = "" if r.role == REQUIRED else " " + i18n.t("lst.optional", lang)
            # an empty seat says why (the seat, its body, the roles not recorded)
            why = "" if r.person or r.institution else f" ({r.why.get(lang)})"
            print(f"  {place(model, r, lang)} — {seat_label(model, r, lang)}{mark}{colon} "
                  f"{who}{mail}{why}")
        if e.uid in nobody:
            print("  " + i18n.t("lst.nobody", lang, why=nobody[e.uid].get(lang)))


def _seconds(value: float) -> float:
    if value != value:  # nan passes every range check
        raise typer.BadParameter("un nombre de secondes / a number of seconds")
    return value


@app.command("invite")
def invite(
    year: YearArgument,
    meeting_type: TypeOption = None,
    body: BodyOption = None,
    due: Annotated[str | None, typer.Option(
        "--due", help="Seulement les réunions des N prochains jours, par exemple 21d / only "
        "the meetings of the next N days.", show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Le jour pris pour aujourd'hui (AAAA-MM-JJ) / the day taken as "
        "today.", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Écrit les messages en fichiers .eml (à ouvrir dans Outlook) ; "
        "n'envoie rien / write .eml files, send nothing.")] = False,
    send_: Annotated[bool, typer.Option("--send", help="Envoie par le serveur SMTP / send "
                                        "through the SMTP server.")] = False,
    provisional: Annotated[bool, typer.Option(
        "--provisional", help="Convoque aussi aux dates encore provisoires (STATUS:TENTATIVE, "
        "« date provisoire » dans l'objet) / also convene to dates still provisional.")
    ] = False,
    smtp: Annotated[str | None, typer.Option(
        "--smtp", help="Le serveur : smtp://hôte:port, smtp+starttls://utilisateur@hôte:587, "
        "smtps://… (sinon PTFCAL_SMTP_URL ; mot de passe : PTFCAL_SMTP_PASSWORD)",
        show_default=False)] = None,
    organizer: Annotated[str | None, typer.Option(
        "--organizer", help="La boîte du secrétariat, expéditeur et ORGANIZER (sinon "
        "PTFCAL_ORGANIZER) / the secretariat's mailbox.", show_default=False)] = None,
    organizer_name: Annotated[str | None, typer.Option(
        "--organizer-name", help="Le nom de l'expéditeur et la signature (sinon "
        "PTFCAL_ORGANIZER_NAME ; par défaut « Secrétariat exécutif du GEC (SEG) ») / the "
        "sender's name.", show_default=False)] = None,
    token_command: Annotated[str | None, typer.Option(
        "--smtp-token-command", help="Une commande qui affiche un jeton d'accès OAuth 2.0 : "
        "connexion AUTH XOAUTH2 (sinon PTFCAL_SMTP_TOKEN_COMMAND) / a command printing an "
        "OAuth access token.", show_default=False)] = None,
    message_seconds: Annotated[float, typer.Option(
        "--message-seconds", min=1, max=86400, callback=_seconds,
        help="Délai par message (et pour la connexion) / deadline per message.")] = 120.0,
    run_seconds: Annotated[float, typer.Option(
        "--run-seconds", min=1, max=86400, callback=_seconds,
        help="Délai pour l'envoi entier / deadline for the whole run.")] = 1800.0,
    outbox_dir: Annotated[Path | None, typer.Option(
        "--outbox", help="Le dossier du journal d'envoi (par défaut .ptfcal-outbox dans la "
        "configuration) / the outbox folder.", show_default=False)] = None,
    people_file: PeopleOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Envoie les convocations (invitations Outlook) une seule fois : une mise à jour quand une
    réunion change, une annulation quand elle est annulée. / Sends the invitations once."""
    import os
    import re
    from datetime import timedelta

    folder = resolve_config(config)
    with boundary(lang):
        from .. import i18n
        from ..config import load
        from ..convene import invite as inv
        from ..convene import lists as lst
        from ..convene import smtp as smtp_
        from ..errors import InputError
        from ..model import Status
        from .app import today as today_of

        lang_ = language(lang, "fr")
        if not dry_run and not send_:
            dry_run = True
        mailbox = organizer or os.environ.get("PTFCAL_ORGANIZER")
        if not mailbox:
            raise InputError(i18n.text("inv.no-organizer"))
        from ..convene.register import EMAIL

        if not EMAIL.match(mailbox) or mailbox != mailbox.strip():
            raise InputError(i18n.text("inv.organizer", value=repr(mailbox)))
        sender = inv.sender_name(organizer_name if organizer_name is not None
                                 else os.environ.get("PTFCAL_ORGANIZER_NAME") or None)
        server = None
        if send_:
            url = smtp or os.environ.get("PTFCAL_SMTP_URL")
            if not url:
                raise InputError(i18n.text("inv.no-smtp"))
            server = smtp_.Server.parse(url)
        if outbox_dir is None:
            from ..config.workdir import refuse_bundled

            refuse_bundled(folder)  # its outbox would be written inside the package
        say_config(folder, lang_)
        place = outbox_dir or folder / OUTBOX_FOLDER
        _private(place)
        model = load(folder)
        _, found = _register(folder, people_file, model, lang_)
        # cancelled meetings too: those invited get their CANCEL
        events = _meetings(model, year, meeting_type, body, cancelled=True)
        if not events:  # not « chacun a déjà reçu la dernière version »: nobody was due
            print(i18n.t("lst.none", lang_))
            _summary(lang_, 0, 0, [], [], [])
            return
        if due is not None:
            days = re.fullmatch(r"(\d{1,3})d?", due.strip())
            if not days:
                raise InputError(i18n.text("inv.bad-due", value=due))
            today = today_of(model.settings.timezone, as_of)
            limit = today + timedelta(days=int(days[1]))
        with inv.lock(place):
            outbox = inv.Outbox.open(place)
            outside: list = []
            if due is not None:
                # what is due, and every meeting already invited (its update or cancel is due
                # whatever its date)
                invited = set(outbox.state["events"])
                inside = [e for e in events if today <= e.day <= limit or e.uid in invited]
                kept = {e.uid for e in inside}
                outside = [e for e in events if e.uid not in kept
                           and e.status is not Status.CANCELLED]
                events = inside
                if not events:
                    print(i18n.t("conv.none-due", lang_, first=i18n.format_day(today, lang_),
                                 last=i18n.format_day(limit, lang_),
                                 types=model.meeting_types[meeting_type].name.get(lang_)
                                 if meeting_type in model.meeting_types
                                 else i18n.t("conv.every-type", lang_)))
                    _summary(lang_, 0, 0, [], outside, [])
                    return
            rows = lst.build(model, events, found)
            from .app import now as clock

            now = clock()  # DTSTAMP and Date: (SOURCE_DATE_EPOCH when set)
            due_plan = inv.plan(outbox, model, events, rows, mailbox, sender, now,
                                provisional)
            messages = due_plan.messages
            if not messages:
                # « chacun a déjà reçu la dernière version » only when that is why
                print(i18n.t("conv.nothing" if due_plan.later or due_plan.nobody
                             else "inv.nothing", lang_))
                _summary(lang_, 0, 0, due_plan.later, outside, due_plan.nobody)
                return
            print(i18n.t("inv.due", lang_, count=i18n.count(len(messages), "message", lang_)))
            for m in messages:
                kind = i18n.t({"REQUEST": "inv.request", "CANCEL": "inv.cancel"}[m.method]
                              if m.itip != "PUBLISH" else "inv.publish", lang_)
                print("  " + i18n.t("inv.line", lang_, kind=kind, sequence=m.sequence,
                                    subject=m.subject, count=i18n.count(
                                        len(m.recipients), "person", lang_)))
            if dry_run:
                paths = inv.write_drafts(place, messages)
                print(i18n.t("inv.drafts", lang_,
                             count=i18n.count(len(paths), "draft", lang_),
                             path=place / "drafts"))
                _summary(lang_, 0, len(paths), due_plan.later, outside, due_plan.nobody)
                return
            assert server is not None
            outbox.ready()  # before anything is sent
            done, refused = smtp_.send(
                messages, server, mailbox, _credentials(server, token_command),
                lambda m, accepted: inv.record(outbox, m, accepted, now),
                message_seconds=message_seconds, run_seconds=run_seconds)
            print(i18n.t("inv.sent", lang_,
                         count=i18n.count(len(done), "message-sent", lang_),
                         path=place / inv.OUTBOX_FILE))
            _summary(lang_, len(done), 0, due_plan.later, outside, due_plan.nobody)
            if refused:
                print(i18n.t("inv.refused", lang_, who=", ".join(refused)), file=sys.stderr)
                raise typer.Exit(1)


def _summary(lang: str, sent: int, drafted: int, later: list, outside: list,
             nobody: list) -> None:
    """invite's last words: what it sent, drafted, left for later and could not convene, and
    why for each."""
    from .. import i18n

    print(i18n.t("conv.summary", lang, sent=i18n.count(sent, "message-sent", lang),
                 drafted=i18n.count(drafted, "draft", lang),
                 later=i18n.count(len(later) + len(outside), "meeting", lang),
                 unconvened=i18n.count(len(nobody), "meeting", lang)))
    if later:
        which = ", ".join(f"{e.title.get(lang)} ({i18n.format_day(e.day, lang)})"
                          for e in later)
        print(i18n.t("conv.later-provisional", lang,
                     count=i18n.count(len(later), "meeting", lang), which=which))
    if outside:
        print(i18n.t("conv.later-window", lang,
                     count=i18n.count(len(outside), "meeting", lang)))
    for e, why in nobody:  # the reason lists gives (roles not recorded, seats empty…)
        print(i18n.t("conv.unconvened", lang, what=f"{e.title.get(lang)} "
                     f"({i18n.format_day(e.day, lang)})", why=why.get(lang)))


def _credentials(server, token_command: str | None):
    """How to log in as the URL's user: a token from the token command, else a token from
    `ptfcal login microsoft`'s cache when it holds that user, else PTFCAL_SMTP_PASSWORD."""
    import os

    from .. import i18n
    from ..convene import microsoft, oauth
    from ..convene.smtp import Login
    from ..errors import InputError

    command = token_command or os.environ.get("PTFCAL_SMTP_TOKEN_COMMAND")
    if command and not server.user:
        raise InputError(i18n.text("inv.token-user"))
    if not server.user:
        return Login()
    if command:
        return Login(token=oauth.token_from_command(command))
    if microsoft.has_account(server.user):
        return Login(token=microsoft.token(server.user))
    return Login(password=os.environ.get("PTFCAL_SMTP_PASSWORD"))


login_app = typer.Typer(help="Connexion OAuth 2.0 pour l'envoi des convocations / OAuth 2.0 "
                        "sign-in for sending invitations.", no_args_is_help=True)
app.add_typer(login_app, name="login")


@login_app.command("microsoft")
def login_microsoft(
    client_id: Annotated[str | None, typer.Option(
        "--client-id", help="L'identifiant de l'application enregistrée dans Microsoft Entra "
        "(sinon PTFCAL_MS_CLIENT_ID) / the app registration's client id.",
        show_default=False)] = None,
    tenant: Annotated[str | None, typer.Option(
        "--tenant", help="Le locataire : son identifiant ou son domaine, ou organizations "
        "(sinon PTFCAL_MS_TENANT) / the tenant.", show_default=False)] = None,
    lang: LangOption = None,
) -> None:
    """Connecte un compte Microsoft 365 une fois (code à saisir dans un navigateur) ; invite
    --send s'en sert ensuite. / Signs a Microsoft 365 account in once (device code)."""
    import os
    from urllib.parse import quote

    with boundary(lang):
        from .. import i18n
        from ..convene import microsoft
        from ..errors import InputError

        lang_ = language(lang, "fr")
        client = client_id or os.environ.get("PTFCAL_MS_CLIENT_ID")
        where = tenant or os.environ.get("PTFCAL_MS_TENANT")
        if not client or not where:
            raise InputError(i18n.text("ms.no-client"))

        def show(url: str, code: str, minutes: int) -> None:
            print(i18n.t("ms.device", lang_, url=url, code=code, minutes=minutes), flush=True)

        user = microsoft.login(client.strip(), where.strip(), show)
        print(i18n.t("ms.done", lang_, user=user, path=microsoft.cache_path(),
                     quoted=quote(user, safe="")))
