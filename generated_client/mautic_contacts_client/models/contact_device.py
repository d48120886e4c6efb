from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactDevice")


@_attrs_define
class ContactDevice:
    """
    Attributes:
        id (int | Unset):
        lead (Any | Unset): Always empty.
        client_info (Any | Unset): Browser information (object, array or PHP-serialized string).
        device (None | str | Unset):
        device_brand (None | str | Unset):
        device_model (None | str | Unset):
        device_os_name (None | str | Unset):
        device_os_short_name (None | str | Unset):
        device_os_version (None | str | Unset):
        device_os_platform (None | str | Unset):
    """

    id: int | Unset = UNSET
    lead: Any | Unset = UNSET
    client_info: Any | Unset = UNSET
    device: None | str | Unset = UNSET
    device_brand: None | str | Unset = UNSET
    device_model: None | str | Unset = UNSET
    device_os_name: None | str | Unset = UNSET
    device_os_short_name: None | str | Unset = UNSET
    device_os_version: None | str | Unset = UNSET
    device_os_platform: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        lead = self.lead

        client_info = self.client_info

        device: None | str | Unset
        if isinstance(self.device, Unset):
            device = UNSET
        else:
            device = self.device

        device_brand: None | str | Unset
        if isinstance(self.device_brand, Unset):
            device_brand = UNSET
        else:
            device_brand = self.device_brand

        device_model: None | str | Unset
        if isinstance(self.device_model, Unset):
            device_model = UNSET
        else:
            device_model = self.device_model

        device_os_name: None | str | Unset
        if isinstance(self.device_os_name, Unset):
            device_os_name = UNSET
        else:
            device_os_name = self.device_os_name

        device_os_short_name: None | str | Unset
        if isinstance(self.device_os_short_name, Unset):
            device_os_short_name = UNSET
        else:
            device_os_short_name = self.device_os_short_name

        device_os_version: None | str | Unset
        if isinstance(self.device_os_version, Unset):
            device_os_version = UNSET
        else:
            device_os_version = self.device_os_version

        device_os_platform: None | str | Unset
        if isinstance(self.device_os_platform, Unset):
            device_os_platform = UNSET
        else:
            device_os_platform = self.device_os_platform

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if lead is not UNSET:
            field_dict["lead"] = lead
        if client_info is not UNSET:
            field_dict["clientInfo"] = client_info
        if device is not UNSET:
            field_dict["device"] = device
        if device_brand is not UNSET:
            field_dict["deviceBrand"] = device_brand
        if device_model is not UNSET:
            field_dict["deviceModel"] = device_model
        if device_os_name is not UNSET:
            field_dict["deviceOsName"] = device_os_name
        if device_os_short_name is not UNSET:
            field_dict["deviceOsShortName"] = device_os_short_name
        if device_os_version is not UNSET:
            field_dict["deviceOsVersion"] = device_os_version
        if device_os_platform is not UNSET:
            field_dict["deviceOsPlatform"] = device_os_platform

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        lead = d.pop("lead", UNSET)

        client_info = d.pop("clientInfo", UNSET)

        def _parse_device(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device = _parse_device(d.pop("device", UNSET))

        def _parse_device_brand(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_brand = _parse_device_brand(d.pop("deviceBrand", UNSET))

        def _parse_device_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_model = _parse_device_model(d.pop("deviceModel", UNSET))

        def _parse_device_os_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_os_name = _parse_device_os_name(d.pop("deviceOsName", UNSET))

        def _parse_device_os_short_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_os_short_name = _parse_device_os_short_name(d.pop("deviceOsShortName", UNSET))

        def _parse_device_os_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_os_version = _parse_device_os_version(d.pop("deviceOsVersion", UNSET))

        def _parse_device_os_platform(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_os_platform = _parse_device_os_platform(d.pop("deviceOsPlatform", UNSET))

        contact_device = cls(
            id=id,
            lead=lead,
            client_info=client_info,
            device=device,
            device_brand=device_brand,
            device_model=device_model,
            device_os_name=device_os_name,
            device_os_short_name=device_os_short_name,
            device_os_version=device_os_version,
            device_os_platform=device_os_platform,
        )

        contact_device.additional_properties = d
        return contact_device

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
