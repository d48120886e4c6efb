from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityEventLabel")


@_attrs_define
class ActivityEventLabel:
    """
    Attributes:
        label (str | Unset):
        href (str | Unset):
        is_external (bool | Unset):
    """

    label: str | Unset = UNSET
    href: str | Unset = UNSET
    is_external: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        href = self.href

        is_external = self.is_external

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if label is not UNSET:
            field_dict["label"] = label
        if href is not UNSET:
            field_dict["href"] = href
        if is_external is not UNSET:
            field_dict["isExternal"] = is_external

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label", UNSET)

        href = d.pop("href", UNSET)

        is_external = d.pop("isExternal", UNSET)

        activity_event_label = cls(
            label=label,
            href=href,
            is_external=is_external,
        )

        activity_event_label.additional_properties = d
        return activity_event_label

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
