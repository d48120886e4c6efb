from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_fields import ContactFields
    from ..models.do_not_contact import DoNotContact
    from ..models.frequency_rule import FrequencyRule
    from ..models.ip_address import IpAddress
    from ..models.ip_address_map import IpAddressMap
    from ..models.stage import Stage
    from ..models.tag import Tag
    from ..models.user import User
    from ..models.utm_tag import UtmTag


T = TypeVar("T", bound="ContactBase")


@_attrs_define
class ContactBase:
    """Everything a contact carries except its `id`. Which keys are present depends on the route:
    `minimal=1` keeps only `points`, `color`, `fields` and the publish fields; `select[]` leaves out
    null values; the DNC and UTM routes add every field as a top-level key (so unknown keys must be
    kept: `additionalProperties` is open).

        Attributes:
            is_published (bool | Unset):
            date_added (datetime.datetime | Unset):
            date_modified (datetime.datetime | None | Unset): Null right after creation on Mautic 5; newer versions set it
                on creation.
            created_by (int | None | Unset): Id of the user who created the contact.
            created_by_user (None | str | Unset):
            modified_by (int | None | Unset):
            modified_by_user (None | str | Unset):
            points (int | Unset):
            color (None | str | Unset): Colour from point triggers; `""` or null when none applies.
            fields (ContactFields | Unset): Field values grouped by field group, each group an object keyed by field alias
                or `[]` when the
                group is empty, plus `all` (alias → value) on the main contact routes.
            last_active (datetime.datetime | None | Unset):
            owner (None | Unset | User):
            ip_addresses (IpAddressMap | list[IpAddress] | Unset): A JSON array on current servers; the documentation shows
                an object keyed by IP address.
            tags (list[Tag] | Unset):
            utmtags (list[UtmTag] | Unset):
            stage (None | Stage | Unset):
            date_identified (datetime.datetime | None | Unset):
            preferred_profile_image (None | str | Unset):
            do_not_contact (list[DoNotContact] | Unset):
            frequency_rules (list[FrequencyRule] | Unset):
    """

    is_published: bool | Unset = UNSET
    date_added: datetime.datetime | Unset = UNSET
    date_modified: datetime.datetime | None | Unset = UNSET
    created_by: int | None | Unset = UNSET
    created_by_user: None | str | Unset = UNSET
    modified_by: int | None | Unset = UNSET
    modified_by_user: None | str | Unset = UNSET
    points: int | Unset = UNSET
    color: None | str | Unset = UNSET
    fields: ContactFields | Unset = UNSET
    last_active: datetime.datetime | None | Unset = UNSET
    owner: None | Unset | User = UNSET
    ip_addresses: IpAddressMap | list[IpAddress] | Unset = UNSET
    tags: list[Tag] | Unset = UNSET
    utmtags: list[UtmTag] | Unset = UNSET
    stage: None | Stage | Unset = UNSET
    date_identified: datetime.datetime | None | Unset = UNSET
    preferred_profile_image: None | str | Unset = UNSET
    do_not_contact: list[DoNotContact] | Unset = UNSET
    frequency_rules: list[FrequencyRule] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stage import Stage  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415

        is_published = self.is_published

        date_added: str | Unset = UNSET
        if not isinstance(self.date_added, Unset):
            date_added = self.date_added.isoformat()

        date_modified: None | str | Unset
        if isinstance(self.date_modified, Unset):
            date_modified = UNSET
        elif isinstance(self.date_modified, datetime.datetime):
            date_modified = self.date_modified.isoformat()
        else:
            date_modified = self.date_modified

        created_by: int | None | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        created_by_user: None | str | Unset
        if isinstance(self.created_by_user, Unset):
            created_by_user = UNSET
        else:
            created_by_user = self.created_by_user

        modified_by: int | None | Unset
        if isinstance(self.modified_by, Unset):
            modified_by = UNSET
        else:
            modified_by = self.modified_by

        modified_by_user: None | str | Unset
        if isinstance(self.modified_by_user, Unset):
            modified_by_user = UNSET
        else:
            modified_by_user = self.modified_by_user

        points = self.points

        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        last_active: None | str | Unset
        if isinstance(self.last_active, Unset):
            last_active = UNSET
        elif isinstance(self.last_active, datetime.datetime):
            last_active = self.last_active.isoformat()
        else:
            last_active = self.last_active

        owner: dict[str, Any] | None | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        elif isinstance(self.owner, User):
            owner = self.owner.to_dict()
        else:
            owner = self.owner

        ip_addresses: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.ip_addresses, Unset):
            ip_addresses = UNSET
        elif isinstance(self.ip_addresses, list):
            ip_addresses = []
            for ip_addresses_type_0_item_data in self.ip_addresses:
                ip_addresses_type_0_item = ip_addresses_type_0_item_data.to_dict()
                ip_addresses.append(ip_addresses_type_0_item)

        else:
            ip_addresses = self.ip_addresses.to_dict()

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        utmtags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.utmtags, Unset):
            utmtags = []
            for utmtags_item_data in self.utmtags:
                utmtags_item = utmtags_item_data.to_dict()
                utmtags.append(utmtags_item)

        stage: dict[str, Any] | None | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, Stage):
            stage = self.stage.to_dict()
        else:
            stage = self.stage

        date_identified: None | str | Unset
        if isinstance(self.date_identified, Unset):
            date_identified = UNSET
        elif isinstance(self.date_identified, datetime.datetime):
            date_identified = self.date_identified.isoformat()
        else:
            date_identified = self.date_identified

        preferred_profile_image: None | str | Unset
        if isinstance(self.preferred_profile_image, Unset):
            preferred_profile_image = UNSET
        else:
            preferred_profile_image = self.preferred_profile_image

        do_not_contact: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.do_not_contact, Unset):
            do_not_contact = []
            for do_not_contact_item_data in self.do_not_contact:
                do_not_contact_item = do_not_contact_item_data.to_dict()
                do_not_contact.append(do_not_contact_item)

        frequency_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.frequency_rules, Unset):
            frequency_rules = []
            for frequency_rules_item_data in self.frequency_rules:
                frequency_rules_item = frequency_rules_item_data.to_dict()
                frequency_rules.append(frequency_rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_published is not UNSET:
            field_dict["isPublished"] = is_published
        if date_added is not UNSET:
            field_dict["dateAdded"] = date_added
        if date_modified is not UNSET:
            field_dict["dateModified"] = date_modified
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if created_by_user is not UNSET:
            field_dict["createdByUser"] = created_by_user
        if modified_by is not UNSET:
            field_dict["modifiedBy"] = modified_by
        if modified_by_user is not UNSET:
            field_dict["modifiedByUser"] = modified_by_user
        if points is not UNSET:
            field_dict["points"] = points
        if color is not UNSET:
            field_dict["color"] = color
        if fields is not UNSET:
            field_dict["fields"] = fields
        if last_active is not UNSET:
            field_dict["lastActive"] = last_active
        if owner is not UNSET:
            field_dict["owner"] = owner
        if ip_addresses is not UNSET:
            field_dict["ipAddresses"] = ip_addresses
        if tags is not UNSET:
            field_dict["tags"] = tags
        if utmtags is not UNSET:
            field_dict["utmtags"] = utmtags
        if stage is not UNSET:
            field_dict["stage"] = stage
        if date_identified is not UNSET:
            field_dict["dateIdentified"] = date_identified
        if preferred_profile_image is not UNSET:
            field_dict["preferredProfileImage"] = preferred_profile_image
        if do_not_contact is not UNSET:
            field_dict["doNotContact"] = do_not_contact
        if frequency_rules is not UNSET:
            field_dict["frequencyRules"] = frequency_rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_fields import ContactFields  # noqa: PLC0415
        from ..models.do_not_contact import DoNotContact  # noqa: PLC0415
        from ..models.frequency_rule import FrequencyRule  # noqa: PLC0415
        from ..models.ip_address import IpAddress  # noqa: PLC0415
        from ..models.ip_address_map import IpAddressMap  # noqa: PLC0415
        from ..models.stage import Stage  # noqa: PLC0415
        from ..models.tag import Tag  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415
        from ..models.utm_tag import UtmTag  # noqa: PLC0415

        d = dict(src_dict)
        is_published = d.pop("isPublished", UNSET)

        _date_added = d.pop("dateAdded", UNSET)
        date_added: datetime.datetime | Unset
        if isinstance(_date_added, Unset):
            date_added = UNSET
        else:
            date_added = datetime.datetime.fromisoformat(_date_added)

        def _parse_date_modified(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_modified_type_0 = datetime.datetime.fromisoformat(data)

                return date_modified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_modified = _parse_date_modified(d.pop("dateModified", UNSET))

        def _parse_created_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))

        def _parse_created_by_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by_user = _parse_created_by_user(d.pop("createdByUser", UNSET))

        def _parse_modified_by(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        modified_by = _parse_modified_by(d.pop("modifiedBy", UNSET))

        def _parse_modified_by_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        modified_by_user = _parse_modified_by_user(d.pop("modifiedByUser", UNSET))

        points = d.pop("points", UNSET)

        def _parse_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))

        _fields = d.pop("fields", UNSET)
        fields: ContactFields | Unset
        if isinstance(_fields, Unset):
            fields = UNSET
        else:
            fields = ContactFields.from_dict(_fields)

        def _parse_last_active(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_active_type_0 = datetime.datetime.fromisoformat(data)

                return last_active_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_active = _parse_last_active(d.pop("lastActive", UNSET))

        def _parse_owner(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                owner_type_0 = User.from_dict(data)

                return owner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_ip_addresses(data: object) -> IpAddressMap | list[IpAddress] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ip_addresses_type_0 = []
                _ip_addresses_type_0 = data
                for ip_addresses_type_0_item_data in _ip_addresses_type_0:
                    ip_addresses_type_0_item = IpAddress.from_dict(ip_addresses_type_0_item_data)

                    ip_addresses_type_0.append(ip_addresses_type_0_item)

                return ip_addresses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            ip_addresses_type_1 = IpAddressMap.from_dict(data)

            return ip_addresses_type_1

        ip_addresses = _parse_ip_addresses(d.pop("ipAddresses", UNSET))

        _tags = d.pop("tags", UNSET)
        tags: list[Tag] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = Tag.from_dict(tags_item_data)

                tags.append(tags_item)

        _utmtags = d.pop("utmtags", UNSET)
        utmtags: list[UtmTag] | Unset = UNSET
        if _utmtags is not UNSET:
            utmtags = []
            for utmtags_item_data in _utmtags:
                utmtags_item = UtmTag.from_dict(utmtags_item_data)

                utmtags.append(utmtags_item)

        def _parse_stage(data: object) -> None | Stage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stage_type_0 = Stage.from_dict(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_date_identified(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_identified_type_0 = datetime.datetime.fromisoformat(data)

                return date_identified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_identified = _parse_date_identified(d.pop("dateIdentified", UNSET))

        def _parse_preferred_profile_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_profile_image = _parse_preferred_profile_image(d.pop("preferredProfileImage", UNSET))

        _do_not_contact = d.pop("doNotContact", UNSET)
        do_not_contact: list[DoNotContact] | Unset = UNSET
        if _do_not_contact is not UNSET:
            do_not_contact = []
            for do_not_contact_item_data in _do_not_contact:
                do_not_contact_item = DoNotContact.from_dict(do_not_contact_item_data)

                do_not_contact.append(do_not_contact_item)

        _frequency_rules = d.pop("frequencyRules", UNSET)
        frequency_rules: list[FrequencyRule] | Unset = UNSET
        if _frequency_rules is not UNSET:
            frequency_rules = []
            for frequency_rules_item_data in _frequency_rules:
                frequency_rules_item = FrequencyRule.from_dict(frequency_rules_item_data)

                frequency_rules.append(frequency_rules_item)

        contact_base = cls(
            is_published=is_published,
            date_added=date_added,
            date_modified=date_modified,
            created_by=created_by,
            created_by_user=created_by_user,
            modified_by=modified_by,
            modified_by_user=modified_by_user,
            points=points,
            color=color,
            fields=fields,
            last_active=last_active,
            owner=owner,
            ip_addresses=ip_addresses,
            tags=tags,
            utmtags=utmtags,
            stage=stage,
            date_identified=date_identified,
            preferred_profile_image=preferred_profile_image,
            do_not_contact=do_not_contact,
            frequency_rules=frequency_rules,
        )

        contact_base.additional_properties = d
        return contact_base

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
