from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_map import ContactMap


T = TypeVar("T", bound="ContactList")


@_attrs_define
class ContactList:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        contacts (ContactMap | list[Any]): Contacts keyed by id, in the requested order; `{}` or `[]` when empty.
    """

    total: int | str
    contacts: ContactMap | list[Any]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_map import ContactMap  # noqa: PLC0415

        total: int | str
        total = self.total

        contacts: dict[str, Any] | list[Any]
        if isinstance(self.contacts, ContactMap):
            contacts = self.contacts.to_dict()
        else:
            contacts = self.contacts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "contacts": contacts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_map import ContactMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_contacts(data: object) -> ContactMap | list[Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contacts_type_0 = ContactMap.from_dict(data)

                return contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            contacts_type_1 = data

            return contacts_type_1

        contacts = _parse_contacts(d.pop("contacts"))

        contact_list = cls(
            total=total,
            contacts=contacts,
        )

        contact_list.additional_properties = d
        return contact_list

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
