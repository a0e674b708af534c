"""`ptfcal login microsoft`: a Microsoft 365 access token for SMTP, by the device-code flow of
the `msal` library (the optional extra `m365`), kept in the user's token cache.

The only module that imports msal, and only when a command needs it. The cache file lives in
the user's state folder (`oauth.state_folder()`), owner-only, never in a configuration; it
holds msal's own cache (refresh token included) with the app registration it was obtained for,
so that `invite --send` can refresh the access token silently for the SMTP URL's user.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..i18n import text
from .oauth import read_private, state_folder, write_private
from .smtp import SendError

SCOPES = ["https://outlook.office.com/SMTP.Send"]
CACHE_FILE = "microsoft-token-cache.json"
AUTHORITY = "https://login.microsoftonline.com/"
NETWORK_SECONDS = 30


def cache_path() -> Path:
    return state_folder() / CACHE_FILE


def _msal():
    try:
        import msal
    except ImportError:
        raise InputError(text("ms.no-msal")) from None
    return msal


def _stored(path: Path) -> dict | None:
    data = read_private(path)
    if data is None:
        return None
    try:
        stored = json.loads(data)
        if not (isinstance(stored, dict) and isinstance(stored.get("client_id"), str)
                and isinstance(stored.get("tenant"), str)
                and isinstance(stored.get("cache"), str)
                and isinstance(stored.get("accounts"), list)):
            raise ValueError
    except (ValueError, RecursionError):
        raise InputError(text("ms.cache-damaged", path=path)) from None
    return stored


def has_account(user: str, path: Path | None = None) -> bool:
    """Whether `ptfcal login microsoft` signed this user in (read without msal)."""
    stored = _stored(path or cache_path())
    return bool(stored) and user.lower() in {str(a).lower() for a in stored["accounts"]}


def _application(msal, client_id: str, tenant: str, cache):
    try:
        return msal.PublicClientApplication(client_id, authority=AUTHORITY + tenant,
                                            token_cache=cache, timeout=NETWORK_SECONDS)
    except (ValueError, OSError) as exc:  # OSError: requests' connection errors
        raise SendError(text("ms.network", why=_short(exc))) from None


def login(client_id: str, tenant: str, show: Callable[[str, str, int], None],
          path: Path | None = None) -> str:
    """The device-code flow: `show(url, code, minutes)` tells the user where to sign in; then
    waits for it, stores the cache and returns the account's user name."""
    msal = _msal()
    path = path or cache_path()
    stored = _stored(path)
    cache = msal.SerializableTokenCache()
    accounts: list[str] = []
    if stored and (stored["client_id"], stored["tenant"]) == (client_id, tenant):
        cache.deserialize(stored["cache"])
        accounts = [str(a) for a in stored["accounts"]]
    app = _application(msal, client_id, tenant, cache)
    try:
        flow = app.initiate_device_flow(scopes=SCOPES)
        if "user_code" not in flow:
            raise SendError(text("ms.refused", why=_said(flow)))
        show(flow["verification_uri"], flow["user_code"], int(flow.get("expires_in", 900)) // 60)
        result = app.acquire_token_by_device_flow(flow)
    except (ValueError, OSError) as exc:
        raise SendError(text("ms.network", why=_short(exc))) from None
    if "access_token" not in result:
        raise SendError(text("ms.refused", why=_said(result)))
    user = str((result.get("id_token_claims") or {}).get("preferred_username") or "")
    if not user:
        raise SendError(text("ms.refused", why="preferred_username"))
    accounts = sorted({*accounts, user.lower()})
    write_private(path, json.dumps({"client_id": client_id, "tenant": tenant,
                                    "accounts": accounts, "cache": cache.serialize()},
                                   indent=1, sort_keys=True) + "\n")
    return user


def token(user: str, path: Path | None = None) -> str:
    """An access token for `user` from the cache, refreshed silently when it has expired.
    Raises SendError (exit 3) when the sign-in has to be done again."""
    path = path or cache_path()
    stored = _stored(path)
    if not stored:
        raise SendError(text("ms.expired", user=user))
    msal = _msal()
    cache = msal.SerializableTokenCache()
    cache.deserialize(stored["cache"])
    app = _application(msal, stored["client_id"], stored["tenant"], cache)
    try:
        account = next((a for a in app.get_accounts()
                        if str(a.get("username", "")).lower() == user.lower()), None)
        result = app.acquire_token_silent(SCOPES, account=account) if account else None
    except (ValueError, OSError) as exc:
        raise SendError(text("ms.network", why=_short(exc))) from None
    if not result or "access_token" not in result:
        raise SendError(text("ms.expired", user=user))
    if cache.has_state_changed:
        write_private(path, json.dumps({**stored, "cache": cache.serialize()}, indent=1,
                                       sort_keys=True) + "\n")
    return result["access_token"]


def _said(answer: dict) -> str:
    """Microsoft's error, first line (its descriptions run to trace ids and timestamps)."""
    said = str(answer.get("error_description") or answer.get("error") or "?")
    return said.splitlines()[0][:300] if said.strip() else "?"


def _short(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:300]
