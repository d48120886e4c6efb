from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WhereQuery")


@_attrs_define
class WhereQuery:
    """`where` filters as a flat map of PHP bracket keys to string values, sent as query parameters
    exactly as written (`where[0][col]=email&where[0][expr]=eq&where[0][val]=a@b.c`). Grammar of a
    key (`N`, `M`, `K` are clause indexes):

        where[N][col|column|expr]          a clause's column or expression
        where[N][val|value]                its value
        where[N][val|value][0|1]           the two values of between / notBetween
        where[N][val][M]<clause key>       clause M nested in an andX / orX clause N
        where[N][val][M][val][K]<key>      one more level of andX / orX nesting

    The pattern admits these shapes with up to two levels of composite nesting (servers accept
    deeper nesting). See the `where` parameter for the expressions.

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        where_query = cls()

        where_query.additional_properties = d
        return where_query

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
