"""Checks and conversions of call arguments, done before anything is sent.

Mautic answers many bad inputs with a silent no-op or an HTTP 500 (non-numeric ids in a path, unknown
`orderBy` columns, unparseable dates), so they are refused here with TypeError/ValueError instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Final, TypeVar
from uuid import UUID

from ._where import _check_column, to_mautic_value

__all__ = [
    "check_count",
    "check_id",
    "check_int",
    "check_segment",
    "check_text",
    "choice",
    "clears_fields",
    "date_param",
    "order_by_param",
    "select_param",
    "text_list",
    "write_body",
]

E = TypeVar("E", bound=Enum)
_SAFE_SEGMENT: Final = re.compile(r"[A-Za-z0-9_.-]+")


def check_id(value: object, what: str = "id") -> int:
    """A positive integer id argument (bools and numeric strings are refused: they hide mistakes).

    Batch items are data and also take digit strings: see `_batching.check_edit_items`.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        hint = f" (convert an id read as text with int({what}))" if isinstance(value, str) else ""
        raise TypeError(f"{what} must be an int, not {type(value).__name__}{hint}")
    if value <= 0:
        raise ValueError(f"{what} must be a positive integer, got {value}")
    return value


def check_int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def check_count(value: int | None, what: str, *, minimum: int = 0, why: str = "") -> int | None:
    """An optional int of at least `minimum` (start, limit, page); `why` ends the error message."""
    if value is None:
        return None
    value = check_int(value, what)
    if value < minimum:
        raise ValueError(f"{what} must be >= {minimum}, got {value}{why}")
    return value


def check_text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def check_segment(value: object, what: str) -> str:
    """A value that goes into a URL path segment (e.g. a DNC channel)."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if not _SAFE_SEGMENT.fullmatch(value):
        raise ValueError(f"{what} must be letters, digits, '_', '.' or '-', got {value!r}")
    return value


def choice(value: str | E, enum: type[E], what: str) -> E:
    """An enum member from the member or its value (case-insensitive)."""
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        for member in enum:
            if str(member.value).lower() == value.lower():
                return member
    allowed = ", ".join(repr(m.value) for m in enum)
    raise ValueError(f"{what} must be one of {allowed}, got {value!r}")


def text_list(values: Iterable[str] | None, what: str) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} takes a list of str, not a single string")
    result = list(values)
    for value in result:
        if not isinstance(value, str):
            raise TypeError(f"{what} takes a list of str, not {type(value).__name__} items")
    return result


_CAMEL_HUMP: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _snake_case(column: str) -> str:
    """`dateAdded` -> `date_added` (field aliases are lower case, so only entity property names change)."""
    alias, dot, name = column.rpartition(".")
    return alias + dot + _CAMEL_HUMP.sub("_", name).lower()


def order_by_param(value: str | Iterable[str] | None) -> str | None:
    """`orderBy`: one or more database column names (`date_added`, `email`), comma-joined.

    `orderBy` goes to SQL as written (an unknown column is a 500), unlike `where`, whose columns the
    server converts from the API's camelCase property names; so `dateAdded` is sent as `date_added`.
    """
    if value is None:
        return None
    columns = [value] if isinstance(value, str) else text_list(value, "order_by") or []
    if not columns:
        raise ValueError("order_by needs at least one column")
    return ",".join(_snake_case(_check_column(column)) for column in columns)


def select_param(value: Iterable[str] | None) -> list[str] | None:
    """`select[]` columns; `id` is added because the server keys rows by it."""
    columns = text_list(value, "select")
    if columns is None:
        return None
    for column in columns:
        _check_column(column)
    return columns if "id" in columns else ["id", *columns]


def date_param(value: str | date | datetime | None, what: str) -> str | None:
    """A date for the activity filters: aware datetimes as UTC `Y-m-d H:i:s`, dates as `Y-m-d`."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return to_mautic_value(value, field=what)
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"{what} must not be blank")
        return value
    raise TypeError(f"{what} must be a str, date or timezone-aware datetime, not {type(value).__name__}")


def _json_value(value: Any, where: str) -> Any:
    """`value` as JSON can carry it (converted where that is lossless), or TypeError/ValueError.

    Checked before the first request is sent: a value that fails at send time would leave a batch
    half applied.
    """
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: {value!r} cannot be sent (JSON has no NaN or infinity)")
        return value
    if isinstance(value, (date, datetime)):
        return to_mautic_value(value, field=where)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{where}: {value!r} cannot be sent (JSON has no NaN or infinity)")
        return str(value)  # exact; Mautic parses number fields from text
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Enum) and isinstance(value.value, (str, int)) and not isinstance(value.value, bool):
        return value.value
    if isinstance(value, Mapping):
        result: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: keys of nested objects must be str, got {key!r}")
            result[key] = _json_value(item, f"{where}.{key}")
        return result
    if isinstance(value, (list, tuple)):
        return [_json_value(item, f"{where}[{i}]") for i, item in enumerate(value)]
    raise TypeError(
        f"{where}: a {type(value).__name__} cannot be sent as JSON; pass str, int, float, bool, None, "
        "date/datetime, Decimal, UUID, or lists/dicts of those"
    )


def write_body(data: Mapping[str, Any], what: str = "data") -> dict[str, Any]:
    """A contact write body: a mapping of field alias (or special key) to value.

    Dates and timezone-aware datetimes become the strings Mautic stores (UTC `Y-m-d H:i:s`), `Decimal`
    and `UUID` their text; anything JSON cannot carry (sets, bytes, NaN ...) raises before sending.
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"{what} must be a mapping of field alias -> value, not {type(data).__name__}")
    body: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not key:
            raise TypeError(f"{what} keys must be non-empty str field aliases, got {key!r}")
        body[key] = _json_value(value, f"{what}[{key!r}]")
    return body


def clears_fields(body: Mapping[str, Any]) -> bool:
    """Whether a PATCH body sets some field to None or "" (Mautic ignores blanks unless told)."""
    return "overwriteWithBlank" not in body and any(v is None or v == "" for v in body.values())
