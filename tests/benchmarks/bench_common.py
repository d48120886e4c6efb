"""Shared pieces of the benchmarks: the fake Mautic as a separate process, variant subprocesses, the
machine description, memory readings and statistics."""

from __future__ import annotations

import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
USER = "admin"
PASSWORD = "bench-pa55word"
LATENCY_MS = 20
# Contacts per batch request in every import variant (the server's maximum).
BATCH = 200
MEASURED_PATHS = ("overlays", "generated_client", "mock_server", "tests/benchmarks", "pyproject.toml")


@dataclass(frozen=True)
class Fake:
    url: str
    process: subprocess.Popen[str]


@contextmanager
def fake_mautic(*flags: str, latency_ms: float = LATENCY_MS) -> Iterator[Fake]:
    """`python -m mautic_mock` in its own process (its own GIL), on a free loopback port."""
    command = [
        sys.executable,
        "-m",
        "mautic_mock",
        "--port",
        "0",
        "--username",
        USER,
        "--password",
        PASSWORD,
        "--latency-ms",
        str(latency_ms),
        *flags,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://\S+", line)
        if match is None:
            error = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"the fake Mautic did not start: {line!r} {error}")
        yield Fake(match.group(0), process)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_variant(module: str, args: Sequence[str], timeout: float = 600) -> dict[str, Any]:
    """Run `python -m tests.benchmarks.<module> ARGS` (a fresh process) and return its JSON result."""
    completed = subprocess.run(
        [sys.executable, "-m", f"tests.benchmarks.{module}", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{completed.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def emit(result: dict[str, Any]) -> None:
    """A variant's result, as the last line of its stdout."""
    print(json.dumps(result), flush=True)


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as stream:
        for line in stream:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"no {field} in /proc/self/status")


def rss_mb() -> float:
    """Resident memory of this process now."""
    return _status_mb("VmRSS")


def start_peak() -> float:
    """Reset this process's peak resident memory to its current value (Linux `clear_refs`) and
    return that value: `peak_rss_mb()` then covers only what follows."""
    try:
        with open("/proc/self/clear_refs", "w") as stream:
            stream.write("5")
    except OSError:  # older kernels: the peak then also covers what happened before
        pass
    return rss_mb()


def peak_rss_mb() -> float:
    """The peak resident memory of this process (VmHWM). Not `ru_maxrss`: that one starts from the
    parent's peak (Linux copies it at fork/exec), which would count the benchmark runner's memory."""
    return _status_mb("VmHWM")


class Clock:
    """Wall time of a block: `with Clock() as c: ...; c.seconds`."""

    seconds: float = 0.0

    def __enter__(self) -> Clock:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def _read(path: str, pattern: str) -> str | None:
    try:
        text = Path(path).read_text()
    except OSError:
        return None
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1).strip() if match else None


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip()


def machine() -> dict[str, str]:
    memory = _read("/proc/meminfo", r"^MemTotal:\s+(\d+) kB")
    # Only what the numbers depend on: other work in progress elsewhere in the tree does not count.
    dirty = _git("status", "--porcelain", "--", *MEASURED_PATHS)
    return {
        "CPU": _read("/proc/cpuinfo", r"^model name\s*:(.*)$") or platform.processor() or "unknown",
        "Cores": str(os.cpu_count()),
        "RAM": f"{int(memory) / 2**20:.1f} GiB" if memory else "unknown",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Packages": ", ".join(
            f"{name} {_version(name)}"
            for name in (
                "mautic-contacts",
                "httpx",
                "httpcore",
                "attrs",
                "anyio",
                "rich",
                "starlette",
                "uvicorn",
            )
        ),
        "Git commit": _git("rev-parse", "--short", "HEAD")
        + (" (with uncommitted changes to the client, the fake or the benchmarks)" if dirty else ""),
    }
