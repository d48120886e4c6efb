"""Regressions for fake bugs that the contract fuzzing (tests/contract) found.

Each test names the schemathesis failure it came from. Symfony's router requirements (`[^/]++` for
free placeholders, `\\d+` for ids, matched with the `D` modifier) decide what these paths mean.
"""

from __future__ import annotations

import time

import httpx
import pytest
from fake_mautic_support import create, error
from mautic_mock import FakeMautic


@pytest.mark.parametrize("channel", ["a%0Ab", "tab%09bed", "%0D"])
def test_control_characters_in_a_path_segment_reach_the_router(client: httpx.Client, channel: str) -> None:
    # ST105 on removeContactDnc: a channel holding a newline got Starlette's text/plain "Not Found".
    contact = create(client, email="ctl@example.com")
    response = client.post(f"/contacts/{contact['id']}/dnc/{channel}/remove")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json()["recordFound"] is False


def test_a_trailing_newline_does_not_end_an_id(client: httpx.Client) -> None:
    # Symfony anchors routes with the D modifier: `1\n` is not `\d+`, so there is no route.
    contact = create(client, email="nl@example.com")
    response = client.get(f"/contacts/{contact['id']}%0A")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert error(response)["message"].startswith('No route found for "GET ')
    assert client.get(f"/contacts/{contact['id']}").status_code == 200


@pytest.mark.parametrize(("encoded", "stored"), [("%C3%9D", "Ý"), ("%E2%82%AC", "€"), ("%F0%9F%93%A7", "📧")])
def test_non_ascii_path_segments_through_the_sync_transport(
    client: httpx.Client, encoded: str, stored: str
) -> None:
    # The sync in-process transport raised UnicodeDecodeError/UnicodeEncodeError for these paths.
    contact = create(client, email="utf8@example.com")
    response = client.post(f"/contacts/{contact['id']}/dnc/{encoded}/add")
    assert response.status_code == 200
    assert [d["channel"] for d in response.json()["contact"]["doNotContact"]] == [stored]


async def test_non_ascii_path_segments_through_the_async_transport(fake: FakeMautic) -> None:
    async with httpx.AsyncClient(
        transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
    ) as client:
        created = await client.post("/contacts/new", json={"email": "async-utf8@example.com"})
        contact_id = created.json()["contact"]["id"]
        response = await client.post(f"/contacts/{contact_id}/dnc/%E2%82%AC/add")
        assert response.status_code == 200
        assert response.json()["contact"]["doNotContact"][0]["channel"] == "€"


def test_control_characters_over_loopback(fake: FakeMautic) -> None:
    with (
        fake.serve_in_thread() as server,
        httpx.Client(base_url=server.api_url, auth=("admin", "mautic")) as http,
    ):
        contact_id = http.post("/contacts/new", json={"email": "loop@example.com"}).json()["contact"]["id"]
        response = http.post(f"/contacts/{contact_id}/dnc/a%0Ab/remove")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert http.get(f"/contacts/{contact_id}%0A").status_code == 404


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        ("2623-04-31 22:29", "2623-05-01T22:29:00+00:00"),  # April 31st rolls over, as in PHP
        ("1469-09-31", "1469-10-01T00:00:00+00:00"),
        ("2024-03-00", "2024-02-29T00:00:00+00:00"),  # day 0 is the previous month's last day
        ("2024-01-01 24:00:00", "2024-01-02T00:00:00+00:00"),
    ],
)
def test_activity_dates_roll_over_like_php(client: httpx.Client, bound: str, expected: str) -> None:
    # ST101 on getAllContactsActivity: filters[dateTo]=2623-04-31 22:29 answered 500; PHP reads it.
    response = client.get("/contacts/activity", params={"filters[dateTo]": bound})
    assert response.status_code == 200
    assert response.json()["filters"]["dateTo"] == expected


@pytest.mark.parametrize("bound", ["2024-13-01", "2024-01-01 10:60"])
def test_dates_php_cannot_read_still_answer_500(client: httpx.Client, bound: str) -> None:
    response = client.get("/contacts/activity", params={"filters[dateFrom]": bound})
    assert response.status_code == 500
    assert error(response)["code"] == 500


def test_year_zero_is_a_date(client: httpx.Client) -> None:
    # ST101 with filters[dateTo]=0000-01-01: PHP reads year 0; nothing is older than it.
    contact = create(client, email="y0@example.com")
    response = client.get(f"/contacts/{contact['id']}/activity", params={"filters[dateTo]": "0000-01-01"})
    assert response.status_code == 200
    assert response.json()["events"] == []


def test_rolled_over_dates_are_stored_in_date_fields(client: httpx.Client) -> None:
    # With an attribution: a date without one is cleared on save (Lead::checkAttributionDate).
    contact = create(client, email="roll@example.com", attribution=1, attribution_date="2024-02-30 10:00")
    stored = client.get(f"/contacts/{contact['id']}").json()["contact"]["fields"]["all"]
    assert stored["attribution_date"] == "2024-03-01 10:00:00"


@pytest.mark.parametrize(
    "query",
    [
        # An expression Mautic does not know drops the clause before any SQL is built.
        {"where[0][col]": "no_such_column", "where[0][expr]": "foo", "where[0][val]": "x"},
        # between with other than two values is dropped too, whatever the column.
        {
            "where[0][col]": "no_such_column",
            "where[0][expr]": "between",
            "where[0][val][0]": "1",
            "where[0][val][1]": "2",
            "where[0][val][2]": "3",
        },
    ],
)
def test_dropped_where_clauses_never_reach_sql(client: httpx.Client, query: dict[str, str]) -> None:
    # Found while writing the contract rules from CommonRepository::buildWhereClauseFromArray: the
    # fake resolved the column of every clause and answered 500 where Mautic ignores the clause.
    create(client, email="dropped@example.com")
    response = client.get("/contacts", params=query)
    assert response.status_code == 200
    assert response.json()["total"] == "1"


@pytest.mark.parametrize(
    "query",
    [
        # andX/orX hand `val` to a method typed `array $clauses`: a string is a TypeError.
        {"where[0][expr]": "andX", "where[0][val]": "email"},
        {"where[0][expr]": "orX"},
        # method_exists() with an array as the method name.
        {"where[0][col]": "email", "where[0][expr][0]": "eq", "where[0][val]": "x"},
    ],
)
def test_where_clauses_php_cannot_run_answer_500(client: httpx.Client, query: dict[str, str]) -> None:
    response = client.get("/contacts", params=query)
    assert response.status_code == 500
    assert error(response)["code"] == 500


def test_loopback_answers_do_not_wait_for_delayed_acks(fake: FakeMautic) -> None:
    # The contract runs over loopback measured 43 ms per request (0.9 ms in process): Nagle's
    # algorithm held every keep-alive answer back until the client's delayed ACK.
    with (
        fake.serve_in_thread() as server,
        httpx.Client(base_url=server.api_url, auth=("admin", "mautic")) as http,
    ):
        http.get("/contacts/list/fields")  # connect
        started = time.perf_counter()
        for _ in range(30):
            assert http.get("/contacts/list/fields").status_code == 200
        assert (time.perf_counter() - started) / 30 < 0.02


@pytest.mark.parametrize("instant", [5.3e169, -1.5e86, 10**20])
def test_out_of_range_numeric_dates_are_invalid_values_not_500s(client: httpx.Client, instant: float) -> None:
    # ST101 on createContactsBatch (make contract-deep): frequencyRules.email.pause_to_date=5.3e169
    # overflowed the timestamp conversion. A single write rejects the rule; a batch skips it.
    rules = {"email": {"pause_to_date": instant}}
    single = client.post("/contacts/new", json={"email": "num@example.com", "frequencyRules": rules})
    assert single.status_code == 400
    assert "pause_to_date" in error(single)["message"]
    batch = client.post("/contacts/batch/new", json=[{"email": "num@example.com", "frequencyRules": rules}])
    assert batch.status_code == 201
    assert batch.json()["statusCodes"] == [201]
    contact = create(client, email="last@example.com")
    edited = client.patch(f"/contacts/{contact['id']}/edit", json={"lastActive": instant})
    assert edited.status_code in (200, 400)
