"""The ``search`` language of GET /contacts (reference §3.4)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mautic_mock import FakeMautic

DATA = {
    "stages": [{"name": "Customer"}, {"name": "Lead"}],
    "segments": [{"name": "News", "alias": "news"}, {"name": "VIP", "alias": "vip"}],
    "companies": [{"companyname": "Acme Corp"}, {"companyname": "Globex"}],
    "contacts": [
        {
            "email": "john.smith@example.com",
            "firstname": "John",
            "lastname": "Smith",
            "city": "Boston",
            "tags": ["golf", "vip-tag"],
            "owner": 1,
            "stage": "Customer",
            "companies": ["Acme Corp"],
            "segments": ["news", "vip"],
            "ipAddress": "203.0.113.5",
        },
        {
            "email": "jane@example.org",
            "firstname": "Jane",
            "lastname": "Doe",
            "city": "Bordeaux",
            "tags": ["tennis"],
            "owner": 2,
            "stage": "Lead",
            "companies": ["Globex"],
            "segments": ["news", {"segment": "vip", "manuallyRemoved": True}],
        },
        {"email": "sam@example.net", "firstname": "Sam", "lastname": "Smithers", "city": "Oslo"},
        {"city": "Anonymous town", "tags": ["golf"]},
    ],
}


@pytest.fixture
def people() -> Any:
    fake = FakeMautic(data=DATA)
    with httpx.Client(
        transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
    ) as http:
        yield http
    fake.close()


def found(http: httpx.Client, search: str) -> list[int]:
    response = http.get("/contacts", params={"search": search, "orderBy": "id"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == str(len(body["contacts"]))
    return [int(k) for k in body["contacts"]]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("smith", [1, 3]),
        ("SMITH", [1, 3]),
        ("boston", [1]),
        ("example.org", [2]),
        ('"john smith"', []),
        ('"anonymous town"', [4]),
        ("smith !sam", [1]),
        ("jane OR sam", [2, 3]),
        ("jane or sam", [2, 3]),
        ("jo smith", [1]),
        ("(jane OR sam) smith", [3]),
        ("+smith", [1]),  # strict: the whole column, no wildcards
        ("+smit", []),
        ("sm%s", [3]),  # % is the user's wildcard
        ("email:jane", [2]),
        ("email:example", []),
        ("email:+jane@example.org", [2]),
        ("name:smith", [1, 3]),
        ("name:j", [1, 2]),
        ("tag:golf", [1, 4]),
        ("tag:vip", [1]),
        ("!tag:golf", [1, 2]),  # some tag NOT LIKE 'golf%' (vip-tag, tennis); untagged contacts drop out
        ("ids:1,3", [1, 3]),
        ("ids:x", []),
        ("is:anonymous", [4]),
        ("!is:anonymous", [1, 2, 3]),
        ("is:mine", [1]),
        ("is:unowned", [3, 4]),
        ("segment:news", [1, 2]),
        ("segment:vip", [1]),
        ("segment:nope", []),
        ("common:news+vip", [1]),
        ("owner:sales", [2]),
        ("owner:adm", [1]),
        ("company:acme", [1]),
        ("company:globex", [2]),
        ("stage:cust", [1]),
        ("ip:203.0", [1]),
        ("city:bo", [1, 2]),
        ("lastname:smith", [1, 3]),
        ("email_sent:1", []),
        ("foo:bar", []),
    ],
)
def test_search(people: httpx.Client, search: str, expected: list[int]) -> None:
    assert found(people, search) == expected


def test_search_combines_with_where(people: httpx.Client) -> None:
    params = {"search": "smith", "where[0][col]": "city", "where[0][expr]": "eq", "where[0][val]": "Oslo"}
    assert list(people.get("/contacts", params=params).json()["contacts"]) == ["3"]
