"""Errors raised by the Mautic client.

    MauticError
    ├── APIStatusError                 .status_code .errors .response .body
    │   ├── BadRequestError            400
    │   ├── AuthenticationError        401 (and an OAuth2 token request the server refused)
    │   ├── PermissionDeniedError      403
    │   ├── NotFoundError              404
    │   ├── UnprocessableEntityError   422
    │   ├── RateLimitError             429 (.resets_at, .retry_after)
    │   └── InternalServerError        5xx
    ├── APIConnectionError             no answer (DNS, refused, reset, TLS ...)
    │   └── APITimeoutError
    └── APIResponseValidationError     an answer that does not match the spec

`make_status_error(response)` is the one place that maps an HTTP answer to a class. It reads every
envelope Mautic sends: `{"errors":[{"code","message","details"?,"type"?}]}` (controller and framework
errors), the rate limiter's literal 429 text (served as text/html), OAuth `{"error": ...}`, the 2.x
`{"error": {...}}` object, HTML pages and JSON buried after HTML (PHP warnings before the body).
Messages and reprs never contain this client's credentials: its known secret values (password, base64
Basic credentials, client secret, tokens) are masked wherever they appear. The server's own text is
otherwise kept as Mautic wrote it ("Basic Auth disabled ...", "token: This value is not valid."); the
texts of transport errors also get credential-looking fragments (`Bearer eyJ…`, `password=…`) masked.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

import httpx

from ._logging import mask_secrets, redact_text, redact_url
from ._retry import server_requested_wait

if TYPE_CHECKING:
    from ._results import BatchResult

__all__ = [
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ErrorDetail",
    "InternalServerError",
    "MauticError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "connection_error",
    "decode_body",
    "make_status_error",
    "parse_errors",
    "raise_for_status",
]

_MAX_MESSAGE = 300


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of Mautic's `errors` list.

    `details` is what the server sent, made immutable: a mapping of field name to messages for form
    validation errors (`{"email": ("foo is invalid.",)}`), a tuple of strings otherwise (often empty).
    """

    message: str
    code: int | None = None
    details: Mapping[str, tuple[str, ...]] | tuple[str, ...] = ()
    type: str | None = None

    @property
    def field_errors(self) -> Mapping[str, tuple[str, ...]]:
        """Validation messages by field (empty when the server sent none)."""
        return self.details if isinstance(self.details, Mapping) else MappingProxyType({})

    def __str__(self) -> str:
        return self.message


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _messages(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Mapping):
        return tuple(m for v in value.values() for m in _messages(v))
    if isinstance(value, (list, tuple)):
        return tuple(m for v in value for m in _messages(v))
    return (str(value),)


def _details(value: object) -> Mapping[str, tuple[str, ...]] | tuple[str, ...]:
    if isinstance(value, Mapping) and value:
        flat: dict[str, tuple[str, ...]] = {}

        def walk(prefix: str, node: object) -> None:
            if isinstance(node, Mapping) and node and not all(isinstance(k, int) for k in node):
                for key, child in node.items():
                    walk(f"{prefix}.{key}" if prefix else str(key), child)
            else:
                flat[prefix] = _messages(node)

        walk("", value)
        return MappingProxyType(flat)
    return _messages(value)


def _detail_from(item: object, default_code: int | None) -> ErrorDetail | None:
    if isinstance(item, str):
        return ErrorDetail(message=item, code=default_code)
    if not isinstance(item, Mapping):
        return None
    message = item.get("message")
    if not isinstance(message, str):
        message = item.get("error_description") or item.get("error") or ""
        message = message if isinstance(message, str) else ""
    kind = item.get("type")
    if not isinstance(kind, str):
        kind = item.get("error") if isinstance(item.get("error"), str) and "message" not in item else None
    code = _as_int(item.get("code"))
    return ErrorDetail(
        message=message,
        code=code if code is not None else default_code,
        details=_details(item.get("details")),
        type=kind if isinstance(kind, str) else None,
    )


def parse_errors(body: object, status_code: int | None = None) -> tuple[ErrorDetail, ...]:
    """The error entries of a decoded response body (empty when it has none)."""
    if not isinstance(body, Mapping):
        return ()
    raw = body.get("errors")
    if raw is None and "error" in body:
        error = body["error"]
        # OAuth2 answers that ApiSubscriber did not rewrite, and the 2.x {"error": {...}} envelope.
        raw = [error] if isinstance(error, Mapping) else [body]
    if isinstance(raw, Mapping):
        raw = list(raw.values())
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return ()
    details = (_detail_from(item, status_code) for item in raw)
    return tuple(d for d in details if d is not None)


_EMBEDDED_JSON = re.compile(r"""\{\s*"errors?"\s*:""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.I | re.S)


def decode_body(response: httpx.Response) -> object:
    """JSON when the body holds some (whatever its Content-Type), else the text, else None."""
    try:
        text = response.text
    except httpx.ResponseNotRead:
        return None
    if not text.strip():
        return None
    try:
        return json.loads(text)
    except ValueError:
        pass
    match = _EMBEDDED_JSON.search(text)
    if match is not None:
        try:
            value, _ = json.JSONDecoder().raw_decode(text, match.start())
        except ValueError:
            value = None
        if isinstance(value, dict):
            return value
    return text


def _text_summary(text: str) -> str:
    title = _TITLE.search(text)
    if title is not None and title.group(1).strip():
        text = title.group(1)
    else:
        text = _TAG.sub(" ", _SCRIPT.sub(" ", text))
    text = " ".join(text.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _where(request: httpx.Request | None) -> str:
    return f" ({request.method} {request.url.path})" if request is not None else ""


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        return None


class MauticError(Exception):
    """Base class of every error this client raises.

    When a batch call (`create_many`, `update_many`, `replace_many`, `delete_many`) stops at a failed
    request, its error also carries `partial`: a `BatchResult` of the items whose requests were answered
    (in input order), and `unsent_from`: the input index from which no item was sent. Its note says
    whether the failed request itself was applied, not applied, or may have been.
    """

    partial: BatchResult | None = None
    unsent_from: int | None = None

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class APIStatusError(MauticError):
    """The server answered with an error status (or a redirect, which the client does not follow).

    `retry_after`: the seconds the server asked to wait before trying again (`Retry-After`; on a 429
    also `X-RateLimit-Reset`), None when it did not say.
    """

    response: httpx.Response
    status_code: int
    errors: tuple[ErrorDetail, ...]
    body: object
    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object = None,
        errors: Iterable[ErrorDetail] = (),
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.errors = tuple(errors)
        self.retry_after = retry_after

    @property
    def error(self) -> ErrorDetail | None:
        """The first error entry, if any."""
        return self.errors[0] if self.errors else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"


class BadRequestError(APIStatusError):
    """400: the request was malformed or failed validation (see `.errors[0].field_errors`)."""


class AuthenticationError(APIStatusError):
    """401: missing or invalid credentials; also an OAuth2 token request the server refused (400)."""


class PermissionDeniedError(APIStatusError):
    """403: the user lacks the permission, or the API / Basic auth is disabled in Mautic's settings."""


class NotFoundError(APIStatusError):
    """404: no such contact (or route)."""


class UnprocessableEntityError(APIStatusError):
    """422: a unique field (e.g. email) already belongs to another contact."""


class RateLimitError(APIStatusError):
    """429: Mautic's API rate limiter refused the call; `.resets_at` says when calls are allowed again."""

    resets_at: datetime | None
    limit: int | None
    remaining: int | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object = None,
        errors: Iterable[ErrorDetail] = (),
        retry_after: float | None = None,
        resets_at: datetime | None = None,
        limit: int | None = None,
        remaining: int | None = None,
    ) -> None:
        super().__init__(message, response=response, body=body, errors=errors, retry_after=retry_after)
        self.resets_at = resets_at
        self.limit = limit
        self.remaining = remaining


class InternalServerError(APIStatusError):
    """5xx: the server failed (Mautic also answers 500 for a batch over 200 items and bad SQL columns).

    A 503 that asks for a longer wait than the retry policy's `max_wait` says when to try again
    (`.retry_after`, and in the message)."""


class APIConnectionError(MauticError):
    """No HTTP answer: DNS failure, connection refused or reset, TLS error, ..."""

    request: httpx.Request | None

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (see the client's `timeout`)."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(MauticError):
    """The server answered something that does not match the API description."""

    response: httpx.Response | None
    body: object

    def __init__(self, message: str, *, response: httpx.Response | None = None, body: object = None) -> None:
        super().__init__(message)
        self.response = response
        self.body = body

    @property
    def status_code(self) -> int | None:
        return None if self.response is None else self.response.status_code


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _error_class(status_code: int) -> type[APIStatusError]:
    if status_code in _STATUS_CLASSES:
        return _STATUS_CLASSES[status_code]
    if status_code >= 500:
        return InternalServerError
    return APIStatusError


def _header_int(headers: httpx.Headers, name: str) -> int | None:
    return _as_int(headers.get(name))


def _status_message(
    response: httpx.Response, body: object, errors: tuple[ErrorDetail, ...], prefix: str
) -> str:
    head = f"{prefix}{response.status_code} {response.reason_phrase}".strip()
    if errors and errors[0].message:
        text = errors[0].message
        if len(errors) > 1:
            text += f" (+{len(errors) - 1} more)"
    elif isinstance(body, str):
        text = _text_summary(body)
        if _same_words(text, f"{response.status_code} {response.reason_phrase}"):
            text = ""  # an error page titled "502 Bad Gateway" says nothing more than the status
    else:
        text = ""
    return f"{head}: {text}" if text else head


def _same_words(text: str, status: str) -> bool:
    words = re.findall(r"\w+", text.casefold())
    expected = re.findall(r"\w+", status.casefold())
    return words in (expected, expected[1:], expected[:1])


def _redacted(detail: ErrorDetail, secrets: tuple[str, ...]) -> ErrorDetail:
    # Server text: only our own secrets are masked (patterns would garble Mautic's messages).
    details: Mapping[str, tuple[str, ...]] | tuple[str, ...]
    if isinstance(detail.details, Mapping):
        details = MappingProxyType(
            {k: tuple(mask_secrets(m, secrets) for m in v) for k, v in detail.details.items()}
        )
    else:
        details = tuple(mask_secrets(m, secrets) for m in detail.details)
    return ErrorDetail(mask_secrets(detail.message, secrets), detail.code, details, detail.type)


def make_status_error(
    response: httpx.Response,
    *,
    secrets: Iterable[str] = (),
    now: float | None = None,
    prefix: str = "",
    error_class: type[APIStatusError] | None = None,
) -> APIStatusError:
    """The error for an HTTP error answer (the response must have been read).

    `secrets` (passwords, tokens) are masked in the message and in `.errors`; `.body` keeps the raw data.
    The server's text is not otherwise altered.
    """
    secrets = tuple(secrets)
    body = decode_body(response)
    errors = tuple(_redacted(d, secrets) for d in parse_errors(body, response.status_code))
    if 300 <= response.status_code < 400:
        message = _redirect_message(response, prefix)
    else:
        message = _status_message(response, body, errors, prefix)
    where = _where(_request_of(response))
    cls = error_class or _error_class(response.status_code)
    now = time.time() if now is None else now
    if not issubclass(cls, RateLimitError):
        wait = server_requested_wait(response.headers, now=now, status_code=response.status_code)
        if wait is not None:
            at = f"{datetime.fromtimestamp(now + wait, tz=UTC):%Y-%m-%d %H:%M:%S} UTC"
            message = f"{message.rstrip('.')}; the server asks to retry in {wait:.0f} s ({at})"
        return cls(
            mask_secrets(message + where, secrets),
            response=response,
            body=body,
            errors=errors,
            retry_after=wait,
        )
    wait = server_requested_wait(response.headers, now=now, status_code=429)
    resets_at = None if wait is None else datetime.fromtimestamp(now + wait, tz=UTC)
    message = message.rstrip(".")
    if wait is not None and resets_at is not None:
        message += f"; the limit resets at {resets_at:%Y-%m-%d %H:%M:%S} UTC (in {wait:.0f} s)"
    else:
        message += "; the server did not say when the limit resets"
    return cls(
        mask_secrets(message + where, secrets),
        response=response,
        body=body,
        errors=errors,
        retry_after=wait,
        resets_at=resets_at,
        limit=_header_int(response.headers, "x-ratelimit-limit"),
        remaining=_header_int(response.headers, "x-ratelimit-remaining"),
    )


def _redirect_message(response: httpx.Response, prefix: str) -> str:
    head = f"{prefix}{response.status_code} {response.reason_phrase}".strip()
    location = response.headers.get("location")
    if not location:
        return f"{head}: the server redirects without saying where (redirects are not followed)"
    try:
        target = redact_url(response.request.url.join(location))
    except (RuntimeError, httpx.InvalidURL):
        try:
            target = redact_url(location)
        except httpx.InvalidURL:
            target = location
    return (
        f"{head}: the server redirects to {target}; redirects are not followed (they can drop the "
        "credentials or turn a POST into a GET): if Mautic moved, e.g. to https, use its new address "
        "as the client's URL"
    )


def raise_for_status(response: httpx.Response, *, secrets: Iterable[str] = ()) -> None:
    """Raise the matching `APIStatusError` for a 4xx/5xx answer; do nothing otherwise."""
    if response.status_code >= 400:
        raise make_status_error(response, secrets=secrets)


def connection_error(exc: httpx.TransportError, *, secrets: Iterable[str] = ()) -> APIConnectionError:
    """Wrap an httpx transport error (raise it `from exc`)."""
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:
        request = None
    detail = redact_text(str(exc), secrets)
    kind = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        message = f"Request timed out ({kind}{': ' + detail if detail else ''}){_where(request)}"
        return APITimeoutError(message, request=request)
    return APIConnectionError(
        f"Connection error ({kind}{': ' + detail if detail else ''}){_where(request)}", request=request
    )
