"""Import benchmark: N contacts into a fresh fake Mautic (20 ms latency, its own process), five ways.

    python -m tests.benchmarks.bench_import --variant async_many --url URL --count 10000

Variants: `one_by_one` (`Mautic.contacts.create` per contact), `sync_many` (`Mautic.contacts.create_many`,
one 200-item request after the other), `async_many` (`AsyncMautic.contacts.create_many(concurrency=C)`),
`cli` (`mautic-contacts import FILE.csv --concurrency C`, timed around its `main()`), and `raw_async`
(plain httpx: the same 200-item batch requests, C at a time, answers decoded with json.loads: the
ceiling), `raw_sync` (the same, one at a time). Prints one JSON line: seconds, contacts, created.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
from mautic_contacts import AsyncMautic, Mautic
from mautic_contacts.cli import main as cli_main

from .bench_common import BATCH, PASSWORD, USER, Clock, emit

VARIANTS = ("one_by_one", "sync_many", "async_many", "cli", "raw_async", "raw_sync")


def contacts(count: int) -> list[dict[str, Any]]:
    return [
        {
            "email": f"bench{i}@example.com",
            "firstname": f"First{i}",
            "lastname": "Bench",
            "city": "Paris",
            "points": i % 100,
        }
        for i in range(count)
    ]


def _one_by_one(url: str, rows: list[dict[str, Any]]) -> tuple[float, int]:
    with Mautic(url, username=USER, password=PASSWORD) as m, Clock() as clock:
        created = sum(1 for row in rows if m.contacts.create(row).created)
    return clock.seconds, created


def _sync_many(url: str, rows: list[dict[str, Any]]) -> tuple[float, int]:
    with Mautic(url, username=USER, password=PASSWORD) as m, Clock() as clock:
        result = m.contacts.create_many(rows)
    return clock.seconds, sum(1 for item in result if item.status_code == 201)


async def _async_many(url: str, rows: list[dict[str, Any]], concurrency: int) -> tuple[float, int]:
    async with AsyncMautic(url, username=USER, password=PASSWORD) as m:
        with Clock() as clock:
            result = await m.contacts.create_many(rows, concurrency=concurrency)
    return clock.seconds, sum(1 for item in result if item.status_code == 201)


def _cli(url: str, rows: list[dict[str, Any]], concurrency: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "contacts.csv"
        with source.open("w", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        args = ["import", str(source), "--concurrency", str(concurrency), "--no-progress"]
        args += ["--url", url, "--username", USER]
        os.environ["MAUTIC_PASSWORD"] = PASSWORD  # as users are told to: a flag value is visible in ps
        with Clock() as clock:
            code = cli_main(args)
        if code != 0:
            raise SystemExit(f"mautic-contacts import exited with {code}")
        state = json.loads((Path(directory) / "contacts.csv.checkpoint.json").read_text())
    return clock.seconds, int(state["counts"]["created"])


def _chunks(rows: list[dict[str, Any]]) -> list[bytes]:
    return [json.dumps(rows[i : i + BATCH]).encode() for i in range(0, len(rows), BATCH)]


def _created(answer: httpx.Response) -> int:
    answer.raise_for_status()
    codes = json.loads(answer.content)["statusCodes"]
    values = codes.values() if isinstance(codes, dict) else codes
    return sum(1 for code in values if code == 201)


async def _raw_async(url: str, rows: list[dict[str, Any]], concurrency: int) -> tuple[float, int]:
    bodies = _chunks(rows)
    headers = {"Content-Type": "application/json"}
    slots = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=f"{url}/api", auth=(USER, PASSWORD), timeout=300) as http:

        async def send(body: bytes) -> int:
            async with slots:
                return _created(await http.post("/contacts/batch/new", content=body, headers=headers))

        with Clock() as clock:
            created = sum(await asyncio.gather(*(send(body) for body in bodies)))
    return clock.seconds, created


def _raw_sync(url: str, rows: list[dict[str, Any]]) -> tuple[float, int]:
    bodies = _chunks(rows)
    headers = {"Content-Type": "application/json"}
    with httpx.Client(base_url=f"{url}/api", auth=(USER, PASSWORD), timeout=300) as http, Clock() as clock:
        created = sum(_created(http.post("/contacts/batch/new", content=b, headers=headers)) for b in bodies)
    return clock.seconds, created


def measure(variant: str, url: str, count: int, concurrency: int) -> dict[str, Any]:
    rows = contacts(count)
    if variant == "one_by_one":
        seconds, created = _one_by_one(url, rows)
    elif variant == "sync_many":
        seconds, created = _sync_many(url, rows)
    elif variant == "async_many":
        seconds, created = asyncio.run(_async_many(url, rows, concurrency))
    elif variant == "cli":
        seconds, created = _cli(url, rows, concurrency)
    elif variant == "raw_async":
        seconds, created = asyncio.run(_raw_async(url, rows, concurrency))
    else:
        seconds, created = _raw_sync(url, rows)
    if created != count:
        raise SystemExit(f"{variant}: created {created} of {count} contacts")
    return {"variant": variant, "contacts": count, "seconds": seconds, "rate": count / seconds}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variant", choices=VARIANTS, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args(argv)
    emit(measure(args.variant, args.url, args.count, args.concurrency))


if __name__ == "__main__":
    main()
