from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activity_event_label import ActivityEventLabel


T = TypeVar("T", bound="ActivityEvent")


@_attrs_define
class ActivityEvent:
    """One timeline event. Through the API an event carries only `event`, `eventId`, `eventLabel`,
    `eventType`, `timestamp`, `contactId` and `details` (snake_case keys in details are camelCased);
    the `icon`, `eventPriority` and `featured` keys in the documentation's example are from Mautic 2.

        Attributes:
            event (str | Unset): Event type, e.g. `page.hit`.
            event_id (str | Unset):
            event_label (ActivityEventLabel | str | Unset): A label, or an object with `label`, `href` and `isExternal`. UTM
                events are labelled
                `UTM Campaign: <campaign>`, or with the event type's name when the set has no campaign.
            event_type (str | Unset):
            timestamp (datetime.datetime | None | Unset):
            contact_id (int | str | Unset): An integer that some servers send as a string (SQL counts, raw ids).
            details (Any | Unset): Event-specific details (`[]` when empty).
    """

    event: str | Unset = UNSET
    event_id: str | Unset = UNSET
    event_label: ActivityEventLabel | str | Unset = UNSET
    event_type: str | Unset = UNSET
    timestamp: datetime.datetime | None | Unset = UNSET
    contact_id: int | str | Unset = UNSET
    details: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.activity_event_label import ActivityEventLabel  # noqa: PLC0415

        event = self.event

        event_id = self.event_id

        event_label: dict[str, Any] | str | Unset
        if isinstance(self.event_label, Unset):
            event_label = UNSET
        elif isinstance(self.event_label, ActivityEventLabel):
            event_label = self.event_label.to_dict()
        else:
            event_label = self.event_label

        event_type = self.event_type

        timestamp: None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        elif isinstance(self.timestamp, datetime.datetime):
            timestamp = self.timestamp.isoformat()
        else:
            timestamp = self.timestamp

        contact_id: int | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event is not UNSET:
            field_dict["event"] = event
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
        if event_label is not UNSET:
            field_dict["eventLabel"] = event_label
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_event_label import ActivityEventLabel  # noqa: PLC0415

        d = dict(src_dict)
        event = d.pop("event", UNSET)

        event_id = d.pop("eventId", UNSET)

        def _parse_event_label(data: object) -> ActivityEventLabel | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                event_label_type_1 = ActivityEventLabel.from_dict(data)

                return event_label_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivityEventLabel | str | Unset, data)

        event_label = _parse_event_label(d.pop("eventLabel", UNSET))

        event_type = d.pop("eventType", UNSET)

        def _parse_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_contact_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        details = d.pop("details", UNSET)

        activity_event = cls(
            event=event,
            event_id=event_id,
            event_label=event_label,
            event_type=event_type,
            timestamp=timestamp,
            contact_id=contact_id,
            details=details,
        )

        activity_event.additional_properties = d
        return activity_event

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
