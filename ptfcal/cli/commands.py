"""The command line: parse options, call one library function, render its result.

The only module that prints, exits or reads the clock. Every error ptfcal knows of becomes a
message on stderr and an exit code (2: bad input); none is shown as a traceback. Heavy
libraries are imported inside the commands, so `ptfcal --help` stays fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1  # `check` found errors
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70

app = typer.Typer(
    name="ptfcal",
    context_settings={"help_option_names": ["--help", "-h"]},
    help="Calendrier des cadres de concertation des PTF au Mali : génère les flux ICS, "
    "vérifie les règles. / PTF Mali coordination calendar: ICS feeds and rule checks.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Dossier de configuration (./config s'il existe, sinon "
                 "$PTFCAL_CONFIG, sinon celui fourni) / configuration folder.",
                 show_default=False),
]
YearArgument = Annotated[
    int | None,
    typer.Argument(help="Année (par défaut : l'année en cours) / year (default: this year).",
                   show_default=False, min=1990, max=2200),
]
YearsArgument = Annotated[
    str | None,
    typer.Argument(help="Année ou période 2020-2029 (par défaut : l'année en cours) / a year "
                   "or a range.", show_default=False, metavar="YEAR[-YEAR]"),
]


def _years(value: str | None, timezone: str) -> list[int]:
    """'2020' -> [2020]; '2020-2029' or '2020..2029' -> the ten years; None -> this year."""
    import re

    if value is None:
        return [_today_year(timezone)]
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|\.\.)\s*(\d{4}))?\s*", value)
    first, last = (int(m[1]), int(m[2] or m[1])) if m else (0, 0)
    if not m or not 1990 <= first <= last <= 2200:
        raise typer.BadParameter("une année ou une période comme 2020-2029 (1990-2200) / a year "
                                 "or a range such as 2020-2029", param_hint="YEAR")
    return list(range(first, last + 1))
LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="fr ou en (par défaut : la langue de la configuration) "
                 "/ fr or en.", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        print(f"ptfcal {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Affiche la version / show the version.")] = False,
) -> None:
    """ptfcal."""


def resolve_config(option: Path | None) -> Path:
    if option is not None:
        return option
    local = Path("config")
    if (local / "ptfcal.yaml").is_file():
        return local
    env = os.environ.get("PTFCAL_CONFIG")
    if env:
        return Path(env)
    from ..config import bundled_dir

    return bundled_dir()


def _lang(option: str | None, default: str) -> str:
    lang = option or default
    if lang not in ("fr", "en"):
        raise typer.BadParameter("fr ou en / fr or en", param_hint="--lang")
    return lang


def _today_year(timezone: str) -> int:
    return _today(timezone, None).year


def _today(timezone: str, as_of: str | None):
    """Today in Bamako (the clock is read here only), or the date given with --as-of."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    if as_of is not None:
        try:
            return date.fromisoformat(as_of)
        except ValueError:
            raise typer.BadParameter("une date AAAA-MM-JJ / a date YYYY-MM-DD",
                                     param_hint="--as-of") from None
    return datetime.now(ZoneInfo(timezone)).date()


def _now():
    """The time written as LAST-MODIFIED of changed events: the clock, or SOURCE_DATE_EPOCH
    (seconds since 1970, the reproducible-builds convention) when it is set."""
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise typer.BadParameter("un nombre de secondes depuis 1970 / seconds since 1970",
                                 param_hint="SOURCE_DATE_EPOCH") from None


@contextmanager
def _boundary(lang: str = "fr") -> Iterator[None]:
    """The one place where ptfcal's errors become messages and exit codes."""
    from ..errors import ConfigError, PtfcalError

    try:
        yield
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem.render(lang), file=sys.stderr)
        from .. import i18n

        print(i18n.t("error.line", lang,
                     message=i18n.t("error.count", lang, count=len(exc.problems))),
              file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except PtfcalError as exc:
        from .. import i18n

        print(i18n.t("error.line", lang, message=exc.render(lang)), file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None


def _load(config: Path):
    from ..config import load

    return load(config)


def _console():
    from rich.console import Console

    return Console(highlight=False, emoji=False)


@app.command()
def validate(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Vérifie la configuration seule : chaque erreur avec fichier:ligne:colonne. / Checks the
    configuration only."""
    folder = resolve_config(config)
    with _boundary(lang or "fr"):
        model = _load(folder)
        from .. import i18n

        language = _lang(lang, model.settings.language)
        print(i18n.t("validate.ok", language, path=folder, bodies=len(model.bodies),
                     types=len(model.meeting_types), institutions=len(model.institutions)))


@app.command()
def generate(
    year: YearsArgument = None,
    config: ConfigOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Dossier de sortie / output folder.")
                   ] = Path("calendars"),
    lang: LangOption = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Adresse publique de OUT (https://…/) pour les liens d'index.html "
        "/ where OUT is published.", show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date (AAAA-MM-JJ) qui fixe les années des flux d'abonnement (par "
        "défaut : aujourd'hui à Bamako) / date setting the feeds' years.",
        show_default=False)] = None,
    planners: Annotated[bool, typer.Option(
        "--planners", help="Écrit aussi OUT/ANNÉE/planners/<institution>.html / also write "
        "one planner per institution.")] = False,
) -> None:
    """Écrit OUT/ANNÉE (flux, events.json, events.csv, planner.html, rapport de vérification),
    les flux d'abonnement OUT/feeds et OUT/index.html. / Writes the year's feeds and files, the
    subscription feeds and the index page."""
    folder = resolve_config(config)
    with _boundary(lang or "fr"):
        model = _load(folder)
        language = _lang(lang, model.settings.language)
        today = _today(model.settings.timezone, as_of)
        years = _years(year, model.settings.timezone) if year is not None else [today.year]
        from ..publish.output import read_state, write_tree, year_folders
        from ..publish.publication import publish
        from .render import generate_summary

        if base_url is not None and not base_url.startswith(("http://", "https://")):
            raise typer.BadParameter("une adresse http(s) / an http(s) URL",
                                     param_hint="--base-url")
        pub = publish(model, years, language, today=today, previous=read_state(out),
                      now=_now(), with_check=True, base_url=base_url,
                      archives=year_folders(out), planners=planners)
        write_tree(out, pub.files, pub.managed())
        _console().print(generate_summary(model, pub, out, folder, language))


@app.command()
def check(
    year: YearsArgument = None,
    config: ConfigOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, md ou json / text, md or "
                                     "json.")] = "text",
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
) -> None:
    """Signale chaque conflit et chaque règle enfreinte, avec le texte d'où vient la règle. /
    Reports every conflict and rule violation, with the text each rule comes from."""
    if fmt not in ("text", "md", "json"):
        raise typer.BadParameter("text, md ou json / text, md or json", param_hint="--format")
    folder = resolve_config(config)
    with _boundary(lang or "fr"):
        model = _load(folder)
        language = _lang(lang, model.settings.language)
        years = _years(year, model.settings.timezone)
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
                external += read(path, date(years[0], 1, 1), date(years[-1], 12, 31),
                                 model.settings.timezone)
        options = Options(lenient_deadlines, tuple(external), for_institution)
        result = audit_years(model, years, options)
        _emit_report(model, result, fmt, language, output)
    failing = result.count(Severity.ERROR) + (result.count(Severity.WARNING) if strict else 0)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _emit_report(model, result, fmt: str, lang: str, output: Path | None) -> None:
    from ..checks.report import report_json, report_markdown

    if fmt == "json":
        data = report_json(model, result, lang)
    elif fmt == "md":
        data = report_markdown(model, result, lang).encode("utf-8")
    elif output is None:
        from .render import check_report

        _console().print(check_report(model, result, lang))
        return
    else:
        import io

        from rich.console import Console

        from .render import check_report

        console = Console(width=100, force_terminal=False, no_color=True, file=io.StringIO())
        console.print(check_report(model, result, lang))
        data = console.file.getvalue().encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from .. import i18n
    from ..publish.output import write_tree

    write_tree(output.parent if str(output.parent) else Path("."), {output.name: data})
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
    level: Annotated[str | None, typer.Option("--level", help="political, technical ou joint.",
                                              show_default=False)] = None,
    agenda: Annotated[bool, typer.Option("--list", help="Un agenda daté au lieu des grilles / "
                                         "a dated agenda instead of grids.")] = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Grilles mensuelles de l'année dans le terminal, ou agenda daté avec --list. / Month
    grids of the year in the terminal, or a dated agenda with --list."""
    folder = resolve_config(config)
    with _boundary(lang or "fr"):
        model = _load(folder)
        language = _lang(lang, model.settings.language)
        the_year = year if year is not None else _today_year(model.settings.timezone)
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
        if level and level not in ("political", "technical", "joint"):
            raise typer.BadParameter("political, technical ou joint", param_hint="--level")
        filters = Filters(body, institution, Level(level) if level else None)
        view = overview(model, the_year)
        events = [e for e in view.schedule.events
                  if e.status is not Status.CANCELLED and filters.keep(model, e)
                  and (month is None or e.day.month == month)]
        period = (f"{i18n.MONTHS[language][month - 1]} {the_year}" if month
                  else str(the_year))
        heading = i18n.t("show.title", language, period=period)
        what = filters.describe(model)
        if what is not None:
            heading += i18n.t("show.filtered", language, what=what.get(language))
        flagged = set(view.flags)
        if agenda:
            rendered = agenda_view(model, events, view.flags, language, heading)
        else:
            months = year_view(model, events, view.calendar, the_year, flagged,
                               (month,) if month else tuple(range(1, 13)))
            rendered = show_view(model, months, events, view.flags, language, heading,
                                 with_agenda=month is not None)
    _console().print(rendered)


@app.command()
def serve(
    folder: Annotated[Path, typer.Option("--dir", help="Dossier à servir / folder to serve.")
                      ] = Path("calendars"),
    host: Annotated[str, typer.Option("--host", help="Adresse d'écoute (127.0.0.1 : cet "
                                      "ordinateur ; 0.0.0.0 : le réseau local) / address.")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8080,
) -> None:
    """Sert les flux en lecture seule par HTTP (ordinateur ou réseau local ; Ctrl-C arrête). /
    Serves the feeds read-only over HTTP."""
    from ..publish.serve import make_server

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with _boundary():
        server = make_server(folder, host, port, log)
    actual = server.server_address[1]
    print(f"ptfcal serve: http://{host}:{actual}/ ({folder}) — Ctrl-C pour arrêter / to stop",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    print("ptfcal serve: arrêté / stopped", file=sys.stderr)


def main() -> None:
    """Console entry point: never a traceback for a known error; a short note for a bug."""
    try:
        app()
    except KeyboardInterrupt:
        print("interrompu / interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # a bug: say so plainly, keep the details for PTFCAL_DEBUG
        if os.environ.get("PTFCAL_DEBUG"):
            raise
        print(f"erreur interne / internal error: {type(exc).__name__}: {exc} — relancez avec "
              "PTFCAL_DEBUG=1 pour le détail et signalez-la / run again with PTFCAL_DEBUG=1 "
              "and report it", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()
