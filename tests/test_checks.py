"""Every rule of RULES.md §8: a configuration that breaks it and one that satisfies it.

Each case edits a copy of the bundled configuration (a year file, roles.yaml, a body, a rule)
and asserts the rule id, its severity and the dates reported. 2022 is the base year: the
bundled rules give it no error and no warning other than the parallel tripartite meetings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ptfcal.calendar import workdays
from ptfcal.checks.kinds import Context, Options, run_checks
from ptfcal.config import load
from ptfcal.model import Severity, Status
from ptfcal.publish.publication import build_schedule
from tests.conftest import append, edit

D = date.fromisoformat
BLOCKING = (Severity.ERROR, Severity.WARNING)


def run(config: Path, year: int, options: Options | None = None):
    model = load(config)
    sched = build_schedule(model, year)
    cal = workdays.build(model.settings, model.holidays, [year])
    ctx = Context(model, year, [e for e in sched.events if e.status is not Status.CANCELLED],
                  cal, options or Options())
    return run_checks(ctx)


def found(config: Path, year: int, rule: str, options: Options | None = None):
    """(severity, [dates]) of each finding of `rule`, errors and warnings only."""
    return [(f.severity.value, [d.isoformat() for d in f.dates])
            for f in run(config, year, options) if f.rule == rule and f.severity in BLOCKING]


def year_file(config: Path, year: int, occurrences: str = "", events: str = "") -> None:
    text = f"year: {year}\n"
    if occurrences:
        text += "occurrences:\n" + occurrences
    if events:
        text += "events:\n" + events
    (config / "years" / f"{year}.yaml").write_text(text, encoding="utf-8")


def roles(config: Path, text: str) -> None:
    append(config / "roles.yaml", text)


CDF_2022 = ("  - year: 2022\n    chef_de_file: pays-bas\n    cdf_deputy: suisse\n"
            "    troika: [pays-bas, suisse, pnud]\n    un_coordinating_agency: pnud\n")


def test_a_year_ptfcal_generates_by_itself_is_clean(config_copy) -> None:
    """Issue 11: the five tripartite coordinations that share Dialogue Leaders meet in turn,
    the SEG serves two meetings at once: no finding of ptfcal's own making."""
    assert [f.rule for f in run(config_copy, 2022) if f.severity in BLOCKING] == []


# --- 8.1 ---------------------------------------------------------------------------------------


def test_c_gec_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    date: 2022-02-16\n")
    assert found(config_copy, 2022, "C-GEC-1") == [("error", ["2022-02-16"])]
    # recorded as deliberately rescheduled -> a warning
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    date: 2022-02-16\n    rescheduled: true\n")
    assert found(config_copy, 2022, "C-GEC-1") == [("warning", ["2022-02-16"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-GEC-1") == []


def test_c_gec_1_holiday_shift_by_ptfcal_is_information(config_copy) -> None:
    """The May 2021 GEC moved off the Korité by the shift policy (A-03): nothing for the
    secretariat to fix, so information, not a warning."""
    assert found(config_copy, 2021, "C-GEC-1") == []
    (finding,) = [f for f in run(config_copy, 2021) if f.rule == "C-GEC-1"]
    assert finding.severity is Severity.INFO
    assert finding.message.fr == ("Réunion mensuelle du GEC le jeudi 13 mai 2021 au lieu du "
                                  "mercredi 12 mai 2021 (Journée de la Fête du Ramadan)")


def test_c_gec_2(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-07-13\n"
              "    date: 2022-08-10\n")
    assert found(config_copy, 2022, "C-GEC-2") == [("error", ["2022-08-10"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-GEC-2") == []


def test_c_gec_3(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-03-09\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-GEC-3") == [("error", ["2022-03-01"])]
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-03-09\n"
              "    date: 2022-04-06\n")
    assert found(config_copy, 2022, "C-GEC-3") == [("error", ["2022-03-01"]),
                                                   ("error", ["2022-04-06", "2022-04-13"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-GEC-3") == []


def test_c_gec_4(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: gec-extraordinary\n    date: 2022-05-18\n"
              "    convened_by: banque-mondiale\n")
    assert found(config_copy, 2022, "C-GEC-4") == [("warning", ["2022-05-18"])]
    year_file(config_copy, 2022, events="  - type: gec-extraordinary\n    date: 2022-05-18\n"
              "    convened_by: troika\n")
    assert found(config_copy, 2022, "C-GEC-4") == []


def test_c_gec_4_without_convener_is_info(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: gec-extraordinary\n    date: 2022-05-18\n")
    infos = [f for f in run(config_copy, 2022) if f.rule == "C-GEC-4"]
    assert [(f.severity.value, f.dates) for f in infos] == [("info", (D("2022-05-18"),))]


def test_c_gec_5(config_copy) -> None:
    roles(config_copy, CDF_2022)
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    chair: fao\n")
    assert found(config_copy, 2022, "C-GEC-5") == [("error", ["2022-02-09"])]
    # 000's fallback: another Troïka member (not the deputy) -> a warning
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    chair: pnud\n")
    assert found(config_copy, 2022, "C-GEC-5") == [("warning", ["2022-02-09"])]
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    chair: suisse\n")  # the deputy
    assert found(config_copy, 2022, "C-GEC-5") == []


def test_c_gec_5_outgoing_lead_when_lead_and_deputy_are_absent(config_copy) -> None:
    roles(config_copy, CDF_2022 + "  - year: 2023\n    chef_de_file: canada\n")
    year_file(config_copy, 2023, "  - type: gec-monthly\n    nominal: 2023-02-08\n"
              "    chair: pays-bas\n")  # the 2022 lead, outgoing in 2023
    assert found(config_copy, 2023, "C-GEC-5") == []


def test_c_gec_5_outgoing_lead_is_interim(config_copy) -> None:
    """No 2023 lead recorded: the 2022 one (outgoing) chairs; anybody else is an error."""
    roles(config_copy, CDF_2022)
    year_file(config_copy, 2023, "  - type: gec-monthly\n    nominal: 2023-02-08\n"
              "    chair: pays-bas\n  - type: gec-monthly\n    nominal: 2023-03-08\n"
              "    chair: canada\n")
    assert found(config_copy, 2023, "C-GEC-5") == [("error", ["2023-03-08"])]


def test_c_oneun_1(config_copy) -> None:
    """Seven UN agencies are each a GEC member in 2027: said once, as information, with 001's
    wish (« dans l'esprit de la réforme One UN »); never an error."""
    (finding,) = [f for f in run(config_copy, 2027) if f.rule == "C-ONEUN-1"]
    assert finding.severity is Severity.INFO
    assert finding.message.fr == (
        "Réunion mensuelle du GEC 2027 : 7 entités des Nations Unies y sont convoquées chacune "
        "de son côté (FAO, FNUAP, OMS, ONUFEMMES, PAM, PNUD, UNICEF) ; les textes souhaitent une "
        "participation « dans l'esprit de la réforme One UN », le système parlant d'une voix "
        "(agence coordinatrice : à renseigner)")
    assert found(config_copy, 2027, "C-ONEUN-1") == []  # information only
    # in 2019 the MINUSMA coordinated the UN system (roles.yaml) and sat beside the agencies
    (finding,) = [f for f in run(config_copy, 2019) if f.rule == "C-ONEUN-1"]
    assert "MINUSMA, OMS" in finding.message.fr
    assert finding.message.fr.endswith("(agence coordinatrice : MINUSMA)")


def test_c_gec_6(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    attendance: {banque-mondiale: 3, fao: 1}\n")
    assert found(config_copy, 2022, "C-GEC-6") == [("error", ["2022-02-09"])]
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    attendance: {banque-mondiale: 2, fao: 1}\n")
    assert found(config_copy, 2022, "C-GEC-6") == []


def test_c_gec_6_counts_a_country_not_an_institution(config_copy) -> None:
    """France and the AFD are one delegation (001 « quel que soit la configuration
    institutionnelle de coopération du pays »): two and one make three."""
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    attendance: {france: 2, afd: 1, usaid: 2}\n")
    (finding,) = [f for f in run(config_copy, 2022)
                  if f.rule == "C-GEC-6" and f.severity in BLOCKING]
    assert finding.message.fr == ("Réunion mensuelle du GEC le mercredi 9 février 2022 : 3 "
                                  "personnes pour AFD, France (au plus 2 par pays ou "
                                  "organisation)")


def test_c_gec_7(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    secretariat: pool-technique\n")
    assert found(config_copy, 2022, "C-GEC-7") == [("error", ["2022-02-09"])]
    year_file(config_copy, 2022, "  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    secretariat: seg\n")
    assert found(config_copy, 2022, "C-GEC-7") == []


def test_c_gec_7_pool_technique_before_june_2019(config_copy) -> None:
    year_file(config_copy, 2019, "  - type: annual-retreat\n    nominal: 2019-02-19\n"
              "  - type: gec-monthly\n    nominal: 2019-03-13\n    secretariat: seg\n")
    assert found(config_copy, 2019, "C-GEC-7") == [("error", ["2019-03-13"])]


def test_c_ga_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: ga-meeting\n    nominal: 2022-10-26\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-GA-1") == [("error", ["2022-01-01", "2022-04-27"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-GA-1") == []


def test_c_ga_2(config_copy) -> None:
    def extra(months: tuple[str, ...]) -> str:
        return "".join(f"  - type: ga-meeting\n    date: 2022-{m}-15\n"
                       f"    trigger: self-referral\n" for m in months)

    year_file(config_copy, 2022, events=extra(("02", "06", "09")))  # 5 in the year
    assert found(config_copy, 2022, "C-GA-2") == [
        ("warning", ["2022-02-15", "2022-04-27", "2022-06-15", "2022-09-15", "2022-10-26"])]
    year_file(config_copy, 2022, events=extra(("02", "06")))  # 4: « plus selon les besoins »
    assert found(config_copy, 2022, "C-GA-2") == []


def test_c_ga_3(config_copy) -> None:
    roles(config_copy, CDF_2022)
    year_file(config_copy, 2022, "  - type: ga-meeting\n    nominal: 2022-04-27\n"
              "    chair: fao\n")
    assert found(config_copy, 2022, "C-GA-3") == [("error", ["2022-04-27"])]
    year_file(config_copy, 2022, "  - type: ga-meeting\n    nominal: 2022-04-27\n"
              "    chair: troika\n")
    assert found(config_copy, 2022, "C-GA-3") == []


def test_c_ga_4(config_copy) -> None:
    """A GA at the GEC's request must follow a GEC."""
    year_file(config_copy, 2022, events="  - type: ga-meeting\n    date: 2022-01-06\n"
              "    trigger: gec-request\n")
    assert found(config_copy, 2022, "C-GA-4") == [("warning", ["2022-01-06"])]
    year_file(config_copy, 2022, events="  - type: ga-meeting\n    date: 2022-01-06\n"
              "    trigger: self-referral\n")
    assert found(config_copy, 2022, "C-GA-4") == []


def test_c_ga_5(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: ga-meeting\n    nominal: 2022-04-27\n"
              "    attendance: {suisse: 4}\n")
    assert found(config_copy, 2022, "C-GA-5") == [("warning", ["2022-04-27"])]
    year_file(config_copy, 2022, "  - type: ga-meeting\n    nominal: 2022-04-27\n"
              "    attendance: {suisse: 3}\n")
    assert found(config_copy, 2022, "C-GA-5") == []


def test_c_ret_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: annual-retreat\n    nominal: 2022-02-15\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-RET-1") == [("warning", ["2022-01-01"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-RET-1") == []


def test_c_ret_2(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: annual-retreat\n    nominal: 2022-02-15\n"
              "    date: 2022-03-15\n")
    (finding,) = [f for f in run(config_copy, 2022) if f.rule == "C-RET-2"]
    assert (finding.severity.value, finding.dates) == ("warning", (D("2022-03-15"),))
    assert "(fin février)" in finding.message.fr
    year_file(config_copy, 2022, "  - type: annual-retreat\n    nominal: 2022-02-15\n"
              "    date: 2022-04-12\n")
    (finding,) = [f for f in run(config_copy, 2022) if f.rule == "C-RET-2"]
    assert "bien après le début d'année (au plus tard le 31 mars)" in finding.message.fr
    year_file(config_copy, 2022, "  - type: annual-retreat\n    nominal: 2022-02-15\n"
              "    date: 2022-02-28\n")  # end of February: still early in the year
    assert found(config_copy, 2022, "C-RET-2") == []


def test_c_ret_3(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gec-annual-axes\n    nominal: 2022-03-09\n"
              "    date: 2022-02-09\n")
    assert found(config_copy, 2022, "C-RET-3") == [("warning", ["2022-02-09", "2022-02-15"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-RET-3") == []


def test_c_coord_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gt-coordinators-meeting\n    nominal: 2022-03-08\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-COORD-1") == [("error", ["2022-01-01"])]
    # a second one in a quarter: a warning
    year_file(config_copy, 2022, events="  - type: gt-coordinators-meeting\n"
              "    date: 2022-05-10\n")
    assert found(config_copy, 2022, "C-COORD-1") == [("warning", ["2022-05-10", "2022-06-07"])]
    # a GEC enlarged to the coordinators counts for its quarter
    year_file(config_copy, 2022, "  - type: gt-coordinators-meeting\n    nominal: 2022-03-08\n"
              "    cancelled: true\n  - type: gec-monthly\n    nominal: 2022-02-09\n"
              "    enlarged_to: [gt-coordinators]\n")
    assert found(config_copy, 2022, "C-COORD-1") == []


def test_c_coord_2(config_copy) -> None:
    roles(config_copy, CDF_2022)
    year_file(config_copy, 2022, "  - type: gt-coordinators-meeting\n    nominal: 2022-03-08\n"
              "    chair: fao\n")
    assert found(config_copy, 2022, "C-COORD-2") == [("error", ["2022-03-08"])]
    year_file(config_copy, 2022, "  - type: gt-coordinators-meeting\n    nominal: 2022-03-08\n"
              "    chair: chef-de-file\n")
    assert found(config_copy, 2022, "C-COORD-2") == []


def test_c_troika_1(config_copy) -> None:
    roles(config_copy, "  - year: 2022\n    troika: [pays-bas, unicef, pnud]\n"
          "    un_coordinating_agency: pnud\n")
    assert [s for s, _ in found(config_copy, 2022, "C-TROIKA-1")] == ["error", "error"]
    messages = [f.message.en for f in run(config_copy, 2022) if f.rule == "C-TROIKA-1"]
    assert messages == ["Troika 2022: 2 UN entities (UNICEF, UNDP)",
                        "Troika 2022: UNICEF is not the UN coordinating agency (UNDP)"]


def test_c_troika_1_satisfied_and_2019_is_info(config_copy) -> None:
    roles(config_copy, CDF_2022)
    assert found(config_copy, 2022, "C-TROIKA-1") == []
    (info,) = [f for f in run(config_copy, 2019) if f.rule == "C-TROIKA-1"]
    assert info.severity is Severity.INFO
    assert "MINUSMA" in info.message.fr


# --- 8.2 ---------------------------------------------------------------------------------------


def test_c_circ_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: harmonised-calendar-circular\n"
              "    nominal: 2022-01-14\n    date: 2022-01-17\n")
    assert found(config_copy, 2022, "C-CIRC-1") == [("error", ["2022-01-17"])]
    year_file(config_copy, 2022, "  - type: harmonised-calendar-circular\n"
              "    nominal: 2022-01-14\n    date: 2022-01-13\n")
    assert found(config_copy, 2022, "C-CIRC-1") == []


def test_c_circ_1_strict_and_lenient_readings(config_copy) -> None:
    """A-16: « avant le 15 janvier » excludes the 15th; --lenient-deadlines accepts it with a
    warning."""
    year_file(config_copy, 2021, "  - type: harmonised-calendar-circular\n"
              "    nominal: 2021-01-14\n    date: 2021-01-15\n")
    assert found(config_copy, 2021, "C-CIRC-1") == [("error", ["2021-01-15"])]
    assert found(config_copy, 2021, "C-CIRC-1", Options(lenient_deadlines=True)) == [
        ("warning", ["2021-01-15"])]


def test_c_sr_1(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-05-04\n")
    assert found(config_copy, 2022, "C-SR-1") == [("error", ["2022-05-04"])]
    # a two-day review that ends on the 30th is too late too (« avant le 30 avril »)
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-04-29\n    days: 2\n")
    assert found(config_copy, 2022, "C-SR-1") == [("error", ["2022-04-29"])]
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-04-28\n    days: 2\n")
    assert found(config_copy, 2022, "C-SR-1") == []


def test_c_sr_1_without_reviews_is_info(config_copy) -> None:
    (info,) = [f for f in run(config_copy, 2022) if f.rule == "C-SR-1"]
    assert info.severity is Severity.INFO
    assert info.message.en == "Sector review: no data for 2022; the rule could not be checked"


def test_c_sr_2(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-01-12\n")
    assert found(config_copy, 2022, "C-SR-2") == [("warning", ["2022-01-12", "2022-01-14"])]
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-03-10\n")
    assert found(config_copy, 2022, "C-SR-2") == []


def test_c_sr_3(config_copy) -> None:
    year_file(config_copy, 2022, events=(
        "  - type: sector-review\n    body: cps-sante-dspf\n    date: 2022-03-10\n"
        "  - type: sector-review\n    body: cps-sante-dspf\n    date: 2022-04-07\n"))
    assert found(config_copy, 2022, "C-SR-3") == [("warning", ["2022-03-10", "2022-04-07"])]
    year_file(config_copy, 2022, events=(
        "  - type: sector-review\n    body: cps-sante-dspf\n    date: 2022-03-10\n"
        "  - type: sector-review\n    body: cps-education\n    date: 2022-04-07\n"))
    assert found(config_copy, 2022, "C-SR-3") == []


def test_c_credd_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: credd-review-technical\n    nominal: 2022-06-09\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-CREDD-1") == [("error", ["2022-01-01"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-CREDD-1") == []


def test_c_credd_2(config_copy) -> None:
    """A-15: start(political) - end(technical) >= 3 calendar days: Mon -> Thu passes."""
    year_file(config_copy, 2022, "  - type: credd-review-technical\n    nominal: 2022-06-09\n"
              "    date: 2022-06-14\n")
    assert found(config_copy, 2022, "C-CREDD-2") == [("error", ["2022-06-14", "2022-06-16"])]
    year_file(config_copy, 2022, "  - type: credd-review-technical\n    nominal: 2022-06-09\n"
              "    date: 2022-06-13\n")
    assert found(config_copy, 2022, "C-CREDD-2") == []


def test_c_credd_3(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: credd-review-technical\n    nominal: 2022-06-09\n"
              "    date: 2022-06-20\n")
    assert found(config_copy, 2022, "C-CREDD-3") == [("error", ["2022-06-16", "2022-06-20"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-CREDD-3") == []


def test_c_credd_4(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-06-13\n")
    assert found(config_copy, 2022, "C-CREDD-4") == [("error", ["2022-06-09", "2022-06-13"])]
    year_file(config_copy, 2022, events="  - type: sector-review\n    body: cps-sante-dspf\n"
              "    date: 2022-04-20\n")
    assert found(config_copy, 2022, "C-CREDD-4") == []


def test_c_credd_5(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: credd-review-political\n    nominal: 2022-06-16\n"
              "    date: 2022-06-23\n")
    assert found(config_copy, 2022, "C-CREDD-5") == [("error", ["2022-06-16", "2022-06-23"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-CREDD-5") == []


def test_c_rbc_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: rbc\n    nominal: 2022-06-16\n"
              "    date: 2022-07-07\n")
    assert found(config_copy, 2022, "C-RBC-1") == [("error", ["2022-07-07"])]
    year_file(config_copy, 2022, "  - type: rbc\n    nominal: 2022-06-16\n"
              "    date: 2022-06-23\n")
    assert found(config_copy, 2022, "C-RBC-1") == []


def test_c_rbc_2(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: rbc\n    date: 2022-11-10\n")
    assert found(config_copy, 2022, "C-RBC-2") == [("error", ["2022-06-16", "2022-11-10"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-RBC-2") == []


def test_c_cm_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: commission-mixte-session\n    nominal: 2022-11-17\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-CM-1") == [("error", ["2022-01-01", "2022-03-17",
                                                             "2022-07-21"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-CM-1") == []


def test_c_cm_2(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: commission-mixte-session\n    nominal: 2022-07-21\n"
              "    date: 2022-05-19\n  - type: commission-mixte-session\n"
              "    nominal: 2022-11-17\n    cancelled: true\n")
    assert found(config_copy, 2022, "C-CM-2") == [("warning", ["2022-03-17", "2022-05-19",
                                                               "2022-06-16"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-CM-2") == []


def test_c_cps_1(config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "placeholders: []", "placeholders: [credd-subgroup-meeting]")
    assert found(config_copy, 2022, "C-CPS-1") == []
    year_file(config_copy, 2022, "  - type: credd-subgroup-meeting\n"
              "    body: credd-subgroup-cps-justice\n    nominal: 2022-04-26\n"
              "    cancelled: true\n")
    assert found(config_copy, 2022, "C-CPS-1") == [
        ("warning", ["2022-02-22", "2022-06-28"]),  # 126 days between two meetings
        ("warning", ["2022-03-01"])]  # none in March-April


def test_c_cps_1_without_meetings_is_info(config_copy) -> None:
    (info,) = [f for f in run(config_copy, 2022) if f.rule == "C-CPS-1"]
    assert info.severity is Severity.INFO


def test_c_sec_1(config_copy) -> None:
    edit(config_copy / "bodies" / "joint.yaml", "    vice_chair: [cps-icaepip, cnpm]\n"
         "    secretariat: [ct-cslp, aedd]\n", "    vice_chair: [cps-icaepip, cnpm]\n"
         "    secretariat: [ct-cslp]\n")
    (finding,) = [f for f in run(config_copy, 2022)
                  if f.rule == "C-SEC-1" and f.severity is Severity.ERROR]
    assert finding.message.fr.startswith("GT CREDD Croissance économique inclusive et durable "
                                         ": secrétariat CT-CSLP, attendu CT-CSLP, AEDD")
    edit(config_copy / "bodies" / "joint.yaml", "    secretariat: [ct-cslp]\n",
         "    secretariat: [aedd, ct-cslp]\n")
    assert found(config_copy, 2022, "C-SEC-1") == []


def test_c_sec_2(config_copy) -> None:
    path = config_copy / "bodies" / "joint.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: commission-mixte\n")
    end = text.index("\n\n", start)
    block = text[start:end].replace("    secretariat: [ct-cslp, sha, ptf-secretariat]\n",
                                    "    secretariat: [ct-cslp]\n")
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    (finding,) = [f for f in run(config_copy, 2022) if f.rule == "C-SEC-2"
                  and f.severity is Severity.WARNING]
    assert finding.message.fr == ("Commission Mixte : secrétariat CT-CSLP, attendu CT-CSLP, "
                                  "SHA, SEG")


def test_c_sec_2_recorded_secretariat(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: commission-mixte-session\n"
              "    nominal: 2022-07-21\n    secretariat: [ct-cslp, seg]\n")
    assert found(config_copy, 2022, "C-SEC-2") == [("warning", ["2022-07-21"])]


def test_c_sec_2_satisfied(config_copy) -> None:
    assert found(config_copy, 2022, "C-SEC-2") == []


# --- 8.3 ---------------------------------------------------------------------------------------


def test_c_tri_1(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gt-ptf-coordination\n    body: gt-ptf-1-economie\n"
              "    nominal: 2022-03-03\n    cancelled: true\n")
    assert found(config_copy, 2022, "C-TRI-1") == [("warning", ["2022-03-01"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-TRI-1") == []


def test_c_tri_1_counts_from_the_reform(config_copy) -> None:
    """2020: windows from July-August only (the reform is 17 June)."""
    assert found(config_copy, 2020, "C-TRI-1") == []


def test_c_tri_2(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "    chair: tripartite\n    participants: [tripartite, "
         "dialogue-leaders]\n", "    chair: tripartite\n    participants: [tripartite]\n")
    findings = found(config_copy, 2022, "C-TRI-2")
    assert len(findings) == 30  # 5 GT PTF x 6 meetings
    assert findings[0] == ("warning", ["2022-01-06"])


def test_c_tri_2_satisfied_and_unrecorded_tripartites_are_info(config_copy) -> None:
    assert found(config_copy, 2022, "C-TRI-2") == []
    (info,) = [f for f in run(config_copy, 2022) if f.rule == "C-TRI-2"]
    assert info.severity is Severity.INFO


def test_c_tri_3(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gt-ptf-coordination\n    body: gt-ptf-1-economie\n"
              "    nominal: 2022-03-03\n    cancelled: true\n")
    assert found(config_copy, 2022, "C-TRI-3") == [("warning", ["2022-03-17"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-TRI-3") == []


def test_c_gd_1(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: gd-ministry-meeting\n    body: gd-ear\n"
              "    date: 2022-05-10\n    participants: [lead]\n")
    assert found(config_copy, 2022, "C-GD-1") == [("error", ["2022-05-10"])]
    (finding,) = [f for f in run(config_copy, 2022) if f.rule == "C-GD-1"]
    assert finding.message.fr.endswith("il manque parmi les participants : GT PTF 1 — Economie "
                                       "Inclusive et Durable")  # its name, never body:gt-ptf-1-…
    assert "body:" not in finding.message.en
    year_file(config_copy, 2022, events="  - type: gd-ministry-meeting\n    body: gd-ear\n"
              "    date: 2022-05-10\n    participants: [lead, parent]\n")
    assert found(config_copy, 2022, "C-GD-1") == []


def test_c_gd_2(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: gt-gd-meeting\n    body: gd-ear\n"
              "    date: 2022-03-09\n    time: 10:00-11:00\n")  # during the GEC
    assert found(config_copy, 2022, "C-GD-2") == [("error", ["2022-03-09"])]
    year_file(config_copy, 2022, events="  - type: gt-gd-meeting\n    body: gd-ear\n"
              "    date: 2022-03-03\n    time: 14:00-16:00\n")  # its GT PTF's day
    assert found(config_copy, 2022, "C-GD-2") == [("warning", ["2022-03-03"])]
    year_file(config_copy, 2022, events="  - type: gt-gd-meeting\n    body: gd-ear\n"
              "    date: 2022-03-22\n")
    assert found(config_copy, 2022, "C-GD-2") == []


def test_c_gd_3(config_copy) -> None:
    meeting = "  - type: gt-gd-meeting\n    body: gd-efp\n    date: 2022-03-22\n"
    year_file(config_copy, 2022, events=meeting + "  - type: cluster-meeting\n"
              "    body: cluster-education\n    date: 2022-03-22\n    time: 11:00-12:30\n")
    assert found(config_copy, 2022, "C-GD-3") == [("error", ["2022-03-22"])]
    year_file(config_copy, 2022, events=meeting + "  - type: cluster-meeting\n"
              "    body: cluster-education\n    date: 2022-03-22\n    time: 14:00-15:00\n")
    assert found(config_copy, 2022, "C-GD-3") == []


def test_c_gd_4(config_copy) -> None:
    year_file(config_copy, 2022, "  - type: gd-annual-priorities\n    body: gd-ear\n"
              "    nominal: 2022-01-31\n    date: 2022-02-15\n")
    assert found(config_copy, 2022, "C-GD-4") == [("warning", ["2022-02-15"])]
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-GD-4") == []


def _all_gd(model_config: Path) -> list[str]:
    return [b.id for b in load(model_config).bodies.values() if b.category == "gd"]


def test_c_gd_5(config_copy) -> None:
    roles(config_copy, "  - year: 2022\n    nexus_focal_points: {gd-ear: fao}\n")
    assert len(found(config_copy, 2022, "C-GD-5")) == 15  # the 15 other GD
    points = ", ".join(f"{gd}: pnud" for gd in _all_gd(config_copy))
    edit(config_copy / "roles.yaml", "{gd-ear: fao}", "{" + points + "}")
    assert found(config_copy, 2022, "C-GD-5") == []


def test_c_gd_6(config_copy) -> None:
    adhoc = ("\n  - id: gd-adhoc-covid\n    name: GD ad hoc Covid-19\n    level: ad-hoc\n"
             "    category: gd-adhoc\n    source: {text: \"002\"}\n")
    append(config_copy / "bodies" / "structure-2020.yaml", adhoc)
    (finding,) = [f for f in run(config_copy, 2022) if f.rule == "C-GD-6"]
    assert finding.severity is Severity.WARNING
    edit(config_copy / "bodies" / "structure-2020.yaml", "    category: gd-adhoc\n",
         "    category: gd-adhoc\n    parent: gt-ptf-2-capital-humain\n")
    assert found(config_copy, 2022, "C-GD-6") == []


def test_c_gd_7_is_info(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: gt-gd-meeting\n    body: gd-ear\n"
              "    date: 2022-03-22\n")
    infos = [f for f in run(config_copy, 2022) if f.rule == "C-GD-7"]
    assert {f.severity for f in infos} == {Severity.INFO}
    gd_ear = [f for f in infos if f.message.fr.startswith("GD Économie agricole")]
    assert gd_ear[0].message.fr == ("GD Économie agricole et rurale : aucune réunion en "
                                    "janvier, février, avril, mai, juin, juillet, août, "
                                    "septembre, octobre, novembre, décembre")
    monthly = "".join(f"  - type: gt-gd-meeting\n    body: {gd}\n    date: 2022-{m:02d}-22\n"
                      for gd in _all_gd(config_copy) for m in range(1, 13))
    year_file(config_copy, 2022, events=monthly.replace("key", "k"))
    assert [f for f in run(config_copy, 2022) if f.rule == "C-GD-7"] == []


def test_c_gd_8(config_copy) -> None:
    roles(config_copy, "  - year: 2022\n    gd_members:\n      gd-ear: {fao: [Awa Traoré]}\n")
    findings = found(config_copy, 2022, "C-GD-8")
    assert len(findings) == 16  # one name only for FAO in GD EAR, and 15 GD not recorded
    members = "".join(f"      {gd}: {{fao: [Awa Traoré, Moussa Keïta]}}\n"
                      for gd in _all_gd(config_copy))
    edit(config_copy / "roles.yaml", "      gd-ear: {fao: [Awa Traoré]}\n", members)
    assert found(config_copy, 2022, "C-GD-8") == []


def test_c_arch_1(config_copy) -> None:
    year_file(config_copy, 2020, "  - type: gec-monthly\n    nominal: 2020-06-10\n"
              "    date: 2020-06-17\n    rescheduled: true\n", events=(
                  "  - type: gt-ptf-coordination\n    body: gt-ptf-1-economie\n"
                  "    date: 2020-03-05\n"
                  "  - type: gt-meeting-2019\n    body: gt19-ear\n    date: 2020-07-07\n"))
    assert found(config_copy, 2020, "C-ARCH-1") == [("warning", ["2020-03-05"]),
                                                    ("warning", ["2020-07-07"])]
    year_file(config_copy, 2020, events="  - type: gt-meeting-2019\n    body: gt19-ear\n"
              "    date: 2020-03-05\n")
    assert found(config_copy, 2020, "C-ARCH-1") == []


def test_c_arch_2(config_copy) -> None:
    path = config_copy / "bodies" / "joint.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: cps-justice\n")
    end = text.index("  - id: cps-cooperation-integration\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(path, "    chair: cps-justice\n", "    chair: cps-atfpsi\n")
    assert found(config_copy, 2022, "C-ARCH-2") == [("error", [])]


def test_c_arch_2_satisfied(config_copy) -> None:
    assert found(config_copy, 2022, "C-ARCH-2") == []


# --- 8.4 ---------------------------------------------------------------------------------------


def test_c_gen_1(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-05-14\n")
    assert found(config_copy, 2022, "C-GEN-1") == [("warning", ["2022-05-14"])]
    # a rule that generates a weekend date with `shift: keep` is an error
    edit(config_copy / "meetings.yaml", "      day: fourth wednesday\n",
         "      day: fourth saturday\n")
    edit(config_copy / "meetings.yaml", "    time: 10:00-12:00\n    shift_within: half-year\n",
         "    time: 10:00-12:00\n    shift: keep\n")
    year_file(config_copy, 2022)
    assert found(config_copy, 2022, "C-GEN-1") == [("error", ["2022-04-23"]),
                                                   ("error", ["2022-10-22"])]


def test_c_gen_1_satisfied(config_copy) -> None:
    assert found(config_copy, 2022, "C-GEN-1") == []


def test_c_gen_2(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-09-22\n")
    assert found(config_copy, 2022, "C-GEN-2") == [("warning", ["2022-09-22"])]
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-09-26\n")
    assert found(config_copy, 2022, "C-GEN-2") == []
    # 23 September 2022 was declared a day off by communiqué (config/holidays.yaml)
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-09-23\n")
    assert found(config_copy, 2022, "C-GEN-2") == [("warning", ["2022-09-23"])]


def test_c_gen_2_names_an_estimated_islamic_holiday(config_copy) -> None:
    year_file(config_copy, 2026, events="  - type: troika-meeting\n    date: 2026-03-20\n")
    (finding,) = [f for f in run(config_copy, 2026) if f.rule == "C-GEN-2"]
    assert finding.message.fr == (
        "Réunion de la Troïka le vendredi 20 mars 2026 : Journée de la Fête du Ramadan — date "
        "estimée, à confirmer (date estimée par le paquet holidays ; inscrire la date annoncée "
        "dans config/holidays.yaml)")


def test_c_gen_7_a_meeting_next_to_an_estimated_islamic_holiday(config_copy) -> None:
    """The Korité of 2026 is only estimated (Friday 20 March): a meeting the day before may
    fall on it once the date is announced. A generated one keeps its rule date and is listed
    too (the Commission Mixte of Thursday 19 March 2026, published « à confirmer »)."""
    assert found(config_copy, 2026, "C-GEN-7") == [("warning", ["2026-03-19"])]
    year_file(config_copy, 2026, events="  - type: troika-meeting\n    date: 2026-03-19\n")
    (finding,) = [f for f in run(config_copy, 2026) if f.rule == "C-GEN-7"
                  and f.message.fr.startswith("Réunion de la Troïka")]
    assert finding.severity is Severity.WARNING
    assert finding.message.fr == (
        "Réunion de la Troïka le jeudi 19 mars 2026, à un jour de la Journée de la Fête du "
        "Ramadan estimée au vendredi 20 mars 2026 (date à confirmer) : si la date annoncée "
        "change d'un jour, la réunion tombe un jour férié")
    edit(config_copy / "holidays.yaml", "official_dates:\n", (
        "official_dates:\n  - holiday: eid-al-fitr\n    date: 2026-03-20\n"
        "    source: Communiqué\n"))
    assert found(config_copy, 2026, "C-GEN-7") == []  # announced: nothing left to confirm


def test_c_gen_8_a_meeting_on_the_monday_after_a_sunday_holiday(config_copy) -> None:
    """Sunday 30 March 2025 is the Korité: Monday 31 is commonly declared chômé."""
    year_file(config_copy, 2025, events="  - type: troika-meeting\n    date: 2025-03-31\n")
    assert found(config_copy, 2025, "C-GEN-8") == [("warning", ["2025-03-31"])]
    year_file(config_copy, 2025, events="  - type: troika-meeting\n    date: 2025-04-01\n")
    assert found(config_copy, 2025, "C-GEN-8") == []


def test_c_gen_9_a_meeting_in_the_afternoon_of_a_half_day_off(config_copy) -> None:
    """Friday 14 October 2022: « fin des services … fixée à 12h30 »."""
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-10-14\n"
              "    time: 10:00-12:00\n")
    assert found(config_copy, 2022, "C-GEN-9") == []
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-10-14\n"
              "    time: 11:00-13:00\n")
    (finding,) = [f for f in run(config_copy, 2022) if f.rule == "C-GEN-9"]
    assert finding.severity is Severity.WARNING
    assert finding.message.fr == (
        "Réunion de la Troïka le vendredi 14 octobre 2022 se tient après 12:30 : Veille du "
        "Maouloud (Baptême) (après-midi chômé, à partir de 12:30)")


def test_c_gen_10_a_past_estimate_asks_to_be_confirmed(config_copy) -> None:
    """The Korité of 2027 is estimated on Tuesday 9 March: from the 10th it is due."""
    assert found(config_copy, 2027, "C-GEN-10", Options(today=date(2027, 3, 9))) == []
    assert found(config_copy, 2027, "C-GEN-10", Options(today=date(2027, 3, 10))) == [
        ("warning", ["2027-03-09"])]
    edit(config_copy / "holidays.yaml", "official_dates:\n", (
        "official_dates:\n  - holiday: eid-al-fitr\n    date: 2027-03-10\n"
        "    source: Communiqué\n"))
    assert found(config_copy, 2027, "C-GEN-10", Options(today=date(2027, 3, 11))) == []


def test_c_gen_3_role_holder_in_two_places(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: gec-extraordinary\n    date: 2022-04-27\n"
              "    time: 11:00-12:30\n    convened_by: troika\n")
    assert found(config_copy, 2022, "C-GEN-3")[0] == ("error", ["2022-04-27"])
    year_file(config_copy, 2022, events="  - type: gec-extraordinary\n    date: 2022-04-27\n"
              "    time: 15:00-16:30\n    convened_by: troika\n")
    assert found(config_copy, 2022, "C-GEN-3") == []


def test_c_gen_3_one_finding_per_moment_not_per_pair(config_copy) -> None:
    """Five monthly meeting types of the GEC held the same mornings (issue 20: 200 of them
    gave 218,900 pair findings): one error a month naming the five, not ten pairs."""
    types = "".join(
        f"  - id: concurrent-{n}\n"
        f"    name: {{fr: Réunion concurrente {n}, en: Concurrent meeting {n}}}\n"
        f"    short: {{fr: Conc. {n}, en: Conc. {n}}}\n"
        "    kind: meeting\n    level: political\n    held_by: gec\n"
        "    rule:\n      day: first monday\n      months: all except august\n"
        "    time: 09:00-12:00\n    source:\n      text: \"000\"\n"
        "      ref: Réunion mensuelle de concertation du GEC\n" for n in range(1, 6))
    edit(config_copy / "meetings.yaml", "meeting_types:\n", "meeting_types:\n" + types)
    errors = [f for f in run(config_copy, 2020) if f.rule == "C-GEN-3"
              and f.severity is Severity.ERROR]
    assert [[d.isoformat() for d in f.dates] for f in errors] == [
        ["2020-01-06"], ["2020-02-03"], ["2020-03-02"], ["2020-04-06"], ["2020-05-04"],
        ["2020-06-01"], ["2020-07-06"], ["2020-09-07"], ["2020-10-05"], ["2020-11-02"],
        ["2020-12-07"]]
    first = errors[0]
    assert first.events == tuple(f"concurrent-{n}.gec.20200106@ptfcal.ptf-mali"
                                 for n in range(1, 6))
    assert first.subject == "concurrent-5.gec.20200106@ptfcal.ptf-mali"
    assert first.message.fr == (
        "5 réunions se chevauchent le lundi 6 janvier 2020 à 09:00 ; présence requise à "
        "toutes : SEG, le Chef de file, la Troïka — Réunion concurrente 1, Réunion "
        "concurrente 2, Réunion concurrente 3, Réunion concurrente 4, Réunion concurrente 5")
    assert first.message.en == (
        "5 meetings overlap on Monday 6 January 2020 at 09:00; needed at all of them: SEG, "
        "the lead donor, the Troika — Concurrent meeting 1, Concurrent meeting 2, Concurrent "
        "meeting 3, Concurrent meeting 4, Concurrent meeting 5")


def test_c_gen_3_same_institution_only_is_a_warning(config_copy) -> None:
    """Recorded at the same hour, the coordinations that share institutions (different
    people) give a warning naming them."""
    year_file(config_copy, 2022, "".join(
        f"  - type: gt-ptf-coordination\n    body: {gt}\n    nominal: 2022-01-06\n"
        "    time: 10:00-12:00\n" for gt in ("gt-ptf-1-economie", "gt-ptf-2-capital-humain",
                                             "gt-ptf-3-gouvernance")))
    (first, *_) = [f for f in run(config_copy, 2022) if f.rule == "C-GEN-3"]
    assert first.severity is Severity.WARNING
    assert first.message.en == (
        "Tripartite coordination meeting, Thursday 6 January 2022 at 10:00: the same "
        "institution expected at several meetings at once — AFD, WB (GT PTF 1, GT PTF 3); "
        "EU (GT PTF 1, GT PTF 2)")


def test_c_gen_3_the_seg_serves_two_meetings_at_once_not_three(config_copy) -> None:
    """003: the SEG is a team of five (`team: 2`): two meetings it serves at one hour are
    fine, a third is a clash."""
    def meeting(key: str, chair: str, time: str) -> str:
        return ("  - type: gec-extraordinary\n    date: 2022-02-10\n    time: " + time +
                f"\n    key: {key}\n    chair: {chair}\n    participants: [{chair}]\n"
                "    secretariat: seg\n")
    two = meeting("a", "suisse", "10:00-11:00") + meeting("b", "japon", "10:30-11:30")
    year_file(config_copy, 2022, events=two)
    assert [f for f in found(config_copy, 2022, "C-GEN-3") if f[0] == "error"] == []
    three = two + meeting("c", "canada", "10:15-11:15")
    year_file(config_copy, 2022, events=three)
    assert ("error", ["2022-02-10"]) in found(config_copy, 2022, "C-GEN-3")


def test_c_gen_4(config_copy) -> None:
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-03-17\n"
              "    time: 15:00-16:00\n")
    assert found(config_copy, 2022, "C-GEN-4") == [("warning", ["2022-03-17"])]
    year_file(config_copy, 2022, events="  - type: troika-meeting\n    date: 2022-03-18\n")
    assert found(config_copy, 2022, "C-GEN-4") == []


def test_c_gen_5(config_copy) -> None:
    edit(config_copy / "meetings.yaml", "      months: [april, october]\n",
         "      months: [april, august]\n")
    assert found(config_copy, 2022, "C-GEN-5") == [("warning", ["2022-08-24"])]


def test_c_gen_5_satisfied(config_copy) -> None:
    assert found(config_copy, 2022, "C-GEN-5") == []


def test_c_gen_6(config_copy) -> None:
    from dataclasses import replace

    model = load(config_copy)
    sched = build_schedule(model, 2022)
    cal = workdays.build(model.settings, model.holidays, [2022])
    gec = next(e for e in sched.events if e.meeting_type == "gec-monthly")
    broken = replace(gec, meeting_type="gec-mensuel")
    ctx = Context(model, 2022, [broken if e is gec else e for e in sched.events], cal)
    (finding,) = [f for f in run_checks(ctx) if f.rule == "C-GEN-6"]
    assert (finding.severity, finding.message.en) == (
        Severity.ERROR, "GEC monthly meeting: unknown meeting type (gec-mensuel)")
    ctx = Context(model, 2022, sched.events, cal)
    assert [f for f in run_checks(ctx) if f.rule == "C-GEN-6"] == []


def test_c_coord_3_next_years_roles_from_1_november(config_copy) -> None:
    """Checked on 1 November 2022 or later, 2023 without its roles is a warning; on 31
    October, or for another year, nothing; recorded roles silence it."""
    def on(day: date, year: int = 2023):
        return [(f.severity.value, f.message.fr) for f in run(config_copy, year, Options(
            today=day)) if f.rule == "C-COORD-3"]

    assert on(date(2022, 10, 31)) == [] and on(date(2022, 11, 1), 2022) == []
    assert on(date(2022, 11, 1)) == [("warning", (
        "Rôles de 2023 non enregistrés à l'approche du 1er janvier : Chef de file, Troïka, "
        "coordinations tripartites (GT PTF 1, GT PTF 2, GT PTF 3, GT PTF 4, GT PTF 5) "
        "(config/roles.yaml)"))]
    roles(config_copy, "  - year: 2023\n    chef_de_file: suisse\n"
          "    troika: [pays-bas, suisse, pnud]\n    tripartite:\n" + "".join(
              f"      {gt}: [suisse, pays-bas, canada]\n" for gt in (
                  "gt-ptf-1-economie", "gt-ptf-2-capital-humain", "gt-ptf-3-gouvernance",
                  "gt-ptf-4-paix-securite")))
    assert on(date(2022, 12, 31)) == [("warning", (
        "Rôles de 2023 non enregistrés à l'approche du 1er janvier : coordination tripartite "
        "(GT PTF 5) (config/roles.yaml)"))]


def test_every_rule_of_section_8_is_configured_and_tested() -> None:
    """Each rule of checks.yaml has a test here, and RULES.md §8's ids are all there."""
    from tests.conftest import bundled_model

    configured = {r.id for r in bundled_model().checks}
    expected = {
        "C-GEC-1", "C-GEC-2", "C-GEC-3", "C-GEC-4", "C-GEC-5", "C-GEC-6", "C-GEC-7",
        "C-GA-1", "C-GA-2", "C-GA-3", "C-GA-4", "C-GA-5", "C-RET-1", "C-RET-2", "C-RET-3",
        "C-COORD-1", "C-COORD-2", "C-COORD-3", "C-TROIKA-1", "C-ONEUN-1", "C-CIRC-1", "C-SR-1",
        "C-SR-2", "C-SR-3",
        "C-CREDD-1", "C-CREDD-2", "C-CREDD-3", "C-CREDD-4", "C-CREDD-5", "C-RBC-1", "C-RBC-2",
        "C-CM-1", "C-CM-2", "C-CPS-1", "C-SEC-1", "C-SEC-2", "C-TRI-1", "C-TRI-2", "C-TRI-3",
        "C-GD-1", "C-GD-2", "C-GD-3", "C-GD-4", "C-GD-5", "C-GD-6", "C-GD-7", "C-GD-8",
        "C-ARCH-1", "C-ARCH-2", "C-GEN-1", "C-GEN-2", "C-GEN-3", "C-GEN-4", "C-GEN-5",
        "C-GEN-6", "C-GEN-7", "C-GEN-8", "C-GEN-9", "C-GEN-10", "C-EXT-1", "C-EXT-2"}
    assert configured == expected
    here = Path(__file__).read_text(encoding="utf-8")
    tests_of_this_file = {r for r in expected
                          if f"def test_{r.lower().replace('-', '_')}" in here}
    external = Path(__file__).with_name("test_check_cli.py").read_text(encoding="utf-8")
    assert tests_of_this_file | {r for r in expected if r in external} == expected


@pytest.mark.parametrize("year", range(2019, 2031))
def test_generated_calendars_have_no_error(year: int) -> None:
    """The generator's own output satisfies every rule (errors), 2019-2030."""
    from tests.conftest import CONFIG

    errors = [f for f in run(CONFIG, year) if f.severity is Severity.ERROR]
    assert errors == []
