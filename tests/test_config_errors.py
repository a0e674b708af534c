"""Bad configuration: every error names file:line:column, the key, the bad value and what was
expected; all errors are reported at once; the CLI exits 2 without a traceback and changes no
file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ptfcal.config import load
from ptfcal.errors import ConfigError
from tests.conftest import append, edit, run_ptfcal


def problems(config: Path, lang: str = "en") -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(config)
    return [p.render(lang) for p in info.value.problems]


def line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(text)


def test_the_bundled_configuration_loads() -> None:
    model = load(Path(__file__).parent.parent / "config")
    assert len(model.institutions) == 24
    assert {b.id for b in model.bodies.values() if b.category == "gt-ptf"} == {
        "gt-ptf-1-economie", "gt-ptf-2-capital-humain", "gt-ptf-3-gouvernance",
        "gt-ptf-4-paix-securite", "gt-ptf-5-environnement"}
    assert len([b for b in model.bodies.values() if b.category == "cps"]) == 11


def test_unknown_key_names_file_line_and_the_allowed_keys(config_copy) -> None:
    meetings = config_copy / "meetings.yaml"
    edit(meetings, "    shift_within: half-year\n", "    shift_witin: half-year\n")
    line = line_of(meetings, "shift_witin")
    (found,) = problems(config_copy)
    assert found.startswith(f"config/meetings.yaml:{line}:5: meeting_types[2].shift_witin: ")
    assert "unknown key 'shift_witin' (did you mean 'shift_within'?)" in found
    (french,) = problems(config_copy, "fr")
    assert "clé inconnue 'shift_witin' (vouliez-vous dire 'shift_within' ?) ; acceptées : " \
        in french


def test_bad_weekday_says_what_a_weekday_is(config_copy) -> None:
    meetings = config_copy / "meetings.yaml"
    edit(meetings, "      day: second wednesday\n", "      day: second mercredy\n")
    line = line_of(meetings, "second mercredy")
    (found,) = problems(config_copy)
    assert found == (f"config/meetings.yaml:{line}:12: meeting_types[0].rule.day: "
                     "'mercredy' is not a weekday (monday…sunday / lundi…dimanche)")


def test_french_words_are_accepted(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "      day: second wednesday\n      months: all except "
         "august", "      day: deuxième mercredi\n      months: tous les mois sauf août")
    model = load(config_copy)
    rule = model.meeting_types["gec-monthly"].rule
    assert (rule.ordinal, int(rule.weekday), 8 in rule.months) == (2, 2, False)


def test_unknown_body_reference_suggests_the_right_one(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "    held_by: ga\n", "    held_by: gaa\n")
    (found,) = problems(config_copy)
    assert "meeting_types[2].held_by: 'gaa' is not a known body (did you mean 'ga'?)" in found


def test_fifth_weekday_every_month_is_impossible(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "      day: second wednesday\n",
         "      day: fifth wednesday\n")
    (found,) = problems(config_copy)
    assert "impossible rule: a fifth Wednesday does not exist in every month" in found


def test_window_after_its_own_deadline_is_impossible(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "      months: [march, april]\n      until: before 30 "
         "april", "      months: [april, may]\n      until: before 30 april")
    (found,) = problems(config_copy)
    assert "impossible rule: its months (May) fall after its own limit (before 30 April)" in found


def test_relative_rule_to_a_month_its_anchor_skips_is_impossible(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "      months: [march, june, september, december]",
         "      months: [march, june, august, december]")
    (found,) = problems(config_copy)
    assert "impossible rule: 'gec-monthly' has no occurrence in August" in found


def test_deadline_that_does_not_exist_every_year(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "      deadline: before 15 january\n",
         "      deadline: by 29 february\n")
    (found,) = problems(config_copy)
    assert "February has no day 29 in every year" in found


@pytest.mark.parametrize(("old", "new", "key"), [
    # the fuzz test's mutation that crashed `ptfcal check` with an IndexError
    ("    of: [harmonised-calendar-circular]\n    then: [sector-review]\n",
     "    of: []\n    then: [sector-review]\n", "of"),
    ("    of: [harmonised-calendar-circular]\n    then: [sector-review]\n",
     "    of: [harmonised-calendar-circular]\n    then: []\n", "then"),
])
def test_an_empty_list_a_check_needs_is_refused(config_copy, old, new, key) -> None:
    checks = config_copy / "checks.yaml"
    edit(checks, old, new)
    line = line_of(checks, "id: C-SR-2")
    (found,) = problems(config_copy)
    assert found.startswith(f"config/checks.yaml:{line}:")
    assert found.endswith(f"{key}: a 'order' check needs '{key}'")
    (french,) = problems(config_copy, "fr")
    assert french.endswith(f"{key}: une vérification 'order' demande « {key} »")


def test_a_same_event_rule_needs_a_pair_of_types(config_copy) -> None:
    # `of: [rbc]` alone used to load, then crash `check` (IndexError on the second type)
    checks = config_copy / "checks.yaml"
    edit(checks, "of: [credd-review-political, rbc]", "of: [rbc]")
    line = line_of(checks, "id: C-CREDD-5")
    (found,) = problems(config_copy)
    assert found.startswith(f"config/checks.yaml:{line}:")
    assert found.endswith("of: a 'same-event' check compares exactly two meeting types (here 1)")
    (french,) = problems(config_copy, "fr")
    assert french.endswith("of: une vérification 'same-event' compare exactement deux types de "
                           "réunion (ici 1)")


def test_wrong_types_duplicates_tags_and_aliases(config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "strict_deadlines: true", "strict_deadlines: maybe")
    append(config_copy / "institutions.yaml", "  - id: suisse\n    name: Suisse bis\n"
           "    kind: bilateral\n")
    edit(config_copy / "roles.yaml", "    chef_de_file: banque-mondiale\n",
         "    chef_de_file: banque-mondiale\n    chef_de_file: bad\n")
    found = problems(config_copy)
    text = "\n".join(found)
    assert "config/ptfcal.yaml:" in text and "'maybe' is not true or false" in text
    assert "duplicate id 'suisse' (the id of an institution; first defined at " in text
    assert "years[0].chef_de_file: duplicate key (first at line" in text
    assert len(found) == 3  # every error at once, across files


def test_yaml_alias_is_refused(config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "calendar_name:\n  fr: PTF Mali\n  en: PTF Mali",
         "calendar_name: &n\n  fr: PTF Mali\n  en: PTF Mali\nextra: *n")
    found = problems(config_copy)
    assert any("anchors and aliases (&name / *name) are not supported" in f for f in found)


def test_python_tags_are_refused(config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "language: fr", "language: !!python/object:os.system fr")
    (found,) = problems(config_copy)
    assert "YAML tag '!!python/object:os.system' is not allowed" in found


def test_tabs_and_syntax_errors_have_a_line(config_copy) -> None:
    path = config_copy / "roles.yaml"
    edit(path, "  - year: 2020\n", "  - year: 2020\n\tbroken: here\n")
    (found,) = problems(config_copy)
    assert found == (f"config/roles.yaml:{line_of(path, 'broken: here')}:1: tabs are not allowed "
                     "in YAML: indent with spaces")


@pytest.mark.parametrize("bad, expected", [
    ("  - year: 2020\n    troika: [allemagne, suisse\n",
     "« , » ou « ] » attendu dans une liste entre crochets"),
    ("  - year: 2020\n    chef_de_file: a: b\n", "deux-points « : » inattendus"),
    ("  - year: 2020\n   broken: here\n", "un élément de liste « - » était attendu ici"),
    ("  - year: 2020\n    chef_de_file: \"abc\n", "fin du fichier inattendue"),
    ("  - year: 2020\n    chef_de_file: \"a\\qb\"\n", "séquence d'échappement inconnue"),
    ("  - year: 2020\n    chef_de_file: `x\n", "caractère réservé de YAML"),
])
def test_yaml_syntax_errors_are_explained_in_french(config_copy, bad, expected) -> None:
    from ptfcal.config import load

    edit(config_copy / "roles.yaml", "  - year: 2020\n", bad)
    with pytest.raises(ConfigError) as info:
        load(config_copy)
    (problem,) = info.value.problems
    assert problem.mark.file == "config/roles.yaml"
    assert expected in problem.render("fr"), problem.render("fr")
    assert "l'analyseur dit" not in problem.render("fr")


def test_unknown_file_is_an_error(config_copy) -> None:
    (config_copy / "calender.yaml").write_text("year: 2020\n", encoding="utf-8")
    (found,) = problems(config_copy)
    assert found.startswith("config/calender.yaml:1:1: unknown configuration file")


def test_year_file_must_match_its_name(config_copy) -> None:
    edit(config_copy / "years" / "2019.yaml", "year: 2019", "year: 2018")
    (found,) = problems(config_copy)
    assert "config/years/2019.yaml:1:1: year: 2018 does not match the file name" in found


def test_recorded_fact_about_an_occurrence_that_does_not_exist(config_copy, tmp_path) -> None:
    path = config_copy / "years" / "2020.yaml"
    edit(path, "    nominal: 2020-06-10\n", "    nominal: 2020-06-11\n")
    result = run_ptfcal("generate", "2020", "--config", str(config_copy), "--out",
                        str(tmp_path / "out"))
    assert result.code == 2
    line = line_of(path, "type: gec-monthly")
    assert (f"config/years/2020.yaml:{line}:5: nominal: aucune occurrence de 'gec-monthly' pour "
            "'gec' n'a la date de règle 2020-06-11 ; dates de règle en 2020 : 2020-01-08, "
            "2020-02-12,") in result.err


def test_recorded_fact_for_a_type_with_several_bodies_needs_the_body(config_copy) -> None:
    append(config_copy / "years" / "2020.yaml", (
        "  - type: gt-ptf-coordination\n    nominal: 2020-07-02\n    cancelled: true\n"))
    (found,) = problems(config_copy)
    assert "'gt-ptf-coordination' is held by several bodies; say which:" in found


def test_typo_gives_one_line_exit_2_and_leaves_feeds_untouched(config_copy, tmp_path) -> None:
    out = tmp_path / "calendars"
    first = run_ptfcal("generate", "2020", "--config", str(config_copy), "--out", str(out))
    assert first.code == 0, first.err
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    edit(config_copy / "meetings.yaml", "      day: second wednesday\n",
         "      day: secnd wednesday\n")
    result = run_ptfcal("generate", "2020", "--config", str(config_copy), "--out", str(out))
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("config/meetings.yaml:")
    assert "rule.day: 'secnd wednesday' n'est pas « <rang> <jour> »" in lines[0]
    assert lines[1] == ("erreur : 1 erreur dans la configuration ; aucun fichier n'a été "
                        "modifié.")
    assert "Traceback" not in result.err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_validate_command(config_copy) -> None:
    ok = run_ptfcal("validate", "--config", str(config_copy))
    assert ok.code == 0
    assert ok.out.startswith("Configuration valide : ")
    edit(config_copy / "institutions.yaml", "short: {fr: PAM, en: WFP}\n    kind: un\n",
         "short: {fr: PAM, en: WFP}\n    kind: onu\n")
    bad = run_ptfcal("validate", "--config", str(config_copy), "--lang", "en")
    assert bad.code == 2
    assert "is not a kind of institution (bilateral / multilateral / un)" in bad.err
    assert bad.err.rstrip().endswith("no file was changed.")


def test_missing_configuration_folder(tmp_path) -> None:
    result = run_ptfcal("validate", "--config", str(tmp_path / "nowhere"))
    assert result.code == 2
    assert "ce n'est pas un dossier de configuration ptfcal : ptfcal.yaml est absent" in result.err
    english = run_ptfcal("validate", "--config", str(tmp_path / "nowhere"), "--lang", "en")
    assert "not a ptfcal configuration folder: ptfcal.yaml is missing" in english.err


# --- what `validate` accepts, `generate` can use (issue 10) -------------------------------------

RETREAT_RULE = ("    rule:                    # A-09 [PROPOSAL]: precedent 19 February 2019, a "
                "third Tuesday\n      day: third tuesday\n      months: [february]\n")
ROLES_LINES = len((Path(__file__).parent.parent / "config" / "roles.yaml").read_text(
    encoding="utf-8").splitlines())
REFUSED = {
    "summer time": ("ptfcal.yaml", "timezone: Africa/Bamako", "timezone: Europe/Paris",
                    "ptfcal.yaml:5:11: timezone: 'Europe/Paris' has daylight saving time"),
    "localtime": ("ptfcal.yaml", "timezone: Africa/Bamako", "timezone: localtime",
                  "ptfcal.yaml:5:11: timezone: 'localtime' is not a known IANA time zone"),
    "unknown country": ("ptfcal.yaml", "holidays_country: ML", "holidays_country: XX",
                        "ptfcal.yaml:10:19: holidays_country: 'XX': the holidays package has "
                        "no public holidays for this country"),
    "backup file": ("years/2020 copy.yaml", None, None,
                    "years/2020 copy.yaml:1:1: unknown configuration file"),
    "complex key": ("roles.yaml", None, "? [a, b]\n: c\n",
                    f"roles.yaml:{ROLES_LINES + 1}:3: a key must be a plain word"),
    "two records": ("years/2020.yaml", "occurrences:\n", "occurrences:\n"
                    "  - type: ga-meeting\n    nominal: 2020-04-22\n    cancelled: true\n"
                    "  - type: ga-meeting\n    nominal: 2020-04-22\n    date: 2020-04-23\n",
                    "years/2020.yaml:7:5: nominal: two records for the same occurrence "
                    "(ga-meeting, 2020-04-22); the first is on line 4"),
    "holiday twice": ("holidays.yaml", "days_off:\n",
                      "days_off:\n  - date: 2022-09-23\n    name: Encore\n",
                      "days_off.date: 2022-09-23 is already given on line"),
    "before 1 january": ("meetings.yaml", "      deadline: before 15 january",
                         "      deadline: before 1 january",
                         "rule: impossible rule: 'before 1 January' always falls in the "
                         "previous year"),
    "cycle through after": ("meetings.yaml", RETREAT_RULE,
                            "    rule:\n      day: 7 days before\n      of: gec-annual-axes\n",
                            "circular rule: annual-retreat -> gec-annual-axes -> "
                            "annual-retreat"),
    "huge note": ("meetings.yaml", "    short: {fr: \"Retraite\", en: \"Retreat\"}\n",
                  "    short: {fr: \"Retraite\", en: \"Retreat\"}\n    note: " + "x" * 900_000
                  + "\n", "note: a text of 900,000 characters; 2,000 at most"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_validate_refuses_what_generate_cannot_use(config_copy, tmp_path, case) -> None:
    """Each of these was accepted by `validate` and crashed `generate` (exit 70), or was
    wrong and accepted: now both refuse it, with a file and line, exit 2."""
    from tests.conftest import run_ptfcal

    name, old, new, expected = REFUSED[case]
    path = config_copy / name
    if name == "years/2020 copy.yaml":
        shutil.copy(config_copy / "years" / "2020.yaml", path)
    elif old is None:
        path.write_text(path.read_text(encoding="utf-8") + new, encoding="utf-8")
    else:
        edit(path, old, new)
    for command in (["validate"], ["generate", "2020", "--out", str(tmp_path / "out")],
                    ["check", "2020"]):
        result = run_ptfcal(*command, "--config", str(config_copy), "--lang", "en",
                            cwd=tmp_path)
        assert result.code == 2, (command, result.code, result.err[-1500:])
        assert "internal error" not in result.err and "Traceback" not in result.err
        assert f"config/{expected}" in result.err or expected in result.err, result.err[-1500:]
        assert re.search(r"config/[\w /.-]+\.yaml:\d+:\d+: ", result.err), result.err
    assert not (tmp_path / "out").exists()


def test_a_country_without_islamic_holidays_is_usable(config_copy, tmp_path) -> None:
    from tests.conftest import run_ptfcal

    edit(config_copy / "ptfcal.yaml", "holidays_country: ML", "holidays_country: FR")
    # (Mali's announced dates do not apply to France)
    (config_copy / "holidays.yaml").write_text("official_dates: []\ndays_off: []\n")
    assert run_ptfcal("validate", "--config", str(config_copy)).code == 0
    result = run_ptfcal("generate", "2020", "--config", str(config_copy), "--out",
                        str(tmp_path / "out"), "-q")
    assert result.code == 0, result.err


def test_a_single_load_keeps_no_yaml_tree(config_copy) -> None:
    """`load(once=True)` (what read-only commands use) remembers no file's tree: they were
    ~3 MiB of `generate`'s peak memory (R5). An edit's two loads still share them."""
    from ptfcal.config import reader

    reader._COMPOSED.clear()
    append(config_copy / "meetings.yaml", "# once\n")
    model = load(config_copy, once=True)
    assert len(model.institutions) == 24
    assert reader._COMPOSED == {}
    load(config_copy)
    meetings = (config_copy / "meetings.yaml").read_text(encoding="utf-8")
    assert meetings in reader._COMPOSED
    assert load(config_copy, once=True).meeting_types == model.meeting_types
