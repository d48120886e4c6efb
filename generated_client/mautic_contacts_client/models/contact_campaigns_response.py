from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_membership_map import CampaignMembershipMap


T = TypeVar("T", bound="ContactCampaignsResponse")


@_attrs_define
class ContactCampaignsResponse:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        campaigns (CampaignMembershipMap | list[Any]): Campaign memberships keyed by campaign id, or `[]`.
    """

    total: int | str
    campaigns: CampaignMembershipMap | list[Any]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaign_membership_map import CampaignMembershipMap  # noqa: PLC0415

        total: int | str
        total = self.total

        campaigns: dict[str, Any] | list[Any]
        if isinstance(self.campaigns, CampaignMembershipMap):
            campaigns = self.campaigns.to_dict()
        else:
            campaigns = self.campaigns

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "campaigns": campaigns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_membership_map import CampaignMembershipMap  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_campaigns(data: object) -> CampaignMembershipMap | list[Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                campaigns_type_0 = CampaignMembershipMap.from_dict(data)

                return campaigns_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            campaigns_type_1 = data

            return campaigns_type_1

        campaigns = _parse_campaigns(d.pop("campaigns"))

        contact_campaigns_response = cls(
            total=total,
            campaigns=campaigns,
        )

        contact_campaigns_response.additional_properties = d
        return contact_campaigns_response

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
