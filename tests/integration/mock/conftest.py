"""Fixtures for the fake Mautic's integration tests: plain httpx clients over the in-process transport."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from mautic_mock import FakeMautic

BASE_URL = "http://mautic.test/api"
AUTH = ("admin", "mautic")


@pytest.fixture
def fake() -> Iterator[FakeMautic]:
    instance = FakeMautic()
    try:
        yield instance
    finally:
        instance.close()


@pytest.fixture
def client(fake: FakeMautic) -> Iterator[httpx.Client]:
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http:
        yield http


@pytest.fixture
def anon(fake: FakeMautic) -> Iterator[httpx.Client]:
    """A client sending no credentials."""
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL) as http:
        yield http


@pytest.fixture
async def aclient(fake: FakeMautic) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http:
        yield http
