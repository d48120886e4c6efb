"""The building blocks under the generated functions: the seams phase 2 (Mautic / AsyncMautic) relies on."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import httpx
import pytest
from mautic_contacts import (
    DEFAULT_TIMEOUT,
    AsyncRetryTransport,
    BasicAuth,
    InternalServerError,
    NotFoundError,
    RetryTransport,
    Where,
    any_of,
    capture_response,
    encode_where,
    request_options,
)
from mautic_contacts._exceptions import make_status_error
from mautic_contacts._pagination import KeysetPlan
from mautic_contacts_client import AuthenticatedClient
from mautic_contacts_client.api.contacts import get_contact, list_contacts
from mautic_contacts_client.models import SortDirection, WhereQuery

API = "https://m.example.com/api"
CONTACTS = {"total": "2", "contacts": {"7": {"id": 7, "points": 0}, "9": {"id": 9, "points": 1}}}
HTML_500 = "<html><head><title>Internal Server Error</title></head><body>PHP Fatal error</body></html>"


def overlay_client(handler, sleeps: list[float]) -> AuthenticatedClient:  # type: ignore[no-untyped-def]
    http = httpx.Client(
        base_url=API,
        auth=BasicAuth("admin", "pa55w0rd"),
        transport=RetryTransport(httpx.MockTransport(handler), timeout=DEFAULT_TIMEOUT, sleep=sleeps.append),
    )
    # The token is never used: the httpx client set here brings its own auth.
    return AuthenticatedClient(base_url=API, token="unused").set_httpx_client(http)


def test_where_and_keyset_params_reach_the_wire_through_the_generated_function() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=CONTACTS, headers={"Mautic-Version": "5.1.0"})

    plan = KeysetPlan(
        where=any_of(Where("city").in_(["Paris", 'Le "Mans"']), Where("points").gte(3)), page_size=2
    )
    query = plan.query(plan.advance(plan.start(), [1, 5]))
    client = overlay_client(handler, [])
    with capture_response() as captured:
        result = list_contacts.sync_detailed(
            client=client,
            where=WhereQuery.from_dict(query.where),
            order_by=query.order_by,
            order_by_dir=SortDirection(query.order_by_dir),
            limit=query.limit,
            start=query.start,
        )
    assert result.status_code == 200
    assert captured.response is not None
    assert captured.response.headers["Mautic-Version"] == "5.1.0"
    sent = dict(parse_qsl(seen[0].url.query.decode(), keep_blank_values=True))
    assert sent == {
        **encode_where(plan.where, extra=(Where("id").gt(5),)),
        "orderBy": "id",
        "orderByDir": "ASC",
        "limit": "2",
        "start": "0",
    }
    assert sent["where[0][val][0][val]"] == 'Paris,"Le ""Mans"""'
    assert seen[0].headers["Authorization"].startswith("Basic ")
    assert seen[0].extensions["timeout"]["connect"] == 5.0


def test_error_pages_the_generated_parser_cannot_read_still_become_typed_errors() -> None:
    sleeps: list[float] = []
    client = overlay_client(lambda r: httpx.Response(500, text=HTML_500), sleeps)
    with capture_response() as captured, pytest.raises(json.JSONDecodeError):
        list_contacts.sync_detailed(client=client)
    assert captured.response is not None
    error = make_status_error(captured.response)
    assert isinstance(error, InternalServerError)
    # The page's title only repeats the status: not said twice.
    assert str(error) == "500 Internal Server Error (GET /api/contacts)"
    assert sleeps == []  # 500 is not retried


def test_documented_errors_come_back_parsed_and_map_the_same_way() -> None:
    body = {"errors": [{"code": 404, "message": "Item was not found.", "details": [], "type": None}]}
    client = overlay_client(lambda r: httpx.Response(404, json=body), [])
    with capture_response() as captured:
        result = get_contact.sync_detailed(id=12, client=client)
    assert result.status_code == 404
    assert captured.response is not None
    error = make_status_error(captured.response)
    assert isinstance(error, NotFoundError)
    assert str(error) == "404 Not Found: Item was not found. (GET /api/contacts/12)"


def test_per_call_timeout_and_retries_under_the_generated_function() -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json=CONTACTS)])
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    sleeps: list[float] = []
    client = overlay_client(handler, sleeps)
    with request_options(timeout=3.0):
        assert list_contacts.sync_detailed(client=client).status_code == 200
    assert len(seen) == 2
    assert len(sleeps) == 1
    assert all(r.extensions["timeout"]["read"] == 3.0 for r in seen)


async def test_async_generated_function_over_the_async_transport() -> None:
    http = httpx.AsyncClient(
        base_url=API,
        auth=BasicAuth("admin", "pa55w0rd"),
        transport=AsyncRetryTransport(httpx.MockTransport(lambda r: httpx.Response(200, json=CONTACTS))),
    )
    client = AuthenticatedClient(base_url=API, token="unused").set_async_httpx_client(http)
    with capture_response() as captured:
        result = await list_contacts.asyncio_detailed(client=client)
    assert result.status_code == 200
    assert captured.response is not None
    assert captured.response.status_code == 200
    await http.aclose()
