"""`ptfcal report`: the bilan of a year or a period, or the programme of a year."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .app import (
    ConfigOption,
    LangOption,
    YearsArgument,
    app,
    boundary,
    language,
    load_config,
    resolve_config,
    say_config,
    today,
    years_of,
)


class ReportFormat(StrEnum):
    HTML = "html"
    DOCX = "docx"
    JSON = "json"
    CSV = "csv"
    PDF = "pdf"


@app.command()
def report(
    year: YearsArgument = None,
    body: Annotated[str | None, typer.Option("--body", help="Seulement cette instance (son "
                                             "identifiant) / only this body.",
                                             show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date (AAAA-MM-JJ) de la situation : réunions sans compte rendu, "
        "actions en retard (par défaut : aujourd'hui à Bamako) / the date the figures are "
        "as of.", show_default=False)] = None,
    fmt: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="html (page imprimable), docx (Word), json, csv (Excel) ou pdf "
        "(avec Chromium) / output format.", case_sensitive=False)] = ReportFormat.HTML,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Fichier à écrire (obligatoire pour docx et pdf ; sinon la "
        "sortie standard) / the file to write.", show_default=False)] = None,
    programme: Annotated[bool, typer.Option(
        "--programme", help="Le programme de l'année (réunions par instance et par mois, "
        "échéances, rôles) à adopter à la retraite, au lieu du bilan / the year's programme "
        "instead of the review.")] = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """Bilan de l'année : réunions tenues, participation, suivi des décisions, conformité ;
    ou, avec --programme, le programme de l'année. / The year's review, or its programme."""
    folder = resolve_config(config)
    with boundary(lang):
        model = load_config(folder)
        lang_ = language(lang, model.settings.language)
        years = years_of(year, model.settings.timezone)
        day = today(model.settings.timezone, as_of)
        say_config(folder, lang_)
        from .. import i18n
        from ..errors import InputError
        from ..report import Kind, programme_of, render

        kind = Kind(fmt.value)
        if body is not None and body not in model.bodies:
            raise InputError(i18n.text("rep.not-body", value=body,
                                       known=", ".join(sorted(model.bodies))))
        if kind.binary and output is None:
            raise InputError(i18n.text("rep.binary-stdout", format=kind.value))
        if kind is Kind.DOCX:
            from importlib.util import find_spec

            from ..word import available

            if not available() or find_spec("PIL") is None:
                raise InputError(i18n.text("rep.no-docx"))
        if programme:
            if kind in (Kind.JSON, Kind.CSV):
                raise InputError(i18n.text("rep.programme-format", format=kind.value))
            if len(years) > 1:
                raise InputError(i18n.text("rep.programme-years",
                                           period=f"{years[0]}-{years[-1]}"))
            from ..publish.publication import build_schedule

            events = build_schedule(model, years[0]).events
            data, title = programme_of(model, years[0], events, day, kind, lang_, body)
        else:
            data, title = render(_bilan(model, years, day, body, lang_), model, kind, lang_)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        from ..publish.output import MAX_OWN, write_own_file
        from ..report.seal import ours

        write_own_file(output, data, ours(kind, data, title), MAX_OWN, "rep.not-ours",
                       remember=kind is Kind.CSV)  # a CSV has no room for a seal
        print(i18n.t("rep.p.written" if programme else "rep.written", lang_, path=output),
              file=sys.stderr)


def _bilan(model, years: list[int], day, body: str | None, lang: str):
    """The figures, with a progress bar on a terminal when several years are counted."""
    from ..report.build import compute

    if len(years) == 1 or not sys.stderr.isatty():
        return compute(model, years[0], years[-1], day, body)
    from rich.console import Console
    from rich.progress import Progress

    from .. import i18n

    period = f"{years[0]}–{years[-1]}"
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(i18n.t("rep.progress", lang, period=period), total=len(years))
        return compute(model, years[0], years[-1], day, body,
                       progress=lambda _year: bar.advance(task))
