"""`ptfcal generate` and `ptfcal serve`."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import (
    EXIT_FINDINGS,
    ConfigOption,
    LangOption,
    QuietOption,
    YearsArgument,
    app,
    boundary,
    console,
    language,
    load_config,
    now,
    resolve_config,
    today,
    years_of,
)


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
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", "-n", help="Dit ce que la publication changerait, sans rien écrire / "
        "say what the publication would change, writing nothing.")] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Refuse de publier (code 1, rien n'est écrit) si la vérification "
        "trouve des erreurs / refuse to publish when the check finds errors.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Écrit OUT/ANNÉE (flux, events.json, events.csv, planner.html, rapport de vérification),
    les flux d'abonnement OUT/feeds et OUT/index.html, dans chaque langue de la configuration,
    et dit ce qui change pour les abonnés. / Writes the year's files, the subscription feeds and
    the index page in every language, and says what changes for subscribers."""
    folder = resolve_config(config)
    with boundary(lang), _reading(folder):
        model = load_config(folder)
        lang_ = language(lang, model.settings.language)
        day = today(model.settings.timezone, as_of)
        years = years_of(year, model.settings.timezone) if year is not None else [day.year]
        if base_url is not None and not base_url.startswith(("http://", "https://")):
            raise typer.BadParameter("une adresse http(s) / an http(s) URL",
                                     param_hint="--base-url")
        from ..convene.private import found_in
        from ..model import Severity
        from ..publish import history
        from ..publish.output import OutputFolder, year_folders
        from ..publish.publication import publish
        from .render import generate_summary

        personal = found_in(out, years)  # never published: refused before anything is written
        if personal is not None:
            from ..errors import OutputError
            from ..i18n import text

            raise OutputError(text("out.personal", path=personal, where=out))
        progress = _progress(lang_) if len(years) > 2 and not quiet else None
        with OutputFolder(out, create=not dry_run) as target:
            past = history.load(target, model)
            pub = publish(model, years, today=day, previous=past.state, now=now(),
                          with_check=True, base_url=base_url, archives=year_folders(out),
                          planners=planners, progress=progress)
            if progress:
                progress(0, 0, 0)
            refused = strict and pub.count(Severity.ERROR) > 0
            extra = past.extra_files(target)  # a copy of a damaged state, never overwritten
            pub.files.update(extra)
            report = target.write(pub.files, history.owner(model, past.state),
                                  dry_run=dry_run or refused)
        if not quiet or refused:
            console().print(generate_summary(model, pub, report, past, out, folder, lang_,
                                             dry_run=dry_run, refused=refused,
                                             kept_copy=next(iter(extra), None)))
        elif pub.count(Severity.ERROR):
            from .. import i18n

            print(i18n.t("summary.check.line", lang_, years=i18n.years_text(pub.audits),
                         errors=i18n.count(pub.count(Severity.ERROR), "error", lang_),
                         warnings=i18n.count(pub.count(Severity.WARNING), "warning", lang_)),
                  file=sys.stderr)
    if refused:
        raise typer.Exit(EXIT_FINDINGS)


def _progress(lang: str):
    """A line on stderr that counts the years, when stderr is a terminal (None otherwise);
    `show(0, 0, 0)` clears it."""
    if not sys.stderr.isatty():
        return None
    from .. import i18n

    def show(year: int, done: int, total: int) -> None:
        line = i18n.t("progress.year", lang, year=year, done=done, total=total) if year else ""
        print("\r\033[K" + line, end="", file=sys.stderr, flush=True)

    return show


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
    import threading

    from ..publish.serve import make_server

    log_lock = threading.Lock()

    def log(line: str) -> None:
        # one write per line: the server's threads log at once, and print() writes the line
        # and its newline apart (two lines could interleave into one)
        with log_lock:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    with boundary():
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


def _reading(folder: Path):
    """The configuration folder's shared lock: no edit while it is read and published. None
    for the configuration shipped with ptfcal, which nobody edits (and where ptfcal writes
    nothing, not even a lock file)."""
    from contextlib import nullcontext

    from ..config.workdir import is_bundled
    from ..locking import FolderLock

    return nullcontext() if is_bundled(folder) else FolderLock(folder, shared=True)
