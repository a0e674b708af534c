"""Sending through an SMTP server given by URL: the one module that speaks SMTP (smtplib).

The outbox decides what is due and records what was sent (`invite.py`); this module opens the
connection, logs in and hands each message to the server, calling back after each acceptance
so the outbox is written before the next message goes.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import unquote, urlsplit

from ..errors import InputError, PtfcalError
from ..i18n import Counted, text


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
        parts = urlsplit(url)
        security = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "tls"}.get(
            parts.scheme)
        if security is None or not parts.hostname:
            raise InputError(text("inv.smtp-url", url=url))
        if parts.password:
            raise InputError(text("inv.smtp-password"))
        port = parts.port or {"plain": 25, "starttls": 587, "tls": 465}[security]
        return cls(parts.hostname, port, security, unquote(parts.username)
                   if parts.username else None)


class SendError(PtfcalError):
    exit_code = 3


def send(messages: Sequence[Sendable], server: Server, sender: str, password: str | None,
         accepted: Callable[[Sendable, list[str]], None], timeout: float = 30.0
         ) -> tuple[list[Sendable], list[str]]:
    """Send each message; after each one the server accepted, call `accepted(message,
    recipients)` (the outbox is written there). Returns (the messages sent, the recipients
    refused). Stops at the first failure of the server (the rest is left for the next run)
    and raises SendError saying what happened."""
    done: list[Sendable] = []
    refused_all: list[str] = []
    try:
        if server.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout,
                                                    context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
    except OSError as exc:
        raise SendError(text("inv.unreachable", host=server.host, port=server.port,
                             why=exc.strerror or str(exc))) from None
    try:
        if server.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if server.user:
            client.login(server.user, password or "")
        for m in messages:
            try:
                refused = client.sendmail(sender, list(m.recipients), m.data)
            except smtplib.SMTPRecipientsRefused as exc:
                refused = exc.recipients
            taken = [r for r in m.recipients if r not in refused]
            refused_all += sorted(refused)
            if taken:
                accepted(m, taken)
                done.append(m)
    except smtplib.SMTPAuthenticationError:
        raise SendError(text("inv.login", user=server.user or "")) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise SendError(text("inv.failed", sent=Counted(len(done), "message"),
                             left=len(messages) - len(done),
                             why=str(exc) or type(exc).__name__)) from None
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()
    return done, refused_all
