"""`contacts.iterate()`: every match exactly once, even while contacts are created and deleted."""

from __future__ import annotations

import pytest
from client_support import Api, Target, aiter_any, next_any
from mautic_contacts import Where


async def test_iterate_reads_every_match_once_across_pages(api: Api, target: Target) -> None:
    batch = await api.contacts.create_many([{"email": target.email(), "points": i} for i in range(23)])
    ids = sorted(c.id for c in batch.contacts)
    mine = Where("email").like(f"%{target.tag}%")

    seen = await api.contacts.iterate(where=mine, page_size=5)
    assert [c.id for c in seen] == ids

    high = await api.contacts.iterate(where=[mine, Where("points").gte(20)], page_size=2)
    assert [c.points for c in high] == [20, 21, 22]


async def test_iterate_under_concurrent_inserts_and_deletes(api: Api, target: Target) -> None:
    made = await api.contacts.create_many([{"email": target.email("old")} for _ in range(20)])
    ids = sorted(c.id for c in made.contacts)
    mine = Where("email").like(f"%{target.tag}%")

    iterator = api.client.contacts.iterate(where=mine, page_size=5)
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
