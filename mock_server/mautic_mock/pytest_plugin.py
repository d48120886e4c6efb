"""pytest plugin (entry point ``mautic_mock``): the ``mautic_fake`` fixture, a fresh FakeMautic per test.

Imports nothing heavy at import time, so it loads even where the ``mock`` extra is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mautic_mock import FakeMautic

__all__ = ["mautic_fake"]


@pytest.fixture
def mautic_fake() -> Iterator[FakeMautic]:
    """A fresh in-memory fake Mautic (user ``admin`` / password ``mautic``); use ``.transport()``."""
    from mautic_mock import FakeMautic

    fake = FakeMautic()
    try:
        yield fake
    finally:
        fake.close()
