"""Subscription feeds that behave in Outlook: stable URLs over a rolling window, change
tracking (same UID, higher SEQUENCE), cancellations instead of disappearances, the index page,
and every feed read by two parsers that did not write it plus a strict check."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from tests.conftest import append, edit, run_ptfcal

UID_GEC_JUNE = "gec-monthly.gec.20200610@ptfcal.ptf-mali"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def generate(config: Path, out: Path, *args: str) -> str:
    result = run_ptfcal("generate", "2020", "--config", str(config), "--out", str(out),
                        "--as-of", "2020-07-01", *args, env={"COLUMNS": "200"})
    assert result.code == 0, result.err
    return result.out


def lines(summary: str) -> list[str]:
    return [line.rstrip() for line in summary.splitlines()]


def vevents(data: bytes) -> dict[str, str]:
    """UID -> the VEVENT's unfolded text."""
    text = data.decode("utf-8").replace("\r\n ", "")
    return {re.search(r"\r\nUID:(.*?)\r\n", block).group(1): block
            for block in text.split("BEGIN:VEVENT")[1:]}


def test_subscription_feeds_hold_the_years_around_today(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    run = run_ptfcal("generate", "2020", "--config", str(config_copy), "--out", str(out),
                     "--as-of", "2026-11-22")
    assert run.code == 0, run.err
    gec = (out / "feeds" / "gec.ics").read_bytes().decode()
    years = sorted({m[:4] for m in re.findall(r"DTSTART;TZID=Africa/Bamako:(\d{8})", gec)})
    assert years == ["2025", "2026", "2027"]
    assert "X-WR-CALNAME:PTF Mali — GEC\r\n" in gec  # no year: the name outlives the window
    # regenerating an old year's folder does not change what subscribers see
    again = run_ptfcal("generate", "2019", "--config", str(config_copy), "--out", str(out),
                       "--as-of", "2026-11-22")
    assert again.code == 0
    assert (out / "feeds" / "gec.ics").read_bytes().decode() == gec
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["2019", "2020", "feeds"]


def test_window_is_configurable(tmp_path, config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "  years_after: 1 ", "  years_after: 2 ")
    out = tmp_path / "out"
    assert "(2019–2022)" in generate(config_copy, out)


def test_moving_the_june_2020_gec_changes_exactly_that_event(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    before = tree(out)
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    summary = generate(config_copy, out)
    assert "Changements pour les abonnés depuis la publication précédente : 1 déplacement" \
        in lines(summary)
    row = next(line for line in summary.splitlines() if "│ déplacé" in line)
    assert "Réunion mensuelle du GEC" in row and "jeu. 18 juin 09:00" in row
    assert "auparavant le mercredi 17 juin 2020" in row
    after = tree(out)
    feeds = [p for p in after if p.endswith(".ics")]
    changed = [p for p in feeds if after[p] != before[p]]
    # 2020/ and feeds/, in French and English: all, political level, GEC, 24 institutions
    assert len(changed) == 2 * 2 * 27
    for path in changed:
        old, new = vevents(before[path]), vevents(after[path])
        assert set(old) == set(new), path  # no event added or lost: same UIDs
        different = [uid for uid in new if new[uid] != old[uid]]
        assert different == [UID_GEC_JUNE], path
        assert "SEQUENCE:0\r\n" in old[UID_GEC_JUNE]
        assert "SEQUENCE:1\r\n" in new[UID_GEC_JUNE]
        assert "DTSTART;TZID=Africa/Bamako:20200618T090000\r\n" in new[UID_GEC_JUNE]
        assert re.search(r"\r\nLAST-MODIFIED:\d{8}T\d{6}Z\r\n", new[UID_GEC_JUNE])
    # a third run with nothing new changes no file at all
    generate(config_copy, out)
    assert tree(out) == after


@pytest.mark.parametrize("version", [1, 2])
def test_a_state_from_an_earlier_ptfcal_keeps_its_history(tmp_path, config_copy,
                                                          version) -> None:
    """A folder published by an earlier ptfcal (state format 2: one language, zlib
    fingerprints; format 1: SHA-256 prefixes): nothing is seen as changed, sequences carry on,
    and the state is rewritten in the current format, exactly as if it had always been."""
    import hashlib
    import json

    out = tmp_path / "out"
    generate(config_copy, out)
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    generate(config_copy, out)  # the June GEC at SEQUENCE 1
    before = tree(out)
    state = json.loads(before[".ptfcal-state.json"])
    assert state["version"] == 3
    # what ptfcal wrote before languages: French only, one fingerprint, no file list
    old = {"version": version, "events": {}}
    for uid, entry in state["events"].items():
        vevent = entry["vevents"]["fr"]
        if version == 2:
            fingerprint = entry["hashes"]["fr"]
        else:
            content = re.sub(r"(SEQUENCE:)\d+", r"\g<1>0",
                             re.sub(r"(DTSTAMP:)\S+", r"\g<1>20000101T000000Z",
                                    re.sub(r"LAST-MODIFIED:\S+\r\n", "", vevent)))
            fingerprint = hashlib.sha256(content.encode()).hexdigest()[:32]
        old["events"][uid] = {
            "hash": fingerprint, "sequence": entry["sequence"], "modified": entry["modified"],
            "day": entry["day"], "vevent": vevent, "gone": entry["gone"],
            "feeds": [f for f in entry["feeds"] if "/en/" not in f]}
    (out / ".ptfcal-state.json").write_text(json.dumps(old), encoding="utf-8")

    summary = generate(config_copy, out)
    assert "Aucun changement pour les abonnés depuis la publication précédente." in summary
    after = tree(out)
    assert after == before  # the state too: format 3 again, the same history
    assert "SEQUENCE:1\r\n" in vevents(after["feeds/gec.ics"])[UID_GEC_JUNE]


def test_relative_meetings_follow_their_anchor(tmp_path, config_copy) -> None:
    """Moving the September GEC to another week moves the coordinators' Tuesday too (A-14)."""
    out = tmp_path / "out"
    generate(config_copy, out)
    before = vevents((out / "feeds" / "all.ics").read_bytes())
    append(config_copy / "years" / "2020.yaml",
           "  - type: gec-monthly\n    nominal: 2020-09-09\n    date: 2020-09-16\n")
    generate(config_copy, out)
    after = vevents((out / "feeds" / "all.ics").read_bytes())
    assert [uid for uid in after if after[uid] != before[uid]] == [
        "gt-coordinators-meeting.gt-coordinators.20200908@ptfcal.ptf-mali",
        "gec-monthly.gec.20200909@ptfcal.ptf-mali"]
    moved = after["gt-coordinators-meeting.gt-coordinators.20200908@ptfcal.ptf-mali"]
    assert "DTSTART;TZID=Africa/Bamako:20200915T090000\r\n" in moved


def test_unchanged_feeds_keep_their_bytes_and_dates(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    ga = out / "feeds" / "ga.ics"
    os.utime(ga, (1_500_000_000, 1_500_000_000))
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    generate(config_copy, out)
    assert ga.stat().st_mtime == 1_500_000_000


def test_recorded_cancellation_is_published_as_cancelled(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    append(config_copy / "years" / "2020.yaml", (
        "  - type: commission-mixte-session\n    nominal: 2020-07-16\n    cancelled: true\n"))
    generate(config_copy, out)
    uid = "commission-mixte-session.commission-mixte.20200716@ptfcal.ptf-mali"
    event = vevents((out / "feeds" / "commission-mixte.ics").read_bytes())[uid]
    for line in ("STATUS:CANCELLED", "TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
                 "SUMMARY:ANNULÉ : Session de la Commission Mixte Mali-PTF", "SEQUENCE:1"):
        assert f"\r\n{line}\r\n" in event, line


def test_an_event_that_leaves_the_schedule_is_published_as_cancelled(tmp_path, config_copy):
    """An extra event deleted from the year file does not silently disappear."""
    out = tmp_path / "out"
    append(config_copy / "years" / "2020.yaml", (
        "events:\n  - type: troika-meeting\n    date: 2020-09-15\n"))
    generate(config_copy, out)
    uid = "troika-meeting.troika.20200915@ptfcal.ptf-mali"
    assert uid in vevents((out / "feeds" / "troika.ics").read_bytes())
    edit(config_copy / "years" / "2020.yaml", "events:\n  - type: troika-meeting\n"
         "    date: 2020-09-15\n", "")
    summary = generate(config_copy, out)
    assert "Changements pour les abonnés depuis la publication précédente : 1 retrait (publié " \
        "comme annulé)" in lines(summary)
    row = next(line for line in summary.splitlines() if "Troïka" in line)
    assert "retiré, publié comme annulé" in row and "mar. 15 sept." in row
    for path in ("feeds/troika.ics", "feeds/all.ics", "2020/bodies/troika.ics",
                 "2020/all.ics", "feeds/level-political.ics"):
        event = vevents((out / path).read_bytes())[uid]
        assert "\r\nSTATUS:CANCELLED\r\n" in event and "\r\nSEQUENCE:1\r\n" in event, path
        # local time with its zone, never TZID and a UTC 'Z' together
        assert "\r\nDTSTART;TZID=Africa/Bamako:20200915T100000\r\n" in event, path
    after = tree(out)
    generate(config_copy, out)  # published once as cancelled: no further change
    assert tree(out) == after


def test_regenerating_another_year_keeps_this_years_history(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    generate(config_copy, out)
    run = run_ptfcal("generate", "2021", "--config", str(config_copy), "--out", str(out),
                     "--as-of", "2020-07-01")
    assert run.code == 0
    assert "Aucun changement pour les abonnés depuis la publication précédente." in run.out
    event = vevents((out / "feeds" / "gec.ics").read_bytes())[UID_GEC_JUNE]
    assert "\r\nSEQUENCE:1\r\n" in event


def test_refresh_hint_is_configurable(tmp_path, config_copy) -> None:
    edit(config_copy / "ptfcal.yaml", "  refresh_hours: 3 ", "  refresh_hours: 6 ")
    out = tmp_path / "out"
    generate(config_copy, out)
    text = (out / "feeds" / "gec.ics").read_bytes().decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in text
    assert "X-PUBLISHED-TTL:PT6H\r\n" in text


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


def test_index_page_links_every_feed(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out, "--base-url", "https://ptf-mali.example.org/calendriers")
    parser = Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    feeds = sorted(p.relative_to(out).as_posix() for p in (out / "feeds").rglob("*.ics"))
    assert len(feeds) == 2 * 61 and "feeds/en/gec.ics" in feeds  # French and English
    base = "https://ptf-mali.example.org/calendriers/"
    https = [h for h in parser.hrefs if h.startswith(base)]
    assert sorted(h.removeprefix(base) for h in https) == feeds
    assert "webcal://ptf-mali.example.org/calendriers/feeds/gec.ics" in parser.hrefs
    assert "webcal://ptf-mali.example.org/calendriers/feeds/en/gec.ics" in parser.hrefs
    for service in ("https://outlook.office.com/calendar/0/addfromweb?",
                    "https://outlook.live.com/calendar/0/addfromweb?"):
        assert len([h for h in parser.hrefs if h.startswith(service)]) == len(feeds), service
    outlook = [h for h in parser.hrefs if h.startswith(
        "https://outlook.office.com/calendar/0/addfromweb?")]
    query = parse_qs(urlsplit(next(h for h in outlook if "feeds%2Fgec.ics" in h)).query)
    assert query == {"url": ["https://ptf-mali.example.org/calendriers/feeds/gec.ics"],
                     "name": ["PTF Mali — GEC"]}
    query = parse_qs(urlsplit(next(h for h in outlook if "en%2Fgec.ics" in h)).query)
    assert query["name"] == ["PTF Mali — GEC"]
    # Google: its documented « From URL » page, where the address shown under the links is
    # pasted (the undocumented ?cid= link fails)
    google = [h for h in parser.hrefs if h.startswith("https://calendar.google.com/")]
    assert google == ["https://calendar.google.com/calendar/u/0/r/settings/addbyurl"] \
        * len(feeds)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "cid=" not in page
    for feed in feeds:
        assert f"<code>{base}{feed}</code>" in page, feed
    assert "2020/events.csv" in parser.hrefs and "2020/en/events.csv" in parser.hrefs
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Abonnez-vous, n'importez pas" in page and "Subscribe, do not import" in page


def test_index_page_without_base_url_has_relative_links(tmp_path, config_copy) -> None:
    out = tmp_path / "out"
    generate(config_copy, out)
    parser = Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert "feeds/gec.ics" in parser.hrefs
    assert not any(h.startswith(("webcal:", "https:")) for h in parser.hrefs)
    for href in parser.hrefs:
        assert (out / href).is_file(), href


# --- every feed, as clients read it ----------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A folder with history: published, then a meeting moved and an event removed."""
    import shutil

    from tests.conftest import CONFIG

    base = tmp_path_factory.mktemp("published")
    config, out = base / "config", base / "out"
    shutil.copytree(CONFIG, config)
    append(config / "years" / "2020.yaml", "events:\n  - type: troika-meeting\n"
           "    date: 2020-09-15\n")
    generate(config, out)
    edit(config / "years" / "2020.yaml", "    date: 2020-06-17\n", "    date: 2020-06-18\n")
    edit(config / "years" / "2020.yaml", "events:\n  - type: troika-meeting\n"
         "    date: 2020-09-15\n", "")
    assert "1 déplacement, 1 retrait (publié comme annulé)" in generate(config, out)
    return out


def all_feeds(out: Path) -> list[Path]:
    return sorted(out.rglob("*.ics"))


def test_every_feed_parses_with_two_independent_parsers(published) -> None:
    for path in all_feeds(published):
        text = path.read_bytes().decode("utf-8")
        cal = vobject.readOne(text, validate=True)
        stream = IcsCalendarStream.calendar_from_ics(text)
        by_vobject = sorted(str(e.uid.value) for e in cal.vevent_list)
        by_ical = sorted(e.uid for e in stream.events)
        assert by_vobject == by_ical == sorted(vevents(path.read_bytes())), path


def test_every_feed_passes_the_outlook_points(published) -> None:
    """A strict reading of the raw bytes, without an iCalendar library."""
    for path in all_feeds(published):
        raw = path.read_bytes()
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), path
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75, path
        text = raw.decode("utf-8").replace("\r\n ", "")
        for needed in ("METHOD:PUBLISH", "VERSION:2.0", "X-WR-CALNAME:", "NAME:",
                       "REFRESH-INTERVAL;VALUE=DURATION:PT3H", "X-PUBLISHED-TTL:PT3H"):
            assert f"\r\n{needed}" in text, (path, needed)
        if "TZID=" in text:
            assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT"), path
        events = vevents(raw)
        assert len(events) == text.count("BEGIN:VEVENT"), path  # unique UIDs
        for uid, block in events.items():
            assert re.search(r"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", block), (path, uid)
            assert not re.search(r"TZID=[^:]*:\d{8}T\d{6}Z", block), (path, uid)
            assert "RRULE" not in block
            if "DTSTART;VALUE=DATE:" in block:  # deadlines: all-day, exclusive end, free
                start = re.search(r"DTSTART;VALUE=DATE:(\d{8})", block).group(1)
                end = re.search(r"DTEND;VALUE=DATE:(\d{8})", block).group(1)
                assert end > start
                for line in ("TRANSP:TRANSPARENT", "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
                             "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE"):
                    assert f"\r\n{line}\r\n" in block, (path, uid, line)
            else:
                assert "DTSTART;TZID=Africa/Bamako:" in block, (path, uid)
                busy = "STATUS:CANCELLED" not in block
                assert ("\r\nTRANSP:OPAQUE\r\n" in block) == busy, (path, uid)
                assert "\r\nX-MICROSOFT-CDO-ALLDAYEVENT:FALSE\r\n" in block
            category = ("(Political|Technical|Joint|Support)" if "/en/" in path.as_posix()
                        else "(Niveau|Cadre|Secrétariat)")
            assert re.search(rf"\r\nCATEGORIES:{category}", block), (path, uid)
