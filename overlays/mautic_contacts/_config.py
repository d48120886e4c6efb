"""Where the client connects and how it authenticates: arguments first, then environment variables.

Environment: MAUTIC_URL, MAUTIC_USERNAME, MAUTIC_PASSWORD, MAUTIC_CLIENT_ID, MAUTIC_CLIENT_SECRET.
If any credential is passed as an argument, credentials from the environment are ignored (never mixed).

Which authentication: `access_token` -> OAuth2 tokens (refreshed when `refresh_token`, `client_id` and
`client_secret` are given); otherwise `username` + `password` -> HTTP Basic; otherwise `client_id` +
`client_secret` -> OAuth2 client credentials. Both Basic and client credentials at once is an error.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import httpx

from ._auth import BasicAuth, ClientCredentialsAuth, RefreshTokenAuth, TokenCallback

__all__ = [
    "ENV_CLIENT_ID",
    "ENV_CLIENT_SECRET",
    "ENV_PASSWORD",
    "ENV_URL",
    "ENV_USERNAME",
    "BasicCredentials",
    "ClientConfig",
    "ClientCredentials",
    "ConfigError",
    "Credentials",
    "TokenCredentials",
    "normalize_site_url",
    "resolve_config",
]

ENV_URL: Final = "MAUTIC_URL"
ENV_USERNAME: Final = "MAUTIC_USERNAME"
ENV_PASSWORD: Final = "MAUTIC_PASSWORD"  # noqa: S105 - a variable name
ENV_CLIENT_ID: Final = "MAUTIC_CLIENT_ID"
ENV_CLIENT_SECRET: Final = "MAUTIC_CLIENT_SECRET"  # noqa: S105 - a variable name


class ConfigError(ValueError):
    """The URL or credentials are missing, incomplete or contradictory."""


@dataclass(frozen=True, repr=False)
class BasicCredentials:
    username: str
    password: str

    def __repr__(self) -> str:
        return f"BasicCredentials(username={self.username!r}, password='[redacted]')"


@dataclass(frozen=True, repr=False)
class ClientCredentials:
    client_id: str
    client_secret: str

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret='[redacted]')"


@dataclass(frozen=True, repr=False)
class TokenCredentials:
    access_token: str
    refresh_token: str | None = None
    client_id: str | None = None
    client_secret: str | None = None

    def __repr__(self) -> str:
        refresh = "None" if self.refresh_token is None else "'[redacted]'"
        secret = "None" if self.client_secret is None else "'[redacted]'"
        return (
            f"TokenCredentials(access_token='[redacted]', refresh_token={refresh}, "
            f"client_id={self.client_id!r}, client_secret={secret})"
        )


Credentials = BasicCredentials | ClientCredentials | TokenCredentials


@dataclass(frozen=True)
class ClientConfig:
    """Resolved settings: `api_url` is `{site_url}/api`, `token_url` is `{site_url}/oauth/v2/token`."""

    site_url: str
    credentials: Credentials

    @property
    def api_url(self) -> str:
        return f"{self.site_url}/api"

    @property
    def token_url(self) -> str:
        return f"{self.site_url}/oauth/v2/token"

    @property
    def secrets(self) -> tuple[str, ...]:
        """Credential values to mask wherever text is shown."""
        c = self.credentials
        if isinstance(c, BasicCredentials):
            basic = base64.b64encode(f"{c.username}:{c.password}".encode()).decode("ascii")
            return (c.password, basic)
        if isinstance(c, ClientCredentials):
            return (c.client_secret,)
        return tuple(v for v in (c.access_token, c.refresh_token, c.client_secret) if v)

    def build_auth(
        self, *, on_token: TokenCallback | None = None, user_agent: str | None = None
    ) -> httpx.Auth:
        """The auth flow; `user_agent` is sent with OAuth2 token requests (the client's own)."""
        c = self.credentials
        if isinstance(c, BasicCredentials):
            return BasicAuth(c.username, c.password)
        if isinstance(c, ClientCredentials):
            return ClientCredentialsAuth(
                self.token_url, c.client_id, c.client_secret, on_token=on_token, user_agent=user_agent
            )
        return RefreshTokenAuth(
            self.token_url,
            access_token=c.access_token,
            refresh_token=c.refresh_token,
            client_id=c.client_id,
            client_secret=c.client_secret,
            on_token=on_token,
            user_agent=user_agent,
        )


def normalize_site_url(url: str) -> str:
    """`https://m.example.com/`, `.../api` and `.../api/` all give `https://m.example.com`."""
    if not isinstance(url, str):
        raise ConfigError(f"the Mautic URL must be a str, not {type(url).__name__}")
    text = url.strip()
    if not text:
        raise ConfigError(f"no Mautic URL: pass url= or set {ENV_URL}")
    try:
        parsed = httpx.URL(text)
    except httpx.InvalidURL as exc:
        raise ConfigError(f"invalid Mautic URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigError("the Mautic URL must start with http:// or https:// and name a host")
    if parsed.userinfo:
        # Do not echo the URL: it holds a password.
        raise ConfigError("put credentials in username=/password=, not in the Mautic URL")
    if parsed.query or parsed.fragment:
        raise ConfigError("the Mautic URL must not have a query string or fragment")
    path = parsed.path.rstrip("/")
    if path.endswith("/api"):
        path = path[: -len("/api")]
    return str(parsed.copy_with(path=path or "/")).rstrip("/")


def _pick(value: str | None, env: Mapping[str, str], name: str, use_env: bool) -> str | None:
    if value is not None:
        return value or None
    if use_env:
        return env.get(name) or None
    return None


def resolve_config(
    url: str | None = None,
    *,
    username: str | None = None,
    password: str | None = None,
    client_id: str | None = None,
    client_secret: str | None = None,
    access_token: str | None = None,
    refresh_token: str | None = None,
    env: Mapping[str, str] | None = None,
) -> ClientConfig:
    """Resolve the site URL and credentials (see the module docstring for the rules)."""
    env = os.environ if env is None else env
    site = normalize_site_url(url if url is not None else env.get(ENV_URL, ""))
    explicit = any(
        v is not None for v in (username, password, client_id, client_secret, access_token, refresh_token)
    )
    use_env = not explicit
    user = _pick(username, env, ENV_USERNAME, use_env)
    pwd = _pick(password, env, ENV_PASSWORD, use_env)
    cid = _pick(client_id, env, ENV_CLIENT_ID, use_env)
    secret = _pick(client_secret, env, ENV_CLIENT_SECRET, use_env)
    access = access_token or None
    refresh = refresh_token or None
    source = "arguments" if explicit else "environment"

    if refresh and not access:
        raise ConfigError("refresh_token= needs access_token= as well")
    if access:
        if user or pwd:
            raise ConfigError("pass either access_token= or username=/password=, not both")
        if refresh and not (cid and secret):
            raise ConfigError("refreshing OAuth2 tokens needs client_id= and client_secret=")
        return ClientConfig(site, TokenCredentials(access, refresh, cid, secret))
    if (user or pwd) and (cid or secret):
        raise ConfigError(
            f"both Basic (username/password) and OAuth2 (client id/secret) credentials in the {source}; "
            "use one kind"
        )
    if user or pwd:
        if not (user and pwd):
            missing = f"password= ({ENV_PASSWORD})" if user else f"username= ({ENV_USERNAME})"
            raise ConfigError(f"Basic auth needs both a username and a password: {missing} is missing")
        return ClientConfig(site, BasicCredentials(user, pwd))
    if cid or secret:
        if not (cid and secret):
            missing = f"client_secret= ({ENV_CLIENT_SECRET})" if cid else f"client_id= ({ENV_CLIENT_ID})"
            raise ConfigError(f"OAuth2 client credentials need an id and a secret: {missing} is missing")
        return ClientConfig(site, ClientCredentials(cid, secret))
    raise ConfigError(
        "no Mautic credentials: pass username=/password= (HTTP Basic), client_id=/client_secret= "
        f"(OAuth2) or access_token=, or set {ENV_USERNAME}/{ENV_PASSWORD} or "
        f"{ENV_CLIENT_ID}/{ENV_CLIENT_SECRET}"
    )
