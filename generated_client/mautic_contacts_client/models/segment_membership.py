from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SegmentMembership")


@_attrs_define
class SegmentMembership:
    """
    Attributes:
        id (int | str | Unset): An integer that some servers send as a string (SQL counts, raw ids).
        name (str | Unset):
        alias (str | Unset):
        date_added (datetime.datetime | None | Unset):
        manually_added (bool | Unset):
        manually_removed (bool | Unset):
    """

    id: int | str | Unset = UNSET
    name: str | Unset = UNSET
    alias: str | Unset = UNSET
    date_added: datetime.datetime | None | Unset = UNSET
    manually_added: bool | Unset = UNSET
    manually_removed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name = self.name

        alias = self.alias

        date_added: None | str | Unset
        if isinstance(self.date_added, Unset):
            date_added = UNSET
        elif isinstance(self.date_added, datetime.datetime):
            date_added = self.date_added.isoformat()
        else:
            date_added = self.date_added

        manually_added = self.manually_added

        manually_removed = self.manually_removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if alias is not UNSET:
            field_dict["alias"] = alias
        if date_added is not UNSET:
            field_dict["dateAdded"] = date_added
        if manually_added is not UNSET:
            field_dict["manuallyAdded"] = manually_added
        if manually_removed is not UNSET:
            field_dict["manuallyRemoved"] = manually_removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        name = d.pop("name", UNSET)

        alias = d.pop("alias", UNSET)

        def _parse_date_added(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_added_type_0 = datetime.datetime.fromisoformat(data)

                return date_added_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_added = _parse_date_added(d.pop("dateAdded", UNSET))

        manually_added = d.pop("manuallyAdded", UNSET)

        manually_removed = d.pop("manuallyRemoved", UNSET)

        segment_membership = cls(
            id=id,
            name=name,
            alias=alias,
            date_added=date_added,
            manually_added=manually_added,
            manually_removed=manually_removed,
        )

        segment_membership.additional_properties = d
        return segment_membership

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
