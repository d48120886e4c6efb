from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.segment_membership_map import SegmentMembershipMap


T = TypeVar("T", bound="ContactSegmentsResponse")


@_attrs_define
class ContactSegmentsResponse:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        lists (list[Any] | SegmentMembershipMap): Segment memberships keyed by segment id, or `[]`.
    """

    total: int | str
    lists: list[Any] | SegmentMembershipMap
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.segment_membership_map import SegmentMembershipMap  # noqa: PLC0415

        total: int | str
        total = self.total

        lists: dict[str, Any] | list[Any]
        if isinstance(self.lists, SegmentMembershipMap):
            lists = self.lists.to_dict()
        else:
            lists = self.lists

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "lists": lists,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_membership_map import SegmentMembershipMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_lists(data: object) -> list[Any] | SegmentMembershipMap:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lists_type_0 = SegmentMembershipMap.from_dict(data)

                return lists_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            lists_type_1 = data

            return lists_type_1

        lists = _parse_lists(d.pop("lists"))

        contact_segments_response = cls(
            total=total,
            lists=lists,
        )

        contact_segments_response.additional_properties = d
        return contact_segments_response

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
