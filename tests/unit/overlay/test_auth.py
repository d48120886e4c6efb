from __future__ import annotations

import asyncio
import base64
import itertools
import threading
import time
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from mautic_contacts import (
    APIResponseValidationError,
    AuthenticationError,
    BasicAuth,
    ClientCredentialsAuth,
    InternalServerError,
    OAuth2Token,
    RefreshTokenAuth,
)

SITE = "https://m.example.com"
TOKEN_URL = f"{SITE}/oauth/v2/token"
CLIENT_ID, CLIENT_SECRET = "public-id-1", "very-secret-client-key"


def envelope(status: int, message: str, kind: str | None) -> httpx.Response:
    return httpx.Response(status, json={"errors": [{"message": message, "code": status, "type": kind}]})


class FakeOAuthServer:
    """Just enough of Mautic's FOSOAuthServer: client_credentials, rotating refresh tokens, bearer checks."""

    def __init__(self, *, lifetime: int = 3600) -> None:
        self.lifetime = lifetime
        self.valid_access: set[str] = set()
        self.valid_refresh: set[str] = set()
        self.token_requests: list[dict[str, str]] = []
        self.api_requests: list[str | None] = []
        self._ids = itertools.count(1)

    def issue(self, *, refresh: bool) -> dict[str, Any]:
        n = next(self._ids)
        body: dict[str, Any] = {
            "access_token": f"access-{n}",
            "expires_in": self.lifetime,
            "token_type": "bearer",
        }
        self.valid_access.add(body["access_token"])
        if refresh:
            body["refresh_token"] = f"refresh-{n}"
            self.valid_refresh.add(body["refresh_token"])
        return body

    def token_endpoint(self, request: httpx.Request) -> httpx.Response:
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        self.token_requests.append(form)
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return envelope(400, "The client credentials are invalid", "invalid_client")
        if form.get("grant_type") == "client_credentials":
            return httpx.Response(200, json=self.issue(refresh=False))
        if form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.valid_refresh:
                return envelope(400, "Invalid refresh token", "invalid_grant")
            self.valid_refresh.discard(form["refresh_token"])  # rotated
            return httpx.Response(200, json=self.issue(refresh=True))
        return envelope(400, "Invalid grant_type parameter or parameter missing", "invalid_request")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token":
            return self.token_endpoint(request)
        header = request.headers.get("Authorization")
        self.api_requests.append(header)
        if header is None or header.removeprefix("Bearer ") not in self.valid_access:
            return envelope(401, "The access token provided is invalid.", "invalid_grant")
        return httpx.Response(200, json={"total": "0", "contacts": {}})


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def client_for(server: FakeOAuthServer, auth: httpx.Auth) -> httpx.Client:
    return httpx.Client(base_url=f"{SITE}/api", transport=httpx.MockTransport(server), auth=auth)


def test_basic_auth() -> None:
    auth = BasicAuth("admin", "Maut1cR0cks!")
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as client:
        client.get(f"{SITE}/api/contacts")
    assert seen == ["Basic " + base64.b64encode(b"admin:Maut1cR0cks!").decode()]
    assert repr(auth) == "BasicAuth(username='admin', password='[redacted]')"
    with pytest.raises(ValueError, match="non-empty"):
        BasicAuth("admin", "")


def test_client_credentials_token_is_fetched_lazily_and_cached() -> None:
    server = FakeOAuthServer()
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET)
    with client_for(server, auth) as client:
        assert server.token_requests == []
        for _ in range(3):
            assert client.get("/contacts").status_code == 200
    assert server.token_requests == [
        {"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}
    ]
    assert server.api_requests == ["Bearer access-1"] * 3
    assert auth.token is not None
    assert auth.token.access_token == "access-1"


def test_token_is_renewed_shortly_before_it_expires() -> None:
    server, clock = FakeOAuthServer(lifetime=3600), Clock()
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET, clock=clock)
    with client_for(server, auth) as client:
        client.get("/contacts")
        clock.now += 3600 - 61
        client.get("/contacts")
        clock.now += 2
        client.get("/contacts")
    assert server.api_requests == ["Bearer access-1", "Bearer access-1", "Bearer access-2"]
    assert len(server.token_requests) == 2


def test_short_lived_tokens_are_renewed_at_half_life() -> None:
    server, clock = FakeOAuthServer(lifetime=30), Clock()
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET, clock=clock)
    with client_for(server, auth) as client:
        client.get("/contacts")
        clock.now += 14
        client.get("/contacts")
        clock.now += 2
        client.get("/contacts")
    assert server.api_requests == ["Bearer access-1", "Bearer access-1", "Bearer access-2"]


def test_a_rejected_token_is_renewed_once() -> None:
    server = FakeOAuthServer()
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET)
    with client_for(server, auth) as client:
        client.get("/contacts")
        server.valid_access.clear()  # e.g. revoked in Mautic's UI
        assert client.get("/contacts").status_code == 200
        assert server.api_requests[-2:] == ["Bearer access-1", "Bearer access-2"]
        # A server that rejects every token: one renewal, then the 401 is returned.
        server.issue = lambda *, refresh: {"access_token": "never-valid", "expires_in": 3600}  # type: ignore[method-assign]
        server.valid_access.clear()
        calls_before = len(server.token_requests)
        assert client.get("/contacts").status_code == 401
        assert len(server.token_requests) == calls_before + 1


def test_refused_credentials_raise_authentication_error_without_secrets() -> None:
    server = FakeOAuthServer()
    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, "wrong-secret-value")
    with client_for(server, auth) as client, pytest.raises(AuthenticationError) as caught:
        client.get("/contacts")
    error = caught.value
    assert error.status_code == 400
    assert error.errors[0].type == "invalid_client"
    assert str(error) == (
        "OAuth2 token request refused: 400 Bad Request: "
        "The client credentials are invalid (POST /oauth/v2/token)"
    )
    for text in (str(error), repr(error), repr(auth)):
        assert "wrong-secret-value" not in text
    assert server.api_requests == []


def test_token_endpoint_failures() -> None:
    with (
        client_for(lambda r: httpx.Response(500, text="<title>Oops</title>"), ClientCredentialsAuth(  # type: ignore[arg-type]
            TOKEN_URL, CLIENT_ID, CLIENT_SECRET)) as client,
        pytest.raises(InternalServerError, match="OAuth2 token request failed: 500"),
    ):  # fmt: skip
        client.get("/contacts")
    answer = httpx.Response(200, json={"token": "access-9", "refresh_token": "r"})
    with (
        client_for(lambda r: answer, ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET)) as client,  # type: ignore[arg-type]
        pytest.raises(APIResponseValidationError, match="without an access_token") as caught,
    ):
        client.get("/contacts")
    assert caught.value.body is None  # the answer may hold secrets: not kept


def test_refresh_token_flow_rotates_and_reports_new_tokens() -> None:
    server = FakeOAuthServer()
    first = server.issue(refresh=True)
    saved: list[OAuth2Token] = []
    auth = RefreshTokenAuth(
        TOKEN_URL,
        access_token=first["access_token"],
        refresh_token=first["refresh_token"],
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        on_token=saved.append,
    )
    with client_for(server, auth) as client:
        client.get("/contacts")
        assert server.token_requests == []
        server.valid_access.clear()
        assert client.get("/contacts").status_code == 200
        server.valid_access.clear()
        assert client.get("/contacts").status_code == 200
    assert [t.access_token for t in saved] == ["access-2", "access-3"]
    assert [t.refresh_token for t in saved] == ["refresh-2", "refresh-3"]
    assert [r["refresh_token"] for r in server.token_requests] == ["refresh-1", "refresh-2"]
    assert all(r["grant_type"] == "refresh_token" for r in server.token_requests)


def test_known_expiry_is_refreshed_before_the_first_call() -> None:
    server, clock = FakeOAuthServer(), Clock()
    first = server.issue(refresh=True)
    auth = RefreshTokenAuth(
        TOKEN_URL,
        access_token=first["access_token"],
        refresh_token=first["refresh_token"],
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        expires_at=clock.now + 10,
        clock=clock,
    )
    with client_for(server, auth) as client:
        client.get("/contacts")
    assert server.api_requests == ["Bearer access-2"]


def test_a_rejected_refresh_token_raises() -> None:
    server = FakeOAuthServer()
    auth = RefreshTokenAuth(
        TOKEN_URL,
        access_token="stale",
        refresh_token="used-up",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    with (
        client_for(server, auth) as client,
        pytest.raises(AuthenticationError, match="Invalid refresh token"),
    ):
        client.get("/contacts")


def test_static_access_token_is_used_as_is() -> None:
    server = FakeOAuthServer()
    auth = RefreshTokenAuth(TOKEN_URL, access_token="from-elsewhere")
    with client_for(server, auth) as client:
        assert client.get("/contacts").status_code == 401
    assert server.token_requests == []
    assert server.api_requests == ["Bearer from-elsewhere"]
    with pytest.raises(ValueError, match="client_id and client_secret"):
        RefreshTokenAuth(TOKEN_URL, access_token="a", refresh_token="r")


def test_reprs_hide_secrets() -> None:
    token = OAuth2Token("acc-secret-1", "ref-secret-2", 12.0)
    auth = RefreshTokenAuth(
        TOKEN_URL,
        access_token="acc-secret-1",
        refresh_token="ref-secret-2",
        client_id="id",
        client_secret="cs-3",
    )
    texts = [repr(token), str(token), repr(auth), repr(ClientCredentialsAuth(TOKEN_URL, "id", "cs-3"))]
    for text in texts:
        for secret in ("acc-secret-1", "ref-secret-2", "cs-3"):
            assert secret not in text
    assert repr(token) == (
        "OAuth2Token(access_token='[redacted]', refresh_token='[redacted]', "
        "expires_at=12.0, token_type='Bearer')"
    )
    assert set(auth.secrets) == {"acc-secret-1", "ref-secret-2", "cs-3"}


class CountingLock:
    """A lock that counts how many threads have tried to take it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._meta = threading.Lock()
        self.attempts = 0

    def __enter__(self) -> CountingLock:
        with self._meta:
            self.attempts += 1
        self._lock.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def test_threads_share_one_token_request() -> None:
    server = FakeOAuthServer()
    entered, release = threading.Event(), threading.Event()

    def slow_server(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token":
            entered.set()
            release.wait(5)
        return server(request)

    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET)
    lock = CountingLock()
    auth._lock = lock  # type: ignore[assignment]
    statuses: list[int] = []
    with httpx.Client(
        base_url=f"{SITE}/api", transport=httpx.MockTransport(slow_server), auth=auth
    ) as client:
        threads = [
            threading.Thread(target=lambda: statuses.append(client.get("/contacts").status_code))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        assert entered.wait(5)
        deadline = time.monotonic() + 5
        while lock.attempts < 8 and time.monotonic() < deadline:
            time.sleep(0)  # yield until every thread is queued on the lock
        release.set()
        for thread in threads:
            thread.join(5)
    assert lock.attempts == 8
    assert statuses == [200] * 8
    assert len(server.token_requests) == 1


async def test_async_tasks_share_one_token_request_and_renew_on_401() -> None:
    server = FakeOAuthServer()
    release = asyncio.Event()

    async def slow_server(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token":
            await release.wait()
        return server(request)

    auth = ClientCredentialsAuth(TOKEN_URL, CLIENT_ID, CLIENT_SECRET)
    async with httpx.AsyncClient(
        base_url=f"{SITE}/api", transport=httpx.MockTransport(slow_server), auth=auth
    ) as client:
        tasks = [asyncio.create_task(client.get("/contacts")) for _ in range(10)]
        for _ in range(20):
            await asyncio.sleep(0)
        release.set()
        responses = await asyncio.gather(*tasks)
        assert [r.status_code for r in responses] == [200] * 10
        assert len(server.token_requests) == 1
        server.valid_access.clear()
        assert (await client.get("/contacts")).status_code == 200
    assert len(server.token_requests) == 2
    assert server.api_requests[-2:] == ["Bearer access-1", "Bearer access-2"]


async def test_async_refresh_token_flow() -> None:
    server = FakeOAuthServer()
    first = server.issue(refresh=True)
    saved: list[OAuth2Token] = []
    auth = RefreshTokenAuth(
        TOKEN_URL,
        access_token=first["access_token"],
        refresh_token=first["refresh_token"],
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        on_token=saved.append,
    )
    server.valid_access.clear()
    async with httpx.AsyncClient(
        base_url=f"{SITE}/api", transport=httpx.MockTransport(server), auth=auth
    ) as client:
        assert (await client.get("/contacts")).status_code == 200
    assert [t.refresh_token for t in saved] == ["refresh-2"]
