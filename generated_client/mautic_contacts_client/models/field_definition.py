from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldDefinition")


@_attrs_define
class FieldDefinition:
    """
    Attributes:
        id (int | str | Unset): An integer that some servers send as a string (SQL counts, raw ids).
        label (str | Unset):
        alias (str | Unset):
        type_ (str | Unset):
        group (str | Unset):
        order (int | str | Unset): An integer that some servers send as a string (SQL counts, raw ids).
        object_ (str | Unset): `lead` for contact fields, `company` for company fields.
        properties (Any | Unset): Field properties (`{}` when empty).
    """

    id: int | str | Unset = UNSET
    label: str | Unset = UNSET
    alias: str | Unset = UNSET
    type_: str | Unset = UNSET
    group: str | Unset = UNSET
    order: int | str | Unset = UNSET
    object_: str | Unset = UNSET
    properties: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        label = self.label

        alias = self.alias

        type_ = self.type_

        group = self.group

        order: int | str | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        object_ = self.object_

        properties = self.properties

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label
        if alias is not UNSET:
            field_dict["alias"] = alias
        if type_ is not UNSET:
            field_dict["type"] = type_
        if group is not UNSET:
            field_dict["group"] = group
        if order is not UNSET:
            field_dict["order"] = order
        if object_ is not UNSET:
            field_dict["object"] = object_
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        label = d.pop("label", UNSET)

        alias = d.pop("alias", UNSET)

        type_ = d.pop("type", UNSET)

        group = d.pop("group", UNSET)

        def _parse_order(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        object_ = d.pop("object", UNSET)

        properties = d.pop("properties", UNSET)

        field_definition = cls(
            id=id,
            label=label,
            alias=alias,
            type_=type_,
            group=group,
            order=order,
            object_=object_,
            properties=properties,
        )

        field_definition.additional_properties = d
        return field_definition

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
