"""httpx transport wrappers that add timeouts, retries and logging to any transport.

They sit under every request the client sends (generated functions, OAuth2 token requests) and wrap any
inner transport: httpx's own, a user's, or the fake Mautic's in-process transport.

Per-call settings travel in a context variable (`request_options(...)`), not on the client, because the
generated client's `with_timeout()` mutates the shared httpx client. A `with request_options(timeout=5):`
block affects only the requests sent inside it (by this thread / this asyncio task).
"""

from __future__ import annotations

import random as _random
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from enum import Enum
from typing import Final, TypeAlias

import anyio
import httpx

from ._logging import log_request, log_response, log_retry
from ._retry import DEFAULT_RETRY_POLICY, RetryPolicy, decide_retry, is_retry_safe

__all__ = [
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "AsyncRetryTransport",
    "NotGiven",
    "RequestOptions",
    "ResponseCapture",
    "RetryTransport",
    "TimeoutTypes",
    "capture_response",
    "current_request_options",
    "request_options",
    "to_timeout",
]

DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)


class NotGiven(Enum):
    """Marks an option that was not passed (None is a meaningful value: 'no timeout')."""

    NOT_GIVEN = "NOT_GIVEN"

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven.NOT_GIVEN
TimeoutTypes: TypeAlias = float | httpx.Timeout | None


def to_timeout(value: TimeoutTypes) -> httpx.Timeout:
    """A number means that many seconds for every phase (connect, read, write, pool); None: no limit."""
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(None)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(
            f"timeout must be a positive number of seconds, an httpx.Timeout or None, not {value!r}"
        )
    return httpx.Timeout(float(value))


@dataclass(frozen=True)
class RequestOptions:
    """Settings for the requests sent inside a `request_options()` block."""

    timeout: httpx.Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotent: bool | NotGiven = NOT_GIVEN


_NO_OPTIONS: Final = RequestOptions()
_OPTIONS: ContextVar[RequestOptions] = ContextVar("mautic_contacts_request_options", default=_NO_OPTIONS)


def current_request_options() -> RequestOptions:
    return _OPTIONS.get()


@contextmanager
def request_options(
    *,
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    idempotent: bool | NotGiven = NOT_GIVEN,
) -> Iterator[RequestOptions]:
    """Override timeout / retries / retry-safety for the requests sent in this block (nests)."""
    changes: dict[str, object] = {}
    if timeout is not NOT_GIVEN:
        changes["timeout"] = to_timeout(timeout)
    if max_retries is not NOT_GIVEN:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        changes["max_retries"] = max_retries
    if idempotent is not NOT_GIVEN:
        changes["idempotent"] = bool(idempotent)
    options = replace(_OPTIONS.get(), **changes)  # type: ignore[arg-type]
    token = _OPTIONS.set(options)
    try:
        yield options
    finally:
        _OPTIONS.reset(token)


@dataclass
class ResponseCapture:
    """Holds the last HTTP answer the transport returned inside a `capture_response()` block."""

    response: httpx.Response | None = None


_CAPTURE: ContextVar[ResponseCapture | None] = ContextVar("mautic_contacts_capture", default=None)


@contextmanager
def capture_response() -> Iterator[ResponseCapture]:
    """Keep the raw final response of the requests sent in this block (this thread / asyncio task).

    The generated functions parse bodies before returning and fail on non-JSON error pages; this lets
    the caller still build a typed error from the raw answer (and read headers such as Mautic-Version).
    """
    capture = ResponseCapture()
    token = _CAPTURE.set(capture)
    try:
        yield capture
    finally:
        _CAPTURE.reset(token)


def _record(response: httpx.Response | None) -> None:
    capture = _CAPTURE.get()
    if capture is not None:
        capture.response = response


@dataclass
class _Attempt:
    """What one request needs across its attempts (shared by the sync and async loops)."""

    request: httpx.Request
    policy: RetryPolicy
    max_retries: int
    safe: bool
    retries_done: int = 0


class _RetryCore:
    def __init__(
        self,
        *,
        policy: RetryPolicy,
        timeout: TimeoutTypes | NotGiven,
        clock: Callable[[], float],
        random: Callable[[], float],
    ) -> None:
        self.policy = policy
        self.timeout = NOT_GIVEN if timeout is NOT_GIVEN else to_timeout(timeout)
        self.clock = clock
        self.random = random

    def prepare(self, request: httpx.Request) -> _Attempt:
        options = _OPTIONS.get()
        timeout = options.timeout if options.timeout is not NOT_GIVEN else self.timeout
        if timeout is not NOT_GIVEN:
            request.extensions["timeout"] = timeout.as_dict()
        max_retries = self.policy.max_retries if options.max_retries is NOT_GIVEN else options.max_retries
        safe = is_retry_safe(request, self.policy) if options.idempotent is NOT_GIVEN else options.idempotent
        return _Attempt(request=request, policy=self.policy, max_retries=max_retries, safe=safe)

    def decide(
        self,
        attempt: _Attempt,
        *,
        response: httpx.Response | None = None,
        error: BaseException | None = None,
    ) -> float | None:
        """Seconds to sleep before the next attempt, or None to stop."""
        decision = decide_retry(
            request=attempt.request,
            retries_done=attempt.retries_done,
            max_retries=attempt.max_retries,
            policy=attempt.policy,
            safe=attempt.safe,
            now=self.clock(),
            random=self.random,
            response=response,
            error=error,
        )
        if not decision.retry:
            return None
        attempt.retries_done += 1
        log_retry(attempt.request, decision.reason, decision.delay, attempt.retries_done, attempt.max_retries)
        return decision.delay


class RetryTransport(httpx.BaseTransport):
    """Wrap a sync transport with timeouts, retries (see `_retry`) and logging.

    `timeout` (default: leave the httpx client's timeout alone) applies to every request unless a
    `request_options(timeout=...)` block overrides it. `sleep`, `clock` and `random` are injectable for
    tests.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        random: Callable[[], float] = _random.random,
    ) -> None:
        self._transport = transport if transport is not None else httpx.HTTPTransport()
        self._core = _RetryCore(policy=policy, timeout=timeout, clock=clock, random=random)
        self._sleep = sleep

    @property
    def policy(self) -> RetryPolicy:
        return self._core.policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _record(None)
        attempt = self._core.prepare(request)
        while True:
            log_request(request, attempt.retries_done)
            started = time.perf_counter()
            try:
                response = self._transport.handle_request(request)
            except httpx.TransportError as exc:
                delay = self._core.decide(attempt, error=exc)
                if delay is None:
                    raise
                self._sleep(delay)
                continue
            log_response(request, response, time.perf_counter() - started)
            delay = self._core.decide(attempt, response=response)
            if delay is None:
                _record(response)
                return response
            # Read before closing so that the connection can be reused.
            try:
                response.read()
            finally:
                response.close()
            self._sleep(delay)

    def close(self) -> None:
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of `RetryTransport` (`sleep` is awaited; default `anyio.sleep`)."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport | None = None,
        *,
        policy: RetryPolicy = DEFAULT_RETRY_POLICY,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        clock: Callable[[], float] = time.time,
        random: Callable[[], float] = _random.random,
    ) -> None:
        self._transport = transport if transport is not None else httpx.AsyncHTTPTransport()
        self._core = _RetryCore(policy=policy, timeout=timeout, clock=clock, random=random)
        self._sleep = sleep

    @property
    def policy(self) -> RetryPolicy:
        return self._core.policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _record(None)
        attempt = self._core.prepare(request)
        while True:
            log_request(request, attempt.retries_done)
            started = time.perf_counter()
            try:
                response = await self._transport.handle_async_request(request)
            except httpx.TransportError as exc:
                delay = self._core.decide(attempt, error=exc)
                if delay is None:
                    raise
                await self._sleep(delay)
                continue
            log_response(request, response, time.perf_counter() - started)
            delay = self._core.decide(attempt, response=response)
            if delay is None:
                _record(response)
                return response
            try:
                await response.aread()
            finally:
                await response.aclose()
            await self._sleep(delay)

    async def aclose(self) -> None:
        await self._transport.aclose()
