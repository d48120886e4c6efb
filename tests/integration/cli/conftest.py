"""Fixtures of the command-line tests: a fresh in-process fake Mautic per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cli_support import PASSWORD, USER
from mautic_mock import FakeMautic


@pytest.fixture
def fake() -> Iterator[FakeMautic]:
    instance = FakeMautic(username=USER, password=PASSWORD)
    try:
        yield instance
    finally:
        instance.close()
