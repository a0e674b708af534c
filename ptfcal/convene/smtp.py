"""Sending through an SMTP server given by URL: the one module that speaks SMTP (smtplib).

The outbox decides what is due and records what was sent (`invite.py`); this module opens the
connection, logs in and hands each message to the server, calling back after each acceptance
so the outbox is written before the next message goes.

Credentials: a password (AUTH PLAIN/LOGIN, as smtplib chooses) or an OAuth 2.0 access token
(AUTH XOAUTH2, what Microsoft 365 and Google Workspace take once basic authentication is
gone). Neither is ever sent on a connection without TLS, except to this machine (loopback), and
neither appears in an error message: every text from the server is scrubbed of both.

Deadlines: a socket timeout counts per read, so a server that trickles a byte a second never
trips it; a watchdog thread cuts the connection when a message (or the connection and login)
outlasts its deadline, or the whole run outlasts its own.
"""

from __future__ import annotations

import contextlib
import ipaddress
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import unquote, urlsplit

from ..errors import InputError, PtfcalError
from ..i18n import Counted, text

MESSAGE_SECONDS = 120.0  # connection and login, then each message
RUN_SECONDS = 1800.0  # the whole run


class Sendable(Protocol):
    data: bytes

    @property
    def recipients(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    security: str  # "plain", "starttls", "tls"
    user: str | None

    @classmethod
    def parse(cls, url: str) -> Server:
        parts = urlsplit(url.strip())
        security = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "tls"}.get(
            parts.scheme.lower())
        if security is None or not parts.hostname:
            raise InputError(text("inv.smtp-url", url=url))
        try:
            port = parts.port
        except ValueError:  # not a number, or above 65535
            port = 0
        if port == 0:
            raise InputError(text("inv.smtp-port", url=url))
        if parts.password:
            raise InputError(text("inv.smtp-password"))
        server = cls(parts.hostname, port or {"plain": 25, "starttls": 587, "tls": 465}[security],
                     security, unquote(parts.username) if parts.username else None)
        if server.user and security == "plain" and not server.loopback:
            raise InputError(text("inv.smtp-clear", url=url))
        return server

    @property
    def loopback(self) -> bool:
        """This machine, by name or address (no name is looked up)."""
        host = self.host.lower()
        if host == "localhost" or host.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False


@dataclass(frozen=True, repr=False)
class Login:
    """Who logs in, and with what: a password, or an OAuth 2.0 access token (XOAUTH2)."""

    password: str | None = None
    token: str | None = None

    def secrets(self) -> list[str]:
        return [s for s in (self.password, self.token) if s]


class SendError(PtfcalError):
    exit_code = 3


def send(messages: Sequence[Sendable], server: Server, sender: str, login: Login,
         accepted: Callable[[Sendable, list[str]], None], timeout: float = 30.0,
         message_seconds: float = MESSAGE_SECONDS, run_seconds: float = RUN_SECONDS
         ) -> tuple[list[Sendable], list[str]]:
    """Send each message; after each one the server accepted, call `accepted(message,
    recipients)` (the outbox is written there). Returns (the messages sent, the recipients
    refused). Stops at the first failure of the server (the rest is left for the next run)
    and raises SendError saying what happened."""
    if server.user and not server.user.isascii():
        raise SendError(text("inv.user-ascii"))
    if login.password is not None and not login.password.isascii():
        raise SendError(text("inv.password-ascii"))
    if server.security == "plain" and not server.loopback and server.user:
        raise InputError(text("inv.smtp-clear", url=server.host))  # Server.parse says it first
    done: list[Sendable] = []
    refused_all: list[str] = []
    # a timer, not the calendar's clock: how long the server has been taking
    start = time.monotonic()
    run_due = start + run_seconds
    if server.security == "tls":
        client: smtplib.SMTP = smtplib.SMTP_SSL(timeout=min(timeout, message_seconds),
                                                context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(timeout=min(timeout, message_seconds))
    watchdog = _Watchdog(client)
    watchdog.arm(min(start + message_seconds, run_due))
    try:
        try:
            client.connect(server.host, server.port)
        except OSError as exc:
            if watchdog.fired:
                raise _late(watchdog, done, messages, message_seconds, run_seconds) from None
            raise SendError(text("inv.unreachable", host=server.host, port=server.port,
                                 why=exc.strerror or str(exc))) from None
        try:
            if server.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if server.user:
                _login(client, server, login)
            for m in messages:
                watchdog.arm(min(time.monotonic() + message_seconds, run_due))
                try:
                    refused = client.sendmail(sender, list(m.recipients), m.data)
                except smtplib.SMTPRecipientsRefused as exc:
                    refused = exc.recipients
                taken = [r for r in m.recipients if r not in refused]
                refused_all += sorted(refused)
                if taken:
                    accepted(m, taken)
                    done.append(m)
        except (smtplib.SMTPException, OSError) as exc:
            if watchdog.fired:
                raise _late(watchdog, done, messages, message_seconds, run_seconds) from None
            raise SendError(text("inv.failed", sent=Counted(len(done), "message"),
                                 left=len(messages) - len(done),
                                 why=_scrub(str(exc) or type(exc).__name__, login))) from None
    finally:
        if not watchdog.fired:
            # QUIT is bounded too: a server may trickle its goodbye
            watchdog.arm(min(time.monotonic() + min(timeout, message_seconds), run_due))
            with contextlib.suppress(smtplib.SMTPException, OSError):
                client.quit()
        watchdog.stop()
        client.close()
    return done, refused_all


def _login(client: smtplib.SMTP, server: Server, login: Login) -> None:
    """XOAUTH2 with a token, else the password. A refusal says what to do next: a server that
    no longer takes passwords (Microsoft 365's `535 5.7.139`) gets the two OAuth ways."""
    user = server.user or ""
    client.ehlo_or_helo_if_needed()
    offered = client.esmtp_features.get("auth", "").upper().split()
    if login.token is not None:
        sasl = f"user={user}\x01auth=Bearer {login.token}\x01\x01"
        try:
            # a refusal comes as a 334 challenge (a JSON error), answered with an empty line
            client.auth("XOAUTH2", lambda challenge=None: sasl if challenge is None else "")
        except smtplib.SMTPAuthenticationError as exc:
            raise SendError(text("inv.token-refused", user=user, why=_reply(exc, login))
                            ) from None
        return
    try:
        client.login(user, login.password or "")
    except smtplib.SMTPAuthenticationError as exc:
        said = _reply(exc, login)
        if exc.smtp_code == 535 and ("5.7.139" in said or "basic auth" in said.lower()):
            raise SendError(text("inv.basic-disabled", user=user, why=said)) from None
        raise SendError(text("inv.login", user=user)) from None
    except smtplib.SMTPException as exc:
        if type(exc) is smtplib.SMTPException and "XOAUTH2" in offered:
            # "no suitable authentication method": the server takes tokens only
            raise SendError(text("inv.basic-disabled", user=user,
                                 why="AUTH " + " ".join(offered))) from None
        raise


def _reply(exc: smtplib.SMTPResponseException, login: Login) -> str:
    said = exc.smtp_error
    if isinstance(said, bytes):
        said = said.decode("utf-8", "replace")
    said = " ".join(str(said).split())[:300]
    return _scrub(f"{exc.smtp_code} {said}", login)


def _scrub(said: str, login: Login) -> str:
    for secret in login.secrets():
        said = said.replace(secret, "…")
    return said


def _late(watchdog: _Watchdog, done: list, messages: Sequence, message_seconds: float,
          run_seconds: float) -> SendError:
    return SendError(text("inv.too-slow", sent=Counted(len(done), "message-sent"),
                          left=len(messages) - len(done), message=f"{message_seconds:g}",
                          run=f"{run_seconds:g}"))


class _Watchdog:
    """Shuts the client's socket down when the current deadline passes: the blocked read
    then ends at once (end of file), whatever the server trickles."""

    def __init__(self, client: smtplib.SMTP) -> None:
        self.client = client
        self.fired = False
        self._due: float | None = None
        self._stopped = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._watch, name="smtp-deadline", daemon=True)
        self._thread.start()

    def arm(self, due: float) -> None:
        with self._changed:
            self._due = due
            self._changed.notify()

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify()
        self._thread.join(5)

    def _watch(self) -> None:
        with self._changed:
            while not self._stopped:
                now = time.monotonic()
                if self._due is not None and now >= self._due:
                    self.fired = True
                    sock = self.client.sock
                    if sock is not None:
                        # the plain socket's shutdown, even under TLS: the SSL object
                        # belongs to the thread reading
                        with contextlib.suppress(OSError):
                            socket.socket.shutdown(sock, socket.SHUT_RDWR)
                        return
                    self._changed.wait(0.05)  # still connecting: cut as soon as it has one
                    continue
                self._changed.wait(None if self._due is None else self._due - now)
