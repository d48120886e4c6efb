"""`--where` filters: `COLUMN OPERATOR [VALUE]`, parsed into `Where` clauses before anything is sent.

    --where "email like %@acme.com"      --where "points gte 10"       --where "city in Paris,Lyon"
    --where "points between 10,50"       --where "stage_id is_null"    --where "country = France"

Operators: eq neq lt lte gt gte like not_like in not_in between not_between is_null is_not_null is_empty
is_not_empty, and the symbols = != <> < <= > >=. VALUE is the rest of the text; `in`/`not_in` take a
comma-separated list (double-quote an item that contains a comma: `city in "Lyon, centre",Paris`);
`between`/`not_between` take two comma-separated values. Several --where are ANDed. Values are sent as
written (Mautic compares numbers and dates written as text, e.g. `date_added gt 2024-01-01`).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import Final

from .._where import Clause, Condition, Where
from ._exit import UsageError

__all__ = ["OPERATORS", "parse_where", "parse_wheres"]

OPERATORS: Final = (
    "eq",
    "neq",
    "lt",
    "lte",
    "gt",
    "gte",
    "like",
    "not_like",
    "in",
    "not_in",
    "between",
    "not_between",
    "is_null",
    "is_not_null",
    "is_empty",
    "is_not_empty",
)
_SYMBOLS: Final = {
    "=": "eq",
    "==": "eq",
    "!=": "neq",
    "<>": "neq",
    "<": "lt",
    "<=": "lte",
    ">": "gt",
    ">=": "gte",
}
_NO_VALUE: Final = ("is_null", "is_not_null", "is_empty", "is_not_empty")


def _items(text: str) -> list[str]:
    rows = list(csv.reader([text], skipinitialspace=True))
    return [item.strip() for item in rows[0]] if rows else []


def parse_where(text: str) -> Condition:
    """One `--where` value as a clause; UsageError saying what is wrong."""

    def bad(why: str) -> UsageError:
        return UsageError(f"--where {text!r}: {why}")

    parts = text.strip().split(None, 2)
    if len(parts) < 2:
        raise bad("expected COLUMN OPERATOR [VALUE], e.g. 'points gte 10'")
    column, word = parts[0], parts[1]
    value = parts[2].strip() if len(parts) == 3 else ""
    op = _SYMBOLS.get(word, word.lower())
    if op not in OPERATORS:
        raise bad(f"unknown operator {word!r}; use one of {' '.join(OPERATORS)} (or = != < <= > >=)")
    try:
        where = Where(column)
        if op in _NO_VALUE:
            if value:
                raise bad(f"{op} takes no value")
            method: Callable[[], Condition] = getattr(where, op)
            return method()
        if not value:
            raise bad(f"{op} needs a value")
        if op in ("in", "not_in"):
            items = _items(value)
            if not items or any(not item for item in items):
                raise bad(f"{op} needs a comma-separated list of non-empty values")
            return where.in_(items) if op == "in" else where.not_in(items)
        if op in ("between", "not_between"):
            items = _items(value)
            if len(items) != 2 or not all(items):
                raise bad(f"{op} needs two comma-separated values, e.g. 'points {op} 10,50'")
            return where.between(*items) if op == "between" else where.not_between(*items)
        single: Callable[[str], Condition] = getattr(where, op)
        return single(value)
    except (ValueError, TypeError) as exc:  # what Where refuses (bad column names, values ...)
        raise bad(str(exc)) from None


def parse_wheres(texts: Iterable[str]) -> list[Clause]:
    return [parse_where(text) for text in texts]
