"""`make bench`: run every benchmark against the fake Mautic and write BENCHMARKS.md.

    python -m tests.benchmarks            # the full set (about 15 minutes on 2 cores)
    python -m tests.benchmarks --quick    # small sizes, one run each: checks that everything works

Each measurement runs in a fresh process (`bench_import`, `bench_export`, `bench_overhead`), against a
fake Mautic started as its own process (`python -m mautic_mock --latency-ms 20`) so that client and server
do not share a GIL. Imports get a new empty fake per run; exports read a database built once per size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bench_common import ROOT, fake_mautic, machine, run_variant
from .bench_export import prepare
from .bench_report import Results, render


@dataclass(frozen=True)
class Settings:
    import_count: int
    one_by_one_sample: int
    import_runs: int
    import_variants: tuple[str, ...]
    export_runs: dict[int, int]
    export_variants: dict[int, tuple[str, ...]]
    overhead_rounds: int
    concurrency: int = 4
    page_size: int = 200
    label: str = "full"
    notes: list[str] = field(default_factory=list)


FULL = Settings(
    import_count=10_000,
    one_by_one_sample=500,
    import_runs=3,
    import_variants=("raw_async", "async_many", "cli", "raw_sync", "sync_many", "one_by_one"),
    export_runs={10_000: 3, 100_000: 2},
    export_variants={
        10_000: ("raw", "iterate", "iterate_strict", "cli"),
        100_000: ("raw", "iterate", "cli"),
    },
    overhead_rounds=10,
)
QUICK = Settings(
    import_count=1_000,
    one_by_one_sample=100,
    import_runs=1,
    import_variants=FULL.import_variants,
    export_runs={2_000: 1},
    export_variants={2_000: ("raw", "iterate", "iterate_strict", "cli")},
    overhead_rounds=2,
    label="quick",
)


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_imports(settings: Settings, results: Results) -> None:
    for run in range(1, settings.import_runs + 1):
        for variant in settings.import_variants:
            count = settings.one_by_one_sample if variant == "one_by_one" else settings.import_count
            with fake_mautic() as fake:
                args = ["--variant", variant, "--url", fake.url, "--count", str(count)]
                result = run_variant("bench_import", [*args, "--concurrency", str(settings.concurrency)])
            results.imports.setdefault(variant, []).append(result)
            _log(f"import run {run}: {variant} {count} contacts in {result['seconds']:.1f} s")


def run_exports(settings: Settings, results: Results) -> None:
    with tempfile.TemporaryDirectory(prefix="mautic-bench-") as directory:
        for count, runs in settings.export_runs.items():
            started = time.monotonic()
            db = prepare(count, Path(directory))
            results.preload[count] = time.monotonic() - started
            _log(f"export: loaded {count} contacts in {results.preload[count]:.1f} s")
            for run in range(1, runs + 1):
                for variant in settings.export_variants[count]:
                    with fake_mautic("--db", str(db)) as fake:
                        args = ["--variant", variant, "--url", fake.url, "--expect", str(count)]
                        result = run_variant("bench_export", [*args, "--page-size", str(settings.page_size)])
                    results.exports.setdefault(count, {}).setdefault(variant, []).append(result)
                    _log(f"export run {run}: {variant} {count} in {result['seconds']:.1f} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="the report to write")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    started = time.monotonic()
    results = Results(machine=machine(), settings=_describe(settings))
    results.overhead = run_variant("bench_overhead", ["--rounds", str(settings.overhead_rounds)])
    _log("overhead done")
    run_imports(settings, results)
    run_exports(settings, results)
    results.total_seconds = time.monotonic() - started
    args.output.write_text(render(results))
    _log(f"wrote {args.output} in {results.total_seconds / 60:.1f} min")
    return 0


def _describe(settings: Settings) -> dict[str, Any]:
    return {
        "label": settings.label,
        "import_count": settings.import_count,
        "one_by_one_sample": settings.one_by_one_sample,
        "import_runs": settings.import_runs,
        "export_runs": settings.export_runs,
        "concurrency": settings.concurrency,
        "page_size": settings.page_size,
        "overhead_rounds": settings.overhead_rounds,
    }


if __name__ == "__main__":
    raise SystemExit(main())
