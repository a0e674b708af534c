"""Documents drafted for the secretariat: the compte rendu of a meeting (`minutes`)."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import ConfigOption, LangOption, app, boundary, language, resolve_config, say_config


class MinutesFormat(StrEnum):
    DOCX = "docx"
    HTML = "html"
    MD = "md"


def _format(value: MinutesFormat | None, output: Path | None):
    """The format asked, else the one --output's extension names, else Markdown."""
    from ..meet.minutes import Format

    if value is not None:
        return Format(value.value)
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    return {"docx": Format.DOCX, "html": Format.HTML, "htm": Format.HTML}.get(suffix, Format.MD)


@app.command("minutes")
def minutes(
    ref: Annotated[str, typer.Argument(
        help="La réunion : TYPE[.INSTANCE]@AAAA-MM-JJ ou @AAAA-MM, par exemple "
        "gec-monthly@2027-03 (voir « ptfcal events ») / the meeting.", metavar="REF",
        show_default=False)],
    fmt: Annotated[MinutesFormat | None, typer.Option(
        "--format", "-f", help="docx (Word), html ou md (par défaut : selon l'extension de "
        "--output, sinon md) / format.", show_default=False, case_sensitive=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Écrit le compte rendu dans ce fichier (jamais par-dessus un "
        "fichier que ptfcal n'a pas écrit) / write to this file.", show_default=False)] = None,
    names: Annotated[bool, typer.Option(
        "--names", help="Ajoute les noms des personnes convoquées, tirés du registre privé ; "
        "jamais dans un dossier publié ni de configuration / add people's names from the "
        "private register.")] = False,
    people_file: Annotated[Path | None, typer.Option(
        "--people", help="Le registre des personnes, avec --names (par défaut people.yaml dans "
        "la configuration) / the register of people.", show_default=False)] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Le projet de compte rendu d'une réunion, à compléter dans Word : instance, date, lieu,
    présence, ordre du jour, décisions, actions et leur suivi. / Draft minutes of a meeting."""
    folder = resolve_config(config)
    with boundary(lang):
        from ..errors import InputError
        from ..i18n import t, text
        from ..meet import minutes as mn
        from ..word import available

        lang_ = language(lang, "fr")
        kind = _format(fmt, output)
        if kind is mn.Format.DOCX:
            if not available():
                raise InputError(text("min.no-docx"))
            if output is None:
                raise InputError(text("min.needs-output"))
        if names and output is not None:
            from ..convene.private import refuse_names_at

            refuse_names_at(output, folder)
        say_config(folder, lang_)
        model, event, name = _meeting(folder, ref)
        people = _names(folder, people_file, model, event, lang_) if names else None
        document = mn.build(model, event, name, lang_, follow_up=_follow_up(model, event),
                            names=people)
        data = mn.render(document, kind)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        from ..publish.output import MAX_OWN, write_own_file

        write_own_file(output, data, mn.ours, MAX_OWN, "min.not-ours")
        print(t("min.written", lang_, path=output), file=sys.stderr)


def _meeting(folder: Path, ref: str):
    """The model, the occurrence REF names, and its shortest reference."""
    from ..calendar import scheduler, workdays
    from ..config import load
    from ..errors import InputError
    from ..i18n import text
    from ..model import EventKind
    from ..record import refs

    model = load(folder)
    spec = refs.parse(ref, model)
    calendar = workdays.build(model.settings, model.holidays, [spec.year])
    events = scheduler.schedule(model, spec.year, calendar).events
    target = refs.resolve(ref, model, events)
    if target.event.kind is not EventKind.MEETING:
        raise InputError(text("min.not-meeting", ref=ref, what=target.event.title))
    siblings = refs.candidates(spec, events, model)
    return model, target.event, refs.name(target, model, siblings)


def _follow_up(model, event) -> list:
    """The actions to review at `event` (meet/followup.py's « Suivi des recommandations »):
    those of its body's earlier meetings still open on its day or closed since the previous
    one, each with the day of the meeting that gave it."""
    from ..meet.followup import Followup
    from ..meet.minutes import FollowUp

    return [FollowUp(t.action, t.meeting.day) for t in Followup.of(model).carried_to(event)]


def _names(folder: Path, given: Path | None, model, event, lang: str) -> dict[str, list[str]]:
    """Institution -> the names of the people convened for it, from the private register
    (refused in a published folder, as `lists` does)."""
    from ..convene import lists
    from .convening import _register

    _, people = _register(folder, given, model, lang)
    found: dict[str, list[str]] = {}
    for row in lists.recipients(model, event, people):
        if row.person is not None and row.institution:
            names = found.setdefault(row.institution, [])
            if row.person.name not in names:
                names.append(row.person.name)
    return found
