"""Batch calls: transparent chunking at 200, one result per item in request order, per-item errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from client_support import Api, Target, fake_api
from mautic_contacts import BatchResult, InternalServerError, MauticError
from mautic_contacts_client.api.batch import create_contacts_batch
from mautic_contacts_client.models import ContactInput
from mautic_mock import FakeMautic

BAD = {5, 250, 449}


class CountingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Records (method, path, number of items in the JSON body) of every request to the fake."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seen: list[tuple[str, str, int]] = []

    def _record(self, request: httpx.Request) -> None:
        body = request.read()
        items = len(httpx.Response(200, content=body).json()) if body.startswith(b"[") else 0
        if request.url.params.get("ids"):
            items = len(request.url.params["ids"].split(","))
        self.seen.append((request.method, request.url.path, items))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request)
        response: httpx.Response = self.inner.handle_request(request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._record(request)
        response: httpx.Response = await self.inner.handle_async_request(request)
        return response


async def test_450_creates_in_request_order_with_per_item_errors(api: Api, target: Target) -> None:
    items = [{"email": "broken" if i in BAD else target.email(f"b{i}")} for i in range(450)]
    result = await api.contacts.create_many(items)

    assert isinstance(result, BatchResult)
    assert len(result) == 450
    assert [item.index for item in result] == list(range(450))
    assert {item.index for item in result.failed} == BAD
    for item in result.failed:
        assert item.status_code == 400
        assert item.contact is None
        assert item.error is not None
        assert "email" in item.error.field_errors
    for i, item in enumerate(result):
        if i not in BAD:
            assert item.ok
            assert item.status_code == 201
            assert item.contact is not None
            assert item.contact.email == items[i]["email"]
            assert item.contact.created is True
    assert not result.ok
    assert len(result.contacts) == 447


async def test_second_batch_with_the_same_emails_updates(api: Api, target: Target) -> None:
    emails = [target.email() for _ in range(3)]
    first = await api.contacts.create_many([{"email": e} for e in emails])
    again = await api.contacts.create_many([{"email": e, "city": "Brest"} for e in emails])
    assert [i.status_code for i in again] == [200, 200, 200]
    assert [c.id for c in again.contacts] == [c.id for c in first.contacts]
    assert [c.created for c in again.contacts] == [False, False, False]
    assert all(c.fields["city"] == "Brest" for c in again.contacts)


async def test_update_replace_and_delete_many(api: Api, target: Target) -> None:
    made = await api.contacts.create_many([{"email": target.email(), "firstname": "F"} for _ in range(210)])
    ids = [c.id for c in made.contacts]

    updated = await api.contacts.update_many([{"id": i, "city": f"c{n}"} for n, i in enumerate(ids)])
    assert updated.ok
    assert [c.id for c in updated.contacts] == ids
    assert [c.fields["city"] for c in updated.contacts] == [f"c{n}" for n in range(210)]
    assert all(c.fields["firstname"] == "F" for c in updated.contacts)

    replaced = await api.contacts.replace_many([{"id": ids[0], "email": made.contacts[0].email}])
    assert replaced.ok
    assert replaced[0].status_code == 200
    assert replaced.contacts[0].fields["firstname"] in (None, "")

    missing = max(ids) + 10_000
    deleted = await api.contacts.delete_many([ids[0], missing, *ids[1:]])
    assert [item.index for item in deleted] == list(range(211))
    assert deleted[1].status_code == 404
    assert deleted[1].error is not None
    assert [c.id for c in deleted.contacts] == ids
    assert (await api.contacts.list(where=[], search=f"email:{made.contacts[5].email}")).total == 0


async def test_update_many_patch_of_a_missing_id_is_a_404_item(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email()})
    result = await api.contacts.update_many([{"id": made.id, "city": "Vannes"}, {"id": made.id + 10_000}])
    assert [item.status_code for item in result] == [200, 404]
    assert result[1].error is not None


async def test_edit_items_without_id_are_refused_before_sending(api: Api) -> None:
    with pytest.raises(ValueError, match="positions 1"):
        await api.contacts.update_many([{"id": 1, "city": "x"}, {"city": "y"}])
    with pytest.raises(ValueError, match="id"):
        await api.contacts.replace_many([{"email": "a@b.invalid"}])
    with pytest.raises(ValueError, match="positive"):
        await api.contacts.delete_many([0])
    assert api.client.last_response is None


async def test_more_than_200_in_one_request_is_the_servers_500(api: Api) -> None:
    body = [ContactInput(email=f"x{i}@contract-test.invalid") for i in range(201)]
    with pytest.raises(InternalServerError) as caught:
        await api.call(create_contacts_batch, body=body)
    assert caught.value.status_code == 500
    assert "200" in caught.value.errors[0].message


@pytest.mark.fake_only
async def test_chunks_are_200_at_most_and_sent_in_order(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    counter = CountingTransport(fake.transport())
    api = fake_api(fake, kind, transport=counter)
    try:
        result = await api.contacts.create_many(
            [{"email": f"n{i}@contract-test.invalid"} for i in range(450)]
        )
        assert result.ok
        assert counter.seen == [("POST", "/api/contacts/batch/new", n) for n in (200, 200, 50)]
        counter.seen.clear()
        await api.contacts.delete_many([c.id for c in result.contacts])
        assert counter.seen == [("DELETE", "/api/contacts/batch/delete", n) for n in (200, 200, 50)]
    finally:
        await api.close()

    small = fake_api(fake, kind, transport=counter, batch_size=20)
    counter.seen.clear()
    try:
        await small.contacts.create_many([{"email": f"s{i}@contract-test.invalid"} for i in range(45)])
    finally:
        await small.close()
    assert [n for _, _, n in counter.seen] == [20, 20, 5]


class LosesAnAnswer(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Lets the fake apply the n-th batch request, then loses its answer (a read timeout)."""

    def __init__(self, inner: Any, lose: int) -> None:
        self.inner = inner
        self.lose = lose
        self.batches = 0

    def _lost(self, request: httpx.Request) -> bool:
        if "/batch/" not in request.url.path:
            return False
        self.batches += 1
        return self.batches == self.lose

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        lost = self._lost(request)
        response = self.inner.handle_request(request)
        if lost:
            raise httpx.ReadTimeout("timed out", request=request)
        return response  # type: ignore[no-any-return]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        lost = self._lost(request)
        response = await self.inner.handle_async_request(request)
        if lost:
            raise httpx.ReadTimeout("timed out", request=request)
        return response  # type: ignore[no-any-return]


@pytest.mark.fake_only
async def test_a_lost_answer_is_reported_as_unknown_with_the_results_received(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    # No email: a retry could create duplicates, so the lost request is not resent.
    api = fake_api(fake, kind, transport=LosesAnAnswer(fake.transport(), lose=2), batch_size=2)
    try:
        with pytest.raises(MauticError) as caught:
            await api.contacts.create_many([{"firstname": f"n{i}"} for i in range(6)])
        error = caught.value
        assert error.__notes__[0].startswith(
            "batch request 2 of 3 (items 2-3) was sent but its outcome is unknown (the server may have"
        )
        assert "requests applied: 1; not sent: 3" in error.__notes__[0]
        assert error.partial is not None
        assert [(item.index, item.status_code) for item in error.partial] == [(0, 201), (1, 201)]
        assert error.unsent_from == 4
        assert (await api.contacts.list(limit=10)).total == 4  # the lost request was applied
    finally:
        await api.close()


@pytest.mark.fake_only
async def test_a_refused_request_is_reported_as_not_applied(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake()
    refuse = httpx.Response(503, text="<title>Maintenance</title>")

    class Refuses(LosesAnAnswer):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return refuse if self._lost(request) else self.inner.handle_request(request)

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if self._lost(request):
                return refuse
            return await self.inner.handle_async_request(request)  # type: ignore[no-any-return]

    api = fake_api(fake, kind, transport=Refuses(fake.transport(), lose=2), batch_size=2, max_retries=0)
    try:
        with pytest.raises(InternalServerError) as caught:
            await api.contacts.create_many([{"email": f"r{i}@batch.invalid"} for i in range(6)])
        assert caught.value.__notes__[0].startswith(
            "batch request 2 of 3 (items 2-3) failed and was not applied"
        )
        assert caught.value.unsent_from == 4
        assert (await api.contacts.list(limit=10)).total == 2
    finally:
        await api.close()
