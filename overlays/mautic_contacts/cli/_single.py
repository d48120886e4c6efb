"""`get`, `delete` and `tag`: one contact at a time; the contact is printed as JSON on stdout."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from .._client import Mautic
from .._contact import Contact, opt
from .._exceptions import AuthenticationError, MauticError, NotFoundError, PermissionDeniedError
from ._connect import Connection
from ._console import Console
from ._exit import CommandError, ExitCode, UsageError

__all__ = ["add_single_commands", "run_single"]


def _contact_id(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"a contact id is a positive integer, not {text!r}")
    return int(text)


def add_single_commands(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    codes = "Exit codes: 0 done, 1 no such contact, 2 usage/configuration error, 3 the request failed."
    get = commands.add_parser(
        "get", parents=parents, help="print one contact as JSON", description=f"Print a contact. {codes}"
    )
    get.add_argument("id", type=_contact_id, metavar="ID", help="contact id")
    get.add_argument("--raw", action="store_true", help="everything the server sent, not just the summary")
    get.set_defaults(command="get")

    delete = commands.add_parser(
        "delete",
        parents=parents,
        help="delete one contact",
        description=f"Delete a contact (asks first unless --yes). {codes}",
    )
    delete.add_argument("id", type=_contact_id, metavar="ID", help="contact id")
    delete.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(command="delete")

    tag = commands.add_parser(
        "tag",
        parents=parents,
        help="add and remove tags of one contact",
        description=f"Add and remove tags in one request (other tags are kept). {codes}",
    )
    tag.add_argument("id", type=_contact_id, metavar="ID", help="contact id")
    tag.add_argument("--add", action="append", default=[], metavar="TAG", help="tag to add (repeatable)")
    tag.add_argument(
        "--remove", action="append", default=[], metavar="TAG", help="tag to remove (repeatable)"
    )
    tag.set_defaults(command="tag")


def summary(contact: Contact) -> dict[str, Any]:
    owner = opt(contact.model.owner)
    added = opt(contact.model.date_added)
    return {
        "id": contact.id,
        "points": contact.points,
        "tags": contact.tags,
        "owner": None if owner is None else opt(owner.id),
        "date_added": added.isoformat() if isinstance(added, datetime) else added,
        "fields": {k: v for k, v in contact.fields.items() if v not in (None, "")},
    }


def run_single(
    args: argparse.Namespace,
    console: Console,
    connect: Callable[[], Connection],
    stdout: TextIO,
    ask: Callable[[str], str] | None,
) -> ExitCode:
    """`ask(question)` reads an answer from the terminal; None when stdin is not one."""
    if args.command == "tag" and not (args.add or args.remove):
        raise UsageError("tag: give at least one --add TAG or --remove TAG")
    if args.command == "delete" and not args.yes and ask is None:
        raise UsageError("delete: pass --yes to delete without being asked (stdin is not a terminal)")
    connection = connect()
    with connection.client() as m:
        try:
            contact = _act(m, args, console, ask)
        except NotFoundError:
            console.error(f"no contact with id {args.id}")
            return ExitCode.REFUSED
        except (AuthenticationError, PermissionDeniedError) as exc:
            raise UsageError(f"Mautic refused the credentials: {exc}") from None
        except (ValueError, TypeError) as exc:  # arguments the client refuses before sending (tag names)
            raise UsageError(str(exc)) from None
        except MauticError as exc:
            raise CommandError(str(exc), ExitCode.STOPPED) from None
    if contact is None:
        console.say("not deleted")
        return ExitCode.OK
    data = contact.raw if getattr(args, "raw", False) else summary(contact)
    stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    stdout.flush()
    return ExitCode.OK


def _act(
    m: Mautic, args: argparse.Namespace, console: Console, ask: Callable[[str], str] | None
) -> Contact | None:
    if args.command == "get":
        return m.contacts.get(args.id)
    if args.command == "tag":
        return m.contacts.tag(args.id, add=args.add, remove=args.remove)
    if not args.yes:
        assert ask is not None
        current = m.contacts.get(args.id)
        label = f"{args.id} ({current.email})" if current.email else str(args.id)
        if ask(f"Delete contact {label}? [y/N] ").strip().lower() not in ("y", "yes"):
            return None
    deleted = m.contacts.delete(args.id)
    console.say(f"deleted contact {args.id}")
    return deleted
