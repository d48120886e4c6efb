"""Batch bodies go out as the client checked them, without the generated request models: that is only
right while the round trip through those models gives every body back unchanged, which this holds."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mautic_contacts import Mautic
from mautic_contacts._arguments import write_body
from mautic_contacts._operations import _patch_body
from mautic_contacts_client import models as gen

RICH: list[dict[str, Any]] = [
    {"email": "a@example.com", "firstname": "Ann", "points": 5, "tags": ["vip", "-old"], "owner": 1},
    {"email": "b@example.com", "owner": None, "stage": None, "tags": "one,two", "companies": [3, 4]},
    {"email": "c@example.com", "stage": 2, "ipAddress": "10.0.0.1", "overwriteWithBlank": True},
    {"email": "d@example.com", "lastActive": datetime.datetime(2024, 5, 1, 8, 30, tzinfo=datetime.UTC)},
    {"email": "e@example.com", "doNotContact": [{"reason": 3, "comments": "asked", "channel": "email"}]},
    {
        "email": "f@example.com",
        "frequencyRules": {"email": {"frequency_number": 2, "frequency_time": "WEEK"}},
    },
    {
        "email": "g@example.com",
        "member_no": None,
        "city": "",
        "shoe_size": Decimal("42.5"),
        "date": datetime.date(2024, 1, 2),
    },
    {"email": "h@example.com", "custom_multi": ["a", "b"], "custom_bool": False, "custom_int": 0},
]


@pytest.mark.parametrize("item", RICH)
def test_the_generated_models_give_every_checked_body_back(item: dict[str, Any]) -> None:
    body = write_body(item)
    assert gen.ContactInput.from_dict(body).to_dict() == body
    edit = {"id": 7, **_patch_body(item)}
    assert gen.ContactBatchEditItem.from_dict(edit).to_dict() == edit


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@given(st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,10}", fullmatch=True), json_values, max_size=6))
def test_custom_fields_of_any_json_shape_round_trip(extra: dict[str, Any]) -> None:
    body = write_body({"email": "x@example.com", **extra})
    try:
        model = gen.ContactInput.from_dict(body)
    except (TypeError, ValueError, KeyError, AttributeError):
        return  # a body the generated model cannot even hold: the server-side shape is what counts
    assert model.to_dict() == body


def test_create_many_sends_the_checked_bodies_unchanged() -> None:
    sent: list[Any] = []

    def answer(request: httpx.Request) -> httpx.Response:
        items = json.loads(request.content)
        sent.extend(items)
        contacts = [
            {"id": i + 1, "fields": {"all": {"email": item["email"]}}} for i, item in enumerate(items)
        ]
        return httpx.Response(201, json={"contacts": contacts, "statusCodes": [201] * len(items)})

    with Mautic("http://mautic.test", username="u", password="p", transport=httpx.MockTransport(answer)) as m:
        result = m.contacts.create_many(RICH)
    assert [item.status_code for item in result] == [201] * len(RICH)
    assert sent == [write_body(item) for item in RICH]
