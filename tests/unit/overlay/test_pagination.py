from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mautic_contacts import APIResponseValidationError, Where, any_of
from mautic_contacts._pagination import KeysetCursor, KeysetPlan, KeysetQuery

from .where_oracle import interpret, parse_php_query


class FakeContacts:
    """A contacts table that answers list queries the way Mautic applies where/orderBy/limit."""

    def __init__(self, points: list[int]) -> None:
        self.rows: dict[int, dict[str, Any]] = {}
        self.next_id = 1
        for p in points:
            self.insert(p)

    def insert(self, points: int) -> int:
        new_id = self.next_id
        self.next_id += 1
        self.rows[new_id] = {"id": new_id, "points": points}
        return new_id

    def _matches(self, row: dict[str, Any], clause: tuple[Any, ...]) -> bool:
        expr = clause[0]
        if expr in ("orX", "andX"):
            results = [self._matches(row, c) for c in clause[1]]
            return any(results) if expr == "orX" else all(results)
        value = row[clause[1]]
        if expr == "in":
            return str(value) in clause[2]
        target = int(clause[2])
        outcomes = {"eq": value == target, "gt": value > target, "gte": value >= target, "lt": value < target}
        return bool(outcomes[expr])

    def list(self, query: KeysetQuery) -> list[int]:
        assert (query.order_by, query.order_by_dir, query.start) == ("id", "ASC", 0)
        clauses = interpret(parse_php_query(query.where)["where"])
        matching = [i for i in sorted(self.rows) if all(self._matches(self.rows[i], c) for c in clauses)]
        return matching[: query.limit]


def iterate(plan: KeysetPlan, table: FakeContacts, between_pages: list[Any] | None = None) -> list[int]:
    seen: list[int] = []
    cursor = plan.start()
    while not cursor.done:
        ids = table.list(plan.query(cursor))
        seen += ids
        cursor = plan.advance(cursor, ids)
        if between_pages:
            between_pages.pop(0)(table)
    return seen


mutation = st.one_of(
    st.builds(lambda p: lambda t: t.insert(p), st.integers(0, 9)),
    st.builds(
        lambda k: lambda t: t.rows.pop(sorted(t.rows)[k % len(t.rows)]) if t.rows else None,
        st.integers(0, 99),
    ),
)


@given(
    st.lists(st.integers(0, 9), max_size=40),
    st.integers(1, 7),
    st.lists(mutation, max_size=20),
    st.integers(0, 9),
)
def test_every_match_exactly_once_while_contacts_change(
    points: list[int], page_size: int, mutations: list[Any], minimum: int
) -> None:
    table = FakeContacts(points)
    plan = KeysetPlan(where=Where("points").gte(minimum), page_size=page_size)
    initial = {i for i, row in table.rows.items() if row["points"] >= minimum}
    deleted: set[int] = set()
    steps = []
    for change in mutations:

        def step(t: FakeContacts, change: Any = change) -> None:
            before = set(t.rows)
            change(t)
            deleted.update(before - set(t.rows))

        steps.append(step)
    seen = iterate(plan, table, steps)
    assert len(seen) == len(set(seen)), "a contact was returned twice"
    assert seen == sorted(seen)
    assert initial - deleted <= set(seen), "a contact that existed all along was skipped"
    assert all(table.rows.get(i, {"points": minimum})["points"] >= minimum for i in seen)


def test_query_ands_the_users_filter_with_the_cursor() -> None:
    plan = KeysetPlan(
        where=[Where("city").eq("Paris"), any_of(Where("a").eq(1), Where("b").eq(2))], search="is:mine"
    )
    query = plan.query(KeysetCursor(last_id=41))
    assert query.where["where[0][val]"] == "Paris"
    assert query.where["where[1][expr]"] == "orX"
    assert (query.where["where[2][col]"], query.where["where[2][expr]"], query.where["where[2][val]"]) == (
        "id",
        "gt",
        "41",
    )
    assert (query.search, query.order_by, query.order_by_dir, query.start, query.limit) == (
        "is:mine",
        "id",
        "ASC",
        0,
        100,
    )
    assert KeysetPlan(where=Where("city").eq("Paris")).query(KeysetCursor()).where["where[1][val]"] == "0"


def test_cursor_moves_to_the_largest_id_and_stops_on_a_short_page() -> None:
    plan = KeysetPlan(page_size=3)
    cursor = plan.advance(plan.start(), [9, 4, 7])  # order does not matter
    assert cursor == KeysetCursor(last_id=9, done=False)
    assert plan.advance(cursor, [12]) == KeysetCursor(last_id=12, done=True)
    assert plan.advance(cursor, []) == KeysetCursor(last_id=9, done=True)
    with pytest.raises(ValueError, match="finished"):
        plan.query(KeysetCursor(5, done=True))


def test_a_short_page_is_the_end_only_when_its_total_agrees() -> None:
    plan = KeysetPlan(page_size=200)
    # A proxy capping `limit` at 100: 100 ids, but 250 matches beyond the cursor.
    assert plan.advance(plan.start(), list(range(1, 101)), total=250) == KeysetCursor(100, done=False)
    assert plan.advance(KeysetCursor(100), list(range(101, 151)), total=50) == KeysetCursor(150, done=True)
    # A stale (cached) total that counts more than there are: one more request, which comes back empty.
    assert plan.advance(KeysetCursor(150), [151], total=3) == KeysetCursor(151, done=False)
    assert plan.advance(KeysetCursor(151), [], total=3) == KeysetCursor(151, done=True)


def test_a_server_ignoring_the_cursor_is_detected() -> None:
    plan = KeysetPlan(page_size=3)
    with pytest.raises(APIResponseValidationError, match="did not apply the keyset filter"):
        plan.advance(KeysetCursor(last_id=10), [11, 3, 12])
    with pytest.raises(APIResponseValidationError, match="4 contacts for limit=3"):
        plan.advance(KeysetCursor(last_id=0), [1, 2, 3, 4])


@pytest.mark.parametrize("size", [0, -1, 1001])
def test_page_size_is_checked(size: int) -> None:
    with pytest.raises(ValueError, match="page_size"):
        KeysetPlan(page_size=size)
    with pytest.raises(TypeError):
        KeysetPlan(page_size=True)


def test_filters_that_cannot_be_sent_fail_at_once() -> None:
    with pytest.raises(TypeError, match="where="):
        KeysetPlan(where="points > 3")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="1000"):
        KeysetPlan(where=[Where("a").eq(i) for i in range(300)])
