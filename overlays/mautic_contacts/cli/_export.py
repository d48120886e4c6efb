"""`mautic-contacts export`: every matching contact to CSV or JSON Lines, in constant memory.

Contacts come from `Mautic.contacts.iterate(prefetch=True)`: keyset pages (by id, so contacts created or
deleted meanwhile never shift the others) with the next page requested while the current one is
written. Rows are written as pages arrive. A file is written under a temporary name and renamed when
complete, so an interrupted export never leaves a truncated file behind.

Columns: `--fields` picks them; the default is `id`, every contact field in the server's order, then
`tags` (comma-separated in CSV, a list in JSON Lines), `owner` (user id), `date_added`, `date_modified`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TextIO

from .._contact import Contact, opt
from .._exceptions import AuthenticationError, MauticError, PermissionDeniedError
from .._where import Where
from ._connect import Connection
from ._console import Console
from ._exit import ExitCode, UsageError
from ._where_syntax import parse_wheres

__all__ = ["add_export_command", "run_export"]

SPECIAL_COLUMNS: Final = ("id", "tags", "owner", "date_added", "date_modified")
DEFAULT_PAGE_SIZE = 200
STDOUT = "-"


def add_export_command(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export",
        parents=parents,
        help="write contacts to CSV or JSON Lines",
        description=(
            "Write every contact matching the filters to a file or stdout, page by page (constant "
            "memory). Exit codes: 0 done, 2 usage/configuration error, 3 stopped by an error, "
            "130 interrupted (a file is only created when the export completes)."
        ),
        # Not %-formatted by argparse (only help= strings are): one literal %.
        epilog=(
            '--where syntax: \'COLUMN OPERATOR [VALUE]\', e.g. "email like %@acme.com", "points gte 10", '
            '"city in Paris,Lyon", "points between 10,50", "stage_id is_null". Operators: eq neq lt '
            "lte gt gte like not_like in not_in between not_between is_null is_not_null is_empty "
            "is_not_empty, or = != <> < <= > >=. Several --where are ANDed."
        ),
    )
    parser.add_argument(
        "-o", "--output", default=STDOUT, metavar="FILE", help="where to write (default '-': stdout)"
    )
    parser.add_argument(
        "--format", choices=("csv", "jsonl"), help="output format (default: from the file suffix, else csv)"
    )
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="EXPR",
        help="filter: 'COLUMN OPERATOR [VALUE]' (repeatable, ANDed; see below)",
    )
    parser.add_argument("--search", metavar="TEXT", help="Mautic search string, e.g. 'tag:vip'")
    parser.add_argument(
        "--fields",
        metavar="A,B,...",
        help=f"columns to write: field aliases and {', '.join(SPECIAL_COLUMNS)} (default: all)",
    )
    parser.add_argument(
        "--page-size",
        type=int,
        default=DEFAULT_PAGE_SIZE,
        metavar="N",
        help=f"contacts per request (default {DEFAULT_PAGE_SIZE}, at most 1000)",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar (also off when not a tty)"
    )
    parser.set_defaults(command="export")


def _output_format(output: str, explicit: str | None) -> str:
    if explicit is not None:
        return explicit
    suffix = Path(output).suffix.lower() if output != STDOUT else ""
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in ("", ".csv", ".tsv", ".txt"):
        return "csv"
    raise UsageError(f"cannot tell the format of {output} from its name: pass --format csv or --format jsonl")


def run_export(
    args: argparse.Namespace, console: Console, connect: Callable[[], Connection], stdout: TextIO
) -> ExitCode:
    clauses = parse_wheres(args.where)  # bad filters are refused before connecting
    if not 1 <= args.page_size <= 1000:
        raise UsageError("--page-size must be between 1 and 1000")
    fmt = _output_format(args.output, args.format)
    wanted = [c.strip() for c in args.fields.split(",")] if args.fields else None
    if wanted is not None and (not all(wanted) or len(set(wanted)) != len(wanted)):
        raise UsageError("--fields takes distinct comma-separated column names, e.g. 'id,email,tags'")
    connection = connect()
    started = time.monotonic()
    with connection.client() as m:
        try:
            aliases = [f.alias for f in m.contacts.fields() if f.object == "lead" and f.alias]
        except (AuthenticationError, PermissionDeniedError) as exc:
            raise UsageError(f"Mautic refused the credentials: {exc}") from None
        except MauticError as exc:
            console.error(f"cannot read the contact fields from {connection.url}: {exc}")
            return ExitCode.STOPPED
        columns = _columns(wanted, aliases)
        contacts = m.contacts.iterate(
            where=clauses or None, search=args.search, page_size=args.page_size, prefetch=True
        )
        total = None
        if console.progress_enabled:
            total = m.contacts.list(where=[*clauses, Where("id").gt(0)], search=args.search, limit=1).total
        try:
            with _target(args.output, stdout) as stream, console.progress("export", total, "contacts") as bar:
                count = _write(contacts, columns, fmt, stream, bar.advance)
        except MauticError as exc:
            console.error(f"stopped: {exc}")
            if args.output != STDOUT:
                console.say(f"nothing was written to {args.output}")
            return ExitCode.STOPPED
    where = "stdout" if args.output == STDOUT else args.output
    console.say(f"exported {count} contacts to {where} ({fmt}) in {time.monotonic() - started:.1f} s")
    return ExitCode.OK


def _columns(wanted: list[str] | None, aliases: list[str]) -> list[str]:
    if wanted is None:
        return ["id", *aliases, *SPECIAL_COLUMNS[1:]]
    unknown = [c for c in wanted if c not in aliases and c not in SPECIAL_COLUMNS]
    if unknown:
        raise UsageError(
            f"--fields: no contact field {', '.join(map(repr, unknown))}; use field aliases or "
            f"{', '.join(SPECIAL_COLUMNS)}"
        )
    return wanted


@contextmanager
def _target(output: str, stdout: TextIO) -> Iterator[TextIO]:
    """stdout, or a temporary file renamed to `output` only if the block completes."""
    if output == STDOUT:
        yield stdout
        stdout.flush()
        return
    path = Path(output)
    if not path.parent.is_dir():
        raise UsageError(f"no such directory: {path.parent}")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


def _value(contact: Contact, column: str, fields: dict[str, Any]) -> Any:
    if column == "id":
        return contact.id
    if column == "tags":
        return contact.tags
    if column == "owner":
        owner = opt(contact.model.owner)
        return None if owner is None else opt(owner.id)
    if column in ("date_added", "date_modified"):
        value = opt(contact.model.date_added if column == "date_added" else contact.model.date_modified)
        return value.isoformat() if isinstance(value, datetime) else value
    return fields.get(column)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write(
    contacts: Iterator[Contact], columns: list[str], fmt: str, stream: TextIO, advance: Callable[[int], None]
) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(columns)
        for contact in contacts:
            fields = contact.fields
            writer.writerow([_csv_cell(_value(contact, c, fields)) for c in columns])
            count += 1
            advance(1)
    else:
        for contact in contacts:
            fields = contact.fields
            row = {c: _value(contact, c, fields) for c in columns}
            stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            count += 1
            advance(1)
    if stream is not sys.stdout:
        stream.flush()
    return count
