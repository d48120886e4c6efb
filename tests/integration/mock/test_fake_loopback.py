"""Over loopback: ``python -m mautic_mock`` as a subprocess, the in-thread server, restarts, concurrency."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from mautic_mock import FakeMautic

AUTH = ("admin", "mautic")


@contextmanager
def cli(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Start the CLI on a free port and yield (process, base URL) once it printed its URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mautic_mock", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        assert proc.stdout is not None
        assert proc.stderr is not None
        ready, _, _ = select.select([proc.stdout], [], [], 20)
        assert ready, "the fake did not print its URL in time"
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert match, f"unexpected first line {line!r}; stderr: {proc.stderr.read() if proc.poll() else ''}"
        yield proc, match.group(0)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> int:
    proc.send_signal(sig)
    return proc.wait(timeout=15)


def test_cli_serves_and_restart_with_db_keeps_every_contact(tmp_path: Path) -> None:
    db = tmp_path / "fake.sqlite"
    with cli("--db", str(db)) as (proc, url):
        with httpx.Client(base_url=f"{url}/api", auth=AUTH) as http:
            created = http.post(
                "/contacts/batch/new", json=[{"email": f"p{i}@example.com"} for i in range(25)]
            )
            assert created.status_code == 201
            http.post("/contacts/new", json={"email": "tagged@example.com", "tags": ["kept"], "points": 9})
            before = http.get("/contacts", params={"limit": 0, "orderBy": "id"}).json()
        assert stop(proc) == 0
    assert before["total"] == "26"
    with cli("--db", str(db)) as (proc, url):
        with httpx.Client(base_url=f"{url}/api", auth=AUTH) as http:
            after = http.get("/contacts", params={"limit": 0, "orderBy": "id"}).json()
            assert after["total"] == "26"
            assert list(after["contacts"]) == list(before["contacts"])
            kept = http.get("/contacts", params={"search": "tag:kept"}).json()["contacts"]
            assert next(iter(kept.values()))["points"] == 9
            # ids keep increasing after a restart (AUTO_INCREMENT is not reused)
            new_id = http.post("/contacts/new", json={"email": "late@example.com"}).json()["contact"]["id"]
            assert new_id == 27
        assert stop(proc, signal.SIGINT) == 0


def test_cli_flags(tmp_path: Path) -> None:
    with cli("--client-id", "cid", "--client-secret", "sec", "--rate-limit", "100/60") as (proc, url):
        with httpx.Client(base_url=url) as http:
            assert http.get("/api/contacts", auth=AUTH).headers["x-ratelimit-limit"] == "100"
            token = http.post(
                "/oauth/v2/token",
                data={"grant_type": "client_credentials", "client_id": "cid", "client_secret": "sec"},
            )
            assert token.status_code == 200
        stop(proc)
    with cli("--username", "flag", "--password", "wins") as (proc, url):
        assert httpx.get(f"{url}/api/contacts", auth=("flag", "wins")).status_code == 200
        assert httpx.get(f"{url}/api/contacts", auth=AUTH).status_code == 401
        stop(proc)


def test_cli_ignores_the_sdk_environment_variables() -> None:
    # MAUTIC_USERNAME & co. hold the credentials of the user's real Mautic: the fake must not take
    # them as its own accounts (defaults are exactly admin / mautic and no OAuth2 client).
    env = {
        "MAUTIC_USERNAME": "envuser",
        "MAUTIC_PASSWORD": "envpass",
        "MAUTIC_CLIENT_ID": "envid",
        "MAUTIC_CLIENT_SECRET": "envsecret",
    }
    with cli(env=env) as (proc, url):
        with httpx.Client(base_url=url) as http:
            assert http.get("/api/contacts", auth=AUTH).status_code == 200
            assert http.get("/api/contacts", auth=("envuser", "envpass")).status_code == 401
            token = http.post(
                "/oauth/v2/token",
                data={"grant_type": "client_credentials", "client_id": "envid", "client_secret": "envsecret"},
            )
            assert token.status_code == 400
            assert token.json()["errors"][0]["type"] == "invalid_client"
        stop(proc)


def test_cli_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"contacts": [{"email": "nope"}]}', encoding="utf-8")
    for args, message in (
        (["--client-id", "only"], "client_id and client_secret must be given together"),
        (["--data", str(bad)], "contacts[0]: email: nope is invalid."),
        (["--rate-limit", "many"], "rate limit must be N or N/SECONDS"),
        (["--db", str(tmp_path / "no" / "such" / "dir.sqlite")], "unable to open database file"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "mautic_mock", "--port", "0", *args],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 2, result.stderr
        assert message in result.stderr
        assert "Traceback" not in result.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "mautic_mock", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1
    assert "cannot listen" in result.stderr


def _create_many(base_url: str, transport: httpx.BaseTransport | None, worker: int, count: int) -> list[int]:
    with httpx.Client(base_url=base_url, auth=AUTH, transport=transport, timeout=30) as http:
        ids = []
        for i in range(count):
            response = http.post(
                "/contacts/new", json={"email": f"w{worker}-{i}@example.com", "tags": ["load"]}
            )
            assert response.status_code == 201, response.text
            ids.append(response.json()["contact"]["id"])
            if i % 5 == 0:
                assert http.get("/contacts", params={"limit": 5}).status_code == 200
        return ids


@pytest.mark.parametrize("mode", ["loopback", "in-process"])
def test_concurrent_creates_lose_nothing(mode: str) -> None:
    threads_n, per_thread = 8, 25
    with FakeMautic() as fake:
        server = fake.serve_in_thread() if mode == "loopback" else None
        base_url = f"{server.url}/api" if server else "http://mautic.test/api"
        transport = None if server else fake.transport()
        results: list[list[int]] = [[] for _ in range(threads_n)]
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                results[n] = _create_many(base_url, transport, n, per_thread)
            except BaseException as exc:  # collected and re-raised in the main thread
                errors.append(exc)

        workers = [threading.Thread(target=work, args=(n,)) for n in range(threads_n)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(timeout=60)
        try:
            assert not errors, errors
            ids = [i for chunk in results for i in chunk]
            assert len(ids) == len(set(ids)) == threads_n * per_thread
            with httpx.Client(base_url=base_url, auth=AUTH, transport=transport) as http:
                body = http.get("/contacts", params={"limit": 0, "search": "tag:load"}).json()
                assert body["total"] == str(threads_n * per_thread)
                assert sorted(int(k) for k in body["contacts"]) == sorted(ids)
        finally:
            if server:
                server.stop()


def test_serve_in_thread_context_manager() -> None:
    with FakeMautic() as fake, fake.serve_in_thread() as server:
        assert server.api_url == f"{server.url}/api"
        assert httpx.get(f"{server.api_url}/contacts", auth=AUTH).json() == {"total": "0", "contacts": {}}
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.api_url}/contacts", auth=AUTH, timeout=2)
