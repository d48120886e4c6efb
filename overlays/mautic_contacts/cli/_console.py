"""Messages on stderr (every one passed through secret redaction) and the progress bar."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console as RichConsole
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .._logging import redact_text

__all__ = ["Console", "ProgressBar"]

PROG = "mautic-contacts"


class Console:
    """Where the command talks to people: stderr. Data (exports, `get`) goes to stdout, not here."""

    def __init__(self, stderr: TextIO, *, progress: bool = True) -> None:
        self.stderr = stderr
        self.secrets: tuple[str, ...] = ()
        isatty = getattr(stderr, "isatty", None)
        self.progress_enabled = bool(progress and callable(isatty) and isatty())

    def add_secrets(self, secrets: Sequence[str]) -> None:
        self.secrets = (*self.secrets, *secrets)

    def redact(self, text: str) -> str:
        return redact_text(text, self.secrets)

    def say(self, message: str, *, prefix: str = "") -> None:
        print(prefix + self.redact(message), file=self.stderr, flush=True)

    def warn(self, message: str) -> None:
        self.say(message, prefix=f"{PROG}: warning: ")

    def error(self, message: str) -> None:
        self.say(message, prefix=f"{PROG}: error: ")

    @contextmanager
    def show_log(self, verbosity: int) -> Iterator[None]:
        """The client's log (`mautic_contacts`) on stderr while the command runs: retries with `-v`,
        every request with `-vv`; redacted like every other message."""
        if verbosity <= 0:
            yield
            return
        handler = _RedactingHandler(self)
        logger = logging.getLogger("mautic_contacts")
        previous = logger.level
        logger.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)
        logger.addHandler(handler)
        try:
            yield
        finally:
            logger.removeHandler(handler)
            logger.setLevel(previous)

    @contextmanager
    def progress(self, description: str, total: int | None, unit: str) -> Iterator[ProgressBar]:
        """A progress bar with rate and ETA on stderr, or a silent stand-in when stderr is not a terminal
        (or `--no-progress`)."""
        if not self.progress_enabled:
            yield ProgressBar(None, None)
            return
        console = RichConsole(file=self.stderr, stderr=True)
        columns: list[ProgressColumn | str] = [
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(unit),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        ]
        with Progress(*columns, console=console, transient=False) as progress:
            yield ProgressBar(progress, progress.add_task(description, total=total))


class ProgressBar:
    """`advance(n)` / `update(total=...)` on a rich task, or nothing when progress is off."""

    def __init__(self, progress: Progress | None, task: object) -> None:
        self._progress = progress
        self._task = task

    def advance(self, amount: int) -> None:
        if self._progress is not None and amount:
            self._progress.advance(self._task, amount)  # type: ignore[arg-type]

    def set_total(self, total: int | None) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=total)  # type: ignore[arg-type]


class _RateColumn(ProgressColumn):
    """Items per second, e.g. `1,234 rows/s`."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        shown = "?" if speed is None else f"{speed:,.0f}"
        return Text(f"{shown} {self.unit}/s", style="progress.data.speed")


class _RedactingHandler(logging.Handler):
    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.console.say(record.getMessage(), prefix=f"{PROG}: {record.levelname.lower()}: ")
        except Exception:  # pragma: no cover - logging must never break the command
            self.handleError(record)
