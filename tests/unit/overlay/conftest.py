"""Fixtures shared by the client's unit tests."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    """Run the test once with `Mautic` and once with `AsyncMautic`."""
    param: str = request.param
    return param
