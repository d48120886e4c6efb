from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FrequencyRule")


@_attrs_define
class FrequencyRule:
    """
    Attributes:
        channel (str | Unset):
        frequency_number (int | None | Unset):
        frequency_time (None | str | Unset):
        preferred_channel (Any | Unset):
        pause_from_date (datetime.datetime | None | Unset):
        pause_to_date (datetime.datetime | None | Unset):
    """

    channel: str | Unset = UNSET
    frequency_number: int | None | Unset = UNSET
    frequency_time: None | str | Unset = UNSET
    preferred_channel: Any | Unset = UNSET
    pause_from_date: datetime.datetime | None | Unset = UNSET
    pause_to_date: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

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

        preferred_channel = self.preferred_channel

        pause_from_date: None | str | Unset
        if isinstance(self.pause_from_date, Unset):
            pause_from_date = UNSET
        elif isinstance(self.pause_from_date, datetime.datetime):
            pause_from_date = self.pause_from_date.isoformat()
        else:
            pause_from_date = self.pause_from_date

        pause_to_date: None | str | Unset
        if isinstance(self.pause_to_date, Unset):
            pause_to_date = UNSET
        elif isinstance(self.pause_to_date, datetime.datetime):
            pause_to_date = self.pause_to_date.isoformat()
        else:
            pause_to_date = self.pause_to_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if channel is not UNSET:
            field_dict["channel"] = channel
        if frequency_number is not UNSET:
            field_dict["frequencyNumber"] = frequency_number
        if frequency_time is not UNSET:
            field_dict["frequencyTime"] = frequency_time
        if preferred_channel is not UNSET:
            field_dict["preferredChannel"] = preferred_channel
        if pause_from_date is not UNSET:
            field_dict["pauseFromDate"] = pause_from_date
        if pause_to_date is not UNSET:
            field_dict["pauseToDate"] = pause_to_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel", UNSET)

        def _parse_frequency_number(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        frequency_number = _parse_frequency_number(d.pop("frequencyNumber", UNSET))

        def _parse_frequency_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency_time = _parse_frequency_time(d.pop("frequencyTime", UNSET))

        preferred_channel = d.pop("preferredChannel", UNSET)

        def _parse_pause_from_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pause_from_date_type_0 = datetime.datetime.fromisoformat(data)

                return pause_from_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        pause_from_date = _parse_pause_from_date(d.pop("pauseFromDate", UNSET))

        def _parse_pause_to_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pause_to_date_type_0 = datetime.datetime.fromisoformat(data)

                return pause_to_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        pause_to_date = _parse_pause_to_date(d.pop("pauseToDate", UNSET))

        frequency_rule = cls(
            channel=channel,
            frequency_number=frequency_number,
            frequency_time=frequency_time,
            preferred_channel=preferred_channel,
            pause_from_date=pause_from_date,
            pause_to_date=pause_to_date,
        )

        frequency_rule.additional_properties = d
        return frequency_rule

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
