"""Keyset iteration over `GET /contacts`: every match exactly once, even while contacts change.

Offset paging (`start=0, 30, 60 ...`) skips a contact when one before it is deleted and repeats one when
a contact is inserted before the current offset. Instead each page asks for
`where id > last_id`, `orderBy=id`, `orderByDir=ASC`, `limit=page_size`, `start=0`, ANDed with the user's
`where` and `search`: ids are auto-increment, so a page never depends on rows before the cursor. Contacts
created during the iteration are returned if their id is beyond the cursor when that page is read.

Two server facts to know (Mautic 5.x): a `where` parameter disables the "own contacts only" filter for
users without the `viewother` permission and the `published` filter, so this iterator always sends one
(the cursor clause); `total` is cached for 5 s.

When to stop: after an empty page, or after a short page (fewer than `page_size` contacts) that holds
all the matches its `total` counted (the matches beyond the cursor). A short page whose `total` says
more matches exist (a proxy or server capping `limit`) is not the end: the next page is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from ._exceptions import APIResponseValidationError
from ._where import Clause, Where, _as_clauses, encode_where

__all__ = ["DEFAULT_PAGE_SIZE", "KeysetCursor", "KeysetPlan", "KeysetQuery"]

DEFAULT_PAGE_SIZE: Final = 100
MAX_PAGE_SIZE: Final = 1000


@dataclass(frozen=True)
class KeysetCursor:
    """Where the iteration stands: ids <= `last_id` were already returned."""

    last_id: int = 0
    done: bool = False


@dataclass(frozen=True)
class KeysetQuery:
    """The list-contacts parameters for one page (pass them to the generated `list_contacts`)."""

    where: dict[str, str]
    search: str | None
    order_by: str
    order_by_dir: str
    start: int
    limit: int


class KeysetPlan:
    """The pages of one keyset iteration. Pure: the caller fetches and feeds back the ids it got."""

    def __init__(
        self,
        *,
        where: Clause | Iterable[Clause] | None = None,
        search: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> None:
        if isinstance(page_size, bool) or not isinstance(page_size, int):
            raise TypeError("page_size must be an int")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        if search is not None and not isinstance(search, str):
            raise TypeError("search must be a str")
        self.where = _as_clauses(where)
        self.search = search or None
        self.page_size = page_size
        encode_where(self.where, extra=(Where("id").gt(0),))  # refuse a filter too big for one request

    def start(self) -> KeysetCursor:
        return KeysetCursor()

    def query(self, cursor: KeysetCursor) -> KeysetQuery:
        if cursor.done:
            raise ValueError("the iteration is finished")
        return KeysetQuery(
            where=encode_where(self.where, extra=(Where("id").gt(cursor.last_id),)),
            search=self.search,
            order_by="id",
            order_by_dir="ASC",
            start=0,
            limit=self.page_size,
        )

    def advance(self, cursor: KeysetCursor, ids: Sequence[int], total: int | None = None) -> KeysetCursor:
        """The cursor after a page that returned contacts with `ids` (in any order); `total`: the
        page's `total` (matches beyond the cursor), when known."""
        if not ids:
            return KeysetCursor(cursor.last_id, done=True)
        newest = max(ids)
        if min(ids) <= cursor.last_id:
            # A server that ignores the where clause would otherwise make us loop forever.
            raise APIResponseValidationError(
                f"the server returned contact id {min(ids)} for a page after id {cursor.last_id}; "
                "it did not apply the keyset filter"
            )
        if len(ids) > self.page_size:
            raise APIResponseValidationError(
                f"the server returned {len(ids)} contacts for limit={self.page_size}"
            )
        short = len(ids) < self.page_size
        return KeysetCursor(newest, done=short and (total is None or len(ids) >= total))
