from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DncInput")


@_attrs_define
class DncInput:
    """
    Attributes:
        reason (int | Unset): 1 unsubscribed, 2 bounced, 3 manual (default). 0 or a non-numeric value answers 400;
            larger values are accepted.
             Default: 3.
        channel_id (int | Unset): Id of the channel entity that caused the record (for example an email id).
        comments (str | Unset):
    """

    reason: int | Unset = 3
    channel_id: int | Unset = UNSET
    comments: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        channel_id = self.channel_id

        comments = self.comments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if channel_id is not UNSET:
            field_dict["channelId"] = channel_id
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason", UNSET)

        channel_id = d.pop("channelId", UNSET)

        comments = d.pop("comments", UNSET)

        dnc_input = cls(
            reason=reason,
            channel_id=channel_id,
            comments=comments,
        )

        dnc_input.additional_properties = d
        return dnc_input

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
