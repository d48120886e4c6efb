"""Answers that break the spec become `APIResponseValidationError` while parsing (never a plain
ValueError later), server text reaches errors as Mautic wrote it, and the id rules of single calls
(strict ints) and batch items (ints or digit strings, as read from CSV/JSON) — sync and async."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
import pytest
from mautic_contacts import (
    APIResponseValidationError,
    BadRequestError,
    MauticError,
    PermissionDeniedError,
)

from .mock_client import EitherClient, Handler

PASSWORD = "s3cret-Passw0rd"


def answering(status: int, body: object) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body)

    return seen, handler


async def expect_invalid(
    client: EitherClient, name: str, *args: Any, **kwargs: Any
) -> APIResponseValidationError:
    call = client.iterate(**kwargs) if name == "iterate" else client.call(name, *args, **kwargs)
    try:
        with pytest.raises(APIResponseValidationError) as caught:
            await call
    finally:
        await client.close()
    assert isinstance(caught.value, MauticError)
    return caught.value


# -- contact ids that break the spec -------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["abc", None, True, 1.5, "", [7]])
async def test_get_with_a_bad_contact_id_is_a_validation_error(kind: str, bad_id: object) -> None:
    _, handler = answering(200, {"contact": {"id": bad_id, "points": 1}})
    error = await expect_invalid(EitherClient(kind, handler, password=PASSWORD), "get", 7)
    assert "contact id must be an integer" in str(error)
    assert error.status_code == 200


@pytest.mark.parametrize("name", ["update", "replace", "add_utm"])
async def test_writes_answering_a_bad_contact_id_are_validation_errors(kind: str, name: str) -> None:
    _, handler = answering(200, {"contact": {"id": "abc"}})
    await expect_invalid(
        EitherClient(kind, handler, password=PASSWORD),
        name,
        7,
        {"firstname": "A"} if name != "add_utm" else {},
    )


async def test_create_answering_a_null_id_is_a_validation_error(kind: str) -> None:
    _, handler = answering(201, {"contact": {"id": None}})
    await expect_invalid(EitherClient(kind, handler, password=PASSWORD), "create", {"email": "a@b.c"})


async def test_list_with_a_bad_contact_id_is_a_validation_error(kind: str) -> None:
    _, handler = answering(200, {"total": 1, "contacts": {"5": {"id": "zz"}}})
    error = await expect_invalid(EitherClient(kind, handler, password=PASSWORD), "list")
    assert "'zz'" in str(error)


@pytest.mark.parametrize("prefetch", [True, False])
async def test_iterate_with_a_bad_contact_id_is_a_validation_error(kind: str, prefetch: bool) -> None:
    _, handler = answering(200, {"total": 1, "contacts": {"5": {"id": "zz"}}})
    await expect_invalid(EitherClient(kind, handler, password=PASSWORD), "iterate", prefetch=prefetch)


@pytest.mark.parametrize("name", ["create_many", "update_many", "replace_many"])
async def test_batches_answering_a_null_id_are_validation_errors(kind: str, name: str) -> None:
    status = 201 if name == "create_many" else 200
    _, handler = answering(status, {"contacts": [{"id": None}], "statusCodes": [status]})
    item = {"email": "a@b.c"} if name == "create_many" else {"id": 3, "email": "a@b.c"}
    error = await expect_invalid(EitherClient(kind, handler, password=PASSWORD), name, [item])
    assert "contact id must be an integer, the server sent None" in str(error)


async def test_delete_many_answering_a_bad_id_is_a_validation_error(kind: str) -> None:
    _, handler = answering(200, {"contacts": [{"id": "zz"}]})
    await expect_invalid(EitherClient(kind, handler, password=PASSWORD), "delete_many", [3])


async def test_remove_dnc_answering_a_bad_id_is_a_validation_error(kind: str) -> None:
    _, handler = answering(200, {"recordFound": True, "contact": {"id": None}})
    await expect_invalid(EitherClient(kind, handler, password=PASSWORD), "remove_dnc", 3)


async def test_single_delete_keeps_working_with_the_servers_null_id(kind: str) -> None:
    _, handler = answering(200, {"contact": {"id": None, "points": 4}})
    client = EitherClient(kind, handler, password=PASSWORD)
    try:
        deleted = await client.call("delete", 9)
    finally:
        await client.close()
    assert deleted.id == 9
    assert deleted.points == 4


async def test_numeric_string_ids_are_still_read_as_ints(kind: str) -> None:
    _, handler = answering(200, {"total": "1", "contacts": {"5": {"id": "5"}}})
    client = EitherClient(kind, handler, password=PASSWORD)
    try:
        page = await client.call("list")
    finally:
        await client.close()
    assert [c.id for c in page] == [5]


# -- server text ---------------------------------------------------------------------------------


async def test_mautic_messages_reach_the_error_unchanged_and_our_password_never(kind: str) -> None:
    fixture = {
        "errors": [
            {
                "message": "Basic Auth disabled. You need to enable HTTP basic auth in the API settings of "
                f"Mautic's Configuration. (you sent {PASSWORD})",
                "code": 403,
                "type": "access_denied",
            }
        ]
    }
    _, handler = answering(403, fixture)
    client = EitherClient(kind, handler, password=PASSWORD)
    try:
        with pytest.raises(PermissionDeniedError) as caught:
            await client.call("get", 1)
    finally:
        await client.close()
    assert str(caught.value) == (
        "403 Forbidden: Basic Auth disabled. You need to enable HTTP basic auth in the API settings of "
        "Mautic's Configuration. (you sent [redacted]) (GET /api/contacts/1)"
    )
    assert PASSWORD not in repr(caught.value) + repr(caught.value.errors)


async def test_a_custom_field_named_token_keeps_its_validation_message(kind: str) -> None:
    body = {
        "errors": [
            {
                "code": 400,
                "message": "token: This value is not valid.",
                "details": {"token": ["This value is not valid."]},
                "type": None,
            }
        ]
    }
    _, handler = answering(400, body)
    client = EitherClient(kind, handler, password=PASSWORD)
    try:
        with pytest.raises(BadRequestError) as caught:
            await client.call("update", 1, {"token": "x"})
    finally:
        await client.close()
    assert (
        str(caught.value) == "400 Bad Request: token: This value is not valid. (PATCH /api/contacts/1/edit)"
    )
    assert dict(caught.value.errors[0].field_errors) == {"token": ("This value is not valid.",)}


# -- argument messages and id rules --------------------------------------------------------------


async def test_a_naive_datetime_in_a_body_names_the_field(kind: str) -> None:
    seen, handler = answering(200, {})
    client = EitherClient(kind, handler, password=PASSWORD)
    try:
        with pytest.raises(ValueError, match="naive datetime") as caught:
            await client.call("create", {"lastActive": datetime(2024, 1, 1)})
        with pytest.raises(ValueError, match=r"^date_from is a naive datetime"):
            await client.call("activity", date_from=datetime(2024, 1, 1))
    finally:
        await client.close()
    assert str(caught.value) == (
        "data['lastActive'] is a naive datetime '2024-01-01T00:00:00': attach a timezone "
        "(e.g. tzinfo=datetime.UTC); Mautic reads UTC 'Y-m-d H:i:s'"
    )
    assert seen == []


@pytest.mark.parametrize("name", ["get", "update", "replace", "delete"])
async def test_single_calls_take_int_ids_only(kind: str, name: str) -> None:
    seen, handler = answering(200, {})
    client = EitherClient(kind, handler, password=PASSWORD)
    args: tuple[Any, ...] = ({"city": "X"},) if name in ("update", "replace") else ()
    try:
        with pytest.raises(TypeError, match=r"id must be an int, not str \(convert an id read as text"):
            await client.call(name, "5", *args)
    finally:
        await client.close()
    assert seen == []


@pytest.mark.parametrize("name", ["update_many", "replace_many"])
async def test_batch_items_take_digit_string_ids_and_send_ints(kind: str, name: str) -> None:
    seen, handler = answering(200, {"contacts": [{"id": 5}, {"id": 6}], "statusCodes": [200, 200]})
    client = EitherClient(kind, handler, password=PASSWORD)
    try:
        result = await client.call(name, [{"id": "5", "city": "X"}, {"id": 6, "city": "Y"}])
        with pytest.raises(ValueError, match=r"a positive int or a string of digits; .*positions 0, 1$"):
            await client.call(name, [{"id": " 5"}, {"id": "5.0"}, {"id": 7}])
    finally:
        await client.close()
    assert [item.contact.id for item in result] == [5, 6]
    assert len(seen) == 1
    assert [item["id"] for item in json.loads(seen[0].content)] == [5, 6]
