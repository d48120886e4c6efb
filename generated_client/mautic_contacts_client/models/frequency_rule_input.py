from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FrequencyRuleInput")


@_attrs_define
class FrequencyRuleInput:
    """
    Attributes:
        frequency_number (int | None | Unset):
        frequency_time (None | str | Unset): DAY, WEEK or MONTH.
        pause_from_date (None | str | Unset):
        pause_to_date (None | str | Unset):
        preferred_channel (None | str | Unset):
    """

    frequency_number: int | None | Unset = UNSET
    frequency_time: None | str | Unset = UNSET
    pause_from_date: None | str | Unset = UNSET
    pause_to_date: None | str | Unset = UNSET
    preferred_channel: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        frequency_number: int | None | Unset
        if isinstance(self.frequency_number, Unset):
            frequency_number = UNSET
        else:
            frequency_number = self.frequency_number

        frequency_time: None | str | Unset
        if isinstance(self.frequency_time, Unset):
            frequency_time = UNSET
        else:
            frequency_time = self.frequency_time

        pause_from_date: None | str | Unset
        if isinstance(self.pause_from_date, Unset):
            pause_from_date = UNSET
        else:
            pause_from_date = self.pause_from_date

        pause_to_date: None | str | Unset
        if isinstance(self.pause_to_date, Unset):
            pause_to_date = UNSET
        else:
            pause_to_date = self.pause_to_date

        preferred_channel: None | str | Unset
        if isinstance(self.preferred_channel, Unset):
            preferred_channel = UNSET
        else:
            preferred_channel = self.preferred_channel

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if frequency_number is not UNSET:
            field_dict["frequency_number"] = frequency_number
        if frequency_time is not UNSET:
            field_dict["frequency_time"] = frequency_time
        if pause_from_date is not UNSET:
            field_dict["pause_from_date"] = pause_from_date
        if pause_to_date is not UNSET:
            field_dict["pause_to_date"] = pause_to_date
        if preferred_channel is not UNSET:
            field_dict["preferred_channel"] = preferred_channel

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_frequency_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        frequency_number = _parse_frequency_number(d.pop("frequency_number", UNSET))

        def _parse_frequency_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency_time = _parse_frequency_time(d.pop("frequency_time", UNSET))

        def _parse_pause_from_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pause_from_date = _parse_pause_from_date(d.pop("pause_from_date", UNSET))

        def _parse_pause_to_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pause_to_date = _parse_pause_to_date(d.pop("pause_to_date", UNSET))

        def _parse_preferred_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_channel = _parse_preferred_channel(d.pop("preferred_channel", UNSET))

        frequency_rule_input = cls(
            frequency_number=frequency_number,
            frequency_time=frequency_time,
            pause_from_date=pause_from_date,
            pause_to_date=pause_to_date,
            preferred_channel=preferred_channel,
        )

        frequency_rule_input.additional_properties = d
        return frequency_rule_input

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
