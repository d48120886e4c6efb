"""Paths, the shared schemathesis configuration and run statistics of the contract suite."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schemathesis.config import SchemathesisConfig

__all__ = ["CONFIG_PATH", "ROOT", "SPEC_PATH", "STATS", "RunStats", "counting", "load_config"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
CONFIG_PATH = HERE / "contract.toml"

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def load_config(
    *, auth: tuple[str, str] | None = None, max_examples: int | None = None
) -> SchemathesisConfig:
    """contract.toml as a config object (never discovered from the working directory), plus auth."""
    data: dict[str, Any] = tomllib.loads(CONFIG_PATH.read_text(encoding="utf-8"))
    if auth is not None:
        data["auth"] = {"basic": {"username": auth[0], "password": auth[1]}}
    if max_examples is not None:
        data.setdefault("generation", {})["max-examples"] = max_examples
    return SchemathesisConfig.from_dict(data, base_dir=str(HERE))


@dataclass
class RunStats:
    """What the in-process suite did: test cases per operation, HTTP requests, stateful links used."""

    cases: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    transitions: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    scenarios: int = 0


STATS = RunStats()


def counting(app: ASGIApp) -> ASGIApp:
    """Wrap an ASGI app so that every HTTP request it answers is counted in STATS."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            STATS.requests += 1
        await app(scope, receive, send)

    return wrapped
