from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.api_error import ApiError
    from ..models.api_error_map import ApiErrorMap
    from ..models.contact import Contact
    from ..models.contact_map import ContactMap
    from ..models.status_code_map import StatusCodeMap


T = TypeVar("T", bound="ContactBatchResponse")


@_attrs_define
class ContactBatchResponse:
    """Result of a batch request. `contacts`, `statusCodes` and `errors` are keyed by the item's
    position in the request (or by the request's own keys): a JSON array when those keys are
    `0..n-1`, an object otherwise. `statusCodes` is missing from batch deletes; `errors` only
    appears when an item failed.

        Attributes:
            contacts (ContactMap | list[Contact]):
            status_codes (list[int] | StatusCodeMap | Unset):
            errors (ApiErrorMap | list[ApiError] | Unset):
    """

    contacts: ContactMap | list[Contact]
    status_codes: list[int] | StatusCodeMap | Unset = UNSET
    errors: ApiErrorMap | list[ApiError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contacts: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.contacts, list):
            contacts = []
            for contacts_type_0_item_data in self.contacts:
                contacts_type_0_item = contacts_type_0_item_data.to_dict()
                contacts.append(contacts_type_0_item)

        else:
            contacts = self.contacts.to_dict()

        status_codes: dict[str, Any] | list[int] | Unset
        if isinstance(self.status_codes, Unset):
            status_codes = UNSET
        elif isinstance(self.status_codes, list):
            status_codes = self.status_codes

        else:
            status_codes = self.status_codes.to_dict()

        errors: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contacts": contacts,
            }
        )
        if status_codes is not UNSET:
            field_dict["statusCodes"] = status_codes
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_error import ApiError  # noqa: PLC0415
        from ..models.api_error_map import ApiErrorMap  # noqa: PLC0415
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.contact_map import ContactMap  # noqa: PLC0415
        from ..models.status_code_map import StatusCodeMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contacts(data: object) -> ContactMap | list[Contact]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contacts_type_0 = []
                _contacts_type_0 = data
                for contacts_type_0_item_data in _contacts_type_0:
                    contacts_type_0_item = Contact.from_dict(contacts_type_0_item_data)

                    contacts_type_0.append(contacts_type_0_item)

                return contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            contacts_type_1 = ContactMap.from_dict(data)

            return contacts_type_1

        contacts = _parse_contacts(d.pop("contacts"))

        def _parse_status_codes(data: object) -> list[int] | StatusCodeMap | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                status_codes_type_0 = cast(list[int], data)

                return status_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            status_codes_type_1 = StatusCodeMap.from_dict(data)

            return status_codes_type_1

        status_codes = _parse_status_codes(d.pop("statusCodes", UNSET))

        def _parse_errors(data: object) -> ApiErrorMap | list[ApiError] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = ApiError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            errors_type_1 = ApiErrorMap.from_dict(data)

            return errors_type_1

        errors = _parse_errors(d.pop("errors", UNSET))

        contact_batch_response = cls(
            contacts=contacts,
            status_codes=status_codes,
            errors=errors,
        )

        contact_batch_response.additional_properties = d
        return contact_batch_response

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
