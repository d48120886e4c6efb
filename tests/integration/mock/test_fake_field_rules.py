"""Field values and columns as Mautic's forms and MySQL treat them: number range, country choices,
attribution date, case-insensitive column names (issue 4 review)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fake_mautic_support import contact_fields, create, error, names
from mautic_mock import FakeDataError, FakeMautic

INVALID = "This value is not valid."
SEED = {
    "fields": [
        {"alias": "shoe_size", "label": "Shoe size", "type": "number", "group": "personal"},
        {"alias": "home_country", "label": "Home country", "type": "country", "group": "personal"},
    ]
}


@pytest.fixture
def fake() -> Iterator[FakeMautic]:
    instance = FakeMautic(data=SEED)
    try:
        yield instance
    finally:
        instance.close()


def invalid(alias: str) -> dict[str, Any]:
    return {"code": 400, "message": f"{alias}: {INVALID}", "details": {alias: [INVALID]}, "type": None}


# -- number fields: NumberToLocalizedStringTransformer refuses |x| >= PHP_INT_MAX and INF ----------
# Values whose PHP (int) cast is not 0, so the POST/PATCH zero filter keeps them: the form refuses them.
TOO_LARGE = ["9.3e18", "-9.3e18", 9.3e18, -9.3e18, "1e300", 1e19, 10**20]
# Values whose (int) cast is 0 (INF is 0, doubles wrap around modulo 2**64, 1e300 to 0): POST and PATCH
# drop them as zeros; PUT, which has no zero filter, hands them to the form, which refuses them.
CAST_TO_ZERO = ["1e400", "-1e400", 1e300, 10**400, "1" * 400]


@pytest.mark.parametrize("alias", ["attribution", "shoe_size"])
@pytest.mark.parametrize("value", TOO_LARGE)
def test_numbers_beyond_php_int_max_are_invalid_values(client: httpx.Client, alias: str, value: Any) -> None:
    response = client.post("/contacts/new", json={"email": "big@example.com", alias: value})
    assert response.status_code == 400
    assert response.json()["errors"][0] == invalid(alias)
    assert client.get("/contacts").json()["total"] == "0"


@pytest.mark.parametrize("alias", ["attribution", "shoe_size"])
@pytest.mark.parametrize("value", CAST_TO_ZERO)
def test_infinite_numbers_are_zeros_for_post_and_patch_and_invalid_for_put(
    client: httpx.Client, alias: str, value: Any
) -> None:
    # Found by the review: "1e400" became float inf and the JSON encoder answered 500.
    created = client.post("/contacts/new", json={"email": "inf@example.com", alias: value})
    assert created.status_code == 201
    assert contact_fields(created)[alias] is None
    cid = created.json()["contact"]["id"]
    patched = client.patch(f"/contacts/{cid}/edit", json={alias: value})
    assert patched.status_code == 200
    assert contact_fields(patched)[alias] is None
    put = client.put(f"/contacts/{cid}/edit", json={"email": "inf@example.com", alias: value})
    assert put.status_code == 400
    assert error(put) == invalid(alias)


def test_a_json_infinity_literal_is_php_inf(client: httpx.Client) -> None:
    # PHP's json_decode reads 1e400 as INF, like Python's; (int) INF is 0.
    body = b'{"email": "inf@example.com", "attribution": 1e400}'
    headers = {"Content-Type": "application/json"}
    created = client.post("/contacts/new", content=body, headers=headers)
    assert created.status_code == 201
    assert contact_fields(created)["attribution"] is None
    put = client.put(f"/contacts/{created.json()['contact']['id']}/edit", content=body, headers=headers)
    assert error(put) == invalid("attribution")


def test_numbers_just_below_php_int_max_are_kept(client: httpx.Client) -> None:
    contact = create(client, email="near@example.com", shoe_size="9.2e18", attribution=-9.2e18)
    assert contact["fields"]["all"]["shoe_size"] == 9200000000000000000
    assert contact["fields"]["all"]["attribution"] == -9.2e18


def test_too_large_numbers_fail_only_their_item_in_batches_and_edits(client: httpx.Client) -> None:
    new = client.post(
        "/contacts/batch/new",
        json=[
            {"email": "ok@example.com"},
            {"email": "big@example.com", "attribution": "1e300"},
            {"email": "inf@example.com", "attribution": "1e400"},
        ],
    )
    assert new.status_code == 201
    assert new.json()["statusCodes"] == [201, 400, 201]
    assert new.json()["errors"] == {"1": invalid("attribution")}
    contact_id = new.json()["contacts"]["0"]["id"]

    patched = client.patch(
        "/contacts/batch/edit",
        json=[{"id": contact_id, "shoe_size": 9.3e18}, {"id": contact_id, "shoe_size": 1e300}],
    )
    assert patched.status_code == 200
    assert patched.json()["statusCodes"] == [400, 200]
    assert patched.json()["errors"] == [invalid("shoe_size")]
    replaced = client.put(
        "/contacts/batch/edit", json=[{"id": contact_id, "email": "ok@example.com", "shoe_size": "1e400"}]
    )
    assert replaced.json()["statusCodes"] == [400]

    put = client.put(
        f"/contacts/{contact_id}/edit", json={"email": "ok@example.com", "attribution": "-9.3e18"}
    )
    assert put.status_code == 400
    assert error(put) == invalid("attribution")
    stored = contact_fields(client.get(f"/contacts/{contact_id}"))
    assert stored["attribution"] is None
    assert stored["shoe_size"] is None


# -- country fields: CountryType's choices (countries.json) ------------------------------------------
@pytest.mark.parametrize(
    "country", ["France", "United States", "Curaçao", "Isle of Man", "Kosovo", "Unknown"]
)
def test_countries_from_mautics_list_are_accepted(client: httpx.Client, country: str) -> None:
    contact = create(client, email="c@example.com", country=country, home_country=country)
    assert contact["fields"]["all"]["country"] == country
    assert contact["fields"]["all"]["home_country"] == country


@pytest.mark.parametrize("country", ["Czechia", "Türkiye", "france", "FR", "Atlantis", 5, True])
def test_values_outside_the_country_list_are_invalid(client: httpx.Client, country: Any) -> None:
    # mautic/mautic#14285: Mautic 5.1 answers 400 for "Czechia", "Türkiye" and other names it lacks.
    response = client.post("/contacts/new", json={"email": "c@example.com", "country": country})
    assert response.status_code == 400
    assert error(response) == invalid("country")
    custom = client.post("/contacts/new", json={"email": "c@example.com", "home_country": country})
    assert error(custom) == invalid("home_country")


def test_country_validation_in_batches_and_blank_countries(client: httpx.Client) -> None:
    body = client.post(
        "/contacts/batch/new",
        json=[{"email": "a@example.com", "country": "Narnia"}, {"email": "b@example.com", "country": ""}],
    ).json()
    assert body["statusCodes"] == [400, 201]
    assert body["errors"] == [invalid("country")]  # PHP array [0 => ...]: a JSON list
    assert body["contacts"] == {"1": body["contacts"]["1"]}
    assert body["contacts"]["1"]["fields"]["all"]["country"] is None


def test_a_data_file_with_an_unknown_country_is_refused() -> None:
    with pytest.raises(FakeDataError, match=r"contacts\[0\]: country: This value is not valid\."):
        FakeMautic(data={"contacts": [{"email": "d@example.com", "country": "Narnia"}]})


# -- attribution_date: Lead::checkAttributionDate on every save ------------------------------------
def _today() -> set[str]:
    return {f"{datetime.now(UTC).date().isoformat()} 00:00:00"}


def test_an_attribution_without_a_date_gets_todays_date(client: httpx.Client) -> None:
    before = _today()
    contact = create(client, email="a@example.com", attribution=120)
    assert contact["fields"]["all"]["attribution_date"] in before | _today()
    given = create(client, email="b@example.com", attribution=5, attribution_date="2020-02-03 04:05")
    assert given["fields"]["all"]["attribution_date"] == "2020-02-03 04:05:00"
    batch = client.post("/contacts/batch/new", json=[{"email": "c@example.com", "attribution": 1.5}]).json()
    assert batch["contacts"][0]["fields"]["all"]["attribution_date"] in before | _today()
    none = create(client, email="d@example.com")
    assert none["fields"]["all"]["attribution_date"] is None


def test_a_date_without_an_attribution_is_cleared(client: httpx.Client) -> None:
    contact = create(client, email="a@example.com", attribution_date="2020-02-03")
    assert contact["fields"]["all"]["attribution_date"] is None
    cid = contact["id"]
    dated = client.patch(f"/contacts/{cid}/edit", json={"attribution": 7, "attribution_date": "2021-01-01"})
    assert contact_fields(dated)["attribution_date"] == "2021-01-01 00:00:00"
    # A blank that overwrites the attribution takes the date with it.
    cleared = client.patch(f"/contacts/{cid}/edit", json={"attribution": "", "overwriteWithBlank": True})
    assert contact_fields(cleared)["attribution"] is None
    assert contact_fields(cleared)["attribution_date"] is None
    # PUT blanks every omitted field; sending only the date is not enough to keep it.
    client.patch(f"/contacts/{cid}/edit", json={"attribution": 7})
    put = client.put(
        f"/contacts/{cid}/edit", json={"email": "a@example.com", "attribution_date": "2022-05-05"}
    )
    assert contact_fields(put)["attribution_date"] is None


def test_a_zero_attribution_is_empty(client: httpx.Client) -> None:
    contact = create(client, email="z@example.com", attribution=3)
    put = client.put(
        f"/contacts/{contact['id']}/edit",
        json={"email": "z@example.com", "attribution": 0, "attribution_date": "2020-01-01"},
    )
    assert contact_fields(put)["attribution"] == 0
    assert contact_fields(put)["attribution_date"] is None


# -- column names: MySQL matches them case-insensitively ------------------------------------------
@pytest.fixture
def three(client: httpx.Client) -> list[int]:
    return [
        create(client, email=f"{name.lower()}@example.com", firstname=name, shoe_size=size)["id"]
        for name, size in (("Cid", 40), ("Ann", 44), ("Bob", 42))
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"orderBy": "EMAIL"}, ["Ann", "Bob", "Cid"]),
        ({"orderBy": "firstName", "orderByDir": "DESC"}, ["Cid", "Bob", "Ann"]),
        ({"orderBy": "l.FirstName"}, ["Ann", "Bob", "Cid"]),
        ({"orderBy": "Shoe_Size"}, ["Cid", "Bob", "Ann"]),
        ({"order[0][col]": "FIRSTNAME", "order[0][dir]": "desc"}, ["Cid", "Bob", "Ann"]),
        ({"where[0][col]": "FIRSTNAME", "where[0][expr]": "eq", "where[0][val]": "Bob"}, ["Bob"]),
        ({"where[0][col]": "l.Email", "where[0][expr]": "like", "where[0][val]": "a%"}, ["Ann"]),
        ({"where[0][col]": "SHOE_SIZE", "where[0][expr]": "gt", "where[0][val]": "41"}, ["Bob", "Ann"]),
        # ORM property names are converted to columns in the top-level where clauses (§3.3).
        (
            {"where[0][col]": "dateAdded", "where[0][expr]": "isNotNull", "orderBy": "id"},
            ["Cid", "Ann", "Bob"],
        ),
    ],
)
def test_column_names_match_whatever_their_case(
    client: httpx.Client, three: list[int], params: dict[str, str], expected: list[str]
) -> None:
    if "orderBy" not in params and "order[0][col]" not in params:
        params = {**params, "orderBy": "shoe_size"}
    assert names(client.get("/contacts", params=params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"orderBy": "no_such_column"},
        # orderBy and order are never converted: dateAdded is the unknown column `dateadded`.
        {"orderBy": "dateAdded"},
        {"order[0][col]": "lastActive"},
        # Only the exact ORM property name is converted (a case-sensitive in_array).
        {"where[0][col]": "DateAdded", "where[0][expr]": "isNotNull"},
        # Custom field aliases are not ORM properties: no camelCase conversion for them.
        {"where[0][col]": "preferredLocale", "where[0][expr]": "isNull"},
        {"where[0][col]": "ownerId", "where[0][expr]": "isNull"},
        # Nested clauses are not converted at all.
        {
            "where[0][expr]": "andX",
            "where[0][val][0][col]": "dateAdded",
            "where[0][val][0][expr]": "isNotNull",
        },
        # Table aliases stay case-sensitive (MySQL on Linux).
        {"where[0][col]": "L.email", "where[0][expr]": "isNotNull"},
    ],
)
def test_names_mysql_would_not_find_are_still_500s(
    client: httpx.Client, three: list[int], params: dict[str, str]
) -> None:
    response = client.get("/contacts", params=params)
    assert response.status_code == 500
    assert error(response)["code"] == 500
