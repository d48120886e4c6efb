"""A `Mautic` client over an httpx MockTransport, and canned answers, for the client's unit tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from mautic_contacts import AsyncMautic, Mautic, RetryPolicy

__all__ = [
    "CONTACT",
    "NO_RETRY_SLEEP",
    "PASSWORD",
    "URL",
    "EitherClient",
    "Handler",
    "client",
    "ok",
    "recording",
]

URL = "https://m.example.com"
PASSWORD = "pa55w0rd"
Handler = Callable[[httpx.Request], httpx.Response]
CONTACT = {"id": 7, "points": 3, "fields": {"all": {"id": "7", "email": "a@b.c"}}, "tags": []}
NO_RETRY_SLEEP = RetryPolicy(initial_delay=0.0, max_delay=0.0)


def ok(body: object, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body, headers={"Mautic-Version": "5.1.0"})


def client(handler: Handler, **options: Any) -> Mautic:
    options.setdefault("retry_policy", NO_RETRY_SLEEP)
    return Mautic(URL, username="admin", password=PASSWORD, transport=httpx.MockTransport(handler), **options)


def recording(responses: list[httpx.Response] | httpx.Response) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []
    queue = responses if isinstance(responses, list) else None

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if queue is None:
            assert isinstance(responses, httpx.Response)
            return responses
        return queue.pop(0)

    return seen, handler


class EitherClient:
    """`Mautic` (``kind="sync"``) or `AsyncMautic` (``kind="async"``) behind one awaitable interface."""

    def __init__(self, kind: str, handler: Handler, *, password: str = PASSWORD) -> None:
        options: dict[str, Any] = {
            "username": "admin",
            "password": password,
            "transport": httpx.MockTransport(handler),
            "retry_policy": NO_RETRY_SLEEP,
        }
        self.sync = Mautic(URL, **options) if kind == "sync" else None
        self.async_ = AsyncMautic(URL, **options) if kind == "async" else None

    async def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """``contacts.<name>(...)``."""
        if self.sync is not None:
            return getattr(self.sync.contacts, name)(*args, **kwargs)
        assert self.async_ is not None
        return await getattr(self.async_.contacts, name)(*args, **kwargs)

    async def call_once(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """``contacts.<name>(...)``, then close the client."""
        try:
            return await self.call(name, *args, **kwargs)
        finally:
            await self.close()

    async def iterate(self, **kwargs: Any) -> list[Any]:
        if self.sync is not None:
            return list(self.sync.contacts.iterate(**kwargs))
        assert self.async_ is not None
        return [c async for c in self.async_.contacts.iterate(**kwargs)]

    async def close(self) -> None:
        if self.sync is not None:
            self.sync.close()
        if self.async_ is not None:
            await self.async_.close()
