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

from . import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1  # `check` found errors
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70

app = typer.Typer(
    name="ptfcal",
    help="Calendrier des cadres de concertation des PTF au Mali : génère les flux ICS, "
    "vérifie les règles. / PTF Mali coordination calendar: ICS feeds and rule checks.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Configuration folder (default: ./config if present, "
                 "else $PTFCAL_CONFIG, else the bundled one).", show_default=False),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="fr or en (default: the configuration's language).",
                 show_default=False),
]


def _version(value: bool) -> None:
    if value:
        print(f"ptfcal {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
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
    from .config import bundled_dir

    return bundled_dir()


def _lang(option: str | None, default: str) -> str:
    lang = option or default
    if lang not in ("fr", "en"):
        raise typer.BadParameter("fr or en", param_hint="--lang")
    return lang


def _today_year(timezone: str) -> int:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(timezone)).year


@contextmanager
def _boundary(lang: str = "fr") -> Iterator[None]:
    """The one place where ptfcal's errors become messages and exit codes."""
    from .errors import ConfigError, PtfcalError

    try:
        yield
    except ConfigError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        from . import i18n

        print(i18n.t("error.line", lang,
                     message=i18n.t("error.count", lang, count=len(exc.problems))),
              file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except PtfcalError as exc:
        from . import i18n

        print(i18n.t("error.line", lang, message=str(exc)), file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None


def _load(config: Path):
    from .config import load

    return load(config)


def _console():
    from rich.console import Console

    return Console(highlight=False)


@app.command()
def validate(config: ConfigOption = None, lang: LangOption = None) -> None:
    """Check the configuration only (every error, with file:line:column)."""
    folder = resolve_config(config)
    with _boundary(lang or "fr"):
        model = _load(folder)
        from . import i18n

        language = _lang(lang, model.settings.language)
        print(i18n.t("validate.ok", language, path=folder, bodies=len(model.bodies),
                     types=len(model.meeting_types), institutions=len(model.institutions)))


@app.command()
def generate(
    year: Annotated[int | None, typer.Argument(help="Year (default: the current year).",
                                               show_default=False, min=1990, max=2200)] = None,
    config: ConfigOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("calendars"),
    lang: LangOption = None,
) -> None:
    """Write the year's feeds, events.json and events.csv under OUT/YEAR."""
    folder = resolve_config(config)
    with _boundary(lang or "fr"):
        model = _load(folder)
        language = _lang(lang, model.settings.language)
        the_year = year if year is not None else _today_year(model.settings.timezone)
        from .output import write_tree
        from .publish import MANAGED_FOLDERS, publish
        from .render import generate_summary

        pub = publish(model, the_year, language)
        write_tree(out / str(the_year), pub.files, MANAGED_FOLDERS)
        _console().print(generate_summary(model, pub, out, folder, language))


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
        print(f"internal error: {type(exc).__name__}: {exc} "
              "(run again with PTFCAL_DEBUG=1 for the details, and report it)", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()
