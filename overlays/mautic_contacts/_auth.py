"""Authentication as `httpx.Auth` flows: HTTP Basic and OAuth2 (Mautic's FOSOAuthServer).

- `BasicAuth(username, password)`: needs "HTTP basic auth" enabled in Mautic's API settings.
- `ClientCredentialsAuth(token_url, client_id, client_secret)`: fetches a token lazily from
  `{site}/oauth/v2/token` (grant `client_credentials`), caches it, fetches a new one shortly before it
  expires, and once more when the server answers 401 anyway.
- `RefreshTokenAuth(token_url, access_token=..., refresh_token=..., client_id=..., client_secret=...)`: uses
  tokens obtained elsewhere (authorization-code flow) and renews them with the `refresh_token` grant.
  Mautic rotates refresh tokens: pass `on_token` to persist every new `OAuth2Token`.

Token renewal is single-flight: one thread (sync) or task (async) asks for a token while the others wait
for it. Reprs show no secret; token request failures raise `AuthenticationError` (refused grant) or the
matching status error.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass

import anyio
import httpx

from ._exceptions import APIResponseValidationError, AuthenticationError, make_status_error
from ._version import user_agent as default_user_agent

__all__ = [
    "BasicAuth",
    "ClientCredentialsAuth",
    "OAuth2Token",
    "RefreshTokenAuth",
    "TokenCallback",
]

DEFAULT_REFRESH_MARGIN = 60.0


@dataclass(frozen=True, repr=False)
class OAuth2Token:
    """An OAuth2 access token (and refresh token, when the server gave one). `expires_at`: unix time."""

    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None
    token_type: str = "Bearer"  # noqa: S105 - a token type, not a credential

    def __repr__(self) -> str:
        refresh = "None" if self.refresh_token is None else "'[redacted]'"
        return (
            f"OAuth2Token(access_token='[redacted]', refresh_token={refresh}, "
            f"expires_at={self.expires_at!r}, token_type={self.token_type!r})"
        )


TokenCallback = Callable[[OAuth2Token], None]


class BasicAuth(httpx.Auth):
    """HTTP Basic with a Mautic user name and password."""

    def __init__(self, username: str, password: str) -> None:
        if not username or not password:
            raise ValueError("Basic auth needs a non-empty username and password")
        self.username = username
        raw = f"{username}:{password}".encode()
        self._header = "Basic " + base64.b64encode(raw).decode("ascii")
        self._secrets = (password, self._header.split(" ", 1)[1])

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values to mask in messages and logs."""
        return self._secrets

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password='[redacted]')"


class _OAuth2Auth(httpx.Auth):
    """Token cache + single-flight renewal shared by the OAuth2 flows."""

    def __init__(
        self,
        token_url: str,
        client_id: str | None,
        client_secret: str | None,
        *,
        token: OAuth2Token | None,
        on_token: TokenCallback | None,
        refresh_margin: float,
        clock: Callable[[], float],
        user_agent: str | None,
    ) -> None:
        self.token_url = str(token_url)
        self.user_agent = user_agent or default_user_agent()
        self.client_id = client_id
        self._client_secret = client_secret
        self._token = token
        self._on_token = on_token
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._lock = threading.Lock()
        self._alock = anyio.Lock()

    @property
    def token(self) -> OAuth2Token | None:
        """The cached token (None before the first request)."""
        return self._token

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values to mask in messages and logs."""
        values = [self._client_secret]
        if self._token is not None:
            values += [self._token.access_token, self._token.refresh_token]
        return tuple(v for v in values if v)

    # -- renewal logic (no I/O) --------------------------------------------------------------
    def _can_renew(self) -> bool:
        raise NotImplementedError  # pragma: no cover

    def _token_request(self) -> httpx.Request:
        raise NotImplementedError  # pragma: no cover

    def _expiring(self, token: OAuth2Token) -> bool:
        if token.expires_at is None:
            return False
        return self._clock() >= token.expires_at - self._refresh_margin

    def _must_fetch(self, rejected: OAuth2Token | None) -> bool:
        token = self._token
        if token is None:
            return True
        if not self._can_renew():
            return False
        if rejected is not None:
            # Renew unless another thread/task already replaced the rejected token.
            return token is rejected
        return self._expiring(token)

    def _post_form(self, data: dict[str, str]) -> httpx.Request:
        # Requests made by an auth flow do not get the client's default headers: set ours here.
        headers = {"Accept": "application/json", "User-Agent": self.user_agent}
        return httpx.Request("POST", self.token_url, data=data, headers=headers)

    def _accept(self, response: httpx.Response) -> None:
        secrets = self.secrets
        if response.status_code in (400, 401):
            raise make_status_error(
                response,
                secrets=secrets,
                prefix="OAuth2 token request refused: ",
                error_class=AuthenticationError,
            )
        if response.status_code >= 300:
            raise make_status_error(response, secrets=secrets, prefix="OAuth2 token request failed: ")
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        access = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(access, str) or not access:
            # The body is not kept on the error: it may hold a token.
            raise APIResponseValidationError(
                f"OAuth2 token endpoint answered {response.status_code} without an access_token",
                response=response,
            )
        assert isinstance(body, dict)
        expires_in = body.get("expires_in")
        expires_at = None
        if isinstance(expires_in, (int, float, str)) and not isinstance(expires_in, bool):
            try:
                seconds = float(expires_in)
            except ValueError:
                seconds = None
            if seconds is not None and seconds > 0:
                # Short-lived tokens: renew at half their lifetime rather than a fixed margin.
                expires_at = self._clock() + seconds
                self._refresh_margin = min(self._refresh_margin, seconds / 2)
        refresh = body.get("refresh_token")
        if not isinstance(refresh, str) or not refresh:
            refresh = self._token.refresh_token if self._token is not None else None
        token_type = body.get("token_type")
        token = OAuth2Token(
            access_token=access,
            refresh_token=refresh,
            expires_at=expires_at,
            token_type=token_type.capitalize() if isinstance(token_type, str) and token_type else "Bearer",
        )
        self._token = token
        if self._on_token is not None:
            self._on_token(token)

    def _authorize(self, request: httpx.Request) -> OAuth2Token:
        token = self._token
        assert token is not None
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        return token

    # -- flows -----------------------------------------------------------------------------
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        with self._lock:
            if self._must_fetch(None):
                token_response = yield self._token_request()
                token_response.read()
                self._accept(token_response)
            used = self._authorize(request)
        response = yield request
        if response.status_code != 401 or not self._can_renew():
            return
        with self._lock:
            if self._must_fetch(used):
                token_response = yield self._token_request()
                token_response.read()
                self._accept(token_response)
            self._authorize(request)
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        async with self._alock:
            if self._must_fetch(None):
                token_response = yield self._token_request()
                await token_response.aread()
                self._accept(token_response)
            used = self._authorize(request)
        response = yield request
        if response.status_code != 401 or not self._can_renew():
            return
        async with self._alock:
            if self._must_fetch(used):
                token_response = yield self._token_request()
                await token_response.aread()
                self._accept(token_response)
            self._authorize(request)
        yield request


class ClientCredentialsAuth(_OAuth2Auth):
    """OAuth2 client credentials: server-to-server, no user interaction."""

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        on_token: TokenCallback | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        user_agent: str | None = None,
    ) -> None:
        if not client_id or not client_secret:
            raise ValueError("client credentials need a non-empty client_id and client_secret")
        super().__init__(
            token_url,
            client_id,
            client_secret,
            token=None,
            on_token=on_token,
            refresh_margin=refresh_margin,
            clock=clock,
            user_agent=user_agent,
        )

    def _can_renew(self) -> bool:
        return True

    def _token_request(self) -> httpx.Request:
        assert self.client_id is not None
        assert self._client_secret is not None
        return self._post_form(
            {
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self._client_secret,
            }
        )

    def __repr__(self) -> str:
        return (
            f"ClientCredentialsAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            "client_secret='[redacted]')"
        )


class RefreshTokenAuth(_OAuth2Auth):
    """Tokens from an authorization-code flow done elsewhere; renewed with the refresh_token grant.

    Without `refresh_token` (or without client credentials) the access token is used as is until the
    server rejects it.
    """

    def __init__(
        self,
        token_url: str,
        *,
        access_token: str,
        refresh_token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        expires_at: float | None = None,
        on_token: TokenCallback | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        user_agent: str | None = None,
    ) -> None:
        if not access_token:
            raise ValueError("access_token must be non-empty")
        if refresh_token and not (client_id and client_secret):
            raise ValueError("refreshing a token needs client_id and client_secret")
        super().__init__(
            token_url,
            client_id,
            client_secret,
            token=OAuth2Token(access_token, refresh_token or None, expires_at),
            on_token=on_token,
            refresh_margin=refresh_margin,
            clock=clock,
            user_agent=user_agent,
        )

    def _can_renew(self) -> bool:
        token = self._token
        return bool(token is not None and token.refresh_token and self.client_id and self._client_secret)

    def _token_request(self) -> httpx.Request:
        token = self._token
        assert token is not None
        assert token.refresh_token is not None
        assert self.client_id is not None
        assert self._client_secret is not None
        return self._post_form(
            {
                "grant_type": "refresh_token",
                "refresh_token": token.refresh_token,
                "client_id": self.client_id,
                "client_secret": self._client_secret,
            }
        )

    def __repr__(self) -> str:
        return (
            f"RefreshTokenAuth(token_url={self.token_url!r}, client_id={self.client_id!r}, "
            f"token={self._token!r})"
        )
