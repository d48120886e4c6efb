"""What an experienced SDK user would otherwise trip over: bodies JSON cannot carry, clearing fields,
`limit=0`, camelCase `orderBy`, redirects, closed clients, proxies from the environment, token requests'
User-Agent, 503 with a long Retry-After."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from mautic_contacts import (
    APIStatusError,
    AsyncMautic,
    InternalServerError,
    Mautic,
    MauticError,
    RetryPolicy,
)

from .mock_client import CONTACT, URL, client, ok, recording

# -- write bodies ------------------------------------------------------------------------------------


class Colour(Enum):
    RED = "red"


def test_values_json_cannot_carry_are_converted_or_refused_before_sending() -> None:
    seen, handler = recording(ok({"contact": CONTACT}))
    token = uuid.UUID("12345678-1234-5678-1234-567812345678")
    with client(handler) as m:
        m.contacts.update(
            7, {"price": Decimal("1.50"), "ref": token, "colour": Colour.RED, "n": [Decimal(2)]}
        )
        assert json.loads(seen[-1].content) == {
            "price": "1.50",
            "ref": str(token),
            "colour": "red",
            "n": ["2"],
        }
        for bad, message in (
            ({"tags": {"a", "b"}}, r"data\['tags'\]: a set cannot be sent"),
            ({"note": b"raw"}, "a bytes cannot be sent"),
            ({"points": float("nan")}, "NaN"),
            ({"points": Decimal("Infinity")}, "infinity"),
            ({"frequencyRules": {"email": {1: "x"}}}, "keys of nested objects"),
        ):
            with pytest.raises((TypeError, ValueError), match=message):
                m.contacts.update(7, bad)
    assert len(seen) == 1


def test_a_bad_value_late_in_a_batch_stops_it_before_the_first_request() -> None:
    seen, handler = recording(ok({"contacts": [], "statusCodes": []}, 201))
    rows: list[dict[str, Any]] = [{"email": f"{i}@b.c"} for i in range(250)]
    rows.append({"email": "x@b.c", "seen": {1, 2}})
    with client(handler) as m, pytest.raises(TypeError, match=r"item 250\['seen'\]"):
        m.contacts.create_many(rows)
    assert seen == []


@pytest.mark.parametrize("blank", [None, ""])
def test_blank_values_clear_fields_on_patch(blank: str | None) -> None:
    seen, handler = recording(ok({"contact": CONTACT}))
    with client(handler) as m:
        m.contacts.update(7, {"city": blank, "firstname": "Ann"})
        assert json.loads(seen[-1].content) == {"city": blank, "firstname": "Ann", "overwriteWithBlank": True}
        m.contacts.update(7, {"city": "Paris"})
        assert "overwriteWithBlank" not in json.loads(seen[-1].content)
        m.contacts.update(7, {"city": blank, "overwriteWithBlank": False})  # the caller's choice wins
        assert json.loads(seen[-1].content)["overwriteWithBlank"] is False
        # POST blanks every omitted field of a matched contact when told to: never added there.
        m.contacts.create({"email": "a@b.c", "city": blank})
        assert "overwriteWithBlank" not in json.loads(seen[-1].content)


def test_blank_values_clear_fields_in_update_many_items() -> None:
    seen, handler = recording(ok({"contacts": [CONTACT, CONTACT], "statusCodes": [200, 200]}))
    with client(handler) as m:
        m.contacts.update_many([{"id": 7, "city": None}, {"id": 8, "city": "Nice"}])
    assert json.loads(seen[0].content) == [
        {"id": 7, "city": None, "overwriteWithBlank": True},
        {"id": 8, "city": "Nice"},
    ]


# -- list arguments ----------------------------------------------------------------------------------


def test_limit_zero_is_refused_because_mautic_reads_it_as_everything() -> None:
    seen, handler = recording(ok({"total": "0", "contacts": {}}))
    with client(handler) as m:
        with pytest.raises(ValueError, match=r"limit must be >= 1.*iterate\(\)"):
            m.contacts.list(limit=0)
        m.contacts.list(limit=1)
    assert len(seen) == 1


def test_camel_case_order_by_is_sent_as_the_column_name() -> None:
    seen, handler = recording(ok({"total": "0", "contacts": {}}))
    with client(handler) as m:
        m.contacts.list(order_by=["dateAdded", "l.lastActive", "email", "custom_field2"])
    assert seen[0].url.params["orderBy"] == "date_added,l.last_active,email,custom_field2"


# -- answers the client does not follow ------------------------------------------------------------


def test_a_redirect_is_a_status_error_naming_where_to_go() -> None:
    moved = httpx.Response(
        301, headers={"Location": "https://m.example.com/api/contacts/7"}, text="<html>Moved</html>"
    )
    _, handler = recording(moved)
    with client(handler) as m, pytest.raises(APIStatusError) as caught:
        m.contacts.get(7)
    assert type(caught.value) is APIStatusError
    assert caught.value.status_code == 301
    assert "redirects to https://m.example.com/api/contacts/7" in str(caught.value)
    assert "use its new address" in str(caught.value)


def test_a_503_asking_for_a_long_wait_says_when_to_retry() -> None:
    busy = httpx.Response(503, headers={"Retry-After": "3600"}, text="<title>Maintenance</title>")
    seen, handler = recording(busy)
    with (
        client(handler, retry_policy=RetryPolicy(max_wait=60)) as m,
        pytest.raises(InternalServerError) as caught,
    ):
        m.contacts.get(7)
    assert len(seen) == 1  # not waited out: longer than max_wait
    assert caught.value.retry_after == 3600
    assert "the server asks to retry in 3600 s (" in str(caught.value)
    assert "UTC)" in str(caught.value)


# -- closed clients ----------------------------------------------------------------------------------


def test_calls_after_close_raise_a_mautic_error() -> None:
    _, handler = recording(ok({"contact": CONTACT}))
    m = client(handler)
    copy = m.with_options(timeout=5)
    m.close()
    for attempt in (
        lambda: m.contacts.get(7),
        lambda: copy.contacts.get(7),
        lambda: list(m.contacts.iterate()),
    ):
        with pytest.raises(MauticError, match="client is closed"):
            attempt()


async def test_async_calls_after_close_raise_a_mautic_error() -> None:
    m = AsyncMautic(URL, username="a", password="b", transport=httpx.MockTransport(lambda r: ok({})))
    await m.close()
    with pytest.raises(MauticError, match="AsyncMautic client is closed"):
        await m.contacts.get(7)
    with pytest.raises(MauticError, match="client is closed"):
        async for _ in m.contacts.iterate():
            pass
    borrowed = httpx.AsyncClient()
    await borrowed.aclose()
    with pytest.raises(MauticError, match="http_client passed to this Mautic client is closed"):
        await AsyncMautic(URL, username="a", password="b", http_client=borrowed).contacts.get(7)


# -- the network stack -------------------------------------------------------------------------------


@pytest.fixture
def http_proxy() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP proxy that answers every request itself (recording the absolute URLs asked for)."""
    asked: list[str] = []

    class Proxy(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = json.dumps({"contact": CONTACT}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def test_proxies_from_the_environment_are_used(
    http_proxy: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy, asked = http_proxy
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with Mautic("http://mautic.invalid", username="a", password="b", max_retries=0) as m:
        assert m.contacts.get(7).id == 7
    assert asked == ["http://mautic.invalid/api/contacts/7"]
    monkeypatch.setenv("NO_PROXY", "mautic.invalid")
    with (
        Mautic("http://mautic.invalid", username="a", password="b", max_retries=0) as m,
        pytest.raises(MauticError),  # straight to a host that does not exist
    ):
        m.contacts.get(7)
    assert len(asked) == 1


def test_token_requests_carry_the_clients_user_agent() -> None:
    agents: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        agents[request.url.path] = request.headers.get("User-Agent", "")
        if request.url.path == "/oauth/v2/token":
            return ok({"access_token": "tok", "expires_in": 3600})
        return ok({"contact": CONTACT})

    transport = httpx.MockTransport(handler)
    with Mautic(URL, client_id="id", client_secret="secret", transport=transport) as m:
        m.contacts.get(7)
    assert agents["/oauth/v2/token"].startswith("mautic-contacts/")
    assert agents["/oauth/v2/token"] == agents["/api/contacts/7"]
    with Mautic(
        URL, client_id="id", client_secret="s", transport=transport, headers={"User-Agent": "crm/2"}
    ) as m:
        m.contacts.get(7)
    assert agents == {"/oauth/v2/token": "crm/2", "/api/contacts/7": "crm/2"}


# -- the event loop ------------------------------------------------------------------------------------


async def test_async_client_parses_big_answers_off_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    from mautic_contacts._operation import CallState

    threads: list[int] = []
    build = CallState.build

    def recording_build(self: CallState, op: Any, response: httpx.Response) -> Any:
        threads.append(threading.get_ident())
        return build(self, op, response)

    monkeypatch.setattr(CallState, "build", recording_build)
    big = {str(i): {**CONTACT, "id": i, "fields": {"all": {"notes": "n" * 1000}}} for i in range(1, 201)}
    pages = [ok({"total": "200", "contacts": big}), ok({"total": "1", "contacts": {"7": CONTACT}})]
    transport = httpx.MockTransport(lambda request: pages.pop(0))
    async with AsyncMautic(URL, username="a", password="b", transport=transport) as m:
        assert len(await m.contacts.list(limit=200)) == 200  # ~230 kB: parsed in a worker thread
        assert len(await m.contacts.list(limit=1)) == 1  # small: parsed right here
    loop_thread = threading.get_ident()
    assert threads[0] != loop_thread
    assert threads[1] == loop_thread
