"""Batch calls: chunking to the server's 200-item limit and one result per request item, in order.

Mautic answers a batch with `contacts`, `statusCodes` and (only when non-empty) `errors`, each keyed by
the item's index *within the request*. PHP's json_encode turns those into arrays when the keys are
0..n-1 and into objects (`{"0": ..., "2": ...}`) when some are missing, e.g. failed items are absent from
`contacts`; a shorter array means the trailing items are missing. Batch delete has no `statusCodes`: ids
that do not exist are silently left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

import httpx

from ._exceptions import APIResponseValidationError, ErrorDetail, _as_int, _detail_from

__all__ = [
    "BATCH_LIMIT",
    "BatchItem",
    "Chunk",
    "check_create_items",
    "check_edit_items",
    "check_ids",
    "chunked",
    "parse_batch_response",
]

BATCH_LIMIT: Final = 200  # api_batch_max_limit; more answers HTTP 500 for the whole request

T = TypeVar("T")
C = TypeVar("C")


@dataclass(frozen=True)
class Chunk(Generic[T]):
    """A slice of the caller's items; `offset` is the position of `items[0]` in the whole list."""

    offset: int
    items: tuple[T, ...]


def chunked(items: Sequence[T], size: int = BATCH_LIMIT) -> list[Chunk[T]]:
    """Split into chunks of at most `size` items (the last one may be shorter)."""
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= BATCH_LIMIT:
        raise ValueError(f"chunk size must be between 1 and {BATCH_LIMIT}")
    return [Chunk(i, tuple(items[i : i + size])) for i in range(0, len(items), size)]


def _positions(bad: list[int]) -> str:
    shown = ", ".join(str(i) for i in bad[:10])
    return shown + (f" (+{len(bad) - 10} more)" if len(bad) > 10 else "")


def check_create_items(items: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Every item must be a mapping (a JSON object)."""
    if isinstance(items, (str, bytes, Mapping)):
        raise TypeError("batch calls take a list of contact mappings")
    result = list(items)
    bad = [i for i, item in enumerate(result) if not isinstance(item, Mapping)]
    if bad:
        raise TypeError(
            f"batch items must be mappings of field alias -> value; not at positions {_positions(bad)}"
        )
    return result


def _item_id(value: object) -> int | None:
    """A batch item's id: a positive int, or a string of ASCII digits (None otherwise)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.isascii() and value.isdigit() and int(value) > 0:
        return int(value)
    return None


def check_edit_items(items: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Every item must carry an `id`: a positive int, or a string of digits ("5").

    Items are data, often read from CSV files or JSON where ids are text, so a digit string is taken
    and sent as an int (the single-contact methods take an `id` argument, which must be an int).
    Without an id, batch PATCH answers 404 for the item and batch PUT *creates* a new contact (and may
    still report 400), so such items are refused before anything is sent; so are bools, "", " 5",
    "5.0" and ids <= 0.
    """
    result = check_create_items(items)
    ids = [_item_id(item.get("id")) for item in result]
    bad = [i for i, value in enumerate(ids) if value is None]
    if bad:
        raise ValueError(
            "batch edit items need an 'id': a positive int or a string of digits; "
            f"missing or invalid at positions {_positions(bad)}"
        )
    return [
        item if type(item["id"]) is int else {**item, "id": value}
        for item, value in zip(result, ids, strict=True)
    ]


def check_ids(ids: Iterable[int]) -> list[int]:
    """Contact ids for batch delete: positive ints."""
    if isinstance(ids, (str, bytes)):
        raise TypeError("delete_many takes a list of ids, not a string")
    result = list(ids)
    bad = [
        i
        for i, value in enumerate(result)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0
    ]
    if bad:
        raise ValueError(f"contact ids must be positive ints; invalid at positions {_positions(bad)}")
    return result


@dataclass(frozen=True)
class BatchItem(Generic[C]):
    """The outcome for one request item. `contact` may be set even with an error status."""

    index: int
    status_code: int
    contact: C | None = None
    error: ErrorDetail | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status_code < 300 and self.error is None


def _by_index(
    value: object, size: int, what: str, response: httpx.Response | None, body: object
) -> dict[int, object]:
    def invalid(why: str) -> APIResponseValidationError:
        return APIResponseValidationError(f"batch response `{what}` {why}", response=response, body=body)

    if value is None:
        return {}
    if isinstance(value, list):
        if len(value) > size:
            raise invalid(f"has {len(value)} entries for {size} items")
        return dict(enumerate(value))
    if isinstance(value, Mapping):
        result: dict[int, object] = {}
        for key, item in value.items():
            index = _as_int(key)
            if index is None or not 0 <= index < size:
                raise invalid(f"has key {key!r}, not an index of the {size} items sent")
            result[index] = item
        return result
    raise invalid(f"is a {type(value).__name__}, expected an array or an object keyed by index")


def parse_batch_response(
    body: object,
    chunk: Chunk[Any],
    *,
    convert: Callable[[Any], C],
    ok_status: int,
    response: httpx.Response | None = None,
    accepts: type | tuple[type, ...] = Mapping,
) -> list[BatchItem[C]]:
    """One `BatchItem` per item of `chunk`, indexed in the caller's whole list.

    `ok_status` is used for an item that came back without a status code (batch delete: 200).
    `convert` turns a `contacts` entry into the result's contact; entries that are not `accepts`
    instances (a JSON object by default; PHP's `[]` for instance) count as no contact.
    """
    if not isinstance(body, Mapping):
        raise APIResponseValidationError("batch response is not a JSON object", response=response, body=body)
    size = len(chunk.items)
    contacts = _by_index(body.get("contacts"), size, "contacts", response, body)
    codes = _by_index(body.get("statusCodes"), size, "statusCodes", response, body)
    errors = _by_index(body.get("errors"), size, "errors", response, body)
    results: list[BatchItem[C]] = []
    for i in range(size):
        raw_contact = contacts.get(i)
        contact = convert(raw_contact) if isinstance(raw_contact, accepts) else None
        error = _detail_from(errors[i], None) if i in errors else None
        status = _as_int(codes.get(i))
        if status is None:
            if error is not None:
                status = error.code if error.code is not None else 400
            elif contact is not None:
                status = ok_status
            else:
                # Batch delete leaves unknown ids out without a word; say what a single delete would.
                status = 404
                error = ErrorDetail(message="Item was not found.", code=404)
        results.append(BatchItem(chunk.offset + i, status, contact, error))
    return results
