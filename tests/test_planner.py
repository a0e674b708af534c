"""planner.html: valid HTML holding every event of the year, and rendered by a real browser
(Debian's Chromium, driven by Playwright) as twelve months on one printed page."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ptfcal.model import Status
from tests.conftest import ROOT, bundled_schedule, run_ptfcal

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
GEC_2020 = ["2020-01-08", "2020-02-12", "2020-03-11", "2020-04-08", "2020-05-13",
            "2020-06-17", "2020-07-08", "2020-09-09", "2020-10-14", "2020-11-11",
            "2020-12-09"]


@pytest.fixture(scope="module")
def planner(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("planner")
    result = run_ptfcal("generate", "2020", "--out", str(out), "--planners",
                        "--as-of", "2020-07-01")
    assert result.code == 0, result.err
    return out / "2020" / "planner.html"


class Page(HTMLParser):
    """A strict reading: every tag closed in order, and what the planner marks."""

    VOID = {"meta", "br", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.months = 0
        self.list_uids: list[str] = []
        self.chips: list[dict] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)
        if "month" in (a.get("class") or "").split():
            self.months += 1
        if tag == "tr" and "data-uid" in a:
            self.list_uids.append(a["data-uid"])
        if tag == "span" and "data-uid" in a:
            self.chips.append(a)

    def handle_endtag(self, tag) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_planner_is_valid_html_with_every_event(planner) -> None:
    page = read(planner)
    assert page.errors == [] and page.stack == []
    assert page.months == 12
    events = [e for e in bundled_schedule(2020).events if e.status is not Status.CANCELLED]
    assert sorted(page.list_uids) == sorted(e.uid for e in events)  # the list by body
    assert sum(int(c["data-count"]) for c in page.chips) == len(events)  # the grid
    assert len(page.chips) == 42 - 3 * 4  # the 5 parallel tripartites share one chip, 3 times
    text = planner.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text


def test_every_event_has_a_chip_in_its_day(planner) -> None:
    html = planner.read_text(encoding="utf-8")
    events = [e for e in bundled_schedule(2020).events if e.status is not Status.CANCELLED]
    cells = dict(re.findall(r'<td[^>]*data-date="([0-9-]{10})">(.*?)</td>', html, re.S))
    for e in events:
        assert f'data-type="{e.meeting_type}"' in cells[e.day.isoformat()], e.id


def test_planner_per_institution_is_a_flag_away(planner) -> None:
    folder = planner.parent / "planners"
    assert sorted(p.stem for p in folder.iterdir())[:3] == ["afd", "allemagne", "bad"]
    fao = read(folder / "fao.html")
    assert "— filtre : FAO" in (folder / "fao.html").read_text(encoding="utf-8")
    assert all("fao" in e.participants for e in bundled_schedule(2020).events
               if e.uid in fao.list_uids)
    # 11 GEC, the retreat, 2 coordinators' meetings (FAO leads GT EAR until 16 June), 3 CM,
    # the CREDD technical session, the RBC, 3 GT PTF 1 coordinations, 2 deadlines
    assert len(fao.list_uids) == 24


def test_index_links_the_planner(planner) -> None:
    assert 'href="2020/planner.html"' in (planner.parent.parent / "index.html").read_text(
        encoding="utf-8")


def test_a_browser_shows_twelve_months_and_the_eleven_gec_dates(planner) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed (the README's test command installs it)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1100})
            page.goto(planner.as_uri())
            months = page.locator(".month")
            assert months.count() == 12
            for i in range(12):
                assert months.nth(i).is_visible()
            titles = page.locator(".month h2").all_inner_texts()
            assert titles[0] == "Janvier 2020" and titles[-1] == "Décembre 2020"
            gec = page.locator('.chip[data-type="gec-monthly"]')
            assert gec.count() == 11
            dates = [gec.nth(i).evaluate("c => c.closest('td').dataset.date")
                     for i in range(11)]
            assert dates == GEC_2020
            assert all(gec.nth(i).is_visible() for i in range(11))
            page.screenshot(path=str(ARTIFACTS / "planner-2020.png"), full_page=True)
            # printed on A4 landscape: the twelve months on the first page
            page.emulate_media(media="print")
            page.pdf(path=str(ARTIFACTS / "planner-2020-a4.pdf"), format="A4",
                     landscape=True, print_background=True)
            page.add_style_tag(content=".list{display:none}")
            for paper in ("A4", "A3"):
                data = page.pdf(format=paper, landscape=True, print_background=True)
                pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
                assert pages == 1, (paper, pages)
        finally:
            browser.close()
    assert (ARTIFACTS / "planner-2020.png").stat().st_size > 50_000
    shutil.copy(planner, ARTIFACTS / "planner-2020.html")


def test_the_index_page_fits_a_phone(tmp_path) -> None:
    """index.html at 390 px (a phone, where many partners subscribe): no horizontal scrolling,
    every feed's links and the address to paste visible (issue 19 item 2)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is needed (the README's test command installs it)")
    from playwright.sync_api import sync_playwright

    out = tmp_path / "out"
    result = run_ptfcal("generate", "2020", "--out", str(out), "--as-of", "2020-07-01",
                        "--base-url", "https://ptf-mali.example.org/calendriers/")
    assert result.code == 0, result.err
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-sync"])
        try:
            for width, most in ((390, 390), (1600, 1600)):
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto((out / "index.html").as_uri())
                assert page.evaluate("document.documentElement.scrollWidth") <= most, width
                google = page.locator('a:text-is("Google")')
                assert google.count() == 2 * 61
                box = google.nth(60).bounding_box()
                assert box is not None and box["x"] + box["width"] <= width
                address = page.locator("td.links code").nth(0)
                box = address.bounding_box()
                assert box is not None and box["x"] + box["width"] <= width
                assert address.inner_text().replace("\n", "") == \
                    "https://ptf-mali.example.org/calendriers/feeds/all.ics"
                page.close()
        finally:
            browser.close()
