"""Request/response logging on `logging.getLogger("mautic_contacts")`, with secrets redacted.

DEBUG: one line per request and per response (method, URL with secret-looking query values masked,
status, time; headers with Authorization/Cookie masked). INFO: retries. Bodies are never logged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

import httpx

__all__ = [
    "REDACTED",
    "log_request",
    "log_response",
    "log_retry",
    "logger",
    "redact_headers",
    "redact_text",
    "redact_url",
]

logger = logging.getLogger("mautic_contacts")

REDACTED = "[redacted]"
_SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token"}
)
_SENSITIVE_NAME = re.compile(r"token|secret|password|passwd|pwd|api[_-]?key|auth|code|session", re.I)
# Credentials that might show up inside free text (server messages, exception texts).
_TEXT_PATTERNS = (
    re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{4,}"),
    re.compile(
        r"""(?ix)
        (["']?(?:access_token|refresh_token|client_secret|password|passwd|secret|token)["']?
         \s*[:=]\s*["']?)
        ([^"'&\s,;}]+)
        """
    ),
)
# A secret shorter than this would redact ordinary text when replaced by value.
_MIN_SECRET_LENGTH = 4


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Mask known secret values and credential-looking fragments (`Bearer …`, `password=…`)."""
    for secret in sorted({s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _TEXT_PATTERNS[0].sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    return _TEXT_PATTERNS[1].sub(lambda m: f"{m.group(1)}{REDACTED}", text)


def redact_headers(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    """Headers with credential headers masked."""
    items = headers.multi_items() if isinstance(headers, httpx.Headers) else list(headers.items())
    return {name: (REDACTED if name.lower() in _SENSITIVE_HEADERS else value) for name, value in items}


def redact_url(url: httpx.URL | str) -> str:
    """The URL without user info, with secret-looking query parameters masked."""
    parsed = httpx.URL(url) if isinstance(url, str) else url
    if parsed.userinfo:
        parsed = parsed.copy_with(username=None, password=None)
    if parsed.query:
        params: list[tuple[str, str | int | float | bool | None]] = [
            (name, REDACTED if _SENSITIVE_NAME.search(name) else value)
            for name, value in parsed.params.multi_items()
        ]
        parsed = parsed.copy_with(params=httpx.QueryParams(params))
    return str(parsed)


def _describe(request: httpx.Request) -> str:
    return f"{request.method} {redact_url(request.url)}"


def log_request(request: httpx.Request, attempt: int) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        suffix = f" (retry {attempt})" if attempt else ""
        logger.debug(
            "HTTP request: %s%s headers=%s", _describe(request), suffix, redact_headers(request.headers)
        )


def log_response(request: httpx.Request, response: httpx.Response, elapsed: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "HTTP response: %s -> %d %s in %.0f ms headers=%s",
            _describe(request),
            response.status_code,
            response.reason_phrase,
            elapsed * 1000,
            redact_headers(response.headers),
        )


def log_retry(request: httpx.Request, reason: str, delay: float, retry: int, max_retries: int) -> None:
    logger.info(
        "Retrying %s in %.2f s after %s (retry %d of %d)",
        _describe(request),
        delay,
        reason,
        retry,
        max_retries,
    )
