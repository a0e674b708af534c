"""Holding the meeting: agenda, attendance, decision, action, actions (issue 21). Thin: parse,
call ptfcal.meet, render; the verbs go through the recording machinery (cli.recording._run)."""

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import (
    ConfigOption,
    LangOption,
    app,
    boundary,
    language,
    parse_day,
    resolve_config,
    say_config,
    today,
)
from .recording import DryRun, Ref, _ids, _run, _target

Item = Annotated[int | None, typer.Option(
    "--item", min=1, max=200, help="Numéro du point de l'ordre du jour / agenda item number.",
    show_default=False)]


class AgendaFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class ActionsFormat(StrEnum):
    TEXT = "text"
    CSV = "csv"
    JSON = "json"


def _present(values: list[str] | None) -> tuple[tuple[str, int], ...]:
    """`a,b,c` (one person each) or `france=2`, repeatable."""
    out = []
    for value in _ids(values):
        name, sep, count = value.partition("=")
        if sep and not (count.strip().isdigit() and 0 < int(count) <= 99):
            raise typer.BadParameter("INSTITUTION ou INSTITUTION=N (1 à 99), par exemple "
                                     "france=2 / e.g. france=2", param_hint="--present")
        out.append((name.strip(), int(count) if sep else 1))
    return tuple(out)


def _meeting(model, ref: str):
    """The occurrence named and its year's meetings' follow-up."""
    from ..calendar import scheduler, workdays
    from ..meet import followup
    from ..record import refs

    spec = refs.parse(ref, model)
    calendar = workdays.build(model.settings, model.holidays, [spec.year])
    events = scheduler.schedule(model, spec.year, calendar).events
    target = refs.resolve(ref, model, events)
    return (followup.meeting_of(model, target.event, events),
            followup.Followup.of(model, scheduled={spec.year: events}))


@app.command()
def agenda(ref: Ref,
           words: Annotated[list[str] | None, typer.Argument(
               help="add TITRE | remove N : ajoute ou retire un point (sans : montre l'ordre "
               "du jour) / add TITLE | remove N.", metavar="[add TITLE | remove N]",
               show_default=False)] = None,
           by: Annotated[str | None, typer.Option(
               "--by", help="Institution qui présente le point / presenting institution.",
               show_default=False)] = None,
           doc: Annotated[list[str] | None, typer.Option(
               "--doc", help="Lien vers un document du point, répétable / a document link.",
               show_default=False)] = None,
           fmt: Annotated[AgendaFormat, typer.Option("--format", "-f", help="Format.",
                                                     case_sensitive=False)] = AgendaFormat.TEXT,
           dry_run: DryRun = False, config: ConfigOption = None, lang: LangOption = None) -> None:
    """L'ordre du jour d'une réunion, « Suivi des recommandations » en tête ; add/remove le
    modifient. / A meeting's agenda, the follow-up first; add/remove edit it."""
    words = words or []
    if words:
        _agenda_edit(ref, words, by, tuple(doc or ()), dry_run, config, lang)
        return
    folder = resolve_config(config)
    with boundary(lang):
        from ..config import load
        from ..meet import render

        model = load(folder)
        lang_ = language(lang, model.settings.language)
        say_config(folder, lang_)
        meeting, book = _meeting(model, ref)
        carried, previous = book.carried_to(meeting.event), book.previous(meeting.event)
        if fmt is AgendaFormat.JSON:
            print(render.agenda_json(meeting, carried, previous), end="")
        else:
            print(render.agenda_text(model, meeting, carried, previous, lang_), end="")


def _agenda_edit(ref, words, by, docs, dry_run, config, lang) -> None:
    from ..meet import verbs

    verb, rest = words[0], words[1:]
    if verb == "add" and len(rest) == 1 and rest[0].strip():
        title = rest[0].strip()
        for link in docs:
            if not link.startswith(("http://", "https://")) or any(c.isspace() for c in link):
                raise typer.BadParameter("une adresse http(s) / an http(s) URL",
                                         param_hint="--doc")
        _run(config, lang, dry_run, lambda ed: verbs.agenda_add(ed, _target(ed, ref), title,
                                                               by, docs))
    elif verb == "remove" and len(rest) == 1 and rest[0].isdigit():
        n = int(rest[0])
        _run(config, lang, dry_run, lambda ed: verbs.agenda_remove(ed, _target(ed, ref), n))
    else:
        raise typer.BadParameter("add TITRE ou remove N / add TITLE or remove N",
                                 param_hint="[add TITLE | remove N]")


@app.command()
def attendance(ref: Ref,
               present: Annotated[list[str] | None, typer.Option(
                   "--present", help="Institutions présentes : a,b,c ou france=2 (personnes), "
                   "répétable / present institutions.", show_default=False,
                   metavar="INST[=N],…")] = None,
               excused: Annotated[list[str] | None, typer.Option(
                   "--excused", help="Institutions excusées : a,b / excused.",
                   show_default=False)] = None,
               absent: Annotated[list[str] | None, typer.Option(
                   "--absent", help="Institutions absentes : a,b / absent.",
                   show_default=False)] = None,
               dry_run: DryRun = False, config: ConfigOption = None,
               lang: LangOption = None) -> None:
    """Enregistre les institutions présentes (et combien de personnes), excusées, absentes ;
    s'ajoute à ce qui est enregistré. / Records who was present, excused, absent."""
    from ..meet import verbs

    given = verbs.Presence(_present(present), _ids(excused), _ids(absent))
    _run(config, lang, dry_run, lambda ed: verbs.attendance(ed, _target(ed, ref), given))


@app.command()
def decision(ref: Ref,
             words: Annotated[list[str], typer.Argument(
                 help="La décision, ou remove N pour retirer la décision n° N / the decision, "
                 "or remove N.", metavar="TEXT | remove N", show_default=False)],
             item: Item = None, dry_run: DryRun = False, config: ConfigOption = None,
             lang: LangOption = None) -> None:
    """Enregistre une décision de la réunion (remove N la retire). / Records a decision of the
    meeting (remove N removes one)."""
    from ..meet import verbs

    if len(words) == 2 and words[0] == "remove" and words[1].isdigit() and item is None:
        n = int(words[1])
        _run(config, lang, dry_run, lambda ed: verbs.decision_remove(ed, _target(ed, ref), n))
        return
    what = words[0].strip() if len(words) == 1 else ""
    if not what:
        raise typer.BadParameter("un texte, ou remove N / a text, or remove N",
                                 param_hint="TEXT")
    _run(config, lang, dry_run, lambda ed: verbs.decision(ed, _target(ed, ref), what, item))


@app.command()
def action(first: Annotated[str, typer.Argument(
               help="RÉF (une nouvelle action), done / drop (la clore), reopen (la rouvrir) ou "
               "edit (la corriger) / REF, or done, drop, reopen, edit.",
               metavar="REF|done|drop|reopen|edit", show_default=False)],
           second: Annotated[str, typer.Argument(
               help="Le texte de l'action, ou son identifiant A-AAAA-NNN / the action's text, "
               "or its id.", metavar="TEXT|ID", show_default=False)],
           owner: Annotated[str | None, typer.Option(
               "--owner", help="Institution responsable / owner.", show_default=False)] = None,
           due: Annotated[str | None, typer.Option(
               "--due", help="Échéance AAAA-MM-JJ / deadline.", show_default=False)] = None,
           item: Item = None,
           on: Annotated[str | None, typer.Option(
               "--on", help="Jour où l'action a été réalisée ou abandonnée (par défaut : "
               "aujourd'hui à Bamako) / the day it was closed.", show_default=False)] = None,
           note: Annotated[str | None, typer.Option("--note", help="Remarque / remark.",
                                                    show_default=False)] = None,
           new_text: Annotated[str | None, typer.Option(
               "--text", help="Avec edit : le texte corrigé de l'action / with edit: the "
               "corrected text.", show_default=False)] = None,
           dry_run: DryRun = False, config: ConfigOption = None, lang: LangOption = None) -> None:
    """Enregistre une action (identifiant A-AAAA-NNN donné), la clôt (action done ID), la
    rouvre (action reopen ID) ou la corrige (action edit ID --due …). / Records an action (its
    id printed), closes, reopens or corrects one."""
    from ..meet import verbs
    from ..meeting import ActionStatus

    given = {"--owner": owner, "--due": due, "--item": item, "--on": on, "--note": note,
             "--text": new_text}
    allowed = {"done": ("--on", "--note"), "drop": ("--on", "--note"), "reopen": ("--note",),
               "edit": ("--owner", "--due", "--item", "--text")}.get(
        first, ("--owner", "--due", "--item"))
    for option, value in given.items():
        if value is not None and option not in allowed:  # said, not silently ignored
            raise typer.BadParameter(f"sans objet ici ; ici : {', '.join(allowed)} / not used "
                                     f"here; here: {', '.join(allowed)}", param_hint=option)
    if first == "reopen":
        _run(config, lang, dry_run,
             lambda ed: verbs.reopen(ed, second, note.strip() if note else None))
        return
    if first == "edit":
        change = verbs.Change(
            text=new_text.strip() if new_text is not None else None, owner=owner,
            due=parse_day(due, "--due") if due is not None else None, item=item)
        if change.text == "":
            raise typer.BadParameter("un texte / a text", param_hint="--text")
        _run(config, lang, dry_run, lambda ed: verbs.edit_action(ed, second, change))
        return
    if first in ("done", "drop"):
        status = ActionStatus.DONE if first == "done" else ActionStatus.DROPPED
        day = parse_day(on, "--on") if on is not None else None

        def close(ed):
            when = day or today(ed.model.settings.timezone, None)
            return verbs.close(ed, second, status, when, note.strip() if note else None)

        _run(config, lang, dry_run, close)
        return
    if owner is None:
        raise typer.BadParameter("l'institution responsable de l'action / the action's owner",
                                 param_hint="--owner")
    what = second.strip()
    if not what:
        raise typer.BadParameter("un texte / a text", param_hint="TEXT")
    deadline = parse_day(due, "--due") if due is not None else None
    _run(config, lang, dry_run,
         lambda ed: verbs.action(ed, _target(ed, first), what, owner, deadline, item))


@app.command()
def actions(body: Annotated[str | None, typer.Option(
                "--body", help="Seulement les réunions de cette instance / only this body's.",
                show_default=False)] = None,
            owner: Annotated[str | None, typer.Option(
                "--owner", help="Seulement cette institution / only this owner.",
                show_default=False)] = None,
            still_open: Annotated[bool, typer.Option(
                "--open", help="Seulement les actions ouvertes (à la date --as-of si donnée) / "
                "only open actions.")] = False,
            overdue: Annotated[bool, typer.Option(
                "--overdue", help="Seulement celles dont l'échéance est passée (à --as-of, par "
                "défaut aujourd'hui) / only overdue ones.")] = False,
            as_of: Annotated[str | None, typer.Option(
                "--as-of", help="Date AAAA-MM-JJ du jour (par défaut : aujourd'hui à Bamako) / "
                "today's date.", show_default=False)] = None,
            year: Annotated[int | None, typer.Option(
                "--year", min=1990, max=2200, help="Seulement les actions des réunions de "
                "cette année / only that year's meetings.", show_default=False)] = None,
            fmt: Annotated[ActionsFormat, typer.Option(
                "--format", "-f", help="text, csv (Excel) ou json / format.",
                case_sensitive=False)] = ActionsFormat.TEXT,
            output: Annotated[Path | None, typer.Option(
                "--output", help="Écrit le tableau dans ce fichier / write to this file.",
                show_default=False)] = None,
            config: ConfigOption = None, lang: LangOption = None) -> None:
    """Le tableau de suivi des actions, toutes réunions confondues. / The follow-up matrix of
    the actions, across meetings."""
    folder = resolve_config(config)
    with boundary(lang):
        from .. import i18n
        from ..config import load
        from ..meet import followup, render, verbs

        model = load(folder)
        lang_ = language(lang, model.settings.language)
        say_config(folder, lang_)
        if body is not None and body not in model.bodies:
            from ..errors import InputError

            raise InputError(i18n.text("cli.not-body", option="--body", value=body,
                                       known=", ".join(sorted(model.bodies))))
        if owner is not None:
            verbs.institution(model, owner, "--owner")
        day: date | None = None
        if as_of is not None or overdue:
            day = today(model.settings.timezone, as_of)
        book = followup.Followup.of(model)
        found = book.actions(body=body, owner=owner, year=year,
                             open_on=day if still_open and day else None,
                             still_open=still_open and day is None,
                             overdue_on=day if overdue else None)
        if fmt is ActionsFormat.TEXT:
            data = render.actions_text(model, found, lang_, day).encode("utf-8")
        elif fmt is ActionsFormat.CSV:
            data = render.actions_csv(model, found, lang_, day)
        else:
            data = render.actions_json(found, day).encode("utf-8")
        if output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        from ..publish.output import MAX_OWN, write_own_file

        # no seal fits a CSV or a plain list: the ledger of written files says which is ours
        write_own_file(output, data, None, MAX_OWN, "out.not-ours", remember=True)
        print(i18n.t("mt.written", lang_, count=len(found), path=output), file=sys.stderr)
