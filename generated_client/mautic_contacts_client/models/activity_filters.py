from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityFilters")


@_attrs_define
class ActivityFilters:
    """
    Attributes:
        search (None | str | Unset):
        include_events (list[str] | Unset):
        exclude_events (list[str] | Unset):
    """

    search: None | str | Unset = UNSET
    include_events: list[str] | Unset = UNSET
    exclude_events: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        search: None | str | Unset
        if isinstance(self.search, Unset):
            search = UNSET
        else:
            search = self.search

        include_events: list[str] | Unset = UNSET
        if not isinstance(self.include_events, Unset):
            include_events = self.include_events

        exclude_events: list[str] | Unset = UNSET
        if not isinstance(self.exclude_events, Unset):
            exclude_events = self.exclude_events

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if search is not UNSET:
            field_dict["search"] = search
        if include_events is not UNSET:
            field_dict["includeEvents"] = include_events
        if exclude_events is not UNSET:
            field_dict["excludeEvents"] = exclude_events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_search(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        search = _parse_search(d.pop("search", UNSET))

        include_events = d.pop("includeEvents", UNSET)

        exclude_events = d.pop("excludeEvents", UNSET)

        activity_filters = cls(
            search=search,
            include_events=include_events,
            exclude_events=exclude_events,
        )

        activity_filters.additional_properties = d
        return activity_filters

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
