"""Batch create/edit/delete (reference §4.3, §4.5, §4.7, §6)."""

from __future__ import annotations

import httpx
from fake_mautic_support import create


def test_batch_new_reports_per_item_status_keyed_by_index(client: httpx.Client) -> None:
    existing = create(client, email="dup@example.com")
    payload = [{"email": "n1@example.com"}, {"email": "broken"}, {"email": "DUP@example.com", "city": "x"}]
    response = client.post("/contacts/batch/new", json=payload)
    assert response.status_code == 201  # whatever happened to the items
    body = response.json()
    assert body["statusCodes"] == [201, 400, 200]
    assert set(body["contacts"]) == {"0", "2"}  # failed item absent: a JSON object with gaps
    assert body["contacts"]["2"]["id"] == existing["id"]
    assert body["errors"] == {
        "1": {
            "code": 400,
            "message": "email: broken is invalid.",
            "details": {"email": ["broken is invalid."]},
            "type": None,
        }
    }
    assert "location" not in response.headers


def test_batch_keyed_by_name_answers_with_the_same_keys(client: httpx.Client) -> None:
    body = client.post(
        "/contacts/batch/new", json={"a": {"email": "a@example.com"}, "b": {"email": "b@example.com"}}
    )
    assert body.status_code == 201
    assert set(body.json()["contacts"]) == {"a", "b"}
    assert body.json()["statusCodes"] == {"a": 201, "b": 201}
    assert "errors" not in body.json()


def test_batch_limit_is_a_500_controller_error(client: httpx.Client) -> None:
    response = client.post("/contacts/batch/new", json=[{"email": f"u{i}@example.com"} for i in range(201)])
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {
                "code": 500,
                "message": "A max of 200 entities are supported at a time.",
                "details": [],
                "type": None,
            }
        ]
    }
    assert response.headers["mautic-version"]
    assert client.get("/contacts").json()["total"] == "0"
    ok = client.post("/contacts/batch/new", json=[{"email": f"u{i}@example.com"} for i in range(200)])
    assert ok.status_code == 201
    assert len(ok.json()["contacts"]) == 200
    assert client.put("/contacts/batch/edit", json=[{"id": 1}] * 201).status_code == 500


def test_batch_edit_missing_ids(client: httpx.Client) -> None:
    contact = create(client, email="e@example.com")
    put = client.put(
        "/contacts/batch/edit", json=[{"id": contact["id"], "city": "A"}, {"email": "noid@example.com"}]
    )
    body = put.json()
    assert put.status_code == 200
    # PUT still creates the contact without id, but reports the missing id
    assert body["statusCodes"] == [200, 400]
    assert body["errors"] == {"1": {"message": "mautic.api.call.id_missing", "code": 400, "type": "api"}}
    assert body["contacts"][1]["fields"]["all"]["email"] == "noid@example.com"
    patch = client.patch(
        "/contacts/batch/edit", json=[{"id": contact["id"], "city": "B"}, {"city": "C"}]
    ).json()
    assert patch["statusCodes"] == [200, 404]
    assert patch["errors"] == {"1": {"message": "Item was not found.", "code": 404, "type": "api"}}
    assert patch["contacts"] == [patch["contacts"][0]]
    assert patch["contacts"][0]["fields"]["all"]["city"] == "B"


def test_batch_edit_without_any_id(client: httpx.Client) -> None:
    put = client.put(
        "/contacts/batch/edit", json=[{"email": "p1@example.com"}, {"email": "p2@example.com"}]
    ).json()
    assert put["statusCodes"] == [201, 201]
    assert "errors" not in put
    patch = client.patch("/contacts/batch/edit", json=[{"email": "p1@example.com"}]).json()
    assert patch["statusCodes"] == [404]
    assert patch["contacts"] == []


def test_batch_edit_validation_error_and_non_object_items(client: httpx.Client) -> None:
    contact = create(client, email="v@example.com")
    body = client.patch(
        "/contacts/batch/edit",
        json=[{"id": contact["id"], "email": "bad"}, "junk", {"id": contact["id"], "city": "Q"}],
    ).json()
    assert body["statusCodes"] == [400, 400, 200]
    # errors keyed 0 and 1 in order: PHP encodes that array as a JSON list
    assert body["errors"][0]["message"] == "email: bad is invalid."
    assert body["errors"][1] == {"message": "This is a bad request.", "code": 400, "type": "api"}
    assert (
        client.get(f"/contacts/{contact['id']}").json()["contact"]["fields"]["all"]["email"]
        == "v@example.com"
    )


def test_batch_delete_by_ids_in_the_query(client: httpx.Client) -> None:
    ids = [create(client, email=f"d{i}@example.com")["id"] for i in range(4)]
    response = client.delete("/contacts/batch/delete", params={"ids": f"{ids[0]},999,{ids[1]}"})
    assert response.status_code == 200
    contacts = response.json()["contacts"]
    # keyed by position in ids, serialized before deletion (ids present); 999 is simply missing
    assert {k: c["id"] for k, c in contacts.items()} == {"0": ids[0], "2": ids[1]}
    assert client.get(f"/contacts/{ids[0]}").status_code == 404
    response = client.delete(
        "/contacts/batch/delete", params=[("ids[]", str(ids[2])), ("ids[]", str(ids[3]))]
    )
    assert [c["id"] for c in response.json()["contacts"]] == [ids[2], ids[3]]
    assert client.get("/contacts").json()["total"] == "0"


def test_batch_delete_odd_ids(client: httpx.Client) -> None:
    assert client.delete("/contacts/batch/delete").json() == {"contacts": []}
    # the helper's id_missing error is never reported: getBatchEntities returns first without ids
    assert client.delete("/contacts/batch/delete", params={"ids": "foo"}).json() == {"contacts": []}
    contact = create(client, email="k@example.com")
    keyed = client.delete("/contacts/batch/delete", params={"ids[first]": str(contact["id"])}).json()
    assert list(keyed["contacts"]) == ["first"]


def test_invalid_frequency_rules_are_ignored_in_batch_mode(client: httpx.Client) -> None:
    bad = {"email": {"frequency_time": "FORTNIGHT"}, "sms": {"frequency_number": 1, "frequency_time": "DAY"}}
    body = client.post(
        "/contacts/batch/new", json=[{"email": "fr@example.com", "frequencyRules": bad}]
    ).json()
    assert body["statusCodes"] == [201]
    assert [r["channel"] for r in body["contacts"][0]["frequencyRules"]] == ["sms"]
    single = client.post("/contacts/new", json={"email": "fr2@example.com", "frequencyRules": bad})
    assert single.status_code == 400
    assert single.json()["errors"][0]["message"] == "frequency_time_email: This value is not valid."
