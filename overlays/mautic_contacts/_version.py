"""The client's version and the `User-Agent` it sends (API calls and OAuth2 token requests alike)."""

from __future__ import annotations

from functools import cache
from importlib import metadata

import httpx

__all__ = ["user_agent", "version"]


@cache
def version() -> str:
    try:
        return metadata.version("mautic-contacts")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def user_agent() -> str:
    return f"mautic-contacts/{version()} (python-httpx/{httpx.__version__})"
