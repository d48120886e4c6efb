from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DoNotContactInput")


@_attrs_define
class DoNotContactInput:
    """
    Attributes:
        channel (str | Unset):  Default: 'email'.
        reason (int | Unset): 1 unsubscribed, 2 bounced, 3 manual (default); 0 removes the channel's record. Default: 3.
        comments (str | Unset): Stored as sent (unlike `addContactDnc`, which HTML-escapes them).
        channel_id (int | Unset): Ignored in contact bodies.
    """

    channel: str | Unset = "email"
    reason: int | Unset = 3
    comments: str | Unset = UNSET
    channel_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        reason = self.reason

        comments = self.comments

        channel_id = self.channel_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if channel is not UNSET:
            field_dict["channel"] = channel
        if reason is not UNSET:
            field_dict["reason"] = reason
        if comments is not UNSET:
            field_dict["comments"] = comments
        if channel_id is not UNSET:
            field_dict["channelId"] = channel_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel", UNSET)

        reason = d.pop("reason", UNSET)

        comments = d.pop("comments", UNSET)

        channel_id = d.pop("channelId", UNSET)

        do_not_contact_input = cls(
            channel=channel,
            reason=reason,
            comments=comments,
            channel_id=channel_id,
        )

        do_not_contact_input.additional_properties = d
        return do_not_contact_input

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
