from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.do_not_contact_input import DoNotContactInput
    from ..models.frequency_rule_input_map import FrequencyRuleInputMap


T = TypeVar("T", bound="ContactBatchEditItem")


@_attrs_define
class ContactBatchEditItem:
    """A contact write body that names the contact to edit by `id`.

    Attributes:
        id (int): Id of the contact to edit.
        overwrite_with_blank (bool | Unset): Let blank values overwrite existing ones. Default false, except for PUT
            where it is always
            true (false cannot switch it off). PHP `empty()` decides: the string `"false"` counts as
            true — send a JSON boolean.
        owner (int | None | Unset): Id of a published Mautic user; `null` removes the owner, omitting it keeps the
            owner.
        stage (int | None | Unset): Id of a published stage; omitting it keeps the stage.
        tags (list[str] | str | Unset): Tags to add, as an array or a comma-separated string; a leading `-` removes that
            tag. Tags are
            never replaced as a whole; numeric strings are tag names, not ids. Names match exactly, case
            included: `vip` is a different tag from `VIP`, and `-vip` leaves `VIP` in place (the tag
            search `tag:vip` still finds both).
        companies (list[int] | Unset): Ids of companies; the contact's company links become exactly this set. A value
            that is not
            an array answers 500.
        ip_address (str | Unset): IP address to add to the contact (unless it is on the do-not-track list).
        lastActive (str | Unset): Last activity, `Y-m-d H:i:s` in UTC (any `strtotime` string is accepted; an
            unparseable one
            becomes 1970-01-01 00:00:00). The documentation's `Y-m-d H:m:i` is a typo.
        do_not_contact (list[DoNotContactInput] | Unset): Do-not-contact records to add, update or (with reason 0)
            remove.
        frequency_rules (FrequencyRuleInputMap | Unset): Contact frequency rules keyed by channel (`email`, `sms`, ...).
            Invalid rules answer 400 for
            single writes and are ignored in batches.
        title (None | str | Unset): Title (lookup; Mr, Mrs, Miss by default).
        firstname (None | str | Unset):
        lastname (None | str | Unset):
        company (None | str | Unset): Primary company name; the contact is linked to a company of that name (created if
            needed), a blank value removes the primary link.
        position (None | str | Unset):
        email (None | str | Unset): Email address; the default unique identifier.
        mobile (None | str | Unset):
        phone (None | str | Unset):
        points (int | None | Unset): Points. Ignored by POST and PATCH when 0 or empty; PUT writes it (0 when omitted).
        fax (None | str | Unset):
        address1 (None | str | Unset):
        address2 (None | str | Unset):
        city (None | str | Unset):
        state (None | str | Unset): Region name (choice list).
        zipcode (None | str | Unset):
        country (None | str | Unset): Country name in English (choice list), e.g. `United States`.
        preferred_locale (None | str | Unset): Locale code, e.g. `es_SV`.
        timezone (None | str | Unset): PHP time-zone id, e.g. `Europe/Paris`.
        last_active (None | str | Unset): Date-time string.
        attribution_date (None | str | Unset): Date-time string.
        attribution (float | None | Unset): Number with two decimals.
        website (None | str | Unset):
        facebook (None | str | Unset):
        foursquare (None | str | Unset):
        instagram (None | str | Unset):
        linkedin (None | str | Unset):
        skype (None | str | Unset):
        twitter (None | str | Unset):
    """

    id: int
    overwrite_with_blank: bool | Unset = UNSET
    owner: int | None | Unset = UNSET
    stage: int | None | Unset = UNSET
    tags: list[str] | str | Unset = UNSET
    companies: list[int] | Unset = UNSET
    ip_address: str | Unset = UNSET
    lastActive: str | Unset = UNSET
    do_not_contact: list[DoNotContactInput] | Unset = UNSET
    frequency_rules: FrequencyRuleInputMap | Unset = UNSET
    title: None | str | Unset = UNSET
    firstname: None | str | Unset = UNSET
    lastname: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    position: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    mobile: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    points: int | None | Unset = UNSET
    fax: None | str | Unset = UNSET
    address1: None | str | Unset = UNSET
    address2: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    state: None | str | Unset = UNSET
    zipcode: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    preferred_locale: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    last_active: None | str | Unset = UNSET
    attribution_date: None | str | Unset = UNSET
    attribution: float | None | Unset = UNSET
    website: None | str | Unset = UNSET
    facebook: None | str | Unset = UNSET
    foursquare: None | str | Unset = UNSET
    instagram: None | str | Unset = UNSET
    linkedin: None | str | Unset = UNSET
    skype: None | str | Unset = UNSET
    twitter: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        overwrite_with_blank = self.overwrite_with_blank

        owner: int | None | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        stage: int | None | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        else:
            stage = self.stage

        tags: list[str] | str | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        companies: list[int] | Unset = UNSET
        if not isinstance(self.companies, Unset):
            companies = self.companies

        ip_address = self.ip_address

        lastActive = self.lastActive

        do_not_contact: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.do_not_contact, Unset):
            do_not_contact = []
            for do_not_contact_item_data in self.do_not_contact:
                do_not_contact_item = do_not_contact_item_data.to_dict()
                do_not_contact.append(do_not_contact_item)

        frequency_rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.frequency_rules, Unset):
            frequency_rules = self.frequency_rules.to_dict()

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        firstname: None | str | Unset
        if isinstance(self.firstname, Unset):
            firstname = UNSET
        else:
            firstname = self.firstname

        lastname: None | str | Unset
        if isinstance(self.lastname, Unset):
            lastname = UNSET
        else:
            lastname = self.lastname

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        mobile: None | str | Unset
        if isinstance(self.mobile, Unset):
            mobile = UNSET
        else:
            mobile = self.mobile

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        points: int | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        else:
            points = self.points

        fax: None | str | Unset
        if isinstance(self.fax, Unset):
            fax = UNSET
        else:
            fax = self.fax

        address1: None | str | Unset
        if isinstance(self.address1, Unset):
            address1 = UNSET
        else:
            address1 = self.address1

        address2: None | str | Unset
        if isinstance(self.address2, Unset):
            address2 = UNSET
        else:
            address2 = self.address2

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        zipcode: None | str | Unset
        if isinstance(self.zipcode, Unset):
            zipcode = UNSET
        else:
            zipcode = self.zipcode

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        preferred_locale: None | str | Unset
        if isinstance(self.preferred_locale, Unset):
            preferred_locale = UNSET
        else:
            preferred_locale = self.preferred_locale

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        last_active: None | str | Unset
        if isinstance(self.last_active, Unset):
            last_active = UNSET
        else:
            last_active = self.last_active

        attribution_date: None | str | Unset
        if isinstance(self.attribution_date, Unset):
            attribution_date = UNSET
        else:
            attribution_date = self.attribution_date

        attribution: float | None | Unset
        if isinstance(self.attribution, Unset):
            attribution = UNSET
        else:
            attribution = self.attribution

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        facebook: None | str | Unset
        if isinstance(self.facebook, Unset):
            facebook = UNSET
        else:
            facebook = self.facebook

        foursquare: None | str | Unset
        if isinstance(self.foursquare, Unset):
            foursquare = UNSET
        else:
            foursquare = self.foursquare

        instagram: None | str | Unset
        if isinstance(self.instagram, Unset):
            instagram = UNSET
        else:
            instagram = self.instagram

        linkedin: None | str | Unset
        if isinstance(self.linkedin, Unset):
            linkedin = UNSET
        else:
            linkedin = self.linkedin

        skype: None | str | Unset
        if isinstance(self.skype, Unset):
            skype = UNSET
        else:
            skype = self.skype

        twitter: None | str | Unset
        if isinstance(self.twitter, Unset):
            twitter = UNSET
        else:
            twitter = self.twitter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if overwrite_with_blank is not UNSET:
            field_dict["overwriteWithBlank"] = overwrite_with_blank
        if owner is not UNSET:
            field_dict["owner"] = owner
        if stage is not UNSET:
            field_dict["stage"] = stage
        if tags is not UNSET:
            field_dict["tags"] = tags
        if companies is not UNSET:
            field_dict["companies"] = companies
        if ip_address is not UNSET:
            field_dict["ipAddress"] = ip_address
        if lastActive is not UNSET:
            field_dict["lastActive"] = lastActive
        if do_not_contact is not UNSET:
            field_dict["doNotContact"] = do_not_contact
        if frequency_rules is not UNSET:
            field_dict["frequencyRules"] = frequency_rules
        if title is not UNSET:
            field_dict["title"] = title
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if company is not UNSET:
            field_dict["company"] = company
        if position is not UNSET:
            field_dict["position"] = position
        if email is not UNSET:
            field_dict["email"] = email
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if phone is not UNSET:
            field_dict["phone"] = phone
        if points is not UNSET:
            field_dict["points"] = points
        if fax is not UNSET:
            field_dict["fax"] = fax
        if address1 is not UNSET:
            field_dict["address1"] = address1
        if address2 is not UNSET:
            field_dict["address2"] = address2
        if city is not UNSET:
            field_dict["city"] = city
        if state is not UNSET:
            field_dict["state"] = state
        if zipcode is not UNSET:
            field_dict["zipcode"] = zipcode
        if country is not UNSET:
            field_dict["country"] = country
        if preferred_locale is not UNSET:
            field_dict["preferred_locale"] = preferred_locale
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if last_active is not UNSET:
            field_dict["last_active"] = last_active
        if attribution_date is not UNSET:
            field_dict["attribution_date"] = attribution_date
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if website is not UNSET:
            field_dict["website"] = website
        if facebook is not UNSET:
            field_dict["facebook"] = facebook
        if foursquare is not UNSET:
            field_dict["foursquare"] = foursquare
        if instagram is not UNSET:
            field_dict["instagram"] = instagram
        if linkedin is not UNSET:
            field_dict["linkedin"] = linkedin
        if skype is not UNSET:
            field_dict["skype"] = skype
        if twitter is not UNSET:
            field_dict["twitter"] = twitter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.do_not_contact_input import DoNotContactInput  # noqa: PLC0415
        from ..models.frequency_rule_input_map import FrequencyRuleInputMap  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        overwrite_with_blank = d.pop("overwriteWithBlank", UNSET)

        def _parse_owner(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_stage(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_tags(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = data

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        companies = cast(list[int], d.pop("companies", UNSET))

        ip_address = d.pop("ipAddress", UNSET)

        lastActive = d.pop("lastActive", UNSET)

        _do_not_contact = d.pop("doNotContact", UNSET)
        do_not_contact: list[DoNotContactInput] | Unset = UNSET
        if _do_not_contact is not UNSET:
            do_not_contact = []
            for do_not_contact_item_data in _do_not_contact:
                do_not_contact_item = DoNotContactInput.from_dict(do_not_contact_item_data)

                do_not_contact.append(do_not_contact_item)

        _frequency_rules = d.pop("frequencyRules", UNSET)
        frequency_rules: FrequencyRuleInputMap | Unset
        if isinstance(_frequency_rules, Unset):
            frequency_rules = UNSET
        else:
            frequency_rules = FrequencyRuleInputMap.from_dict(_frequency_rules)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_firstname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        firstname = _parse_firstname(d.pop("firstname", UNSET))

        def _parse_lastname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lastname = _parse_lastname(d.pop("lastname", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_mobile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile = _parse_mobile(d.pop("mobile", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))

        def _parse_fax(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fax = _parse_fax(d.pop("fax", UNSET))

        def _parse_address1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address1 = _parse_address1(d.pop("address1", UNSET))

        def _parse_address2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address2 = _parse_address2(d.pop("address2", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_zipcode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zipcode = _parse_zipcode(d.pop("zipcode", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_preferred_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_locale = _parse_preferred_locale(d.pop("preferred_locale", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_last_active(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_active = _parse_last_active(d.pop("last_active", UNSET))

        def _parse_attribution_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attribution_date = _parse_attribution_date(d.pop("attribution_date", UNSET))

        def _parse_attribution(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        attribution = _parse_attribution(d.pop("attribution", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        def _parse_facebook(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        facebook = _parse_facebook(d.pop("facebook", UNSET))

        def _parse_foursquare(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        foursquare = _parse_foursquare(d.pop("foursquare", UNSET))

        def _parse_instagram(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instagram = _parse_instagram(d.pop("instagram", UNSET))

        def _parse_linkedin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linkedin = _parse_linkedin(d.pop("linkedin", UNSET))

        def _parse_skype(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        skype = _parse_skype(d.pop("skype", UNSET))

        def _parse_twitter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        twitter = _parse_twitter(d.pop("twitter", UNSET))

        contact_batch_edit_item = cls(
            id=id,
            overwrite_with_blank=overwrite_with_blank,
            owner=owner,
            stage=stage,
            tags=tags,
            companies=companies,
            ip_address=ip_address,
            lastActive=lastActive,
            do_not_contact=do_not_contact,
            frequency_rules=frequency_rules,
            title=title,
            firstname=firstname,
            lastname=lastname,
            company=company,
            position=position,
            email=email,
            mobile=mobile,
            phone=phone,
            points=points,
            fax=fax,
            address1=address1,
            address2=address2,
            city=city,
            state=state,
            zipcode=zipcode,
            country=country,
            preferred_locale=preferred_locale,
            timezone=timezone,
            last_active=last_active,
            attribution_date=attribution_date,
            attribution=attribution,
            website=website,
            facebook=facebook,
            foursquare=foursquare,
            instagram=instagram,
            linkedin=linkedin,
            skype=skype,
            twitter=twitter,
        )

        contact_batch_edit_item.additional_properties = d
        return contact_batch_edit_item

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
