"""The help's own words in the user's language: click's headings (« Usage: », « Options »,
« Arguments », « Commands »), the help option's and the completion options' lines, and the
« [default: …] » and « [required] » that typer appends to an option's help.

click writes them in English. Its documented place for the layout of the help is the formatter
a context makes (`Context.formatter_class`), and the context a command makes is the command's
`context_class`: `install` gives each command of the application a context whose formatter
says these words in French, unless `--lang en` is on the command line. Nothing of click's or
typer's is replaced or patched: the classes are subclasses of the ones the commands already
use (click's or typer's own copy of it), and a word this table does not know stays as click
wrote it.

The words are here rather than in ptfcal.i18n: the catalogue's import (~28 ms) would be a
quarter of what `ptfcal --help` may cost at all (R1). tests/test_french.py reads them.
"""

from __future__ import annotations

import re

# click's and typer's English -> French
HEADINGS = {
    "Options": "Options",
    "Arguments": "Arguments",
    "Commands": "Commandes",
}
USAGE = {"fr": "Utilisation : ", "en": "Usage: "}
LINES = {
    "Show this message and exit.": "Affiche cette aide et s'arrête.",
    "Show the version and exit.": "Affiche la version et s'arrête.",
    "Install completion for the current shell.":
        "Installe la complétion des commandes pour le shell utilisé.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Affiche la complétion des commandes pour le shell utilisé, à copier ou à installer "
        "autrement.",
}
EXTRAS = {  # the parts of the bracket typer appends: [default: x; required]
    "default": "par défaut : {}",
    "env var": "variable d'environnement : {}",
    "required": "obligatoire",
}
_RANGE = re.compile(r"^-?[\d.]*(<=?|>=?)?x(<=?|>=?)?-?[\d.]*$")  # 0.05<=x<=1000.0, x>=0: said as is
_EXTRA = re.compile(r"^(?P<help>.*?)(?P<gap>\s*)\[(?P<extra>[^\[\]]*)\]$", re.DOTALL)


def language(argv: list[str]) -> str:
    """The language asked for on the command line (`--lang en`, `--lang=en`, `-l en`), else
    French, the default: the configuration is not read to print the help or report a mistyped
    command."""
    for i, arg in enumerate(argv):
        value = None
        if arg in ("--lang", "-l") and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg.startswith("-l") and len(arg) > 2 and not arg.startswith("--"):
            value = arg[2:]
        if value is not None and value.strip().lower() in ("fr", "en"):
            return value.strip().lower()
    return "fr"


def french(help_text: str) -> str:
    """One option's or command's help as click and typer word it, their words in French."""
    help_text = LINES.get(help_text, help_text)
    m = _EXTRA.match(help_text)
    if m is None:
        return help_text
    parts = []
    for part in m["extra"].split("; "):
        if _RANGE.match(part):
            parts.append(part)
            continue
        name, sep, value = part.partition(": ")
        key = name if sep else part
        if key not in EXTRAS:  # not typer's bracket (or a part this table does not know)
            return help_text
        parts.append(EXTRAS[key].format(value))
    return f"{LINES.get(m['help'], m['help'])}{m['gap']}[{'; '.join(parts)}]"


def install(command, lang: str) -> None:
    """Every command under `command` (itself included) prints its help in `lang`."""
    if lang == "en":
        return  # click's own words
    made: dict[type, type] = {}
    todo = [command]
    while todo:
        cmd = todo.pop()
        base = cmd.context_class
        if base not in made:
            made[base] = type(base.__name__, (base,), {
                "formatter_class": _formatter(base.formatter_class),
                "__doc__": "A context whose help says click's words in French."})
        cmd.context_class = made[base]
        todo.extend(getattr(cmd, "commands", {}).values())


def _formatter(base: type) -> type:
    class FrenchFormatter(base):  # type: ignore[misc, valid-type]
        """click's help formatter, its headings, usage prefix and option lines in French."""

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, USAGE["fr"] if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:  # « Commandes : », French spacing
            self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)} :\n")

        def write_dl(self, rows, *args, **kwargs) -> None:
            super().write_dl([(term, french(text)) for term, text in rows], *args, **kwargs)

    return FrenchFormatter
