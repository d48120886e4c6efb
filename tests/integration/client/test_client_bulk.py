"""Bulk helpers: `iterate(prefetch=True)` (reads one page ahead) and `AsyncMautic` batches with
`concurrency=` (several batch requests in flight)."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from client_support import FAKE_URL, FAKE_USER, Api, aiter_any, fake_api, next_any
from mautic_contacts import (
    APIResponseValidationError,
    AsyncMautic,
    InternalServerError,
    Mautic,
    Where,
)
from mautic_mock import FakeMautic

pytestmark = pytest.mark.fake_only

LIST_PATH = "/api/contacts"


class Recorder(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Passes requests to the fake; records list requests and can break one; for batch requests, tracks
    how many are in flight at once and can fail one with a 500."""

    def __init__(self, inner: Any, *, break_at: int | None = None, breaker: Callable[..., Any] | None = None):
        self.inner = inner
        self.lists = 0
        self.batches = 0
        self.break_at = break_at
        self.breaker = breaker
        self.in_flight = 0
        self.most_in_flight = 0
        self.sent_after_failure = 0
        self.failed = False
        self._lock = threading.Lock()

    def _broken(self, request: httpx.Request) -> httpx.Response | None:
        if request.url.path == LIST_PATH:
            self.lists += 1
            if self.lists == self.break_at and self.breaker is not None:
                return self.breaker(request)  # type: ignore[no-any-return]
        return None

    def _batch_starts(self) -> int:
        with self._lock:
            self.batches += 1
            if self.failed:
                self.sent_after_failure += 1
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            return self.batches

    def _batch_ends(self, number: int) -> httpx.Response | None:
        with self._lock:
            self.in_flight -= 1
            if number == self.break_at:
                self.failed = True
                return httpx.Response(500, json={"errors": [{"code": 500, "message": "boom"}]})
        return None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        broken = self._broken(request)
        if broken is not None:
            return broken
        if "/batch/" not in request.url.path:
            return self.inner.handle_request(request)  # type: ignore[no-any-return]
        number = self._batch_starts()
        time.sleep(0.02)  # keep requests overlapping so that concurrency is visible
        return self._batch_ends(number) or self.inner.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        broken = self._broken(request)
        if broken is not None:
            return broken
        if "/batch/" not in request.url.path:
            return await self.inner.handle_async_request(request)  # type: ignore[no-any-return]
        number = self._batch_starts()
        await asyncio.sleep(0.02)
        return self._batch_ends(number) or await self.inner.handle_async_request(request)


def client(fake: FakeMautic, kind: str, transport: Any, **options: Any) -> Mautic | AsyncMautic:
    cls = Mautic if kind == "sync" else AsyncMautic
    return cls(FAKE_URL, username=FAKE_USER[0], password=FAKE_USER[1], transport=transport, **options)


async def collect(iterator: Any) -> list[Any]:
    return [item async for item in aiter_any(iterator)]


async def close(m: Mautic | AsyncMautic) -> None:
    if isinstance(m, AsyncMautic):
        await m.close()
    else:
        m.close()


def seed(fake: FakeMautic, n: int) -> list[int]:
    with Mautic(FAKE_URL, username=FAKE_USER[0], password=FAKE_USER[1], transport=fake.transport()) as m:
        made = m.contacts.create_many([{"email": f"p{i}@bulk.invalid", "points": i} for i in range(n)])
    return sorted(c.id for c in made.contacts)


def contacts_of(m: Mautic | AsyncMautic) -> Any:
    """`m.contacts` with every method awaitable (sync results returned as they are)."""
    return Api(m).contacts


def prefetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "mautic-contacts-prefetch"]


# -- iterate(prefetch=True) ------------------------------------------------------------------------


async def test_prefetch_returns_what_plain_iteration_returns(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    ids = seed(fake, 23)
    recorder = Recorder(fake.transport())
    m = client(fake, kind, recorder)
    try:
        plain = await collect(m.contacts.iterate(page_size=5, prefetch=False))
        plain_requests = recorder.lists
        ahead = await collect(m.contacts.iterate(page_size=5, prefetch=True))
        assert [c.id for c in ahead] == [c.id for c in plain] == ids
        assert [c.fields["email"] for c in ahead] == [c.fields["email"] for c in plain]
        assert recorder.lists == 2 * plain_requests  # the same pages, none more
        high = await collect(m.contacts.iterate(where=Where("points").gte(20), page_size=2, prefetch=True))
        assert [c.points for c in high] == [20, 21, 22]
        assert m.last_response is not None
        assert m.last_response.status_code == 200
    finally:
        await close(m)
    assert not prefetch_threads()


async def test_prefetch_under_concurrent_writes_never_repeats_or_skips_untouched(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    ids = seed(fake, 30)
    m = client(fake, kind, fake.transport())
    writer = Mautic(FAKE_URL, username=FAKE_USER[0], password=FAKE_USER[1], transport=fake.transport())
    try:
        iterator = m.contacts.iterate(page_size=5, prefetch=True)
        seen = [(await next_any(iterator)).id for _ in range(5)]
        deleted = [ids[1], *ids[12:14], ids[27]]
        writer.contacts.delete_many(deleted)
        added = writer.contacts.create_many([{"email": f"new{i}@bulk.invalid"} for i in range(4)])
        seen += [c.id async for c in aiter_any(iterator)]
    finally:
        writer.close()
        await close(m)
    untouched = [i for i in ids if i not in deleted]
    assert len(seen) == len(set(seen)), "a contact was returned twice"
    assert set(untouched) <= set(seen), "a contact that stayed was skipped"
    assert {c.id for c in added.contacts} <= set(seen)
    # Read ahead: at most the page after the current one (ids[5:10], ids[10:15]) was read before the deletes.
    assert set(deleted) & set(seen) <= set(ids[1:2] + ids[5:15])
    assert ids[27] not in seen
    assert seen == sorted(seen)


async def test_prefetch_raises_a_later_pages_error_after_the_earlier_pages(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    ids = seed(fake, 20)
    html = "<html><body>Fatal error</body></html>"
    recorder = Recorder(fake.transport(), break_at=3, breaker=lambda request: httpx.Response(500, text=html))
    m = client(fake, kind, recorder, max_retries=0)
    got: list[int] = []

    async def consume() -> None:
        async for contact in aiter_any(m.contacts.iterate(page_size=5, prefetch=True)):
            got.append(contact.id)

    try:
        with pytest.raises(InternalServerError):
            await consume()
    finally:
        await close(m)
    assert got == ids[:10]
    assert recorder.lists == 3
    assert not prefetch_threads()


async def test_prefetch_reports_an_unreadable_page_like_a_plain_iteration(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    seed(fake, 8)

    def no_ids(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"total": "8", "contacts": {"1": {"points": 0}}})

    for prefetch in (False, True):
        m = client(fake, kind, Recorder(fake.transport(), break_at=2, breaker=no_ids))
        try:
            with pytest.raises(APIResponseValidationError):
                await collect(m.contacts.iterate(page_size=5, prefetch=prefetch))
        finally:
            await close(m)


async def test_prefetch_stops_reading_when_the_caller_stops(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    seed(fake, 40)
    recorder = Recorder(fake.transport())
    m = client(fake, kind, recorder)
    try:
        iterator = m.contacts.iterate(page_size=5, prefetch=True)
        first = await next_any(iterator)
        closing = iterator.aclose() if hasattr(iterator, "aclose") else iterator.close()  # type: ignore[union-attr]
        if asyncio.iscoroutine(closing):
            await closing
        await asyncio.sleep(0.1)
        assert first.id > 0
        assert recorder.lists <= 3  # the page read, at most one handed over and one in flight
        count = recorder.lists
        await asyncio.sleep(0.1)
        assert recorder.lists == count
    finally:
        await close(m)
    assert not prefetch_threads()


async def test_prefetch_is_a_bool(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    api = fake_api(make_fake(), kind)
    try:
        with pytest.raises(TypeError, match="prefetch"):
            api.client.contacts.iterate(prefetch="yes")  # type: ignore[arg-type]
    finally:
        await api.close()


# -- AsyncMautic batches with concurrency= ---------------------------------------------------------


async def test_concurrent_create_many_keeps_input_order(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    recorder = Recorder(fake.transport())
    m = client(fake, kind, recorder, batch_size=20)
    api = contacts_of(m)
    rows = [{"email": f"c{i}@bulk.invalid", "points": i} for i in range(190)]
    rows[57] = {"email": "not an email"}
    try:
        result = await api.create_many(rows, concurrency=3)
        assert recorder.batches == 10
        assert recorder.most_in_flight == 3
        assert [item.index for item in result] == list(range(190))
        assert [item.index for item in result.failed] == [57]
        assert all(
            item.contact is not None and item.contact.fields["email"] == rows[item.index]["email"]
            for item in result
            if item.ok
        )
        ids = [c.id for c in result.contacts]
        updated = await api.update_many([{"id": i, "city": "Nice"} for i in ids], concurrency=4)
        assert [item.contact.id for item in updated if item.contact] == ids
        replaced = await api.replace_many(
            [{"id": i, "email": f"r{i}@bulk.invalid"} for i in ids], concurrency=2
        )
        assert [item.status_code for item in replaced] == [200] * len(ids)
        deleted = await api.delete_many([*ids[:30], 999_999], concurrency=2)
        assert [item.status_code for item in deleted] == [200] * 30 + [404]
        assert (await api.list(limit=1)).total == 189 - 30
    finally:
        await close(m)


async def test_concurrent_batches_stop_after_a_failed_request(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    recorder = Recorder(fake.transport(), break_at=2)
    m = client(fake, kind, recorder, batch_size=10, max_retries=0)
    api = contacts_of(m)
    try:
        with pytest.raises(InternalServerError) as caught:
            await api.create_many([{"email": f"f{i}@bulk.invalid"} for i in range(60)], concurrency=2)
        notes = " ".join(getattr(caught.value, "__notes__", []))
        assert notes.startswith("batch request 2 of 6 (items 10-19) was sent but its outcome is unknown")
        # Request 3 may have started before request 2 failed; nothing starts after the failure.
        assert re.search(r"requests applied: 1(, 3)?; not sent: (3, )?4, 5, 6;", notes), notes
        assert recorder.sent_after_failure == 0
        applied = (await api.list(limit=1)).total
        both = "applied: 1, 3" in notes
        assert applied == (20 if both else 10)
        partial = caught.value.partial
        assert partial is not None
        assert [item.index for item in partial] == list(range(10)) + (list(range(20, 30)) if both else [])
        assert caught.value.unsent_from == (30 if both else 20)
    finally:
        await close(m)


@pytest.mark.parametrize("bad", [0, 65, True, 2.0, "2"])
async def test_concurrency_is_checked_before_sending(
    make_fake: Callable[..., FakeMautic], kind: str, bad: Any
) -> None:
    fake = make_fake()
    recorder = Recorder(fake.transport())
    m = client(fake, kind, recorder)
    try:
        with pytest.raises(ValueError, match="concurrency"):
            await contacts_of(m).create_many([{"email": "a@bulk.invalid"}], concurrency=bad)
        assert recorder.batches == 0
    finally:
        await close(m)
