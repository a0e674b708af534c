"""`ptfcal serve`: the output folder over HTTP, read-only, for local and LAN use.

Only what `generate` published is served: the files the change-tracking state lists (
`.ptfcal-state.json`, re-read when it changes), never another file put in the folder (a distribution
list, an outbox: personal data), the state itself, a hidden file, a folder listing, or anything
reached through a symbolic link. A folder with no state serves nothing. Feeds go out as
`text/calendar; charset=utf-8` with `ETag` and `Last-Modified`: a conditional request is
answered `304 Not Modified` from the file's metadata; a full answer takes its length and
validators from the file it has opened (`fstat`), so a feed republished meanwhile is sent
whole, old or new, never torn. GET and HEAD only; every malformed request gets a 4xx; what the
request says is escaped in the log.

Bounded: a connection has IDLE_SECONDS, in all, to send a whole request (idle keep-alive time
included, however slowly its bytes trickle), and an answer SEND_SECONDS to be sent; at most
MAX_CONNECTIONS are open at once. When they are all open, a new connection closes the one that
has waited longest for its request (an idle or trickling one), so that a client that asks at
once is served; only when every connection is being answered is a new one told `503 Service
Unavailable`. A client that leaves is one log line, never a traceback. Publishing on the
internet stays a static folder any web server can serve.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import PtfcalError
from . import tracking
from .tracking import LAYOUT

TYPES = {
    ".ics": "text/calendar; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}
CHUNK = 64 * 1024
IDLE_SECONDS = 30  # to send a whole request, from when the connection starts waiting for one
SEND_SECONDS = 300  # to send one answer (a large feed on a slow line)
MAX_CONNECTIONS = 256  # open at once (one thread each)
MAX_SEGMENT = 255  # characters of one path segment (a file name)
LOGGED = 200  # characters of a request line kept in the log


@dataclass
class _Connection:
    since: float  # monotonic time the current phase began
    waiting: bool = True  # for (the rest of) a request; False: being answered
    evicted: bool = False  # closed to make room; its thread is ending


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # many subscribers refreshing at once
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path, log: Callable[[str], None],
                 max_connections: int = MAX_CONNECTIONS, idle_seconds: float = IDLE_SECONDS,
                 send_seconds: float = SEND_SECONDS):
        self.root = root.resolve()
        self.log = log
        self.max_connections = max_connections
        self.idle_seconds = idle_seconds
        self.send_seconds = send_seconds
        self.guard = threading.Lock()
        self.connections: dict[socket.socket, _Connection] = {}
        self._published: tuple[object, frozenset[str]] = (None, frozenset())
        self._reading = threading.Lock()
        super().__init__(address, Handler)

    # --- what is published ------------------------------------------------------------------

    def published(self) -> frozenset[str]:
        """The paths (relative to the folder) the state lists as published: read again when
        the state file changes; nothing when there is none or it cannot be read."""
        path = self.root / tracking.STATE_FILE
        info = _regular(path)
        key = (info.st_ino, info.st_mtime_ns, info.st_size) if info else None
        with self._reading:
            if key != self._published[0]:
                self._published = (key, self._read_state(path) if info else frozenset())
                if not self._published[1]:
                    self.log(f"{tracking.STATE_FILE} : aucune publication lisible, rien n'est "
                             f"servi / no readable publication, nothing is served")
            return self._published[1]

    def _read_state(self, path: Path) -> frozenset[str]:
        handle = _open(path)
        if handle is None:
            return frozenset()
        with handle:
            data = handle.read(tracking.STATE_LIMIT + 1)
        if len(data) > tracking.STATE_LIMIT:
            return frozenset()
        try:
            return frozenset(tracking.State.parse(data, "fr").files)
        except PtfcalError:
            return frozenset()

    # --- connections ------------------------------------------------------------------------

    def process_request(self, request, client_address) -> None:
        if not self._admit(request):
            _busy(request)
            self.log(f"{client_address[0]} 503 ({self.max_connections} connexions en cours de "
                     f"réponse / {self.max_connections} connections being answered)")
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._forget(request)
            raise

    def _admit(self, request) -> bool:
        """Room for one more connection: made, if need be, by closing the one that has waited
        longest for its request."""
        with self.guard:
            live = [(c.since, s) for s, c in self.connections.items() if not c.evicted]
            if len(live) >= self.max_connections:
                waiting = [(since, s) for since, s in live if self.connections[s].waiting]
                # evicted connections whose thread has not ended yet count too, up to a bound
                if not waiting or len(self.connections) >= 2 * self.max_connections:
                    return False
                victim = min(waiting, key=lambda pair: pair[0])[1]
                self.connections[victim].evicted = True
                with contextlib.suppress(OSError):
                    victim.shutdown(socket.SHUT_RDWR)  # its read returns: the thread ends
            self.connections[request] = _Connection(time.monotonic())
            return True

    def phase(self, request, waiting: bool) -> None:
        with self.guard:
            connection = self.connections.get(request)
            if connection is not None:
                connection.since, connection.waiting = time.monotonic(), waiting

    def _forget(self, request) -> None:
        with self.guard:
            self.connections.pop(request, None)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._forget(request)

    def handle_error(self, request, client_address) -> None:
        """One log line, never a traceback: a client that left or reset its connection is
        ordinary on a network."""
        import sys

        kind, exc = sys.exc_info()[:2]
        name = kind.__name__ if kind else "?"
        if isinstance(exc, OSError):
            self.log(f"{client_address[0]} connexion interrompue / connection closed ({name})")
        else:
            self.log(f"{client_address[0]} erreur interne / internal error: {name}: "
                     f"{_printable(str(exc))}")


def _busy(request) -> None:
    try:
        request.settimeout(1)
        request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\n"
                        b"Content-Length: 0\r\nConnection: close\r\n\r\n")
    except OSError:
        pass


class Handler(BaseHTTPRequestHandler):
    server: FeedServer
    server_version = "ptfcal"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.idle_seconds  # the socket's timeout: idle connections end
        self.deadline = time.monotonic() + self.server.idle_seconds
        super().setup()
        # every read and write bounded by the current phase's deadline, not only each one
        self.rfile = io.BufferedReader(_Deadlined(self))
        self.wfile = _Deadlined(self)

    def handle_one_request(self) -> None:
        """Waiting for a request, then answering it: each phase has its own deadline."""
        self.deadline = time.monotonic() + self.server.idle_seconds
        self.server.phase(self.connection, waiting=True)
        super().handle_one_request()

    def parse_request(self) -> bool:
        complete = super().parse_request()  # the request line and every header are read
        if complete:
            self.deadline = time.monotonic() + self.server.send_seconds
            self.server.phase(self.connection, waiting=False)
        return complete

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self._serve(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(body=False)

    def _refuse(self) -> None:
        self._status(HTTPStatus.METHOD_NOT_ALLOWED, {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse  # noqa: N815

    def _serve(self, body: bool) -> None:
        started = time.perf_counter()
        path = self._locate()
        info = _regular(path) if path is not None else None
        if info is None:
            self._status(HTTPStatus.NOT_FOUND, started=started)
            return
        if self._not_modified(_etag(info), info.st_mtime):  # answered from the metadata
            self._status(HTTPStatus.NOT_MODIFIED, _headers(path, info), started=started)
            return
        handle = _open(path)
        if handle is None:
            self._status(HTTPStatus.NOT_FOUND, started=started)
            return
        with handle:
            info = os.fstat(handle.fileno())  # the file sent, not whatever is at the path now
            self.send_response(HTTPStatus.OK)
            for key, value in _headers(path, info).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(info.st_size))
            self.end_headers()
            sent = 0
            if body:
                while sent < info.st_size:
                    chunk = handle.read(min(CHUNK, info.st_size - sent))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    sent += len(chunk)
        self._log(HTTPStatus.OK, sent, started)

    def _locate(self) -> Path | None:
        """The published file a request names, or None: a path the state lists as published
        (hence of the published layout), under folders that are not links."""
        raw = unquote(urlsplit(self.path).path)
        parts = [p for p in raw.split("/") if p]
        rel = "/".join(parts) or "index.html"
        if any(len(p) > MAX_SEGMENT for p in parts) or not LAYOUT.fullmatch(rel) or (
                rel not in self.server.published()):
            return None
        path = self.server.root
        try:
            for part in rel.split("/")[:-1]:
                path = path / part
                if not stat.S_ISDIR(path.lstat().st_mode):  # a link is not a folder here
                    return None
        except OSError:
            return None
        return path / rel.rsplit("/", 1)[-1]

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= int(parsedate_to_datetime(since).timestamp())
            except (TypeError, ValueError, OverflowError, IndexError, OSError):
                return False  # a date that cannot be read: send the file
        return False

    def _status(self, status: HTTPStatus, headers: dict | None = None,
                started: float | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self._log(status, 0, started)

    def send_error(self, code, message=None, explain=None) -> None:
        """Malformed requests (http.server's own checks): always a status line with a 4xx
        (an unknown method 405, anything else the server cannot parse 400, even a line that
        looks like HTTP/0.9), logged escaped."""
        self.close_connection = True
        self.request_version = "HTTP/1.1"  # HTTP/0.9 would get no status line at all
        if code == HTTPStatus.NOT_IMPLEMENTED:
            code = HTTPStatus.METHOD_NOT_ALLOWED
        elif code >= 500:
            code = HTTPStatus.BAD_REQUEST
        try:
            self.send_response(code)
            if code == HTTPStatus.METHOD_NOT_ALLOWED:
                self.send_header("Allow", "GET, HEAD")
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()
        except OSError:
            return
        self._log(code, 0, None)

    def _log(self, status: int, size: int, started: float | None) -> None:
        took = (time.perf_counter() - started) * 1000 if started else 0.0
        command, path = getattr(self, "command", None), getattr(self, "path", None)
        request = f"{command} {path}" if command and path else getattr(self, "requestline", "")
        self.server.log(f'{self.client_address[0]} "{_printable(request or "")}" '
                        f"{int(status)} {size} {took:.1f}ms")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - silence the default log
        pass

    def log_request(self, code="-", size="-") -> None:
        pass


class _Deadlined(io.RawIOBase):
    """A handler's connection whose every read and write ends by the handler's deadline
    (a socket timeout alone bounds each call, and a client trickling one byte at a time makes
    as many calls as it likes). Past the deadline: TimeoutError, which http.server answers by
    closing the connection."""

    def __init__(self, handler: Handler):
        self.handler = handler

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def _arm(self) -> socket.socket:
        left = self.handler.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline")
        connection = self.handler.connection
        connection.settimeout(left)
        return connection

    def readinto(self, buffer) -> int:
        return self._arm().recv_into(buffer)

    def write(self, data) -> int:
        self._arm().sendall(data)
        return len(data)


def _regular(path: Path) -> os.stat_result | None:
    """The metadata of a regular file that is not a link (None: anything else)."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _open(path: Path):
    """The file opened without following a link, if it is (still) a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return os.fdopen(fd, "rb")
    except OSError:
        pass
    os.close(fd)
    return None


def _etag(info: os.stat_result) -> str:
    return f'"{info.st_mtime_ns:x}-{info.st_size:x}"'


def _headers(path: Path, info: os.stat_result) -> dict[str, str]:
    return {"ETag": _etag(info), "Last-Modified": formatdate(info.st_mtime, usegmt=True),
            "Cache-Control": "no-cache",
            "Content-Type": TYPES.get(path.suffix.lower(), "application/octet-stream")}


def _printable(value: str) -> str:
    """What a client sent, safe to write in a log line (control characters escaped)."""
    value = value[:LOGGED] + ("…" if len(value) > LOGGED else "")
    return "".join(c if c.isprintable() and c != '"' else f"\\x{ord(c):02x}" for c in value)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8080,
                log: Callable[[str], None] = lambda line: None,
                max_connections: int = MAX_CONNECTIONS,
                idle_seconds: float = IDLE_SECONDS,
                send_seconds: float = SEND_SECONDS) -> FeedServer:
    from ..errors import InputError
    from ..i18n import text

    if not root.is_dir():
        raise InputError(text("srv.not-folder", path=root))
    try:
        server = FeedServer((host, port), root, log, max_connections, idle_seconds,
                            send_seconds)
    except OSError as exc:
        raise InputError(text("srv.listen", host=host, port=port,
                              why=exc.strerror or exc)) from None
    server.published()  # said at once when there is nothing to serve
    return server
