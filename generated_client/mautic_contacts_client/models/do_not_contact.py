from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DoNotContact")


@_attrs_define
class DoNotContact:
    """
    Attributes:
        id (int | Unset):
        date_added (datetime.datetime | None | Unset):
        reason (int | Unset): 1 unsubscribed, 2 bounced, 3 manual (other integers possible).
        comments (None | str | Unset):
        channel (str | Unset):
        channel_id (int | None | Unset):
    """

    id: int | Unset = UNSET
    date_added: datetime.datetime | None | Unset = UNSET
    reason: int | Unset = UNSET
    comments: None | str | Unset = UNSET
    channel: str | Unset = UNSET
    channel_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        date_added: None | str | Unset
        if isinstance(self.date_added, Unset):
            date_added = UNSET
        elif isinstance(self.date_added, datetime.datetime):
            date_added = self.date_added.isoformat()
        else:
            date_added = self.date_added

        reason = self.reason

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        channel = self.channel

        channel_id: int | None | Unset
        if isinstance(self.channel_id, Unset):
            channel_id = UNSET
        else:
            channel_id = self.channel_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if date_added is not UNSET:
            field_dict["dateAdded"] = date_added
        if reason is not UNSET:
            field_dict["reason"] = reason
        if comments is not UNSET:
            field_dict["comments"] = comments
        if channel is not UNSET:
            field_dict["channel"] = channel
        if channel_id is not UNSET:
            field_dict["channelId"] = channel_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_date_added(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_added_type_0 = datetime.datetime.fromisoformat(data)

                return date_added_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_added = _parse_date_added(d.pop("dateAdded", UNSET))

        reason = d.pop("reason", UNSET)

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        channel = d.pop("channel", UNSET)

        def _parse_channel_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        channel_id = _parse_channel_id(d.pop("channelId", UNSET))

        do_not_contact = cls(
            id=id,
            date_added=date_added,
            reason=reason,
            comments=comments,
            channel=channel,
            channel_id=channel_id,
        )

        do_not_contact.additional_properties = d
        return do_not_contact

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
