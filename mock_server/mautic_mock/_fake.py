"""``FakeMautic``: one fake Mautic 5 instance (state, ASGI app, in-process transport, loopback server)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from starlette.applications import Starlette

from ._app import Dispatcher, build_app
from ._auth import Authenticator, Credentials
from ._datafile import read_data
from ._faults import FaultInjector
from ._handlers import Ctx
from ._ratelimit import RateLimiter, parse_rate_limit
from ._server import FakeServer
from ._store import Store
from ._transport import FakeTransport

__all__ = ["FakeMautic"]


class FakeMautic:
    """A stateful fake of a fresh Mautic 5 instance, seen through its contacts API.

    ``db`` is ``":memory:"`` or a SQLite file path (state survives restarts); ``data`` is a JSON
    file path or mapping seeding a fresh database (see the README, "Fake data file format");
    ``rate_limit`` is ``N``, ``"N/SECONDS"`` or ``(N, seconds)``; ``fail_rate`` answers that share of
    requests with 502/503 before touching data, reproducibly for a given ``fail_seed``.
    """

    def __init__(
        self,
        username: str = "admin",
        password: str = "mautic",  # noqa: S107 - the documented default of the fake
        client_id: str | None = None,
        client_secret: str | None = None,
        db: str | Path = ":memory:",
        data: str | Path | dict[str, Any] | None = None,
        rate_limit: int | str | tuple[int, float] | None = None,
        latency_ms: float = 0,
        fail_rate: float = 0.0,
        fail_seed: int | None = None,
        *,
        token_lifetime: int = 3600,
        count_cache_ttl: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if (client_id is None) != (client_secret is None):
            raise ValueError("client_id and client_secret must be given together")
        if latency_ms < 0:
            raise ValueError("latency_ms must not be negative")
        if token_lifetime <= 0:
            raise ValueError("token_lifetime must be positive")
        limiter = None
        if rate_limit is not None:
            limit, period = parse_rate_limit(rate_limit)
            limiter = RateLimiter(limit, period, clock)
        faults = FaultInjector(fail_rate, fail_seed)
        seed = read_data(data) if data is not None else None
        self.store = Store(str(db), seed)
        self.data_ignored = data is not None and not self.store.seeded
        self.rate_limit = (limiter.limit, limiter.period) if limiter else None
        credentials = Credentials(username, password, client_id, client_secret)
        with self.store.db.transaction() as conn:
            row = conn.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()
        user_id = int(row["id"]) if row else 1
        self._auth = Authenticator(credentials, self.store.db, user_id, token_lifetime, clock)
        self._dispatcher = Dispatcher(
            Ctx(self.store, count_cache_ttl), self._auth, limiter, faults, latency_ms
        )
        self.app: Starlette = build_app(self._dispatcher)
        self._transport: FakeTransport | None = None

    def transport(self) -> FakeTransport:
        """The in-process httpx transport (sync and async). Base URL e.g. ``http://mautic.test/api``."""
        if self._transport is None:
            self._transport = FakeTransport(self.app)
        return self._transport

    def serve_in_thread(self, host: str = "127.0.0.1", port: int = 0) -> FakeServer:
        """Serve on loopback from a background thread; ``.url`` is the base URL (port 0 = any free port)."""
        return FakeServer(self.app, host, port)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> FakeMautic:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"FakeMautic(db={self.store.db.path!r})"
