"""`m.contacts`: every contacts endpoint, as `Contacts` (sync) and `AsyncContacts` (awaitable).

Each method checks its arguments and builds an operation (`_operations`), then the client sends it;
the two classes only differ in `await`. Methods raise `TypeError`/`ValueError` for arguments Mautic
would reject or silently misread (nothing is sent then), and `MauticError` subclasses for failed calls.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mautic_contacts_client.models import PointsOperator

from . import _operations as ops
from ._contact import Contact, User
from ._dnc import DncReason
from ._operations import GroupOperator, SortOrder, WhereArg
from ._pagination import DEFAULT_PAGE_SIZE
from ._results import (
    ActivityPage,
    BatchResult,
    CampaignMembership,
    CompanyLink,
    ContactPage,
    Device,
    FieldDefinition,
    Note,
    Page,
    PointGroupScore,
    Removal,
    Segment,
    SegmentMembership,
)
from ._tags import tag_changes, tag_diff

if TYPE_CHECKING:
    from ._client import AsyncMautic, Mautic

__all__ = ["AsyncContacts", "Contacts"]

DateArg = str | date | datetime | None


def _arguments(scope: dict[str, Any]) -> dict[str, Any]:
    """A method's own arguments (its `locals()` on entry) without `self`, to forward them by name."""
    return {name: value for name, value in scope.items() if name != "self"}


MAX_CONCURRENCY = 64


def _concurrency(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CONCURRENCY:
        raise ValueError(f"concurrency must be an int between 1 and {MAX_CONCURRENCY}, got {value!r}")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"prefetch must be a bool, not {type(value).__name__}")
    return value


class Contacts:
    """Contact operations of a `Mautic` client (`m.contacts`).

    `id` arguments are positive ints (a str such as `"5"` raises TypeError: convert ids read as text
    with `int()`); the `id` of a batch item may also be a string of digits, as in CSV or JSON data.
    """

    def __init__(self, client: Mautic) -> None:
        self._client = client

    # -- read ----------------------------------------------------------------------------------
    def get(self, id: int, *, select: Iterable[str] | None = None) -> Contact:
        """The contact with this id (`NotFoundError` if there is none). `select`: only these columns."""
        return self._client._run(ops.get(id, select=select))

    def list(
        self,
        *,
        search: str | None = None,
        where: WhereArg = None,
        order_by: str | Iterable[str] | None = None,
        order_by_dir: SortOrder | None = None,
        start: int | None = None,
        limit: int | None = None,
        published_only: bool = False,
        minimal: bool = False,
        select: Iterable[str] | None = None,
    ) -> ContactPage:
        """One page of contacts: `.total` (int) and `.contacts` (list, in server order).

        `where`: a `Where` clause or a list of them (ANDed). `search`: Mautic's search syntax
        (`email:jim@example.com`, `tag:vip`, `segment:alias`). `order_by`: database column names
        (`date_added`, `email`; camelCase `dateAdded` is sent as `date_added`; default order
        `last_active DESC`). `limit` defaults to the server's
        30 and must be >= 1 (Mautic reads 0 as "every contact"). `published_only` is sent as
        `published=1`; servers ignore that when `where` is given, so the client then adds
        `Where("is_published").eq(True)`. `select`: columns to return (`id` is always added). Use
        `iterate()` to read every match.
        """
        return self._client._run(ops.list_page(**_arguments(locals())))

    def iterate(
        self,
        *,
        search: str | None = None,
        where: WhereArg = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        prefetch: bool = True,
    ) -> Iterator[Contact]:
        """Every matching contact exactly once, in id order, however many pages that takes.

        Pages are read by id (`id > last id seen`), not by offset, so contacts created or deleted
        while iterating neither shift nor repeat the others: each contact that stays is returned
        exactly once, none twice. Arguments are checked right away.

        Reading ahead (`prefetch=True`, the default): the request for the next page is sent as soon as
        a page has arrived (from a worker thread; `AsyncMautic`: a task), while that page is parsed and
        handed to you, which hides the parsing time behind the request. At most two pages wait ahead
        of you, so a contact deleted after its page was read is still returned (as it was when read).
        `prefetch=False` reads a page only when you have consumed the previous one: a contact deleted
        before you reach its page is not returned.
        """
        return self._client._iterate(
            ops.KeysetPages(search=search, where=where, page_size=page_size), prefetch=_flag(prefetch)
        )

    # -- write ---------------------------------------------------------------------------------
    def create(self, data: Mapping[str, Any]) -> Contact:
        """Create a contact, or update the one with the same unique identifier (email by default).

        `data`: field aliases to values, plus `tags`, `owner`, `stage`, `companies`, `ipAddress`,
        `lastActive`, `doNotContact`, `frequencyRules`, `overwriteWithBlank`. The result's `.created`
        is True when a new contact was made, False when an existing one was updated.
        """
        return self._client._run(ops.create(data))

    def update(self, id: int, data: Mapping[str, Any]) -> Contact:
        """Change the given fields of an existing contact (PATCH; others are kept).

        `None` or `""` clears a field: Mautic ignores blank values unless the body says
        `overwriteWithBlank`, so the client adds it (on PATCH it blanks only the fields sent blank).
        """
        return self._client._run(ops.update(id, data))

    def replace(self, id: int, data: Mapping[str, Any]) -> Contact:
        """Replace a contact's fields (PUT): fields not in `data` are blanked, points become 0 unless
        given; tags, owner and stage are kept. Creates a new contact (with a new id,
        `.created` True) when `id` does not exist."""
        return self._client._run(ops.replace(id, data))

    def delete(self, id: int) -> Contact:
        """Delete a contact; returns it as it was."""
        return self._client._run(ops.delete(id))

    # -- batches -------------------------------------------------------------------------------
    def create_many(self, items: Iterable[Mapping[str, Any]], *, concurrency: int = 1) -> BatchResult:
        """Create (or update by unique identifier) many contacts, in requests of `batch_size` (200).

        Returns one item per input, in input order: `.status_code` (201 created, 200 updated, 4xx
        failed), `.contact`, `.error`; `.raise_for_errors()` raises `BatchError` if any item failed.
        If a whole request fails, its error is raised with `error.partial` (a `BatchResult` of the
        items whose requests were answered), `error.unsent_from` (the index from which nothing was
        sent) and a note saying whether the failed request was applied, not applied, or may have been
        (timeouts, dropped connections, 502/504). Blank values do not clear fields of a contact
        matched by email: use `update`/`update_many` for that.

        `concurrency`: how many batch requests may be in flight at once (default 1: one after the
        other; `Mautic` uses worker threads, `AsyncMautic` tasks). Results stay in input order. After
        a failed request no further one is started, those in flight are awaited, and the first
        failure is raised, its note listing the requests that were applied, failed and not sent.
        """
        requests = ops.batch("create", items, chunk_size=self._size)
        return BatchResult(self._client._run_chunks(requests, _concurrency(concurrency)))

    def update_many(self, items: Iterable[Mapping[str, Any]], *, concurrency: int = 1) -> BatchResult:
        """PATCH many contacts; every item needs its `id` (checked before anything is sent): a positive
        int or, as read from CSV or JSON, a string of digits (`"5"`, sent as 5). `None` or `""` clears a
        field, as in `update`. `concurrency` as in `create_many`."""
        requests = ops.batch("update", items, chunk_size=self._size)
        return BatchResult(self._client._run_chunks(requests, _concurrency(concurrency)))

    def replace_many(self, items: Iterable[Mapping[str, Any]], *, concurrency: int = 1) -> BatchResult:
        """PUT many contacts; every item needs its `id` (an int or a string of digits, as in
        `update_many`). An id that does not exist creates a contact (status 201)."""
        requests = ops.batch("replace", items, chunk_size=self._size)
        return BatchResult(self._client._run_chunks(requests, _concurrency(concurrency)))

    def delete_many(self, ids: Iterable[int], *, concurrency: int = 1) -> BatchResult:
        """Delete many contacts; ids that do not exist come back as 404 items."""
        requests = ops.delete_batch(ids, chunk_size=self._size)
        return BatchResult(self._client._run_chunks(requests, _concurrency(concurrency)))

    @property
    def _size(self) -> int:
        return self._client.batch_size

    # -- tags ------------------------------------------------------------------------------------
    def tag(self, id: int, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Contact:
        """Add and remove tags in one request (other tags are kept)."""
        return self._client._run(ops.tag_changes(id, tag_changes(add, remove)))

    def set_tags(self, id: int, tags: Iterable[str]) -> Contact:
        """Make the contact's tags exactly `tags` (reads the contact, then sends only the difference;
        not atomic against other writers)."""
        current = self.get(id)
        changes = tag_diff(current.tags, tags)
        return self.apply_tag_changes(id, changes) if changes else current

    def apply_tag_changes(self, id: int, changes: Sequence[str]) -> Contact:
        """Send a `tags` payload as made by `tag_diff` (`["add-me", "-remove-me"]`)."""
        return self._client._run(ops.tag_changes(id, changes))

    # -- do not contact, UTM, points -------------------------------------------------------------
    def add_dnc(
        self,
        id: int,
        channel: str = "email",
        reason: DncReason | int = DncReason.MANUAL,
        comments: str | None = None,
        channel_id: int | None = None,
    ) -> Contact:
        """Mark the contact do-not-contact on `channel` (an UNSUBSCRIBED record is never overridden)."""
        return self._client._run(ops.add_dnc(id, channel, reason, comments, channel_id))

    def remove_dnc(self, id: int, channel: str = "email") -> Removal:
        """Remove the channel's do-not-contact record; `.found` says whether there was one."""
        return self._client._run(ops.remove_dnc(id, channel))

    def add_utm(self, id: int, data: Mapping[str, Any]) -> Contact:
        """Record a UTM set (`utm_source`, `utm_medium`, `utm_campaign`, `utm_content`, `utm_term`,
        `url`, `referer`, `query`, `useragent`, `remote_host`, `lastActive`). Not retried: each call
        adds a set."""
        return self._client._run(ops.add_utm(id, data))

    def remove_utm(self, id: int, utm_id: int) -> Removal:
        """Remove a UTM set (ids: `contact.utm_tags`); an unknown id raises `BadRequestError`."""
        return self._client._run(ops.remove_utm(id, utm_id))

    def add_points(
        self, id: int, delta: int, *, event_name: str | None = None, action_name: str | None = None
    ) -> None:
        """Add `delta` points (logged with `event_name`/`action_name`). Not retried after sending."""
        self._client._run(
            ops.adjust_points(id, PointsOperator.PLUS, delta, event_name=event_name, action_name=action_name)
        )

    def subtract_points(
        self, id: int, delta: int, *, event_name: str | None = None, action_name: str | None = None
    ) -> None:
        """Subtract `delta` points. Not retried after sending."""
        self._client._run(
            ops.adjust_points(id, PointsOperator.MINUS, delta, event_name=event_name, action_name=action_name)
        )

    def point_groups(self, id: int) -> builtins.list[PointGroupScore]:
        """The contact's score in each point group (Mautic 5+)."""
        return self._client._run(ops.point_groups(id))

    def point_group(self, id: int, group_id: int) -> PointGroupScore | None:
        """The contact's score in one group (None when it has none yet)."""
        return self._client._run(ops.point_group(id, group_id))

    def adjust_group_points(
        self, id: int, group_id: int, operator: GroupOperator, value: int
    ) -> PointGroupScore:
        """Apply `plus`/`minus`/`times`/`divide`/`set` `value` to the group score; returns the new score."""
        return self._client._run(ops.adjust_group_points(id, group_id, operator, value))

    # -- lookups and related records -------------------------------------------------------------
    def owners(
        self, *, filter: str | None = None, start: int | None = None, limit: int | None = None
    ) -> builtins.list[User]:
        """Users who can own contacts (`filter`: name prefix)."""
        return self._client._run(ops.owners(filter=filter, start=start, limit=limit))

    def fields(self) -> builtins.list[FieldDefinition]:
        """Field definitions (contact and company fields; see `.object`), in field order."""
        return self._client._run(ops.fields())

    def all_segments(self) -> builtins.list[Segment]:
        """Every published segment a contact can be in."""
        return self._client._run(ops.all_segments())

    def notes(
        self,
        id: int,
        *,
        search: str | None = None,
        start: int | None = None,
        limit: int | None = None,
        order_by: str | None = None,
        order_by_dir: SortOrder | None = None,
    ) -> Page[Note]:
        """The contact's notes (`.total`, `.items`)."""
        return self._client._run(ops.notes(**_arguments(locals())))

    def segments(self, id: int) -> builtins.list[SegmentMembership]:
        """Segments the contact is in."""
        return self._client._run(ops.segments(id))

    def campaigns(self, id: int) -> builtins.list[CampaignMembership]:
        """Campaigns the contact is in."""
        return self._client._run(ops.campaigns(id))

    def companies(self, id: int) -> builtins.list[CompanyLink]:
        """Companies the contact belongs to."""
        return self._client._run(ops.companies(id))

    def devices(
        self,
        id: int,
        *,
        search: str | None = None,
        start: int | None = None,
        limit: int | None = None,
        order_by: str | None = None,
        order_by_dir: SortOrder | None = None,
    ) -> Page[Device]:
        """Devices seen for the contact (`.total`, `.items`)."""
        return self._client._run(ops.devices(**_arguments(locals())))

    def activity(
        self,
        id: int | None = None,
        *,
        search: str | None = None,
        include_events: Sequence[str] | None = None,
        exclude_events: Sequence[str] | None = None,
        date_from: DateArg = None,
        date_to: DateArg = None,
        order_by: ops.ActivityColumn | None = None,
        order_by_dir: SortOrder | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> ActivityPage:
        """Timeline events of one contact, or of all contacts when `id` is None.

        `include_events`/`exclude_events`: event types (`lead.donotcontact`, `page.hit`, ...);
        `date_from`/`date_to`: aware datetimes, dates or PHP date strings; `order_by`: `timestamp`
        (default, DESC) or `eventLabel`.
        """
        return self._client._run(ops.activity(**_arguments(locals())))


class AsyncContacts:
    """Contact operations of an `AsyncMautic` client: the methods of `Contacts`, awaitable."""

    def __init__(self, client: AsyncMautic) -> None:
        self._client = client

    async def get(self, id: int, *, select: Iterable[str] | None = None) -> Contact:
        """See `Contacts.get`."""
        return await self._client._run(ops.get(id, select=select))

    async def list(
        self,
        *,
        search: str | None = None,
        where: WhereArg = None,
        order_by: str | Iterable[str] | None = None,
        order_by_dir: SortOrder | None = None,
        start: int | None = None,
        limit: int | None = None,
        published_only: bool = False,
        minimal: bool = False,
        select: Iterable[str] | None = None,
    ) -> ContactPage:
        """See `Contacts.list`."""
        return await self._client._run(ops.list_page(**_arguments(locals())))

    def iterate(
        self,
        *,
        search: str | None = None,
        where: WhereArg = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        prefetch: bool = True,
    ) -> AsyncIterator[Contact]:
        """See `Contacts.iterate`; use `async for`. Reading ahead needs asyncio (on trio pages are read
        one after the other, as with `prefetch=False`)."""
        return self._client._iterate(
            ops.KeysetPages(search=search, where=where, page_size=page_size), prefetch=_flag(prefetch)
        )

    async def create(self, data: Mapping[str, Any]) -> Contact:
        """See `Contacts.create`."""
        return await self._client._run(ops.create(data))

    async def update(self, id: int, data: Mapping[str, Any]) -> Contact:
        """See `Contacts.update`."""
        return await self._client._run(ops.update(id, data))

    async def replace(self, id: int, data: Mapping[str, Any]) -> Contact:
        """See `Contacts.replace`."""
        return await self._client._run(ops.replace(id, data))

    async def delete(self, id: int) -> Contact:
        """See `Contacts.delete`."""
        return await self._client._run(ops.delete(id))

    async def create_many(self, items: Iterable[Mapping[str, Any]], *, concurrency: int = 1) -> BatchResult:
        """See `Contacts.create_many`."""
        requests = ops.batch("create", items, chunk_size=self._size)
        return BatchResult(await self._client._run_chunks(requests, _concurrency(concurrency)))

    async def update_many(self, items: Iterable[Mapping[str, Any]], *, concurrency: int = 1) -> BatchResult:
        """See `Contacts.update_many`."""
        requests = ops.batch("update", items, chunk_size=self._size)
        return BatchResult(await self._client._run_chunks(requests, _concurrency(concurrency)))

    async def replace_many(self, items: Iterable[Mapping[str, Any]], *, concurrency: int = 1) -> BatchResult:
        """See `Contacts.replace_many`."""
        requests = ops.batch("replace", items, chunk_size=self._size)
        return BatchResult(await self._client._run_chunks(requests, _concurrency(concurrency)))

    async def delete_many(self, ids: Iterable[int], *, concurrency: int = 1) -> BatchResult:
        """See `Contacts.delete_many`."""
        requests = ops.delete_batch(ids, chunk_size=self._size)
        return BatchResult(await self._client._run_chunks(requests, _concurrency(concurrency)))

    @property
    def _size(self) -> int:
        return self._client.batch_size

    async def tag(self, id: int, add: Iterable[str] = (), remove: Iterable[str] = ()) -> Contact:
        """See `Contacts.tag`."""
        return await self._client._run(ops.tag_changes(id, tag_changes(add, remove)))

    async def set_tags(self, id: int, tags: Iterable[str]) -> Contact:
        """See `Contacts.set_tags`."""
        current = await self.get(id)
        changes = tag_diff(current.tags, tags)
        return await self.apply_tag_changes(id, changes) if changes else current

    async def apply_tag_changes(self, id: int, changes: Sequence[str]) -> Contact:
        """See `Contacts.apply_tag_changes`."""
        return await self._client._run(ops.tag_changes(id, changes))

    async def add_dnc(
        self,
        id: int,
        channel: str = "email",
        reason: DncReason | int = DncReason.MANUAL,
        comments: str | None = None,
        channel_id: int | None = None,
    ) -> Contact:
        """See `Contacts.add_dnc`."""
        return await self._client._run(ops.add_dnc(id, channel, reason, comments, channel_id))

    async def remove_dnc(self, id: int, channel: str = "email") -> Removal:
        """See `Contacts.remove_dnc`."""
        return await self._client._run(ops.remove_dnc(id, channel))

    async def add_utm(self, id: int, data: Mapping[str, Any]) -> Contact:
        """See `Contacts.add_utm`."""
        return await self._client._run(ops.add_utm(id, data))

    async def remove_utm(self, id: int, utm_id: int) -> Removal:
        """See `Contacts.remove_utm`."""
        return await self._client._run(ops.remove_utm(id, utm_id))

    async def add_points(
        self, id: int, delta: int, *, event_name: str | None = None, action_name: str | None = None
    ) -> None:
        """See `Contacts.add_points`."""
        await self._client._run(
            ops.adjust_points(id, PointsOperator.PLUS, delta, event_name=event_name, action_name=action_name)
        )

    async def subtract_points(
        self, id: int, delta: int, *, event_name: str | None = None, action_name: str | None = None
    ) -> None:
        """See `Contacts.subtract_points`."""
        await self._client._run(
            ops.adjust_points(id, PointsOperator.MINUS, delta, event_name=event_name, action_name=action_name)
        )

    async def point_groups(self, id: int) -> builtins.list[PointGroupScore]:
        """See `Contacts.point_groups`."""
        return await self._client._run(ops.point_groups(id))

    async def point_group(self, id: int, group_id: int) -> PointGroupScore | None:
        """See `Contacts.point_group`."""
        return await self._client._run(ops.point_group(id, group_id))

    async def adjust_group_points(
        self, id: int, group_id: int, operator: GroupOperator, value: int
    ) -> PointGroupScore:
        """See `Contacts.adjust_group_points`."""
        return await self._client._run(ops.adjust_group_points(id, group_id, operator, value))

    async def owners(
        self, *, filter: str | None = None, start: int | None = None, limit: int | None = None
    ) -> builtins.list[User]:
        """See `Contacts.owners`."""
        return await self._client._run(ops.owners(filter=filter, start=start, limit=limit))

    async def fields(self) -> builtins.list[FieldDefinition]:
        """See `Contacts.fields`."""
        return await self._client._run(ops.fields())

    async def all_segments(self) -> builtins.list[Segment]:
        """See `Contacts.all_segments`."""
        return await self._client._run(ops.all_segments())

    async def notes(
        self,
        id: int,
        *,
        search: str | None = None,
        start: int | None = None,
        limit: int | None = None,
        order_by: str | None = None,
        order_by_dir: SortOrder | None = None,
    ) -> Page[Note]:
        """See `Contacts.notes`."""
        return await self._client._run(ops.notes(**_arguments(locals())))

    async def segments(self, id: int) -> builtins.list[SegmentMembership]:
        """See `Contacts.segments`."""
        return await self._client._run(ops.segments(id))

    async def campaigns(self, id: int) -> builtins.list[CampaignMembership]:
        """See `Contacts.campaigns`."""
        return await self._client._run(ops.campaigns(id))

    async def companies(self, id: int) -> builtins.list[CompanyLink]:
        """See `Contacts.companies`."""
        return await self._client._run(ops.companies(id))

    async def devices(
        self,
        id: int,
        *,
        search: str | None = None,
        start: int | None = None,
        limit: int | None = None,
        order_by: str | None = None,
        order_by_dir: SortOrder | None = None,
    ) -> Page[Device]:
        """See `Contacts.devices`."""
        return await self._client._run(ops.devices(**_arguments(locals())))

    async def activity(
        self,
        id: int | None = None,
        *,
        search: str | None = None,
        include_events: Sequence[str] | None = None,
        exclude_events: Sequence[str] | None = None,
        date_from: DateArg = None,
        date_to: DateArg = None,
        order_by: ops.ActivityColumn | None = None,
        order_by_dir: SortOrder | None = None,
        page: int | None = None,
        limit: int | None = None,
    ) -> ActivityPage:
        """See `Contacts.activity`."""
        return await self._client._run(ops.activity(**_arguments(locals())))
