"""The operations behind `m.contacts`: argument checks, generated-function arguments, answer readers.

Pure functions building `Operation`s; the sync and async resources call them and only differ in how
they send. Every URL comes from the generated functions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal, TypeAlias

import httpx
from mautic_contacts_client import models as gen
from mautic_contacts_client.api.activity import get_all_contacts_activity, get_contact_activity
from mautic_contacts_client.api.batch import (
    create_contacts_batch,
    delete_contacts_batch,
    replace_contacts_batch,
    update_contacts_batch,
)
from mautic_contacts_client.api.contacts import (
    create_contact,
    delete_contact,
    get_contact,
    list_contacts,
    replace_contact,
    update_contact,
)
from mautic_contacts_client.api.dnc import add_contact_dnc, remove_contact_dnc
from mautic_contacts_client.api.lookups import list_contact_fields, list_contact_owners, list_segments
from mautic_contacts_client.api.points import (
    adjust_contact_point_group,
    adjust_contact_points,
    get_contact_point_group,
    get_contact_point_groups,
)
from mautic_contacts_client.api.related import (
    get_contact_campaigns,
    get_contact_companies,
    get_contact_devices,
    get_contact_notes,
    get_contact_segments,
)
from mautic_contacts_client.api.utm import add_contact_utm, remove_contact_utm
from mautic_contacts_client.types import UNSET

from ._arguments import (
    check_count,
    check_id,
    check_int,
    check_segment,
    check_text,
    choice,
    clears_fields,
    date_param,
    order_by_param,
    select_param,
    text_list,
    write_body,
)
from ._batching import BatchItem, Chunk, check_create_items, check_edit_items, check_ids, chunked
from ._batching import parse_batch_response as _parse_batch
from ._chunks import BatchRequest
from ._contact import Contact, User, read_contact
from ._dnc import DncReason
from ._exceptions import APIResponseValidationError, ErrorDetail
from ._operation import Operation, json_operation, operation
from ._pagination import KeysetPlan
from ._results import (
    ActivityPage,
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
    map_values,
)
from ._tags import check_tag_name
from ._where import Clause, Where, _as_clauses, encode_where

__all__ = [
    "ActivityColumn",
    "GroupOperator",
    "KeysetPages",
    "SortOrder",
    "WhereArg",
    "activity",
    "add_dnc",
    "add_utm",
    "adjust_group_points",
    "adjust_points",
    "all_segments",
    "batch",
    "campaigns",
    "companies",
    "create",
    "delete",
    "delete_batch",
    "devices",
    "fields",
    "get",
    "list_page",
    "notes",
    "owners",
    "page_ids",
    "page_total",
    "point_group",
    "point_groups",
    "remove_dnc",
    "remove_utm",
    "replace",
    "segments",
    "tag_changes",
    "update",
]

# Why list() refuses limit=0 (the error message ends with it).
_LIMIT_ZERO = (
    ": Mautic reads limit=0 as 'every contact, ignore start' (use contacts.iterate() to read every match)"
)

SortOrder: TypeAlias = Literal["ASC", "DESC", "asc", "desc"] | gen.SortDirection
GroupOperator: TypeAlias = Literal["plus", "minus", "times", "divide", "set"] | gen.GroupPointsOperator
ActivityColumn: TypeAlias = Literal["timestamp", "eventLabel"] | gen.ActivityOrderColumn
BatchKind: TypeAlias = Literal["create", "update", "replace"]
WhereArg: TypeAlias = Clause | Iterable[Clause] | None


def _given(value: Any) -> Any:
    """None (not passed) becomes the generated functions' UNSET."""
    return UNSET if value is None else value


def _sort(value: SortOrder | None, what: str) -> Any:
    return UNSET if value is None else choice(value, gen.SortDirection, what)


def _contact(model: gen.ContactResponse, response: httpx.Response) -> Contact:
    return read_contact(model.contact)


def _created_contact(model: gen.ContactResponse, response: httpx.Response) -> Contact:
    return read_contact(model.contact, created=response.status_code == 201)


# -- contacts ------------------------------------------------------------------------------------


def get(id: int, *, select: Iterable[str] | None = None) -> Operation[Contact]:
    return operation(
        get_contact,
        gen.ContactResponse,
        _contact,
        id=check_id(id),
        select=_given(select_param(select)),
    )


def list_page(
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
) -> Operation[ContactPage]:
    if published_only and where is not None:
        # Servers ignore `published=1` (a forced filter) as soon as `where` is given: filter explicitly.
        where = (*_as_clauses(where), Where("is_published").eq(True))
    flat = encode_where(where)
    return operation(
        list_contacts,
        gen.ContactList,
        lambda model, response: ContactPage.from_model(model),
        search=_given(check_text(search, "search") or None),
        where=gen.WhereQuery.from_dict(flat) if flat else UNSET,
        order_by=_given(order_by_param(order_by)),
        order_by_dir=_sort(order_by_dir, "order_by_dir"),
        start=_given(check_count(start, "start")),
        limit=_given(check_count(limit, "limit", minimum=1, why=_LIMIT_ZERO)),
        published=gen.ZeroOrOne.VALUE_1 if published_only else UNSET,
        minimal=gen.ZeroOrOne.VALUE_1 if minimal else UNSET,
        select=_given(select_param(select)),
    )


class KeysetPages:
    """The page requests of `contacts.iterate()` (keyset on id; see `_pagination`)."""

    def __init__(self, *, search: str | None, where: WhereArg, page_size: int) -> None:
        self._plan = KeysetPlan(where=where, search=check_text(search, "search"), page_size=page_size)
        self._cursor = self._plan.start()

    def next(self) -> Operation[ContactPage] | None:
        """The request for the next page, or None when every match was returned."""
        if self._cursor.done:
            return None
        query = self._plan.query(self._cursor)
        return operation(
            list_contacts,
            gen.ContactList,
            lambda model, response: ContactPage.from_model(model),
            search=_given(query.search),
            where=gen.WhereQuery.from_dict(query.where),
            order_by=query.order_by,
            order_by_dir=choice(query.order_by_dir, gen.SortDirection, "order_by_dir"),
            start=query.start,
            limit=query.limit,
        )

    def feed(self, page: ContactPage) -> list[Contact]:
        """Record a page; returns its contacts."""
        self._cursor = self._plan.advance(self._cursor, [c.id for c in page.contacts], page.total)
        return page.contacts

    def feed_ids(self, ids: Sequence[int], total: int | None) -> None:
        """Record a page from the ids (and total) of its raw answer, to ask for the next page before
        parsing it."""
        self._cursor = self._plan.advance(self._cursor, ids, total)

    @staticmethod
    def check(page: ContactPage, ids: Sequence[int]) -> list[Contact]:
        """The contacts of a page recorded with `feed_ids`, checked against those ids."""
        if sorted(c.id for c in page.contacts) != sorted(ids):
            raise APIResponseValidationError("the contact ids of a page changed while parsing it")
        return page.contacts


def page_total(body: object) -> int | None:
    """The `total` of a decoded list answer (an int or a numeric string), or None."""
    total = body.get("total") if isinstance(body, dict) else None
    if isinstance(total, bool):
        return None
    if isinstance(total, int):
        return total
    if isinstance(total, str) and total.isascii() and total.isdigit():
        return int(total)
    return None


def page_ids(body: object) -> list[int] | None:
    """The contact ids of a decoded list answer, or None when they cannot be read (then the normal
    parse reports what is wrong)."""
    contacts = body.get("contacts") if isinstance(body, dict) else None
    if isinstance(contacts, dict):
        entries: Iterable[Any] = contacts.values()
    elif isinstance(contacts, list):
        entries = contacts
    else:
        return None
    ids: list[int] = []
    for entry in entries:
        value = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(value, str) and value.isascii() and value.isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        ids.append(value)
    return ids


def create(data: Mapping[str, Any]) -> Operation[Contact]:
    body = gen.ContactInput.from_dict(write_body(data))
    return operation(create_contact, gen.ContactResponse, _created_contact, body=body)


def _patch_body(data: Mapping[str, Any], what: str = "data") -> dict[str, Any]:
    """A PATCH body; None or "" for a field clears it. Mautic ignores blank values unless the body says
    `overwriteWithBlank`, which on PATCH blanks only the fields sent blank (omitted ones are kept)."""
    body = write_body(data, what)
    if clears_fields(body):
        body["overwriteWithBlank"] = True
    return body


def update(id: int, data: Mapping[str, Any]) -> Operation[Contact]:
    return operation(
        update_contact,
        gen.ContactResponse,
        _contact,
        id=check_id(id),
        body=gen.ContactInput.from_dict(_patch_body(data)),
    )


def replace(id: int, data: Mapping[str, Any]) -> Operation[Contact]:
    return operation(
        replace_contact,
        gen.ContactResponse,
        _created_contact,
        id=check_id(id),
        body=gen.ContactInput.from_dict(write_body(data)),
    )


def tag_changes(id: int, changes: Iterable[str]) -> Operation[Contact]:
    """PATCH `tags` with `["add-me", "-remove-me"]` entries (as made by `tag_diff` / `tag_changes`)."""
    entries = text_list(changes, "changes") or []
    for entry in entries:
        check_tag_name(entry[1:] if entry.startswith("-") else entry, adding=not entry.startswith("-"))
    return update(id, {"tags": entries})


def delete(id: int) -> Operation[Contact]:
    contact_id = check_id(id)

    def read(model: gen.DeletedContactResponse, response: httpx.Response) -> Contact:
        # The server nulls the id of what it deleted; give it back.
        return Contact.from_dict({**model.contact.to_dict(), "id": contact_id})

    return operation(delete_contact, gen.DeletedContactResponse, read, id=contact_id)


# -- batches -------------------------------------------------------------------------------------


def _entries(value: object, what: str) -> Iterable[Any]:
    """The entries of a batch answer's index-keyed part: a JSON array, or an object (PHP's arrays with
    gaps); anything else is refused, as the generated parser refuses it."""
    if type(value) is list:
        return value
    if type(value) is dict:
        return value.values()
    raise TypeError(f"batch answer `{what}` is a {type(value).__name__}, expected an array or an object")


def _batch_answer(body: object) -> dict[str, Any]:
    """The batch answer keyed like its JSON, checked as the generated `ContactBatchResponse` parser
    checks it, but with the contacts left as decoded objects (they become `Contact.wrap`s: building
    200 contact models would be most of the call's work). Errors are parsed (`ApiError`) as before."""
    if type(body) is not dict:
        raise TypeError(f"the batch answer is a {type(body).__name__}, not a JSON object")
    if "contacts" not in body:
        raise ValueError("the batch answer has no `contacts`")
    contacts = body["contacts"]
    if any(type(entry) is not dict for entry in _entries(contacts, "contacts")):
        raise TypeError("batch answer `contacts` has an entry that is not a contact object")
    answer: dict[str, Any] = {"contacts": contacts}
    if "statusCodes" in body:
        codes = body["statusCodes"]
        _entries(codes, "statusCodes")
        answer["statusCodes"] = codes
    if "errors" in body:
        errors = body["errors"]
        _entries(errors, "errors")
        answer["errors"] = (
            [gen.ApiError.from_dict(error).to_dict() for error in errors]
            if type(errors) is list
            else {key: gen.ApiError.from_dict(error).to_dict() for key, error in errors.items()}
        )
    return answer


def _batch_reader(chunk: Chunk[Any], *, ok_status: int, created: bool) -> Any:
    def read(body: object, response: httpx.Response) -> list[BatchItem[Contact]]:
        items = _parse_batch(
            _batch_answer(body), chunk, convert=read_contact, ok_status=ok_status, response=response
        )
        if created:
            for item in items:
                if item.contact is not None:  # made just above: nothing else holds it yet
                    item.contact.created = item.status_code == 201
        return items

    return read


def batch(kind: BatchKind, items: Iterable[Mapping[str, Any]], *, chunk_size: int) -> list[BatchRequest]:
    """One operation per chunk of at most `chunk_size` items (the server refuses more than 200)."""
    if kind == "create":
        checked = check_create_items(items)
        module: Any = create_contacts_batch
    else:
        checked = check_edit_items(items)
        module = update_contacts_batch if kind == "update" else replace_contacts_batch
    make_body = _patch_body if kind == "update" else write_body
    ok_status = 201 if kind == "create" else 200
    bodies = [make_body(item, f"item {i}") for i, item in enumerate(checked)]  # all checked before sending
    return [
        BatchRequest(
            json_operation(
                module,
                ok_status,
                _batch_reader(chunk, ok_status=ok_status, created=kind != "update"),
                body=[_CheckedBody(body) for body in chunk.items],
            ),
            chunk.offset,
            len(chunk.items),
        )
        for chunk in chunked(bodies, chunk_size)
    ]


class _CheckedBody:
    """A batch item body that `write_body` / `_patch_body` already checked and made JSON-safe, in the
    one role the generated `_get_kwargs` gives its models: `to_dict()`. Building the generated request
    model of every item just to have it give the same dict back cost about 60 µs a contact, most of the
    client's work in a large import; tests hold that the round trip through the model is the identity
    on these bodies, so nothing is lost by skipping it."""

    __slots__ = ("_body",)

    def __init__(self, body: Mapping[str, Any]) -> None:
        self._body = body

    def to_dict(self) -> dict[str, Any]:
        return dict(self._body)


def _delete_reader(chunk: Chunk[int]) -> Any:
    def read(body: object, response: httpx.Response) -> list[BatchItem[Contact]]:
        by_position = _batch_reader(chunk, ok_status=200, created=False)(body, response)
        # Contacts are serialized before deletion, ids included. Servers key them by position in
        # `ids` (missing ids leave gaps), older ones compact the list: match them by id instead.
        by_id = {item.contact.id: item.contact for item in by_position if item.contact is not None}
        items: list[BatchItem[Contact]] = []
        for item, contact_id in zip(by_position, chunk.items, strict=True):
            contact = by_id.get(contact_id)
            if item.error is not None and item.error.code != 404:
                items.append(dataclasses.replace(item, contact=contact))
            elif contact is not None:
                items.append(BatchItem(item.index, 200, contact))
            else:
                error = ErrorDetail(message="Item was not found.", code=404)
                items.append(BatchItem(item.index, 404, None, error))
        return items

    return read


def delete_batch(ids: Iterable[int], *, chunk_size: int) -> list[BatchRequest]:
    checked = check_ids(ids)
    return [
        BatchRequest(
            json_operation(
                delete_contacts_batch,
                200,
                _delete_reader(chunk),
                ids=",".join(str(i) for i in chunk.items),
            ),
            chunk.offset,
            len(chunk.items),
        )
        for chunk in chunked(checked, chunk_size)
    ]


# -- do not contact, UTM, points -----------------------------------------------------------------


def add_dnc(
    id: int,
    channel: str,
    reason: DncReason | int,
    comments: str | None,
    channel_id: int | None,
) -> Operation[Contact]:
    reason = check_int(reason, "reason")
    if reason < 1:
        raise ValueError("reason must be >= 1 (DncReason.UNSUBSCRIBED, BOUNCED or MANUAL); 0 is refused")
    body = gen.DncInput(reason=int(reason))
    if comments is not None:
        body.comments = check_text(comments, "comments") or ""
    if channel_id is not None:
        body.channel_id = check_id(channel_id, "channel_id")
    return operation(
        add_contact_dnc,
        gen.ContactResponse,
        _contact,
        id=check_id(id),
        channel=check_segment(channel, "channel"),
        body=body,
    )


def remove_dnc(id: int, channel: str) -> Operation[Removal]:
    return operation(
        remove_contact_dnc,
        gen.ContactRecordFoundResponse,
        lambda model, response: Removal.from_model(model),
        id=check_id(id),
        channel=check_segment(channel, "channel"),
    )


def add_utm(id: int, data: Mapping[str, Any]) -> Operation[Contact]:
    return operation(
        add_contact_utm,
        gen.ContactResponse,
        _contact,
        id=check_id(id),
        body=gen.UtmInput.from_dict(write_body(data)),
    )


def remove_utm(id: int, utm_id: int) -> Operation[Removal]:
    return operation(
        remove_contact_utm,
        gen.ContactRecordFoundResponse,
        lambda model, response: Removal.from_model(model),
        id=check_id(id),
        utmid=check_id(utm_id, "utm_id"),
    )


def _points_body(event_name: str | None, action_name: str | None) -> Any:
    if event_name is None and action_name is None:
        return UNSET
    return gen.PointsChangeInput(
        event_name=_given(check_text(event_name, "event_name")),
        action_name=_given(check_text(action_name, "action_name")),
    )


def adjust_points(
    id: int,
    operator: gen.PointsOperator,
    delta: int,
    *,
    event_name: str | None,
    action_name: str | None,
) -> Operation[None]:
    delta = check_int(delta, "delta")
    if delta < 0:
        raise ValueError("delta must be >= 0 (use subtract_points / add_points for the direction)")
    return operation(
        adjust_contact_points,
        gen.SuccessResponse,
        lambda model, response: None,
        lead_id=check_id(id),
        operator=operator,
        delta=delta,
        body=_points_body(event_name, action_name),
    )


def point_groups(id: int) -> Operation[list[PointGroupScore]]:
    return operation(
        get_contact_point_groups,
        gen.ContactPointGroupsResponse,
        lambda model, response: [PointGroupScore.from_model(s) for s in model.group_scores],
        contact_id=check_id(id),
    )


def _group_score(model: Any, response: httpx.Response) -> PointGroupScore | None:
    if isinstance(model, list):  # PHP's [] when the contact has no score in the group
        return None
    score = model.group_score
    return None if score is None or score is UNSET else PointGroupScore.from_model(score)


def point_group(id: int, group_id: int) -> Operation[PointGroupScore | None]:
    return operation(
        get_contact_point_group,
        (gen.ContactPointGroupScoreResponse, list),
        _group_score,
        contact_id=check_id(id),
        group_id=check_id(group_id, "group_id"),
    )


def adjust_group_points(
    id: int, group_id: int, operator: GroupOperator, value: int
) -> Operation[PointGroupScore]:
    op = choice(operator, gen.GroupPointsOperator, "operator")
    value = check_int(value, "value")
    if op is gen.GroupPointsOperator.DIVIDE and value == 0:
        raise ValueError("cannot divide points by 0")
    if value < 0:
        raise ValueError("value must be >= 0 (choose the operator for the direction)")

    def read(model: gen.ContactPointGroupScoreResponse, response: httpx.Response) -> PointGroupScore:
        score = _group_score(model, response)
        if score is None:
            raise ValueError("the answer has no groupScore")
        return score

    return operation(
        adjust_contact_point_group,
        gen.ContactPointGroupScoreResponse,
        read,
        contact_id=check_id(id),
        group_id=check_id(group_id, "group_id"),
        operator=op,
        value=value,
    )


# -- lookups and related records -----------------------------------------------------------------


def owners(*, filter: str | None, start: int | None, limit: int | None) -> Operation[list[User]]:
    return operation(
        list_contact_owners,
        list,
        lambda model, response: [User.from_model(u) for u in model],
        filter_=_given(check_text(filter, "filter")),
        start=_given(check_count(start, "start")),
        limit=_given(check_count(limit, "limit")),
    )


def fields() -> Operation[list[FieldDefinition]]:
    return operation(
        list_contact_fields,
        gen.FieldDefinitionMap,
        lambda model, response: [FieldDefinition.from_model(f) for f in map_values(model)],
    )


def all_segments() -> Operation[list[Segment]]:
    return operation(
        list_segments,
        (gen.SegmentSummaryMap, list),
        lambda model, response: [Segment.from_model(s) for s in map_values(model)],
    )


def _subresource_kwargs(
    id: int,
    search: str | None,
    start: int | None,
    limit: int | None,
    order_by: str | None,
    order_by_dir: SortOrder | None,
) -> dict[str, Any]:
    return {
        "id": check_id(id),
        "search": _given(check_text(search, "search")),
        "start": _given(check_count(start, "start")),
        "limit": _given(check_count(limit, "limit")),
        "order_by": _given(check_text(order_by, "order_by")),
        "order_by_dir": _sort(order_by_dir, "order_by_dir"),
    }


def notes(
    id: int,
    *,
    search: str | None,
    start: int | None,
    limit: int | None,
    order_by: str | None,
    order_by_dir: SortOrder | None,
) -> Operation[Page[Note]]:
    return operation(
        get_contact_notes,
        gen.ContactNotesResponse,
        lambda model, response: Page(
            _total(model.total), [Note.from_model(n) for n in map_values(model.notes)], model
        ),
        **_subresource_kwargs(id, search, start, limit, order_by, order_by_dir),
    )


def devices(
    id: int,
    *,
    search: str | None,
    start: int | None,
    limit: int | None,
    order_by: str | None,
    order_by_dir: SortOrder | None,
) -> Operation[Page[Device]]:
    return operation(
        get_contact_devices,
        gen.ContactDevicesResponse,
        lambda model, response: Page(
            _total(model.total), [Device.from_model(d) for d in map_values(model.devices)], model
        ),
        **_subresource_kwargs(id, search, start, limit, order_by, order_by_dir),
    )


def _total(value: int | str) -> int:
    total = int(value)
    if total < 0:
        raise ValueError(f"negative total {total}")
    return total


def segments(id: int) -> Operation[list[SegmentMembership]]:
    return operation(
        get_contact_segments,
        gen.ContactSegmentsResponse,
        lambda model, response: [SegmentMembership.from_model(s) for s in map_values(model.lists)],
        id=check_id(id),
    )


def campaigns(id: int) -> Operation[list[CampaignMembership]]:
    return operation(
        get_contact_campaigns,
        gen.ContactCampaignsResponse,
        lambda model, response: [CampaignMembership.from_model(c) for c in map_values(model.campaigns)],
        id=check_id(id),
    )


def companies(id: int) -> Operation[list[CompanyLink]]:
    return operation(
        get_contact_companies,
        gen.ContactCompaniesResponse,
        lambda model, response: [CompanyLink.from_model(c) for c in model.companies],
        id=check_id(id),
    )


def activity(
    id: int | None,
    *,
    search: str | None,
    include_events: Sequence[str] | None,
    exclude_events: Sequence[str] | None,
    date_from: str | date | datetime | None,
    date_to: str | date | datetime | None,
    order_by: ActivityColumn | None,
    order_by_dir: SortOrder | None,
    page: int | None,
    limit: int | None,
) -> Operation[ActivityPage]:
    kwargs: dict[str, Any] = {
        "filterssearch": _given(check_text(search, "search")),
        "filtersinclude_events": _given(text_list(include_events, "include_events") or None),
        "filtersexclude_events": _given(text_list(exclude_events, "exclude_events") or None),
        "filtersdate_from": _given(date_param(date_from, "date_from")),
        "filtersdate_to": _given(date_param(date_to, "date_to")),
        "order0": UNSET if order_by is None else choice(order_by, gen.ActivityOrderColumn, "order_by"),
        "order1": _sort(order_by_dir, "order_by_dir"),
        "page": _given(check_count(page, "page", minimum=1)),
        "limit": _given(check_count(limit, "limit", minimum=1)),
    }
    if id is None:
        module: Any = get_all_contacts_activity
    else:
        module = get_contact_activity
        kwargs["id"] = check_id(id)
    return operation(
        module, gen.ActivityResponse, lambda model, response: ActivityPage.from_model(model), **kwargs
    )
