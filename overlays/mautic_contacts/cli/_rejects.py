"""The rejects file: every record that was not imported, as it was read, with the reason.

Same format as the input, so that it can be fixed and imported again (the extra columns are dropped on
import): CSV gets three leading columns `_row` (record number), `_status` (the HTTP status of the item,
`local` when a local check refused it before sending, `unsure` for a record whose batch was lost, see
the checkpoint) and `_error` (the server's message with its field errors), then the record's cells;
JSON Lines gets the same three keys added to the record (`_line` holds a line that was not an object).

Entries are appended and fsync'ed before the checkpoint marks their records done. On resume the file is
rewritten first without the entries of records that are not done, so that no entry appears twice.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, TextIO

from ._checkpoint import RangeSet, write_atomically
from ._rows import Format, Record

__all__ = ["RejectsFile", "default_rejects_path"]

_EXTRA = ["_row", "_status", "_error"]


def default_rejects_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}.rejects{source.suffix or '.txt'}")


class RejectsFile:
    """Appends rejected records; created on the first one (an empty run leaves no file)."""

    def __init__(self, path: Path, fmt: Format, columns: list[str], *, delimiter: str = ",") -> None:
        self.path = path
        self.format = fmt
        self.columns = columns
        self.delimiter = delimiter
        self.count = 0
        self._stream: TextIO | None = None

    def start(self, keep: RangeSet | None) -> None:
        """A fresh file (`keep` None), or the existing one without entries of records not in `keep`."""
        if keep is None or not self.path.exists():
            self.path.unlink(missing_ok=True)
            return
        kept = [entry for entry in self._entries() if entry[0] in keep]
        if not kept:
            self.path.unlink()
            return
        buffer = io.StringIO()
        if self.format == "csv":
            writer = csv.writer(buffer, delimiter=self.delimiter)
            writer.writerow([*_EXTRA, *self.columns])
            writer.writerows(cells for _, cells in kept)
        else:
            buffer.writelines(line for _, line in kept)
        write_atomically(self.path, buffer.getvalue())

    def _entries(self) -> list[tuple[int, Any]]:
        entries: list[tuple[int, Any]] = []
        with self.path.open(encoding="utf-8", newline="") as stream:
            if self.format == "csv":
                reader = csv.reader(stream, delimiter=self.delimiter)
                next(reader, None)
                entries = [(int(row[0]), row) for row in reader if row and row[0].isdigit()]
            else:
                for line in stream:
                    try:
                        number = json.loads(line).get("_row")
                    except (ValueError, AttributeError):
                        continue
                    if isinstance(number, int):
                        entries.append((number, line if line.endswith("\n") else line + "\n"))
        return entries

    def add(self, record: Record, status: int | str, message: str) -> None:
        stream = self._open()
        if self.format == "csv":
            cells = record.raw if isinstance(record.raw, list) else [str(record.raw)]
            csv.writer(stream, delimiter=self.delimiter).writerow([record.number, status, message, *cells])
        else:
            entry: dict[str, Any] = {"_row": record.number, "_status": status, "_error": message}
            if isinstance(record.raw, dict):
                entry.update({k: v for k, v in record.raw.items() if k not in entry})
            else:
                entry["_line"] = record.raw
            stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def _open(self) -> TextIO:
        if self._stream is None:
            new = not self.path.exists() or self.path.stat().st_size == 0
            self._stream = self.path.open("a", encoding="utf-8", newline="")
            if new and self.format == "csv":
                csv.writer(self._stream, delimiter=self.delimiter).writerow([*_EXTRA, *self.columns])
        return self._stream

    def sync(self) -> None:
        """Make what was added durable (before the checkpoint says those records are done)."""
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())

    def close(self) -> None:
        if self._stream is not None:
            self.sync()
            self._stream.close()
            self._stream = None
