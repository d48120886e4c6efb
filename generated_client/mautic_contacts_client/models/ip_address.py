from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ip_details import IpDetails


T = TypeVar("T", bound="IpAddress")


@_attrs_define
class IpAddress:
    """
    Attributes:
        id (int | Unset):
        ip_address (str | Unset):
        ip_details (IpDetails | list[Any] | None | Unset):
    """

    id: int | Unset = UNSET
    ip_address: str | Unset = UNSET
    ip_details: IpDetails | list[Any] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ip_details import IpDetails  # noqa: PLC0415

        id = self.id

        ip_address = self.ip_address

        ip_details: dict[str, Any] | list[Any] | None | Unset
        if isinstance(self.ip_details, Unset):
            ip_details = UNSET
        elif isinstance(self.ip_details, IpDetails):
            ip_details = self.ip_details.to_dict()
        elif isinstance(self.ip_details, list):
            ip_details = self.ip_details

        else:
            ip_details = self.ip_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if ip_address is not UNSET:
            field_dict["ipAddress"] = ip_address
        if ip_details is not UNSET:
            field_dict["ipDetails"] = ip_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ip_details import IpDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        ip_address = d.pop("ipAddress", UNSET)

        def _parse_ip_details(data: object) -> IpDetails | list[Any] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ip_details_type_0 = IpDetails.from_dict(data)

                return ip_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ip_details_type_1 = data

                return ip_details_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IpDetails | list[Any] | None | Unset, data)

        ip_details = _parse_ip_details(d.pop("ipDetails", UNSET))

        ip_address = cls(
            id=id,
            ip_address=ip_address,
            ip_details=ip_details,
        )

        ip_address.additional_properties = d
        return ip_address

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
