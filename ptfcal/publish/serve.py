"""`ptfcal serve`: the output folder over HTTP, read-only, for local and LAN use.

Only what `generate` publishes is served (the index page, the feeds, the yearly archives: the
paths of `tracking.LAYOUT`), never the change-tracking state, a hidden file, a folder listing,
or anything reached through a symbolic link. Feeds go out as `text/calendar; charset=utf-8`
with `ETag` and `Last-Modified`: a conditional request is answered `304 Not Modified` from the
file's metadata; a full answer takes its length and validators from the file it has opened
(`fstat`), so a feed republished meanwhile is sent whole, old or new, never torn. GET and HEAD
only; every malformed request gets a 4xx; what the request says is escaped in the log.

Bounded: an idle connection is closed after IDLE_SECONDS; at most MAX_CONNECTIONS are served
at once, a further one is answered `503 Service Unavailable` and closed. Publishing on the
internet stays a static folder any web server can serve.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .tracking import LAYOUT

TYPES = {
    ".ics": "text/calendar; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}
CHUNK = 64 * 1024
IDLE_SECONDS = 30  # a keep-alive connection with no request for this long is closed
MAX_CONNECTIONS = 256  # served at once (one thread each)
MAX_SEGMENT = 255  # characters of one path segment (a file name)
LOGGED = 200  # characters of a request line kept in the log


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # many subscribers refreshing at once
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path, log: Callable[[str], None],
                 max_connections: int = MAX_CONNECTIONS, idle_seconds: float = IDLE_SECONDS):
        self.root = root.resolve()
        self.log = log
        self.max_connections = max_connections
        self.idle_seconds = idle_seconds
        self.slots = threading.BoundedSemaphore(max_connections)
        super().__init__(address, Handler)

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            _busy(request)
            self.log(f"{client_address[0]} 503 (plus de {self.max_connections} connexions / "
                     f"more than {self.max_connections} connections)")
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


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
        super().setup()

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
        """The published file a request names, or None: a path of the published layout only,
        under folders that are not links."""
        raw = unquote(urlsplit(self.path).path)
        parts = [p for p in raw.split("/") if p]
        rel = "/".join(parts) or "index.html"
        if any(len(p) > MAX_SEGMENT for p in parts) or not LAYOUT.fullmatch(rel):
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
                idle_seconds: float = IDLE_SECONDS) -> FeedServer:
    from ..errors import InputError
    from ..i18n import text

    if not root.is_dir():
        raise InputError(text("srv.not-folder", path=root))
    try:
        return FeedServer((host, port), root, log, max_connections, idle_seconds)
    except OSError as exc:
        raise InputError(text("srv.listen", host=host, port=port,
                              why=exc.strerror or exc)) from None
