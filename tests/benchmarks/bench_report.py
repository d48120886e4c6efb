"""BENCHMARKS.md from the measurements: machine, method, medians, targets (pass/miss) and causes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from .bench_common import BATCH, LATENCY_MS, median

IMPORT_NAMES = {
    "raw_async": "plain httpx, batch requests {c} at a time (the ceiling)",
    "async_many": "`AsyncMautic` `create_many(rows, concurrency={c})`",
    "cli": "`mautic-contacts import file.csv --concurrency {c}`",
    "raw_sync": "plain httpx, batch requests one at a time (sequential ceiling)",
    "sync_many": "`Mautic` `create_many(rows)` (one request after the other)",
    "one_by_one": "`Mautic` `create(row)` per contact (sample of {n}, rate extrapolated)",
}
EXPORT_NAMES = {
    "raw": "plain httpx keyset paging + `json.loads` (the reference)",
    "iterate": "`Mautic` `contacts.iterate()` (reads ahead)",
    "iterate_strict": "`Mautic` `contacts.iterate(prefetch=False)`",
    "cli": "`mautic-contacts export -o file.csv` (every column)",
}
IMPORT_TARGET = 0.8
EXPORT_TARGET = 0.8
MEMORY_TARGET_MB = 50.0
GET_TARGET = 1.5
PAGE_TARGET = 3.0


@dataclass
class Results:
    machine: dict[str, str]
    settings: dict[str, Any]
    overhead: dict[str, Any] = field(default_factory=dict)
    imports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    exports: dict[int, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    preload: dict[int, float] = field(default_factory=dict)
    total_seconds: float = 0.0


def _rate(runs: list[dict[str, Any]]) -> float:
    return median([r["rate"] for r in runs])


CLOSE = 0.1  # within 10 % of the threshold: run-to-run noise on this machine can flip the verdict


def _verdict(target: _Target) -> str:
    if not target.ok:
        return "**MISS**"
    return "**pass** (close: within run-to-run noise)" if target.close else "**pass**"


def _n(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


@dataclass
class _Target:
    name: str
    wanted: str
    measured: str
    ok: bool
    close: bool = False


def _at_least(name: str, wanted: str, value: float, threshold: float, shown: str) -> _Target:
    return _Target(name, wanted, shown, value >= threshold, value < threshold * (1 + CLOSE))


def _at_most(name: str, wanted: str, value: float, threshold: float, shown: str) -> _Target:
    return _Target(name, wanted, shown, value <= threshold, value > threshold * (1 - CLOSE))


def render(results: Results) -> str:
    s = results.settings
    c = s["concurrency"]
    targets: list[_Target] = []
    out: list[str] = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`python -m tests.benchmarks`, {s['label']} set) on "
        f"{datetime.date.today().isoformat()}; the whole run took {results.total_seconds / 60:.1f} min. "
        "Numbers are medians; the runs behind each are listed. Re-run `make bench` to reproduce.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in results.machine.items()),
        "",
        "## Method",
        "",
        "- The fake Mautic runs as its own process "
        f"(`python -m mautic_mock --latency-ms {LATENCY_MS} --port 0`) on loopback, so client and server "
        f"do not share a GIL (2 cores: one each). Every answer is delayed {LATENCY_MS} ms (an asyncio "
        "sleep: concurrent requests wait in parallel), standing in for a network.",
        "- Every measurement runs in a fresh Python process; the clock covers the work only (not interpreter "
        "start-up or imports). The CLI is timed around its `main()` (it reads the server's field list, "
        "hashes the input, writes its checkpoint after every batch).",
        f"- Import: {s['import_count']:,} contacts (email, firstname, lastname, city, points) into a new "
        f"empty fake per run, 200 per batch request, {c} requests in flight for the concurrent ways; "
        f"every way checks that all contacts were created. One create per contact is measured on "
        f"{s['one_by_one_sample']:,} contacts and its rate extrapolated (a full run takes more than 200 s "
        f"at {LATENCY_MS} ms per request).",
        f"- Export: every contact of a fake whose database was loaded once per size from a data file "
        f"(`--data`, then `--db`), read in pages of {s['page_size']} by id (`where id > last`). Memory: the "
        "peak resident memory of the exporting process while it reads (`VmHWM`, reset with `clear_refs` "
        "just before) minus its resident memory at that moment, after imports and setup.",
        f"- Client overhead: in-process, through the fake's own transport (no socket, no latency), "
        f"{s['overhead_rounds']} rounds of interleaved blocks, median per call; the same requests sent with "
        "plain `httpx.Client` and decoded with `json.loads` are the reference.",
        "",
    ]
    out += _imports(results, targets)
    out += _exports(results, targets)
    out += _overhead(results, targets)
    out += [
        "## Targets",
        "",
        "| target | wanted | measured | |",
        "|---|---|---|---|",
        *(f"| {t.name} | {t.wanted} | {t.measured} | {_verdict(t)} |" for t in targets),
        "",
    ]
    out += _notes(results, targets)
    return "\n".join(out) + "\n"


def _imports(results: Results, targets: list[_Target]) -> list[str]:
    runs = results.imports
    if "raw_async" not in runs:
        return []
    s = results.settings
    c, count = s["concurrency"], s["import_count"]
    ceiling = _rate(runs["raw_async"])
    sequential = _rate(runs["raw_sync"]) if "raw_sync" in runs else None
    lines = [
        f"## Import of {count:,} contacts",
        "",
        f"| way | contacts/s | time for {count:,} | vs ceiling ({c} at a time) | vs sequential ceiling "
        "| runs |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for variant, name in IMPORT_NAMES.items():
        if variant not in runs:
            continue
        rate = _rate(runs[variant])
        vs_seq = f"{rate / sequential:.2f}" if sequential else "–"
        lines.append(
            f"| {name.format(c=c, n=s['one_by_one_sample'])} | {_n(rate)} | {count / rate:,.1f} s | "
            f"{rate / ceiling:.2f} | {vs_seq} | {len(runs[variant])} |"
        )
    for variant, label in (("async_many", "import: `AsyncMautic` `create_many`"), ("cli", "import: CLI")):
        if variant in runs:
            ratio = _rate(runs[variant]) / ceiling
            wanted = f"≥ {IMPORT_TARGET} of the ceiling ({c} at a time)"
            targets.append(_at_least(label, wanted, ratio, IMPORT_TARGET, f"{ratio:.2f}"))
    if sequential and "sync_many" in runs:
        # The sync client sends one request at a time: its ceiling is the same requests one at a time.
        ratio = _rate(runs["sync_many"]) / sequential
        wanted = f"≥ {IMPORT_TARGET} of the sequential ceiling"
        name = "import: `Mautic` `create_many`"
        targets.append(_at_least(name, wanted, ratio, IMPORT_TARGET, f"{ratio:.2f}"))
    if "one_by_one" in runs:
        batch = _rate(runs["async_many"]) if "async_many" in runs else ceiling
        lines += [
            "",
            f"Batching buys {batch / _rate(runs['one_by_one']):.0f}× over one request per contact "
            f"(one-by-one reaches {_rate(runs['one_by_one']) / ceiling:.2f} of the ceiling).",
        ]
    return [*lines, ""]


def _exports(results: Results, targets: list[_Target]) -> list[str]:
    if not results.exports:
        return []
    lines = [
        "## Export",
        "",
        "| contacts | way | contacts/s | time | vs raw paging | peak memory growth | runs |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for count, by_variant in results.exports.items():
        reference = _rate(by_variant["raw"])
        for variant, name in EXPORT_NAMES.items():
            if variant not in by_variant:
                continue
            runs = by_variant[variant]
            rate = _rate(runs)
            memory = max(r["memory_growth_mb"] for r in runs)
            lines.append(
                f"| {count:,} | {name} | {_n(rate)} | {count / rate:,.1f} s | {rate / reference:.2f} | "
                f"{memory:.1f} MB | {len(runs)} |"
            )
            if variant in ("raw", "iterate_strict"):  # the reference, and the strict opt-out (see notes)
                continue
            ratio = rate / reference
            label = f"export {count:,}: {EXPORT_NAMES[variant].split(' (')[0]}"
            wanted = f"≥ {EXPORT_TARGET} of raw paging"
            targets.append(_at_least(label, wanted, ratio, EXPORT_TARGET, f"{ratio:.2f}"))
            if count >= 100_000:
                wanted = f"peak growth ≤ {MEMORY_TARGET_MB:.0f} MB"
                shown = f"{memory:.1f} MB"
                targets.append(_at_most(f"{label}: memory", wanted, memory, MEMORY_TARGET_MB, shown))
    preload = ", ".join(f"{count:,} in {seconds:.1f} s" for count, seconds in results.preload.items())
    lines += ["", f"Pre-loading the fakes (data file, no latency): {preload}.", ""]
    return lines


def _overhead(results: Results, targets: list[_Target]) -> list[str]:
    o = results.overhead
    if not o:
        return []
    get_ratio = o["get_client_ms"] / o["get_raw_ms"]
    page_ratio = o["page_client_ms"] / o["page_raw_ms"]
    name, wanted = "overhead: `contacts.get`", f"≤ {GET_TARGET}× raw"
    targets.append(_at_most(name, wanted, get_ratio, GET_TARGET, f"{get_ratio:.2f}×"))
    name, wanted = "overhead: 200-contact `list` page", f"≤ {PAGE_TARGET}× raw"
    targets.append(_at_most(name, wanted, page_ratio, PAGE_TARGET, f"{page_ratio:.2f}×"))
    return [
        "## Client overhead (in-process)",
        "",
        "| call | client | httpx + json.loads | ratio |",
        "|---|---:|---:|---:|",
        f"| `contacts.get(id)` | {o['get_client_ms']:.2f} ms | {o['get_raw_ms']:.2f} ms | {get_ratio:.2f}× |",
        f"| `contacts.list(limit=200)` | {o['page_client_ms']:.1f} ms | {o['page_raw_ms']:.1f} ms "
        f"| {page_ratio:.2f}× |",
        "",
        "Where a page's time goes on the client side (one 200-contact page, "
        f"{o['page_bytes'] / 2**20:.1f} MB of JSON): decoding {o['page_json_ms']:.1f} ms (the raw way pays "
        f"it too), building the generated attrs models {o['page_models_ms']:.1f} ms, our wrappers "
        f"(`ContactPage`, `Contact`) {o['page_wrappers_ms']:.2f} ms. For one contact: decoding "
        f"{o['get_json_ms']:.2f} ms, generated models {o['get_models_ms']:.2f} ms. The rest of both "
        "columns is the fake answering in the same process (routing, SQLite, serialising).",
        "",
    ]


def _growth(results: Results) -> str:
    parts = []
    for count, by_variant in results.exports.items():
        shown = [
            f"{max(r['memory_growth_mb'] for r in by_variant[v]):.1f}"
            for v in ("raw", "cli")
            if v in by_variant
        ]
        parts.append(f"{count:,}: {' / '.join(shown)} MB")
    return "; ".join(parts) or "not measured"


def _strict_ratio(results: Results) -> str:
    for by_variant in results.exports.values():
        if "iterate_strict" in by_variant and "raw" in by_variant:
            return f"{_rate(by_variant['iterate_strict']) / _rate(by_variant['raw']):.2f}"
    return "not measured"


def _batch_server_ms(results: Results) -> str:
    """The fake's time per batch request: one after the other, each takes latency + server work."""
    runs = results.imports.get("raw_sync")
    if not runs:
        return "?"
    batches = results.settings["import_count"] / BATCH
    per_batch = median([r["seconds"] for r in runs]) / batches * 1000
    return f"{max(per_batch - LATENCY_MS, 0):.0f}"


def _ceiling(results: Results) -> str:
    runs = results.imports.get("raw_async")
    return f"{_n(_rate(runs))} contacts/s" if runs else "not measured"


def _para(text: str) -> str:
    """A paragraph written over several source lines, as one line."""
    return " ".join(text.split())


def _notes(results: Results, targets: list[_Target]) -> list[str]:
    o = results.overhead
    notes = ["## Notes", ""]
    missed = [t for t in targets if not t.ok]
    close = [t for t in targets if t.ok and t.close]
    if missed:
        notes.append(
            "Missed: " + "; ".join(f"{t.name} ({t.measured}, wanted {t.wanted})" for t in missed) + "."
        )
    else:
        notes.append("Every target is met in this run.")
    if close:
        notes.append("")
        notes.append(
            "Within 10 % of their threshold, so another run may land on the other side: "
            + "; ".join(f"{t.name} ({t.measured})" for t in close)
            + "."
        )
    models_ms = o.get("page_models_ms", 0.0)
    strict = _strict_ratio(results)
    batch_ms, batch_json = o.get("batch_client_ms", 0.0), o.get("batch_json_ms", 0.0)
    batch_mb = o.get("batch_bytes", 0) / 2**20
    page_mb = o.get("page_bytes", 0) / 2**20
    notes += [
        "",
        _para(f"""
        - **Reading ahead.** `iterate()` — and the CLI, which uses it — asks for the next page from the
        raw ids as soon as a page has arrived and is decoded (in a worker thread), and builds the
        generated attrs models of that page meanwhile, so the client's parsing (about {models_ms:.0f} ms
        per 200-contact page here, measured above) hides behind the request. `iterate(prefetch=False)`,
        the strict opt-out, builds each page before asking for the next, so that time adds to every
        round trip: {strict} of raw paging here (not a target: the default is what the target is about).
        Both return every contact that stays exactly once, none twice; reading ahead (at most two pages)
        may also return a contact deleted after its page was read, the strict way does not.
        """),
        _para(f"""
        - **Where an import's time goes.** One at a time, the fake answers a 200-contact batch about
        {_batch_server_ms(results)} ms after the latency, and it overlaps part of that work when
        four are in flight: the ceiling, {_ceiling(results)}, is what a very fast server allows, and
        there the client's own work per request shows. The raw reference encodes its bodies before
        its clock starts and only decodes the answers; the client also checks every row before
        sending anything, encodes each chunk, and reads each answer's layout and ids, and with four
        requests in flight each of its workers spends about 20 ms between an answer and its next
        request (decoding the 1 MB answer in a worker thread, under the GIL it shares with the event
        loop), so at times fewer than four requests wait at the server. The CLI adds its own work
        per batch (reading and hashing the rows, writing its checkpoint after every answered batch).
        Against a real Mautic, which takes hundreds of ms per 200-contact batch, the same client
        work is a few percent. The fake's speed varies from run to run on this machine (in repeated
        runs the raw ceiling took from 2.6 to 4.2 s for 10,000): an import ratio can move by 0.15 or
        more between runs.
        """),
        _para(f"""
        - **Client work per batch.** {batch_ms:.0f} ms of CPU per 200-contact `create_many` (timed
        with a recorded answer returned at once), of which {batch_json:.0f} ms decode the
        {batch_mb:.1f} MB answer (the raw way pays that too); the rest checks and encodes the 200
        items and reads the answer's layout and ids. Two changes made while writing these
        benchmarks: batch results wrap the decoded contact objects and build a contact's generated
        model only when `.model` is first read (building all 200 took about 45 ms per batch), and
        the checked items are sent without building a generated request model for each (about 12 ms
        per batch). The sync client pays its work between two requests; the concurrent ways overlap
        it with the server.
        """),
        _para(f"""
        - **Export data.** Each exported contact has an email, a name, a phone, a city, points and
        (one in three) a tag, and no company; every field is sent, empty ones as null, so a page of 200
        is about {page_mb:.1f} MB of JSON.
        """),
        _para(f"""
        - **Memory.** Exports stream: rows are written as pages arrive, and reading ahead keeps at most
        two pages waiting ahead of the reader (a decoded 200-contact page is a few MB of Python objects).
        Peak growth by size, raw paging / CLI export: {_growth(results)}.
        """),
        "",
    ]
    return notes
