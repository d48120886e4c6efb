"""`Mautic` and `AsyncMautic`: configuration, the HTTP stack, and running operations.

The HTTP stack of a client, outermost first:

    generated function (mautic_contacts_client.api...)   builds the URL, parses the answer
    httpx.Client / AsyncClient (ours)                     base URL, auth flow (Basic / OAuth2), headers
    RetryTransport / AsyncRetryTransport                  timeouts, retries, logging
    your transport, your http_client, or httpx's own      the network (or the fake, in-process)
"""

from __future__ import annotations

import asyncio
import contextvars
import copy
import inspect
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Generic, Self, TypeVar

import anyio
import httpx
from mautic_contacts_client import AuthenticatedClient
from mautic_contacts_client.types import Response

from ._auth import TokenCallback
from ._batching import BATCH_LIMIT, BatchItem
from ._borrowed import (
    AsyncBorrowedClient,
    AsyncBorrowedTransport,
    AsyncOwnedClient,
    BorrowedClient,
    BorrowedTransport,
    OwnedClient,
)
from ._chunks import BatchRequest, ChunkRun
from ._config import ClientConfig, resolve_config
from ._contact import Contact
from ._exceptions import MauticError
from ._operation import CallState, Operation
from ._operations import KeysetPages
from ._prefetch import build_off_loop, iterate_ahead, iterate_ahead_async
from ._resources import AsyncContacts, Contacts
from ._retry import RetryPolicy
from ._transport import (
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    AsyncRetryTransport,
    NotGiven,
    RetryTransport,
    TimeoutTypes,
    to_timeout,
)
from ._version import user_agent

__all__ = ["AsyncMautic", "Mautic"]

T = TypeVar("T")
R = TypeVar("R", bound="Contacts | AsyncContacts")


_HTTPX_DEFAULTS = httpx.Headers(
    {"Accept": "*/*", "Connection": "keep-alive", "User-Agent": f"python-httpx/{httpx.__version__}"}
)


_CREDENTIALS = ("username", "password", "client_id", "client_secret", "access_token", "refresh_token")


def _check_retries(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {value!r}")
    return value


def _check_batch_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= BATCH_LIMIT:
        raise ValueError(f"batch_size must be an int between 1 and {BATCH_LIMIT}, got {value!r}")
    return value


@dataclass(frozen=True)
class _Settings:
    """Constructor arguments, resolved and checked (shared by the sync and async clients)."""

    config: ClientConfig
    auth: httpx.Auth
    policy: RetryPolicy
    timeout: httpx.Timeout
    headers: httpx.Headers
    batch_size: int

    @classmethod
    def from_arguments(cls, args: Mapping[str, Any]) -> _Settings:
        """Check a client constructor's arguments (its `locals()` on entry)."""
        if args["transport"] is not None and args["http_client"] is not None:
            raise ValueError("pass transport= or http_client=, not both")
        config = resolve_config(args["url"], **{name: args[name] for name in _CREDENTIALS})
        retry_policy = args["retry_policy"]
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise TypeError("retry_policy must be a RetryPolicy")
        policy = retry_policy or RetryPolicy()
        if args["max_retries"] is not None:
            policy = replace(policy, max_retries=_check_retries(args["max_retries"]))
        headers = httpx.Headers({"User-Agent": user_agent(), "Accept": "application/json"})
        borrowed = args["http_client"]
        if isinstance(borrowed, (httpx.Client, httpx.AsyncClient)):
            # Copy what the caller set, not the defaults every httpx client carries.
            headers.update({k: v for k, v in borrowed.headers.items() if _HTTPX_DEFAULTS.get(k) != v})
        if args["headers"] is not None:
            headers.update(args["headers"])
        if "authorization" in headers:
            raise ValueError("pass credentials as arguments, not as an Authorization header")
        timeout = args["timeout"]
        return cls(
            config=config,
            auth=config.build_auth(on_token=args["on_token"], user_agent=headers["User-Agent"]),
            policy=policy,
            timeout=DEFAULT_TIMEOUT if timeout is NOT_GIVEN else to_timeout(timeout),
            headers=headers,
            batch_size=_check_batch_size(args["batch_size"]),
        )

    def http_options(self) -> dict[str, Any]:
        """Arguments of our httpx.Client / AsyncClient (the transport aside)."""
        return {
            "base_url": self.config.api_url,
            "auth": self.auth,
            "headers": self.headers,
            "timeout": self.timeout,
            "follow_redirects": False,
        }

    def secrets(self) -> tuple[str, ...]:
        live = getattr(self.auth, "secrets", ())
        return tuple(self.config.secrets) + tuple(live)

    def generated(self) -> AuthenticatedClient:
        # The token is never sent: the httpx client set on it brings the real auth flow.
        return AuthenticatedClient(base_url=self.config.api_url, token="", timeout=self.timeout)


class _BaseClient(Generic[R]):
    """What `Mautic` and `AsyncMautic` share: everything that is not I/O."""

    contacts: R
    _settings: _Settings
    _state: CallState
    _options: dict[str, Any]
    _http: httpx.Client | httpx.AsyncClient

    def _setup(self, settings: _Settings, generated: AuthenticatedClient) -> None:
        self._settings = settings
        self._state = CallState(generated, settings.secrets)
        self._options = {}
        self.contacts = self._bind()

    def _bind(self) -> R:
        raise NotImplementedError  # pragma: no cover

    @property
    def server_version(self) -> str | None:
        """The `Mautic-Version` header of the latest answer (None before the first call)."""
        return self._state.server_version

    @property
    def last_response(self) -> httpx.Response | None:
        """The final HTTP answer of the latest call made through this client by this thread or asyncio
        task (after retries; also set when the call raised an API error). Read status and headers here."""
        return self._state.last_response.get()

    @property
    def generated_client(self) -> AuthenticatedClient:
        """The generated client with this client's auth, timeouts, retries and logging.

        Pass it to any generated `*_detailed` function (`Mautic`: `sync_detailed`; `AsyncMautic`:
        `asyncio_detailed`); those return the generated `Response` without raising typed errors. Prefer
        `call()` for that.
        """
        generated: AuthenticatedClient = self._state.generated
        return generated

    @property
    def base_url(self) -> str:
        """The API base URL (`{site}/api`)."""
        return self._settings.config.api_url

    @property
    def batch_size(self) -> int:
        return self._settings.batch_size

    def _check_open(self) -> None:
        if self._http.is_closed:
            raise MauticError(
                f"this {type(self).__name__} client is closed (close() was called or its `with` block "
                "ended, here or on a with_options() copy); create a new client"
            )

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy whose calls use another timeout and/or retry count; it shares the connection pool,
        the credentials and the tokens with this client (closing either closes both)."""
        options = dict(self._options)
        if timeout is not NOT_GIVEN:
            options["timeout"] = to_timeout(timeout)
        if max_retries is not NOT_GIVEN:
            options["max_retries"] = _check_retries(max_retries)
        clone = copy.copy(self)
        clone._options = options
        clone.contacts = clone._bind()
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self._settings.config.site_url!r}, auth={self._settings.auth!r})"


class Mautic(_BaseClient[Contacts]):
    """A Mautic Contacts API client.

        m = Mautic("https://mautic.example.com", username="u", password="p")   # HTTP Basic
        m = Mautic(url, client_id="...", client_secret="...")                  # OAuth2 client credentials
        m = Mautic(url, access_token="...", refresh_token="...", client_id="...", client_secret="...")
        m = Mautic()                # MAUTIC_URL, MAUTIC_USERNAME/PASSWORD or MAUTIC_CLIENT_ID/SECRET

    `timeout`: seconds or an `httpx.Timeout` (default 30 s, 5 s to connect; None: no limit).
    `max_retries` / `retry_policy`: see "Retries and timeouts" in the README. `transport`: any httpx
    transport (e.g. `FakeMautic(...).transport()`); `http_client`: your own `httpx.Client` (its
    transport, proxies, TLS settings and event hooks are used; base URL, auth, timeouts and retries
    are this client's). Neither is closed by `close()`. `on_token` receives every new OAuth2 token.
    `batch_size`: items per batch request (lower it if your server's `api_batch_max_limit` is < 200).
    """

    _http: httpx.Client

    def __init__(
        self,
        url: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        on_token: TokenCallback | None = None,
        headers: Mapping[str, str] | None = None,
        batch_size: int = BATCH_LIMIT,
    ) -> None:
        settings = _Settings.from_arguments(locals())
        inner: httpx.BaseTransport
        if http_client is not None:
            inner = BorrowedClient(http_client)
        elif transport is not None:
            inner = BorrowedTransport(transport)
        else:
            inner = OwnedClient()
        retrying = RetryTransport(inner, policy=settings.policy, timeout=settings.timeout)
        self._http = httpx.Client(**settings.http_options(), transport=retrying)
        self._setup(settings, settings.generated().set_httpx_client(self._http))

    def _bind(self) -> Contacts:
        return Contacts(self)

    def _run(self, op: Operation[T]) -> T:
        self._check_open()
        state = self._state
        with state.scope(self._options) as capture:
            try:
                if op.module is None:  # call(): the generated function does everything
                    result = op.sync(client=state.generated, **op.kwargs)
                else:
                    response = state.generated.get_httpx_client().request(**state.request_kwargs(op))
                    result = state.build(op, response)
            except Exception as exc:
                state.fail(op, capture.response, exc)
            return state.settle(op, capture.response, result)

    def _run_chunks(self, requests: list[BatchRequest], concurrency: int = 1) -> list[BatchItem[Contact]]:
        """The requests one at a time in this thread, or up to `concurrency` at a time from worker
        threads (see `ChunkRun`)."""
        run = ChunkRun(requests)
        lock = threading.Lock()

        def worker() -> None:
            while True:
                with lock:
                    index = run.take()
                if index is None:
                    return
                try:
                    chunk: list[BatchItem[Contact]] = self._run(requests[index].op)
                except Exception as exc:
                    with lock:
                        run.failures[index] = exc
                else:
                    run.results[index] = chunk

        workers = min(concurrency, len(requests))
        if workers <= 1:
            worker()
            return run.outcome()
        with ThreadPoolExecutor(workers, thread_name_prefix="mautic-contacts-batch") as pool:
            for future in [pool.submit(contextvars.copy_context().run, worker) for _ in range(workers)]:
                future.result()
        return run.outcome()

    def _iterate(self, pages: KeysetPages, *, prefetch: bool = True) -> Iterator[Contact]:
        self._check_open()
        if prefetch:
            yield from iterate_ahead(self, pages, lambda: self._iterate(pages, prefetch=False))
            return
        while (op := pages.next()) is not None:
            yield from pages.feed(self._run(op))

    def _send(self, op: Operation[Any]) -> httpx.Response:
        """Only the HTTP exchange of `op` (retries included); `CallState.build` parses the answer."""
        self._check_open()
        state = self._state
        with state.scope(self._options) as capture:
            try:
                response: httpx.Response = state.generated.get_httpx_client().request(
                    **state.request_kwargs(op)
                )
            except Exception as exc:
                state.fail(op, capture.response, exc)
            return response

    def call(self, fn: Callable[..., Response[T]], /, **kwargs: Any) -> Response[T]:
        """Call any generated `sync_detailed` function with this client; HTTP errors raise typed errors.

        from mautic_contacts_client.api.contacts import get_contact
        response = m.call(get_contact.sync_detailed, id=5)   # response.parsed: ContactResponse
        """
        if inspect.iscoroutinefunction(fn):
            raise TypeError("Mautic.call() takes a generated sync_detailed function, not asyncio_detailed")
        op: Operation[Response[T]] = Operation(
            getattr(fn, "__module__", "call"), fn, _not_async, kwargs, lambda result, response: result
        )
        return self._run(op)

    def close(self) -> None:
        """Close the connection pool (not a `transport` or `http_client` you passed in)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncMautic(_BaseClient[AsyncContacts]):
    """The asyncio twin of `Mautic`: the same constructor and methods, awaitable.

    `transport` must be an `httpx.AsyncBaseTransport` and `http_client` an `httpx.AsyncClient`.
    """

    _http: httpx.AsyncClient

    def __init__(
        self,
        url: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        on_token: TokenCallback | None = None,
        headers: Mapping[str, str] | None = None,
        batch_size: int = BATCH_LIMIT,
    ) -> None:
        settings = _Settings.from_arguments(locals())
        inner: httpx.AsyncBaseTransport
        if http_client is not None:
            inner = AsyncBorrowedClient(http_client)
        elif transport is not None:
            inner = AsyncBorrowedTransport(transport)
        else:
            inner = AsyncOwnedClient()
        retrying = AsyncRetryTransport(inner, policy=settings.policy, timeout=settings.timeout)
        self._http = httpx.AsyncClient(**settings.http_options(), transport=retrying)
        self._setup(settings, settings.generated().set_async_httpx_client(self._http))

    def _bind(self) -> AsyncContacts:
        return AsyncContacts(self)

    async def _run(self, op: Operation[T]) -> T:
        self._check_open()
        state = self._state
        with state.scope(self._options) as capture:
            try:
                if op.module is None:  # call(): the generated function does everything
                    result = await op.asyncio(client=state.generated, **op.kwargs)
                else:
                    response = await state.generated.get_async_httpx_client().request(
                        **state.request_kwargs(op)
                    )
                    result = await build_off_loop(state, op, response)
            except Exception as exc:
                state.fail(op, capture.response, exc)
            return state.settle(op, capture.response, result)

    async def _run_chunks(
        self, requests: list[BatchRequest], concurrency: int = 1
    ) -> list[BatchItem[Contact]]:
        """The requests one at a time in this task, or up to `concurrency` at a time as tasks of this
        event loop (see `ChunkRun`)."""
        run = ChunkRun(requests)

        async def worker() -> None:
            while (index := run.take()) is not None:
                try:
                    chunk: list[BatchItem[Contact]] = await self._run(requests[index].op)
                except Exception as exc:
                    run.failures[index] = exc
                else:
                    run.results[index] = chunk

        workers = min(concurrency, len(requests))
        if workers <= 1:
            await worker()
            return run.outcome()
        async with anyio.create_task_group() as group:
            for _ in range(workers):
                group.start_soon(worker)
        return run.outcome()

    async def _iterate(self, pages: KeysetPages, *, prefetch: bool = True) -> AsyncIterator[Contact]:
        self._check_open()
        if prefetch and _asyncio_running():
            async for contact in iterate_ahead_async(
                self, pages, lambda: self._iterate(pages, prefetch=False)
            ):
                yield contact
            return
        while (op := pages.next()) is not None:
            for contact in pages.feed(await self._run(op)):
                yield contact

    async def _send(self, op: Operation[Any]) -> httpx.Response:
        """See `Mautic._send`."""
        self._check_open()
        state = self._state
        with state.scope(self._options) as capture:
            try:
                response: httpx.Response = await state.generated.get_async_httpx_client().request(
                    **state.request_kwargs(op)
                )
            except Exception as exc:
                state.fail(op, capture.response, exc)
            return response

    async def call(self, fn: Callable[..., Awaitable[Response[T]]], /, **kwargs: Any) -> Response[T]:
        """Call any generated `asyncio_detailed` function with this client; HTTP errors raise typed errors."""
        if not inspect.iscoroutinefunction(fn):
            raise TypeError("AsyncMautic.call() takes a generated asyncio_detailed function")
        op: Operation[Response[T]] = Operation(
            getattr(fn, "__module__", "call"), _not_sync, fn, kwargs, lambda result, response: result
        )
        return await self._run(op)

    async def close(self) -> None:
        """Close the connection pool (not a `transport` or `http_client` you passed in)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def _asyncio_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # another event loop library (trio)
        return False
    return True


def _not_async(**kwargs: Any) -> Awaitable[Response[Any]]:  # pragma: no cover - never called
    raise TypeError("Mautic.call() takes a generated sync_detailed function")


def _not_sync(**kwargs: Any) -> Response[Any]:  # pragma: no cover - never called
    raise TypeError("AsyncMautic.call() takes a generated asyncio_detailed function")
