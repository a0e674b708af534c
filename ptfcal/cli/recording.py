"""Recording the year by command: move, cancel, confirm, add, record, holiday, roles, undo; and
finding what to name: events, list."""

import re
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    LangOption,
    app,
    boundary,
    language,
    parse_day,
    resolve_config,
    say_config,
)

DryRun = Annotated[bool, typer.Option(
    "--dry-run", help="N'écrit rien : montre la modification, ses conséquences sur les "
    "vérifications et sur la prochaine publication / write nothing, show the edit and its "
    "consequences.")]
Reason = Annotated[str | None, typer.Option(
    "--reason", help="Motif, repris dans la description de l'événement / the reason, shown in "
    "the event's description.", show_default=False)]
Ref = Annotated[str, typer.Argument(
    help="L'occurrence : TYPE[.INSTANCE]@AAAA-MM-JJ ou @AAAA-MM (voir « ptfcal events ») / "
    "the occurrence.", metavar="REF", show_default=False)]
Chair = Annotated[list[str] | None, typer.Option(
    "--chair", help="Qui a présidé (identifiant d'institution ou rôle), répétable / who "
    "chaired.", show_default=False)]
Secretariat = Annotated[list[str] | None, typer.Option(
    "--secretariat", help="Qui a assuré le secrétariat, répétable / who served.",
    show_default=False)]
Participants = Annotated[list[str] | None, typer.Option(
    "--participants", help="Qui a pris part (identifiants séparés par des virgules), "
    "répétable / who took part.", show_default=False)]
Attendance = Annotated[list[str] | None, typer.Option(
    "--attendance", help="Nombre de personnes d'une institution : fao=2, répétable / people "
    "per institution.", show_default=False, metavar="INSTITUTION=N")]
Location = Annotated[str | None, typer.Option("--location", help="Lieu / place.",
                                              show_default=False)]
Note = Annotated[str | None, typer.Option("--note", help="Remarque / remark.",
                                          show_default=False)]
AllowDayOff = Annotated[bool, typer.Option(
    "--allow-day-off", help="Accepte un week-end ou un jour férié comme date (refusé sans) / "
    "accept a weekend or a public holiday as the date.")]
TimeOption = Annotated[str | None, typer.Option(
    "--time", help="Horaire HH:MM-HH:MM (par défaut : celui du type) / time.",
    show_default=False)]


def _date(value: str, option: str) -> date:
    return parse_day(value, option)


def _key(value: str) -> None:
    """An event's key is an id, as the configuration's: kebab-case, and short."""
    from ..config.reader import ID_RE, MAX_ID

    if len(value) > MAX_ID or not ID_RE.match(value):
        raise typer.BadParameter(
            f"un identifiant de {MAX_ID} caractères au plus : minuscules, chiffres et « - » "
            f"(celui-ci en a {len(value)}) / an id of at most {MAX_ID} characters: lower-case "
            f"letters, digits and '-' (this one has {len(value)})", param_hint="--key")


def _slot(value: str | None):
    if value is None:
        return None
    from ..model import TimeSlot

    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", value)
    try:
        from datetime import time

        slot = TimeSlot(time(int(m[1]), int(m[2])), time(int(m[3]), int(m[4]))) if m else None
    except ValueError:
        slot = None
    if slot is None or slot.start >= slot.end:
        raise typer.BadParameter("un horaire comme 10:00-12:00 (fin après début) / a time such "
                                 "as 10:00-12:00", param_hint="--time")
    return slot


def _ids(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for value in values or () for v in value.split(",") if v.strip())


def _attendance(values: list[str] | None) -> tuple[tuple[str, int], ...]:
    out = []
    for value in values or ():
        m = re.fullmatch(r"\s*([a-z0-9-]+)\s*=\s*(\d{1,2})\s*", value)
        if not m:
            raise typer.BadParameter("INSTITUTION=N, par exemple fao=2 / e.g. fao=2",
                                     param_hint="--attendance")
        out.append((m[1], int(m[2])))
    return tuple(out)


def _facts(chair, secretariat, participants, attendance, location, note):
    from ..record.verbs import Facts

    return Facts(_ids(chair), _ids(secretariat), _ids(participants), _attendance(attendance),
                 location, note)


def _command() -> str:
    return " ".join(["ptfcal", *sys.argv[1:]])


def _load(folder: Path, overrides=None):
    from ..config import load

    return load(folder, overrides)


def _run(config: Path | None, lang, dry_run: bool, verb) -> None:
    """Resolve the configuration, apply `verb(editor, events_of)` and say what it did."""
    folder = resolve_config(config)
    with boundary(lang):
        from ..config.workdir import refuse_bundled
        from ..record import session
        from .render_record import say_nothing, say_outcome

        refuse_bundled(folder)  # before anything, even the lock file
        say_config(folder, language(lang, "fr"))

        try:
            outcome = session.apply(folder, verb, _command(), dry_run, _load)
        except session.Nothing as nothing:
            lang_ = language(lang, "fr")
            say_nothing(nothing.text, lang_)
            raise typer.Exit(EXIT_OK) from None
        say_outcome(outcome, language(lang, outcome.language), dry_run)


def _target(editor, ref: str):
    """Resolve a reference on the year it names (cancelled occurrences included)."""
    from ..calendar import scheduler, workdays
    from ..record import refs

    spec = refs.parse(ref, editor.model)
    calendar = workdays.build(editor.model.settings, editor.model.holidays, [spec.year])
    events = scheduler.schedule(editor.model, spec.year, calendar).events
    return refs.resolve(ref, editor.model, events)


@app.command()
def init(folder: Annotated[Path, typer.Argument(
             help="Dossier de travail à créer (par défaut : le dossier courant) ; la "
             "configuration va dans DOSSIER/config / the working folder.", metavar="[DIR]",
             show_default=False)] = Path("."),
         lang: LangOption = None) -> None:
    """Crée un dossier de travail : DOSSIER/config, copie de la configuration fournie, que les
    commandes lancées depuis DOSSIER utilisent (n'écrase rien). / Makes a working folder from
    the bundled configuration."""
    with boundary(lang):
        from .. import i18n
        from ..config.workdir import create

        made, count = create(folder)
        print(i18n.t("workdir.created", language(lang, "fr"), path=made, count=count,
                     parent=folder))


@app.command()
def move(ref: Ref,
         to: Annotated[str, typer.Option("--to", help="Nouvelle date AAAA-MM-JJ / new date.",
                                         show_default=False)],
         time: TimeOption = None, reason: Reason = None, allow_day_off: AllowDayOff = False,
         dry_run: DryRun = False, config: ConfigOption = None, lang: LangOption = None) -> None:
    """Déplace une occurrence (son UID ne change pas) ; sa date prévue annule le déplacement. /
    Moves an occurrence; its UID stays."""
    day, slot = _date(to, "--to"), _slot(time)
    from ..record import verbs

    def verb(ed):
        target = _target(ed, ref)
        # a day off is refused unless meant (where it already is, the time alone changes)
        given = [(f"--to {to}", day)] if day != target.event.day else []
        warnings = verbs.days_off(ed.model, given, allow_day_off)
        edit = verbs.move(ed, target, day, slot, reason)
        edit.warnings += warnings
        return edit

    _run(config, lang, dry_run, verb)


@app.command()
def cancel(ref: Ref, reason: Reason = None, dry_run: DryRun = False,
           config: ConfigOption = None, lang: LangOption = None) -> None:
    """Annule une occurrence : elle reste publiée, marquée annulée. / Cancels an occurrence."""
    from ..record import verbs

    _run(config, lang, dry_run, lambda ed: verbs.cancel(ed, _target(ed, ref), reason))


@app.command()
def confirm(ref: Ref, dry_run: DryRun = False, config: ConfigOption = None,
            lang: LangOption = None) -> None:
    """Confirme une occurrence prévue (ou rétablit une occurrence annulée). / Confirms a
    planned occurrence."""
    from ..record import verbs

    _run(config, lang, dry_run, lambda ed: verbs.confirm(ed, _target(ed, ref)))


@app.command()
def add(meeting_type: Annotated[str, typer.Argument(
            help="Type de réunion (voir « ptfcal list types ») / meeting type.",
            metavar="TYPE", show_default=False)],
        on: Annotated[str, typer.Option("--on", help="Date AAAA-MM-JJ / date.",
                                        show_default=False)],
        body: Annotated[str | None, typer.Option(
            "--body", help="Instance, si le type en a plusieurs / body.",
            show_default=False)] = None,
        time: TimeOption = None,
        days: Annotated[int | None, typer.Option("--days", min=1, max=31,
                                                 help="Nombre de jours / days.")] = None,
        title: Annotated[str | None, typer.Option("--title", help="Titre / title.",
                                                  show_default=False)] = None,
        key: Annotated[str | None, typer.Option(
            "--key", help="Nom stable de l'événement (par défaut : sa date) / stable name.",
            show_default=False)] = None,
        convened_by: Annotated[str | None, typer.Option(
            "--convened-by", help="Qui l'a convoqué / who convened it.",
            show_default=False)] = None,
        trigger: Annotated[str | None, typer.Option(
            "--trigger", help="Pour le GA : gec-request ou self-referral / for the AG.",
            show_default=False)] = None,
        chair: Chair = None, secretariat: Secretariat = None, participants: Participants = None,
        attendance: Attendance = None, location: Location = None, note: Note = None,
        allow_day_off: AllowDayOff = False, dry_run: DryRun = False,
        config: ConfigOption = None, lang: LangOption = None) -> None:
    """Ajoute un événement qu'aucune règle ne produit (GEC extraordinaire, Troïka…). / Adds
    an event no rule generates."""
    day, slot = _date(on, "--on"), _slot(time)
    facts = _facts(chair, secretariat, participants, attendance, location, note)
    if key is not None:
        _key(key)
    from ..record import verbs

    def verb(ed):
        if meeting_type not in ed.model.meeting_types:
            from ..errors import InputError
            from ..i18n import text

            raise InputError(text("ref.unknown-type", ref=meeting_type, type=meeting_type,
                                  known=", ".join(sorted(ed.model.meeting_types))))
        warnings = verbs.days_off(ed.model, [(f"--on {on}", day)], allow_day_off)
        edit = verbs.add(ed, meeting_type, body, day, slot, days, title, key, convened_by,
                         trigger, facts)
        edit.warnings += warnings
        return edit

    _run(config, lang, dry_run, verb)


@app.command()
def record(ref: Ref, chair: Chair = None, secretariat: Secretariat = None,
           participants: Participants = None, attendance: Attendance = None,
           location: Location = None, note: Note = None, dry_run: DryRun = False,
           config: ConfigOption = None, lang: LangOption = None) -> None:
    """Enregistre qui a présidé, servi, participé, et combien de personnes par institution. /
    Records who chaired, served and attended."""
    facts = _facts(chair, secretariat, participants, attendance, location, note)
    from ..record import verbs

    _run(config, lang, dry_run, lambda ed: verbs.record_facts(ed, _target(ed, ref), facts))


holiday = typer.Typer(help="Jours fériés annoncés et jours chômés / announced holidays and days "
                      "off.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(holiday, name="holiday")


class Islamic(StrEnum):
    EID_AL_FITR = "eid-al-fitr"
    EID_AL_ADHA = "eid-al-adha"
    MAWLID = "mawlid"
    MAWLID_BAPTISM = "mawlid-baptism"


@holiday.command("confirm")
def holiday_confirm(
        which: Annotated[Islamic, typer.Argument(help="La fête / the holiday.",
                                                 show_default=False)],
        year: Annotated[int, typer.Argument(min=1990, max=2200, help="Année / year.",
                                            show_default=False)],
        on: Annotated[str, typer.Option("--on", help="Date annoncée AAAA-MM-JJ / announced "
                                        "date.", show_default=False)],
        source: Annotated[str | None, typer.Option(
            "--source", help="Communiqué ou décret / communiqué or decree.",
            show_default=False)] = None,
        dry_run: DryRun = False, config: ConfigOption = None, lang: LangOption = None) -> None:
    """Enregistre la date officiellement annoncée d'une fête musulmane. / Records the announced
    date of an Islamic holiday."""
    day = _date(on, "--on")
    from ..record import verbs

    _run(config, lang, dry_run,
         lambda ed: verbs.holiday_confirm(ed, which.value, year, day, source))


@holiday.command("add")
def holiday_add(
        day: Annotated[str, typer.Argument(help="Le jour AAAA-MM-JJ / the day.",
                                           show_default=False, metavar="DATE")],
        name: Annotated[str, typer.Option("--name", help="Nom du jour chômé / its name.",
                                          show_default=False)],
        source: Annotated[str | None, typer.Option(
            "--source", help="Communiqué ou décret / communiqué or decree.",
            show_default=False)] = None,
        every_year: Annotated[bool, typer.Option(
            "--every-year", help="Chaque année à partir de celle-ci (journée légale) / every "
            "year from this one.")] = False,
        dry_run: DryRun = False, config: ConfigOption = None, lang: LangOption = None) -> None:
    """Enregistre un jour chômé décrété, ou une journée légale annuelle. / Records a day off."""
    on = _date(day, "DATE")
    from ..record import verbs

    _run(config, lang, dry_run, lambda ed: verbs.holiday_add(ed, on, name, source, every_year))


@app.command()
def roles(year: Annotated[int, typer.Argument(min=1990, max=2200, help="Année / year.",
                                              show_default=False)],
          chef_de_file: Annotated[str | None, typer.Option(
              "--chef-de-file", help="Chef de file des PTF / lead donor.",
              show_default=False)] = None,
          cdf_deputy: Annotated[str | None, typer.Option(
              "--cdf-deputy", help="Suppléant du Chef de file / deputy.",
              show_default=False)] = None,
          troika: Annotated[str | None, typer.Option(
              "--troika", help="Les membres de la Troïka, séparés par des virgules / the "
              "Troika.", show_default=False)] = None,
          un_coordinating_agency: Annotated[str | None, typer.Option(
              "--un-coordinating-agency", help="Agence coordinatrice du système des Nations "
              "Unies / UN coordinating agency.", show_default=False)] = None,
          tripartite: Annotated[list[str] | None, typer.Option(
              "--tripartite", help="Coordination tripartite d'un GT PTF : "
              "gt-ptf-1-economie=a,b,c, répétable / a GT PTF's tripartite.",
              show_default=False, metavar="GT=A,B,C")] = None,
          dry_run: DryRun = False, config: ConfigOption = None,
          lang: LangOption = None) -> None:
    """Enregistre les rôles d'une année : Chef de file, Troïka, coordinations tripartites. /
    Records a year's roles."""
    table = []
    for value in tripartite or ():
        gt, sep, members = value.partition("=")
        if not sep or not gt.strip() or not _ids([members]):
            raise typer.BadParameter("GT=A,B,C, par exemple gt-ptf-1-economie=fao,pnud,suisse",
                                     param_hint="--tripartite")
        table.append((gt.strip(), _ids([members])))
    from ..record import verbs

    given = verbs.Roles(chef_de_file, cdf_deputy, _ids([troika] if troika else []),
                        un_coordinating_agency, tuple(table))
    _run(config, lang, dry_run, lambda ed: verbs.roles(ed, year, given))


@app.command()
def undo(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Annule la dernière modification enregistrée par ptfcal (plusieurs niveaux). / Undoes the
    last recorded edit."""
    folder = resolve_config(config)
    with boundary(lang):
        from .. import i18n
        from ..config.workdir import refuse_bundled
        from ..record import session

        lang_ = language(lang, "fr")
        refuse_bundled(folder)
        say_config(folder, lang_)
        entry, restored = session.undo(folder)
        if entry is None:
            print(i18n.t("undo.empty", lang_))
            raise typer.Exit(EXIT_FINDINGS)
        key = "undo.done" if restored else "undo.dropped"
        print(i18n.t(key, lang_, what=entry.summary.get(lang_),
                     files=", ".join(sorted(entry.files))))


class ListWhat(StrEnum):
    TYPES = "types"
    BODIES = "bodies"
    INSTITUTIONS = "institutions"
    HOLIDAYS = "holidays"


class EventsFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@app.command()
def events(year: Annotated[int, typer.Argument(min=1990, max=2200, help="Année / year.",
                                               show_default=False)],
           meeting_type: Annotated[str | None, typer.Option(
               "--type", help="Seulement ce type / only this meeting type.",
               show_default=False)] = None,
           body: Annotated[str | None, typer.Option(
               "--body", help="Seulement cette instance / only this body.",
               show_default=False)] = None,
           fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="Format.",
                                                     case_sensitive=False)] = EventsFormat.TEXT,
           config: ConfigOption = None, lang: LangOption = None) -> None:
    """Les occurrences de l'année, chacune avec la référence qui la nomme. / The year's
    occurrences, each with the reference that names it."""
    folder = resolve_config(config)
    with boundary(lang):
        from ..config import load
        from ..record import listing
        from .render_record import events_json, events_table

        model = load(folder)
        lang_ = language(lang, model.settings.language)
        say_config(folder, lang_)
        rows = listing.occurrences(model, year, meeting_type, body)
        if fmt is EventsFormat.JSON:
            print(events_json(rows, year), end="")
        else:
            from .app import console

            out = console()
            out.print(events_table(rows, year, lang_, out.width))


@app.command("list")
def list_ids(what: Annotated[ListWhat, typer.Argument(help="types, bodies, institutions ou "
                                                      "holidays.", show_default=False)],
             year: Annotated[int | None, typer.Argument(
                 min=1990, max=2200, help="Année (institutions et instances de cette année ; "
                 "jours fériés) / year.", show_default=False)] = None,
             config: ConfigOption = None, lang: LangOption = None) -> None:
    """Les identifiants à utiliser dans les commandes, avec leur nom. / The ids to use, with
    their names."""
    folder = resolve_config(config)
    with boundary(lang):
        from ..config import load
        from ..record import listing
        from .app import console, today
        from .render_record import ids_table

        model = load(folder)
        lang_ = language(lang, model.settings.language)
        say_config(folder, lang_)
        year_ = year or today(model.settings.timezone, None).year
        rows = listing.ids(model, what.value, year_)
        out = console()
        out.print(ids_table(rows, what.value, year_, lang_, out.width))
