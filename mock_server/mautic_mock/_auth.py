"""HTTP Basic and OAuth2 (client_credentials) authentication, with Mautic's 401/400 envelopes."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._db import Database
from ._http import ApiError, ApiResponse

__all__ = ["Authenticator", "Credentials"]

# ApiSubscriber::onKernelResponse replaces every OAuth/Basic error with a new JsonResponse, so the
# WWW-Authenticate and Cache-Control headers of the original answers never reach the client.


def _unauthorized(message: str, error: str) -> ApiError:
    return ApiError(401, message, kind="auth", error_type=error)


def _oauth_error(message: str, error: str) -> ApiError:
    return ApiError(400, message, kind="auth", error_type=error)


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str
    client_id: str | None = None
    client_secret: str | None = None

    def __repr__(self) -> str:
        # Secrets never appear in reprs.
        return f"Credentials(username={self.username!r}, client_id={self.client_id!r})"


class Authenticator:
    """Checks the ``Authorization`` header (or ``access_token`` parameter) of API requests."""

    def __init__(
        self,
        credentials: Credentials,
        db: Database,
        user_id: int,
        token_lifetime: int = 3600,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._credentials = credentials
        self._db = db
        self._user_id = user_id
        self.token_lifetime = token_lifetime
        self._clock = clock

    def authenticate(self, headers: dict[str, str], query: dict[str, Any]) -> tuple[int, str]:
        """(user id, rate-limit key), or raise the 401 Mautic would send."""
        header = headers.get("authorization", "")
        scheme, _, value = header.strip().partition(" ")
        token = query.get("access_token")
        if scheme.lower() == "basic":
            return self._basic(value.strip())
        if scheme.lower() == "bearer" and value.strip():
            return self._bearer(value.strip())
        if isinstance(token, str) and token:
            return self._bearer(token)
        raise _unauthorized("API authorization denied.", "access_denied")

    def _basic(self, value: str) -> tuple[int, str]:
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            decoded = ""
        username, sep, password = decoded.partition(":")
        ok_user = hmac.compare_digest(username.encode(), self._credentials.username.encode())
        ok_pass = hmac.compare_digest(password.encode(), self._credentials.password.encode())
        if not (sep and ok_user and ok_pass):
            raise _unauthorized("Authorization denied, invalid credentials.", "access_denied")
        # Basic-auth callers share one rate-limit bucket per site.
        return self._user_id, "basic"

    def _bearer(self, token: str) -> tuple[int, str]:
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT expires_at FROM oauth2_accesstokens WHERE token = ?", (token,)
            ).fetchone()
        if row is None:
            raise _unauthorized("The access token provided is invalid.", "invalid_grant")
        if float(row["expires_at"]) <= self._clock():
            raise _unauthorized("The access token provided has expired.", "invalid_grant")
        return self._user_id, f"token:{token}"

    def token_endpoint(self, params: dict[str, Any], headers: dict[str, str]) -> ApiResponse:
        """``/oauth/v2/token`` (FOSOAuthServerBundle): only the client_credentials grant issues tokens."""
        grant_type = params.get("grant_type")
        if not isinstance(grant_type, str) or not grant_type:
            raise _oauth_error("Invalid grant_type parameter or parameter missing", "invalid_request")
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        header = headers.get("authorization", "")
        if header.lower().startswith("basic ") and client_id is None:
            try:
                decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
                client_id, _, client_secret = decoded.partition(":")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                client_id = None
        if not isinstance(client_id, str) or not client_id:
            raise _oauth_error("Client id was not found in the headers or body", "invalid_client")
        expected_id, expected_secret = self._credentials.client_id, self._credentials.client_secret
        secret = client_secret if isinstance(client_secret, str) else ""
        if (
            expected_id is None
            or expected_secret is None
            or not hmac.compare_digest(client_id.encode(), expected_id.encode())
            or not hmac.compare_digest(secret.encode(), expected_secret.encode())
        ):
            raise _oauth_error("The client credentials are invalid", "invalid_client")
        if grant_type == "authorization_code":
            raise _oauth_error("Code doesn't exist or is invalid for the client", "invalid_grant")
        if grant_type == "refresh_token":
            raise _oauth_error("Invalid refresh token", "invalid_grant")
        if grant_type != "client_credentials":
            raise _oauth_error("The grant type is unauthorized for this client_id", "unauthorized_client")
        token = secrets.token_urlsafe(64)
        with self._db.transaction() as conn:
            now = self._clock()
            conn.execute("DELETE FROM oauth2_accesstokens WHERE expires_at <= ?", (now,))
            conn.execute(
                "INSERT INTO oauth2_accesstokens (token, client_id, expires_at) VALUES (?,?,?)",
                (token, client_id, now + self.token_lifetime),
            )
        body = {
            "access_token": token,
            "expires_in": self.token_lifetime,
            "token_type": "bearer",
            "scope": None,
        }
        return ApiResponse(
            200,
            json.dumps(body, separators=(",", ":")).encode(),
            {"Cache-Control": "no-store, private", "Pragma": "no-cache"},
        )
