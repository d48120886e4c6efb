from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.utm_query import UtmQuery


T = TypeVar("T", bound="UtmInput")


@_attrs_define
class UtmInput:
    """One UTM set. Every key is optional; keys are case-sensitive.

    Attributes:
        utm_campaign (str | Unset):
        utm_source (str | Unset):
        utm_medium (str | Unset):
        utm_content (str | Unset):
        utm_term (str | Unset):
        user_agent (str | Unset):
        useragent (str | Unset): Same as `user_agent`; with this key a device is recorded too.
        url (str | Unset):
        referer (str | Unset):
        query (str | Unset | UtmQuery): Extra query parameters, as an object or a query string (`cid=abc&cond=new`).
        remote_host (str | Unset):
        remotehost (str | Unset): Same as `remote_host`.
        last_active (str | Unset): Any PHP date string; sets the UTM set's date and the contact's last-active date.
    """

    utm_campaign: str | Unset = UNSET
    utm_source: str | Unset = UNSET
    utm_medium: str | Unset = UNSET
    utm_content: str | Unset = UNSET
    utm_term: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    useragent: str | Unset = UNSET
    url: str | Unset = UNSET
    referer: str | Unset = UNSET
    query: str | Unset | UtmQuery = UNSET
    remote_host: str | Unset = UNSET
    remotehost: str | Unset = UNSET
    last_active: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.utm_query import UtmQuery  # noqa: PLC0415

        utm_campaign = self.utm_campaign

        utm_source = self.utm_source

        utm_medium = self.utm_medium

        utm_content = self.utm_content

        utm_term = self.utm_term

        user_agent = self.user_agent

        useragent = self.useragent

        url = self.url

        referer = self.referer

        query: dict[str, Any] | str | Unset
        if isinstance(self.query, Unset):
            query = UNSET
        elif isinstance(self.query, UtmQuery):
            query = self.query.to_dict()
        else:
            query = self.query

        remote_host = self.remote_host

        remotehost = self.remotehost

        last_active = self.last_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if utm_campaign is not UNSET:
            field_dict["utm_campaign"] = utm_campaign
        if utm_source is not UNSET:
            field_dict["utm_source"] = utm_source
        if utm_medium is not UNSET:
            field_dict["utm_medium"] = utm_medium
        if utm_content is not UNSET:
            field_dict["utm_content"] = utm_content
        if utm_term is not UNSET:
            field_dict["utm_term"] = utm_term
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if useragent is not UNSET:
            field_dict["useragent"] = useragent
        if url is not UNSET:
            field_dict["url"] = url
        if referer is not UNSET:
            field_dict["referer"] = referer
        if query is not UNSET:
            field_dict["query"] = query
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if remotehost is not UNSET:
            field_dict["remotehost"] = remotehost
        if last_active is not UNSET:
            field_dict["lastActive"] = last_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.utm_query import UtmQuery  # noqa: PLC0415

        d = dict(src_dict)
        utm_campaign = d.pop("utm_campaign", UNSET)

        utm_source = d.pop("utm_source", UNSET)

        utm_medium = d.pop("utm_medium", UNSET)

        utm_content = d.pop("utm_content", UNSET)

        utm_term = d.pop("utm_term", UNSET)

        user_agent = d.pop("user_agent", UNSET)

        useragent = d.pop("useragent", UNSET)

        url = d.pop("url", UNSET)

        referer = d.pop("referer", UNSET)

        def _parse_query(data: object) -> str | Unset | UtmQuery:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                query_type_0 = UtmQuery.from_dict(data)

                return query_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | Unset | UtmQuery, data)

        query = _parse_query(d.pop("query", UNSET))

        remote_host = d.pop("remote_host", UNSET)

        remotehost = d.pop("remotehost", UNSET)

        last_active = d.pop("lastActive", UNSET)

        utm_input = cls(
            utm_campaign=utm_campaign,
            utm_source=utm_source,
            utm_medium=utm_medium,
            utm_content=utm_content,
            utm_term=utm_term,
            user_agent=user_agent,
            useragent=useragent,
            url=url,
            referer=referer,
            query=query,
            remote_host=remote_host,
            remotehost=remotehost,
            last_active=last_active,
        )

        utm_input.additional_properties = d
        return utm_input

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
