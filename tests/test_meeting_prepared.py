"""An ordre du jour being prepared is not a confirmation: the occurrence keeps the date, the
shift and the status the rules give it until the secretariat confirms it (issue 21)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ptfcal.model import Status
from tests.conftest import run_ptfcal
from tests.test_meeting import events, load


def _gec(config: Path, year: int, nominal: date):
    return next(e for e in events(load(config), year)
                if e.meeting_type == "gec-monthly" and e.nominal == nominal)


def _run(config: Path, *args: str):
    result = run_ptfcal(*args, "--config", str(config))
    assert result.code == 0, result.stderr
    return result


def test_an_agenda_keeps_a_tentative_date_tentative(config_copy) -> None:
    # 10 March 2027 is next to the estimated Korité: published « à confirmer »
    before = _gec(config_copy, 2027, date(2027, 3, 10))
    assert before.pending is not None and before.status is Status.PLANNED
    _run(config_copy, "agenda", "gec-monthly@2027-03", "add", "Revue du CREDD")
    prepared = _gec(config_copy, 2027, date(2027, 3, 10))
    assert prepared.day == date(2027, 3, 10)
    assert prepared.status is Status.PLANNED and prepared.pending == before.pending
    assert [i.title for i in prepared.record.agenda] == ["Revue du CREDD"]
    _run(config_copy, "confirm", "gec-monthly@2027-03")
    confirmed = _gec(config_copy, 2027, date(2027, 3, 10))
    assert confirmed.status is Status.CONFIRMED and confirmed.day == date(2027, 3, 10)
    assert [i.title for i in confirmed.record.agenda] == ["Revue du CREDD"]


def test_an_agenda_keeps_a_shifted_meeting_off_the_holiday(config_copy) -> None:
    # GT PTF 1's tripartite coordination of May 2025: its rule day, Thursday 1 May, is the
    # Fête du Travail; it is held on Friday 2 May
    ref, nominal = "gt-ptf-coordination.gt-ptf-1-economie@2025-05", date(2025, 5, 1)

    def tripartite():
        return next(e for e in events(load(config_copy), 2025)
                    if e.meeting_type == "gt-ptf-coordination" and e.body == "gt-ptf-1-economie"
                    and e.nominal == nominal)

    before = tripartite()
    assert (before.day, before.shifted_from) == (date(2025, 5, 2), nominal)
    _run(config_copy, "agenda", ref, "add", "Programme du GT")
    prepared = tripartite()
    assert (prepared.day, prepared.status) == (date(2025, 5, 2), Status.PLANNED)
    _run(config_copy, "confirm", ref)
    confirmed = tripartite()
    assert (confirmed.day, confirmed.status) == (date(2025, 5, 2), Status.CONFIRMED)
    year = (config_copy / "years" / "2025.yaml").read_text(encoding="utf-8")
    assert "date: 2025-05-02" in year and "Programme du GT" in year
