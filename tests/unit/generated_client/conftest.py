"""Fixtures: a generated client wired to a recording httpx.MockTransport, called sync or async."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx
import pytest
from generated_client_support import BASE_URL, Call, Recorder
from mautic_contacts_client import AuthenticatedClient
from mautic_contacts_client.types import Response


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder: Recorder) -> AuthenticatedClient:
    # One MockTransport serves both the sync and the async httpx client built from httpx_args.
    return AuthenticatedClient(
        base_url=BASE_URL,
        token="secret-token",
        httpx_args={"transport": httpx.MockTransport(recorder.handle)},
    )


@pytest.fixture(params=["sync", "async"])
def call(request: pytest.FixtureRequest) -> Call:
    """Call an endpoint module through `sync_detailed` or `asyncio_detailed`."""

    async def sync_call(module: ModuleType, *args: Any, **kwargs: Any) -> Response[Any]:
        result: Response[Any] = module.sync_detailed(*args, **kwargs)
        return result

    async def async_call(module: ModuleType, *args: Any, **kwargs: Any) -> Response[Any]:
        result: Response[Any] = await module.asyncio_detailed(*args, **kwargs)
        return result

    return sync_call if request.param == "sync" else async_call
