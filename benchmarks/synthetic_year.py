"""A synthetic year shaped like the real one, for `ptfcal plan`'s benchmarks, made from the
bundled configuration (issue 13): every placeholder switched on (a Groupe de Dialogue meeting a
month per GD, the CPS sub-groups every two months, one review per CPS in March-April), plus a
monthly meeting of each GD with its ministry, all on the third Tuesday afternoon (the planner
has to spread them), and a monthly meeting of each humanitarian cluster, area of
responsibility and forum, all movable within their month.

    python benchmarks/synthetic_year.py FOLDER      # writes the configuration into FOLDER
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

PLACEHOLDERS = ("placeholders: [gt-gd-meeting, sector-review, credd-subgroup-meeting, "
                "cluster-meeting]")
MONTHLY = ("    rule:\n      day: spread monthly\n      months: all except august\n"
           "    generate: false\n    flexible: true\n")
# every GD meets its ministry the same afternoon: the planner has to spread them over the month
SAME_DAY = ("    rule:\n      day: third tuesday\n      months: all except august\n"
            "    flexible: true\n    shift_within: month\n"
            "    participants: [members, parent]\n")  # C-GD-1: with its GT PTF


def _with_rule(text: str, type_id: str, rule: str, time: str) -> str:
    start = text.index(f"  - id: {type_id}\n")
    at = text.index("    time: 10:00-12:00\n", start)
    return text[:at] + rule + f"    time: {time}\n" + text[at + len("    time: 10:00-12:00\n"):]


def make(bundled: Path, target: Path) -> Path:
    shutil.copytree(bundled, target, ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    settings = target / "ptfcal.yaml"
    text = settings.read_text(encoding="utf-8")
    assert text.count("placeholders: []") == 1
    settings.write_text(text.replace("placeholders: []", PLACEHOLDERS), encoding="utf-8")
    meetings = target / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    text = _with_rule(text, "gd-ministry-meeting", SAME_DAY, "14:30-16:30")
    text = _with_rule(text, "cluster-meeting", MONTHLY, "10:00-12:00")
    meetings.write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    from ptfcal.config import bundled_dir

    print(make(Path(bundled_dir()), Path(sys.argv[1])))
