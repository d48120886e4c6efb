"""Single-contact CRUD with Mautic's write semantics (reference §4.1-4.6 and §5)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_mautic_support import create, error
from mautic_mock import FakeMautic

BASE_URL = "http://mautic.test/api"
AUTH = ("admin", "mautic")

DATA = {
    "fields": [
        {"alias": "shoe_size", "label": "Shoe size", "type": "number", "properties": {"scale": 1}},
        {"alias": "visits", "label": "Visits", "type": "number"},
        {
            "alias": "newsletter",
            "label": "Newsletter",
            "type": "boolean",
            "properties": {"no": "Nope", "yes": "Yep"},
        },
        {
            "alias": "colour",
            "label": "Colour",
            "type": "select",
            "properties": {"list": [{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}]},
        },
        {
            "alias": "hobbies",
            "label": "Hobbies",
            "type": "multiselect",
            "group": "personal",
            "properties": {"list": "chess|golf|tennis"},
        },
        {"alias": "birthday", "label": "Birthday", "type": "date", "group": "personal"},
        {"alias": "met_at", "label": "Met at", "type": "datetime", "group": "personal"},
        {"alias": "member_no", "label": "Member number", "type": "text", "isUniqueIdentifier": True},
        {"alias": "tier", "label": "Tier", "type": "text", "defaultValue": "bronze"},
    ],
    "stages": [{"name": "Lead"}, {"name": "Customer"}, {"name": "Old", "isPublished": False}],
    "companies": [{"companyname": "Acme"}, {"companyname": "Globex"}],
}


@pytest.fixture
def rich() -> Any:
    fake = FakeMautic(data=DATA)
    with httpx.Client(transport=fake.transport(), base_url=BASE_URL, auth=AUTH) as http:
        yield http
    fake.close()


def test_create_answers_201_with_location_path(client: httpx.Client) -> None:
    response = client.post("/contacts/new", json={"email": "new@example.com", "firstname": "New"})
    assert response.status_code == 201
    contact = response.json()["contact"]
    assert response.headers["location"] == f"/api/contacts/{contact['id']}"
    # A brand-new contact's field entries come from the field definitions.
    entry = contact["fields"]["core"]["firstname"]
    assert entry["id"] == 2
    assert entry["properties"] == []
    assert entry["value"] == "New"
    assert contact["fields"]["all"]["id"] == str(contact["id"])
    assert contact["color"] is None
    assert contact["dateIdentified"] is not None
    stored = client.get(f"/contacts/{contact['id']}").json()["contact"]
    entry = stored["fields"]["core"]["firstname"]
    assert entry["id"] == "2"
    assert entry["properties"] == "a:0:{}"
    assert entry["is_fixed"] == "1"
    assert stored["fields"]["core"]["title"]["properties"].startswith('a:1:{s:4:"list";')
    assert stored["fields"]["personal"] == []
    assert stored["fields"]["professional"] == []
    assert set(stored["fields"]["social"]) == {
        "facebook",
        "foursquare",
        "instagram",
        "linkedin",
        "skype",
        "twitter",
    }


def test_dedupe_by_email_is_case_insensitive_and_keeps_id(client: httpx.Client) -> None:
    first = create(client, email="Dup@Example.com")
    response = client.post("/contacts/new", json={"email": "dup@example.com", "firstname": "Second"})
    assert response.status_code == 200
    assert "location" not in response.headers
    assert response.json()["contact"]["id"] == first["id"]
    assert client.get("/contacts").json()["total"] == "1"


def test_put_creates_a_new_contact_and_patch_answers_404(client: httpx.Client) -> None:
    existing = create(client, email="one@example.com")
    response = client.put("/contacts/500/edit", json={"email": "put@example.com"})
    assert response.status_code == 201
    created = response.json()["contact"]["id"]
    assert created != 500
    assert created == existing["id"] + 1
    assert response.headers["location"] == f"/api/contacts/{created}"
    response = client.patch("/contacts/501/edit", json={"email": "patch@example.com"})
    assert response.status_code == 404
    assert error(response)["message"] == "Item was not found."
    assert client.get("/contacts").json()["total"] == "2"


def test_put_replaces_fields_but_keeps_tags_owner_stage(rich: httpx.Client) -> None:
    contact = create(
        rich, email="r@example.com", firstname="Rep", city="Paris", points=7, tags=["t"], owner=2, stage=1
    )
    response = rich.put(f"/contacts/{contact['id']}/edit", json={"lastname": "Only"})
    assert response.status_code == 200
    body = response.json()["contact"]
    assert body["fields"]["all"]["firstname"] is None
    assert body["fields"]["all"]["email"] is None
    assert body["fields"]["all"]["city"] is None
    assert body["fields"]["all"]["lastname"] == "Only"
    assert body["points"] == 0
    assert [t["tag"] for t in body["tags"]] == ["t"]
    assert body["owner"]["id"] == 2
    assert body["stage"]["name"] == "Lead"


def test_put_blanks_omitted_fields_even_with_overwrite_with_blank_false(client: httpx.Client) -> None:
    # setCustomFieldValues only ever switches overwriteWithBlank on; a PUT starts with it on.
    contact = create(client, email="k@example.com", firstname="Keep", points=3)
    body = client.put(
        f"/contacts/{contact['id']}/edit", json={"lastname": "L", "overwriteWithBlank": False}
    ).json()["contact"]
    assert body["fields"]["all"]["firstname"] is None
    assert body["points"] == 0


def test_patch_keeps_omitted_and_blank_unless_overwrite(client: httpx.Client) -> None:
    contact = create(client, email="p@example.com", firstname="Pat", lastname="Ch", city="Rome")
    url = f"/contacts/{contact['id']}/edit"
    body = client.patch(url, json={"firstname": "", "lastname": None}).json()["contact"]["fields"]["all"]
    assert body["firstname"] == "Pat"
    assert body["lastname"] == "Ch"
    assert body["city"] == "Rome"
    body = client.patch(url, json={"firstname": "", "overwriteWithBlank": True}).json()["contact"]["fields"][
        "all"
    ]
    assert body["firstname"] is None
    assert body["lastname"] == "Ch"
    assert body["city"] == "Rome"


@pytest.mark.parametrize(
    ("flag", "blanks"), [(True, True), ("1", True), ("false", True), (0, False), ("0", False)]
)
def test_overwrite_with_blank_is_php_truthy(client: httpx.Client, flag: Any, blanks: bool) -> None:
    contact = create(client, email="o@example.com", firstname="Flag")
    body = client.post(
        "/contacts/new", json={"email": "o@example.com", "firstname": "", "overwriteWithBlank": flag}
    ).json()["contact"]
    assert (body["fields"]["all"]["firstname"] is None) is blanks
    assert body["id"] == contact["id"]


def test_post_with_overwrite_blanks_omitted_fields_and_resets_points(client: httpx.Client) -> None:
    create(client, email="w@example.com", firstname="W", city="Oslo", points=9)
    body = client.post("/contacts/new", json={"email": "w@example.com", "overwriteWithBlank": True}).json()
    fields = body["contact"]["fields"]["all"]
    assert fields["firstname"] is None
    assert fields["city"] is None
    assert body["contact"]["points"] == 0


def test_zero_values_dropped_by_post_and_patch_but_kept_by_put(rich: httpx.Client) -> None:
    contact = create(rich, email="z@example.com", points=5, visits=3, city="Zero")
    url = f"/contacts/{contact['id']}/edit"
    body = rich.post("/contacts/new", json={"email": "z@example.com", "points": 0, "visits": "0"}).json()[
        "contact"
    ]
    assert body["points"] == 5
    assert body["fields"]["all"]["visits"] == 3
    body = rich.patch(url, json={"points": "0", "visits": 0.0, "city": "0"}).json()["contact"]
    assert body["points"] == 5
    assert body["fields"]["all"]["visits"] == 3
    assert body["fields"]["all"]["city"] == "Zero"
    body = rich.put(url, json={"email": "z@example.com", "points": 0, "visits": 0, "city": "0"}).json()[
        "contact"
    ]
    assert body["points"] == 0
    assert body["fields"]["all"]["visits"] == 0
    assert body["fields"]["all"]["city"] == "0"


def test_tags_are_added_and_removed_with_minus(client: httpx.Client) -> None:
    contact = create(client, email="t@example.com", tags=["alpha", "beta", "<b>gamma</b>"])
    assert sorted(t["tag"] for t in contact["tags"]) == ["alpha", "beta", "gamma"]
    url = f"/contacts/{contact['id']}/edit"
    body = client.patch(url, json={"tags": "delta, -beta,ALPHA"}).json()["contact"]
    # names match exactly (modifyTags looks them up as PHP array keys): ALPHA is a tag of its own
    assert sorted(t["tag"] for t in body["tags"]) == ["ALPHA", "alpha", "delta", "gamma"]
    body = client.patch(url, json={"firstname": "NoTags"}).json()["contact"]
    assert len(body["tags"]) == 4
    alpha = next(t["id"] for t in contact["tags"] if t["tag"] == "alpha")
    assert create(client, email="t2@example.com", tags=["alpha"])["tags"][0]["id"] == alpha  # reused
    assert create(client, email="t3@example.com", tags=["Alpha"])["tags"][0]["id"] != alpha


def test_owner_rules(client: httpx.Client) -> None:
    contact = create(client, email="own@example.com", owner=1)
    url = f"/contacts/{contact['id']}/edit"
    assert client.patch(url, json={"city": "x"}).json()["contact"]["owner"]["id"] == 1
    assert client.patch(url, json={"owner": 2}).json()["contact"]["owner"] == {
        "id": 2,
        "username": "sales",
        "firstName": "Sales",
        "lastName": "User",
    }
    assert client.patch(url, json={"owner": None}).json()["contact"]["owner"] is None
    response = client.patch(url, json={"owner": 99, "city": "not saved"})
    assert response.status_code == 400
    assert error(response) == {
        "code": 400,
        "message": "owner: This value is not valid.",
        "details": {"owner": ["This value is not valid."]},
        "type": None,
    }
    assert client.get(f"/contacts/{contact['id']}").json()["contact"]["fields"]["all"]["city"] == "x"


def test_stage_rules(rich: httpx.Client) -> None:
    contact = create(rich, email="s@example.com")
    assert contact["stage"] is None
    url = f"/contacts/{contact['id']}/edit"
    stage = rich.patch(url, json={"stage": 2}).json()["contact"]["stage"]
    assert stage == {"id": 2, "name": "Customer", "category": None, "weight": 0, "description": None}
    assert rich.patch(url, json={"city": "kept"}).json()["contact"]["stage"]["id"] == 2
    assert rich.patch(url, json={"stage": 3}).status_code == 400  # unpublished
    assert rich.patch(url, json={"stage": None}).json()["contact"]["stage"] is None


def test_companies_and_primary_company(rich: httpx.Client) -> None:
    contact = create(rich, email="c@example.com", companies=[1, 2])
    cid = contact["id"]
    companies = rich.get(f"/contacts/{cid}/companies").json()
    assert companies["total"] == 2
    assert {c["companyname"] for c in companies["companies"]} == {"Acme", "Globex"}
    rich.patch(f"/contacts/{cid}/edit", json={"companies": [2]})
    assert [c["company_id"] for c in rich.get(f"/contacts/{cid}/companies").json()["companies"]] == ["2"]
    rich.patch(f"/contacts/{cid}/edit", json={"company": "Initech"})
    body = rich.get(f"/contacts/{cid}/companies").json()
    primary = [c for c in body["companies"] if c["is_primary"] == "1"]
    assert len(primary) == 1
    assert primary[0]["companyname"] == "Initech"
    assert all(isinstance(v, str) for c in body["companies"] for v in c.values())
    assert rich.patch(f"/contacts/{cid}/edit", json={"companies": "1"}).status_code == 500


def test_email_validation_and_uniqueness(rich: httpx.Client) -> None:
    response = rich.post("/contacts/new", json={"email": "foo", "firstname": "Nope"})
    assert response.status_code == 400
    assert error(response) == {
        "code": 400,
        "message": "email: foo is invalid.",
        "details": {"email": ["foo is invalid."]},
        "type": None,
    }
    assert rich.get("/contacts").json()["total"] == "0"  # nothing half-written
    a = create(rich, email="a@example.com", member_no="M1")
    create(rich, email="b@example.com")
    response = rich.patch(f"/contacts/{a['id']}/edit", json={"email": "b@example.com"})
    assert response.status_code == 422
    assert error(response)["message"] == "email: This field must be unique."
    response = rich.post("/contacts/new", json={"email": "b@example.com", "member_no": "M1"})
    # dedupe ORs the unique fields: the newest match (b) is edited and member_no clashes with a
    assert response.status_code == 422


def test_field_validation_messages(rich: httpx.Client) -> None:
    response = rich.post("/contacts/new", json={"firstname": "x" * 192, "colour": "green"})
    assert response.status_code == 400
    err = error(response)
    assert err["message"] == (
        "firstname: This value is too long. It should have 191 characters or less., "
        "colour: This value is not valid."
    )
    assert set(err["details"]) == {"firstname", "colour"}
    assert rich.post("/contacts/new", json={"timezone": "Mars/Base"}).status_code == 400
    assert rich.post("/contacts/new", json={"visits": "lots"}).status_code == 400
    assert rich.post("/contacts/new", json={"firstname": ["a", "b"]}).status_code == 400


def test_field_value_typing(rich: httpx.Client) -> None:
    payload = {
        "email": "typed@example.com",
        "shoe_size": "42.55",
        "visits": "7.9",
        "newsletter": "yes",
        "colour": "blue",
        "hobbies": ["chess", "golf"],
        "birthday": "1990-02-03T10:00:00",
        "met_at": "2024-05-06 07:08:09",
        "attribution": 12,
        "points": 3,
    }
    created = rich.post("/contacts/new", json=payload).json()["contact"]
    fields = created["fields"]["all"]
    assert fields["shoe_size"] == 42.6
    assert fields["visits"] == 7
    assert fields["attribution"] == 12.0
    assert fields["newsletter"] is True  # booleans are true/false in a write answer
    assert fields["hobbies"] == "chess|golf"
    assert fields["birthday"] == "1990-02-03"
    assert fields["met_at"] == "2024-05-06 07:08:00"  # seconds dropped
    assert fields["tier"] == "bronze"  # default value applied to new contacts
    assert created["fields"]["core"]["colour"]["normalizedValue"] == "Blue"
    assert created["fields"]["core"]["newsletter"]["normalizedValue"] == "Yep"
    got = rich.get(f"/contacts/{created['id']}").json()["contact"]["fields"]
    assert got["all"]["newsletter"] == 1
    assert got["all"]["points"] == 3
    listed = rich.get("/contacts").json()["contacts"][str(created["id"])]["fields"]["all"]
    assert listed["newsletter"] == "1"
    off = rich.patch(f"/contacts/{created['id']}/edit", json={"newsletter": False}).json()["contact"]
    assert off["fields"]["all"]["newsletter"] == 0  # false works on an existing contact


def test_ip_last_active_and_identification(client: httpx.Client) -> None:
    anon = create(client, city="Nowhere")
    assert anon["dateIdentified"] is None
    url = f"/contacts/{anon['id']}/edit"
    body = client.patch(url, json={"ipAddress": "203.0.113.9", "lastActive": "2024-03-04 05:06:07"}).json()[
        "contact"
    ]
    assert body["ipAddresses"][0]["ipAddress"] == "203.0.113.9"
    assert set(body["ipAddresses"][0]["ipDetails"]) >= {"city", "country", "timezone"}
    assert body["lastActive"] == "2024-03-04T05:06:07+00:00"
    assert body["dateIdentified"] is None
    body = client.patch(url, json={"lastname": "Known", "lastActive": "garbage"}).json()["contact"]
    assert body["dateIdentified"] is not None
    assert body["lastActive"] == "1970-01-01T00:00:00+00:00"


def test_frequency_rules(client: httpx.Client) -> None:
    rules = {"email": {"frequency_number": 2, "frequency_time": "WEEK", "preferred_channel": 1}}
    contact = create(client, email="f@example.com", frequencyRules=rules)
    assert contact["frequencyRules"][0]["channel"] == "email"
    assert contact["frequencyRules"][0]["frequencyNumber"] == 2
    assert contact["frequencyRules"][0]["preferredChannel"] is True
    bad = {"email": {"frequency_time": "FORTNIGHT"}}
    assert (
        client.post("/contacts/new", json={"email": "g@example.com", "frequencyRules": bad}).status_code
        == 400
    )


def test_select_restricts_columns_and_drops_nulls(client: httpx.Client) -> None:
    contact = create(client, email="sel@example.com", firstname="Sel")
    body = client.get(f"/contacts/{contact['id']}", params={"select[]": ["email", "firstname"]}).json()[
        "contact"
    ]
    assert set(body["fields"]["all"]) == {"id", "email", "firstname"}
    assert "dateModified" not in body
    assert "owner" not in body
    body = client.get(f"/contacts/{contact['id']}", params={"select": "email,firstname"}).json()["contact"]
    assert "lastname" in body["fields"]["all"] or "city" not in body["fields"]["all"]
    assert "owner" not in body  # nulls are left out even though the CSV selects nothing


def test_delete_answers_the_contact_with_null_id(client: httpx.Client) -> None:
    contact = create(client, email="del@example.com", tags=["x"])
    response = client.delete(f"/contacts/{contact['id']}/delete")
    assert response.status_code == 200
    body = response.json()["contact"]
    assert body["id"] is None
    assert body["fields"]["all"]["email"] == "del@example.com"
    assert client.get(f"/contacts/{contact['id']}").status_code == 404
    assert client.delete(f"/contacts/{contact['id']}/delete").status_code == 404


def test_get_missing_and_huge_ids(client: httpx.Client) -> None:
    for cid in ("0", "999", "99999999999999999999999"):
        response = client.get(f"/contacts/{cid}")
        assert response.status_code == 404
        assert error(response)["message"] == "Item was not found."
