from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.company_row import CompanyRow


T = TypeVar("T", bound="ContactCompaniesResponse")


@_attrs_define
class ContactCompaniesResponse:
    """
    Attributes:
        total (int | str): An integer that some servers send as a string (SQL counts, raw ids).
        companies (list[CompanyRow]):
    """

    total: int | str
    companies: list[CompanyRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total: int | str
        total = self.total

        companies = []
        for companies_item_data in self.companies:
            companies_item = companies_item_data.to_dict()
            companies.append(companies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "companies": companies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_row import CompanyRow  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        companies = []
        _companies = d.pop("companies")
        for companies_item_data in _companies:
            companies_item = CompanyRow.from_dict(companies_item_data)

            companies.append(companies_item)

        contact_companies_response = cls(
            total=total,
            companies=companies,
        )

        contact_companies_response.additional_properties = d
        return contact_companies_response

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
