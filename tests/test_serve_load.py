"""`ptfcal serve` under load: 200 subscribers refreshing at once, on loopback.

The real command serves a real publication; 200 clients, each on its own keep-alive
connection, fetch a feed once, then repeat conditional GETs (If-None-Match) until the time is
up. Every answer must be right (0 errors, 0 timeouts), and the conditional ones must not read
the file: halfway through, the feeds are made unreadable to the server, and the 304s go on
while a plain GET of the same feed is refused. CI loads for 3 seconds;
`PTFCAL_LOAD_SECONDS=60` is the nightly size.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from tests.conftest import assert_permissions_bind, run_ptfcal, unprivileged

CLIENTS = 200
SECONDS = float(os.environ.get("PTFCAL_LOAD_SECONDS", "3"))


@pytest.fixture
def served(tmp_path):
    assert_permissions_bind(tmp_path)
    out = tmp_path / "site"
    assert run_ptfcal("generate", "2020", "--out", str(out), "--as-of", "2020-07-01").code == 0
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        # unprivileged, so that file permissions bind the server (root ignores them)
        proc = subprocess.Popen([sys.executable, "-m", "ptfcal", "serve", "--dir", str(out),
                                 "--port", "0"], stderr=sink, preexec_fn=unprivileged)
    try:
        deadline = time.monotonic() + 30
        while not (m := re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text("utf-8"))):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text("utf-8")
            time.sleep(0.05)
        yield out, int(m[1]), log
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        for path in out.rglob("*.ics"):
            path.chmod(0o644)


def test_200_clients_refreshing_get_no_error_and_304s_do_not_read_files(served) -> None:
    out, port, log = served
    feeds = sorted(f"/{p.relative_to(out).as_posix()}" for p in (out / "feeds").glob("*.ics"))
    tally: Counter[str] = Counter()
    errors: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(CLIENTS + 1)
    locked = threading.Event()  # set once the feeds are unreadable
    stop = time.monotonic() + 10 + SECONDS

    def client(n: int) -> None:
        path = feeds[n % len(feeds)]
        counts: Counter[str] = Counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            first = conn.getresponse()
            body = first.read()
            assert first.status == 200 and body.startswith(b"BEGIN:VCALENDAR"), first.status
            etag = first.getheader("ETag")
            ready.wait(timeout=60)
            while time.monotonic() < stop:
                conn.request("GET", path, headers={"If-None-Match": etag})
                response = conn.getresponse()
                response.read()
                if response.status != 304 or response.getheader("ETag") != etag:
                    raise AssertionError(f"{path}: {response.status}")
                counts["after unreadable" if locked.is_set() else "before"] += 1
            conn.close()
        except Exception as exc:  # noqa: BLE001 - every failure is counted, then reported
            with lock:
                errors.append(f"client {n}: {type(exc).__name__}: {exc}")
        with lock:
            tally.update(counts)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    ready.wait(timeout=60)
    stop = time.monotonic() + SECONDS
    time.sleep(SECONDS / 2)
    for path in out.rglob("*.ics"):
        path.chmod(0o000)  # nobody may read the feeds now; stat still works
    locked.set()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == [], errors[:5]
    assert tally["before"] > CLIENTS and tally["after unreadable"] > CLIENTS, tally
    # the feeds are really unreadable to the server: a plain GET cannot be answered
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", feeds[0])
    assert conn.getresponse().status == 404
    conn.close()
    total = tally["before"] + tally["after unreadable"]
    print(f"\n{CLIENTS} clients, {SECONDS:g} s: {total} conditional GETs, all 304, "
          f"{total / SECONDS:.0f}/s; {tally['after unreadable']} of them with unreadable feeds")
