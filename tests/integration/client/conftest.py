"""Where the client integration tests run: the fake Mautic (default) or a live Mautic.

A live server only on explicit request: MAUTIC_LIVE_TESTS=1 together with MAUTIC_URL (+
MAUTIC_USERNAME/MAUTIC_PASSWORD or MAUTIC_CLIENT_ID/MAUTIC_CLIENT_SECRET). MAUTIC_URL alone is
ignored: it is also what the client and its CLI read, so it often names a production Mautic that
`make test` must never write to. Against a live server every contact the tests create uses a unique
address in the reserved `contract-test.invalid` domain and is deleted afterwards; tests marked
`fake_only` (fault injection, rate limits, seeded data, token lifetimes) are skipped there. Otherwise
each test gets a fresh in-memory fake, reached in-process through its httpx transport.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from client_support import FAKE_URL, FAKE_USER, LIVE_URL, Api, Target, live_credentials
from mautic_mock import FakeMautic

OPT_IN = "MAUTIC_LIVE_TESTS"
# A live server only when asked for explicitly, never because MAUTIC_URL happens to be exported.
LIVE = bool(LIVE_URL) and os.environ.get(OPT_IN, "") == "1"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if LIVE:
        terminalreporter.write_line(f"client integration tests ran against the LIVE Mautic at {LIVE_URL}")
    elif LIVE_URL:
        terminalreporter.write_line(
            f"client integration tests ran against the fake: MAUTIC_URL is ignored without {OPT_IN}=1"
        )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "fake_only: needs the fake Mautic; skipped against a live server")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not LIVE:
        return
    skip = pytest.mark.skip(reason=f"needs the fake Mautic ({OPT_IN}=1: MAUTIC_URL is a live server)")
    for item in items:
        if "fake_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def target() -> Iterator[Target]:
    if LIVE:
        yield Target(LIVE_URL, live_credentials(), None)
        return
    fake = FakeMautic(username=FAKE_USER[0], password=FAKE_USER[1])
    try:
        yield Target(FAKE_URL, {"username": FAKE_USER[0], "password": FAKE_USER[1]}, fake)
    finally:
        fake.close()


@pytest.fixture
def make_fake() -> Iterator[Callable[..., FakeMautic]]:
    """Build fakes with options (client credentials, fail_rate, rate_limit, data ...); closed afterwards."""
    fakes: list[FakeMautic] = []

    def make(**kwargs: Any) -> FakeMautic:
        kwargs.setdefault("username", FAKE_USER[0])
        kwargs.setdefault("password", FAKE_USER[1])
        fake = FakeMautic(**kwargs)
        fakes.append(fake)
        return fake

    yield make
    for fake in fakes:
        fake.close()


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest, target: Target) -> AsyncIterator[Api]:
    """The same test against `Mautic` and `AsyncMautic`."""
    client = target.sync() if request.param == "sync" else target.async_()
    handle = Api(client)
    try:
        yield handle
    finally:
        await handle.close()
        if target.live and handle.created:
            with target.sync() as cleaner:
                cleaner.contacts.delete_many(sorted(handle.created))


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    """For tests that build their own clients: "sync" or "async"."""
    param: str = request.param
    return param
