"""Contact and the result wrappers: the shapes Mautic sends, normalised."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from mautic_contacts import (
    ActivityPage,
    BatchError,
    BatchItem,
    BatchResult,
    CampaignMembership,
    CompanyLink,
    Contact,
    ContactPage,
    DncReason,
    ErrorDetail,
    FieldDefinition,
    MauticError,
    Segment,
)
from mautic_contacts_client import models as gen

FIELD = {"id": "6", "label": "Email", "alias": "email", "type": "email", "group": "core"}


def test_fields_come_from_fields_all_without_the_contact_id() -> None:
    contact = Contact.from_dict(
        {
            "id": 47,
            "points": 10,
            "fields": {
                "core": {"email": {**FIELD, "value": "jim@example.com"}},
                "social": [],
                "personal": [],
                "professional": [],
                "all": {"id": "47", "email": "jim@example.com", "shoe_size": 44, "vip": True},
            },
            "tags": [{"id": 1, "tag": "vip"}, {"id": 2, "tag": "Won&#39;t buy"}],
            "owner": {"id": 1, "username": "admin", "firstName": "Admin", "lastName": "User"},
            "doNotContact": [{"id": 1, "reason": 1, "channel": "email", "comments": ""}],
        }
    )
    assert contact.fields == {"email": "jim@example.com", "shoe_size": 44, "vip": True}
    assert (contact.id, contact.points, contact.email) == (47, 10, "jim@example.com")
    assert contact.tags == ["vip", "Won&#39;t buy"]
    assert contact.owner is not None
    assert (contact.owner.id, contact.owner.username, contact.owner.name) == (1, "admin", "Admin User")
    assert contact.do_not_contact[0].reason is DncReason.UNSUBSCRIBED
    assert contact.raw["fields"]["all"]["shoe_size"] == 44
    assert contact.model.id == 47


def test_fields_from_groups_when_all_is_missing() -> None:
    contact = Contact.from_dict(
        {
            "id": 5,
            "fields": {
                "core": {"email": {**FIELD, "value": "a@b.c"}, "city": {"alias": "city"}},
                "social": {"twitter": {"alias": "twitter", "value": "@a"}},
                "personal": [],
                "professional": [],
            },
            "email": "a@b.c",
        }
    )
    assert contact.fields == {"email": "a@b.c", "city": None, "twitter": "@a"}
    assert contact.points is None
    assert contact.owner is None


def test_fields_from_top_level_columns_of_the_dnc_and_utm_answers() -> None:
    contact = Contact.from_dict(
        {"id": 5, "points": 4, "firstname": "Ann", "email": "a@b.c", "attribution": 4.0, "eventLog": {"x": 1}}
    )
    assert contact.fields == {"firstname": "Ann", "email": "a@b.c", "attribution": 4.0}


def test_unknown_dnc_reasons_stay_ints() -> None:
    contact = Contact.from_dict({"id": 1, "doNotContact": [{"reason": 7, "channel": "sms"}]})
    assert contact.do_not_contact[0].reason == 7
    assert not isinstance(contact.do_not_contact[0].reason, DncReason)


def test_repr_is_short_and_useful() -> None:
    contact = Contact.from_dict(
        {
            "id": 9,
            "points": 1,
            "fields": {"all": {"email": "x" * 300 + "@example.com", "notes": "n" * 10_000}},
            "tags": [{"tag": f"t{i}"} for i in range(40)],
        },
        created=True,
    )
    text = repr(contact)
    assert text.startswith("Contact(id=9, email='xxx")
    assert "+35 more" in text
    assert "created=True" in text
    assert len(text) < 250
    assert "nnnn" not in text


def test_contact_equality_follows_the_model() -> None:
    a = Contact.from_dict({"id": 1, "points": 2})
    assert a == Contact.from_dict({"id": 1, "points": 2})
    assert a != Contact.from_dict({"id": 1, "points": 3})
    with pytest.raises(TypeError):
        Contact({"id": 1})  # type: ignore[arg-type]


def test_contact_page_normalises_string_totals_and_php_empty_arrays() -> None:
    page = ContactPage.from_model(
        gen.ContactList.from_dict({"total": "2", "contacts": {"9": {"id": 9}, "3": {"id": 3}}})
    )
    assert page.total == 2
    assert [c.id for c in page] == [9, 3]  # server order, not key order
    assert page[1].id == 3
    empty = ContactPage.from_model(gen.ContactList.from_dict({"total": 0, "contacts": []}))
    assert (empty.total, empty.contacts, len(empty)) == (0, [], 0)


def test_batch_result_views() -> None:
    good = Contact.from_dict({"id": 1})
    result = BatchResult([BatchItem(0, 201, good), BatchItem(1, 400, None, None)])
    assert not result.ok
    assert [i.index for i in result.failed] == [1]
    assert result.contacts == [good]
    assert len(result) == 2
    assert result[0].contact is good
    assert list(result)[1].status_code == 400
    assert repr(result) == "BatchResult(items=2, failed=1)"


def test_related_record_wrappers() -> None:
    campaign = CampaignMembership.from_model(
        gen.CampaignMembership.from_dict(
            {"id": "4", "name": "W", "listMembership": ["3", 5], "manuallyAdded": True}
        )
    )
    assert (campaign.id, campaign.segment_ids, campaign.manually_added) == (4, [3, 5], True)
    company = CompanyLink.from_model(
        gen.CompanyRow.from_dict(
            {"company_id": "420", "is_primary": "1", "companyname": "Acme", "companycity": "Paris"}
        )
    )
    assert (company.company_id, company.is_primary, company.name) == (420, True, "Acme")
    assert company.values["companycity"] == "Paris"
    field = FieldDefinition.from_model(
        gen.FieldDefinition.from_dict({"id": "2", "alias": "firstname", "order": "2"})
    )
    assert (field.id, field.order, field.alias) == (2, 2, "firstname")
    assert Segment.from_model(gen.SegmentSummary.from_dict({"id": "3", "name": "N", "alias": "n"})).id == 3
    with pytest.raises(ValueError, match="integer"):
        FieldDefinition.from_model(gen.FieldDefinition.from_dict({"id": "two"}))


def test_activity_page() -> None:
    page = ActivityPage.from_model(
        gen.ActivityResponse.from_dict(
            {
                "events": [
                    {
                        "event": "page.hit",
                        "eventId": "page.hit1",
                        "eventLabel": {"label": "Home", "href": "/"},
                        "timestamp": "2024-10-24T15:54:36+00:00",
                        "contactId": "47",
                        "details": [],
                    }
                ],
                "total": 1,
                "page": 1,
                "limit": 25,
                "maxPages": 1.0,
                "types": {"page.hit": "Page hit"},
            }
        )
    )
    (event,) = page.events
    assert (event.label, event.contact_id, event.timestamp.year if event.timestamp else None) == (
        "Home",
        47,
        2024,
    )
    assert (page.max_pages, page.types) == (1, {"page.hit": "Page hit"})


def _big_contact(i: int) -> dict[str, object]:
    return {"id": i, "points": i, "fields": {"all": {"email": f"c{i}@example.com", "notes": "n" * 2000}}}


def test_page_reprs_are_summaries() -> None:
    page = ContactPage.from_model(
        gen.ContactList.from_dict(
            {"total": "5000", "contacts": {str(i): _big_contact(i) for i in range(1, 501)}}
        )
    )
    text = repr(page)
    assert text.startswith("ContactPage(total=5000, contacts=[Contact(id=1, email='c1@example.com'")
    assert text.endswith(", +497 more])")
    assert len(text) < 400
    few = ContactPage.from_model(gen.ContactList.from_dict({"total": 1, "contacts": {"4": {"id": 4}}}))
    assert repr(few) == "ContactPage(total=1, contacts=[Contact(id=4)])"
    events = [
        {"event": "form.submitted", "eventId": f"f{i}", "details": {"body": "x" * 5000}, "contactId": 3}
        for i in range(300)
    ]
    activity = ActivityPage.from_model(
        gen.ActivityResponse.from_dict(
            {"events": events, "total": 300, "page": 1, "limit": 300, "maxPages": 1}
        )
    )
    text = repr(activity)
    assert text.startswith(
        "ActivityPage(total=300, page=1, max_pages=1, events=[ActivityEvent(event='form.submitted'"
    )
    assert "+297 more" in text
    assert "xxxx" not in text
    assert len(text) < 800


def test_raise_for_errors_names_the_failed_items() -> None:
    ok = BatchResult([BatchItem(0, 201, Contact.from_dict({"id": 1}))])
    assert ok.raise_for_errors() is ok
    invalid = ErrorDetail("email: foo is invalid.", 400, MappingProxyType({"email": ("foo is invalid.",)}))
    result = BatchResult(
        [
            BatchItem(0, 201, Contact.from_dict({"id": 1})),
            BatchItem(1, 400, None, invalid),
            BatchItem(2, 404, None, ErrorDetail("Item was not found.", 404)),
            *(BatchItem(i, 500, None, ErrorDetail("boom", 500)) for i in range(3, 6)),
        ]
    )
    with pytest.raises(BatchError) as caught:
        result.raise_for_errors()
    assert isinstance(caught.value, MauticError)
    assert str(caught.value) == (
        "5 of 6 batch items failed: item 1: 400 email: foo is invalid.; item 2: 404 Item was not found.; "
        "item 3: 500 boom (+2 more)"
    )
    assert caught.value.result is result
    assert [item.index for item in caught.value.failed] == [1, 2, 3, 4, 5]


def test_contact_ids_are_ints_even_when_sent_as_text() -> None:
    contact = Contact.from_dict({"id": "7", "points": 1})
    assert contact.id == 7
    assert type(contact.id) is int
    assert repr(contact) == "Contact(id=7, points=1)"
    page = ContactPage.from_model(gen.ContactList.from_dict({"total": "1", "contacts": {"7": {"id": "7"}}}))
    assert [c.id for c in page] == [7]
    with pytest.raises(ValueError, match="must be an integer, the server sent None"):
        _ = Contact.from_dict({"id": None}).id
    with pytest.raises(ValueError, match="must be an integer, the server sent 'abc'"):
        _ = Contact.from_dict({"id": "abc"}).id
