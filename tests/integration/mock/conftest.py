"""Fixtures for the fake Mautic's integration tests: plain httpx clients, in-process and over loopback.

``client``, ``anon`` and ``aclient`` are parametrized: every test using them runs once through the
in-process transport and once over a real loopback socket (uvicorn, as ``serve_in_thread`` serves it).
Tests that only use ``fake`` (its store, its clock, their own transports) run once.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from mautic_mock import FakeMautic
from mautic_mock._server import FakeServer
from starlette.types import ASGIApp, Receive, Scope, Send

BASE_URL = "http://mautic.test/api"
AUTH = ("admin", "mautic")
MODES = ("in-process", "loopback")
# The loopback URLs are plain http: one context, so that each client does not load the CA bundle
# again (~50 ms a client).
_TLS = ssl.create_default_context()


class _CurrentFake:
    """The ASGI app of the test being run, behind one loopback server for the whole session.

    Starting and stopping a server for each of several hundred tests costs ~0.15 s each; this serves
    each test's own ``FakeMautic.app`` unchanged through the same uvicorn setup as ``serve_in_thread``.
    """

    def __init__(self) -> None:
        self.app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert self.app is not None, "no fake is being served"
        await self.app(scope, receive, send)


@pytest.fixture(scope="session")
def _loopback() -> Iterator[tuple[_CurrentFake, FakeServer]]:
    current = _CurrentFake()
    with FakeServer(current) as server:
        yield current, server


@pytest.fixture
def fake() -> Iterator[FakeMautic]:
    instance = FakeMautic()
    try:
        yield instance
    finally:
        instance.close()


Api = tuple[str, httpx.BaseTransport | None, httpx.AsyncBaseTransport | None]


@pytest.fixture(params=MODES)
def api(
    request: pytest.FixtureRequest, fake: FakeMautic, _loopback: tuple[_CurrentFake, FakeServer]
) -> Iterator[Api]:
    """(base URL, sync transport, async transport) reaching ``fake`` the parametrized way."""
    if request.param == "in-process":
        transport = fake.transport()
        yield BASE_URL, transport, transport
        return
    current, server = _loopback
    current.app = fake.app
    try:
        yield server.api_url, None, None
    finally:
        current.app = None


@pytest.fixture
def client(api: Api) -> Iterator[httpx.Client]:
    url, transport, _ = api
    with httpx.Client(transport=transport, base_url=url, auth=AUTH, verify=_TLS) as http:
        yield http


@pytest.fixture
def anon(api: Api) -> Iterator[httpx.Client]:
    """A client sending no credentials."""
    url, transport, _ = api
    with httpx.Client(transport=transport, base_url=url, verify=_TLS) as http:
        yield http


@pytest.fixture
async def aclient(api: Api) -> AsyncIterator[httpx.AsyncClient]:
    url, _, transport = api
    async with httpx.AsyncClient(transport=transport, base_url=url, auth=AUTH, verify=_TLS) as http:
        yield http
