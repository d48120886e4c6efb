"""`where` filters for `GET /contacts`, checked at build time and encoded as PHP bracket keys.

    Where("email").eq("a@b.c")                  where[0][col]=email  where[0][expr]=eq  where[0][val]=a@b.c
    Where("points").between(1, 9)               ...[expr]=between    ...[val][0]=1  ...[val][1]=9
    any_of(Where("city").eq("Paris"), ...)      ...[expr]=orX        ...[val][0][col]=city ...

Mautic (`CommonRepository::buildWhereClauseFromArray`) silently drops or mangles many filters instead of
answering 400, so everything it would not apply as written is refused here with ValueError/TypeError:

- column names other than `[A-Za-z0-9_]+`, optionally `alias.column` (Mautic strips other characters and
  splits on the first dot only);
- `None` as a value (use `is_null()`), naive datetimes (ambiguous: Mautic stores UTC), NaN/infinity;
- empty `in_()`/`not_in()` lists, and values the CSV round trip (`str_getcsv(html_entity_decode(val))`)
  would not give back: control characters and text that looks like an HTML entity (`&amp;`);
- empty `any_of()`/`all_of()`, groups nested more than two deep (the API description's key grammar), and
  more keys than PHP's `max_input_vars` (1000; the rest would be dropped silently).

Values become what Mautic compares: bools 1/0, datetimes UTC `Y-m-d H:i:s`, dates `Y-m-d`, numbers as
decimal strings.

Mautic 5.x HTML-escapes `'"<>&` and control characters in every `where` value before comparing (fixed in
later versions), so `eq("O'Neal")` sent as `eq` would match nothing there. `in`/`notIn` lists are
`html_entity_decode`d before use, and a one-item list is compared with `=` / `<>` on the decoded text:
so `eq(x)` / `neq(x)` with such a value are sent as `in`/`notIn` of one item, which matches exactly on
every version. The other operators (`lt`, `like`, `between` ...) have no such route and refuse these
characters. `between`/`not_between` with numbers or dates refuse a low bound above the high one (SQL
`BETWEEN 50 AND 10` matches nothing); a date mixed with a datetime counts as midnight UTC, as the
server reads `Y-m-d`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final, Literal, TypeAlias

from ._php import php_html_entity_decode

__all__ = [
    "AllOf",
    "AnyOf",
    "Clause",
    "Condition",
    "Where",
    "WhereValue",
    "all_of",
    "any_of",
    "encode_in_list",
    "encode_where",
]

WhereValue: TypeAlias = str | int | float | bool | date | datetime

ValueOp = Literal["eq", "neq", "lt", "lte", "gt", "gte", "like", "notLike"]
ListOp = Literal["in", "notIn"]
RangeOp = Literal["between", "notBetween"]
ColumnOp = Literal["isNull", "isNotNull", "isEmpty", "isNotEmpty"]
Expr = ValueOp | ListOp | RangeOp | ColumnOp

_COLUMN = re.compile(r"[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)?")
# Groups inside groups: the API description's key grammar (WhereQuery) admits two levels, e.g.
# any_of(all_of(a, b), c). Servers read deeper ones, but the spec, the fake and the contract tests do not.
MAX_NESTING: Final = 2
# PHP max_input_vars is 1000 per request; leave room for limit/start/search/orderBy/select[].
MAX_WHERE_KEYS: Final = 900

_METHOD_NAMES: Final[dict[str, str]] = {
    "eq": "eq",
    "neq": "neq",
    "lt": "lt",
    "lte": "lte",
    "gt": "gt",
    "gte": "gte",
    "like": "like",
    "notLike": "not_like",
    "in": "in_",
    "notIn": "not_in",
    "between": "between",
    "notBetween": "not_between",
    "isNull": "is_null",
    "isNotNull": "is_not_null",
    "isEmpty": "is_empty",
    "isNotEmpty": "is_not_empty",
}


def _check_column(column: object) -> str:
    if not isinstance(column, str):
        raise TypeError(f"column name must be a str, not {type(column).__name__}")
    if not _COLUMN.fullmatch(column):
        raise ValueError(
            f"invalid column name {column!r}: use letters, digits and '_' (optionally 'alias.column'); "
            "Mautic would silently strip other characters"
        )
    return column


def _ymd(value: date) -> str:
    # strftime("%Y") does not zero-pad years before 1000 on every platform.
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def to_mautic_value(value: object, *, op: str = "", field: str = "") -> str:
    """Convert one filter value to the string Mautic compares (bools 1/0, UTC datetimes, ...).

    Errors name the filter operator `op` ("gt() got ..."), or the argument / body `field`
    ("data['lastActive'] is ...") for a value that is not a filter value.
    """
    got = f"{op}() got" if not field else f"{field} is"
    if value is None:
        raise TypeError(f"{got} None: use is_null() / is_not_null() to match missing values")
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{got} {value!r}: only finite numbers can be compared")
        return repr(value)
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(
                f"{got} a naive datetime {value.isoformat()!r}: attach a timezone "
                f"(e.g. tzinfo=datetime.UTC); Mautic {'reads' if field else 'compares'} UTC 'Y-m-d H:i:s'"
            )
        try:
            utc = value.astimezone(UTC)
        except OverflowError:
            raise ValueError(f"{got} {value.isoformat()!r}, which is out of range in UTC") from None
        return f"{_ymd(utc)} {utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
    if isinstance(value, date):
        return _ymd(value)
    if isinstance(value, str):
        if "\0" in value:
            raise ValueError(f"{got} a value containing a NUL character")
        return value
    raise TypeError(f"{got} a {type(value).__name__}; expected str, int, float, bool, date or datetime")


def _check_csv_item(item: str, *, op: str) -> str:
    for ch in item:
        if ord(ch) < 0x20 and ch not in "\t\n\r":
            raise ValueError(
                f"{op}() value {item!r} contains control character {ch!r}, which Mautic cannot "
                "decode back from its HTML-escaped form"
            )
    if php_html_entity_decode(item) != item:
        raise ValueError(
            f"{op}() value {item!r} looks like an HTML entity: Mautic 5.x HTML-escapes `where` values "
            "and later versions html_entity_decode() in/notIn lists, so no filter compares this text "
            "exactly on every server"
        )
    return item


# FILTER_SANITIZE_SPECIAL_CHARS (Mautic 5.x InputHelper::cleanArray on `where`) escapes these and every
# character below 0x20.
_ESCAPED: Final = frozenset("'\"<>&")


def _escaped_char(text: str) -> str | None:
    """The first character Mautic 5.x would HTML-escape in a `where` value, if any."""
    for ch in text:
        if ch in _ESCAPED or ord(ch) < 0x20:
            return ch
    return None


def _refuse_escaped(text: str, *, op: str) -> str:
    ch = _escaped_char(text)
    if ch is not None:
        raise ValueError(
            f"{op}() value {text!r} contains {ch!r}, which Mautic 5.x HTML-escapes before comparing, "
            "so the filter would not compare what you wrote; use eq()/neq()/in_()/not_in() for exact "
            "values, or the '_' wildcard in place of the character in like()/not_like()"
        )
    return text


def _csv_field(value: str) -> str:
    """One field as PHP `str_getcsv($s, ',', '"', '\\')` reads it back unchanged."""
    if value and not any(ch in value for ch in ',"\r\n'):
        # Unenclosed fields are copied verbatim (backslashes are only special inside quotes).
        return value
    out = ['"']
    i, n = 0, len(value)
    while i < n:
        ch = value[i]
        if ch == "\\":
            if i + 1 < n:
                # Inside quotes PHP copies the escape character *and* the next one verbatim, without
                # treating that next character as a quote: so a quote after a backslash is not doubled.
                out.append(value[i : i + 2])
                i += 2
                continue
            # A final backslash would escape the closing quote: close first, then the backslash is
            # copied as trailing text up to the delimiter.
            out.append('"\\')
            return "".join(out)
        out.append('""' if ch == '"' else ch)
        i += 1
    out.append('"')
    return "".join(out)


def encode_in_list(values: Sequence[str]) -> str:
    """The CSV string Mautic parses for `in`/`notIn` (`str_getcsv` after `html_entity_decode`)."""
    return ",".join(_csv_field(v) for v in values)


class Clause:
    """A filter clause (immutable). Combine with `any_of`/`all_of`, or `|` and `&`."""

    __slots__ = ()

    def __or__(self, other: Clause) -> AnyOf:
        if not isinstance(other, Clause):
            return NotImplemented
        left = self.clauses if isinstance(self, AnyOf) else (self,)
        right = other.clauses if isinstance(other, AnyOf) else (other,)
        return AnyOf(left + right)

    def __and__(self, other: Clause) -> AllOf:
        if not isinstance(other, Clause):
            return NotImplemented
        left = self.clauses if isinstance(self, AllOf) else (self,)
        right = other.clauses if isinstance(other, AllOf) else (other,)
        return AllOf(left + right)

    def _depth(self) -> int:
        return 0

    def _items(self, prefix: str) -> Iterator[tuple[str, str]]:
        raise NotImplementedError  # pragma: no cover


@dataclass(frozen=True, slots=True, repr=False)
class Condition(Clause):
    """One column comparison. `value` holds what is sent: a str, or a tuple for between/in lists."""

    column: str
    expr: Expr
    value: str | tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        _check_column(self.column)
        if self.expr not in _METHOD_NAMES:
            raise ValueError(f"unknown expression {self.expr!r}; Mautic would silently ignore the clause")
        if self.expr in ("between", "notBetween"):
            ok = isinstance(self.value, tuple) and len(self.value) == 2
        elif self.expr in ("in", "notIn"):
            ok = isinstance(self.value, tuple) and len(self.value) > 0
        elif self.expr in ("isNull", "isNotNull", "isEmpty", "isNotEmpty"):
            ok = self.value is None
        else:
            ok = isinstance(self.value, str)
        if not ok or (isinstance(self.value, tuple) and not all(isinstance(v, str) for v in self.value)):
            raise ValueError(
                f"{self.expr} cannot take value {self.value!r} (build conditions with Where(...))"
            )

    def __repr__(self) -> str:
        method = _METHOD_NAMES[self.expr]
        if self.value is None:
            args = ""
        elif self.expr in ("between", "notBetween"):
            args = ", ".join(repr(v) for v in self.value)
        elif isinstance(self.value, tuple):
            args = repr(list(self.value))
        else:
            args = repr(self.value)
        return f"Where({self.column!r}).{method}({args})"

    def _items(self, prefix: str) -> Iterator[tuple[str, str]]:
        yield f"{prefix}[col]", self.column
        yield f"{prefix}[expr]", self.expr
        if self.expr in ("in", "notIn"):
            assert isinstance(self.value, tuple)
            yield f"{prefix}[val]", encode_in_list(self.value)
        elif isinstance(self.value, tuple):
            for i, v in enumerate(self.value):
                yield f"{prefix}[val][{i}]", v
        elif self.value is not None:
            yield f"{prefix}[val]", self.value


def _check_children(clauses: Iterable[object], name: str) -> tuple[Clause, ...]:
    if isinstance(clauses, Clause):
        raise TypeError(f"{name} takes an iterable of clauses")
    children: list[Clause] = []
    for child in clauses:
        if not isinstance(child, Clause):
            raise TypeError(f"{name} takes clauses built with Where(...), not {type(child).__name__}")
        children.append(child)
    if not children:
        raise ValueError(f"{name} needs at least one clause (Mautic answers 500 for an empty group)")
    depth = 1 + max(c._depth() for c in children)
    if depth > MAX_NESTING:
        raise ValueError(
            f"filter groups nested {depth} deep; at most {MAX_NESTING} levels, e.g. "
            "any_of(all_of(...), ...), fit the API description: use fewer nested groups"
        )
    return tuple(children)


@dataclass(frozen=True, slots=True, repr=False)
class _Group(Clause):
    clauses: tuple[Clause, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "clauses", _check_children(self.clauses, self._name()))

    @classmethod
    def _name(cls) -> str:
        raise NotImplementedError  # pragma: no cover

    @classmethod
    def _expr(cls) -> str:
        raise NotImplementedError  # pragma: no cover

    def __repr__(self) -> str:
        return f"{self._name()}({', '.join(repr(c) for c in self.clauses)})"

    def _depth(self) -> int:
        return 1 + max(c._depth() for c in self.clauses)

    def _items(self, prefix: str) -> Iterator[tuple[str, str]]:
        yield f"{prefix}[expr]", self._expr()
        for i, child in enumerate(self.clauses):
            yield from child._items(f"{prefix}[val][{i}]")


@dataclass(frozen=True, slots=True, repr=False)
class AnyOf(_Group):
    """Matches when any clause matches (Mautic `orX`)."""

    @classmethod
    def _name(cls) -> str:
        return "any_of"

    @classmethod
    def _expr(cls) -> str:
        return "orX"


@dataclass(frozen=True, slots=True, repr=False)
class AllOf(_Group):
    """Matches when every clause matches (Mautic `andX`)."""

    @classmethod
    def _name(cls) -> str:
        return "all_of"

    @classmethod
    def _expr(cls) -> str:
        return "andX"


def any_of(*clauses: Clause) -> AnyOf:
    """`orX`: at least one of the clauses matches."""
    return AnyOf(clauses)


def all_of(*clauses: Clause) -> AllOf:
    """`andX`: all of the clauses match (top-level clauses are already ANDed)."""
    return AllOf(clauses)


class Where:
    """Start a condition on one column: `Where("email").eq("a@b.c")`.

    Columns are database column names (`date_added`, custom field aliases); Mautic converts the Lead
    entity's camelCase properties (`dateAdded`) itself.
    """

    __slots__ = ("_column",)

    def __init__(self, column: str) -> None:
        self._column = _check_column(column)

    @property
    def column(self) -> str:
        return self._column

    def __repr__(self) -> str:
        return f"Where({self._column!r})"

    def _value(self, expr: ValueOp, value: WhereValue) -> Condition:
        name = _METHOD_NAMES[expr]
        text = to_mautic_value(value, op=name)
        if expr in ("eq", "neq") and _escaped_char(text) is not None:
            # A one-item in/notIn list is compared with = / <> after html_entity_decode (see module doc).
            return Condition(
                self._column, "in" if expr == "eq" else "notIn", (_check_csv_item(text, op=name),)
            )
        return Condition(self._column, expr, _refuse_escaped(text, op=name))

    def eq(self, value: WhereValue) -> Condition:
        return self._value("eq", value)

    def neq(self, value: WhereValue) -> Condition:
        return self._value("neq", value)

    def lt(self, value: WhereValue) -> Condition:
        return self._value("lt", value)

    def lte(self, value: WhereValue) -> Condition:
        return self._value("lte", value)

    def gt(self, value: WhereValue) -> Condition:
        return self._value("gt", value)

    def gte(self, value: WhereValue) -> Condition:
        return self._value("gte", value)

    def like(self, pattern: str) -> Condition:
        """SQL LIKE: add your own `%` / `_` wildcards."""
        return self._value("like", pattern)

    def not_like(self, pattern: str) -> Condition:
        return self._value("notLike", pattern)

    def _list(self, expr: ListOp, values: Iterable[WhereValue]) -> Condition:
        name = _METHOD_NAMES[expr]
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise TypeError(f"{name}() takes a list of values, e.g. {name}(['a', 'b'])")
        items = tuple(_check_csv_item(to_mautic_value(v, op=name), op=name) for v in values)
        if not items:
            raise ValueError(f"{name}() needs at least one value")
        return Condition(self._column, expr, items)

    def in_(self, values: Iterable[WhereValue]) -> Condition:
        return self._list("in", values)

    def not_in(self, values: Iterable[WhereValue]) -> Condition:
        return self._list("notIn", values)

    def _range(self, expr: RangeOp, low: WhereValue, high: WhereValue) -> Condition:
        name = _METHOD_NAMES[expr]
        bounds = (to_mautic_value(low, op=name), to_mautic_value(high, op=name))
        for bound in bounds:
            _refuse_escaped(bound, op=name)
        if _reversed(low, high):
            raise ValueError(
                f"{name}({low!r}, {high!r}): the low bound is above the high one, so SQL BETWEEN would "
                f"match {'nothing' if expr == 'between' else 'everything'}; swap them"
            )
        return Condition(self._column, expr, bounds)

    def between(self, low: WhereValue, high: WhereValue) -> Condition:
        """Inclusive range (SQL BETWEEN)."""
        return self._range("between", low, high)

    def not_between(self, low: WhereValue, high: WhereValue) -> Condition:
        return self._range("notBetween", low, high)

    def is_null(self) -> Condition:
        return Condition(self._column, "isNull")

    def is_not_null(self) -> Condition:
        return Condition(self._column, "isNotNull")

    def is_empty(self) -> Condition:
        """NULL or ''."""
        return Condition(self._column, "isEmpty")

    def is_not_empty(self) -> Condition:
        return Condition(self._column, "isNotEmpty")


def _reversed(low: object, high: object) -> bool:
    """Whether two numbers, or two dates/datetimes (mixed too), are in decreasing order (other values:
    unknown)."""
    if isinstance(low, bool) or isinstance(high, bool):
        return False
    if isinstance(low, (int, float)) and isinstance(high, (int, float)):
        return low > high
    if isinstance(low, date) and isinstance(high, date):
        # Datetimes are aware (to_mautic_value refused naive ones); a date is sent as `Y-m-d`, which
        # the server compares as midnight, and Mautic's dates are UTC.
        return _instant(low) > _instant(high)
    return False


def _instant(value: date) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def _as_clauses(where: Clause | Iterable[Clause] | None) -> tuple[Clause, ...]:
    if where is None:
        return ()
    if isinstance(where, Clause):
        return (where,)
    if isinstance(where, (str, bytes, Where)) or not isinstance(where, Iterable):
        raise TypeError("where= takes a clause such as Where('email').eq(...) or a list of clauses")
    clauses = tuple(where)
    for clause in clauses:
        if not isinstance(clause, Clause):
            raise TypeError(f"where= takes clauses built with Where(...), not {type(clause).__name__}")
    return clauses


def encode_where(where: Clause | Iterable[Clause] | None, *, extra: Sequence[Clause] = ()) -> dict[str, str]:
    """Flatten clauses (ANDed) into the `where[i][...]` query keys Mautic reads.

    `extra` clauses are appended after the user's (used for keyset pagination).
    """
    clauses = _as_clauses(where) + tuple(extra)
    flat: dict[str, str] = {}
    for i, clause in enumerate(clauses):
        for key, value in clause._items(f"where[{i}]"):
            flat[key] = value
    if len(flat) > MAX_WHERE_KEYS:
        raise ValueError(
            f"this filter needs {len(flat)} query keys; PHP reads at most 1000 per request and drops "
            "the rest silently (use in_() lists instead of many eq() clauses)"
        )
    return flat
