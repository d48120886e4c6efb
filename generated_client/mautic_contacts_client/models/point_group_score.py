from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.point_group import PointGroup


T = TypeVar("T", bound="PointGroupScore")


@_attrs_define
class PointGroupScore:
    """
    Attributes:
        score (int | Unset):
        group (PointGroup | Unset):
    """

    score: int | Unset = UNSET
    group: PointGroup | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        group: dict[str, Any] | Unset = UNSET
        if not isinstance(self.group, Unset):
            group = self.group.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if score is not UNSET:
            field_dict["score"] = score
        if group is not UNSET:
            field_dict["group"] = group

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_group import PointGroup  # noqa: PLC0415

        d = dict(src_dict)
        score = d.pop("score", UNSET)

        _group = d.pop("group", UNSET)
        group: PointGroup | Unset
        if isinstance(_group, Unset):
            group = UNSET
        else:
            group = PointGroup.from_dict(_group)

        point_group_score = cls(
            score=score,
            group=group,
        )

        point_group_score.additional_properties = d
        return point_group_score

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
