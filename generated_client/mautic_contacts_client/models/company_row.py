from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyRow")


@_attrs_define
class CompanyRow:
    """A raw row of the companies table joined with the link; every value is a string, null columns are left out.

    Attributes:
        company_id (str | Unset):
        date_associated (str | Unset): `Y-m-d H:i:s` in UTC.
        is_primary (str | Unset): `"1"` for the primary company, else `"0"`.
        companyname (str | Unset):
    """

    company_id: str | Unset = UNSET
    date_associated: str | Unset = UNSET
    is_primary: str | Unset = UNSET
    companyname: str | Unset = UNSET
    additional_properties: dict[str, None | str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        date_associated = self.date_associated

        is_primary = self.is_primary

        companyname = self.companyname

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        field_dict.update({})
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if date_associated is not UNSET:
            field_dict["date_associated"] = date_associated
        if is_primary is not UNSET:
            field_dict["is_primary"] = is_primary
        if companyname is not UNSET:
            field_dict["companyname"] = companyname

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = d.pop("company_id", UNSET)

        date_associated = d.pop("date_associated", UNSET)

        is_primary = d.pop("is_primary", UNSET)

        companyname = d.pop("companyname", UNSET)

        company_row = cls(
            company_id=company_id,
            date_associated=date_associated,
            is_primary=is_primary,
            companyname=companyname,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        company_row.additional_properties = additional_properties
        return company_row

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> None | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: None | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
