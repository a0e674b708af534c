"""Logging in to the SMTP server: OAuth 2.0 (AUTH XOAUTH2) with a token from
PTFCAL_SMTP_TOKEN_COMMAND, a server that no longer takes passwords, no credential without TLS
(loopback excepted), passwords it cannot carry, deadlines against a server that trickles, and
the token cache of `ptfcal login microsoft`. Real aiosmtpd servers on loopback; real
subprocesses for the token commands."""

from __future__ import annotations

import asyncio
import base64
import email
import json
import os
import shlex
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.conftest import run_ptfcal
from tests.test_invite import ORGANIZER, Inbox, config_with_people, free_port, lint, parse

# the servers here take AUTH without TLS: they are on loopback, which ptfcal allows
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

USER = "seg@example.org"
TOKEN = "eyJ0eXAiOiJKV1QiLCJub25jZSI6InRlc3QifQ.ptfcal-test-token.c2lnbmF0dXJl"
SASL = f"user={USER}\x01auth=Bearer {TOKEN}\x01\x01".encode()


class OAuthInbox(Inbox):
    """A server that accepts only AUTH XOAUTH2 with the exact SASL string of USER and TOKEN,
    refusing any other the way Microsoft 365 does (a 334 JSON challenge, then 535)."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts: list[bytes] = []
        self.delay = 0.0

    async def auth_XOAUTH2(self, server, args):
        if len(args) == 2:
            try:
                given = base64.b64decode(args[1], validate=True)
            except ValueError:
                given = b""
        else:
            given = await server.challenge_auth("")
        self.attempts.append(given)
        if given == SASL:
            return AuthResult(success=True, auth_data=USER)
        error = json.dumps({"status": "401", "schemes": "bearer", "scope": "SMTP.Send"})
        await server.challenge_auth(error)  # the client answers with an empty line
        return AuthResult(success=False, handled=False,
                          message="535 5.7.3 Authentication unsuccessful")

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


class BasicDisabled(Inbox):
    """Exchange Online once basic authentication is off for the tenant."""

    refusal = ("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
               "[PR0P264CA0001.FRAP264.PROD.OUTLOOK.COM]")

    async def auth_PLAIN(self, server, args):
        return AuthResult(success=False, handled=False, message=self.refusal)

    async def auth_LOGIN(self, server, args):
        return AuthResult(success=False, handled=False, message=self.refusal)


def serve(handler, **kwargs) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(),
                            auth_require_tls=False, **kwargs)
    controller.start()
    return controller


@pytest.fixture
def oauth_server():
    inbox = OAuthInbox()
    controller = serve(inbox, auth_required=True, auth_exclude_mechanism=["PLAIN", "LOGIN"])
    try:
        yield inbox, f"smtp://seg%40example.org@127.0.0.1:{controller.port}"
    finally:
        controller.stop()


def token_command(folder: Path, body: str) -> str:
    """A tiny helper script, run as a real process: its command line."""
    script = folder / "get-token.py"
    script.write_text(body, encoding="utf-8")
    return shlex.join([sys.executable, str(script)])


def send(config: Path, url: str, *args: str, env: dict | None = None, code: int = 0):
    # --provisional: the 2020 GECs are rule dates nobody confirmed but June's
    result = run_ptfcal("invite", "2020", "--type", "gec-monthly", "--send", "--smtp", url,
                        "--organizer", ORGANIZER, "--provisional", "--config", str(config),
                        *args, env=env)
    assert result.code == code, (result.code, result.out, result.err)
    return result


def files_holding(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def outbox_recipients(config: Path) -> int:
    path = config / ".ptfcal-outbox" / "outbox.json"
    if not path.exists():
        return 0
    state = json.loads(path.read_text(encoding="utf-8"))
    return sum(len(e["recipients"]) for e in state["events"].values())


def test_xoauth2_with_the_token_command_delivers_once_and_writes_the_token_nowhere(
        oauth_server, config_copy: Path, tmp_path: Path) -> None:
    inbox, url = oauth_server
    config = config_with_people(config_copy)
    command = token_command(tmp_path, f"print({TOKEN!r})\n")
    result = send(config, url, env={"PTFCAL_SMTP_TOKEN_COMMAND": command})
    assert inbox.attempts == [SASL]  # the exact SASL string, once for the run
    assert len(inbox.messages) == 11  # the GECs of 2020
    assert len({lint(*parse(data))[0] for _, data in inbox.messages}) == 11
    again = send(config, url, env={"PTFCAL_SMTP_TOKEN_COMMAND": command})
    assert "Rien à envoyer" in again.out and len(inbox.messages) == 11
    # the same through the option
    assert send(config, url, "--smtp-token-command", command).code == 0
    for text in (result.out, result.err, again.out, again.err):
        assert TOKEN not in text
    assert files_holding(config, TOKEN) == []  # configuration, outbox and drafts
    assert files_holding(Path(os.environ["PTFCAL_STATE_DIR"]), TOKEN) == []


def test_a_wrong_token_is_refused_and_nothing_is_marked_sent(
        oauth_server, config_copy: Path, tmp_path: Path) -> None:
    inbox, url = oauth_server
    config = config_with_people(config_copy)
    wrong = "expired-" + TOKEN
    command = token_command(tmp_path, f"print({wrong!r})\n")
    result = send(config, url, env={"PTFCAL_SMTP_TOKEN_COMMAND": command}, code=3)
    assert "le serveur a refusé le jeton OAuth pour seg@example.org" in result.err
    assert "535 5.7.3" in result.err and wrong not in result.err + result.out
    assert inbox.messages == [] and outbox_recipients(config) == 0
    assert files_holding(config, wrong) == []
    # a password is no way in either: the server offers XOAUTH2 only
    plain = send(config, url, env={"PTFCAL_SMTP_PASSWORD": "motdepasse"}, code=3)
    assert "PTFCAL_SMTP_TOKEN_COMMAND" in plain.err and "ptfcal login microsoft" in plain.err
    assert "motdepasse" not in plain.err and outbox_recipients(config) == 0


def test_a_failing_token_command_stops_before_the_server(
        oauth_server, config_copy: Path, tmp_path: Path) -> None:
    inbox, url = oauth_server
    config = config_with_people(config_copy)
    cases = {
        # it prints the token, then fails: neither stdout nor the token is repeated
        f"import sys\nprint({TOKEN!r})\nprint('AADSTS70043: refresh token expired {TOKEN}',"
        " file=sys.stderr)\nsys.exit(1)\n": "a échoué (code 1 : AADSTS70043",
        "print('x' * 200000)\n": "plus de 65536 octets",
        "print('two words')\n": "n'a pas affiché un jeton",
        "pass\n": "n'a pas affiché un jeton",
    }
    for body, said in cases.items():
        result = send(config, url, env={"PTFCAL_SMTP_TOKEN_COMMAND":
                                        token_command(tmp_path, body)}, code=3)
        assert said in result.err and TOKEN not in result.err + result.out, result.err
    missing = send(config, url, env={"PTFCAL_SMTP_TOKEN_COMMAND": "/nonexistent/get-token"},
                   code=3)
    assert "ne démarre pas" in missing.err
    assert inbox.attempts == [] and inbox.messages == [] and outbox_recipients(config) == 0
    assert files_holding(config, TOKEN) == []


def test_a_server_that_refuses_basic_authentication_explains_oauth(
        config_copy: Path) -> None:
    inbox = BasicDisabled()
    controller = serve(inbox)
    try:
        config = config_with_people(config_copy)
        url = f"smtp://seg%40example.org@127.0.0.1:{controller.port}"
        env = {"PTFCAL_SMTP_PASSWORD": "s3cret-pass"}
        fr = send(config, url, env=env, code=3)
        assert "le serveur n'accepte plus de mot de passe pour seg@example.org" in fr.err
        assert "5.7.139" in fr.err and "OAuth 2.0" in fr.err
        assert "PTFCAL_SMTP_TOKEN_COMMAND" in fr.err and "ptfcal login microsoft" in fr.err
        en = send(config, url, "--lang", "en", env=env, code=3)
        assert "the server no longer takes a password for seg@example.org" in en.err
        assert "s3cret-pass" not in fr.err + en.err
        assert inbox.messages == [] and outbox_recipients(config) == 0
    finally:
        controller.stop()


def test_no_credential_without_tls_and_bad_ports_are_located(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    env = {"PTFCAL_SMTP_PASSWORD": "s3cret-pass"}
    # refused before any connection (the name resolves nowhere: a connection would be exit 3)
    clear = send(config, "smtp://seg@mail.example.org", env=env, code=2)
    assert "smtp://seg@mail.example.org : ptfcal n'envoie ni mot de passe ni jeton" in clear.err
    assert "smtps://" in clear.err and "smtp+starttls://" in clear.err
    assert "s3cret-pass" not in clear.err
    for url in ("smtp://h:abc", "smtp://h:99999", "smtp://h:0"):
        bad = send(config, url, code=2)
        assert f"{url} : le port doit être un nombre de 1 à 65535" in bad.err, bad.err
    for option in ("--message-seconds", "--run-seconds"):
        assert send(config, "smtp://127.0.0.1:1", option, "nan", code=2).code == 2
    assert outbox_recipients(config) == 0


def test_a_non_ascii_password_is_refused_without_showing_it(config_copy: Path) -> None:
    inbox = Inbox()
    controller = serve(inbox)
    try:
        config = config_with_people(config_copy)
        url = f"smtp://seg%40example.org@127.0.0.1:{controller.port}"
        result = send(config, url, env={"PTFCAL_SMTP_PASSWORD": "passé-secret"}, code=3)
        assert "PTFCAL_SMTP_PASSWORD contient un caractère non ASCII" in result.err
        assert "passé" not in result.err and "\\xe9" not in result.err
        assert "position" not in result.err and inbox.messages == []
    finally:
        controller.stop()


def trickle(port_ready: list, stop: threading.Event) -> None:
    """A server that answers one byte every 0.2 s, forever (bounded by `stop`)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(30)
        port_ready.append(listener.getsockname()[1])
        conn, _ = listener.accept()
        with conn:
            for byte in b"220-" + b"slow " * 1000:
                if stop.wait(0.2):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return


def test_a_server_that_trickles_is_cut_at_the_deadline(config_copy: Path) -> None:
    config = config_with_people(config_copy)
    ready: list[int] = []
    stop = threading.Event()
    thread = threading.Thread(target=trickle, args=(ready, stop), daemon=True)
    thread.start()
    while not ready:
        stop.wait(0.01)
    try:
        result = send(config, f"smtp://127.0.0.1:{ready[0]}", "--message-seconds", "1",
                      code=3)
        assert "le serveur est trop lent (délais : 1 s par message" in result.err
        assert "aucun message envoyé, il en reste 11" in result.err, result.err
        assert outbox_recipients(config) == 0
    finally:
        stop.set()
        thread.join(5)


def test_the_run_deadline_leaves_the_rest_for_the_next_run(
        oauth_server, config_copy: Path, tmp_path: Path) -> None:
    inbox, url = oauth_server
    config = config_with_people(config_copy)
    env = {"PTFCAL_SMTP_TOKEN_COMMAND": token_command(tmp_path, f"print({TOKEN!r})\n")}
    inbox.delay = 0.4
    result = send(config, url, "--run-seconds", "1", env=env, code=3)
    assert "trop lent" in result.err and "1 s pour l'envoi entier" in result.err
    stored = len(inbox.messages)
    recorded = len(json.loads((config / ".ptfcal-outbox" / "outbox.json").read_text(
        encoding="utf-8"))["events"]) if stored else 0
    assert stored < 11
    inbox.delay = 0.0
    send(config, url, env=env)
    uids = [lint(*parse(data))[0] for _, data in inbox.messages]
    # at most one message twice: the one the server stored as the deadline cut its 250
    assert len(set(uids)) == 11 and len(uids) - 11 in (0, 1)
    assert recorded <= 11


def test_addresses_compare_whatever_their_case_in_the_outbox(
        config_copy: Path) -> None:
    inbox = Inbox()
    controller = serve(inbox)
    try:
        config = config_with_people(config_copy)
        url = f"smtp://127.0.0.1:{controller.port}"
        send(config, url)
        assert len(inbox.messages) == 11
        path = config / ".ptfcal-outbox" / "outbox.json"
        state = path.read_text(encoding="utf-8")
        address = "moussa.banque-mondiale.deputy@example.org"
        assert state.count(f'"{address}"') == 11
        path.write_text(state.replace(f'"{address}"', '"Moussa.Banque-Mondiale.Deputy'
                                      '@Example.org"'), encoding="utf-8")
        again = send(config, url)
        assert "Rien à envoyer" in again.out and len(inbox.messages) == 11
    finally:
        controller.stop()


# --- ptfcal login microsoft ---------------------------------------------------------------------


def test_the_token_cache_is_private_and_in_the_user_profile(tmp_path: Path) -> None:
    from ptfcal.convene import microsoft, oauth
    from ptfcal.errors import InputError

    assert oauth.state_folder({"LOCALAPPDATA": r"C:\Users\seg\AppData\Local"}, windows=True
                              ) == Path(r"C:\Users\seg\AppData\Local") / "ptfcal"
    assert oauth.state_folder({"XDG_STATE_HOME": "/home/seg/.st"}, windows=False) == Path(
        "/home/seg/.st/ptfcal")
    assert oauth.state_folder({}, windows=False) == Path.home() / ".local/state/ptfcal"
    assert oauth.state_folder({"PTFCAL_STATE_DIR": "/x", "XDG_STATE_HOME": "/y"},
                              windows=False) == Path("/x")
    cache = tmp_path / "state" / "ptfcal" / microsoft.CACHE_FILE
    stored = {"client_id": "c", "tenant": "t", "accounts": [USER], "cache": "{}"}
    oauth.write_private(cache, json.dumps(stored))
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700
    assert microsoft.has_account("SEG@example.org", cache)
    assert not microsoft.has_account("other@example.org", cache)
    cache.chmod(0o644)  # readable by others: refused, not read
    with pytest.raises(InputError, match="lisible par d'autres"):
        microsoft.has_account(USER, cache)
    cache.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(cache)
    with pytest.raises(InputError, match="pas un fichier ordinaire"):
        oauth.read_private(link)
    with pytest.raises(InputError, match="pas un fichier ordinaire"):
        oauth.write_private(link, "{}")
    assert json.loads(cache.read_text(encoding="utf-8")) == stored  # untouched


def run_without_msal(*args: str) -> subprocess.CompletedProcess:
    """The command in a process where msal cannot be imported, installed or not."""
    code = ("import sys\nsys.modules['msal'] = None\nfrom ptfcal.cli import main\n"
            "sys.argv = ['ptfcal', *sys.argv[1:]]\nmain()\n")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_login_microsoft_needs_its_app_registration_and_the_extra(tmp_path: Path) -> None:
    no_client = run_ptfcal("login", "microsoft")
    assert no_client.code == 2 and "--client-id" in no_client.err and "--tenant" in no_client.err
    no_msal = run_without_msal("login", "microsoft", "--client-id", "11111111-2222-3333-4444-"
                               "555555555555", "--tenant", "example.org")
    assert no_msal.returncode == 2, no_msal.stderr
    assert "pip install 'ptfcal[m365]'" in no_msal.stderr
    assert "Traceback" not in no_msal.stderr


def test_invite_uses_the_signed_in_account_and_says_when_msal_is_missing(
        config_copy: Path, tmp_path: Path) -> None:
    from ptfcal.convene import microsoft, oauth

    config = config_with_people(config_copy)
    state = tmp_path / "state"
    oauth.write_private(state / microsoft.CACHE_FILE, json.dumps(
        {"client_id": "c", "tenant": "t", "accounts": [USER], "cache": "{}"}))
    # the user's own cache is not this one: PTFCAL_STATE_DIR points elsewhere in the tests
    env_state = os.environ["PTFCAL_STATE_DIR"]
    os.environ["PTFCAL_STATE_DIR"] = str(state)
    try:
        proc = run_without_msal("invite", "2020", "--type", "gec-monthly", "--send", "--smtp",
                                "smtp+starttls://seg%40example.org@127.0.0.1:1", "--organizer",
                                ORGANIZER, "--config", str(config))
    finally:
        os.environ["PTFCAL_STATE_DIR"] = env_state
    assert proc.returncode == 2 and "pip install 'ptfcal[m365]'" in proc.stderr, proc.stderr


def test_starttls_refused_by_the_server_sends_no_credential(
        oauth_server, config_copy: Path, tmp_path: Path) -> None:
    inbox, url = oauth_server  # this server offers no STARTTLS
    config = config_with_people(config_copy)
    command = token_command(tmp_path, f"print({TOKEN!r})\n")
    result = send(config, url.replace("smtp://", "smtp+starttls://"),
                  env={"PTFCAL_SMTP_TOKEN_COMMAND": command}, code=3)
    assert "STARTTLS" in result.err and TOKEN not in result.err
    assert inbox.attempts == [] and inbox.messages == [] and outbox_recipients(config) == 0


class DropsBefore250(Inbox):
    """Stores the first message, then drops the connection before its 250 goes out."""

    def __init__(self) -> None:
        super().__init__()
        self.drop = True

    async def handle_DATA(self, server, session, envelope):
        await super().handle_DATA(server, session, envelope)
        if self.drop:
            self.drop = False
            server.transport.close()
        return "250 OK"


def test_a_message_stored_but_whose_250_is_lost_is_sent_again_the_same(
        config_copy: Path) -> None:
    """The window the README admits: ptfcal cannot know the server kept it."""
    inbox = DropsBefore250()
    controller = serve(inbox)
    try:
        config = config_with_people(config_copy)
        url = f"smtp://127.0.0.1:{controller.port}"
        clock = {"SOURCE_DATE_EPOCH": "1600000000"}  # Date: and DTSTAMP alike in both runs
        failed = send(config, url, env=clock, code=3)
        assert "il en reste 11" in failed.err and outbox_recipients(config) == 0
        send(config, url, env=clock)
        first, again = (email.message_from_bytes(data) for _, data in inbox.messages[:2])
        assert len(inbox.messages) == 12  # the first one twice, then the ten others
        assert first["Message-ID"] == again["Message-ID"]
        assert inbox.messages[0][1] == inbox.messages[1][1]  # the same bytes
    finally:
        controller.stop()
