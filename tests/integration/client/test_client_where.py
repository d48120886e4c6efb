"""`where=` filters end to end: what the client builds is what the server applies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from client_support import Api, Target, fake_api
from mautic_contacts import Where, all_of, any_of
from mautic_mock import FakeMautic


@pytest.fixture
async def people(api: Api, target: Target) -> dict[str, int]:
    """Five contacts with distinct cities and points; name -> id."""
    rows = {
        "ann": {"city": "Paris", "points": 5, "firstname": "Ann"},
        "bob": {"city": "Lyon, centre", "points": 10, "firstname": "Bob"},
        "cyd": {"city": 'Le "Mans"', "points": 15, "firstname": "Cyd"},
        "dee": {"city": "Nice", "points": 20},
        "eve": {"points": 25, "firstname": "Eve"},
    }
    ids = {}
    for name, values in rows.items():
        made = await api.contacts.create({"email": target.email(name), **values})
        ids[name] = made.id
    return ids


async def _names(api: Api, target: Target, people: dict[str, int], *clauses: object) -> set[str]:
    mine = Where("email").like(f"%{target.tag}%")
    page = await api.contacts.list(where=[mine, *clauses], limit=100)
    by_id = {v: k for k, v in people.items()}
    assert page.total == len(page.contacts)
    return {by_id[c.id] for c in page.contacts}


async def test_value_operators(api: Api, target: Target, people: dict[str, int]) -> None:
    assert await _names(api, target, people, Where("city").eq("Paris")) == {"ann"}
    assert await _names(api, target, people, Where("city").neq("Paris")) == {"bob", "cyd", "dee"}
    assert await _names(api, target, people, Where("points").gt(15)) == {"dee", "eve"}
    assert await _names(api, target, people, Where("points").gte(15)) == {"cyd", "dee", "eve"}
    assert await _names(api, target, people, Where("points").lt(10)) == {"ann"}
    assert await _names(api, target, people, Where("points").lte(10)) == {"ann", "bob"}
    assert await _names(api, target, people, Where("city").like("L%")) == {"bob", "cyd"}
    assert await _names(api, target, people, Where("city").not_like("%e%")) == {"ann"}


async def test_in_with_a_comma_and_quotes_inside_values(
    api: Api, target: Target, people: dict[str, int]
) -> None:
    in_list = Where("city").in_(["Lyon, centre", 'Le "Mans"', "Nowhere"])
    assert await _names(api, target, people, in_list) == {"bob", "cyd"}
    not_in = Where("city").not_in(["Lyon, centre", "Paris"])
    assert await _names(api, target, people, not_in) == {"cyd", "dee"}


async def test_between_and_not_between(api: Api, target: Target, people: dict[str, int]) -> None:
    assert await _names(api, target, people, Where("points").between(10, 20)) == {"bob", "cyd", "dee"}
    assert await _names(api, target, people, Where("points").not_between(10, 20)) == {"ann", "eve"}


async def test_null_and_empty(api: Api, target: Target, people: dict[str, int]) -> None:
    assert await _names(api, target, people, Where("city").is_null()) == {"eve"}
    assert await _names(api, target, people, Where("city").is_not_null()) == {"ann", "bob", "cyd", "dee"}
    assert await _names(api, target, people, Where("firstname").is_empty()) == {"dee"}
    assert await _names(api, target, people, Where("firstname").is_not_empty()) == {
        "ann",
        "bob",
        "cyd",
        "eve",
    }


async def test_any_of_and_all_of_nest(api: Api, target: Target, people: dict[str, int]) -> None:
    either = any_of(Where("city").eq("Paris"), Where("points").gte(25))
    assert await _names(api, target, people, either) == {"ann", "eve"}
    nested = any_of(all_of(Where("points").gte(10), Where("city").like("L%")), Where("city").eq("Nice"))
    assert await _names(api, target, people, nested) == {"bob", "cyd", "dee"}
    operators = (Where("points").gt(5) & Where("points").lt(25)) | Where("firstname").eq("Ann")
    assert await _names(api, target, people, operators) == {"ann", "bob", "cyd", "dee"}


async def test_datetime_values_compare_in_utc(api: Api, target: Target, people: dict[str, int]) -> None:
    past = datetime(2000, 1, 1, tzinfo=UTC)
    assert await _names(api, target, people, Where("date_added").gt(past)) == set(people)
    assert await _names(api, target, people, Where("date_added").lt(past)) == set()


async def test_eq_and_neq_match_values_mautic5_would_html_escape(
    api: Api, target: Target, people: dict[str, int]
) -> None:
    # `Le "Mans"` holds a quote: Mautic 5.x escapes it in a plain `eq` value, so it is sent as `in`.
    assert await _names(api, target, people, Where("city").eq('Le "Mans"')) == {"cyd"}
    assert await _names(api, target, people, Where("city").neq('Le "Mans"')) == {"ann", "bob", "dee"}
    made = await api.contacts.create({"email": target.email("o"), "city": "O'Neal & Sons\tLtd"})
    people["oneal"] = made.id
    assert await _names(api, target, people, Where("city").eq("O'Neal & Sons\tLtd")) == {"oneal"}
    with pytest.raises(ValueError, match="HTML-escapes"):
        Where("city").like("O'Neal%")


@pytest.mark.fake_only
async def test_published_only_still_applies_with_a_where_filter(
    make_fake: Callable[..., FakeMautic], kind: str
) -> None:
    # An API write cannot unpublish a contact: seed one.
    seeded = {
        "contacts": [{"email": "pub@where.invalid"}, {"email": "unpub@where.invalid", "isPublished": False}]
    }
    api = fake_api(make_fake(data=seeded), kind)
    try:
        mine = Where("email").like("%@where.invalid")
        everyone = await api.contacts.list(where=mine)
        assert sorted(c.email for c in everyone.contacts) == ["pub@where.invalid", "unpub@where.invalid"]
        # Servers drop `published=1` when `where` is given: the client adds `is_published = 1` itself.
        published = await api.contacts.list(where=mine, published_only=True)
        assert [c.email for c in published.contacts] == ["pub@where.invalid"]
        assert [c.email for c in await api.contacts.list(published_only=True)] == ["pub@where.invalid"]
    finally:
        await api.close()
