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
        m = KEY_VALUE.match(line)
        if op == "delete":
            del lines[i]
        elif op in ("value", "text") and m:
            value = (draw(st.sampled_from(WEIRD)) if op == "value"
                     else draw(st.text(min_size=0, max_size=30)))
            lines[i] = m[1] + b" " + value.encode("utf-8", "surrogatepass")
        elif op == "tab":
            stripped = line.lstrip(b" ")
            lines[i] = b"\t" * max(1, (len(line) - len(stripped)) // 2) + stripped
        elif op == "duplicate":
            lines.insert(i + 1, line)
        elif op == "complex-key":
            lines.insert(i, b"? [a, b]\n: c" if not line.startswith(b" ") else line)
        elif op == "backup":  # an editor's or a file manager's copy beside a year file
            files["years/2020 copy.yaml"] = TEXTS["years/2020.yaml"]
        elif op == "swap":
            j = draw(st.sampled_from(useful))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "raw":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(RAW)) + line[at:]
        else:  # indent: move the line one level deeper or shallower
            lines[i] = (b"  " + line) if draw(st.booleans()) else line[2:]
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
