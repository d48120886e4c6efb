"""`contacts.iterate()`: every match exactly once, even while contacts are created and deleted."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from client_support import Api, Target, aiter_any, fake_api, next_any
from mautic_contacts import Where
from mautic_mock import FakeMautic


async def test_iterate_reads_every_match_once_across_pages(api: Api, target: Target) -> None:
    batch = await api.contacts.create_many([{"email": target.email(), "points": i} for i in range(23)])
    ids = sorted(c.id for c in batch.contacts)
    mine = Where("email").like(f"%{target.tag}%")

    seen = await api.contacts.iterate(where=mine, page_size=5)
    assert [c.id for c in seen] == ids

    high = await api.contacts.iterate(where=[mine, Where("points").gte(20)], page_size=2)
    assert [c.points for c in high] == [20, 21, 22]


async def test_strict_iterate_under_concurrent_inserts_and_deletes(api: Api, target: Target) -> None:
    made = await api.contacts.create_many([{"email": target.email("old")} for _ in range(20)])
    ids = sorted(c.id for c in made.contacts)
    mine = Where("email").like(f"%{target.tag}%")

    # prefetch=False: a page is read only once the previous one was consumed.
    iterator = api.client.contacts.iterate(where=mine, page_size=5, prefetch=False)
    seen = [(await next_any(iterator)).id for _ in range(5)]  # exactly the first page
    assert seen == ids[:5]

    # Between pages: delete one contact already returned and two not yet returned, add three.
    deleted_seen, deleted_ahead = ids[1], ids[7:9]
    await api.contacts.delete_many([deleted_seen, *deleted_ahead])
    added = await api.contacts.create_many([{"email": target.email("new")} for _ in range(3)])

    seen += [c.id async for c in aiter_any(iterator)]

    untouched = [i for i in ids if i not in deleted_ahead]
    assert len(seen) == len(set(seen)), "a contact was returned twice"
    assert set(untouched) <= set(seen), "a contact that stayed was skipped"
    assert not set(deleted_ahead) & set(seen)
    assert {c.id for c in added.contacts} <= set(seen)  # created beyond the cursor: returned once
    assert seen == sorted(seen)


async def test_iterate_checks_arguments_before_sending(api: Api) -> None:
    with pytest.raises(ValueError, match="page_size"):
        api.client.contacts.iterate(page_size=0)
    with pytest.raises(TypeError):
        api.client.contacts.iterate(where="email = x")  # type: ignore[arg-type]
    assert api.client.last_response is None


async def test_iterate_with_search_and_no_match(api: Api, target: Target) -> None:
    email = target.email("s")
    made = await api.contacts.create({"email": email})
    assert [c.id for c in await api.contacts.iterate(search=f"email:{email}")] == [made.id]
    assert await api.contacts.iterate(where=Where("email").eq(f"none.{target.tag}@x.invalid")) == []


async def test_iterate_reads_ahead_by_default_and_keeps_its_promise(api: Api, target: Target) -> None:
    made = await api.contacts.create_many([{"email": target.email("old")} for _ in range(30)])
    ids = sorted(c.id for c in made.contacts)
    mine = Where("email").like(f"%{target.tag}%")

    iterator = api.client.contacts.iterate(where=mine, page_size=5)
    seen = [(await next_any(iterator)).id for _ in range(5)]
    assert seen == ids[:5]
    await asyncio.sleep(0.5)  # time for the read-ahead (two pages) to arrive
    # Deleted: one already returned, one in the next page (read ahead by now), one far ahead.
    deleted = [ids[1], ids[7], ids[27]]
    await api.contacts.delete_many(deleted)
    added = await api.contacts.create_many([{"email": target.email("new")} for _ in range(3)])
    seen += [c.id async for c in aiter_any(iterator)]

    untouched = [i for i in ids if i not in deleted]
    assert len(seen) == len(set(seen)), "a contact was returned twice"
    assert set(untouched) <= set(seen), "a contact that stayed was skipped"
    assert {c.id for c in added.contacts} <= set(seen)
    assert ids[7] in seen  # its page was read before the delete: returned as it was when read
    assert ids[27] not in seen  # never more than two pages ahead
    assert seen == sorted(seen)


class CapsLimit(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A proxy in front of the fake that never lets more than `cap` contacts through per page."""

    def __init__(self, inner: Any, cap: int) -> None:
        self.inner = inner
        self.cap = cap

    def _capped(self, request: httpx.Request) -> httpx.Request:
        if request.url.path != "/api/contacts":
            return request
        limit = min(int(request.url.params.get("limit", "30")), self.cap)
        return httpx.Request(
            request.method, request.url.copy_set_param("limit", limit), headers=request.headers
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(self._capped(request))  # type: ignore[no-any-return]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.inner.handle_async_request(self._capped(request))  # type: ignore[no-any-return]


@pytest.mark.fake_only
@pytest.mark.parametrize("prefetch", [False, True])
async def test_a_server_capping_the_page_size_does_not_truncate_the_iteration(
    make_fake: Callable[..., FakeMautic], kind: str, prefetch: bool
) -> None:
    fake = make_fake()
    api = fake_api(fake, kind, transport=CapsLimit(fake.transport(), cap=4))
    try:
        made = await api.contacts.create_many([{"email": f"cap{i}@iterate.invalid"} for i in range(11)])
        ids = sorted(c.id for c in made.contacts)
        seen = [c.id async for c in aiter_any(api.client.contacts.iterate(page_size=10, prefetch=prefetch))]
        assert seen == ids
    finally:
        await api.close()
