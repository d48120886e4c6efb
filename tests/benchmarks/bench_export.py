"""Export benchmark: read every contact of a pre-loaded fake Mautic (20 ms latency, its own process).

    python -m tests.benchmarks.bench_export --variant iterate --url URL --expect 100000

Variants: `raw` (plain httpx: the same keyset pages as `iterate` — `where id > last`, `orderBy=id`,
`limit=page size` — one after the other, decoded with json.loads), `iterate` (`Mautic.contacts.iterate()`,
which reads ahead), `iterate_strict` (`iterate(prefetch=False)`: the next page only once the previous
one was consumed), `cli` (`mautic-contacts export -o FILE.csv`, every column, timed around its `main()`).
Each runs in a fresh process and reports seconds, contacts and the growth of its peak resident memory
over its resident memory just before reading (after imports and setup).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
from mautic_contacts import Mautic
from mautic_contacts.cli import main as cli_main

from .bench_common import PASSWORD, USER, Clock, emit, fake_mautic, peak_rss_mb, start_peak

VARIANTS = ("raw", "iterate", "iterate_strict", "cli")


def seed_contacts(count: int) -> list[dict[str, Any]]:
    # No company: each would add a company record; the JSON of a contact has the same shape either way
    # (every field is sent, nulls included).
    return [
        {
            "email": f"export{i}@bench.invalid",
            "firstname": f"First{i}",
            "lastname": "Export",
            "position": "Buyer",
            "phone": f"+33 1 {i:08d}",
            "city": "Paris",
            "zipcode": "75001",
            "points": i % 100,
            **({"tags": ["vip"]} if i % 3 == 0 else {}),
        }
        for i in range(count)
    ]


def prepare(count: int, directory: Path) -> Path:
    """A SQLite database holding `count` contacts (built once; later fakes open it with --db)."""
    seed = directory / f"seed-{count}.json"
    seed.write_text(json.dumps({"contacts": seed_contacts(count)}))
    db = directory / f"export-{count}.sqlite"
    with fake_mautic("--data", str(seed), "--db", str(db), latency_ms=0):
        pass
    seed.unlink()
    return db


def _raw(url: str, page_size: int) -> int:
    count, last = 0, 0
    with httpx.Client(base_url=f"{url}/api", auth=(USER, PASSWORD), timeout=300) as http:
        while True:
            params: dict[str, str | int] = {
                "where[0][col]": "id",
                "where[0][expr]": "gt",
                "where[0][val]": str(last),
                "orderBy": "id",
                "orderByDir": "ASC",
                "start": 0,
                "limit": page_size,
            }
            answer = http.get("/contacts", params=params)
            answer.raise_for_status()
            page = json.loads(answer.content)["contacts"]
            entries = page.values() if isinstance(page, dict) else page
            ids = [int(entry["id"]) for entry in entries]
            count += len(ids)
            if len(ids) < page_size:
                return count
            last = max(ids)


def measure(variant: str, url: str, page_size: int) -> dict[str, Any]:
    if variant == "cli":
        with tempfile.TemporaryDirectory() as directory:
            target = Path(directory) / "contacts.csv"
            args = ["export", "-o", str(target), "--page-size", str(page_size), "--no-progress"]
            args += ["--url", url, "--username", USER]
            os.environ["MAUTIC_PASSWORD"] = PASSWORD  # as users are told to: a flag value is visible in ps
            before = start_peak()
            with Clock() as clock:
                code = cli_main(args)
            if code != 0:
                raise SystemExit(f"mautic-contacts export exited with {code}")
            with target.open() as stream:
                count = sum(1 for _ in stream) - 1  # the header
    elif variant == "raw":
        before = start_peak()
        with Clock() as clock:
            count = _raw(url, page_size)
    else:
        with Mautic(url, username=USER, password=PASSWORD, timeout=300) as m:
            before = start_peak()
            with Clock() as clock:
                contacts = m.contacts.iterate(page_size=page_size, prefetch=variant != "iterate_strict")
                count = sum(1 for _ in contacts)
    return {
        "variant": variant,
        "contacts": count,
        "seconds": clock.seconds,
        "rate": count / clock.seconds,
        "memory_growth_mb": max(peak_rss_mb() - before, 0.0),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variant", choices=VARIANTS, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--page-size", type=int, default=200)
    parser.add_argument("--expect", type=int, required=True, help="contacts the fake holds")
    args = parser.parse_args(argv)
    result = measure(args.variant, args.url, args.page_size)
    if result["contacts"] != args.expect:
        raise SystemExit(f"{args.variant}: read {result['contacts']} contacts, expected {args.expect}")
    emit(result)


if __name__ == "__main__":
    main()
