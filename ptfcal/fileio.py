"""Reading a file ptfcal does not control, bounded in time and memory.

A configuration file, a journal entry, an outbox, an external calendar or a cache may have been
replaced by a pipe (reading it would wait for a writer forever), a link to `/dev/zero` (it never
ends) or a huge file. Every such read goes through `read_bounded`: opened without blocking,
refused unless it is a regular file, and never more than `limit` + 1 bytes read (a larger file
is refused without being read whole). Callers turn the errors into their own located messages.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotRegular(OSError):
    """A pipe, a device, a folder, a socket: not a file ptfcal reads."""

    def __init__(self, path: Path | str):
        super().__init__(errno.EINVAL, "not a regular file", str(path))


class TooBig(OSError):
    """A regular file over the caller's limit (not read whole: `size` is what the folder
    says of it)."""

    def __init__(self, path: Path | str, limit: int, size: int):
        super().__init__(errno.EFBIG, f"more than {limit:,} bytes", str(path))
        self.limit = limit
        self.size = size


class IsLink(OSError):
    """A symbolic link where ptfcal follows none."""

    def __init__(self, path: Path | str):
        super().__init__(errno.ELOOP, "a link", str(path))


def _open_regular(path: Path | str, follow_links: bool) -> tuple[int, os.stat_result]:
    """An open descriptor of the regular file at `path` and its status, opened without blocking
    (never waiting for a pipe's writer). Raises NotRegular, IsLink or the OSError of opening."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
        if os.path.islink(path):  # systems without O_NOFOLLOW, and a clearer error
            raise IsLink(path)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow_links and exc.errno in (errno.ELOOP, errno.EMLINK):
            raise IsLink(path) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(path)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_bounded(path: Path | str, limit: int, follow_links: bool = True) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them. Raises NotRegular,
    TooBig, IsLink (`follow_links` False and `path` is a link) or the OSError of opening it."""
    fd, info = _open_regular(path, follow_links)
    try:
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooBig(path, limit, max(info.st_size, len(data)))
    return data


def read_head(path: Path | str, size: int) -> bytes:
    """The first `size` bytes (at most) of the regular file at `path`, never through a link:
    enough to recognise what a file is. Raises as `read_bounded` does, TooBig aside."""
    fd, _ = _open_regular(path, follow_links=False)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)
