"""The HTML page printed to PDF by a headless Chromium (or Google Chrome) when one is installed:
the browser applies the page's own A4 print stylesheet, as a person printing it would."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from ..errors import InputError, OutputError
from ..i18n import text

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
            "msedge")
SECONDS = 120


def browser() -> str | None:
    """The first Chromium-like browser on the PATH (PTFCAL_BROWSER names another)."""
    named = os.environ.get("PTFCAL_BROWSER")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


# the dates Chromium writes in the PDF's information (« D:20271207163648+00'00' »)
_DATES = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


def _dated(pdf: bytes, day: date) -> bytes:
    """The PDF dated `day` at noon instead of the moment it was printed, so that the same page
    gives the same bytes; the same length, so the file's table of offsets stays right."""
    stamp = f"{day:%Y%m%d}120000".encode()
    return _DATES.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp, pdf)


def print_pdf(page: bytes, day: date) -> bytes:
    """The PDF of an HTML page (no network: the page fetches nothing, the browser is told not
    to either), dated `day` (the as-of date)."""
    exe = browser()
    if exe is None:
        raise InputError(text("rep.no-browser"))
    with tempfile.TemporaryDirectory(prefix="ptfcal-pdf-") as work:
        source = Path(work) / "bilan.html"
        target = Path(work) / "bilan.pdf"
        source.write_bytes(page)
        args = [exe, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={work}/profile",
                f"--print-to-pdf={target}", source.as_uri()]
        try:
            done = subprocess.run(args, capture_output=True, timeout=SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OutputError(text("rep.browser-failed", why=str(exc))) from None
        if not target.is_file() or target.stat().st_size == 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [
                str(done.returncode)]
            raise OutputError(text("rep.browser-failed", why=why[0]))
        return _dated(target.read_bytes(), day)
