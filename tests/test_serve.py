"""`ptfcal serve` over real sockets, and a real client (vdirsyncer + khal) that subscribes,
then sees one meeting move without a duplicate."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptfcal.publish.serve import make_server
from tests.conftest import edit, run_ptfcal

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    assert run_ptfcal("generate", "2020", "--out", str(out), "--as-of", "2020-07-01").code == 0
    (out / "secret.txt").write_text("outside", encoding="utf-8")
    return out


@pytest.fixture
def server(site) -> Iterator[tuple[str, int, list[str]]]:
    lines: list[str] = []
    srv = make_server(site, "127.0.0.1", 0, lines.append)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield "127.0.0.1", srv.server_address[1], lines
    srv.shutdown()
    srv.server_close()
    thread.join()


def request(server, method: str, path: str, headers: dict | None = None):
    host, port, _ = server
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_feed_is_served_as_a_calendar_with_validators(server, site) -> None:
    response, body = request(server, "GET", "/feeds/gec.ics")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/calendar; charset=utf-8"
    assert body == (site / "feeds" / "gec.ics").read_bytes()
    assert re.fullmatch(r'"[0-9a-f]+-[0-9a-f]+"', response.getheader("ETag"))
    assert response.getheader("Last-Modified").endswith(" GMT")
    assert int(response.getheader("Content-Length")) == len(body)


def test_conditional_requests_get_304(server) -> None:
    first, _ = request(server, "GET", "/feeds/gec.ics")
    etag, modified = first.getheader("ETag"), first.getheader("Last-Modified")
    again, body = request(server, "GET", "/feeds/gec.ics", {"If-None-Match": etag})
    assert (again.status, body) == (304, b"")
    assert again.getheader("ETag") == etag
    since, body = request(server, "GET", "/feeds/gec.ics", {"If-Modified-Since": modified})
    assert (since.status, body) == (304, b"")
    stale, body = request(server, "GET", "/feeds/gec.ics", {"If-None-Match": '"0-0"'})
    assert stale.status == 200 and body


def test_head_has_headers_and_no_body(server, site) -> None:
    response, body = request(server, "HEAD", "/feeds/all.ics")
    assert response.status == 200 and body == b""
    assert int(response.getheader("Content-Length")) == (site / "feeds" / "all.ics").stat().st_size


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/feeds/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
    "/feeds/%2E%2E/%2E%2E/etc/hostname", "/.ptfcal-state.json", "/feeds/", "/2020/",
    "/feeds/nothing.ics", "/..%5c..%5cetc/passwd",
])
def test_no_path_outside_no_hidden_file_no_listing(server, path) -> None:
    response, body = request(server, "GET", path)
    assert response.status == 404, path
    assert body == b""


def test_symbolic_link_out_of_the_folder_is_refused(server, site, tmp_path) -> None:
    outside = tmp_path / "outside.ics"
    outside.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    (site / "feeds" / "link.ics").symlink_to(outside)
    try:
        response, _ = request(server, "GET", "/feeds/link.ics")
        assert response.status == 404
    finally:
        (site / "feeds" / "link.ics").unlink()


def test_root_serves_the_index_page(server) -> None:
    response, body = request(server, "GET", "/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert b"feeds/gec.ics" in body


def test_only_get_and_head(server) -> None:
    response, _ = request(server, "POST", "/feeds/gec.ics")
    assert response.status == 405
    assert response.getheader("Allow") == "GET, HEAD"


def test_one_log_line_per_request(server) -> None:
    import time

    _, _, lines = server
    request(server, "GET", "/feeds/gec.ics")
    request(server, "GET", "/missing.ics")
    deadline = time.monotonic() + 5
    while len(lines) < 2 and time.monotonic() < deadline:  # logged after the response is sent
        time.sleep(0.01)
    assert len(lines) == 2
    assert re.fullmatch(r'127\.0\.0\.1 "GET /feeds/gec\.ics" 200 \d+ \d+\.\dms', lines[0])
    assert lines[1].startswith('127.0.0.1 "GET /missing.ics" 404 0 ')


def test_serve_command_starts_logs_and_stops_cleanly_on_ctrl_c(site) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "ptfcal", "serve", "--dir", str(site),
                             "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        banner = proc.stderr.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", banner).group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/feeds/gec.ics")
        assert conn.getresponse().status == 200
        conn.close()
        assert '"GET /feeds/gec.ics" 200' in proc.stderr.readline()
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=10)
    rest = proc.stderr.read()
    assert code == 0
    assert "arrêté / stopped" in rest and "Traceback" not in rest


def test_serve_a_missing_folder_is_a_clear_error(tmp_path) -> None:
    result = run_ptfcal("serve", "--dir", str(tmp_path / "nowhere"))
    assert result.code == 2
    assert "ce n'est pas un dossier (lancez d'abord ptfcal generate)" in result.err


# --- a real client ---------------------------------------------------------------------------


def client_env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({"XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data"),
                "XDG_CACHE_HOME": str(tmp / "cache"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
                "NO_PROXY": "127.0.0.1"})
    return env


def vdirsyncer(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    # vdirsyncer's http storage replaces each UID by a hash of the item (a class attribute,
    # not a setting); Outlook keys events by UID, so the test keeps the feed's own UIDs.
    code = ("import sys, vdirsyncer.storage.http as http_storage; "
            "http_storage.HttpStorage._ignore_uids = False; "
            "from vdirsyncer.cli import app; sys.argv[0] = 'vdirsyncer'; sys.exit(app())")
    return subprocess.run([sys.executable, "-c", code, "-c", str(tmp / "vdirsyncer.conf"),
                           *args], env=client_env(tmp), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def khal_list(tmp: Path) -> list[tuple[str, str, str]]:
    cmd = [str(BIN / "khal"), "-c", str(tmp / "khal.conf"), "list", "--json", "uid",
           "--json", "start", "--json", "title", "2020-06-01", "2020-07-31"]
    out = subprocess.run(cmd, env=client_env(tmp), capture_output=True, text=True, check=True,
                         stdin=subprocess.DEVNULL, timeout=120).stdout
    found = set()
    for line in out.splitlines():
        for item in json.loads(line) if line.strip() else ():
            found.add((item["uid"], item["start"], item["title"]))
    return sorted(found)


def test_a_real_client_follows_a_moved_meeting_without_duplicate(tmp_path, config_copy) -> None:
    out = tmp_path / "calendars"
    gen = ["generate", "2020", "--config", str(config_copy), "--out", str(out),
           "--as-of", "2020-07-01"]
    assert run_ptfcal(*gen).code == 0
    srv = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        vdir = tmp_path / "vdir"
        vdir.mkdir()
        (tmp_path / "status").mkdir()
        url = f"http://127.0.0.1:{srv.server_address[1]}/feeds/gec.ics"
        (tmp_path / "vdirsyncer.conf").write_text(
            f'[general]\nstatus_path = "{tmp_path / "status"}/"\n\n'
            '[pair gec]\na = "gec_remote"\nb = "gec_local"\ncollections = null\n'
            'conflict_resolution = "a wins"\n\n'
            f'[storage gec_remote]\ntype = "http"\nurl = "{url}"\n\n'
            f'[storage gec_local]\ntype = "filesystem"\npath = "{vdir}/"\nfileext = ".ics"\n',
            encoding="utf-8")
        (tmp_path / "khal.conf").write_text(
            f"[calendars]\n[[gec]]\npath = {vdir}/\ntype = calendar\n\n[locale]\n"
            "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
            "local_timezone = UTC\ndefault_timezone = UTC\n\n"
            f"[sqlite]\npath = {tmp_path / 'khal.db'}\n", encoding="utf-8")
        for step in ("discover", "sync"):
            done = vdirsyncer(tmp_path, step)
            assert done.returncode == 0, done.stdout + done.stderr
        files_before = sorted(p.name for p in vdir.iterdir())
        assert khal_list(tmp_path) == [
            ("gec-monthly.gec.20200610@ptfcal.ptf-mali", "2020-06-17 09:00",
             "Réunion mensuelle du GEC"),
            ("gec-monthly.gec.20200708@ptfcal.ptf-mali", "2020-07-08 09:00",
             "Réunion mensuelle du GEC")]

        edit(config_copy / "years" / "2020.yaml", "    date: 2020-06-17\n    rescheduled: true\n",
             "    date: 2020-06-18\n    time: 10:00-12:00\n    rescheduled: true\n")
        assert run_ptfcal(*gen).code == 0
        done = vdirsyncer(tmp_path, "sync")
        assert done.returncode == 0, done.stdout + done.stderr
        log = done.stdout + done.stderr
        assert re.findall(r"Copying \(updating\) item (\S+)", log) == [
            "gec-monthly.gec.20200610@ptfcal.ptf-mali"]
        assert "uploading" not in log and "Deleting" not in log
        assert sorted(p.name for p in vdir.iterdir()) == files_before  # no duplicate
        assert khal_list(tmp_path) == [
            ("gec-monthly.gec.20200610@ptfcal.ptf-mali", "2020-06-18 10:00",
             "Réunion mensuelle du GEC"),
            ("gec-monthly.gec.20200708@ptfcal.ptf-mali", "2020-07-08 09:00",
             "Réunion mensuelle du GEC")]
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join()


# --- issue 20: only what was published; a client that leaves is one line ----------------------


def test_only_the_files_the_state_lists_are_served(tmp_path) -> None:
    """A distribution list dropped into a published year (by hand, or by an earlier ptfcal)
    has a published file's shape: it is not served, the year's events.csv is."""
    out = tmp_path / "calendars"
    assert run_ptfcal("generate", "2020", "--out", str(out), "--as-of", "2020-07-01").code == 0
    (out / "2020" / "liste-gec.csv").write_text("Nom;Courriel\r\nAwa;awa@example.org\r\n",
                                                encoding="utf-8")
    (out / "feeds" / "people.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                                              encoding="utf-8")
    lines: list[str] = []
    srv = make_server(out, "127.0.0.1", 0, lines.append)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    server = ("127.0.0.1", srv.server_address[1], lines)
    try:
        for path in ("/2020/liste-gec.csv", "/feeds/people.ics"):
            response, body = request(server, "GET", path)
            assert (response.status, body) == (404, b""), path
        for path in ("/2020/events.csv", "/feeds/gec.ics", "/", "/2020/en/events.csv"):
            assert request(server, "GET", path)[0].status == 200, path
        # no state, nothing published: nothing served (and said once in the log)
        state = out / ".ptfcal-state.json"
        state.rename(out / "state.json")
        assert request(server, "GET", "/feeds/gec.ics")[0].status == 404
        assert sum("rien n'est servi / no readable publication, nothing is served" in line
                   for line in lines) == 1
        (out / "state.json").rename(state)
        assert request(server, "GET", "/feeds/gec.ics")[0].status == 200
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join()


def test_a_client_that_resets_its_connection_is_one_log_line(site) -> None:
    import socket
    import struct

    proc = subprocess.Popen([sys.executable, "-m", "ptfcal", "serve", "--dir", str(site),
                             "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stderr.readline()).group(1))
        for _ in range(3):
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            sock.sendall(b"GET /feeds/gec.ics HTTP/1.1\r\nHost: x\r\n\r\n")
            received = b""
            while b"END:VCALENDAR\r\n" not in received:  # the whole answer, then a reset
                chunk = sock.recv(65536)
                assert chunk, received[:200]
                received += chunk
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()  # RST while the server waits for the next request
        logged = [proc.stderr.readline() for _ in range(6)]
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=10)
    rest = proc.stderr.read()
    assert code == 0
    assert "Traceback" not in "".join(logged) + rest
    assert sum('"GET /feeds/gec.ics" 200' in line for line in logged) == 3
    assert sum(re.fullmatch(r"127\.0\.0\.1 connexion interrompue / connection closed "
                            r"\(ConnectionResetError\)\n", line) is not None
               for line in logged) == 3, logged
