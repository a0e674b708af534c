"""OAuth 2.0 access tokens for SMTP: from a command the user names, or from the token cache
that `ptfcal login microsoft` fills.

A token command is the usual pattern of mail clients: any helper (the Azure CLI, a PowerShell
script, an OAuth helper) prints an access token on its standard output. ptfcal runs it without
a shell (split like a POSIX shell would on POSIX; given whole to CreateProcess on Windows),
with no input, for at most `COMMAND_SECONDS`, reading at most `COMMAND_BYTES`; the token is
kept in memory only: never written, logged or repeated in a message.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import stat
import subprocess
import threading
from pathlib import Path

from ..errors import InputError
from ..i18n import text
from .smtp import SendError

COMMAND_SECONDS = 120.0  # a sign-in helper may open a browser or ask for a code
COMMAND_BYTES = 64 * 1024  # an access token is a few kilobytes
CACHE_BYTES = 4 * 1024 * 1024


def token_from_command(command: str, seconds: float = COMMAND_SECONDS,
                       limit: int = COMMAND_BYTES) -> str:
    """Runs `command` and returns the token it prints (one line). Raises SendError (exit 3)
    when it fails, is too slow, prints too much or prints no token; the message never holds
    what it printed on its standard output."""
    if os.name == "nt":
        args: str | list[str] = command  # CreateProcess parses the line, no shell involved
        empty = not command.strip()
    else:
        try:
            args = shlex.split(command)
        except ValueError as exc:
            raise InputError(text("tok.syntax", command=command, why=str(exc))) from None
        empty = not args
    if empty:
        raise InputError(text("tok.syntax", command=command, why="—"))
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
    except OSError as exc:
        raise SendError(text("tok.start", command=command, why=exc.strerror or str(exc))
                        ) from None
    out, err = bytearray(), bytearray()
    too_much = threading.Event()
    pumps = [threading.Thread(target=_pump, args=(stream, into, limit, proc, too_much),
                              daemon=True) for stream, into in ((proc.stdout, out),
                                                                (proc.stderr, err))]
    for p in pumps:
        p.start()
    try:
        code = proc.wait(seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise SendError(text("tok.slow", command=command, seconds=f"{seconds:g}")) from None
    for p in pumps:
        p.join(5)  # a grandchild holding the pipe open does not hold ptfcal
    if too_much.is_set():
        raise SendError(text("tok.too-much", command=command, limit=limit))
    token = bytes(out).decode("utf-8", "replace").strip()
    if code != 0:
        why = bytes(err).decode("utf-8", "replace")
        if token:
            why = why.replace(token, "…")
        last = [line.strip() for line in why.splitlines() if line.strip()]
        raise SendError(text("tok.failed", command=command, code=code,
                             why=(last[-1][:200] if last else "—")))
    if not token or len(token.split()) != 1 or not token.isascii() or not token.isprintable():
        raise SendError(text("tok.no-token", command=command))
    return token


def _pump(stream, into: bytearray, limit: int, proc: subprocess.Popen,
          too_much: threading.Event) -> None:
    while chunk := stream.read1(65536):
        into += chunk
        if len(into) > limit:
            too_much.set()
            proc.kill()
            del into[limit:]
            return


# --- the token cache of `ptfcal login` -------------------------------------------------------


def state_folder(environ: dict[str, str] | None = None, windows: bool | None = None) -> Path:
    """Where ptfcal keeps what belongs to the user and not to a configuration: the token
    cache. %LOCALAPPDATA%\\ptfcal on Windows (not roamed to other machines);
    $XDG_STATE_HOME/ptfcal, else ~/.local/state/ptfcal, elsewhere. PTFCAL_STATE_DIR wins."""
    env = os.environ if environ is None else environ
    windows = os.name == "nt" if windows is None else windows
    if env.get("PTFCAL_STATE_DIR"):
        return Path(env["PTFCAL_STATE_DIR"])
    if windows:
        base = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ptfcal"
    if env.get("XDG_STATE_HOME"):
        return Path(env["XDG_STATE_HOME"]) / "ptfcal"
    return Path.home() / ".local" / "state" / "ptfcal"


def read_private(path: Path) -> str | None:
    """The cache's text, or None when there is none. A link, a non-file or a file others can
    read or write is refused (exit 2): a token cache is a credential."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(text("tok.cache-odd", path=path))
    if os.name != "nt" and (info.st_mode & 0o077 or info.st_uid != os.getuid()):
        raise InputError(text("tok.cache-open", path=path, mode=oct(info.st_mode & 0o777)))
    with open(path, "rb") as f:
        data = f.read(CACHE_BYTES + 1)
    if len(data) > CACHE_BYTES:
        raise InputError(text("tok.cache-odd", path=path))
    return data.decode("utf-8", "replace")


def write_private(path: Path, data: str) -> None:
    """Writes the cache owner-only: a 0700 folder, a 0600 file, replaced atomically; on
    Windows the folder under %LOCALAPPDATA% is already the user's alone."""
    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(text("inv.folder", path=folder, why=exc.strerror or "")) from None
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise InputError(text("tok.cache-odd", path=folder))
    if os.path.lexists(path) and not stat.S_ISREG(os.lstat(path).st_mode):
        raise InputError(text("tok.cache-odd", path=path))
    temporary = path.with_name(path.name + ".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # ptfcal's own temporary
        raise
