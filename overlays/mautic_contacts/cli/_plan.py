"""The first pass over an import file: what happens to each record, decided before anything is sent.

Each record gets a kind, from the file alone (so a resumed run decides exactly as the first one):

- `LOCAL_REJECT`: unreadable, no email (without --allow-no-email) or an email that is certainly invalid;
  written to the rejects file, never sent;
- `FIRST`: the first record with its email: sent in phase 1, batches in parallel;
- `REPEAT`: an email already seen in an earlier record: sent in phase 2, after phase 1, one batch at a
  time in file order, so that the later record's values win and two concurrent requests never race
  to create the same contact (Mautic has no unique index: a race can create it twice);
- `ANONYMOUS`: no email, with --allow-no-email: sent in phase 1 in batches of their own, so that the
  batches with emails stay safe to retry (see `_checkpoint` for what happens when one is lost).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from ._mapping import ColumnMap, email_key, valid_email
from ._rows import InputFile, Record

__all__ = ["Examined", "Kind", "Plan", "examine", "make_plan"]

MAX_LISTED = 20


class Kind(IntEnum):
    LOCAL_REJECT = 0
    FIRST = 1
    REPEAT = 2
    ANONYMOUS = 3


@dataclass(frozen=True)
class Examined:
    payload: dict[str, Any] | None
    email: str | None  # comparison key
    problem: str | None


def examine(record: Record, cmap: ColumnMap, *, csv: bool, allow_no_email: bool) -> Examined:
    """The contact data of a record, or why it cannot be sent."""
    if record.values is None:
        return Examined(None, None, record.error or "unreadable record")
    payload = cmap.payload(record.values, csv)
    email = payload.get("email")
    if email is None:
        if not allow_no_email:
            return Examined(None, None, "no email (pass --allow-no-email to import records without one)")
        if not payload:
            return Examined(None, None, "no value in any imported column")
        return Examined(payload, None, None)
    if not valid_email(email):
        return Examined(None, None, f"invalid email address {email!r}")
    return Examined(payload, email_key(email), None)


@dataclass
class Plan:
    """Kinds of all records (`kinds[number - 1]`), with counts and the first problems for a dry run."""

    kinds: bytearray = field(default_factory=bytearray)
    counts: Counter[Kind] = field(default_factory=Counter)
    problems: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.kinds)

    def kind(self, number: int) -> Kind:
        return Kind(self.kinds[number - 1])


def make_plan(source: InputFile, cmap: ColumnMap, *, allow_no_email: bool) -> Plan:
    plan = Plan()
    seen: set[str] = set()
    csv = source.format == "csv"
    for record in source.records():
        found = examine(record, cmap, csv=csv, allow_no_email=allow_no_email)
        if found.problem is not None:
            kind = Kind.LOCAL_REJECT
            if len(plan.problems) < MAX_LISTED:
                plan.problems.append((record.number, record.line, found.problem))
        elif found.email is None:
            kind = Kind.ANONYMOUS
        elif found.email in seen:
            kind = Kind.REPEAT
        else:
            seen.add(found.email)
            kind = Kind.FIRST
        plan.kinds.append(kind)
        plan.counts[kind] += 1
    return plan
