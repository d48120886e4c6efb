from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.point_group_score import PointGroupScore


T = TypeVar("T", bound="ContactPointGroupScoreResponse")


@_attrs_define
class ContactPointGroupScoreResponse:
    """
    Attributes:
        group_score (None | PointGroupScore | Unset):
    """

    group_score: None | PointGroupScore | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.point_group_score import PointGroupScore  # noqa: PLC0415

        group_score: dict[str, Any] | None | Unset
        if isinstance(self.group_score, Unset):
            group_score = UNSET
        elif isinstance(self.group_score, PointGroupScore):
            group_score = self.group_score.to_dict()
        else:
            group_score = self.group_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if group_score is not UNSET:
            field_dict["groupScore"] = group_score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point_group_score import PointGroupScore  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_group_score(data: object) -> None | PointGroupScore | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                group_score_type_0 = PointGroupScore.from_dict(data)

                return group_score_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PointGroupScore | Unset, data)

        group_score = _parse_group_score(d.pop("groupScore", UNSET))

        contact_point_group_score_response = cls(
            group_score=group_score,
        )

        contact_point_group_score_response.additional_properties = d
        return contact_point_group_score_response

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
