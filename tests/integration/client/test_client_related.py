"""Lookups (owners, fields, segments) and a contact's related records (notes, segments, campaigns,
companies, devices, activity)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from client_support import Api, Target, fake_api
from mautic_contacts import FieldDefinition, NotFoundError, User
from mautic_mock import FakeMautic

SEED: dict[str, Any] = {
    "segments": [{"name": "Newsletter", "alias": "newsletter"}, {"name": "VIP"}],
    "campaigns": [{"name": "Welcome", "segments": ["newsletter"]}, {"name": "Manual"}],
    "companies": [{"companyname": "Acme", "companycity": "Paris"}],
    "contacts": [
        {
            "email": "seed@contract-test.invalid",
            "owner": 1,
            "segments": ["newsletter"],
            "campaigns": ["Welcome", "Manual"],
            "companies": ["Acme"],
            "notes": [
                {"text": "Called", "type": "call", "dateTime": "2024-10-24 10:00:00"},
                {"text": "Hello", "dateTime": "2024-10-25 10:00:00"},
            ],
        }
    ],
}


async def test_owners_and_fields(api: Api) -> None:
    owners = await api.contacts.owners()
    assert owners
    assert all(isinstance(o, User) and isinstance(o.id, int) for o in owners)
    first = owners[0]
    assert first.name
    assert first.first_name is not None
    assert first.id in [o.id for o in await api.contacts.owners(filter=first.first_name)]
    assert len(await api.contacts.owners(limit=1)) == 1

    fields = await api.contacts.fields()
    assert all(isinstance(f, FieldDefinition) for f in fields)
    by_alias = {f.alias: f for f in fields if f.object == "lead"}
    assert by_alias["email"].type == "email"
    assert by_alias["firstname"].group == "core"
    assert isinstance(by_alias["email"].id, int)


async def test_related_records_of_a_new_contact_are_empty(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email()})
    notes = await api.contacts.notes(made.id)
    assert (notes.total, notes.items) == (0, [])
    assert await api.contacts.segments(made.id) == []
    assert await api.contacts.campaigns(made.id) == []
    assert await api.contacts.companies(made.id) == []
    devices = await api.contacts.devices(made.id)
    assert (devices.total, list(devices)) == (0, [])
    assert isinstance(await api.contacts.all_segments(), list)
    with pytest.raises(NotFoundError):
        await api.contacts.segments(made.id + 100_000)


async def test_activity_of_one_contact_and_of_all(api: Api, target: Target) -> None:
    made = await api.contacts.create({"email": target.email()})
    await api.contacts.add_dnc(made.id)

    timeline = await api.contacts.activity(made.id)
    kinds = [e.event for e in timeline.events]
    assert "lead.donotcontact" in kinds
    assert timeline.total == len(timeline.events)
    assert all(e.contact_id == made.id for e in timeline.events)
    assert timeline.types["lead.donotcontact"]
    stamps = [e.timestamp for e in timeline.events if e.timestamp is not None]
    assert stamps == sorted(stamps, reverse=True)

    only_dnc = await api.contacts.activity(made.id, include_events=["lead.donotcontact"])
    assert {e.event for e in only_dnc.events} == {"lead.donotcontact"}
    without = await api.contacts.activity(made.id, exclude_events=["lead.donotcontact"])
    assert "lead.donotcontact" not in {e.event for e in without.events}

    oldest_first = await api.contacts.activity(made.id, order_by="timestamp", order_by_dir="ASC")
    ascending = [e.timestamp for e in oldest_first.events if e.timestamp is not None]
    assert ascending == sorted(ascending)
    assert {e.event_id for e in oldest_first.events} == {e.event_id for e in timeline.events}

    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert (await api.contacts.activity(made.id, date_from=tomorrow)).events == []
    one = await api.contacts.activity(made.id, limit=1, page=1)
    assert one.limit == 1

    everyone = await api.contacts.activity(include_events=["lead.donotcontact"], limit=100)
    assert made.id in {e.contact_id for e in everyone.events}

    with pytest.raises(ValueError, match="naive"):
        await api.contacts.activity(made.id, date_from=datetime(2024, 1, 1))


@pytest.mark.fake_only
async def test_seeded_related_records(make_fake: Callable[..., FakeMautic], kind: str) -> None:
    api = fake_api(make_fake(data=SEED), kind)
    try:
        (seed,) = (await api.contacts.list(search="email:seed@contract-test.invalid")).contacts
        assert seed.owner is not None
        assert seed.owner.id == 1

        notes = await api.contacts.notes(seed.id, order_by_dir="ASC")
        assert notes.total == 2
        assert [(n.text, n.type) for n in notes] == [("Called", "call"), ("Hello", "general")]
        assert notes[0].date_time == datetime(2024, 10, 24, 10, tzinfo=UTC)
        assert [n.text for n in await api.contacts.notes(seed.id, search="Hello")] == ["Hello"]

        (segment,) = await api.contacts.segments(seed.id)
        assert (segment.name, segment.alias) == ("Newsletter", "newsletter")
        assert {s.name for s in await api.contacts.all_segments()} == {"Newsletter", "VIP"}

        campaigns = {c.name: c for c in await api.contacts.campaigns(seed.id)}
        assert set(campaigns) == {"Welcome", "Manual"}
        assert campaigns["Welcome"].segment_ids == [segment.id]
        assert campaigns["Manual"].segment_ids == []

        (company,) = await api.contacts.companies(seed.id)
        assert company.name == "Acme"
        assert isinstance(company.company_id, int)
        assert company.values["companycity"] == "Paris"
    finally:
        await api.close()
