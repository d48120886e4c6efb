"""Helpers for the command-line tests: run `mautic-contacts` in-process or as a process, and fakes."""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mautic_contacts import Mautic
from mautic_contacts.cli._main import Streams, run
from mautic_mock import FakeMautic

USER = "admin"
PASSWORD = "Cli-s3cret-pa55word"
FAKE_URL = "http://mautic.test"


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def env_for(url: str = FAKE_URL, **extra: str) -> dict[str, str]:
    return {"MAUTIC_URL": url, "MAUTIC_USERNAME": USER, "MAUTIC_PASSWORD": PASSWORD, **extra}


def run_cli(
    args: Sequence[str],
    fake: FakeMautic | None = None,
    *,
    env: dict[str, str] | None = None,
    stdin: str = "",
    tty: bool = False,
    stderr_tty: bool = False,
    answers: Iterable[str] = (),
    transport: Any = None,
) -> Result:
    """`mautic-contacts ARGS` in this process; requests go to `fake` in-process when given (or through
    `transport`)."""
    stdout = io.StringIO()
    stderr = Terminal() if stderr_tty else io.StringIO()
    stdin_stream = Terminal(stdin) if tty else io.StringIO(stdin)
    replies = iter(answers)
    streams = Streams(
        stdin=stdin_stream,
        stdout=stdout,
        stderr=stderr,
        env=env_for() if env is None else env,
        getpass=lambda prompt: next(replies),
        transport=transport if transport is not None else None if fake is None else fake.transport(),
    )
    code = run(list(args), streams)
    return Result(code, stdout.getvalue(), stderr.getvalue())


def client(fake: FakeMautic) -> Mautic:
    return Mautic(FAKE_URL, username=USER, password=PASSWORD, transport=fake.transport())


def all_emails(m: Mautic) -> list[str]:
    """Every contact's email (duplicates kept), read with keyset iteration."""
    return [c.email or "" for c in m.contacts.iterate(page_size=500)]


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def contacts_csv(path: Path, count: int, *, prefix: str = "u", start: int = 0) -> Path:
    rows = ([f"{prefix}{i}@example.com", f"F{i}", "Paris"] for i in range(start, start + count))
    return write_csv(path, ["email", "firstname", "city"], rows)


# -- processes -------------------------------------------------------------------------------------------


def cli_process(args: Sequence[str], env: dict[str, str], **popen: Any) -> subprocess.Popen[str]:
    """`mautic-contacts ARGS` as a child process (stdout/stderr captured)."""
    full_env = {**os.environ, **env, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mautic_contacts.cli", *args],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


@contextmanager
def fake_process(*flags: str) -> Iterator[str]:
    """`python -m mautic_mock FLAGS` on a free loopback port; yields its URL."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mautic_mock",
            "--port",
            "0",
            "--username",
            USER,
            "--password",
            PASSWORD,
            *flags,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://\S+", line)
        if match is None:
            raise RuntimeError(
                f"the fake did not start: {line!r} {process.stderr.read() if process.stderr else ''}"
            )
        yield match.group(0)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(predicate: Any, timeout: float, interval: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
