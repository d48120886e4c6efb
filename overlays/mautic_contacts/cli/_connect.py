"""Where to connect and with which credentials: flags, then environment variables, then a prompt.

Each flag falls back to its variable: `--url` MAUTIC_URL, `--username` MAUTIC_USERNAME, `--password`
MAUTIC_PASSWORD, `--client-id` MAUTIC_CLIENT_ID, `--client-secret` MAUTIC_CLIENT_SECRET. Basic auth is
used when a username or password is given (flags or environment), OAuth2 client credentials otherwise.
A missing password (or client secret) is asked for when stdin is a terminal; `--password -` reads it
from the first line of stdin. Secrets are never printed: every message goes through redaction.
"""

from __future__ import annotations

import argparse
import base64
import getpass
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from .._client import AsyncMautic, Mautic
from .._config import (
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
    ENV_PASSWORD,
    ENV_URL,
    ENV_USERNAME,
    ConfigError,
    normalize_site_url,
)
from .._retry import RetryPolicy
from ._exit import UsageError

__all__ = ["Connection", "add_connection_options", "resolve_connection"]

DEFAULT_MAX_RETRIES = 5
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_WAIT = 120.0
STDIN = "-"


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection (each flag falls back to its environment variable)")
    group.add_argument("--url", metavar="URL", help=f"Mautic site URL (env {ENV_URL})")
    group.add_argument("--username", metavar="NAME", help=f"HTTP Basic user (env {ENV_USERNAME})")
    group.add_argument(
        "--password",
        metavar="PASSWORD",
        help=f"HTTP Basic password; '-' reads it from stdin (env {ENV_PASSWORD}; asked for when "
        "missing and stdin is a terminal; a value here ends up in your shell history)",
    )
    group.add_argument("--client-id", metavar="ID", help=f"OAuth2 client id (env {ENV_CLIENT_ID})")
    group.add_argument(
        "--client-secret",
        metavar="SECRET",
        help=f"OAuth2 client secret; '-' reads it from stdin (env {ENV_CLIENT_SECRET}; asked for "
        "when missing)",
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"per request (default {DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "--max-retries",
        type=int,
        default=DEFAULT_MAX_RETRIES,
        metavar="N",
        help=f"retries of a failed request, per the client's retry policy (default {DEFAULT_MAX_RETRIES})",
    )
    group.add_argument(
        "--max-wait",
        type=float,
        default=DEFAULT_MAX_WAIT,
        metavar="SECONDS",
        help=f"longest rate-limit wait to sit out before giving up (default {DEFAULT_MAX_WAIT:g})",
    )


@dataclass(frozen=True, repr=False)
class Connection:
    """Resolved connection settings; `client()` / `async_client()` build the client."""

    url: str
    username: str | None = None
    password: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_wait: float = DEFAULT_MAX_WAIT
    secrets: tuple[str, ...] = field(default=())
    # Tests (and embedders) can route requests through any httpx transport, e.g. the fake's in-process one.
    transport: Any = None

    def client(self) -> Mautic:
        return Mautic(
            self.url,
            username=self.username,
            password=self.password,
            client_id=self.client_id,
            client_secret=self.client_secret,
            timeout=self.timeout,
            retry_policy=self._policy(),
            transport=self.transport,
        )

    def async_client(self) -> AsyncMautic:
        return AsyncMautic(
            self.url,
            username=self.username,
            password=self.password,
            client_id=self.client_id,
            client_secret=self.client_secret,
            timeout=self.timeout,
            retry_policy=self._policy(),
            transport=self.transport,
        )

    def _policy(self) -> RetryPolicy:
        return RetryPolicy(max_retries=self.max_retries, max_wait=self.max_wait)

    def __repr__(self) -> str:
        return f"Connection(url={self.url!r}, username={self.username!r}, client_id={self.client_id!r})"


@dataclass
class _Asker:
    """Reads secrets from stdin (`-`) or a prompt, without echo."""

    stdin: TextIO
    prompt: Callable[[str], str]
    stdin_read: bool = False

    def from_stdin(self, what: str) -> str:
        if self.stdin_read:
            raise UsageError(f"only one secret can be read from stdin ('-'); give {what} another way")
        self.stdin_read = True
        value = self.stdin.readline().rstrip("\r\n")
        if not value:
            raise UsageError(f"no {what} on stdin")
        return value

    def ask(self, what: str, flag: str, env: str) -> str:
        isatty = getattr(self.stdin, "isatty", None)
        if not (callable(isatty) and isatty()):
            raise UsageError(f"no {what}: set {env}, pass {flag} - (read from stdin), or run in a terminal")
        value = self.prompt(f"Mautic {what}: ")
        if not value:
            raise UsageError(f"no {what} given")
        return value


def _secret(value: str | None, env_value: str | None, asker: _Asker, what: str, flag: str, env: str) -> str:
    if value == STDIN:
        return asker.from_stdin(what)
    if value:
        return value
    if env_value:
        return env_value
    return asker.ask(what, flag, env)


def resolve_connection(
    args: argparse.Namespace,
    env: Mapping[str, str],
    *,
    stdin: TextIO | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
    transport: Any = None,
) -> Connection:
    """Settings from flags, environment and prompt (see the module docstring); UsageError if incomplete."""
    url = args.url or env.get(ENV_URL, "")
    if not url:
        raise UsageError(f"no Mautic URL: pass --url or set {ENV_URL}")
    try:
        site = normalize_site_url(url)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if not (args.timeout > 0):
        raise UsageError("--timeout must be a positive number of seconds")
    if args.max_retries < 0:
        raise UsageError("--max-retries must be >= 0")
    if not (args.max_wait >= 0):
        raise UsageError("--max-wait must be >= 0")
    asker = _Asker(stdin if stdin is not None else sys.stdin, prompt)
    common: dict[str, Any] = {
        "timeout": args.timeout,
        "max_retries": args.max_retries,
        "max_wait": args.max_wait,
        "transport": transport,
    }

    basic_flags = args.username is not None or args.password is not None
    oauth_flags = args.client_id is not None or args.client_secret is not None
    if basic_flags and oauth_flags:
        raise UsageError("pass either --username/--password or --client-id/--client-secret, not both")
    basic_env = bool(env.get(ENV_USERNAME) or env.get(ENV_PASSWORD))
    oauth_env = bool(env.get(ENV_CLIENT_ID) or env.get(ENV_CLIENT_SECRET))
    if not basic_flags and not oauth_flags and basic_env and oauth_env:
        raise UsageError(
            f"both {ENV_USERNAME}/{ENV_PASSWORD} and {ENV_CLIENT_ID}/{ENV_CLIENT_SECRET} are set; "
            "pass --username or --client-id to choose"
        )
    if basic_flags or (not oauth_flags and basic_env):
        username = args.username or env.get(ENV_USERNAME)
        if not username:
            raise UsageError(f"no username: pass --username or set {ENV_USERNAME}")
        password = _secret(
            args.password, env.get(ENV_PASSWORD), asker, "password", "--password", ENV_PASSWORD
        )
        basic = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        return Connection(site, username=username, password=password, secrets=(password, basic), **common)
    if oauth_flags or oauth_env:
        client_id = args.client_id or env.get(ENV_CLIENT_ID)
        if not client_id:
            raise UsageError(f"no OAuth2 client id: pass --client-id or set {ENV_CLIENT_ID}")
        secret = _secret(
            args.client_secret,
            env.get(ENV_CLIENT_SECRET),
            asker,
            "client secret",
            "--client-secret",
            ENV_CLIENT_SECRET,
        )
        return Connection(site, client_id=client_id, client_secret=secret, secrets=(secret,), **common)
    raise UsageError(
        f"no credentials: pass --username (password from {ENV_PASSWORD} or a prompt) or --client-id "
        f"(secret from {ENV_CLIENT_SECRET}), or set {ENV_USERNAME}/{ENV_PASSWORD} or "
        f"{ENV_CLIENT_ID}/{ENV_CLIENT_SECRET}"
    )
