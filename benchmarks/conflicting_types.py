"""A configuration of N mutually conflicting meeting types, for `ptfcal check`'s benchmark
(issue 20: 200 types took 33 s, 400 types 178 s and 1.1 GB): the bundled configuration plus N
monthly meeting types of the GEC, all on the first Monday morning, so that every pair of them
clashes each month (the same chair and secretariat expected at both).

    python benchmarks/conflicting_types.py FOLDER [N]   # writes the configuration into FOLDER
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

TYPE = """
  - id: conflicting-{n:03d}
    name: {{fr: Réunion concurrente {n}, en: Conflicting meeting {n}}}
    short: {{fr: "Conc. {n}", en: "Confl. {n}"}}
    kind: meeting
    level: political
    held_by: gec
    rule:
      day: first monday
      months: all except august
    time: 09:00-12:00
    source:
      text: "000"
      ref: "Réunion mensuelle de concertation du GEC"
      quote: "Elle a lieu le deuxième mercredi du mois, exception faite du mois d'août."
"""


def make(bundled: Path, target: Path, count: int) -> Path:
    shutil.copytree(bundled, target, ignore=shutil.ignore_patterns(
        "__pycache__", "__init__.py", ".ptfcal*"))
    meetings = target / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    anchor = "meeting_types:\n"
    assert text.count(anchor) == 1
    added = "".join(TYPE.format(n=n) for n in range(1, count + 1))
    meetings.write_text(text.replace(anchor, anchor + added), encoding="utf-8")
    return target


if __name__ == "__main__":
    from ptfcal.config import bundled_dir

    print(make(Path(bundled_dir()), Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2
               else 200))
