from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.point_group_score import PointGroupScore


T = TypeVar("T", bound="ContactPointGroupsResponse")


@_attrs_define
class ContactPointGroupsResponse:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        group_scores (list[PointGroupScore]):
    """

    total: int | str
    group_scores: list[PointGroupScore]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total: int | str
        total = self.total

        group_scores = []
        for group_scores_item_data in self.group_scores:
            group_scores_item = group_scores_item_data.to_dict()
            group_scores.append(group_scores_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "groupScores": group_scores,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_group_score import PointGroupScore  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        group_scores = []
        _group_scores = d.pop("groupScores")
        for group_scores_item_data in _group_scores:
            group_scores_item = PointGroupScore.from_dict(group_scores_item_data)

            group_scores.append(group_scores_item)

        contact_point_groups_response = cls(
            total=total,
            group_scores=group_scores,
        )

        contact_point_groups_response.additional_properties = d
        return contact_point_groups_response

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
