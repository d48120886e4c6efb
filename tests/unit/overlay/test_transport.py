from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest
from mautic_contacts import (
    DEFAULT_TIMEOUT,
    AsyncRetryTransport,
    ClientCredentialsAuth,
    RateLimitError,
    RetryPolicy,
    RetryTransport,
    request_options,
)
from mautic_contacts._exceptions import make_status_error

API = "https://m.example.com/api"
NOW = 1_700_000_000.0
Step = httpx.Response | Exception


class Script:
    """A handler that answers each request with the next scripted response or exception."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        if isinstance(step, Exception):
            raise step
        return httpx.Response(step.status_code, headers=step.headers, content=step.content)


def no_sleeps() -> list[float]:
    """Where the retrying transport records the waits it would have slept."""
    return []


def sync_client(script: Script, sleeps: list[float], **kwargs: Any) -> httpx.Client:
    transport = RetryTransport(
        httpx.MockTransport(script), sleep=sleeps.append, clock=lambda: NOW, random=lambda: 0.0, **kwargs
    )
    return httpx.Client(base_url=API, transport=transport)


def async_client(script: Script, sleeps: list[float], **kwargs: Any) -> httpx.AsyncClient:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    transport = AsyncRetryTransport(
        httpx.MockTransport(script), sleep=sleep, clock=lambda: NOW, random=lambda: 0.0, **kwargs
    )
    return httpx.AsyncClient(base_url=API, transport=transport)


OK = httpx.Response(200, json={"contact": {"id": 1}})


def test_transient_errors_are_retried_with_backoff() -> None:
    script, sleeps = Script(httpx.Response(503), httpx.ConnectError("refused"), OK), no_sleeps()
    with sync_client(script, sleeps) as client:
        response = client.get("/contacts/1")
    assert response.status_code == 200
    assert len(script.requests) == 3
    assert sleeps == [0.5, 1.0]


def test_retries_stop_after_max_retries_and_return_the_last_answer() -> None:
    script, sleeps = Script(httpx.Response(503)), no_sleeps()
    with sync_client(script, sleeps) as client:
        assert client.get("/contacts").status_code == 503
    assert len(script.requests) == 3
    script, sleeps = Script(httpx.Response(503)), no_sleeps()
    with sync_client(script, sleeps, policy=RetryPolicy(max_retries=5)) as client:
        assert client.get("/contacts").status_code == 503
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]


def test_timeouts_are_raised_after_the_last_retry() -> None:
    script, sleeps = Script(httpx.ReadTimeout("slow")), no_sleeps()
    with sync_client(script, sleeps) as client, pytest.raises(httpx.ReadTimeout):
        client.get("/contacts")
    assert len(script.requests) == 3


def test_unsafe_requests_are_not_resent_after_they_may_have_been_applied() -> None:
    script, sleeps = Script(httpx.ReadTimeout("slow"), OK), no_sleeps()
    with sync_client(script, sleeps) as client, pytest.raises(httpx.ReadTimeout):
        client.post("/contacts/5/points/plus/10")
    assert len(script.requests) == 1
    script, sleeps = Script(httpx.Response(502), OK), no_sleeps()
    with sync_client(script, sleeps) as client:
        assert client.post("/contacts/5/utm/add", json={"utm_source": "x"}).status_code == 502
    assert len(script.requests) == 1
    # ... but they are when nothing reached the server.
    script, sleeps = Script(httpx.ConnectError("refused"), httpx.Response(429), OK), no_sleeps()
    with sync_client(script, sleeps) as client:
        assert client.post("/contacts/5/utm/add", json={"utm_source": "x"}).status_code == 200
    assert len(script.requests) == 3
    assert script.requests[2].content == b'{"utm_source":"x"}'


def test_rate_limit_waits_as_asked_or_gives_up_with_the_reset_time() -> None:
    script, sleeps = Script(httpx.Response(429, headers={"Retry-After": "3"}), OK), no_sleeps()
    with sync_client(script, sleeps) as client:
        assert client.get("/contacts").status_code == 200
    assert sleeps == [3.0]
    limited = httpx.Response(
        429,
        text='{ "errors": [ { "code": 429, '
        '"message": "You exceeded the rate limit of 5 API calls per hour.", "details": [] } ]}',
        headers={"X-RateLimit-Reset": str(int(NOW) + 1800), "Content-Type": "text/html"},
    )
    script, sleeps = Script(limited), no_sleeps()
    with sync_client(script, sleeps) as client:
        response = client.get("/contacts")
    assert response.status_code == 429
    assert sleeps == []
    assert len(script.requests) == 1
    error = make_status_error(response, now=NOW)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == pytest.approx(1800)
    assert "the limit resets at" in str(error)


def test_request_options_override_retries_and_safety_per_call() -> None:
    script, sleeps = Script(httpx.Response(503), OK), no_sleeps()
    with sync_client(script, sleeps) as client:
        with request_options(max_retries=0):
            assert client.get("/contacts").status_code == 503
        assert client.get("/contacts").status_code == 200
    script, sleeps = Script(httpx.Response(502), OK), no_sleeps()
    with sync_client(script, sleeps) as client, request_options(idempotent=True):
        assert client.post("/contacts/5/utm/add", json={}).status_code == 200
    script, sleeps = Script(httpx.Response(502), OK), no_sleeps()
    with sync_client(script, sleeps) as client, request_options(idempotent=False):
        assert client.get("/contacts").status_code == 502


def timeouts_seen(script: Script) -> list[dict[str, float | None]]:
    return [r.extensions["timeout"] for r in script.requests]


def test_timeouts_per_client_and_per_call() -> None:
    script, sleeps = Script(OK), no_sleeps()
    with sync_client(script, sleeps, timeout=DEFAULT_TIMEOUT) as client:
        client.get("/contacts")
        with request_options(timeout=2.5):
            client.get("/contacts")
            with request_options(timeout=None):
                client.get("/contacts")
            with request_options(max_retries=1):  # nested block keeps the outer timeout
                client.get("/contacts")
        client.get("/contacts")
    default = {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    short = dict.fromkeys(("connect", "read", "write", "pool"), 2.5)
    unlimited = dict.fromkeys(("connect", "read", "write", "pool"))
    assert timeouts_seen(script) == [default, short, unlimited, short, default]


def test_without_a_timeout_the_http_clients_own_applies() -> None:
    script = Script(OK)
    transport = RetryTransport(httpx.MockTransport(script))
    with httpx.Client(base_url=API, transport=transport, timeout=7.0) as client:
        client.get("/contacts")
    assert timeouts_seen(script) == [dict.fromkeys(("connect", "read", "write", "pool"), 7.0)]


@pytest.mark.parametrize("bad", [0, -1, "5", True])
def test_bad_timeouts_are_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="timeout"), request_options(timeout=bad):
        pass


def test_token_requests_go_through_the_retries_too() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/oauth/v2/token":
            if calls.count("/oauth/v2/token") == 1:
                return httpx.Response(503)
            return httpx.Response(200, json={"access_token": "tok", "expires_in": 3600})
        assert request.headers["Authorization"] == "Bearer tok"
        return httpx.Response(200, json={})

    sleeps: list[float] = []
    transport = RetryTransport(httpx.MockTransport(handler), sleep=sleeps.append, random=lambda: 0.0)
    auth = ClientCredentialsAuth("https://m.example.com/oauth/v2/token", "id", "secret")
    with httpx.Client(base_url=API, transport=transport, auth=auth) as client:
        assert client.get("/contacts").status_code == 200
    assert calls == ["/oauth/v2/token", "/oauth/v2/token", "/api/contacts"]
    assert sleeps == [0.5]


def test_logging_redacts_credentials(caplog: pytest.LogCaptureFixture) -> None:
    script, sleeps = Script(httpx.Response(503), OK), no_sleeps()
    caplog.set_level(logging.DEBUG, logger="mautic_contacts")
    with sync_client(script, sleeps) as client:
        client.get("/contacts?search=x&access_token=leaky", headers={"Authorization": "Bearer secret-token"})
    text = caplog.text
    assert "secret-token" not in text
    assert "leaky" not in text
    assert "HTTP request: GET https://m.example.com/api/contacts?search=x&access_token=%5Bredacted%5D" in text
    assert "-> 503 Service Unavailable" in text
    assert "Retrying GET" in text
    assert any(r.levelno == logging.INFO and "retry 1 of 2" in r.getMessage() for r in caplog.records)


def test_close_is_delegated() -> None:
    closed: list[str] = []

    class Inner(httpx.MockTransport):
        def close(self) -> None:
            closed.append("sync")

    RetryTransport(Inner(Script(OK))).close()
    assert closed == ["sync"]


# -- async ---------------------------------------------------------------------------------------


async def test_async_retries_and_timeouts() -> None:
    script, sleeps = Script(httpx.Response(504), httpx.RemoteProtocolError("closed"), OK), no_sleeps()
    async with async_client(script, sleeps, timeout=DEFAULT_TIMEOUT) as client:
        with request_options(timeout=1.0):
            response = await client.get("/contacts")
    assert response.status_code == 200
    assert sleeps == [0.5, 1.0]
    assert timeouts_seen(script)[0] == dict.fromkeys(("connect", "read", "write", "pool"), 1.0)


async def test_async_unsafe_and_rate_limited() -> None:
    script, sleeps = Script(httpx.ReadTimeout("slow"), OK), no_sleeps()
    async with async_client(script, sleeps) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post("/contacts/5/points/minus/1")
    assert len(script.requests) == 1
    script, sleeps = Script(httpx.Response(429, headers={"Retry-After": "2"}), OK), no_sleeps()
    async with async_client(script, sleeps) as client:
        assert (await client.post("/contacts/5/points/minus/1")).status_code == 200
    assert sleeps == [2.0]


async def test_per_call_options_are_isolated_between_tasks() -> None:
    script, sleeps = Script(OK), no_sleeps()
    seen: dict[str, float | None] = {}
    both_inside = asyncio.Barrier(2)

    async def call(name: str, seconds: float) -> None:
        with request_options(timeout=seconds):
            await both_inside.wait()  # both blocks are open at the same time
            response = await client.get(f"/contacts?who={name}")
            seen[name] = response.request.extensions["timeout"]["read"]

    async with async_client(script, sleeps) as client:
        await asyncio.gather(call("a", 1.0), call("b", 2.0))
        outside = await client.get("/contacts")
    assert seen == {"a": 1.0, "b": 2.0}
    assert outside.request.extensions["timeout"]["read"] == 5.0  # httpx's default, untouched


async def test_async_close_is_delegated() -> None:
    closed: list[str] = []

    class Inner(httpx.MockTransport):
        async def aclose(self) -> None:
            closed.append("async")

    await AsyncRetryTransport(Inner(Script(OK))).aclose()
    assert closed == ["async"]


def test_capture_keeps_the_final_answer_and_forgets_it_on_a_transport_error() -> None:
    from mautic_contacts import capture_response

    script, sleeps = Script(httpx.Response(503), httpx.Response(418, text="teapot")), no_sleeps()
    with sync_client(script, sleeps) as client:
        with capture_response() as captured:
            client.get("/contacts")
        assert captured.response is not None
        assert (captured.response.status_code, captured.response.text) == (418, "teapot")
        client.get("/contacts")  # outside the block: nothing recorded, nothing breaks
        assert captured.response.status_code == 418
    script = Script(OK, httpx.ConnectError("refused"))
    with (
        sync_client(script, sleeps, policy=RetryPolicy(max_retries=0)) as client,
        capture_response() as captured,
    ):
        client.get("/contacts")
        assert captured.response is not None
        with pytest.raises(httpx.ConnectError):
            client.get("/contacts")
        assert captured.response is None
