"""Bad input never crashes: the bundled configuration, mutated at random.

Every mutated configuration must either still be valid (some mutations are harmless: an
optional key deleted, a value replaced by another valid one) or be refused with a
`ConfigError` whose every problem names a file and a line — never another exception. The same
holds through the real command: exit code 0 or 2, never a traceback.

CI runs a small sample; a nightly-sized run is `PTFCAL_FUZZ_EXAMPLES=500 pytest tests/test_fuzz.py`.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptfcal.config import load
from ptfcal.errors import ConfigError
from ptfcal.publish.publication import publish
from tests.conftest import CONFIG, run_ptfcal

EXAMPLES = int(os.environ.get("PTFCAL_FUZZ_EXAMPLES", "40"))
FILES = sorted(p.relative_to(CONFIG).as_posix() for p in CONFIG.rglob("*.yaml"))
TEXTS = {name: (CONFIG / name).read_bytes() for name in FILES}
OUTCOMES: Counter[str] = Counter()  # what the mutations gave, reported at the end

# values that are wrong somewhere: other types, impossible dates and times, wrong weekdays,
# unknown ids, huge numbers, odd Unicode, YAML features ptfcal refuses
WEIRD = [
    '""', "~", "[]", "{}", "[1, 2]", "{a: 1}", "yes", "no", "on", "-1", "0", "3.5",
    "99999999999999999999999999", "1e309", ".nan", "-.inf", "0x1F", "0o17", "1_000",
    "2020-02-30", "2020-13-01", "0000-01-01", "9999-12-31", "2020-06-31", "1800-01-01",
    "25:61", "09:00-08:00", "24:00", "dimanche", "sunday", "mercredi", "sixth", "fifth",
    "inconnu-xyz", "gec", "afd", "seg", "GEC", "Gec Mensuel",
    '"\\u202e\\u200b"', '"\\0"', "'😀'", "ﬁ", "٢٠٢٠", "'\U0001f1f2\U0001f1f1'",
    "!!python/object/apply:os.system [echo]", "!custom x", "!!binary aGVsbG8=",
    "&anchor x", "*anchor", "{{", "}", "[", "%x", "@x", "`x", "'unterminated",
    "|\n  block", ">-", "- item", "? complex", "x" * 5000,
    # values `validate` once accepted and `generate` crashed on (issue 10)
    "Europe/Paris", "localtime", "UTC", "XX", "FR", "before 1 january", "by 31 february",
    "first after", "7 days before", "[gec-monthly, gec-monthly]",
]
RAW = [b"\t", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"\xc3", b"\r", b"\x1b[31m", b"\xe2\x80\xa8"]

KEY_VALUE = re.compile(rb"^(\s*(?:- )?[\w-]+:)( .*)?$")


def _edit_line(draw, lines: list[bytes], i: int, useful: list[int], op: str,
               values: dict) -> None:
    """The line edits both YAML fuzzers make (the configuration's, the register's): `values`
    maps each value-replacing op to the strategy of its values; a value op on a line that holds
    no `key: value`, like `indent`, moves the line one level deeper or shallower."""
    line = lines[i]
    m = KEY_VALUE.match(line)
    if op == "delete":
        del lines[i]
    elif op in values and m:
        lines[i] = m[1] + b" " + draw(values[op]).encode("utf-8", "surrogatepass")
    elif op == "tab":
        stripped = line.lstrip(b" ")
        lines[i] = b"\t" * max(1, (len(line) - len(stripped)) // 2) + stripped
    elif op == "duplicate":
        lines.insert(i + 1, line)
    elif op == "swap":
        j = draw(st.sampled_from(useful))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "raw":
        at = draw(st.integers(0, len(line)))
        lines[i] = line[:at] + draw(st.sampled_from(RAW)) + line[at:]
    else:
        lines[i] = (b"  " + line) if draw(st.booleans()) else line[2:]


@st.composite
def mutations(draw) -> dict[str, bytes]:
    """1 to 3 edits of one or two files of the configuration: file name -> new bytes."""
    files: dict[str, bytes] = {}
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(FILES))
        lines = (files.get(name) or TEXTS[name]).split(b"\n")
        useful = [i for i, line in enumerate(lines)
                  if line.strip() and not line.lstrip().startswith(b"#")]
        i = draw(st.sampled_from(useful))
        line = lines[i]
        op = draw(st.sampled_from(["delete", "value", "value", "text", "tab", "duplicate",
                                   "swap", "raw", "indent", "complex-key", "backup"]))
        if op == "complex-key":
            lines.insert(i, b"? [a, b]\n: c" if not line.startswith(b" ") else line)
        elif op == "backup":  # an editor's or a file manager's copy beside a year file
            files["years/2020 copy.yaml"] = TEXTS["years/2020.yaml"]
        else:
            _edit_line(draw, lines, i, useful, op, {
                "value": st.sampled_from(WEIRD), "text": st.text(min_size=0, max_size=30)})
        files[name] = b"\n".join(lines)
    return files


def _apply(folder: Path, files: dict[str, bytes]) -> Path:
    """A fresh folder (hypothesis runs every example with the same tmp_path) holding `config/`,
    the bundled configuration with `files` replaced."""
    config = Path(tempfile.mkdtemp(dir=folder)) / "config"
    shutil.copytree(CONFIG, config, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for name, data in files.items():
        (config / name).write_bytes(data)
    return config


def _run_pipeline(config: Path) -> None:
    """What `ptfcal generate 2020` does before writing: load, schedule 2019-2021, check."""
    model = load(config)
    publish(model, [2020], today=date(2020, 7, 1), with_check=True)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=mutations())
def test_a_mutated_configuration_is_valid_or_refused_with_file_and_line(files, tmp_path) -> None:
    config = _apply(tmp_path, files)
    try:
        _run_pipeline(config)
    except ConfigError as exc:
        OUTCOMES["refused"] += 1
        assert exc.problems
        for problem in exc.problems:
            assert problem.mark is not None, problem.render("en")
            assert problem.mark.line >= 1, problem.render("en")
            assert (config.parent / problem.mark.file).is_file(), problem.render("en")
    else:
        OUTCOMES["still valid"] += 1
    finally:
        shutil.rmtree(config.parent)


@settings(max_examples=max(4, EXAMPLES // 10), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=mutations())
def test_the_command_exits_2_with_file_and_line_never_a_traceback(files, tmp_path) -> None:
    config = _apply(tmp_path, files)
    out = config.parent / "out"
    result = run_ptfcal("generate", "2020", "--config", str(config), "--as-of", "2020-07-01",
                        "--out", str(out), cwd=config.parent)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert result.code in (0, 2), result.err
    if result.code == 2:
        assert re.search(r"config/[\w /.-]+\.yaml:\d+:\d+: ", result.err), result.err
        assert not out.exists()  # nothing written


def test_fuzz_outcomes_are_reported() -> None:
    """Not a check: prints how the sample split (pytest -s shows it)."""
    print(f"\nfuzz sample: {dict(OUTCOMES)}")


# --- hostile files: refused quickly, in bounded memory ---------------------------------------

def _limited() -> None:
    """The child may use 2 CPU-seconds and 1 GiB of address space: expanding a YAML bomb or
    recursing through a deeply nested file would be killed, and the test would fail."""
    resource.setrlimit(resource.RLIMIT_CPU, (2, 2))
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _billion_laughs() -> str:
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        lines.append(f"lol{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name, content, expected", [
    ("checks.yaml", _billion_laughs(), "anchors and aliases"),
    ("bodies/deep.yaml", "bodies: " + "[" * 200_000 + "]" * 200_000 + "\n", "nested more than"),
    ("bodies/deep.yaml", "bodies:\n" + "- " * 300_000 + "x\n", "nested more than"),
    ("bodies/wide.yaml", "bodies: [" + "1, " * 330_000 + "1]\n", "more than 50,000 values"),
    ("bodies/huge.yaml", "# " + "x" * 2_000_000 + "\n", "may not exceed"),
], ids=["billion-laughs", "deep-flow", "deep-block", "wide", "huge"])
def test_hostile_yaml_is_refused_in_bounded_time_and_memory(tmp_path, name, content,
                                                            expected) -> None:
    config = _apply(tmp_path, {})
    path = config / name
    if name == "checks.yaml":
        path.write_text(path.read_text(encoding="utf-8") + content, encoding="utf-8")
    else:
        path.write_text(content, encoding="utf-8")
    result = run_ptfcal("validate", "--config", str(config), "--lang", "en", cwd=tmp_path,
                        preexec=_limited)
    assert result.code == 2, (result.code, result.err[-2000:])
    assert f"config/{name}:" in result.err and expected in result.err, result.err
    assert "Traceback" not in result.err


# --- the journal and the outbox, mutated at random (issue 20) -----------------------------------
# Each is JSON ptfcal wrote that a hand, a crash or an attacker may have changed: a real entry
# (an outbox) is mutated (values of every type, deleted and renamed keys, paths out of the
# folder, huge numbers, lone surrogates, bytes that are not UTF-8, truncation, deep nesting) and
# must be used or refused with a message naming the file: exit 0, 1 or 2, never a traceback,
# never a file written or deleted outside the configuration.

HOSTILE_KEYS = ["../victim.txt", "{victim}", "years/../../victim.txt", "..\\victim.txt",
                "C:\\victim.txt", "C:victim.txt", "", ".", "years", "years/", "./roles.yaml",
                "years/2020.yaml/..", "a\0b", "roles.yaml", "years/2031.yaml",
                "SEG@EXAMPLE.ORG", "x" * 300, "\udcff", "é"]
JSON_WEIRD = st.one_of(
    st.sampled_from([None, True, False, 0, -1, 1, 2**31 - 1, 2**31, 2**70, -2**70, 1.5,
                     float("inf"), float("nan"), "", "x", "\udcff", "\x00", [], {}, [1], [None],
                     {"a": 1}, "REQUEST", "CANCEL", "2020-13-45", "2020-07-08", *HOSTILE_KEYS]),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                 lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6))


def _paths(doc, prefix: tuple = ()):
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for n, value in enumerate(doc):
            yield from _paths(value, (*prefix, n))


@st.composite
def json_mutations(draw, base: dict) -> bytes:
    """1 to 3 changes of `base` (a JSON document ptfcal wrote), then maybe of its bytes."""
    import copy
    import json

    doc: object = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(doc))))
        op = draw(st.sampled_from(["value", "value", "delete", "key"]))
        # a copy: JSON_WEIRD's lists and dicts are shared between examples, and a later change
        # of this one would edit them in place (hypothesis then sees a strategy that changed)
        if not path:
            doc = copy.deepcopy(draw(JSON_WEIRD))
            continue
        parent = doc
        for part in path[:-1]:
            parent = parent[part]  # type: ignore[index]
        if op == "value":
            parent[path[-1]] = copy.deepcopy(draw(JSON_WEIRD))  # type: ignore[index]
        elif op == "delete":
            del parent[path[-1]]  # type: ignore[attr-defined]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(HOSTILE_KEYS))] = parent.pop(path[-1])
    data = json.dumps(doc, ensure_ascii=draw(st.booleans()), indent=1).encode(
        "utf-8", "surrogatepass")
    raw = draw(st.sampled_from(["none", "none", "none", "truncate", "byte", "deep"]))
    if raw == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif raw == "byte":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(RAW)) + data[at:]
    elif raw == "deep":
        depth = draw(st.sampled_from([1_000, 100_000]))
        data = b'{"x": ' + b"[" * depth + b"]" * depth + b", " + data[1:]
    return data


def _outside(folder: Path) -> dict[str, bytes]:
    """Every file of `folder` but its configuration: what an undo or an invite must not touch."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "config"}


@pytest.fixture(scope="module")
def journalled(tmp_path_factory) -> tuple[Path, dict]:
    """A configuration with one real edit journalled, and that entry."""
    import json

    config = tmp_path_factory.mktemp("journalled") / "config"
    shutil.copytree(CONFIG, config, ignore=shutil.ignore_patterns("__pycache__", "*.py",
                                                                  ".ptfcal*"))
    result = run_ptfcal("confirm", "gec-monthly@2020-07", "--config", str(config))
    assert result.code == 0, result.err
    return config, json.loads((config / ".ptfcal-journal" / "000001.json").read_bytes())


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_journal_entry_is_undone_or_refused_with_its_name(data, journalled,
                                                                   tmp_path) -> None:
    source, entry = journalled
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    config = folder / "config"
    shutil.copytree(source, config, ignore=shutil.ignore_patterns(".ptfcal.lock"))
    victim = folder / "victim.txt"
    victim.write_text("précieux\n", encoding="utf-8")
    content = data.draw(json_mutations(entry)).replace(
        b"{victim}", str(victim).encode().replace(b"\\", b"\\\\"))
    path = config / ".ptfcal-journal" / "000001.json"
    path.write_bytes(content)
    before = _outside(folder)
    result = run_ptfcal("undo", "--config", str(config))
    OUTCOMES[f"journal exit {result.code}"] += 1
    assert "Traceback" not in result.err and "erreur interne" not in result.err, result.err
    assert result.code in (0, 2), (result.code, result.err)
    if result.code == 2:
        assert "000001.json" in result.err or re.search(r"[\w/.-]+ a été modifié", result.err) \
            or str(config) in result.err, result.err
    assert _outside(folder) == before
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def sent(tmp_path_factory) -> tuple[Path, dict]:
    """A configuration with its register, and the outbox of the 2020 GECs all sent (as a run
    whose server accepted every message leaves it)."""
    import json
    from datetime import UTC, datetime

    from ptfcal.cli.convening import _meetings
    from ptfcal.convene import invite as inv
    from ptfcal.convene import lists as lst
    from ptfcal.convene import register

    config = tmp_path_factory.mktemp("sent") / "config"
    shutil.copytree(CONFIG, config, ignore=shutil.ignore_patterns("__pycache__", "*.py",
                                                                  ".ptfcal*"))
    (config / "people.yaml").write_bytes((CONFIG.parent / "docs" / "people-sample.yaml")
                                         .read_bytes())
    model = load(config)
    events = _meetings(model, 2020, "gec-monthly", None, cancelled=True)[-2:]
    rows = lst.build(model, events, register.load(config / "people.yaml", model))
    box = config.parent / "outbox"
    box.mkdir()
    outbox = inv.Outbox.open(box)
    now = datetime(2020, 1, 2, tzinfo=UTC)
    for m in inv.plan(outbox, model, events, rows, "seg@example.org", "SEG", now,
                      provisional=True).messages:
        inv.record(outbox, m, list(m.recipients), now)
    return config, json.loads((box / "outbox.json").read_bytes())


@settings(max_examples=max(4, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_outbox_is_used_or_refused_with_its_name(data, sent, tmp_path) -> None:
    config, state = sent
    box = Path(tempfile.mkdtemp(dir=tmp_path))
    content = data.draw(json_mutations(state)).replace(b"{victim}", b"victim.txt")
    (box / "outbox.json").write_bytes(content)
    result = run_ptfcal("invite", "2020", "--type", "gec-monthly", "--dry-run", "--provisional",
                        "--organizer", "seg@example.org", "--outbox", str(box), "--config",
                        str(config))
    OUTCOMES[f"outbox exit {result.code}"] += 1
    assert "Traceback" not in result.err and "erreur interne" not in result.err, result.err
    assert result.code in (0, 2), (result.code, result.err)
    if result.code == 2:
        assert str(box / "outbox.json") in result.err or "SEQUENCE" in result.err, result.err
    assert (box / "outbox.json").read_bytes() == content  # a dry run never marks anything sent
    shutil.rmtree(box)


# --- the register of people, mutated at random (issue 20) ---------------------------------------
# The register is YAML a secretariat edits by hand: the sample, mutated as the configuration is
# above (and with whole persons copied, the seats' own words, addresses and formulas), must be
# used or refused naming the file and the line, by `people check` and by the lists written as
# CSV: exit 0 or 2, never a traceback; a list written never holds a cell Excel would run.

SAMPLE_REGISTER = (CONFIG.parent / "docs" / "people-sample.yaml").read_bytes()
REGISTER_WEIRD = [
    "head", "deputy", "ambassador", "expert", "binome", "dialogue-leader", "tripartite",
    "nexus-focal-point", "titulaire", "HEAD", "banque-mondiale", "pays-bas", "france",
    "gd-autonomisation-femmes", "gt-ptf-1-economie", "gec", "en", "fr", "EN", "bm",
    "2021-01-01", "2021-12-31", "2030-01-01", "1990-01-01", "2021-02-29",
    "awa.banque-mondiale.head@example.org", "AWA.BANQUE-MONDIALE.HEAD@EXAMPLE.ORG",
    "a@b", "a@@b.org", "a b@example.org", "é@exemple.ml", "x@example.org\\r\\nBcc: y@z.org",
    "'=HYPERLINK(\"http://x.example\")'", "'+1'", "'@SUM(1)'", "'-2+3'", "\"\\tTab\"",
    '"Awa\\u202e\\u200bExemple"', "'Nom, Prénom; \"x\"'", '"a\\nb"', "'\\x00'",
]


@st.composite
def register_mutations(draw) -> bytes:
    """1 to 3 edits of the sample register: lines deleted, values replaced, indentation
    broken, bytes inserted, whole persons copied (the same address twice)."""
    lines = SAMPLE_REGISTER.split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        useful = [i for i, line in enumerate(lines)
                  if line.strip() and not line.lstrip().startswith(b"#")]
        if not useful:
            break
        i = draw(st.sampled_from(useful))
        op = draw(st.sampled_from(["delete", "value", "value", "register", "register", "text",
                                   "tab", "duplicate", "person", "swap", "raw", "indent"]))
        if op == "person":  # a whole person copied at the end (a copied line does)
            starts = [n for n, x in enumerate(lines) if x.startswith(b"  - ")]
            first = draw(st.sampled_from(starts))
            end = next((n for n in starts if n > first), len(lines))
            block = [x for x in lines[first:end] if x.strip()]
            lines = [*lines[:len(lines) - (lines[-1] == b"")], *block, b""]
        else:
            _edit_line(draw, lines, i, useful, op, {
                "value": st.sampled_from(WEIRD), "register": st.sampled_from(REGISTER_WEIRD),
                "text": st.text(min_size=0, max_size=30)})
    return b"\n".join(lines)


FORMULA = re.compile(r"^[=+\-@\t\r\n]")


@settings(max_examples=max(4, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(content=register_mutations())
def test_a_mutated_register_is_used_or_refused_with_file_and_line(content, tmp_path) -> None:
    import csv
    import io

    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / "people.yaml"
    path.write_bytes(content)
    checked = run_ptfcal("people", "check", "--people", str(path), "--config", str(CONFIG))
    listed = run_ptfcal("lists", "2021", "--people", str(path), "--format", "csv",
                        "--config", str(CONFIG))
    OUTCOMES[f"register exit {checked.code}/{listed.code}"] += 1
    for result in (checked, listed):
        assert "Traceback" not in result.err and "erreur interne" not in result.err, result.err
        assert result.code in (0, 2), (result.code, result.err)
        if result.code == 2:
            assert re.search(r"people\.yaml:\d+:\d+: ", result.err), result.err
    # the lists need a valid register as `people check` does (its warnings aside)
    assert (checked.code == 0) == (listed.code == 0), (checked.err, listed.err)
    if listed.code == 0:
        assert listed.out.startswith("\ufeff")
        table = list(csv.reader(io.StringIO(listed.out.removeprefix("\ufeff")),
                                delimiter=";"))
        assert len(table) > 1 and all(len(row) == len(table[0]) for row in table)
        assert not [c for row in table for c in row if FORMULA.match(c)], table
    assert path.read_bytes() == content  # read, never written
    shutil.rmtree(folder)


@pytest.mark.parametrize("content, expected", [
    ("people:\n" + _billion_laughs().replace("lol0:", "- lol0:").replace("\nlol", "\n  lol"),
     "anchors and aliases"),
    ("people: " + "[" * 200_000 + "]" * 200_000 + "\n", "nested more than"),
    ("# " + "x" * 2_000_000 + "\n", "may not exceed"),
], ids=["billion-laughs", "deep-flow", "huge"])
def test_a_hostile_register_is_refused_in_bounded_time_and_memory(tmp_path, content,
                                                                   expected) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(content, encoding="utf-8")
    result = run_ptfcal("people", "check", "--people", str(path), "--config", str(CONFIG),
                        "--lang", "en", cwd=tmp_path, preexec=_limited)
    assert result.code == 2, (result.code, result.err[-2000:])
    assert "people.yaml:" in result.err and expected in result.err, result.err[-2000:]
    assert "Traceback" not in result.err
