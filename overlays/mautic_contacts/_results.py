"""Result types of `m.contacts` calls: pages, batch results and the contact's related records.

Each wraps the generated model it came from (`.model`) and normalises what Mautic sends: id-keyed maps
and PHP's `[]` become lists in server order, numeric strings become ints.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Generic, TypeVar, overload

from mautic_contacts_client import models as gen
from mautic_contacts_client.types import Unset

from ._batching import BatchItem
from ._contact import Contact, as_int, opt, read_contact
from ._exceptions import MauticError

__all__ = [
    "ActivityEvent",
    "ActivityPage",
    "BatchError",
    "BatchResult",
    "CampaignMembership",
    "CompanyLink",
    "ContactPage",
    "Device",
    "FieldDefinition",
    "Note",
    "Page",
    "PointGroup",
    "PointGroupScore",
    "Removal",
    "Segment",
    "SegmentMembership",
    "map_values",
]

T = TypeVar("T")


def map_values(value: object) -> list[Any]:
    """The entries of an id-keyed map model (in server order), of a list, or of PHP's `[]`."""
    if isinstance(value, Unset) or value is None:
        return []
    if isinstance(value, list):
        return value
    props = getattr(value, "additional_properties", None)
    if isinstance(props, dict):
        return list(props.values())
    raise ValueError(f"expected a map or a list, got {type(value).__name__}")


def _date(value: object) -> datetime.datetime | None:
    # The generated parser keeps a date it could not read as a string; it is not a date here.
    return value if isinstance(value, datetime.datetime) else None


_REPR_ITEMS: Final = 3


def _items_repr(items: Sequence[object], name: str = "items") -> str:
    """`name=[a, b, c, +n more]`: a page of 500 contacts printed in full would be tens of kB."""
    shown = ", ".join(repr(item) for item in items[:_REPR_ITEMS])
    more = len(items) - _REPR_ITEMS
    return f"{name}=[{shown}{f', +{more} more' if more > 0 else ''}]"


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results: `.total` matches in all pages, `.items` on this one (iterable, sized)."""

    total: int
    items: list[T]
    model: Any = field(repr=False, compare=False)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(total={self.total}, {_items_repr(self.items)})"

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self.items[index]


@dataclass(frozen=True)
class ContactPage(Page[Contact]):
    """A page of `contacts.list()`: `.total` (int; servers cache it 5 s), `.contacts` in server order."""

    @property
    def contacts(self) -> list[Contact]:
        return self.items

    def __repr__(self) -> str:
        return f"ContactPage(total={self.total}, {_items_repr(self.items, 'contacts')})"

    @classmethod
    def from_model(cls, model: gen.ContactList) -> ContactPage:
        total = as_int(model.total)
        if total is None:
            raise ValueError("the contact list has no total")
        return cls(total, [read_contact(c) for c in map_values(model.contacts)], model)


@dataclass(frozen=True)
class BatchResult(Sequence[BatchItem[Contact]]):
    """One `BatchItem` per request item, in request order (`.index` is the item's position).

    Per-item failures come inside a successful answer: check `.ok` or `.failed`.
    """

    items: list[BatchItem[Contact]]

    @property
    def ok(self) -> bool:
        """True when every item succeeded."""
        return all(item.ok for item in self.items)

    @property
    def failed(self) -> list[BatchItem[Contact]]:
        return [item for item in self.items if not item.ok]

    @property
    def contacts(self) -> list[Contact]:
        """The contacts of the items that succeeded, in request order."""
        return [item.contact for item in self.items if item.ok and item.contact is not None]

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> BatchItem[Contact]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[BatchItem[Contact]]: ...
    def __getitem__(self, index: int | slice) -> BatchItem[Contact] | Sequence[BatchItem[Contact]]:
        return self.items[index]

    def raise_for_errors(self) -> BatchResult:
        """Raise `BatchError` if any item failed; return this result otherwise (to chain calls)."""
        failed = self.failed
        if failed:
            raise BatchError(self)
        return self

    def __repr__(self) -> str:
        return f"BatchResult(items={len(self.items)}, failed={len(self.failed)})"


class BatchError(MauticError):
    """Raised by `BatchResult.raise_for_errors()`: some items of a batch call failed.

    `.result` is the whole `BatchResult`; `.failed` its failed items (`.index`, `.status_code`, `.error`).
    """

    def __init__(self, result: BatchResult) -> None:
        failed = result.failed
        shown = "; ".join(_describe(item) for item in failed[:_REPR_ITEMS])
        more = f" (+{len(failed) - _REPR_ITEMS} more)" if len(failed) > _REPR_ITEMS else ""
        super().__init__(f"{len(failed)} of {len(result)} batch items failed: {shown}{more}")
        self.result = result
        self.failed = failed


def _describe(item: BatchItem[Contact]) -> str:
    error = item.error
    if error is None:
        return f"item {item.index}: HTTP {item.status_code}"
    fields = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.field_errors.items())
    return f"item {item.index}: {item.status_code} {fields or error.message}".rstrip()


@dataclass(frozen=True)
class Removal:
    """Answer of `remove_dnc` / `remove_utm`: whether a record was removed, and the contact after."""

    found: bool
    contact: Contact

    @classmethod
    def from_model(cls, model: gen.ContactRecordFoundResponse) -> Removal:
        return cls(bool(model.record_found), read_contact(model.contact))


@dataclass(frozen=True)
class PointGroup:
    id: int | None
    name: str | None
    description: str | None
    model: gen.PointGroup = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.PointGroup) -> PointGroup:
        return cls(opt(model.id), opt(model.name), opt(model.description), model)


@dataclass(frozen=True)
class PointGroupScore:
    """A contact's score in one point group."""

    score: int
    group: PointGroup | None
    model: gen.PointGroupScore = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.PointGroupScore) -> PointGroupScore:
        group = opt(model.group)
        return cls(opt(model.score) or 0, None if group is None else PointGroup.from_model(group), model)


@dataclass(frozen=True)
class FieldDefinition:
    """A field from `contacts.fields()` (`object`: `lead` for contact fields, `company` for company ones)."""

    id: int | None
    alias: str | None
    label: str | None
    type: str | None
    group: str | None
    order: int | None
    object: str | None
    model: gen.FieldDefinition = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.FieldDefinition) -> FieldDefinition:
        return cls(
            id=as_int(model.id),
            alias=opt(model.alias),
            label=opt(model.label),
            type=opt(model.type_),
            group=opt(model.group),
            order=as_int(model.order),
            object=opt(model.object_),
            model=model,
        )


@dataclass(frozen=True)
class Note:
    id: int | None
    text: str | None
    type: str | None
    date_time: datetime.datetime | None
    model: gen.Note = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.Note) -> Note:
        return cls(opt(model.id), opt(model.text), opt(model.type_), _date(opt(model.date_time)), model)


@dataclass(frozen=True)
class Device:
    id: int | None
    device: str | None
    brand: str | None
    device_model: str | None
    os_name: str | None
    os_short_name: str | None
    os_version: str | None
    os_platform: str | None
    client_info: Any
    model: gen.ContactDevice = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.ContactDevice) -> Device:
        return cls(
            id=opt(model.id),
            device=opt(model.device),
            brand=opt(model.device_brand),
            device_model=opt(model.device_model),
            os_name=opt(model.device_os_name),
            os_short_name=opt(model.device_os_short_name),
            os_version=opt(model.device_os_version),
            os_platform=opt(model.device_os_platform),
            client_info=opt(model.client_info),
            model=model,
        )


@dataclass(frozen=True)
class SegmentMembership:
    """A segment the contact is in (manual removals are not listed by the server)."""

    id: int | None
    name: str | None
    alias: str | None
    date_added: datetime.datetime | None
    manually_added: bool | None
    manually_removed: bool | None
    model: gen.SegmentMembership = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.SegmentMembership) -> SegmentMembership:
        return cls(
            id=as_int(model.id),
            name=opt(model.name),
            alias=opt(model.alias),
            date_added=_date(opt(model.date_added)),
            manually_added=opt(model.manually_added),
            manually_removed=opt(model.manually_removed),
            model=model,
        )


@dataclass(frozen=True)
class Segment:
    """A segment from `contacts.all_segments()`."""

    id: int | None
    name: str | None
    alias: str | None
    model: gen.SegmentSummary = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.SegmentSummary) -> Segment:
        return cls(as_int(model.id), opt(model.name), opt(model.alias), model)


@dataclass(frozen=True)
class CampaignMembership:
    """A campaign the contact is in; `segment_ids`: the campaign's segments the contact belongs to."""

    id: int | None
    name: str | None
    date_added: datetime.datetime | None
    manually_added: bool | None
    manually_removed: bool | None
    segment_ids: list[int]
    model: gen.CampaignMembership = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.CampaignMembership) -> CampaignMembership:
        ids = [as_int(i) for i in opt(model.list_membership) or []]
        return cls(
            id=as_int(model.id),
            name=opt(model.name),
            date_added=_date(opt(model.date_added)),
            manually_added=opt(model.manually_added),
            manually_removed=opt(model.manually_removed),
            segment_ids=[i for i in ids if i is not None],
            model=model,
        )


@dataclass(frozen=True)
class CompanyLink:
    """A company the contact belongs to. `values`: the company row as the server sent it (strings)."""

    company_id: int | None
    name: str | None
    is_primary: bool
    date_associated: str | None
    values: dict[str, Any]
    model: gen.CompanyRow = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.CompanyRow) -> CompanyLink:
        return cls(
            company_id=as_int(model.company_id),
            name=opt(model.companyname),
            is_primary=opt(model.is_primary) in ("1", 1, True),
            date_associated=opt(model.date_associated),
            values=model.to_dict(),
            model=model,
        )


@dataclass(frozen=True)
class ActivityEvent:
    """One timeline event (`event` is its type, e.g. `lead.donotcontact`)."""

    event: str | None
    event_id: str | None
    label: str | None
    event_type: str | None
    timestamp: datetime.datetime | None
    contact_id: int | None
    details: Any = field(repr=False)  # can be large (whole form submissions, e-mail bodies ...)
    model: gen.ActivityEvent = field(repr=False, compare=False)

    @classmethod
    def from_model(cls, model: gen.ActivityEvent) -> ActivityEvent:
        raw_label = model.event_label
        label: str | None = None
        if isinstance(raw_label, gen.ActivityEventLabel):
            label = opt(raw_label.label)
        elif isinstance(raw_label, str):
            label = raw_label
        return cls(
            event=opt(model.event),
            event_id=opt(model.event_id),
            label=label,
            event_type=opt(model.event_type),
            timestamp=_date(opt(model.timestamp)),
            contact_id=as_int(model.contact_id),
            details=opt(model.details),
            model=model,
        )


@dataclass(frozen=True)
class ActivityPage(Page[ActivityEvent]):
    """Timeline events. Mautic pages each event type separately: a page holds up to `limit` events of
    every type, `total` counts all types and `max_pages` is the page count of the largest type."""

    page: int | None = None
    limit: int | None = None
    max_pages: int | None = None
    types: dict[str, str] = field(default_factory=dict)

    @property
    def events(self) -> list[ActivityEvent]:
        return self.items

    def __repr__(self) -> str:
        return (
            f"ActivityPage(total={self.total}, page={self.page}, max_pages={self.max_pages}, "
            f"{_items_repr(self.items, 'events')})"
        )

    @classmethod
    def from_model(cls, model: gen.ActivityResponse) -> ActivityPage:
        types = opt(model.types)
        max_pages = opt(model.max_pages)
        return cls(
            total=model.total,
            items=[ActivityEvent.from_model(e) for e in model.events],
            model=model,
            page=opt(model.page),
            limit=opt(model.limit),
            max_pages=None if max_pages is None else int(max_pages),
            types=dict(types.additional_properties) if isinstance(types, gen.StringMap) else {},
        )
