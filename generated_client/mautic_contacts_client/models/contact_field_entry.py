from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactFieldEntry")


@_attrs_define
class ContactFieldEntry:
    """One field with its value. For stored contacts the definition comes from the database (`id`,
    `is_fixed` as strings, `properties` a PHP-serialized string); for a contact just created it
    comes from the field definitions (`id` an integer, `properties` an array or object).
    `value` is typed by field type: strings for text, dates (`Y-m-d`, `Y-m-d H:i:s` UTC, `H:i:s`)
    and multiselect (`a|b`), numbers for number fields, 0/1 (or `"0"`/`"1"` in lists) for booleans.
    `normalizedValue` holds the display label for boolean, select and multiselect fields.

        Attributes:
            id (int | str | Unset): An integer that some servers send as a string (SQL counts, raw ids).
            label (None | str | Unset):
            alias (str | Unset):
            type_ (str | Unset):
            group (str | Unset):
            object_ (str | Unset):
            is_fixed (Any | Unset):
            properties (Any | Unset):
            default_value (Any | Unset):
            value (Any | Unset):
            normalized_value (Any | Unset):
    """

    id: int | str | Unset = UNSET
    label: None | str | Unset = UNSET
    alias: str | Unset = UNSET
    type_: str | Unset = UNSET
    group: str | Unset = UNSET
    object_: str | Unset = UNSET
    is_fixed: Any | Unset = UNSET
    properties: Any | Unset = UNSET
    default_value: Any | Unset = UNSET
    value: Any | Unset = UNSET
    normalized_value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        alias = self.alias

        type_ = self.type_

        group = self.group

        object_ = self.object_

        is_fixed = self.is_fixed

        properties = self.properties

        default_value = self.default_value

        value = self.value

        normalized_value = self.normalized_value

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
        if object_ is not UNSET:
            field_dict["object"] = object_
        if is_fixed is not UNSET:
            field_dict["is_fixed"] = is_fixed
        if properties is not UNSET:
            field_dict["properties"] = properties
        if default_value is not UNSET:
            field_dict["default_value"] = default_value
        if value is not UNSET:
            field_dict["value"] = value
        if normalized_value is not UNSET:
            field_dict["normalizedValue"] = normalized_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        alias = d.pop("alias", UNSET)

        type_ = d.pop("type", UNSET)

        group = d.pop("group", UNSET)

        object_ = d.pop("object", UNSET)

        is_fixed = d.pop("is_fixed", UNSET)

        properties = d.pop("properties", UNSET)

        default_value = d.pop("default_value", UNSET)

        value = d.pop("value", UNSET)

        normalized_value = d.pop("normalizedValue", UNSET)

        contact_field_entry = cls(
            id=id,
            label=label,
            alias=alias,
            type_=type_,
            group=group,
            object_=object_,
            is_fixed=is_fixed,
            properties=properties,
            default_value=default_value,
            value=value,
            normalized_value=normalized_value,
        )

        contact_field_entry.additional_properties = d
        return contact_field_entry

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
