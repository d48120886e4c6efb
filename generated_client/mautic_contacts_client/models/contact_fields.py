from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_field_values import ContactFieldValues
    from ..models.field_group_map import FieldGroupMap


T = TypeVar("T", bound="ContactFields")


@_attrs_define
class ContactFields:
    """Field values grouped by field group, each group an object keyed by field alias or `[]` when the
    group is empty, plus `all` (alias → value) on the main contact routes.

        Attributes:
            core (FieldGroupMap | list[Any] | Unset):
            social (FieldGroupMap | list[Any] | Unset):
            personal (FieldGroupMap | list[Any] | Unset):
            professional (FieldGroupMap | list[Any] | Unset):
            all_ (ContactFieldValues | Unset): Every field alias with its value, plus `id` (the contact id, as a string).
                Number fields are
                numbers; booleans are `true`/`false` right after a write.
    """

    core: FieldGroupMap | list[Any] | Unset = UNSET
    social: FieldGroupMap | list[Any] | Unset = UNSET
    personal: FieldGroupMap | list[Any] | Unset = UNSET
    professional: FieldGroupMap | list[Any] | Unset = UNSET
    all_: ContactFieldValues | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_group_map import FieldGroupMap  # noqa: PLC0415

        core: dict[str, Any] | list[Any] | Unset
        if isinstance(self.core, Unset):
            core = UNSET
        elif isinstance(self.core, FieldGroupMap):
            core = self.core.to_dict()
        else:
            core = self.core

        social: dict[str, Any] | list[Any] | Unset
        if isinstance(self.social, Unset):
            social = UNSET
        elif isinstance(self.social, FieldGroupMap):
            social = self.social.to_dict()
        else:
            social = self.social

        personal: dict[str, Any] | list[Any] | Unset
        if isinstance(self.personal, Unset):
            personal = UNSET
        elif isinstance(self.personal, FieldGroupMap):
            personal = self.personal.to_dict()
        else:
            personal = self.personal

        professional: dict[str, Any] | list[Any] | Unset
        if isinstance(self.professional, Unset):
            professional = UNSET
        elif isinstance(self.professional, FieldGroupMap):
            professional = self.professional.to_dict()
        else:
            professional = self.professional

        all_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.all_, Unset):
            all_ = self.all_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if core is not UNSET:
            field_dict["core"] = core
        if social is not UNSET:
            field_dict["social"] = social
        if personal is not UNSET:
            field_dict["personal"] = personal
        if professional is not UNSET:
            field_dict["professional"] = professional
        if all_ is not UNSET:
            field_dict["all"] = all_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_field_values import ContactFieldValues  # noqa: PLC0415
        from ..models.field_group_map import FieldGroupMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_core(data: object) -> FieldGroupMap | list[Any] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_field_group_type_0 = FieldGroupMap.from_dict(data)

                return componentsschemas_field_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_field_group_type_1 = data

            return componentsschemas_field_group_type_1

        core = _parse_core(d.pop("core", UNSET))

        def _parse_social(data: object) -> FieldGroupMap | list[Any] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_field_group_type_0 = FieldGroupMap.from_dict(data)

                return componentsschemas_field_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_field_group_type_1 = data

            return componentsschemas_field_group_type_1

        social = _parse_social(d.pop("social", UNSET))

        def _parse_personal(data: object) -> FieldGroupMap | list[Any] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_field_group_type_0 = FieldGroupMap.from_dict(data)

                return componentsschemas_field_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_field_group_type_1 = data

            return componentsschemas_field_group_type_1

        personal = _parse_personal(d.pop("personal", UNSET))

        def _parse_professional(data: object) -> FieldGroupMap | list[Any] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_field_group_type_0 = FieldGroupMap.from_dict(data)

                return componentsschemas_field_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            componentsschemas_field_group_type_1 = data

            return componentsschemas_field_group_type_1

        professional = _parse_professional(d.pop("professional", UNSET))

        _all_ = d.pop("all", UNSET)
        all_: ContactFieldValues | Unset
        if isinstance(_all_, Unset):
            all_ = UNSET
        else:
            all_ = ContactFieldValues.from_dict(_all_)

        contact_fields = cls(
            core=core,
            social=social,
            personal=personal,
            professional=professional,
            all_=all_,
        )

        contact_fields.additional_properties = d
        return contact_fields

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
