"""The typer application and what every command shares: options, the configuration folder, the
clock, and the one place where ptfcal's errors become messages and exit codes.

Heavy libraries are imported inside the commands, so `ptfcal --help` stays fast.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1  # `check` found errors; `generate --strict` refused to publish
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70

app = typer.Typer(
    name="ptfcal",
    context_settings={"help_option_names": ["--help", "-h"]},
    help="Calendrier des cadres de concertation des PTF au Mali : génère les flux ICS, "
    "vérifie les règles. / PTF Mali coordination calendar: ICS feeds and rule checks.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    FR = "fr"
    EN = "en"


class Format(StrEnum):
    TEXT = "text"
    MD = "md"
    JSON = "json"


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
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", "-l", help="Langue des messages (par défaut : celle de la "
                 "configuration) / language of the messages.", show_default=False,
                 case_sensitive=False),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Rien sur la sortie standard si tout va bien "
                       "(tâches planifiées) / nothing on stdout when all is well.")]


def years_of(value: str | None, timezone: str) -> list[int]:
    """'2020' -> [2020]; '2020-2029' or '2020..2029' -> the ten years; None -> this year."""
    import re

    if value is None:
        return [today(timezone, None).year]
    m = re.fullmatch(r"\s*(\d{4})\s*(?:(?:-|\.\.)\s*(\d{4}))?\s*", value)
    first, last = (int(m[1]), int(m[2] or m[1])) if m else (0, 0)
    if not m or not 1990 <= first <= last <= 2200:
        raise typer.BadParameter("une année ou une période comme 2020-2029 (1990-2200) / a year "
                                 "or a range such as 2020-2029", param_hint="YEAR")
    return list(range(first, last + 1))


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


def language(option: Lang | str | None, default: str) -> str:
    return str(option.value if isinstance(option, Lang) else option or default)


def parse_day(value: str, option: str):
    """A date given on the command line: one that exists, written YYYY-MM-DD, in the years
    ptfcal schedules (model.FIRST_YEAR..LAST_YEAR)."""
    from datetime import date

    from ..model import FIRST_YEAR, LAST_YEAR, schedulable

    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        day = None
    if day is None or not schedulable(day):
        raise typer.BadParameter(
            f"une date qui existe, écrite AAAA-MM-JJ, de {FIRST_YEAR} à {LAST_YEAR} / an "
            f"existing date written YYYY-MM-DD, {FIRST_YEAR} to {LAST_YEAR}",
            param_hint=option)
    return day


def today(timezone: str, as_of: str | None):
    """Today in Bamako (the clock is read here only), or the date given with --as-of."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    if as_of is not None:
        return parse_day(as_of, "--as-of")
    return datetime.now(ZoneInfo(timezone)).date()


def now():
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
def boundary(lang: Lang | str | None = None) -> Iterator[None]:
    """The one place where ptfcal's errors become messages and exit codes."""
    from ..errors import ConfigError, PtfcalError

    lang = language(lang, "fr")
    try:
        yield
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem.render(lang), file=sys.stderr)
        from .. import i18n

        print(i18n.t("error.line", lang,
                     message=i18n.t("error.count", lang,
                                    count=i18n.count(len(exc.problems), "error", lang))),
              file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except PtfcalError as exc:
        from .. import i18n

        print(i18n.t("error.line", lang, message=exc.render(lang)), file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None


def load_config(folder: Path):
    from ..config import load

    return load(folder, once=True)  # read-only commands load once: keep no YAML tree


def say_config(folder: Path, lang: str) -> None:
    """Which configuration a command used, on stderr (stdout may be a report); for the one
    shipped with ptfcal, that it is read-only and how to make a working folder."""
    from .. import i18n
    from ..config.workdir import is_bundled

    key = "workdir.read-only" if is_bundled(folder) else "summary.config"
    print(i18n.t(key, lang, path=folder.absolute()), file=sys.stderr)


def console():
    from rich.console import Console

    return Console(highlight=False, emoji=False)


class _Replaced:
    """Characters the standard streams could not encode, replaced by '?' and counted."""

    count = 0
    NAME = "ptfcal.replace"

    @classmethod
    def handler(cls, exc: UnicodeError):
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        cls.count += exc.end - exc.start
        return "?" * (exc.end - exc.start), exc.end


def _tolerant_streams() -> None:
    """A standard output or error that cannot encode French (PYTHONIOENCODING=ascii, a legacy
    code page) gets '?' for what it cannot write, and a note at the end, instead of a crash
    halfway through a report: the command still does its work and gives its exit code."""
    import codecs
    import io

    try:
        codecs.lookup_error(_Replaced.NAME)
    except LookupError:
        codecs.register_error(_Replaced.NAME, _Replaced.handler)
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            "àâçéèêëîïôûùüÿœæ«»’…—≤".encode(stream.encoding)
        except UnicodeEncodeError:
            stream.reconfigure(errors=_Replaced.NAME)
        except LookupError:
            pass


def _say_replaced() -> None:
    if _Replaced.count:
        from .. import i18n

        values = {"encoding": sys.stdout.encoding, "count": _Replaced.count}
        print(f"{i18n.t('cli.replaced', 'fr', **values)} / "
              f"{i18n.t('cli.replaced', 'en', **values)}", file=sys.stderr)
        _Replaced.count = 0


def utf8_streams(name: str = os.name) -> None:
    """On Windows, stdout and stderr in UTF-8 when they are a pipe or a file. A console gets
    Unicode from Python itself (it writes UTF-16 to it), but a pipe or a file would get the
    ANSI code page (cp1252 on a French Windows): no « » or — for a reader expecting UTF-8
    (PowerShell 7, Notepad, VS Code, a script), and an encoding error for what cp1252 lacks
    (the tables' lines, ≤, →). UTF-8 is what Python's UTF-8 mode (PEP 686) writes too."""
    if name != "nt":
        return
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not stream.isatty():
            reconfigure(encoding="utf-8")


def needed(args: list[str], environ=os.environ) -> str | None:
    """Which command the arguments run: its name, "" for the bare list of commands (`ptfcal`,
    `--help`, `-h`), None when the whole application is needed (a top-level option, or shell
    completion, which reads its words from the environment)."""
    if any(name.endswith("_COMPLETE") for name in environ):
        return None
    if args in ([], ["--help"], ["-h"]):
        return ""
    return None if args[0].startswith("-") else args[0]


def trimmed(full: typer.Typer, keep: str) -> typer.Typer:
    """The application with only the command (or group) `keep` built whole; every other one
    keeps its name and help, none of its options. Building a command inspects every parameter
    of its function, a third of the start-up for thirty commands, and one run uses one."""
    import copy

    def listed(info):
        callback = info.callback
        if (info.name or callback.__name__.lower().replace("_", "-")) == keep:
            return info

        def command() -> None:  # never run: only its name and help are shown
            raise AssertionError(callback)

        command.__name__, command.__doc__ = callback.__name__, callback.__doc__
        info = copy.copy(info)
        info.callback = command
        return info

    def group(info):
        if info.name == keep:
            return info
        info = copy.copy(info)
        info.typer_instance = trimmed(info.typer_instance, "")
        return info

    shown = copy.copy(full)
    shown.registered_commands = [listed(i) for i in full.registered_commands]
    shown.registered_groups = [group(i) for i in full.registered_groups]
    return shown


def main() -> None:
    """Console entry point: never a traceback for a known error; a short note for a bug."""
    utf8_streams()  # first: a pipe on Windows then encodes everything
    _tolerant_streams()
    try:
        # without click's standalone handling: its own errors are said again in the user's
        # language (cli/usage.py), its exit codes come back as the return value
        from typer.main import get_command

        from . import helptext

        keep = needed(sys.argv[1:])
        command = get_command(app if keep is None else trimmed(app, keep))
        helptext.install(command, helptext.language(sys.argv[1:]))  # the help's own words
        code = command.main(prog_name="ptfcal", standalone_mode=False)
    except KeyboardInterrupt:
        print("interrompu / interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        from . import usage

        if usage.is_usage_error(exc):
            sys.exit(usage.report(exc, usage.language(sys.argv[1:])))
        if usage.is_abort(exc):
            from .. import i18n

            print(i18n.t("usage.aborted", usage.language(sys.argv[1:])), file=sys.stderr)
            sys.exit(1)
        # a bug: say so plainly, keep the details for PTFCAL_DEBUG
        if os.environ.get("PTFCAL_DEBUG"):
            raise
        print(f"erreur interne / internal error: {type(exc).__name__}: {exc} — relancez avec "
              "PTFCAL_DEBUG=1 pour le détail et signalez-la / run again with PTFCAL_DEBUG=1 "
              "and report it", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
    finally:
        _say_replaced()
    sys.exit(code if isinstance(code, int) else 0)
