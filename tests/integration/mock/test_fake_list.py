"""GET /contacts: where, order, paging, published, minimal (reference §3)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_mautic_support import generic_error, names
from mautic_mock import FakeMautic

PEOPLE = [
    {
        "email": "ann@example.com",
        "firstname": "Ann",
        "city": "Paris",
        "points": 5,
        "phone": "111",
        "lastActive": "2024-01-03 00:00:00",
        "shoe_size": 38,
    },
    {
        "email": "bob@example.com",
        "firstname": "Bob",
        "city": "Berlin",
        "points": 10,
        "phone": "222",
        "lastActive": "2024-01-01 00:00:00",
        "shoe_size": 44,
    },
    {
        "email": "cid@example.org",
        "firstname": "Cid",
        "city": "",
        "points": 15,
        "phone": "444444444",
        "lastActive": "2024-01-02 00:00:00",
        "shoe_size": 41,
    },
    {
        "email": "dee@example.org",
        "firstname": "Dee, Jr.",
        "points": 20,
        "phone": "888888888",
        "isPublished": False,
    },
]


@pytest.fixture
def people() -> Any:
    data = {"fields": [{"alias": "shoe_size", "label": "Shoe size", "type": "number"}], "contacts": PEOPLE}
    fake = FakeMautic(data=data)
    with httpx.Client(
        transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
    ) as http:
        yield http
    fake.close()


def where(*clauses: dict[str, Any]) -> dict[str, str]:
    params: dict[str, str] = {}

    def add(prefix: str, clause: dict[str, Any]) -> None:
        for key, value in clause.items():
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict):
                        add(f"{prefix}[{key}][{i}]", item)
                    else:
                        params[f"{prefix}[{key}][{i}]"] = str(item)
            else:
                params[f"{prefix}[{key}]"] = str(value)

    for index, clause in enumerate(clauses):
        add(f"where[{index}]", clause)
    return params


def test_default_answer_shape_and_order(people: httpx.Client) -> None:
    response = people.get("/contacts")
    body = response.json()
    assert body["total"] == "4"  # a string
    assert list(body["contacts"]) == [str(c["id"]) for c in body["contacts"].values()]
    # last_active DESC, nulls last
    assert names(response) == ["Ann", "Cid", "Bob", "Dee, Jr."]


def test_paging(people: httpx.Client) -> None:
    assert names(people.get("/contacts", params={"limit": 2, "start": 1})) == ["Cid", "Bob"]
    assert len(people.get("/contacts", params={"limit": 0}).json()["contacts"]) == 4
    body = people.get("/contacts", params={"limit": "abc"}).json()
    assert body == {"total": "4", "contacts": {}}
    for params in ({"limit": -1}, {"start": -5}):
        response = people.get("/contacts", params=params)
        assert response.status_code == 500
        assert response.json() == {"errors": [generic_error(500)]}


def test_default_limit_is_30(client: httpx.Client) -> None:
    client.post("/contacts/batch/new", json=[{"email": f"p{i}@example.com"} for i in range(35)])
    body = client.get("/contacts").json()
    assert body["total"] == "35"
    assert len(body["contacts"]) == 30


def test_order_by_columns_and_custom_fields(people: httpx.Client) -> None:
    assert names(people.get("/contacts", params={"orderBy": "points", "orderByDir": "desc"}))[0] == "Dee, Jr."
    assert names(people.get("/contacts", params={"orderBy": "shoe_size"}))[:3] == [
        "Dee, Jr.",
        "Ann",
        "Cid",
    ]
    assert names(people.get("/contacts", params={"orderBy": "l.email"}))[0] == "Ann"
    # a blank city is stored as NULL; NULLs sort first ascending, then email breaks the tie
    assert names(people.get("/contacts", params={"orderBy": "city,email", "orderByDir": "ASC"}))[:2] == [
        "Cid",
        "Dee, Jr.",
    ]
    params = {"order[0][col]": "points", "order[0][dir]": "DESC", "orderBy": "email"}
    assert names(people.get("/contacts", params=params))[0] == "Dee, Jr."
    for bad in (
        {"orderBy": "nope"},
        {"orderBy": "dateAdded"},  # ORM property names are not DB columns here
        {"orderBy": "x.email"},
        {"orderBy": "email", "orderByDir": "SIDEWAYS"},
        {"order[0][dir]": "ASC"},
    ):
        assert people.get("/contacts", params=bad).status_code == 500, bad


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ({"col": "firstname", "expr": "eq", "val": "bob"}, ["Bob"]),
        ({"col": "city", "expr": "neq", "val": "Paris"}, ["Bob"]),
        ({"col": "points", "expr": "lt", "val": "10"}, ["Ann"]),
        ({"col": "points", "expr": "lte", "val": "10"}, ["Ann", "Bob"]),
        ({"col": "points", "expr": "gt", "val": "10"}, ["Cid", "Dee, Jr."]),
        ({"col": "points", "expr": "gte", "val": "20"}, ["Dee, Jr."]),
        ({"col": "email", "expr": "like", "val": "%.org"}, ["Cid", "Dee, Jr."]),
        ({"col": "email", "expr": "notLike", "val": "%.org"}, ["Ann", "Bob"]),
        ({"col": "phone", "expr": "in", "val": "444444444,888888888"}, ["Cid", "Dee, Jr."]),
        ({"col": "phone", "expr": "notIn", "val": "111,222"}, ["Cid", "Dee, Jr."]),
        ({"col": "phone", "expr": "in", "val": "222"}, ["Bob"]),
        ({"col": "firstname", "expr": "in", "val": '"Dee, Jr.",Ann'}, ["Ann", "Dee, Jr."]),
        ({"col": "points", "expr": "between", "val": [5, 10]}, ["Ann", "Bob"]),
        ({"col": "points", "expr": "notBetween", "val": [5, 10]}, ["Cid", "Dee, Jr."]),
        ({"col": "city", "expr": "isNull"}, ["Cid", "Dee, Jr."]),
        ({"col": "city", "expr": "isNotNull"}, ["Ann", "Bob"]),
        ({"col": "city", "expr": "isEmpty"}, ["Cid", "Dee, Jr."]),
        ({"col": "city", "expr": "isNotEmpty"}, ["Ann", "Bob"]),
        ({"col": "shoe_size", "expr": "gte", "val": "41"}, ["Cid", "Bob"]),
        ({"col": "dateAdded", "expr": "isNotNull"}, ["Ann", "Cid", "Bob", "Dee, Jr."]),
        ({"col": "points", "expr": "between", "val": [5]}, ["Ann", "Cid", "Bob", "Dee, Jr."]),
        ({"col": "points", "expr": "comparison", "val": "5"}, ["Ann", "Cid", "Bob", "Dee, Jr."]),
        ({"col": "points", "expr": "eq", "val": "5", "internal": "1"}, ["Ann", "Cid", "Bob", "Dee, Jr."]),
    ],
)
def test_where_expressions(people: httpx.Client, clause: dict[str, Any], expected: list[str]) -> None:
    assert names(people.get("/contacts", params=where(clause))) == expected


def test_where_composites(people: httpx.Client) -> None:
    either = {
        "expr": "orX",
        "val": [
            {"col": "city", "expr": "eq", "val": "Paris"},
            {"col": "city", "expr": "eq", "val": "Berlin"},
        ],
    }
    assert names(people.get("/contacts", params=where(either))) == ["Ann", "Bob"]
    nested = {
        "expr": "andX",
        "val": [{"col": "points", "expr": "gte", "val": "10"}, either],
    }
    assert names(people.get("/contacts", params=where(nested))) == ["Bob"]
    both = where(
        {"col": "points", "expr": "gt", "val": "5"}, {"col": "email", "expr": "like", "val": "%.com"}
    )
    assert names(people.get("/contacts", params=both)) == ["Bob"]


def test_where_errors(people: httpx.Client) -> None:
    for params in (
        {"where[0][col]": "email", "where[0][val]": "x"},
        {"where[0][expr]": "eq", "where[0][val]": "x"},
        where({"col": "nope", "expr": "eq", "val": "x"}),
        {"where[0][col]": "phone", "where[0][expr]": "in", "where[0][val][0]": "1"},
    ):
        response = people.get("/contacts", params=params)
        assert response.status_code == 500, params
        assert response.json() == {"errors": [generic_error(500)]}


def test_where_drops_the_published_filter(people: httpx.Client) -> None:
    assert "Dee, Jr." not in names(people.get("/contacts", params={"published": 1}))
    assert "Dee, Jr." not in names(people.get("/contacts", params={"published": "false"}))
    assert len(names(people.get("/contacts", params={"published": "false"}))) == 3  # "false" is truthy in PHP
    assert len(names(people.get("/contacts", params={"published": 0}))) == 4
    params: dict[str, str | int] = {"published": 1, **where({"col": "points", "expr": "gte", "val": "0"})}
    assert "Dee, Jr." in names(people.get("/contacts", params=params))


def test_minimal(people: httpx.Client) -> None:
    contact = next(
        iter(people.get("/contacts", params={"minimal": 1, "limit": 1}).json()["contacts"].values())
    )
    assert set(contact) == {
        "id",
        "points",
        "color",
        "fields",
        "isPublished",
        "dateAdded",
        "dateModified",
        "createdBy",
        "createdByUser",
        "modifiedBy",
        "modifiedByUser",
    }


def test_list_select(people: httpx.Client) -> None:
    body = people.get("/contacts", params={"select[]": ["email", "city"], "limit": 1}).json()
    contact = next(iter(body["contacts"].values()))
    assert set(contact["fields"]["all"]) == {"id", "email", "city"}


def test_count_cache_is_optional(fake: FakeMautic) -> None:
    with (
        FakeMautic(count_cache_ttl=60) as cached,
        httpx.Client(
            transport=cached.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
        ) as http,
    ):
        assert http.get("/contacts").json()["total"] == "0"
        http.post("/contacts/new", json={"email": "late@example.com"})
        body = http.get("/contacts").json()
        assert body["total"] == "0"
        assert len(body["contacts"]) == 1
