"""Reading an import file, record by record: CSV (with a header line) or JSON Lines (one object a line).

Records are numbered from 1 in file order (CSV: data records after the header; JSON Lines: non-blank
lines), and that number is how the checkpoint and the rejects file name them. A record that cannot be
read (a CSV row with the wrong number of cells, a line that is not a JSON object) comes back with
`error` set instead of failing the whole file. Text must be UTF-8 (a byte-order mark is fine).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias

from ._exit import UsageError

__all__ = ["Format", "InputFile", "Record", "detect_format", "file_digest"]

Format: TypeAlias = Literal["csv", "jsonl"]

_SUFFIXES: dict[str, Format] = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True)
class Record:
    """One record: `values` maps column name -> value (None when `error` says why it is unreadable);
    `raw` is what the rejects file gets back (CSV cells, or the JSON line's text / object)."""

    number: int
    line: int
    values: dict[str, Any] | None
    raw: list[str] | dict[str, Any] | str
    error: str | None = None


def detect_format(path: Path, explicit: str | None) -> Format:
    if explicit is not None:
        return "csv" if explicit == "csv" else "jsonl"
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise UsageError(
            f"cannot tell the format of {path.name} from its name: pass --format csv or --format jsonl"
        )
    return found


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class InputFile:
    """An import file: `columns` (CSV header, or every key seen in a JSON Lines file) and `records()`."""

    def __init__(self, path: Path, fmt: Format, *, delimiter: str = ",") -> None:
        self.path = path
        self.format = fmt
        self.delimiter = "\t" if path.suffix.lower() == ".tsv" and delimiter == "," else delimiter
        if not path.is_file():
            raise UsageError(f"no such file: {path}")
        self.columns = self._csv_header() if fmt == "csv" else self._json_keys()

    def _open(self) -> Any:
        try:
            return self.path.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise UsageError(f"cannot read {self.path}: {exc.strerror}") from None

    def _csv_header(self) -> list[str]:
        with self._open() as stream:
            try:
                header = next(csv.reader(stream, delimiter=self.delimiter), None)
            except (UnicodeDecodeError, csv.Error) as exc:
                raise UsageError(f"{self.path.name}: cannot read the header line: {exc}") from None
        if not header or not any(cell.strip() for cell in header):
            raise UsageError(f"{self.path.name}: no header line (the first line names the columns)")
        columns = [cell.strip() for cell in header]
        if "" in columns:
            raise UsageError(f"{self.path.name}: column {columns.index('') + 1} of the header has no name")
        repeated = sorted({c for c in columns if columns.count(c) > 1})
        if repeated:
            raise UsageError(f"{self.path.name}: the header names {', '.join(map(repr, repeated))} twice")
        return columns

    def _json_keys(self) -> list[str]:
        keys: dict[str, None] = {}
        for record in self.records():
            if isinstance(record.values, dict):
                keys.update(dict.fromkeys(record.values))
        return list(keys)

    def records(self) -> Iterator[Record]:
        try:
            if self.format == "csv":
                yield from self._csv_records()
            else:
                yield from self._json_records()
        except UnicodeDecodeError as exc:
            raise UsageError(
                f"{self.path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from None
        except csv.Error as exc:
            raise UsageError(f"{self.path.name}: {exc}") from None

    def _csv_records(self) -> Iterator[Record]:
        with self._open() as stream:
            reader = csv.reader(stream, delimiter=self.delimiter)
            header = [cell.strip() for cell in next(reader, [])]
            number = 0
            line = reader.line_num + 1
            for cells in reader:
                start, line = line, reader.line_num + 1
                if not cells:
                    continue  # a blank line
                number += 1
                if len(cells) != len(header):
                    error = f"has {len(cells)} cells, the header has {len(header)}"
                    yield Record(number, start, None, cells, error)
                else:
                    yield Record(number, start, dict(zip(header, cells, strict=True)), cells)

    def _json_records(self) -> Iterator[Record]:
        with self._open() as stream:
            number = 0
            for line_number, line in enumerate(stream, 1):
                text = line.strip()
                if not text:
                    continue
                number += 1
                try:
                    value = json.loads(text, parse_constant=_no_constant)
                except ValueError as exc:
                    yield Record(number, line_number, None, text, f"invalid JSON: {exc}")
                    continue
                if not isinstance(value, dict):
                    yield Record(number, line_number, None, text, "not a JSON object")
                    continue
                yield Record(number, line_number, value, value)


def _no_constant(name: str) -> Any:
    # NaN and Infinity are not JSON: Mautic would refuse the whole batch they are sent in.
    raise ValueError(f"{name} is not a JSON value")
