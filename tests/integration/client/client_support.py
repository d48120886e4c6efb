"""Helpers for the client integration tests: one test body drives `Mautic` and `AsyncMautic` alike."""

from __future__ import annotations

import inspect
import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mautic_contacts import AsyncMautic, BatchResult, Contact, Mautic, Removal
from mautic_mock import FakeMautic

LIVE_URL = os.environ.get("MAUTIC_URL", "")
# Reserved top-level domain (RFC 2606): mail to it can never be delivered.
TEST_DOMAIN = "contract-test.invalid"
FAKE_URL = "http://mautic.test"
FAKE_USER = ("admin", "mautic")


def live_credentials() -> dict[str, str]:
    """Credentials for a live Mautic from the MAUTIC_* variables (Basic wins when both are set)."""
    env = os.environ
    if env.get("MAUTIC_USERNAME"):
        return {"username": env["MAUTIC_USERNAME"], "password": env.get("MAUTIC_PASSWORD", "")}
    return {
        "client_id": env.get("MAUTIC_CLIENT_ID", ""),
        "client_secret": env.get("MAUTIC_CLIENT_SECRET", ""),
    }


async def aiter_any(it: Iterator[Any] | AsyncIterator[Any]) -> AsyncIterator[Any]:
    """Walk a sync or an async iterator with `async for`."""
    if isinstance(it, AsyncIterator):
        async for item in it:
            yield item
    else:
        for item in it:
            yield item


async def next_any(it: Iterator[Any] | AsyncIterator[Any]) -> Any:
    """The next item of a sync or an async iterator (StopIteration / StopAsyncIteration at the end)."""
    if isinstance(it, AsyncIterator):
        return await it.__anext__()
    return next(it)


class _AwaitableMethods:
    """Makes every method awaitable (sync results are returned as they are) and collects iterators."""

    def __init__(self, obj: Any, on_result: Callable[[str, Any], None]) -> None:
        self._obj = obj
        self._on_result = on_result

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._obj, name)
        if not callable(attr):
            return attr

        async def call(*args: Any, **kwargs: Any) -> Any:
            result = attr(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            elif isinstance(result, AsyncIterator | Iterator):
                result = [item async for item in aiter_any(result)]
            self._on_result(name, result)
            return result

        return call


@dataclass
class Api:
    """A `Mautic` or `AsyncMautic` seen through one awaitable surface: `await api.contacts.get(1)`.

    `api.client` is the real client (for iterators, `call`, `with_options`, ...). Contacts of the run
    are remembered in `created` so that runs against a live Mautic can delete them afterwards: those
    with an email in the reserved test domain, and those without an email that a create returned. A
    contact that was only read, or that a write matched by a real email, is never deleted.
    """

    client: Mautic | AsyncMautic
    created: set[int] = field(default_factory=set)

    @property
    def is_async(self) -> bool:
        return isinstance(self.client, AsyncMautic)

    @property
    def contacts(self) -> Any:
        return _AwaitableMethods(self.client.contacts, self._remember)

    def _remember(self, method: str, result: Any) -> None:
        contacts: Iterable[Contact | None] = ()
        if isinstance(result, Contact):
            contacts = [result]
        elif isinstance(result, Removal):
            contacts = [result.contact]
        elif isinstance(result, BatchResult):
            contacts = [item.contact for item in result]
        for contact in contacts:
            if contact is not None and _is_the_runs(contact, method):
                self.created.add(contact.id)

    async def call(self, module: Any, **kwargs: Any) -> Any:
        """`client.call()` with the module's `sync_detailed` or `asyncio_detailed`, awaited when async."""
        if isinstance(self.client, AsyncMautic):
            return await self.client.call(module.asyncio_detailed, **kwargs)
        return self.client.call(module.sync_detailed, **kwargs)

    async def close(self) -> None:
        closed = self.client.close()
        if inspect.isawaitable(closed):
            await closed


_CREATING = frozenset({"create", "create_many", "replace", "replace_many"})


def _is_the_runs(contact: Contact, method: str) -> bool:
    email = contact.fields.get("email")
    if isinstance(email, str) and email:
        return email.lower().endswith(f"@{TEST_DOMAIN}")
    return method in _CREATING


def unique(label: str = "c") -> str:
    """A unique email address in the reserved test domain."""
    return f"{label}-{uuid.uuid4().hex[:12]}@{TEST_DOMAIN}"


def fake_api(fake: Any, kind: str, **options: Any) -> Api:
    """An `Api` over a specific fake (built with `make_fake`), sync or async."""
    if not {"client_id", "access_token"} & set(options):
        options.setdefault("username", FAKE_USER[0])
        options.setdefault("password", FAKE_USER[1])
    options.setdefault("transport", fake.transport())
    client_class = Mautic if kind == "sync" else AsyncMautic
    return Api(client_class(FAKE_URL, **options))


@dataclass
class Target:
    """The server under test and how to reach it."""

    url: str
    credentials: dict[str, str]
    fake: FakeMautic | None
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    _count: int = 0

    @property
    def live(self) -> bool:
        return self.fake is None

    def options(self, **extra: Any) -> dict[str, Any]:
        options: dict[str, Any] = dict(self.credentials)
        if self.fake is not None:
            options["transport"] = self.fake.transport()
        options.update(extra)
        return options

    def sync(self, **extra: Any) -> Mautic:
        return Mautic(self.url, **self.options(**extra))

    def async_(self, **extra: Any) -> AsyncMautic:
        return AsyncMautic(self.url, **self.options(**extra))

    def email(self, label: str = "c") -> str:
        """A unique address containing this test's tag (filter with `like(f"%{target.tag}%")`)."""
        self._count += 1
        return f"{label}{self._count}.{self.tag}@{TEST_DOMAIN}"
