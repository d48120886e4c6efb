"""When a failed request is retried, and how long to wait first.

Retry policy
============
Mautic has no idempotency keys, so whether a retry is safe depends on two questions.

**1. Can the failed attempt have changed data?**

- *Certainly not*: the connection could not be opened (`ConnectError`, `ConnectTimeout`, `PoolTimeout`,
  proxy errors: nothing was sent); **429** (Mautic's rate limiter runs on `kernel.controller`, before the
  controller; proxies rate-limit before forwarding); **503** (maintenance page, overloaded PHP-FPM pool,
  proxy with no healthy upstream: the request was not handed to Mautic).
  These are retried for **every** request.
- *Maybe*: the request was sent and the answer was lost: read/write timeouts, dropped connections
  (`ReadError`, `RemoteProtocolError`, ...), **502** (nginx answers it when PHP-FPM dies *while* running
  the request, possibly after the database commit) and **504** (the proxy gave up waiting; PHP keeps
  running and usually finishes). These are retried only for **retry-safe** requests (point 2).
- Anything else (500, other 4xx) is not retried: repeating it gives the same answer.

**2. Is repeating the request harmless (retry-safe)?**

- `GET`/`HEAD`/`OPTIONS`: yes.
- `PATCH` edit: yes (it sets values; tag `+`/`-` are set operations; a missing contact answers 404).
- `PUT` edit: yes for an existing contact. Caveat: PUT on an id that does not exist *creates* a contact
  with a new id, so a retried PUT on a missing id can create two.
- `DELETE`: yes; a retried single delete may answer 404 because the first attempt succeeded.
- `POST /contacts/new` and `/contacts/batch/new`: yes only when every contact in the body has a non-empty
  unique identifier (`email` by default; configure `RetryPolicy.unique_identifiers` if your Mautic uses
  others): Mautic then edits the contact the first attempt created instead of creating a duplicate.
- `POST .../dnc/{channel}/add|remove`, `.../utm/{id}/remove`, point group `set`: yes (same end state).
- `POST .../utm/add`, points `plus|minus|times|divide`: **no** (each call adds a record or changes the
  score again).
- OAuth2 token endpoint: `client_credentials` yes; `refresh_token`/`authorization_code` no (the first
  attempt may have consumed a single-use token).
- Any other POST: no. A request body that cannot be replayed (a stream) is only resent when nothing was
  sent. `request_options(idempotent=True/False)` overrides the classification for one call.

Waiting: exponential backoff (0.5 s, 1 s, 2 s ... capped at 8 s) reduced by up to 25 % jitter, unless the
server says how long to wait: `Retry-After` (seconds or an HTTP date) or, on 429, `X-RateLimit-Reset`
(a unix time; small values are read as seconds). A requested wait longer than `max_wait` (default 60 s;
Mautic's limiter counts per hour) is not waited out: the 429 is returned and becomes a `RateLimitError`
that says when the limit resets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, Final, Literal
from urllib.parse import parse_qs

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_RETRY_POLICY",
    "RETRY_STATUSES",
    "FailureKind",
    "RetryDecision",
    "RetryPolicy",
    "backoff_delay",
    "classify_exception",
    "classify_status",
    "decide_retry",
    "is_retry_safe",
    "server_requested_wait",
]

DEFAULT_MAX_RETRIES: Final = 2
RETRY_STATUSES: Final = frozenset({429, 502, 503, 504})
FailureKind = Literal["not_applied", "maybe_applied"]

# Unix times are > 1e9; smaller X-RateLimit-Reset values are seconds to wait (some proxies send those).
_UNIX_TIME_THRESHOLD: Final = 1_000_000_000


@dataclass(frozen=True)
class RetryPolicy:
    """Retry settings. `max_wait` caps how long a server-requested wait (Retry-After) is honoured."""

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_wait: float = 60.0
    unique_identifiers: tuple[str, ...] = ("email",)

    def __post_init__(self) -> None:
        if (
            isinstance(self.max_retries, bool)
            or not isinstance(self.max_retries, int)
            or self.max_retries < 0
        ):
            raise ValueError("max_retries must be an int >= 0")
        for name in ("initial_delay", "max_delay", "max_wait"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"{name} must be a number >= 0")
        if isinstance(self.unique_identifiers, str):
            raise TypeError("unique_identifiers takes a tuple of field aliases")


DEFAULT_RETRY_POLICY: Final = RetryPolicy()


@dataclass(frozen=True)
class RetryDecision:
    retry: bool
    delay: float = 0.0
    reason: str = ""


def classify_exception(exc: BaseException) -> FailureKind | None:
    """Whether a transport error happened before anything was sent, after, or is not retryable."""
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError)):
        return "not_applied"
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.LocalProtocolError)):
        return None  # our own request is wrong: resending cannot help
    if isinstance(exc, httpx.TransportError):
        return "maybe_applied"
    return None


def classify_status(status_code: int) -> FailureKind | None:
    if status_code in (429, 503):
        return "not_applied"
    if status_code in (502, 504):
        return "maybe_applied"
    return None


def _api_path(url: httpx.URL) -> str:
    path = url.path.rstrip("/")
    # The API lives at {site}/api; the token endpoint at {site}/oauth/v2/token.
    match = re.search(r"/(?:api|oauth)(/.*)?$", path)
    if match is None:
        return path
    if match.group(0).startswith("/oauth"):
        return match.group(0)
    return match.group(1) or ""


def _json_body(request: httpx.Request) -> Any:
    try:
        return json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return None


def _form_body(request: httpx.Request) -> dict[str, list[str]]:
    try:
        return parse_qs(request.content.decode("utf-8", "replace"))
    except httpx.RequestNotRead:
        return {}


def _has_identifier(item: object, identifiers: tuple[str, ...]) -> bool:
    if not isinstance(item, Mapping):
        return False
    for field in identifiers:
        value = item.get(field)
        if isinstance(value, str) and value.strip():
            return True
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
    return False


def _creates_are_deduplicated(request: httpx.Request, identifiers: tuple[str, ...], *, batch: bool) -> bool:
    body = _json_body(request)
    if body is None:
        form = _form_body(request)
        if batch or not form:
            return False
        return any(form.get(field, [""])[0].strip() for field in identifiers)
    if not batch:
        return _has_identifier(body, identifiers)
    items = list(body.values()) if isinstance(body, Mapping) else body
    return isinstance(items, list) and bool(items) and all(_has_identifier(i, identifiers) for i in items)


_SAFE_POSTS = (
    re.compile(r"/contacts/[^/]+/dnc/[^/]+/(?:add|remove)"),
    re.compile(r"/contacts/[^/]+/utm/[^/]+/remove"),
    re.compile(r"/contacts/[^/]+/points/groups/[^/]+/set/[^/]+"),
)


def is_retry_safe(request: httpx.Request, policy: RetryPolicy = DEFAULT_RETRY_POLICY) -> bool:
    """Whether sending `request` twice leaves the same data as sending it once (see module docs)."""
    method = request.headers.get("X-HTTP-Method-Override", request.method).upper()
    if method in ("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"):
        return True
    if method != "POST":
        return False
    path = _api_path(request.url)
    if path == "/contacts/new":
        return _creates_are_deduplicated(request, policy.unique_identifiers, batch=False)
    if path == "/contacts/batch/new":
        return _creates_are_deduplicated(request, policy.unique_identifiers, batch=True)
    if path == "/oauth/v2/token":
        return _form_body(request).get("grant_type", [""])[0] == "client_credentials"
    return any(pattern.fullmatch(path) for pattern in _SAFE_POSTS)


def _replayable(request: httpx.Request) -> bool:
    return isinstance(request.stream, httpx.ByteStream)


def server_requested_wait(
    headers: httpx.Headers, *, now: float, status_code: int | None = None
) -> float | None:
    """Seconds the server asks us to wait: `Retry-After`, or `X-RateLimit-Reset` on a 429."""
    retry_after = headers.get("retry-after-ms")
    if retry_after is not None:
        try:
            return max(float(retry_after) / 1000.0, 0.0)
        except ValueError:
            pass
    retry_after = headers.get("retry-after")
    if retry_after is not None:
        value = retry_after.strip()
        try:
            return max(float(value), 0.0)
        except ValueError:
            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                when = None
            if when is not None and when.tzinfo is not None:
                return max(when.timestamp() - now, 0.0)
    reset = headers.get("x-ratelimit-reset")
    if reset is not None and (status_code is None or status_code == 429):
        try:
            number = float(reset.strip())
        except ValueError:
            return None
        if number >= _UNIX_TIME_THRESHOLD:
            return max(number - now, 0.0)
        return max(number, 0.0)
    return None


def backoff_delay(retry: int, policy: RetryPolicy, random: Callable[[], float]) -> float:
    """Delay before retry number `retry` (1-based): exponential, capped, minus up to 25 % jitter."""
    base = min(float(policy.initial_delay) * 2.0 ** (retry - 1), float(policy.max_delay))
    return base * (1.0 - 0.25 * random())


def decide_retry(
    *,
    request: httpx.Request,
    retries_done: int,
    max_retries: int,
    policy: RetryPolicy,
    safe: bool,
    now: float,
    random: Callable[[], float],
    response: httpx.Response | None = None,
    error: BaseException | None = None,
) -> RetryDecision:
    """Decide whether to send `request` again after `response` or transport `error`."""
    if retries_done >= max_retries:
        return RetryDecision(False, reason="retries exhausted")
    if error is not None:
        kind = classify_exception(error)
        reason = type(error).__name__
    elif response is not None:
        kind = classify_status(response.status_code)
        reason = f"HTTP {response.status_code}"
    else:  # pragma: no cover - programming error
        raise ValueError("decide_retry needs a response or an error")
    if kind is None:
        return RetryDecision(False, reason=f"{reason} is not retryable")
    if kind == "maybe_applied" and not safe:
        return RetryDecision(False, reason=f"{reason} after sending a request that is not retry-safe")
    if not _replayable(request) and not isinstance(
        error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
    ):
        return RetryDecision(False, reason=f"{reason} and the request body cannot be replayed")
    delay = backoff_delay(retries_done + 1, policy, random)
    if response is not None:
        wait = server_requested_wait(response.headers, now=now, status_code=response.status_code)
        if wait is not None:
            if wait > policy.max_wait:
                return RetryDecision(
                    False, reason=f"{reason}: server asks to wait {wait:.0f} s (longer than max_wait)"
                )
            delay = wait
    return RetryDecision(True, delay=delay, reason=reason)
