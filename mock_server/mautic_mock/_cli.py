"""``python -m mautic_mock``: serve a fake Mautic on loopback until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence

from ._datafile import FakeDataError
from ._fake import FakeMautic
from ._server import ReadyServer, bind_socket, make_config

__all__ = ["main"]


class _CliServer(ReadyServer):
    """Stops gracefully on SIGINT/SIGTERM and then returns normally (exit code 0)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        handled = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m mautic_mock",
        description="Serve a stateful fake Mautic 5 (contacts API) on loopback.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port, 0 = any free port (default 8000)")
    parser.add_argument("--db", default=":memory:", help="SQLite file to persist to (default :memory:)")
    # No fallback to MAUTIC_USERNAME & co.: those name the user's real Mautic, not this fake's accounts.
    parser.add_argument("--username", default="admin", help="Basic auth user (default admin)")
    parser.add_argument("--password", default="mautic", help="Basic auth password (default mautic)")
    parser.add_argument("--client-id", default=None, help="OAuth2 client id (no OAuth2 client by default)")
    parser.add_argument("--client-secret", default=None, help="OAuth2 client secret (with --client-id)")
    parser.add_argument(
        "--rate-limit", metavar="N[/SECONDS]", help="allow N API calls per window (default 3600 s)"
    )
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay every answer by MS milliseconds")
    parser.add_argument(
        "--fail-rate", type=float, default=0.0, help="share (0-1) of requests answered 502/503"
    )
    parser.add_argument("--fail-seed", type=int, default=None, help="seed making --fail-rate reproducible")
    parser.add_argument("--data", metavar="FILE", help="JSON seed data for a fresh database (see README)")
    parser.add_argument(
        "--token-lifetime", type=int, default=3600, help="OAuth2 access token lifetime, seconds"
    )
    parser.add_argument(
        "--count-cache-ttl",
        type=float,
        default=0.0,
        help="cache list totals for N seconds like Mautic (default off)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        fake = FakeMautic(
            username=args.username,
            password=args.password,
            client_id=args.client_id,
            client_secret=args.client_secret,
            db=args.db,
            data=args.data,
            rate_limit=args.rate_limit,
            latency_ms=args.latency_ms,
            fail_rate=args.fail_rate,
            fail_seed=args.fail_seed,
            token_lifetime=args.token_lifetime,
            count_cache_ttl=args.count_cache_ttl,
        )
    except (FakeDataError, ValueError, sqlite3.Error) as exc:
        print(f"mautic_mock: error: {exc}", file=sys.stderr)
        return 2
    if fake.data_ignored:
        print(f"mautic_mock: {args.db} already holds data; --data was not applied", file=sys.stderr)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        print(
            f"mautic_mock: error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr
        )
        fake.close()
        return 1
    host, port = sock.getsockname()[:2]
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    server = _CliServer(
        make_config(fake.app), on_ready=lambda: print(f"Fake Mautic listening on {url}", flush=True)
    )
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        fake.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
