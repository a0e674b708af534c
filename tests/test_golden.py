"""The committed feeds under calendars/2020 are exactly what `ptfcal generate 2020` writes.

Regenerate them with `pytest --update-golden` (or `ptfcal generate 2020` from the repository
root); this test fails on any difference, byte for byte.
"""

from __future__ import annotations

import shutil
from datetime import date

from ptfcal.publish.output import OutputFolder
from ptfcal.publish.publication import publish
from tests.conftest import ROOT, bundled_model

GOLDEN_DIR = ROOT / "calendars" / "2020"


def test_calendars_2020_are_reproduced_byte_for_byte(golden) -> None:
    """Only calendars/2020 is compared; with --update-golden the whole of calendars/ is
    rewritten from scratch (no change history), its subscription feeds as of today."""
    # any day after 2020 gives the same 2020 files: its past estimates are due (C-GEN-10)
    pub = publish(bundled_model(), [2020], with_check=True, today=date(2026, 12, 7))
    files = {path.removeprefix("2020/"): data for path, data in pub.files.items()
             if path.startswith("2020/")}
    if golden.update:
        shutil.rmtree(ROOT / "calendars", ignore_errors=True)
        everything = publish(bundled_model(), [2020], with_check=True,
                             today=date.today())  # noqa: DTZ011 - the day goldens are made
        with OutputFolder(ROOT / "calendars") as out:
            out.write(everything.files, owned=lambda rel, head: True)
    committed = {p.relative_to(GOLDEN_DIR).as_posix(): p.read_bytes()
                 for p in GOLDEN_DIR.rglob("*") if p.is_file()}
    assert sorted(committed) == sorted(files), "files added or missing: pytest --update-golden"
    changed = [name for name in files if committed[name] != files[name]]
    assert not changed, f"differ from the committed golden feeds: {changed[:10]}"
