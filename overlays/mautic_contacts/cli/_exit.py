"""Exit codes of the command line, and the error that ends a command with one."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["CommandError", "ExitCode", "UsageError"]


class ExitCode(IntEnum):
    """What `mautic-contacts` returns (documented in the package docstring and the README)."""

    OK = 0
    REFUSED = 1  # rejected rows, a contact that does not exist
    USAGE = 2  # bad flags, input or configuration: nothing was sent
    STOPPED = 3  # an error stopped the run before the end: run it again to resume
    INTERRUPTED = 130  # Ctrl-C / SIGTERM: run it again to resume


class CommandError(Exception):
    """Ends the command with `code` after printing the message."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.code = code


class UsageError(CommandError):
    """Bad flags, input or configuration (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.USAGE)
