"""`ptfcal validate`, `ptfcal check` and `ptfcal show`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    Format,
    LangOption,
    QuietOption,
    YearArgument,
    YearsArgument,
    app,
    boundary,
    console,
    language,
    load_config,
    resolve_config,
    say_config,
    today,
    years_of,
)


class LevelChoice(StrEnum):
    POLITICAL = "political"
    TECHNICAL = "technical"
    JOINT = "joint"


@app.command()
def validate(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Vérifie la configuration seule : chaque erreur avec fichier:ligne:colonne. / Checks the
    configuration only."""
    folder = resolve_config(config)
    with boundary(lang):
        model = load_config(folder)
        from .. import i18n
        from ..calendar import readiness

        lang_ = language(lang, model.settings.language)
        readiness.check(model, years_of(None, model.settings.timezone))
        print(i18n.t("validate.ok", lang_, path=folder, bodies=len(model.bodies),
                     types=len(model.meeting_types), institutions=len(model.institutions)))


@app.command()
def check(
    year: YearsArgument = None,
    config: ConfigOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Format du rapport / report "
                                        "format.", case_sensitive=False)] = Format.TEXT,
    output: Annotated[Path | None, typer.Option("--output", help="Écrit le rapport dans ce "
                                                "fichier / write the report to this file.")
                      ] = None,
    lang: LangOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Les avertissements échouent aussi "
                                         "(code 1) / warnings fail too.")] = False,
    lenient_deadlines: Annotated[bool, typer.Option(
        "--lenient-deadlines", help="« avant le 30 avril » accepte le 30, avec un "
        "avertissement (A-16) / accept the day itself.")] = False,
    against: Annotated[list[Path] | None, typer.Option(
        "--against", help="Un autre calendrier (.ics) à confronter, répétable / another "
        "calendar to check against.")] = None,
    for_institution: Annotated[str | None, typer.Option(
        "--for", help="Seulement les événements d'une institution (son identifiant) / only "
        "one institution's events.")] = None,
    max_occurrences: Annotated[int, typer.Option(
        "--max-occurrences", min=1, max=1_000_000, help="Occurrences lues au plus par série "
        "récurrente d'un calendrier --against (dix fois plus pour le fichier) / occurrences "
        "read at most per recurring series of an --against calendar.")] = 10_000,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date (AAAA-MM-JJ) du jour pour les rappels (rôles de l'année "
        "suivante dès le 1er novembre ; par défaut : aujourd'hui à Bamako) / today's date for "
        "the reminders.", show_default=False)] = None,
    quiet: QuietOption = False,
) -> None:
    """Signale chaque conflit et chaque règle enfreinte, avec le texte d'où vient la règle. /
    Reports every conflict and rule violation, with the text each rule comes from."""
    folder = resolve_config(config)
    with boundary(lang):
        model = load_config(folder)
        lang_ = language(lang, model.settings.language)
        years = years_of(year, model.settings.timezone)
        if not quiet:
            say_config(folder, lang_)
        from datetime import date

        from .. import i18n
        from ..checks.audit import audit_years
        from ..checks.kinds import Options
        from ..errors import InputError
        from ..model import Severity

        if for_institution and for_institution not in model.institutions:
            raise InputError(i18n.text("cli.not-institution", option="--for",
                                       value=for_institution,
                                       known=", ".join(sorted(model.institutions))))
        external = []
        if against:
            from ..checks.external import read

            for path in against:
                found = read(path, date(years[0], 1, 1), date(years[-1], 12, 31),
                             model.settings.timezone, max_occurrences)
                external += found.events
                for problem in found.warnings:
                    print(i18n.t("warning.line", lang_, message=problem.render(lang_)),
                          file=sys.stderr)
        options = Options(lenient_deadlines, tuple(external), for_institution,
                          today(model.settings.timezone, as_of))
        result = audit_years(model, years, options)
        if not quiet or output is not None:
            _emit_report(model, result, Format(fmt), lang_, output)
    failing = result.count(Severity.ERROR) + (result.count(Severity.WARNING) if strict else 0)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _emit_report(model, result, fmt: Format, lang: str, output: Path | None) -> None:
    from ..checks.report import report_json, report_markdown

    if fmt is Format.JSON:
        data = report_json(model, result, lang)
    elif fmt is Format.MD:
        data = report_markdown(model, result, lang).encode("utf-8")
    elif output is None:
        from .render import check_report

        console().print(check_report(model, result, lang))
        return
    else:
        import io

        from rich.console import Console

        from .render import check_report

        plain = Console(width=100, force_terminal=False, no_color=True, file=io.StringIO())
        plain.print(check_report(model, result, lang))
        data = plain.file.getvalue().encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .. import i18n
    from ..publish.output import MAX_OWN, write_own_file

    # a report has no seal: the ledger of written files says which file is ours to replace
    write_own_file(output, data, None, MAX_OWN, "out.not-ours", remember=True)
    print(i18n.t("report.written", lang, path=output), file=sys.stderr)


@app.command()
def show(
    year: YearArgument = None,
    month: Annotated[int | None, typer.Option("--month", "-m", min=1, max=12,
                                              help="Un mois (1-12), avec son agenda / one "
                                              "month, with its agenda.",
                                              show_default=False)] = None,
    body: Annotated[str | None, typer.Option("--body", help="Seulement cette instance / only "
                                             "this body (id).", show_default=False)] = None,
    institution: Annotated[str | None, typer.Option(
        "--institution", help="Seulement ce à quoi cette institution prend part / only this "
        "institution's events (id).", show_default=False)] = None,
    level: Annotated[LevelChoice | None, typer.Option("--level", help="Un niveau / one level.",
                                                      show_default=False,
                                                      case_sensitive=False)] = None,
    agenda: Annotated[bool, typer.Option("--list", help="Un agenda daté au lieu des grilles / "
                                         "a dated agenda instead of grids.")] = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Grilles mensuelles de l'année dans le terminal, ou agenda daté avec --list. / Month
    grids of the year in the terminal, or a dated agenda with --list."""
    folder = resolve_config(config)
    with boundary(lang):
        model = load_config(folder)
        lang_ = language(lang, model.settings.language)
        say_config(folder, lang_)
        the_year = year if year is not None else years_of(None, model.settings.timezone)[0]
        from .. import i18n
        from ..checks.audit import overview
        from ..errors import InputError
        from ..model import Level, Status
        from ..publish.views import Filters, year_view
        from .render import agenda_view, show_view

        if body and body not in model.bodies:
            raise InputError(i18n.text("cli.not-body", value=body))
        if institution and institution not in model.institutions:
            raise InputError(i18n.text("cli.not-institution", option="--institution",
                                       value=institution,
                                       known=", ".join(sorted(model.institutions))))
        filters = Filters(body, institution, Level(level.value) if level else None)
        view = overview(model, the_year)
        events = [e for e in view.schedule.events
                  if e.status is not Status.CANCELLED and filters.keep(model, e)
                  and (month is None or e.day.month == month)]
        period = (f"{i18n.MONTHS[lang_][month - 1]} {the_year}" if month
                  else str(the_year))
        heading = i18n.t("show.title", lang_, period=period)
        what = filters.describe(model)
        if what is not None:
            heading += i18n.t("show.filtered", lang_, what=what.get(lang_))
        flagged = set(view.flags)
        if agenda:
            rendered = agenda_view(model, events, view.flags, lang_, heading)
        else:
            months = year_view(model, events, view.calendar, the_year, flagged,
                               (month,) if month else tuple(range(1, 13)))
            rendered = show_view(model, months, events, view.flags, lang_, heading,
                                 with_agenda=month is not None)
    console().print(rendered)
