"""Planning the year: plan (a solver's proposal, written only with --write) and circular (the
Ministry's harmonised calendar of reviews, recorded through the recording verbs)."""

import math
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
    resolve_config,
    say_config,
)
from .recording import AllowDayOff, DryRun, _command, _load


class PlanFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def _pins(values: list[str] | None) -> tuple[tuple[str, date], ...]:
    from ..errors import InputError
    from ..i18n import text
    from ..model import schedulable

    out = []
    for value in values or ():
        ref, sep, day = value.rpartition("=")
        try:
            if not sep or not ref:
                raise ValueError
            pinned = date.fromisoformat(day.strip())
            if not schedulable(pinned):
                raise ValueError
            out.append((ref.strip(), pinned))
        except ValueError:
            raise InputError(text("plan.pin-syntax", value=value)) from None
    return tuple(out)


def _finite(value: float) -> float:
    """--effort nan passes click's range (no comparison with nan is true): refused here."""
    if not math.isfinite(value):
        raise typer.BadParameter("attendu un nombre entre 0,05 et 1000 / a number from 0.05 "
                                 "to 1000")
    return value


def _solver_present() -> bool:
    from importlib.util import find_spec

    try:
        return find_spec("ortools.sat.python.cp_model") is not None
    except ModuleNotFoundError:
        return False


@app.command()
def plan(
    year: Annotated[int, typer.Argument(min=1990, max=2200, help="Année / year.",
                                        show_default=False)],
    pin: Annotated[list[str] | None, typer.Option(
        "--pin", help="Fixe une occurrence à une date, RÉF=AAAA-MM-JJ, répétable ; le plan "
        "déplace alors le moins possible d'autres réunions / pin an occurrence (repair).",
        show_default=False, metavar="REF=DATE")] = None,
    free: Annotated[list[str] | None, typer.Option(
        "--free", help="Permet de déplacer aussi ce type (par exemple gec-monthly), "
        "répétable / let this type move too.", show_default=False, metavar="TYPE")] = None,
    write: Annotated[bool, typer.Option(
        "--write", help="Enregistre la proposition dans years/ANNÉE.yaml (ptfcal undo la "
        "retire) / record the proposal.")] = False,
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", help="Format / format.",
                                            case_sensitive=False)] = PlanFormat.TEXT,
    output: Annotated[Path | None, typer.Option(
        "--output", help="Écrit la proposition dans ce fichier / write the proposal to this "
        "file.")] = None,
    effort: Annotated[float, typer.Option(
        "--effort", min=0.05, max=1000.0, callback=_finite, help="Travail accordé au "
        "solveur, en unités déterministes d'OR-Tools (même résultat à chaque exécution) / "
        "the solver's deterministic work limit.")] = 0.5,
    allow_day_off: AllowDayOff = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Propose les dates de l'année : les réunions déplaçables placées pour respecter chaque
    règle ; n'écrit rien sans --write. / Propose the year's dates with a constraint solver."""
    folder = resolve_config(config)
    with boundary(lang):
        from ..errors import InputError
        from ..i18n import text

        if write:
            from ..config.workdir import refuse_bundled

            refuse_bundled(folder)  # before the solver's work, which could not be recorded
        say_config(folder, language(lang, "fr"))
        if not _solver_present():
            raise InputError(text("plan.missing"))
        from ..plan.proposal import Request, propose
        from .render_plan import proposal_lines

        request = Request(year, tuple(free or ()), _pins(pin), effort, allow_day_off)
        proposal = propose(folder, _load, request)
        lang_ = language(lang, "fr")
        written = False
        if write and proposal.files and proposal.status in ("optimal", "feasible") \
                and not proposal.introduced:
            _record(folder, proposal)
            written = True
        if fmt is PlanFormat.JSON:
            import json

            data = json.dumps(proposal.document(), ensure_ascii=False, indent=2) + "\n"
        else:
            data = "".join(line + "\n" for line in proposal_lines(proposal, lang_, written,
                                                                   write))
        if output is not None:  # the format asked, text by default
            from ..publish.output import MAX_OWN, write_own_file

            # no seal in a proposal: the ledger of written files says which file is ours
            write_own_file(output, data.encode("utf-8"), None, MAX_OWN, "out.not-ours",
                           remember=True)
            print(text("plan.written-json", path=output).get(lang_), file=sys.stderr)
        else:
            sys.stdout.write(data)
        if proposal.status not in ("optimal", "feasible"):
            raise typer.Exit(EXIT_FINDINGS)
        if proposal.introduced:
            raise typer.Exit(EXIT_FINDINGS)  # the checker still faults the proposal
        raise typer.Exit(EXIT_OK)


def _record(folder: Path, proposal) -> None:
    """Write the proposal's files through the recording journal (undo takes it back), if the
    configuration has not changed since it was computed."""
    from ..errors import InputError
    from ..i18n import text
    from ..plan.proposal import fingerprint
    from ..record import session
    from ..record.verbs import Edit

    def verb(ed):
        if fingerprint(folder) != proposal.fingerprint:  # (under the folder's lock)
            raise InputError(text("plan.changed"))
        for rel, base in proposal.bases.items():
            doc = ed.year_doc(proposal.year) if rel == f"years/{proposal.year}.yaml" \
                else ed.doc(rel)
            now = None if rel in ed.created else doc.original
            if now != base:
                raise InputError(text("plan.changed"))
        return Edit(proposal.summary, dict(proposal.files), {proposal.year})

    session.apply(folder, verb, _command(), False, _load)


@app.command()
def circular(
    year: Annotated[int, typer.Argument(min=1990, max=2200, help="Année / year.",
                                        show_default=False)],
    source: Annotated[Path, typer.Option(
        "--from", help="Le calendrier harmonisé des revues, saisi dans un tableur et "
        "enregistré en CSV / the harmonised calendar as CSV.", show_default=False)],
    issued: Annotated[str | None, typer.Option(
        "--issued", help="Date de la circulaire AAAA-MM-JJ (contrôlée : avant le 15 janvier) "
        "/ the circular's date.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Refuse la circulaire entière, rien n'est écrit, si une ligne est "
        "illisible ou enfreint le décret (sinon elles sont enregistrées, l'écart signalé) / "
        "refuse the whole circular on any unreadable row or break of the decree.")] = False,
    lenient: Annotated[bool, typer.Option(
        "--lenient", help="« avant le 30 avril » accepte le 30, avec un avertissement "
        "(A-16), même avec --strict / accept the limit day itself, with a warning.")] = False,
    allow_day_off: AllowDayOff = False,
    dry_run: DryRun = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Enregistre les revues sectorielles de la circulaire du MEF (calendrier harmonisé),
    vérifiées contre le décret n° 2018-0623/PM-RM. / Records the circular's sector reviews."""
    folder = resolve_config(config)
    with boundary(lang):
        from ..config.workdir import refuse_bundled
        from ..errors import InputError
        from ..i18n import text
        from ..plan import circular as circ
        from ..record import session
        from .render_plan import say_circular
        from .render_record import say_nothing, say_outcome

        issued_on = None
        if issued is not None:
            from ..model import schedulable

            try:
                issued_on = date.fromisoformat(issued)
                if not schedulable(issued_on):
                    raise ValueError
            except ValueError:
                raise InputError(text("circ.circular-date", file=source.name, day=issued)) from None
        lang_ = language(lang, "fr")
        refuse_bundled(folder)  # the circular is recorded, never in the bundled copy
        say_config(folder, lang_)
        model = _load(folder)
        reading = circ.read(source, model, year, allow_day_off)
        findings = circ.review(reading.rows, model, year, issued_on, source.name, lenient)
        refused = [f for f in findings if not f.warning]
        if strict and (refused or reading.problems):
            say_circular(findings, lang_, True)
            if reading.problems:
                raise InputError(text("circ.strict-unread", rows=len(reading.problems),
                                      problems=circ.capped(reading.problems)))
            raise typer.Exit(EXIT_FINDINGS)
        if not reading.rows:
            raise InputError(circ.capped(reading.problems))
        say_circular(findings, lang_, False)
        for warning in reading.warnings:
            print(warning.get(lang_))
        try:
            outcome = session.apply(
                folder, lambda ed: circ.record(ed, reading.rows, year, issued_on), _command(),
                dry_run, _load)
        except session.Nothing as nothing:
            say_nothing(nothing.text, lang_)
        else:
            say_outcome(outcome, language(lang, outcome.language), dry_run)
        if reading.problems:
            raise InputError(text("circ.unread", rows=len(reading.problems),
                                  problems=circ.capped(reading.problems)))
