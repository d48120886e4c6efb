"""`mautic-contacts import FILE`: create or update contacts from CSV / JSON Lines, resumably.

Steps: read the connection settings, read the server's contact fields and match the columns against
them (`_mapping`); a first pass decides every record's fate (`_plan`); `--dry-run` stops there and
reports (without connection settings it matches the columns against Mautic's default fields, and says
so). Otherwise: load or start the checkpoint (`_checkpoint`), then send batches (phase 1 in parallel,
phase 2 one by one, see `_plan`) with `AsyncMautic.contacts.create_many`, recording each answered batch
in the rejects file and the checkpoint before the next. Ctrl-C / SIGTERM stop sending new batches and
wait for those in flight (a second Ctrl-C cancels them); a failed request (after the client's retries)
stops the run the same way. Either way the checkpoint is consistent and the next run resumes.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from .._client import AsyncMautic
from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ErrorDetail,
    MauticError,
    PermissionDeniedError,
)
from .._results import BatchResult
from .._retry import classify_exception, classify_status
from ._checkpoint import COUNTS, Checkpoint
from ._connect import Connection, MissingSettingError
from ._console import Console, ProgressBar
from ._exit import CommandError, ExitCode, UsageError
from ._mapping import ColumnMap, build_column_map
from ._plan import Kind, Plan, examine, make_plan
from ._rejects import RejectsFile, default_rejects_path
from ._rows import InputFile, Record, detect_format, file_digest

__all__ = ["add_import_command", "run_import"]

DEFAULT_CONCURRENCY = 4
LOCAL_SAVE_EVERY = 1000  # records rejected locally between two checkpoint writes, at most
MAX_CONCURRENCY = 16
Batch = list[tuple[Record, dict[str, Any]]]


def add_import_command(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        parents=parents,
        help="create or update contacts from a CSV or JSON Lines file",
        description=(
            "Create or update contacts from FILE (CSV with a header line, or JSON Lines), in batches of "
            "up to 200 sent in parallel. Mautic matches contacts by email: a record whose email exists "
            "updates that contact. Interrupted runs (Ctrl-C, kill, network loss) resume from a checkpoint "
            "when run again, without duplicates or skipped records. Records that are not imported go to "
            "the rejects file with the reason. Exit codes: 0 all imported, 1 some records rejected, "
            "2 usage/configuration error (nothing sent), 3 stopped by an error (run again to resume), "
            "130 interrupted (run again to resume)."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="the contacts to import (.csv, .jsonl)")
    parser.add_argument("--format", choices=("csv", "jsonl"), help="input format (default: from the suffix)")
    parser.add_argument("--delimiter", default=",", metavar="CHAR", help="CSV delimiter (default ',')")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=ALIAS",
        help="send COLUMN as field ALIAS (repeatable); 'COLUMN=' leaves the column out",
    )
    parser.add_argument(
        "--allow-no-email",
        action="store_true",
        help="also import records without an email. Mautic can only match contacts by email, so such a "
        "record is created anew each time it is sent: if a run stops while its batch is in flight, the "
        "next run does not send it again but lists it in the rejects file as 'unsure' (see "
        "--resend-unsure), and importing the same file twice creates those contacts twice",
    )
    parser.add_argument(
        "--resend-unsure",
        action="store_true",
        help="send again the records without email whose batch was in flight when the previous run "
        "stopped (they may then exist twice)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=DEFAULT_CONCURRENCY,
        metavar="N",
        help=f"batch requests in flight at once (default {DEFAULT_CONCURRENCY}, at most {MAX_CONCURRENCY})",
    )
    parser.add_argument(
        "--batch-size", type=int, default=200, metavar="N", help="records per request (default 200, the most)"
    )
    parser.add_argument(
        "--checkpoint", type=Path, metavar="PATH", help="checkpoint file (default FILE.checkpoint.json)"
    )
    parser.add_argument(
        "--restart",
        action="store_true",
        help="ignore an existing checkpoint and import every record again (records with an email "
        "update the contacts made before)",
    )
    parser.add_argument(
        "--rejects", type=Path, metavar="PATH", help="rejected records (default FILE.rejects.csv / .jsonl)"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file (columns, emails, JSON) and report; write nothing, send nothing but one "
        "GET of the server's contact fields, to check the columns against them (without connection "
        "settings the columns are checked against Mautic's default fields only)",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar (also off when not a tty)"
    )
    parser.set_defaults(command="import")


@dataclass
class _Options:
    file: Path
    format: str | None
    delimiter: str
    maps: list[str]
    allow_no_email: bool
    resend_unsure: bool
    concurrency: int
    batch_size: int
    checkpoint: Path
    restart: bool
    rejects: Path
    dry_run: bool

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> _Options:
        if not 1 <= args.concurrency <= MAX_CONCURRENCY:
            raise UsageError(f"--concurrency must be between 1 and {MAX_CONCURRENCY}")
        if not 1 <= args.batch_size <= 200:
            raise UsageError("--batch-size must be between 1 and 200 (Mautic's batch limit)")
        if len(args.delimiter) != 1:
            raise UsageError("--delimiter must be one character")
        file: Path = args.file
        return cls(
            file=file,
            format=args.format,
            delimiter=args.delimiter,
            maps=list(args.map),
            allow_no_email=args.allow_no_email,
            resend_unsure=args.resend_unsure,
            concurrency=args.concurrency,
            batch_size=args.batch_size,
            checkpoint=args.checkpoint or file.with_name(f"{file.name}.checkpoint.json"),
            restart=args.restart,
            rejects=args.rejects or default_rejects_path(file),
            dry_run=args.dry_run,
        )


def run_import(args: argparse.Namespace, console: Console, connect: Any) -> ExitCode:
    """The command; `connect()` resolves the connection (after the local checks of the options and file)."""
    options = _Options.from_args(args)
    source = InputFile(options.file, detect_format(options.file, options.format), delimiter=options.delimiter)
    if options.dry_run:
        return _dry_run(options, source, console, connect)
    connection: Connection = connect()
    return asyncio.run(_import(options, source, connection, console))


def _dry_run(options: _Options, source: InputFile, console: Console, connect: Any) -> ExitCode:
    """The checks of a real import, the column check included when connection settings are given
    (the only request is a GET of the field list); without them, against Mautic's default fields."""
    try:
        connection: Connection = connect()
    except MissingSettingError as exc:
        fields = None
        console.say(
            f"dry run without the server ({exc}): columns are checked against Mautic's default fields"
        )
    else:
        fields = asyncio.run(_fields_of(connection))
    try:
        cmap = build_column_map(source.columns, options.maps, fields, allow_no_email=options.allow_no_email)
    except UsageError as exc:
        if fields is not None:
            raise
        raise UsageError(f"{exc} (custom fields were not checked: no connection settings)") from None
    plan = make_plan(source, cmap, allow_no_email=options.allow_no_email)
    return _report_dry_run(console, source, cmap, plan, checked=fields is not None)


async def _fields_of(connection: Connection) -> list[str]:
    async with connection.async_client() as m:
        return await _server_fields(m, connection)


async def _server_fields(m: AsyncMautic, connection: Connection) -> list[str]:
    """The aliases of the server's contact fields (custom ones included); CommandError if unreadable."""
    try:
        return [f.alias for f in await m.contacts.fields() if f.object == "lead" and f.alias]
    except (AuthenticationError, PermissionDeniedError) as exc:
        raise UsageError(f"Mautic refused the credentials: {exc}") from None
    except MauticError as exc:
        raise CommandError(
            f"cannot read the contact fields from {connection.url}: {exc}", ExitCode.STOPPED
        ) from None


def _report_dry_run(
    console: Console, source: InputFile, cmap: ColumnMap, plan: Plan, *, checked: bool
) -> ExitCode:
    say = console.say
    where = "the server's contact fields" if checked else "Mautic's default contact fields"
    say(f"{source.path.name}: {plan.total} records ({source.format}); columns (matched against {where}):")
    for line in cmap.describe():
        say(f"  {line}")
    if cmap.assumed:
        say(
            f"  (assumed to be custom fields, not checked without connection settings: "
            f"{', '.join(cmap.assumed)})"
        )
    sendable = plan.counts[Kind.FIRST] + plan.counts[Kind.REPEAT] + plan.counts[Kind.ANONYMOUS]
    say(
        f"would send {sendable} records ({plan.counts[Kind.REPEAT]} repeat an earlier email and would "
        f"update that contact; {plan.counts[Kind.ANONYMOUS]} have no email) and reject "
        f"{plan.counts[Kind.LOCAL_REJECT]}"
    )
    for number, line_number, problem in plan.problems:
        say(f"  record {number} (line {line_number}): {problem}")
    more = plan.counts[Kind.LOCAL_REJECT] - len(plan.problems)
    if more > 0:
        say(f"  ... and {more} more")
    say("dry run: nothing was sent")
    return ExitCode.REFUSED if plan.counts[Kind.LOCAL_REJECT] else ExitCode.OK


async def _import(options: _Options, source: InputFile, connection: Connection, console: Console) -> ExitCode:
    async with connection.async_client() as m:
        fields = await _server_fields(m, connection)
        # Columns are matched against the server's fields (custom ones included), then every record
        # is examined once before the first batch is sent.
        cmap = build_column_map(source.columns, options.maps, fields, allow_no_email=options.allow_no_email)
        plan = make_plan(source, cmap, allow_no_email=options.allow_no_email)
        checkpoint = _open_checkpoint(options, source, cmap, plan, console)
        rejects = RejectsFile(options.rejects, source.format, source.columns, delimiter=source.delimiter)
        rejects.start(checkpoint.done if len(checkpoint.done) else None)
        run = _Run(m, options, source, cmap, plan, checkpoint, rejects, console)
        try:
            with console.progress(f"import {source.path.name}", plan.total, "rows") as bar:
                run.bar = bar
                await run.execute()
        finally:
            rejects.close()
        return run.report()


def _open_checkpoint(
    options: _Options, source: InputFile, cmap: ColumnMap, plan: Plan, console: Console
) -> Checkpoint:
    identity = {
        "sha256": file_digest(source.path),
        "size": source.path.stat().st_size,
        "records": plan.total,
    }
    settings = {
        "format": source.format,
        "delimiter": source.delimiter,
        "columns": cmap.columns,
        "allow_no_email": options.allow_no_email,
    }
    existing = None if options.restart else Checkpoint.load(options.checkpoint)
    if existing is not None and not existing.matches(identity, settings):
        raise UsageError(
            f"the checkpoint {options.checkpoint} belongs to another version of the file or to other "
            "options (columns, format): pass --restart to import everything again (contacts are "
            "matched by email, not duplicated) or --checkpoint PATH to keep it"
        )
    if options.restart and plan.counts[Kind.ANONYMOUS]:
        console.warn("--restart: records without an email will be created again")
    checkpoint = existing or Checkpoint(options.checkpoint, identity, settings)
    if existing is not None:
        console.say(
            f"resuming from {options.checkpoint}: {len(existing.done)} of {plan.total} records already done"
        )
    checkpoint.save()  # fail now, not after sending, if it cannot be written
    return checkpoint


@dataclass
class _Run:
    m: AsyncMautic
    options: _Options
    source: InputFile
    cmap: ColumnMap
    plan: Plan
    checkpoint: Checkpoint
    rejects: RejectsFile
    console: Console
    bar: ProgressBar = field(default_factory=lambda: ProgressBar(None, None))
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    skipped: int = 0
    interrupted: bool = False
    failure: Exception | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _slots: asyncio.Semaphore | None = None
    _local: list[int] = field(default_factory=list)

    @property
    def stopping(self) -> bool:
        return self.interrupted or self.failure is not None

    # -- driving ------------------------------------------------------------------------------------

    async def execute(self) -> None:
        self._slots = asyncio.Semaphore(self.options.concurrency)
        done = self.checkpoint.done
        self.skipped = len(done)
        self.bar.advance(self.skipped)
        self._settle_unsure()
        loop = asyncio.get_running_loop()
        handled = _install_signal_handlers(loop, self._on_signal)
        try:
            await self._phase(Kind.FIRST, Kind.ANONYMOUS, Kind.LOCAL_REJECT, parallel=True)
            if not self.stopping:
                await self._phase(Kind.REPEAT, parallel=False)
        finally:
            if self._tasks:
                await asyncio.gather(*self._tasks, return_exceptions=True)
            for sig in handled:
                loop.remove_signal_handler(sig)
            self._save()

    def _on_signal(self) -> None:
        if not self.interrupted:
            self.interrupted = True
            self.console.say(
                f"\nstopping: waiting for {len(self._tasks)} batch(es) in flight (again to stop at once)"
            )
            return
        for task in self._tasks:
            task.cancel()

    def _settle_unsure(self) -> None:
        """Records without email whose batch was lost in an earlier run (see `_checkpoint`)."""
        unsure = self.checkpoint.unsure
        if not len(unsure):
            return
        numbers = set(unsure)
        if self.options.resend_unsure:
            self.console.warn(f"sending again {len(numbers)} record(s) whose batch was lost earlier")
            unsure.discard(numbers)
            self._save()
            return
        for record in self._records(lambda number: number in numbers):
            self.rejects.add(
                record,
                "unsure",
                "sent without an email in a batch whose answer was lost when an earlier run stopped: "
                "the contact may or may not exist; check, then import it again if missing "
                "(or rerun with --resend-unsure)",
            )
            self.counts["unsure"] += 1
        self.rejects.sync()
        unsure.discard(numbers)
        self.checkpoint.done.add(numbers)
        self.checkpoint.counts["unsure"] += len(numbers)
        self.bar.advance(len(numbers))
        self._save()

    def _records(self, wanted: Any) -> Iterator[Record]:
        for record in self.source.records():
            if wanted(record.number):
                yield record

    async def _phase(self, *kinds: Kind, parallel: bool) -> None:
        plan, done = self.plan, self.checkpoint.done
        csv = self.source.format == "csv"
        batches: dict[Kind, Batch] = {kind: [] for kind in kinds}
        for record in self._records(lambda n: plan.kind(n) in kinds and n not in done):
            if self.stopping:
                return
            kind = plan.kind(record.number)
            found = examine(record, self.cmap, csv=csv, allow_no_email=self.options.allow_no_email)
            if found.payload is None:
                self._reject_locally(record, found.problem or "invalid")
                continue
            batch = batches.setdefault(kind, [])
            batch.append((record, found.payload))
            if len(batch) >= self.options.batch_size:
                await self._send(batch, anonymous=kind == Kind.ANONYMOUS, parallel=parallel)
                batches[kind] = []
        for kind, batch in batches.items():
            if batch and not self.stopping:
                await self._send(batch, anonymous=kind == Kind.ANONYMOUS, parallel=parallel)
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _reject_locally(self, record: Record, problem: str) -> None:
        self.rejects.add(record, "local", problem)
        self._local.append(record.number)
        self.counts["rejected"] += 1
        self.bar.advance(1)
        if len(self._local) >= LOCAL_SAVE_EVERY:
            self._save()

    async def _send(self, batch: Batch, *, anonymous: bool, parallel: bool) -> None:
        assert self._slots is not None
        await self._slots.acquire()
        if self.stopping:
            self._slots.release()
            return
        if anonymous:
            # Before sending: if the answer is lost, the next run must know these may exist.
            self.checkpoint.unsure.add(record.number for record, _ in batch)
            self._save()
        task = asyncio.ensure_future(self._request(batch, anonymous))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: self._slots.release() if self._slots else None)
        if not parallel:
            await asyncio.gather(task, return_exceptions=True)

    async def _request(self, batch: Batch, anonymous: bool) -> None:
        try:
            result = await self.m.contacts.create_many([payload for _, payload in batch])
        except Exception as exc:  # the request failed after retries (or a bug): stop, resumably
            self._lost(batch, anonymous, exc)
            return
        self._answered(batch, anonymous, result)

    # -- recording ----------------------------------------------------------------------------------

    def _answered(self, batch: Batch, anonymous: bool, result: BatchResult) -> None:
        numbers = [record.number for record, _ in batch]
        outcome = dict.fromkeys(COUNTS, 0)
        for (record, _), item in zip(batch, result, strict=True):
            if item.ok:
                outcome["created" if item.status_code == 201 else "updated"] += 1
            else:
                self.rejects.add(record, item.status_code, _describe(item.error))
                outcome["rejected"] += 1
        self.rejects.sync()
        self.checkpoint.done.add(numbers)
        if anonymous:
            self.checkpoint.unsure.discard(numbers)
        for name, count in outcome.items():
            self.counts[name] += count
            self.checkpoint.counts[name] += count
        self._save()
        self.bar.advance(len(batch))

    def _lost(self, batch: Batch, anonymous: bool, exc: Exception) -> None:
        if anonymous and _certainly_not_applied(exc):
            self.checkpoint.unsure.discard(record.number for record, _ in batch)
            self._save()
        if self.failure is None:
            self.failure = exc

    def _save(self) -> None:
        """Record local rejects and counts; the rejects file is synced first."""
        cp = self.checkpoint
        if self._local:
            self.rejects.sync()
            cp.done.add(self._local)
            cp.counts["rejected"] += len(self._local)
            self._local = []
        cp.complete = len(cp.done) == self.plan.total
        cp.save()

    # -- the end ------------------------------------------------------------------------------------

    def report(self) -> ExitCode:
        """The summary, and the exit code it explains: records rejected (or unsure) in this run or an
        earlier run of the same import make it 1, and the summary says which."""
        cp, say = self.checkpoint, self.console.say
        c = self.counts
        say(
            f"{self.source.path.name}: {c['created']} created, {c['updated']} updated, {c['rejected']} "
            f"rejected, {c['unsure']} unsure, {self.skipped} skipped (done in an earlier run); "
            f"{len(cp.done)} of {self.plan.total} records done"
        )
        earlier = [
            f"{cp.counts[name] - c[name]} {name}"
            for name in ("rejected", "unsure")
            if cp.counts[name] > c[name]
        ]
        rejects = self.rejects.path
        if earlier:
            see = f"see {rejects}" if rejects.exists() else f"their rejects file {rejects} is gone"
            say(f"{' and '.join(earlier)} in an earlier run ({see})")
        if self.rejects.count:
            say(f"rejected records and reasons: {rejects}")
        if self.interrupted:
            say(f"interrupted: run the same command again to resume (checkpoint {cp.path})")
            return ExitCode.INTERRUPTED
        if self.failure is not None:
            self.console.error(f"stopped: {self.failure}")
            say(f"run the same command again to resume (checkpoint {cp.path})")
            if isinstance(self.failure, (AuthenticationError, PermissionDeniedError)):
                return ExitCode.USAGE
            return ExitCode.STOPPED
        if cp.counts["rejected"] or cp.counts["unsure"]:
            return ExitCode.REFUSED
        return ExitCode.OK


def _describe(error: ErrorDetail | None) -> str:
    """The server's message and its field errors, each once. Mautic's message for a form error already
    lists them (`firstname: too long, email: invalid`, see the server reference, §1.6): it is kept only
    for what it says beyond them."""
    if error is None:
        return "refused without a message"
    entries: list[str] = []
    for name, messages in error.field_errors.items():
        for text in messages:
            entry = f"{name}: {text.strip()}"
            if text.strip() and entry not in entries:
                entries.append(entry)
    message = error.message.strip()
    rest = message
    for entry in entries:
        rest = rest.replace(entry, "")
    if not rest.strip(" ,;.\n"):
        return "; ".join(entries) or "refused without a message"
    return "; ".join([message, *(e for e in entries if e not in message)])


def _certainly_not_applied(exc: Exception) -> bool:
    """Whether the failed batch request cannot have created anything (see `_retry`)."""
    if isinstance(exc, APIStatusError):
        return classify_status(exc.status_code) == "not_applied"
    if isinstance(exc, APIConnectionError):
        cause = exc.__cause__
        return isinstance(cause, httpx.HTTPError) and classify_exception(cause) == "not_applied"
    return False


def _install_signal_handlers(loop: asyncio.AbstractEventLoop, handler: Any) -> list[signal.Signals]:
    installed: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, handler)
        except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - not the main thread
            continue
        installed.append(sig)
    return installed
