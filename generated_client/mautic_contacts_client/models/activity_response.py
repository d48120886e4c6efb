from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_event import ActivityEvent
    from ..models.activity_filters import ActivityFilters
    from ..models.string_map import StringMap


T = TypeVar("T", bound="ActivityResponse")


@_attrs_define
class ActivityResponse:
    """
    Attributes:
        events (list[ActivityEvent]):
        total (int): Events over all types.
        filters (ActivityFilters | Unset):
        order (list[str] | Unset): Sort column and direction used.
        types (list[Any] | StringMap | Unset): Every available event type with its label, or `[]`.
        page (int | Unset):
        limit (int | Unset):
        max_pages (float | Unset): Pages needed for the largest event type (may be a float such as `2.0`).
    """

    events: list[ActivityEvent]
    total: int
    filters: ActivityFilters | Unset = UNSET
    order: list[str] | Unset = UNSET
    types: list[Any] | StringMap | Unset = UNSET
    page: int | Unset = UNSET
    limit: int | Unset = UNSET
    max_pages: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.string_map import StringMap  # noqa: PLC0415

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        total = self.total

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        order: list[str] | Unset = UNSET
        if not isinstance(self.order, Unset):
            order = self.order

        types: dict[str, Any] | list[Any] | Unset
        if isinstance(self.types, Unset):
            types = UNSET
        elif isinstance(self.types, StringMap):
            types = self.types.to_dict()
        else:
            types = self.types

        page = self.page

        limit = self.limit

        max_pages = self.max_pages

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
                "total": total,
            }
        )
        if filters is not UNSET:
            field_dict["filters"] = filters
        if order is not UNSET:
            field_dict["order"] = order
        if types is not UNSET:
            field_dict["types"] = types
        if page is not UNSET:
            field_dict["page"] = page
        if limit is not UNSET:
            field_dict["limit"] = limit
        if max_pages is not UNSET:
            field_dict["maxPages"] = max_pages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_event import ActivityEvent  # noqa: PLC0415
        from ..models.activity_filters import ActivityFilters  # noqa: PLC0415
        from ..models.string_map import StringMap  # noqa: PLC0415

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ActivityEvent.from_dict(events_item_data)

            events.append(events_item)

        total = d.pop("total")

        _filters = d.pop("filters", UNSET)
        filters: ActivityFilters | Unset
        if isinstance(_filters, Unset):
            filters = UNSET
        else:
            filters = ActivityFilters.from_dict(_filters)

        order = d.pop("order", UNSET)

        def _parse_types(data: object) -> list[Any] | StringMap | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                types_type_0 = StringMap.from_dict(data)

                return types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            types_type_1 = data

            return types_type_1

        types = _parse_types(d.pop("types", UNSET))

        page = d.pop("page", UNSET)

        limit = d.pop("limit", UNSET)

        max_pages = d.pop("maxPages", UNSET)

        activity_response = cls(
            events=events,
            total=total,
            filters=filters,
            order=order,
            types=types,
            page=page,
            limit=limit,
            max_pages=max_pages,
        )

        activity_response.additional_properties = d
        return activity_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
