"""Authentication (Basic, OAuth2 client credentials, given tokens), retries, rate limits, timeouts,
bring-your-own httpx clients, environment configuration and secrecy, against the fake."""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from client_support import FAKE_URL, Api, fake_api
from mautic_contacts import (
    APIConnectionError,
    APITimeoutError,
    AsyncMautic,
    AuthenticationError,
    Mautic,
    OAuth2Token,
    RateLimitError,
    RetryPolicy,
)
from mautic_mock import FakeMautic

pytestmark = pytest.mark.fake_only

CLIENT = {"client_id": "app-1", "client_secret": "s3cret-client-value"}
FAST_RETRIES = RetryPolicy(max_retries=6, initial_delay=0.001, max_delay=0.002)


class Recorder(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wraps the fake's transport and records (method, path, status) of every answer."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seen: list[tuple[str, str, int]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = self.inner.handle_request(request)
        self.seen.append((request.method, request.url.path, response.status_code))
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = await self.inner.handle_async_request(request)
        self.seen.append((request.method, request.url.path, response.status_code))
        return response

    def statuses(self, path: str) -> list[int]:
        return [status for _, p, status in self.seen if p == path]


async def test_client_credentials_token_is_fetched_once_and_reused(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake(**CLIENT)
    tokens: list[OAuth2Token] = []
    recorder = Recorder(fake.transport())
    api = fake_api(fake, kind, **CLIENT, transport=recorder, on_token=tokens.append)
    try:
        made = await api.contacts.create({"email": "oauth@contract-test.invalid"})
        assert (await api.contacts.get(made.id)).id == made.id
    finally:
        await api.close()
    assert len(tokens) == 1
    assert tokens[0].expires_at is not None
    assert recorder.statuses("/oauth/v2/token") == [200]
    assert "s3cret" not in repr(api.client)
    assert tokens[0].access_token not in repr(tokens[0])


async def test_token_is_renewed_before_it_expires(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(**CLIENT, token_lifetime=1)
    tokens: list[OAuth2Token] = []
    recorder = Recorder(fake.transport())
    api = fake_api(fake, kind, **CLIENT, transport=recorder, on_token=tokens.append)
    try:
        await api.contacts.list(limit=1)
        await asyncio.sleep(0.6)  # past half the 1 s lifetime: renewed before use
        await api.contacts.list(limit=1)
    finally:
        await api.close()
    assert len(tokens) == 2
    assert tokens[0].access_token != tokens[1].access_token
    assert 401 not in recorder.statuses("/api/contacts")


async def test_token_is_renewed_once_when_the_server_rejects_it(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    now = [time.time()]
    fake = make_fake(**CLIENT, clock=lambda: now[0])
    tokens: list[OAuth2Token] = []
    recorder = Recorder(fake.transport())
    api = fake_api(fake, kind, **CLIENT, transport=recorder, on_token=tokens.append)
    try:
        await api.contacts.list(limit=1)
        now[0] += 7200  # the server's clock says the token expired; the client's does not
        page = await api.contacts.list(limit=1)
    finally:
        await api.close()
    assert page.total == 0
    assert recorder.statuses("/api/contacts") == [200, 401, 200]
    assert len(tokens) == 2


async def test_refused_client_credentials(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(**CLIENT)
    api = fake_api(fake, kind, client_id="app-1", client_secret="wrong-secret-value")
    try:
        with pytest.raises(AuthenticationError) as caught:
            await api.contacts.list()
    finally:
        await api.close()
    assert caught.value.errors[0].type == "invalid_client"
    assert "wrong-secret-value" not in str(caught.value)


async def test_given_access_token(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(**CLIENT)
    tokens: list[OAuth2Token] = []
    first = fake_api(fake, kind, **CLIENT, on_token=tokens.append)
    await first.contacts.list(limit=1)
    await first.close()

    reused = fake_api(fake, kind, access_token=tokens[0].access_token)
    bad = fake_api(fake, kind, access_token="not-a-valid-token")
    try:
        assert (await reused.contacts.list(limit=1)).total == 0
        with pytest.raises(AuthenticationError) as caught:
            await bad.contacts.list(limit=1)
    finally:
        await reused.close()
        await bad.close()
    assert caught.value.status_code == 401
    assert "not-a-valid-token" not in str(caught.value)


async def test_gateway_failures_are_retried(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(fail_rate=0.25, fail_seed=2)
    recorder = Recorder(fake.transport())
    api = fake_api(fake, kind, transport=recorder, retry_policy=FAST_RETRIES)
    try:
        ids = [(await api.contacts.create({"email": f"r{i}@contract-test.invalid"})).id for i in range(8)]
        assert len(set(ids)) == 8  # retried creates deduplicate by email: no doubles
        page = await api.contacts.list(limit=50)
        for contact_id in ids:
            await api.contacts.get(contact_id)
    finally:
        await api.close()
    assert page.total == 8
    failures = [s for _, _, s in recorder.seen if s >= 500]
    assert failures, "the fake injected no failure: the test proves nothing"
    assert set(failures) <= {502, 503}


async def test_rate_limit_error_when_the_wait_is_too_long(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    fake = make_fake(rate_limit="2/5")  # 2 calls per 5 s window
    api = fake_api(fake, kind, retry_policy=RetryPolicy(max_wait=1))
    try:
        await api.contacts.list(limit=1)
        await api.contacts.list(limit=1)
        with pytest.raises(RateLimitError) as caught:
            await api.contacts.list(limit=1)
    finally:
        await api.close()
    error = caught.value
    assert error.status_code == 429
    assert error.limit == 2
    assert error.remaining == 0
    assert error.retry_after is not None
    assert 1 < error.retry_after <= 6
    assert error.resets_at is not None
    assert "resets at" in str(error)


async def test_rate_limit_is_waited_out_when_allowed(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(rate_limit="1/0.2")
    recorder = Recorder(fake.transport())
    api = fake_api(fake, kind, transport=recorder, retry_policy=RetryPolicy(max_wait=5))
    try:
        await api.contacts.list(limit=1)
        page = await api.contacts.list(limit=1)
    finally:
        await api.close()
    assert page.total == 0
    assert recorder.statuses("/api/contacts") == [200, 429, 200]


async def test_timeouts_and_connection_errors(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(latency_ms=400)
    client_class = Mautic if kind == "sync" else AsyncMautic
    with fake.serve_in_thread() as server:
        slow = Api(client_class(server.url, username="admin", password="mautic", timeout=0.1, max_retries=0))
        try:
            with pytest.raises(APITimeoutError):
                await slow.contacts.list(limit=1)
            patient = Api(slow.client.with_options(timeout=5))
            assert (await patient.contacts.list(limit=1)).total == 0
        finally:
            await slow.close()
    refused = Api(client_class("http://127.0.0.1:9", username="admin", password="mautic", max_retries=0))
    try:
        with pytest.raises(APIConnectionError) as caught:
            await refused.contacts.list()
    finally:
        await refused.close()
    assert not isinstance(caught.value, APITimeoutError)


async def test_bring_your_own_httpx_client(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    fake = make_fake(fail_rate=0.25, fail_seed=2)
    sent: list[httpx.Request] = []

    def hook(request: httpx.Request) -> None:
        sent.append(request)

    async def ahook(request: httpx.Request) -> None:
        sent.append(request)

    own: httpx.Client | httpx.AsyncClient
    if kind == "sync":
        own = httpx.Client(
            transport=fake.transport(), headers={"X-Team": "crm"}, event_hooks={"request": [hook]}
        )
        client: Mautic | AsyncMautic = Mautic(
            FAKE_URL, username="admin", password="mautic", http_client=own, retry_policy=FAST_RETRIES
        )
    else:
        own = httpx.AsyncClient(
            transport=fake.transport(), headers={"X-Team": "crm"}, event_hooks={"request": [ahook]}
        )
        client = AsyncMautic(
            FAKE_URL, username="admin", password="mautic", http_client=own, retry_policy=FAST_RETRIES
        )
    api = Api(client)
    for i in range(6):
        await api.contacts.create({"email": f"byo{i}@contract-test.invalid"})
    await api.close()
    assert not own.is_closed  # ours to close, not the Mautic client's
    assert len(sent) > 6, "no retry went through the user's client"
    assert all(r.headers["Authorization"].startswith("Basic ") for r in sent)
    assert all(r.headers["X-Team"] == "crm" for r in sent)
    assert all(r.headers["User-Agent"].startswith("mautic-contacts/") for r in sent)
    assert all(str(r.url).startswith(f"{FAKE_URL}/api/") for r in sent)
    if isinstance(own, httpx.Client):
        own.close()
    else:
        await own.aclose()


async def test_environment_variables_configure_the_client(
    make_fake: Callable[..., FakeMautic], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = make_fake(username="envuser", password="env-password")
    monkeypatch.setenv("MAUTIC_URL", f"{FAKE_URL}/api/")
    monkeypatch.setenv("MAUTIC_USERNAME", "envuser")
    monkeypatch.setenv("MAUTIC_PASSWORD", "env-password")
    monkeypatch.delenv("MAUTIC_CLIENT_ID", raising=False)
    monkeypatch.delenv("MAUTIC_CLIENT_SECRET", raising=False)
    client = Mautic(transport=fake.transport()) if kind == "sync" else AsyncMautic(transport=fake.transport())
    api = Api(client)
    try:
        assert (await api.contacts.list(limit=1)).total == 0
    finally:
        await api.close()
    assert client.base_url == f"{FAKE_URL}/api"
    assert "env-password" not in repr(client)


async def test_secrets_never_reach_logs_reprs_or_errors(
    make_fake: Callable[..., FakeMautic], kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake = make_fake(password="Pa55-w0rd-basic", **CLIENT, fail_rate=0.25, fail_seed=2)
    tokens: list[OAuth2Token] = []
    caplog.set_level(logging.DEBUG, logger="mautic_contacts")
    basic = fake_api(fake, kind, password="Pa55-w0rd-basic", retry_policy=FAST_RETRIES)
    oauth = fake_api(fake, kind, **CLIENT, retry_policy=FAST_RETRIES, on_token=tokens.append)
    wrong = fake_api(fake, kind, password="Wr0ng-Passw0rd", max_retries=0)
    errors: list[str] = []
    try:
        for api in (basic, oauth):
            await api.contacts.create({"email": "secret@contract-test.invalid"})
            await api.contacts.list(limit=5)
        with pytest.raises(AuthenticationError) as caught:
            await wrong.contacts.list()
        errors += [str(caught.value), repr(caught.value)]
    finally:
        for api in (basic, oauth, wrong):
            await api.close()
    basic_header = base64.b64encode(b"admin:Pa55-w0rd-basic").decode()
    secrets = [
        "Pa55-w0rd-basic",
        basic_header,
        "s3cret-client-value",
        "Wr0ng-Passw0rd",
        *(t.access_token for t in tokens),
    ]
    shown = caplog.text + "".join(errors) + "".join(repr(a.client) for a in (basic, oauth, wrong))
    assert "HTTP request" in caplog.text  # logging happened: the check is not vacuous
    assert tokens
    for secret in secrets:
        assert secret not in shown
