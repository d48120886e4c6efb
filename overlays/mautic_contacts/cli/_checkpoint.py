"""The import checkpoint: which records are done, so that a stopped import resumes where it was.

A JSON file (default `<input>.checkpoint.json`), replaced atomically after every answered batch: the
new content goes to a temporary file in the same directory, is flushed and fsync'ed, renamed over the old
one, and the directory is fsync'ed. A crash at any moment (even `kill -9` or a power loss) leaves
either the previous or the new checkpoint, never a mix.

It records:
- `input`: the file's SHA-256, size and record count, and `settings`: what shapes the requests (format,
  delimiter, column map, batch size, --allow-no-email). Resuming with another file or other settings is
  refused (use `--restart` or another `--checkpoint`).
- `done`: records whose outcome is known (created, updated or rejected), as ranges of record numbers.
- `unsure`: records without an email that were sent in a batch whose answer never came. Mautic may have
  created them, and sending them again could create them twice (only an email makes a create safe to
  repeat), so they are written *before* such a batch is sent and the next run does not resend them
  (unless `--resend-unsure`): it reports them in the rejects file for a person to check.
- `counts`: created / updated / rejected / unsure so far, over all runs.

Records with an email that were in flight are simply not in `done`: the next run sends them again and
Mautic finds the contact the first attempt created and updates it.
"""

from __future__ import annotations

import bisect
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ._exit import UsageError

__all__ = ["Checkpoint", "RangeSet", "write_atomically"]

VERSION: Final = 1
COUNTS: Final = ("created", "updated", "rejected", "unsure")


class RangeSet:
    """A set of positive ints stored as sorted, merged, inclusive ranges (compact for record numbers)."""

    def __init__(self, ranges: Iterable[Iterable[int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for pair in ranges:
            start, end = pair
            self.add_range(int(start), int(end))

    def add_range(self, start: int, end: int) -> None:
        if end < start:
            raise ValueError(f"empty range {start}-{end}")
        i = bisect.bisect_left(self._ends, start - 1)
        j = bisect.bisect_right(self._starts, end + 1)
        if i < j:
            start = min(start, self._starts[i])
            end = max(end, self._ends[j - 1])
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def add(self, numbers: Iterable[int]) -> None:
        for run in _runs(sorted(numbers)):
            self.add_range(*run)

    def discard(self, numbers: Iterable[int]) -> None:
        drop = set(numbers)
        if drop:
            kept = [n for n in self if n not in drop]
            self._starts, self._ends = [], []
            self.add(kept)

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int):
            return False
        i = bisect.bisect_right(self._starts, number) - 1
        return i >= 0 and number <= self._ends[i]

    def __iter__(self) -> Any:
        for start, end in zip(self._starts, self._ends, strict=True):
            yield from range(start, end + 1)

    def __len__(self) -> int:
        return sum(end - start + 1 for start, end in zip(self._starts, self._ends, strict=True))

    def ranges(self) -> list[list[int]]:
        return [[s, e] for s, e in zip(self._starts, self._ends, strict=True)]


def _runs(numbers: list[int]) -> Iterable[tuple[int, int]]:
    if not numbers:
        return
    start = end = numbers[0]
    for n in numbers[1:]:
        if n <= end + 1:
            end = max(end, n)
            continue
        yield start, end
        start = end = n
    yield start, end


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text`: temp file + flush + fsync + rename + directory fsync."""
    directory = path.parent
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


@dataclass
class Checkpoint:
    """The state of one import (see the module docstring)."""

    path: Path
    input: dict[str, Any]
    settings: dict[str, Any]
    done: RangeSet = field(default_factory=RangeSet)
    unsure: RangeSet = field(default_factory=RangeSet)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    complete: bool = False

    @classmethod
    def load(cls, path: Path) -> Checkpoint | None:
        """The checkpoint at `path`, None if there is none; UsageError if it is not one of ours."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise UsageError(f"cannot read the checkpoint {path}: {exc.strerror}") from None
        try:
            data = json.loads(text)
            if data.get("version") != VERSION:
                raise ValueError(f"version {data.get('version')!r}")
            return cls(
                path=path,
                input=dict(data["input"]),
                settings=dict(data["settings"]),
                done=RangeSet(data["done"]),
                unsure=RangeSet(data["unsure"]),
                counts={name: int(data["counts"].get(name, 0)) for name in COUNTS},
                complete=bool(data["complete"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise UsageError(
                f"{path} is not a checkpoint this version can read ({exc}); remove it or pass --restart"
            ) from None

    def matches(self, input: dict[str, Any], settings: dict[str, Any]) -> bool:
        return self.input == input and self.settings == settings

    def save(self) -> None:
        data = {
            "version": VERSION,
            "input": self.input,
            "settings": self.settings,
            "done": self.done.ranges(),
            "unsure": self.unsure.ranges(),
            "counts": self.counts,
            "complete": self.complete,
        }
        write_atomically(self.path, json.dumps(data, indent=1, sort_keys=True) + "\n")
