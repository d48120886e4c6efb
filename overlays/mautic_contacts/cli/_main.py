"""The `mautic-contacts` entry point: argument parsing, dispatch, and errors turned into exit codes."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, TextIO

from .._config import ConfigError
from ._connect import Connection, add_connection_options, resolve_connection
from ._console import PROG, Console
from ._exit import CommandError, ExitCode, UsageError
from ._export import add_export_command, run_export
from ._import import add_import_command, run_import
from ._single import add_single_commands, run_single

__all__ = ["Streams", "main", "run"]


class _Parser(argparse.ArgumentParser):
    """Raises UsageError (exit code 2, our message format) instead of exiting on bad arguments."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def build_parser(out: TextIO) -> argparse.ArgumentParser:
    """The parser of every command; help and usage text go to `out`."""

    class Parser(_Parser):
        def _print_message(self, message: str, file: object = None) -> None:
            if message:
                out.write(message)

    common = Parser(add_help=False)
    add_connection_options(common)
    common.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="show retries (-v) or every request (-vv) on stderr",
    )
    parser = Parser(
        prog=PROG,
        description=(
            "Bulk import and export of Mautic contacts, and one-contact commands. Connection settings "
            "come from flags or MAUTIC_URL, MAUTIC_USERNAME, MAUTIC_PASSWORD, MAUTIC_CLIENT_ID, "
            "MAUTIC_CLIENT_SECRET (secrets: prefer the variables or --password-file/--client-secret-file "
            "to flag values, which other local users can see in ps). Exit codes: 0 ok; 1 something "
            "was refused (rejected rows, no such contact); 2 usage or configuration error; 3 stopped "
            "by an error (run again to resume); 130 interrupted."
        ),
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    add_import_command(commands, [common])
    add_export_command(commands, [common])
    add_single_commands(commands, [common])
    return parser


@dataclass
class Streams:
    """What a run reads and writes (the process's own by default; tests pass their own)."""

    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    getpass: Callable[[str], str] = getpass.getpass
    transport: Any = None  # an httpx transport for every request (tests: the fake's in-process one)

    def ask(self) -> Callable[[str], str] | None:
        """A prompt on the terminal, or None when stdin is not one."""
        isatty = getattr(self.stdin, "isatty", None)
        if not (callable(isatty) and isatty()):
            return None

        def ask(question: str) -> str:
            self.stderr.write(question)
            self.stderr.flush()
            return self.stdin.readline()

        return ask


def run(argv: Sequence[str] | None, streams: Streams) -> int:
    console = Console(streams.stderr)
    try:
        parser = build_parser(streams.stdout)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help
            return int(exc.code or 0)
        command = getattr(args, "command", None)
        if command is None:
            parser.print_usage(streams.stderr)
            raise UsageError("choose a command: import, export, get, delete or tag")
        console = Console(streams.stderr, progress=not getattr(args, "no_progress", False))

        def connect() -> Connection:
            connection = resolve_connection(
                args,
                streams.env,
                stdin=streams.stdin,
                prompt=streams.getpass,
                warn=console.warn,
                transport=streams.transport,
            )
            console.add_secrets(connection.secrets)
            return connection

        with console.show_log(args.verbose):
            if command == "import":
                return run_import(args, console, connect)
            if command == "export":
                return run_export(args, console, connect, streams.stdout)
            return run_single(args, console, connect, streams.stdout, streams.ask())
    except CommandError as exc:
        console.error(str(exc))
        return exc.code
    except ConfigError as exc:
        console.error(str(exc))
        return ExitCode.USAGE
    except KeyboardInterrupt:
        console.say("\ninterrupted")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # `export | head`
        return ExitCode.OK


def main(argv: Sequence[str] | None = None) -> int:
    """The `mautic-contacts` command (see `mautic_contacts.cli` for the exit codes)."""
    return run(argv, Streams())
