"""Where to connect and with which credentials: flags, then environment variables, then a prompt.

Each flag falls back to its variable: `--url` MAUTIC_URL, `--username` MAUTIC_USERNAME, `--password`
MAUTIC_PASSWORD, `--client-id` MAUTIC_CLIENT_ID, `--client-secret` MAUTIC_CLIENT_SECRET. Basic auth is
used when a username or password is given (flags or environment), OAuth2 client credentials otherwise.

A secret given as a flag value is in the process's command line, which other local users can read
(`ps`, /proc/PID/cmdline) while the command runs, so a warning says so. The safe ways:
the environment variable (readable only by the same user), `--password-file PATH` /
`--client-secret-file PATH` (the first line of the file; `-` is stdin, as is `--password -`), or the
prompt (a missing secret is asked for, without echo, when stdin is a terminal). Secrets are never
printed: every message goes through redaction.
"""

from __future__ import annotations

import argparse
import base64
import getpass
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import httpx

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

__all__ = ["Connection", "MissingSettingError", "add_connection_options", "resolve_connection"]

DEFAULT_MAX_RETRIES = 5
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_WAIT = 120.0
STDIN = "-"
_VISIBLE = "visible to other local users (ps) while the command runs, and kept in your shell history"


class MissingSettingError(UsageError):
    """No URL or no credentials were given (as opposed to settings that were given but are wrong)."""


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection (each flag falls back to its environment variable)")
    group.add_argument("--url", metavar="URL", help=f"Mautic site URL (env {ENV_URL})")
    group.add_argument("--username", metavar="NAME", help=f"HTTP Basic user (env {ENV_USERNAME})")
    group.add_argument(
        "--password",
        metavar="PASSWORD",
        help=f"HTTP Basic password (env {ENV_PASSWORD}). A value here is {_VISIBLE}: prefer "
        f"{ENV_PASSWORD} or --password-file. '-' reads it from stdin; asked for when missing and "
        "stdin is a terminal",
    )
    group.add_argument(
        "--password-file",
        metavar="PATH",
        help="read the HTTP Basic password from the first line of PATH ('-': stdin)",
    )
    group.add_argument("--client-id", metavar="ID", help=f"OAuth2 client id (env {ENV_CLIENT_ID})")
    group.add_argument(
        "--client-secret",
        metavar="SECRET",
        help=f"OAuth2 client secret (env {ENV_CLIENT_SECRET}). A value here is {_VISIBLE}: prefer "
        f"{ENV_CLIENT_SECRET} or --client-secret-file. '-' reads it from stdin; asked for when "
        "missing and stdin is a terminal",
    )
    group.add_argument(
        "--client-secret-file",
        metavar="PATH",
        help="read the OAuth2 client secret from the first line of PATH ('-': stdin)",
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
    """Reads secrets from stdin (`-`), a file or a prompt, without echo."""

    stdin: TextIO
    prompt: Callable[[str], str]
    warn: Callable[[str], None]
    stdin_read: bool = False

    def from_stdin(self, what: str) -> str:
        if self.stdin_read:
            raise UsageError(f"only one secret can be read from stdin ('-'); give the {what} another way")
        self.stdin_read = True
        value = self.stdin.readline().rstrip("\r\n")
        if not value:
            raise UsageError(f"no {what} on stdin")
        return value

    def from_file(self, path: str, what: str, flag: str) -> str:
        if path == STDIN:
            return self.from_stdin(what)
        try:
            with Path(path).open(encoding="utf-8") as stream:
                value = stream.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
            raise UsageError(f"cannot read {flag} {path}: {reason}") from None
        if not value:
            raise UsageError(f"{flag} {path}: the first line is empty (it should hold the {what})")
        return value

    def ask(self, what: str, flag: str, env: str) -> str:
        isatty = getattr(self.stdin, "isatty", None)
        if not (callable(isatty) and isatty()):
            raise MissingSettingError(
                f"no {what}: set {env}, pass {flag}-file PATH ('-' reads stdin), or run in a terminal"
            )
        value = self.prompt(f"Mautic {what}: ")
        if not value:
            raise UsageError(f"no {what} given")
        return value


def _secret(
    value: str | None,
    path: str | None,
    env_value: str | None,
    asker: _Asker,
    what: str,
    flag: str,
    env: str,
) -> str:
    if value is not None and path is not None:
        raise UsageError(f"pass {flag} or {flag}-file, not both")
    if path is not None:
        return asker.from_file(path, what, f"{flag}-file")
    if value == STDIN:
        return asker.from_stdin(what)
    if value:
        asker.warn(f"{flag} on the command line is {_VISIBLE}; use {env} or {flag}-file instead")
        return value
    if env_value:
        return env_value
    return asker.ask(what, flag, env)


def _site_url(url: str) -> str:
    """The normalized site URL, with the command line's wording of the problems."""
    if not url.strip():
        raise MissingSettingError(f"no Mautic URL: pass --url or set {ENV_URL}")
    try:
        has_credentials = bool(httpx.URL(url.strip()).userinfo)
    except httpx.InvalidURL:
        has_credentials = False  # normalize_site_url says what is wrong with it
    if has_credentials:
        # Not echoed: it holds a password.
        raise UsageError(
            f"the Mautic URL must not hold credentials: pass --username (or set {ENV_USERNAME}) and "
            f"the password in {ENV_PASSWORD} or --password-file"
        )
    try:
        return normalize_site_url(url)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def resolve_connection(
    args: argparse.Namespace,
    env: Mapping[str, str],
    *,
    stdin: TextIO | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
    warn: Callable[[str], None] = lambda message: None,
    transport: Any = None,
) -> Connection:
    """Settings from flags, environment and prompt (see the module docstring). MissingSettingError when
    the URL or the credentials are missing, UsageError when something given is wrong."""
    site = _site_url(args.url or env.get(ENV_URL, ""))
    if not (args.timeout > 0):
        raise UsageError("--timeout must be a positive number of seconds")
    if args.max_retries < 0:
        raise UsageError("--max-retries must be >= 0")
    if not (args.max_wait >= 0):
        raise UsageError("--max-wait must be >= 0")
    asker = _Asker(stdin if stdin is not None else sys.stdin, prompt, warn)
    common: dict[str, Any] = {
        "timeout": args.timeout,
        "max_retries": args.max_retries,
        "max_wait": args.max_wait,
        "transport": transport,
    }

    basic_flags = any(v is not None for v in (args.username, args.password, args.password_file))
    oauth_flags = any(v is not None for v in (args.client_id, args.client_secret, args.client_secret_file))
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
            raise MissingSettingError(f"no username: pass --username or set {ENV_USERNAME}")
        password = _secret(
            args.password,
            args.password_file,
            env.get(ENV_PASSWORD),
            asker,
            "password",
            "--password",
            ENV_PASSWORD,
        )
        basic = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        return Connection(site, username=username, password=password, secrets=(password, basic), **common)
    if oauth_flags or oauth_env:
        client_id = args.client_id or env.get(ENV_CLIENT_ID)
        if not client_id:
            raise MissingSettingError(f"no OAuth2 client id: pass --client-id or set {ENV_CLIENT_ID}")
        secret = _secret(
            args.client_secret,
            args.client_secret_file,
            env.get(ENV_CLIENT_SECRET),
            asker,
            "client secret",
            "--client-secret",
            ENV_CLIENT_SECRET,
        )
        return Connection(site, client_id=client_id, client_secret=secret, secrets=(secret,), **common)
    raise MissingSettingError(
        f"no credentials: pass --username (password from {ENV_PASSWORD} or a prompt) or --client-id "
        f"(secret from {ENV_CLIENT_SECRET}), or set {ENV_USERNAME}/{ENV_PASSWORD} or "
        f"{ENV_CLIENT_ID}/{ENV_CLIENT_SECRET}"
    )
