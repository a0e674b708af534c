"""`ptfcal serve`: the output folder over HTTP, read-only, for local and LAN use.

Feeds as `text/calendar; charset=utf-8`; `ETag` and `Last-Modified` from the file's metadata,
so a conditional request is answered `304 Not Modified` without reading the file; `HEAD`; no
directory listing, no path outside the folder, no hidden file (the change-tracking state);
GET and HEAD only. Publishing on the internet stays a static folder any web server can serve.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {
    ".ics": "text/calendar; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".png": "image/png",
    ".pdf": "application/pdf",
}
CHUNK = 64 * 1024


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # many subscribers refreshing at once
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path, log: Callable[[str], None]):
        self.root = root.resolve()
        self.log = log
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: FeedServer
    server_version = "ptfcal"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self._serve(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(body=False)

    def _refuse(self) -> None:
        self._status(HTTPStatus.METHOD_NOT_ALLOWED, {"Allow": "GET, HEAD"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

    def _serve(self, body: bool) -> None:
        started = time.perf_counter()
        path = self._resolve()
        if path is None:
            self._status(HTTPStatus.NOT_FOUND, started=started)
            return
        try:
            stat = path.stat()
        except OSError:
            self._status(HTTPStatus.NOT_FOUND, started=started)
            return
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        headers = {
            "ETag": etag,
            "Last-Modified": formatdate(stat.st_mtime, usegmt=True),
            "Cache-Control": "no-cache",
            "Content-Type": TYPES.get(path.suffix.lower(), "application/octet-stream"),
        }
        if self._not_modified(etag, stat.st_mtime):
            self._status(HTTPStatus.NOT_MODIFIED, headers, started=started)
            return
        try:
            handle = path.open("rb")
        except OSError:
            self._status(HTTPStatus.NOT_FOUND, started=started)
            return
        with handle:
            self.send_response(HTTPStatus.OK)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(stat.st_size))
            self.end_headers()
            if body:
                while chunk := handle.read(CHUNK):
                    self.wfile.write(chunk)
        self._log(HTTPStatus.OK, stat.st_size if body else 0, started)

    def _resolve(self) -> Path | None:
        """The file a request names, or None: nothing outside the folder, no hidden file,
        a folder only through its index.html."""
        raw = unquote(urlsplit(self.path).path)
        parts = [p for p in raw.split("/") if p]
        if any(p in (".", "..") or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
            return None
        root = self.server.root
        target = root.joinpath(*parts)
        try:
            resolved = target.resolve()
        except OSError:
            return None
        if resolved != root and root not in resolved.parents:
            return None  # a symbolic link pointing out of the folder
        if resolved.is_dir():
            resolved = resolved / "index.html"
        return resolved if resolved.is_file() else None

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= int(parsedate_to_datetime(since).timestamp())
            except (TypeError, ValueError):
                return False
        return False

    def _status(self, status: HTTPStatus, headers: dict | None = None,
                started: float | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self._log(status, 0, started)

    def _log(self, status: int, size: int, started: float | None) -> None:
        took = (time.perf_counter() - started) * 1000 if started else 0.0
        self.server.log(f'{self.client_address[0]} "{self.command} {self.path}" '
                        f"{int(status)} {size} {took:.1f}ms")

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - silence the default log
        pass

    def log_request(self, code="-", size="-") -> None:
        pass


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8080,
                log: Callable[[str], None] = lambda line: None) -> FeedServer:
    from ..errors import InputError
    from ..i18n import text

    if not root.is_dir():
        raise InputError(text("srv.not-folder", path=root))
    try:
        return FeedServer((host, port), root, log)
    except OSError as exc:
        raise InputError(text("srv.listen", host=host, port=port,
                              why=exc.strerror or exc)) from None

