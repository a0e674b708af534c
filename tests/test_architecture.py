"""The pipeline's shape: each heavy library in one module, imports flowing one way, and a
command line that imports no calendar library before a command needs it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ptfcal"

# library -> the only modules allowed to import it
OWNERS = {
    # config.converters: the domain converters (selectors, held_by, months) read YAML nodes as
    # reader.py's converters do
    "yaml": {"config.reader", "config.loader", "config.converters"},
    "ruamel": {"config.writer"},
    "holidays": {"calendar.workdays"},
    "icalendar": {"publish.ics", "checks.external"},
    "recurring_ical_events": {"checks.external"},
    "dateutil": {"calendar.rules"},
    "rich": {"cli.render", "cli.app", "cli.checking", "cli.render_record", "cli.reporting"},
    "typer": {"cli.app", "cli.checking", "cli.publishing", "cli.recording", "cli.planning",
              "cli.convening", "cli.documents", "cli.reporting", "cli.meeting"},
    # the optional solver: `ptfcal plan` only
    "ortools": {"plan.solver"},
    # SMTP behind one module; the optional Microsoft sign-in (`ptfcal login microsoft`) too
    "smtplib": {"convene.smtp"},
    "msal": {"convene.microsoft"},
    # Word documents (the optional `docx` extra): the compte rendu, the bilan
    "docx": {"word"},
    # the bilan's charts as PNG for its .docx (in the `docx` extra)
    "PIL": {"report.png"},
    # child processes: the token command (convene.oauth) and the browser printing the bilan
    "subprocess": {"convene.oauth", "report.pdf"},
}
# module -> ptfcal modules it may import (the pipeline flows one way)
LOWER = {
    "text": set(),
    "sheet": set(),  # every CSV ptfcal writes (formulas neutralised)
    # bounded reading of files ptfcal does not control: below everything
    "fileio": set(),
    # the .docx builder: python-docx and the standard library, nothing of ptfcal
    "word": set(),
    # the compte rendu: the model and the meeting's record in, documents out (Word via word)
    "meet.minutes": {"i18n", "meeting", "model", "word"},
    "errors": {"text"},
    "model": {"errors", "text", "meeting"},
    # a meeting's record: plain values, below the model
    "meeting": set(),
    # the catalogue assembles its tables; each table module imports nothing of ptfcal
    "i18n": {"text", "i18n.check", "i18n.config", "i18n.convene", "i18n.convocation",
             "i18n.dates", "i18n.nouns", "i18n.output", "i18n.plan", "i18n.publish",
             "i18n.record", "i18n.meet", "i18n.seats", "i18n.minutes", "i18n.report"},
    "i18n.minutes": set(),
    "i18n.check": set(),
    "i18n.config": set(),
    "i18n.convene": set(),
    "i18n.convocation": set(),
    "i18n.dates": set(),
    "i18n.nouns": set(),
    "i18n.output": set(),
    "i18n.plan": set(),
    "i18n.publish": set(),
    "i18n.record": set(),
    "i18n.meet": set(),
    "i18n.seats": set(),
    # who sits: a pure function over the model (and the register), read by lists and report
    "convene.seats": {"calendar.parties", "i18n", "model", "text"},
    "i18n.report": set(),
    # the bilan's figures: the model and the meeting records, nothing that renders or writes
    "report.figures": {"meeting", "model", "text"},
    "report.charts": set(),
    "report.png": {"report.charts"},
    # the renderers lay the figures out; none computes, schedules or checks
    "report.layout": {"i18n", "model", "report.charts", "report.figures"},
    "report.html": {"report.charts", "report.layout"},
    "report.data": {"i18n", "model", "sheet", "report.Kind", "report.figures",
                    "report.layout", "report.seal"},
    "report.docs": {"word", "report.layout", "report.png"},
    "report.programme": {"i18n", "model", "report.layout"},
    "report.seal": {"word", "report.Kind"},
    "report.pdf": {"errors", "i18n"},
    # the convocation's words: text from the model, no e-mail, no calendar library
    "convene.letter": {"i18n", "model", "text"},
    # the planner knows the rules, not the solver; only plan.solver imports it
    "plan.problem": {"calendar", "calendar.rules", "calendar.workdays", "checks.context",
                     "model"},
    # the recording verbs edit the files through config's writer, never through ruamel; they
    # read the work calendar to refuse a day off given as a date
    "record.verbs": {"i18n", "config", "config.writer", "config.reader", "fileio", "errors",
                     "model", "record.refs",
                     "calendar", "calendar.workdays"},
    "record.refs": {"errors", "i18n", "model"},
    # the follow-up of actions: the model's records, named by the occurrence references
    "meet.followup": {"meeting", "model", "record", "record.refs", "calendar",
                      "calendar.scheduler", "calendar.workdays", "calendar.parties"},
    # the meeting's verbs edit the year file through the recording verbs' editor
    "meet.verbs": {"config", "config.writer", "errors", "i18n", "meeting", "model", "record.refs",
                   "record.verbs", "meet.followup"},
    "meet.render": {"i18n", "sheet", "meeting", "model", "meet.followup"},
    # the loader's pieces sit below it: the schema (with its converters), the records -> model
    # builders and the cross-file checks never import the loader that puts them together
    "config.converters": {"config.reader", "config.vocab", "model"},
    "config.schema": {"config.converters", "config.reader", "config.vocab", "i18n", "model",
                      "meeting"},
    "config.build": {"config.reader", "errors", "i18n", "model", "meeting"},
    "config.semantics": {"config.reader", "config.vocab", "i18n", "model", "meeting"},
}


def modules() -> dict[str, set[str]]:
    """ptfcal module name -> the top-level names it imports (absolute and ptfcal-relative)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        package = ".".join(rel.parts[:-1])
        imports: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = [p for p in base if p]
                    target = ".".join([*base, node.module] if node.module else base)
                    names = [target] if node.module else [f"{target}.{a.name}".strip(".")
                                                          for a in node.names]
                    imports |= {f"ptfcal.{n}".rstrip(".") for n in names}
                else:
                    imports.add(node.module or "")
        found[name] = imports
    return found


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_each_library_has_one_owner(library: str) -> None:
    users = {m for m, imps in modules().items()
             if any(i == library or i.startswith(library + ".") for i in imps)}
    assert users <= OWNERS[library], users - OWNERS[library]


def test_nothing_imports_the_cli() -> None:
    users = {m for m, imps in modules().items()
             if any(i == "ptfcal.cli" or i.startswith("ptfcal.cli.") for i in imps)}
    assert {u for u in users if u.split(".")[0] != "cli"} <= {"__main__"}


@pytest.mark.parametrize("module", sorted(LOWER))
def test_lower_layers_import_nothing_above_them(module: str) -> None:
    own = {i.removeprefix("ptfcal.") for i in modules()[module] if i.startswith("ptfcal.")}
    assert own <= LOWER[module]


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["generate", "--help"],
                                  ["check", "--help"], ["move", "--help"],
                                  ["plan", "--help"], ["circular", "--help"],
                                  ["lists", "--help"], ["people", "check", "--help"],
                                  ["login", "microsoft", "--help"], ["invite", "--help"],
                                  ["minutes", "--help"]])
def test_help_and_version_import_no_calendar_library(argv: list[str]) -> None:
    code = ("import sys\nfrom ptfcal.cli import main\nsys.argv = ['ptfcal', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = {'icalendar', 'holidays', 'yaml', 'dateutil', 'rich',\n"
            "         'recurring_ical_events', 'ruamel', 'ortools', 'msal', 'docx', 'lxml'}\n"
            "print('loaded:', sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith("loaded: []"), out


def test_generate_writes_the_feeds_without_importing_icalendar(tmp_path: Path) -> None:
    """R5: `generate` writes its feeds' content lines itself (publish/ics.py, compared with
    icalendar's in tests/test_feeds.py); icalendar's import was ~3 MiB of its peak memory.
    icalendar is imported only to re-read a published event (a cancelled copy) or to invite."""
    out = tmp_path / "out"
    code = ("import sys\nfrom ptfcal.cli import main\n"
            f"sys.argv = ['ptfcal', 'generate', '2020', '--as-of', '2020-07-01', '--out', "
            f"{str(out)!r}, '--quiet']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    print('exit', exc.code)\n"
            "print('icalendar' in {m.split('.')[0] for m in sys.modules})")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-2:] == ["exit 0", "False"], result
    assert (out / "2020" / "all.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
