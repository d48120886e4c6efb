"""One API call as data, and turning its outcome into a result or a typed error (no I/O here).

An `Operation` names a generated `sync_detailed` / `asyncio_detailed` pair, the keyword arguments to
call it with and how to read a successful answer. `Mautic` and `AsyncMautic` send the request the
generated function would send (`request_kwargs`) and parse the answer with its parser (`build`), or, for
an operation made by `json_operation`, only decode the JSON and read it without the generated models
(batch answers: building 200 contact models is most of a batch call's work). Everything before and
after the I/O is here, shared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Generic, NoReturn, TypeVar, cast

import httpx
from mautic_contacts_client.types import Response

from ._exceptions import (
    APIResponseValidationError,
    MauticError,
    connection_error,
    decode_body,
    make_status_error,
)
from ._logging import redact_text
from ._transport import ResponseCapture, capture_response, request_options

__all__ = ["CallState", "Operation", "json_operation", "operation"]

T = TypeVar("T")
M = TypeVar("M")

# Reads the generated `Response` of a call; for a `json_operation`, the decoded JSON of its answer.
Parser = Callable[[Any, httpx.Response], T]


@dataclass(frozen=True)
class Operation(Generic[T]):
    """A generated operation with its arguments and the reader of its successful answer."""

    name: str
    sync: Callable[..., Response[Any]] = field(repr=False)
    asyncio: Callable[..., Awaitable[Response[Any]]] = field(repr=False)
    kwargs: Mapping[str, Any]
    parse: Parser[T] = field(repr=False)
    # The generated module: lets a caller send the request and parse the answer at different times
    # (`contacts.iterate(prefetch=True)`). None for `call()` operations.
    module: ModuleType | None = field(default=None, repr=False)
    # Set by `json_operation`: the success status whose answer `parse` gets as decoded JSON.
    json_status: int | None = field(default=None, repr=False)


def operation(
    module: ModuleType,
    expect: type[M] | tuple[type, ...],
    read: Callable[[M, httpx.Response], T],
    /,
    **kwargs: Any,
) -> Operation[T]:
    """An operation of a generated module (`mautic_contacts_client.api.<tag>.<op>`).

    `read` gets the parsed model (checked to be an `expect` instance) and the raw response.
    """

    def parse(result: Response[Any], response: httpx.Response) -> T:
        parsed = result.parsed
        if not isinstance(parsed, expect):
            raise TypeError(f"the answer parsed as {type(parsed).__name__}, not as the documented model")
        return read(cast(M, parsed), response)

    name = module.__name__.rsplit(".", 1)[-1]
    return Operation(name, module.sync_detailed, module.asyncio_detailed, kwargs, parse, module)


def json_operation(
    module: ModuleType,
    status: int,
    read: Callable[[Any, httpx.Response], T],
    /,
    **kwargs: Any,
) -> Operation[T]:
    """An operation of a generated module whose `status` answer is decoded but not parsed into the
    generated models: `read` gets the decoded JSON (it must check what the generated parser would) and
    the raw response. Another 2xx status is an answer the API description does not document."""

    def parse(body: Any, response: httpx.Response) -> T:
        if response.status_code != status:
            raise TypeError(f"a {response.status_code} answer is not documented for this call")
        return read(body, response)

    name = module.__name__.rsplit(".", 1)[-1]
    return Operation(
        name, module.sync_detailed, module.asyncio_detailed, kwargs, parse, module, json_status=status
    )


class CallState:
    """What a client and its `with_options()` copies share: the generated client, secrets to mask,
    the server version and the last response of each thread / asyncio task."""

    def __init__(self, generated: Any, secrets: Callable[[], tuple[str, ...]]) -> None:
        self.generated = generated
        self._secrets = secrets
        self.server_version: str | None = None
        self.last_response: ContextVar[httpx.Response | None] = ContextVar(
            "mautic_contacts_last_response", default=None
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        return self._secrets()

    @contextmanager
    def scope(self, options: Mapping[str, Any]) -> Iterator[ResponseCapture]:
        """The block one call runs in: its per-call options, and the capture of its final answer."""
        with request_options(**options), capture_response() as capture:
            yield capture

    def request_kwargs(self, op: Operation[Any]) -> dict[str, Any]:
        """The `httpx.Client.request` arguments the generated function would send for `op`."""
        if op.module is None:
            raise TypeError(f"{op.name} cannot be sent apart from its parsing")
        kwargs: dict[str, Any] = op.module._get_kwargs(**op.kwargs)
        return kwargs

    def build(self, op: Operation[Any], response: httpx.Response) -> Any:
        """The generated parse of an answer received with `request_kwargs(op)`; for a `json_operation`,
        its decoded JSON (None for another status: `settle` raises the error of an error status)."""
        assert op.module is not None
        if op.json_status is not None:
            return response.json() if response.status_code == op.json_status else None
        result: Response[Any] = op.module._build_response(client=self.generated, response=response)
        return result

    def _observe(self, response: httpx.Response) -> None:
        version = response.headers.get("Mautic-Version")
        if version:
            self.server_version = version
        self.last_response.set(response)

    def settle(self, op: Operation[T], response: httpx.Response | None, result: Any) -> T:
        """The result of a call that returned, or the typed error its answer stands for."""
        if response is None:  # pragma: no cover - every request passes the capturing transport
            raise APIResponseValidationError(f"{op.name}: no HTTP answer was recorded")
        self._observe(response)
        if response.status_code >= 300:
            raise make_status_error(response, secrets=self.secrets)
        try:
            return op.parse(result, response)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
            raise self._invalid(op, response, exc) from exc

    def fail(self, op: Operation[Any], response: httpx.Response | None, exc: Exception) -> NoReturn:
        """Turn an exception raised while calling the generated function into the right error."""
        if isinstance(exc, MauticError):
            raise exc
        if isinstance(exc, httpx.TransportError):
            raise connection_error(exc, secrets=self.secrets) from exc
        if response is None:
            # Nothing was answered: a bug or bad argument before sending; not the server's doing.
            raise exc
        self._observe(response)
        if response.status_code >= 300:
            # The generated parser choked on an error page (HTML, empty body ...): still a typed error.
            raise make_status_error(response, secrets=self.secrets) from None
        raise self._invalid(op, response, exc) from exc

    def _invalid(
        self, op: Operation[Any], response: httpx.Response, exc: BaseException
    ) -> APIResponseValidationError:
        detail = redact_text(str(exc) or type(exc).__name__, self.secrets)
        return APIResponseValidationError(
            f"{op.name}: the {response.status_code} answer does not match the API description ({detail})",
            response=response,
            body=decode_body(response),
        )
