"""Hard to break (issue 10): ptfcal never touches what is not its own, a damaged or crafted
change-tracking state never resets history or writes outside OUT, a failed rename is rolled
back and said, two runs never interleave, and `serve` never sends a torn feed or crashes on a
malformed request. Each test reproduces a defect found by attacking ptfcal."""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ptfcal.publish.serve import make_server
from tests.conftest import CONFIG, run_ptfcal

AS_OF = ["--as-of", "2020-07-01"]
EPOCH = {"SOURCE_DATE_EPOCH": "1593561600"}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def generate(out: Path, *args: str, config: Path = CONFIG, code: int = 0):
    result = run_ptfcal("generate", "2020", "--config", str(config), "--out", str(out), *AS_OF,
                        *args, env=EPOCH)
    assert result.code == code, (result.code, result.err)
    return result


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "out"
    generate(out)
    return out


def copy_of(published: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(published, out, symlinks=True)
    return out


# --- 1. files that are not ptfcal's ------------------------------------------------------------


def test_a_managed_folder_that_is_a_link_is_refused_and_its_target_untouched(tmp_path,
                                                                            published):
    out = copy_of(published, tmp_path)
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    for name in ("thesis.docx", "photo.jpg", "notes.txt"):
        (elsewhere / name).write_text(name)
    shutil.rmtree(out / "feeds")
    (out / "feeds").symlink_to(elsewhere)
    before = tree(out)
    result = generate(out, code=2)
    assert f"{out / 'feeds'} est un lien symbolique" in result.err, result.err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["notes.txt", "photo.jpg",
                                                          "thesis.docx"]
    assert tree(out) == before


def test_a_first_run_into_a_folder_with_other_files_keeps_them(tmp_path) -> None:
    out = tmp_path / "out"
    (out / "feeds").mkdir(parents=True)
    (out / "feeds" / "podcasts.opml").write_text("<opml/>")
    (out / "2020").mkdir()
    (out / "2020" / "minutes.docx").write_text("x")
    generate(out)
    assert (out / "feeds" / "podcasts.opml").read_text() == "<opml/>"
    assert (out / "2020" / "minutes.docx").read_text() == "x"


def test_a_feed_file_that_is_a_link_is_never_written_through(tmp_path, published) -> None:
    out = copy_of(published, tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    target = out / "feeds" / "gec.ics"
    target.unlink()
    target.symlink_to(victim)
    result = generate(out, code=2)
    assert "est un lien symbolique" in result.err
    assert victim.read_text() == "precious" and target.is_symlink()


# --- 2. check --output --------------------------------------------------------------------------


def test_check_output_refuses_what_is_not_a_regular_file(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in ("/dev/null", str(tmp_path), str(fifo)):
        result = run_ptfcal("check", "2020", "--output", target)
        assert result.code == 2, (target, result.err)
        assert "n'est pas un fichier ordinaire : ptfcal ne le remplace pas" in result.err
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()


def test_check_output_never_writes_through_a_link(tmp_path) -> None:
    real = tmp_path / "report.txt"
    real.write_text("old")
    link = tmp_path / "latest.txt"
    link.symlink_to(real)
    result = run_ptfcal("check", "2020", "--output", str(link))
    assert result.code == 2, result.err
    assert f"{link} est un lien symbolique : ptfcal n'écrit pas à travers un lien" in result.err
    assert link.is_symlink() and real.read_text() == "old"


def test_check_output_replaces_only_its_own_report(tmp_path) -> None:
    """The ledger of written files: ptfcal's own report is replaced at the next run (the
    data changed: here the language), a file it did not write or one edited since is not."""
    report = tmp_path / "rapport.txt"
    assert run_ptfcal("check", "2020", "--output", str(report)).code == 0
    assert report.read_text(encoding="utf-8").startswith("Calendrier 2020")
    assert run_ptfcal("check", "2020", "--output", str(report), "--lang", "en").code == 0
    assert report.read_text(encoding="utf-8").startswith("Calendar 2020")
    report.write_text("Calendar 2020 — mes notes\n", encoding="utf-8")
    refused = run_ptfcal("check", "2020", "--output", str(report))
    assert refused.code == 2, refused.err
    assert f"{report} existe déjà et ptfcal ne l'a pas écrit, ou il a été modifié depuis : " \
           "ptfcal ne l'écrase pas et rien n'est écrit" in refused.err
    assert report.read_text(encoding="utf-8") == "Calendar 2020 — mes notes\n"
    mine = tmp_path / "mine.md"
    mine.write_bytes(b"# my own notes\n")
    assert run_ptfcal("check", "2020", "--output", str(mine), "--format", "md").code == 2
    assert mine.read_bytes() == b"# my own notes\n"


# --- 3, 4. the change-tracking state --------------------------------------------------------------


def _state(out: Path) -> dict:
    return json.loads((out / ".ptfcal-state.json").read_bytes())


def test_a_crafted_path_in_the_state_writes_nothing_outside(tmp_path, published) -> None:
    out = copy_of(published, tmp_path)
    state = _state(out)
    uid = next(iter(state["events"]))
    state["events"][uid]["feeds"].append("feeds/../../escaped/new/all.ics")
    state["events"]["gone@x"] = {**state["events"][uid],
                                 "feeds": ["feeds/../../escaped/new/all.ics"]}
    (out / ".ptfcal-state.json").write_text(json.dumps(state))
    result = generate(out)
    assert not (tmp_path / "escaped").exists()
    assert "Historique reconstitué à partir de" in result.out  # damaged: read back from feeds
    assert (out / ".ptfcal-state.damaged.json").is_file()


MUTATIONS = ["truncate", "flip", "value", "drop-key", "type", "nan", "huge-sequence",
             "bad-date", "bad-time", "list", "newer"]


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_damaged_state_never_resets_history_in_silence(tmp_path, published, mutation):
    """Each damage gives recovery from the feeds (a copy of the damaged state kept) or a
    clear refusal: never exit 70, never SEQUENCE back to 0 in silence."""
    out = copy_of(published, tmp_path)
    path = out / ".ptfcal-state.json"
    raw = path.read_bytes()
    state = json.loads(raw)
    uid = sorted(state["events"])[3]
    rng = random.Random(mutation)
    if mutation == "truncate":
        damaged = raw[: rng.randrange(1, len(raw) - 1)]
    elif mutation == "flip":
        at = rng.randrange(len(raw))
        damaged = raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1:]
    else:
        entry = state["events"][uid]
        if mutation == "value":
            entry["sequence"] = "two"
        elif mutation == "drop-key":
            del entry["hashes"]
        elif mutation == "type":
            state["events"][uid] = 5
        elif mutation == "nan":
            entry["modified"] = "NaN"
        elif mutation == "huge-sequence":
            entry["sequence"] = 10 ** 40
        elif mutation == "bad-date":
            entry["day"] = "2020-13-45"
        elif mutation == "bad-time":
            entry["start"] = "25:99:00"
        elif mutation == "list":
            state["files"] = []
        elif mutation == "newer":
            state["version"] = 4
        damaged = json.dumps(state).encode()
    path.write_bytes(damaged)
    result = run_ptfcal("generate", "2020", "--out", str(out), *AS_OF, env=EPOCH)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    if mutation == "newer":
        assert result.code == 2 and "version plus récente" in result.err
        assert path.read_bytes() == damaged
        return
    assert result.code == 0, result.err
    assert "Historique reconstitué" in result.out
    assert (out / ".ptfcal-state.damaged.json").read_bytes() == damaged
    assert _state(out)["version"] == 3  # a good state again


# --- 5. a failure among the renames ---------------------------------------------------------------

_FAIL_AT_RENAME = """
import errno, os, sys
limit, out = int(sys.argv[1]), sys.argv[2]
real, done, held = os.replace, [0], []
def replace(source, target):  # the file that another program holds open refuses the rename
    if str(target).startswith(out) and not os.path.basename(target).startswith("."):
        if done[0] == limit and not held:
            held.append(str(target))
        if str(target) in held:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        done[0] += 1
    real(source, target)
os.replace = replace
sys.argv = ["ptfcal", *sys.argv[3:]]
from ptfcal.cli import main
main()
"""


def test_a_rename_that_fails_midway_is_rolled_back_and_said(tmp_path) -> None:
    from tests.conftest import edit

    config = tmp_path / "config"
    shutil.copytree(CONFIG, config, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    out = tmp_path / "out"
    generate(out, config=config)
    before = tree(out)
    edit(config / "ptfcal.yaml", "  fr: PTF Mali\n", "  fr: PTF Mali (révisé)\n")
    env = {**os.environ, **EPOCH}
    env.pop("PTFCAL_DEBUG", None)
    proc = subprocess.run([sys.executable, "-c", _FAIL_AT_RENAME, "29", str(out), "generate",
                           "2020", "--config", str(config), "--out", str(out), *AS_OF],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "permission refusée" in proc.stderr and "aucun fichier n'a été modifié" in \
        proc.stderr, proc.stderr
    assert tree(out) == before  # the 29 files already renamed are back
    assert not list(out.rglob(".*.tmp"))


# --- 6. two runs at once -------------------------------------------------------------------------

_ASSERT_LOCKED = """
import sys
from pathlib import Path
out = Path(sys.argv[1])
import ptfcal.publish.history as history
from ptfcal.locking import Busy, FolderLock
real = history.load
def load(folder, model):
    try:
        FolderLock(out).acquire()  # a second lock on the folder, from this very process
    except Busy:
        print("state read under the lock", file=sys.stderr)
    else:
        print("state read WITHOUT the lock", file=sys.stderr)
    return real(folder, model)
history.load = load
sys.argv = ["ptfcal", *sys.argv[2:]]
from ptfcal.cli import main
main()
"""


def test_the_state_is_read_under_the_lock(tmp_path, published) -> None:
    out = copy_of(published, tmp_path)
    env = {**os.environ, **EPOCH}
    env.pop("PTFCAL_DEBUG", None)
    proc = subprocess.run([sys.executable, "-c", _ASSERT_LOCKED, str(out), "generate", "2020",
                           "--out", str(out), *AS_OF, "-q"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "state read under the lock" in proc.stderr


def test_concurrent_runs_never_publish_a_lower_sequence(tmp_path) -> None:
    """Two configurations published into one folder at the same time, again and again: each
    run either publishes or is refused; SEQUENCE of the June GEC never goes down."""
    from tests.conftest import edit

    configs = []
    for n, day in enumerate(("18", "19")):
        config = tmp_path / f"config{n}"
        shutil.copytree(CONFIG, config, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
        edit(config / "years" / "2020.yaml", "    date: 2020-06-17\n", f"    date: 2020-06-{day}\n")
        configs.append(config)
    out = tmp_path / "out"
    generate(out)
    uid = "gec-monthly.gec.20200610@ptfcal.ptf-mali"
    last = 0
    env = {**os.environ, **EPOCH}
    env.pop("PTFCAL_DEBUG", None)
    for round_ in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "ptfcal", "generate", "2020", "--config",
                                   str(c), "--out", str(out), *AS_OF, "-q"], env=env,
                                  stderr=subprocess.PIPE, text=True) for c in configs]
        codes = []
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            codes.append(proc.returncode)
            assert proc.returncode in (0, 2), err
            if proc.returncode == 2:
                assert "un autre ptfcal travaille dans" in err, err
        assert 0 in codes, round_
        feed = (out / "feeds" / "gec.ics").read_bytes().decode().replace("\r\n ", "")
        block = feed[feed.index(f"UID:{uid}"):]
        sequence = int(re.search(r"\r\nSEQUENCE:(\d+)\r\n", block).group(1))
        assert sequence >= last
        last = sequence


# --- 11, 12. serve -------------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path, published):
    site = copy_of(published, tmp_path)
    lines: list[str] = []
    srv = make_server(site, "127.0.0.1", 0, lines.append, max_connections=4, idle_seconds=1)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield site, srv.server_address[1], lines
    srv.shutdown()
    srv.server_close()
    thread.join()


def raw_request(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def test_a_feed_republished_while_it_is_sent_is_never_torn(server) -> None:
    site, port, _ = server
    feed = site / "feeds" / "gec.ics"
    versions = [feed.read_bytes(), feed.read_bytes() + b"X" * 50_000]
    stop = threading.Event()

    def republish() -> None:
        n = 0
        while not stop.is_set():
            temp = feed.with_name(".gec.ics.tmp")
            temp.write_bytes(versions[n % 2])
            os.replace(temp, feed)
            n += 1

    writer = threading.Thread(target=republish)
    writer.start()
    try:
        for _ in range(150):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/feeds/gec.ics")
            response = conn.getresponse()
            body = response.read()
            assert int(response.getheader("Content-Length")) == len(body)
            assert body in versions
            conn.close()
    finally:
        stop.set()
        writer.join()


@pytest.mark.parametrize("request_bytes", [
    b"GET /" + b"a" * 300 + b".ics HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /feeds/" + b"b" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /feeds/gec.ics HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Mon, 01 Jan 99999 "
    b"00:00:00 GMT\r\n\r\n",
    b"GET /feeds/gec.ics HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: not a date\r\n\r\n",
    b"BREW /pot HTTP/1.1\r\n\r\n",
    b"GET\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",  # a TLS hello on plain HTTP
], ids=["long-name", "very-long-name", "huge-year", "bad-date", "method", "no-path", "tls"])
def test_every_malformed_request_gets_an_answer_and_no_traceback(server, request_bytes,
                                                                 capfd) -> None:
    _, port, lines = server
    answer = raw_request(port, request_bytes)
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    assert 200 <= status < 500, answer[:200]
    assert "Traceback" not in capfd.readouterr().err


def test_control_characters_reach_the_log_escaped(server) -> None:
    _, port, lines = server
    raw_request(port, b"GET /feeds/\x1b[31mred\x07.ics HTTP/1.1\r\nHost: x\r\n\r\n")
    deadline = time.monotonic() + 5
    while not lines and time.monotonic() < deadline:
        time.sleep(0.01)
    assert lines and "\x1b" not in lines[-1] and "\x07" not in lines[-1]
    assert "\\x1b[31mred\\x07" in lines[-1]


def test_the_state_is_never_served_not_even_through_a_link(server) -> None:
    site, port, _ = server
    (site / "feeds" / "state.ics").symlink_to(site / ".ptfcal-state.json")
    (site / "2020" / "copy").symlink_to(site)
    for path in ("/.ptfcal-state.json", "/feeds/state.ics", "/2020/copy/index.html",
                 "/.ptfcal.lock", "/feeds/../.ptfcal-state.json"):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", path)
        response = conn.getresponse()
        assert response.status == 404, path
        response.read()
        conn.close()


def test_idle_and_trickling_connections_are_bounded_and_a_client_is_still_served(
        server) -> None:
    """Issue 20: four connections that never finish their request (max_connections=4) once
    refused everyone else with 503; a trickling one was never closed (each byte reset the
    timeout). Now a new client closes the one that waited longest and is served, and a
    connection has idle_seconds (1) in all to send its request."""
    _, port, lines = server
    idle = []
    for _ in range(4):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET /feeds/gec.ics HTTP/1.1\r\n")  # and never the rest
        idle.append(sock)
    extra = raw_request(port, b"GET /feeds/gec.ics HTTP/1.1\r\nHost: x\r\nConnection: close"
                        b"\r\n\r\n")
    assert extra.startswith(b"HTTP/1.1 200 "), extra[:100]
    assert idle[0].recv(10) == b""  # the oldest was closed to make room
    for sock in idle:
        sock.close()

    trickle = socket.create_connection(("127.0.0.1", port), timeout=5)
    closed = False
    for byte in b"GET /feeds/gec.ics HTTP/1.1\r\nX-Slow: " + b"a" * 400:  # ~40 s at most
        try:
            trickle.sendall(bytes([byte]))
        except OSError:
            closed = True
            break
        time.sleep(0.1)
        trickle.setblocking(False)
        try:
            if trickle.recv(10) == b"":
                closed = True
                break
        except BlockingIOError:
            pass
        except OSError:
            closed = True
            break
        finally:
            trickle.setblocking(True)
    trickle.close()
    assert closed, "a connection trickling one byte every 0.1 s was never closed"


def test_a_connection_being_answered_is_never_closed_to_make_room(tmp_path, published) -> None:
    """The admission rule itself, on real connected sockets: with every connection being
    answered, a new one is refused (503); with one waiting, that one makes room."""
    srv = make_server(copy_of(published, tmp_path), "127.0.0.1", 0, max_connections=2)
    pairs = [socket.socketpair() for _ in range(4)]
    try:
        first, second, third, fourth = (a for a, _ in pairs)
        assert srv._admit(first) and srv._admit(second)
        srv.phase(first, waiting=False)
        srv.phase(second, waiting=False)
        assert not srv._admit(third)  # both being answered: 503
        srv.phase(second, waiting=True)  # its answer sent, waiting for the next request
        assert srv._admit(third)
        assert srv.connections[second].evicted and not srv.connections[first].evicted
        assert pairs[1][1].recv(10) == b""  # the waiting one was closed
        srv.phase(third, waiting=False)
        assert not srv._admit(fourth)
    finally:
        for a, b in pairs:
            a.close()
            b.close()
        srv.server_close()
