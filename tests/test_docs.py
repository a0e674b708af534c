"""Documentation that cannot drift: the configuration reference is generated from the schema,
every events.json field is documented, every command is in the README."""

from __future__ import annotations

import re

from ptfcal.cli import app
from ptfcal.config.docs import reference
from ptfcal.publish.exports import event_dict
from tests.conftest import ROOT, bundled_schedule


def test_configuration_reference_matches_the_schema(golden) -> None:
    golden("configuration.md", reference("en"), where=ROOT / "docs")


def test_the_configuration_reference_exists_in_french(golden) -> None:
    """The secretariat reads French: every key's meaning is translated (a KeyError here names
    the doc string of a new key that has none yet in ptfcal/config/docs_fr.py)."""
    golden("configuration.fr.md", reference("fr"), where=ROOT / "docs")


def test_every_events_json_field_is_documented() -> None:
    doc = (ROOT / "docs" / "events-json.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, re.M))
    fields = set(event_dict(bundled_schedule(2020).events[0]))
    assert fields == documented


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    for name in names:
        assert f"ptfcal {name}" in readme, name


def test_readme_opens_with_the_two_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = readme[readme.index("```sh") + 1: readme.index("```sh") + 3]
    assert block[0].endswith("ptfcal generate 2020")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci


def test_every_rule_is_documented_in_the_readme() -> None:
    from tests.conftest import bundled_model

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in bundled_model().checks:
        row = next((line for line in readme.splitlines() if line.startswith(f"| {rule.id} |")),
                   None)
        assert row is not None, rule.id
        assert f"| {rule.severity.value}" in row, rule.id
        assert f"`{rule.kind}`" in row, rule.id


def test_the_french_readme_keeps_the_two_commands_and_every_rule() -> None:
    """README.fr.md opens with the same two commands and lists every rule with its kind."""
    from tests.conftest import bundled_model

    english = (ROOT / "README.md").read_text(encoding="utf-8")
    french = (ROOT / "README.fr.md").read_text(encoding="utf-8")

    def commands(text: str) -> str:
        return text.split("```sh\n", 1)[1].split("```", 1)[0]

    assert commands(french) == commands(english)
    for rule in bundled_model().checks:
        row = next((line for line in french.splitlines() if line.startswith(f"| {rule.id} |")),
                   None)
        assert row is not None and f"`{rule.kind}`" in row, rule.id


def test_the_readmes_say_how_to_reach_ptfcal_and_the_french_one_covers_convening() -> None:
    """After the two opening commands, ptfcal is not on a clean PATH: both READMEs say to
    activate the virtual environment (or to type .venv/bin/ptfcal) before any `ptfcal …`; the
    French one documents the invitations, not « pas encore faites »."""
    for name in ("README.md", "README.fr.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        opening = text.split("```sh\n", 1)[1].split("```", 1)[1].split("\n## ", 1)[0]
        assert ". .venv/bin/activate" in opening and ".venv\\Scripts\\activate" in opening, name
        assert "`.venv/bin/ptfcal …`" in opening and "ptfcal init seg && cd seg" in opening, name
    french = (ROOT / "README.fr.md").read_text(encoding="utf-8")
    assert "pas encore faites" not in french
    for words in ("ptfcal invite 2021 --due 21d --dry-run", "`--send`", "outbox.json",
                  "RFC 6047", "Son propre UID, le STATUS des flux",
                  "Qui convoque", "X-Unsent: 1"):
        assert words in french, words
