"""Request/response logging on `logging.getLogger("mautic_contacts")`, with secrets redacted.

DEBUG: one line per request and per response (method, URL with secret-looking query values masked,
status, time; headers with Authorization/Cookie masked). INFO: retries. Bodies are never logged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote, quote_plus

import httpx

__all__ = [
    "REDACTED",
    "log_request",
    "log_response",
    "log_retry",
    "logger",
    "mask_secrets",
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
# Credentials that might show up in transport and exception texts (never applied to what the server
# says: Mautic's own messages name "Basic auth" and fields called `token`, see `mask_secrets`).
# `Basic …` / `Bearer …` followed by something credential-like (see `_credential_like`).
_AUTH_SCHEME = re.compile(r"(?i)\b(bearer|basic)(\s+)([A-Za-z0-9._~+/=-]{8,})")
# `"password": "x"`, `'token': 'x'`, `password=x`: the value is masked, whatever it looks like.
_ASSIGNED = re.compile(
    r"""(?ix)
    (["'](?:access_token|refresh_token|client_secret|password|passwd|secret|token)["']\s*[:=]\s*["']?
     |\b(?:access_token|refresh_token|client_secret|password|passwd|secret|token)\s*=\s*["']?)
    ([^"'&\s,;}]+)
    """
)
# `password: x` (free text, unquoted name and a colon): masked only when x looks like a credential,
# so that "token: This value is not valid." stays readable.
_LABELLED = re.compile(
    r"(?i)\b((?:access_token|refresh_token|client_secret|password|passwd|secret|token)\s*:\s*)"
    r"([^\"'&\s,;}]+)"
)
_CREDENTIAL_MARKS = frozenset("0123456789+/=_~")
# A secret shorter than this would redact ordinary text when replaced by value.
_MIN_SECRET_LENGTH = 4
_MIN_CREDENTIAL_LENGTH = 8


def _credential_like(token: str) -> bool:
    """Whether a word looks like a token or base64 credentials rather than an ordinary word.

    At least 8 characters with a digit or one of `+/=_~`, or mixed case past the first letter
    (`dXNlcjpwYXNz`); "Auth", "authentication", "Authentication" or "AUTHENTICATION" are words.
    """
    if len(token) < _MIN_CREDENTIAL_LENGTH:
        return False
    if any(c in _CREDENTIAL_MARKS for c in token):
        return True
    rest = token[1:]
    return any(c.isupper() for c in rest) and any(c.islower() for c in token)


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """Mask the known secret values (passwords, tokens) of this client, and nothing else.

    For text the server wrote (error messages, validation details): it is shown as Mautic wrote it,
    except for a secret of ours it might echo, as sent or as a form, a URL or JSON would encode it (a
    proxy or a debug page may echo the token request's form body).
    """
    forms: set[str] = set()
    for secret in secrets:
        if secret and len(secret) >= _MIN_SECRET_LENGTH:
            forms.update((secret, quote_plus(secret), quote(secret, safe=""), secret.replace("/", "\\/")))
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, REDACTED)
    return text


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Mask known secret values and credential-looking fragments (`Bearer eyJhbGci…`,
    `password=…`, `"access_token": "…"`).

    For transport and exception texts, where a credential that is not one of ours could show up;
    text the server wrote goes through `mask_secrets` instead.
    """
    text = mask_secrets(text, secrets)

    def scheme(match: re.Match[str]) -> str:
        if not _credential_like(match.group(3)):
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{REDACTED}"

    def labelled(match: re.Match[str]) -> str:
        if not _credential_like(match.group(2)):
            return match.group(0)
        return f"{match.group(1)}{REDACTED}"

    text = _AUTH_SCHEME.sub(scheme, text)
    text = _ASSIGNED.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    return _LABELLED.sub(labelled, text)


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
