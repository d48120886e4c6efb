from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_device import ContactDevice
    from ..models.contact_device_map import ContactDeviceMap


T = TypeVar("T", bound="ContactDevicesResponse")


@_attrs_define
class ContactDevicesResponse:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        devices (ContactDeviceMap | list[ContactDevice]): Devices keyed by id; `[]` when none (the documentation shows
            an array).
    """

    total: int | str
    devices: ContactDeviceMap | list[ContactDevice]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_device_map import ContactDeviceMap  # noqa: PLC0415

        total: int | str
        total = self.total

        devices: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.devices, ContactDeviceMap):
            devices = self.devices.to_dict()
        else:
            devices = []
            for devices_type_1_item_data in self.devices:
                devices_type_1_item = devices_type_1_item_data.to_dict()
                devices.append(devices_type_1_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "devices": devices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_device import ContactDevice  # noqa: PLC0415
        from ..models.contact_device_map import ContactDeviceMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_devices(data: object) -> ContactDeviceMap | list[ContactDevice]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                devices_type_0 = ContactDeviceMap.from_dict(data)

                return devices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            devices_type_1 = []
            _devices_type_1 = data
            for devices_type_1_item_data in _devices_type_1:
                devices_type_1_item = ContactDevice.from_dict(devices_type_1_item_data)

                devices_type_1.append(devices_type_1_item)

            return devices_type_1

        devices = _parse_devices(d.pop("devices"))

        contact_devices_response = cls(
            total=total,
            devices=devices,
        )

        contact_devices_response.additional_properties = d
        return contact_devices_response

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
