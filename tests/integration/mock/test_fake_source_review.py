"""Regressions for differences between the fake and Mautic 5 found by reading Mautic's source.

Each test names the Mautic code it rests on (repository mautic/mautic).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fake_mautic_support import create, error, generic_error
from mautic_mock import FakeMautic


def _client(fake: FakeMautic) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
    )


def contact(client: httpx.Client, contact_id: int) -> dict[str, Any]:
    response = client.get(f"/contacts/{contact_id}")
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()["contact"]
    return found


def tag_names(client: httpx.Client, contact_id: int) -> list[str]:
    return sorted(t["tag"] for t in contact(client, contact_id)["tags"])


# --- 1. batch delete: BatchIdToEntityHelper::orderByOriginalKey after setIsAssociative(true) ---------------


def test_batch_delete_keys_found_contacts_by_their_position(client: httpx.Client) -> None:
    first, third = create(client, email="a@x.io"), create(client, email="c@x.io")
    response = client.delete("/contacts/batch/delete", params={"ids": f"{first['id']},999,{third['id']}"})
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["contacts"]
    assert list(body["contacts"]) == ["0", "2"]
    assert [body["contacts"][k]["id"] for k in ("0", "2")] == [first["id"], third["id"]]
    assert client.get(f"/contacts/{first['id']}").status_code == 404


def test_batch_delete_keeps_the_order_of_ids(client: httpx.Client) -> None:
    first, second = create(client, email="a@x.io"), create(client, email="b@x.io")
    body = client.delete("/contacts/batch/delete", params={"ids": f"{second['id']},{first['id']}"}).json()
    assert [c["id"] for c in body["contacts"]] == [second["id"], first["id"]]


def test_batch_delete_with_an_id_twice_answers_both_positions(client: httpx.Client) -> None:
    # Both positions are serialized before deleting; deleting the same entity again finds its id
    # nulled by Doctrine, so the second position gets the not-found batch error.
    cid = create(client, email="twice@x.io")["id"]
    body = client.delete("/contacts/batch/delete", params={"ids": f"{cid},{cid}"}).json()
    assert [c["id"] for c in body["contacts"]] == [cid, cid]
    assert body["errors"] == {"1": {"message": "Item was not found.", "code": 404, "type": "api"}}
    assert client.get(f"/contacts/{cid}").status_code == 404


@pytest.mark.parametrize("ids", ["foo", "", "abc-1"])
def test_batch_delete_with_unparsable_ids_answers_no_errors(client: httpx.Client, ids: str) -> None:
    # getBatchEntities returns before recording the helper's errors when it found no ids.
    create(client, email="keep@x.io")
    response = client.delete("/contacts/batch/delete", params={"ids": ids})
    assert response.status_code == 200
    assert response.json() == {"contacts": []}


@pytest.mark.parametrize("raw", ["{id}.0", " {id}", "0{id}"])
def test_batch_delete_matches_ids_as_php_array_keys(client: httpx.Client, raw: str) -> None:
    # MySQL finds the row for "1.0", but orderByOriginalKey looks the id up as a PHP array key:
    # only the canonical "1" is the integer key 1, so the contact is neither answered nor deleted.
    cid = create(client, email="key@x.io")["id"]
    body = client.delete("/contacts/batch/delete", params={"ids": raw.format(id=cid)}).json()
    assert body == {"contacts": []}
    assert client.get(f"/contacts/{cid}").status_code == 200


# --- 2. batch new: CommonApiController::newEntitiesAction processes a matched item as PATCH ----------------


REQUIRED_FIELD = {"fields": [{"alias": "member_no", "label": "Member number", "isRequired": True}]}


def test_batch_new_edits_a_matched_contact_like_patch(client: httpx.Client) -> None:
    cid = create(client, email="m@x.io", firstname="Mia", city="Paris")["id"]
    body = client.post(
        "/contacts/batch/new", json=[{"email": "m@x.io", "lastname": "Moe", "overwriteWithBlank": True}]
    ).json()
    assert body["statusCodes"] == [200]
    stored = contact(client, cid)["fields"]["all"]
    assert (stored["firstname"], stored["lastname"], stored["city"]) == ("Mia", "Moe", "Paris")


def test_single_new_on_a_match_still_clears_with_overwrite_with_blank(client: httpx.Client) -> None:
    cid = create(client, email="s@x.io", firstname="Sol", city="Rome")["id"]
    response = client.post("/contacts/new", json={"email": "s@x.io", "overwriteWithBlank": True})
    assert response.status_code == 200
    assert contact(client, cid)["fields"]["all"]["city"] is None


def test_batch_new_does_not_demand_required_fields_of_a_matched_contact() -> None:
    with FakeMautic(data=REQUIRED_FIELD) as fake, _client(fake) as client:
        created = client.post("/contacts/new", json={"email": "r@x.io", "member_no": "7"})
        assert created.status_code == 201
        body = client.post(
            "/contacts/batch/new", json=[{"email": "r@x.io", "city": "Oslo"}, {"email": "n@x.io"}]
        )
        assert body.json()["statusCodes"] == [200, 400]
        assert contact(client, created.json()["contact"]["id"])["fields"]["all"]["city"] == "Oslo"


# --- 3. CustomFieldsApiControllerTrait::setCustomFieldValues: overwriteWithBlank only turns blanking on --


@pytest.mark.parametrize("flag", [False, 0, "0", ""])
def test_put_blanks_omitted_fields_even_with_overwrite_with_blank_off(
    client: httpx.Client, flag: Any
) -> None:
    cid = create(client, email="p@x.io", firstname="Pat", city="Lima")["id"]
    response = client.put(f"/contacts/{cid}/edit", json={"email": "p@x.io", "overwriteWithBlank": flag})
    assert response.status_code == 200
    stored = contact(client, cid)["fields"]["all"]
    assert (stored["firstname"], stored["city"]) == (None, None)


# --- 4. the POST/PATCH zero filter: is_numeric($v) ? 0 !== (int) $v -----------------------------------------


@pytest.mark.parametrize("value", [0.5, "0.75", "-0.9", "1e-3", " 0"])
def test_post_and_patch_drop_values_that_cast_to_integer_zero(client: httpx.Client, value: Any) -> None:
    created = client.post("/contacts/new", json={"email": "z@x.io", "city": value, "attribution": value})
    assert created.status_code == 201, created.text
    all_fields = created.json()["contact"]["fields"]["all"]
    assert (all_fields["city"], all_fields["attribution"]) == (None, None)
    cid = created.json()["contact"]["id"]
    client.patch(f"/contacts/{cid}/edit", json={"city": "Kyiv"})
    client.patch(f"/contacts/{cid}/edit", json={"city": value})
    assert contact(client, cid)["fields"]["all"]["city"] == "Kyiv"


def test_put_keeps_fractions_below_one(client: httpx.Client) -> None:
    cid = create(client, email="f@x.io")["id"]
    client.put(f"/contacts/{cid}/edit", json={"email": "f@x.io", "attribution": 0.5, "city": "0.75"})
    stored = contact(client, cid)["fields"]["all"]
    assert (stored["attribution"], stored["city"]) == (0.5, "0.75")


# --- 5. CommonRepository::buildLimiterClauses: start is applied only with a non-empty limit ----------------


@pytest.mark.parametrize("limit", ["0", ""])
def test_list_without_limit_ignores_start(client: httpx.Client, limit: str) -> None:
    for n in range(3):
        create(client, email=f"l{n}@x.io")
    for start in ("2", "-1"):
        response = client.get("/contacts", params={"limit": limit, "start": start})
        assert response.status_code == 200, response.text
        assert len(response.json()["contacts"]) == 3


def test_list_with_a_limit_still_pages(client: httpx.Client) -> None:
    for n in range(3):
        create(client, email=f"p{n}@x.io")
    assert len(client.get("/contacts", params={"limit": "2", "start": "2"}).json()["contacts"]) == 1
    assert client.get("/contacts", params={"limit": "2", "start": "-1"}).status_code == 500


NOTES = {
    "contacts": [
        {
            "email": "notes@x.io",
            "notes": [
                {"text": "one", "dateAdded": "2024-01-01 09:00:00"},
                {"text": "two", "dateAdded": "2024-01-02 09:00:00"},
                {"text": "three", "dateAdded": "2024-01-03 09:00:00"},
            ],
        }
    ]
}


def test_notes_without_limit_ignore_start() -> None:
    with FakeMautic(data=NOTES) as fake, _client(fake) as client:
        for start in ("1", "-1"):
            response = client.get("/contacts/1/notes", params={"limit": "0", "start": start})
            assert response.status_code == 200, response.text
            assert len(response.json()["notes"]) == 3
        assert len(client.get("/contacts/1/notes", params={"limit": "2", "start": "1"}).json()["notes"]) == 2


# --- 6. LeadRepository::addSearchCommandWhereClause negation, CommonRepository catch-all wildcards ----------


SEARCH_DATA = {
    "contacts": [
        {
            "email": "john@example.com",
            "firstname": "John",
            "lastname": "Smith",
            "city": "Boston",
            "owner": 1,
            "tags": ["vip", "golf"],
        },
        {"email": "joe@example.com", "firstname": "Joe", "lastname": "Jones", "tags": ["vip"]},
        {"email": "sam@example.com", "firstname": "Sam", "lastname": "Brown", "city": "Majors", "owner": 2},
        {"firstname": "Anon"},
    ]
}


@pytest.fixture
def people() -> Iterator[httpx.Client]:
    with FakeMautic(data=SEARCH_DATA) as fake, _client(fake) as client:
        yield client


def found(client: httpx.Client, search: str) -> list[int]:
    response = client.get("/contacts", params={"search": search, "orderBy": "id"})
    assert response.status_code == 200, response.text
    return [int(k) for k in response.json()["contacts"]]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("!is:mine", [3]),  # owner_id <> 1: contacts without owner drop out
        ("!email:jo", [3]),  # email NOT LIKE 'jo%': no email drops out
        ("!name:jo", [1, 3, 4]),  # firstname NOT LIKE OR lastname NOT LIKE
        ("!owner:admin", [1, 3]),  # first_name NOT LIKE OR last_name NOT LIKE ('User'), unowned drop out
        ("!city:bos", [3]),  # the alias command: city NOT LIKE, null cities drop out
        ("!tag:vip", [1]),  # a joined tag row not matching; untagged contacts drop out
        ("!foo:bar", []),  # unknown command: taken as the strict word "foo:bar", negation dropped
        ("jo", [1, 2, 3]),  # plain term: %jo% (Majors)
        ("jo%", [1, 2]),  # a term holding % gets no added wildcards: a prefix search
        ("%ors", [3]),
        ("email:%@example.co", [1, 2, 3]),  # commands always append %: "%@example.co%"
    ],
)
def test_search_negation_and_wildcards(people: httpx.Client, search: str, expected: list[int]) -> None:
    assert found(people, search) == expected


# --- 7. sub-resource writes save the contact: FormModel::setTimestamps on an existing entity -------------


def modified(client: httpx.Client, contact_id: int) -> tuple[bool, Any, Any]:
    stored = contact(client, contact_id)
    return stored["dateModified"] is not None, stored["modifiedBy"], stored["modifiedByUser"]


def test_dnc_writes_set_the_modification_stamp(client: httpx.Client) -> None:
    cid = create(client, email="dnc@x.io")["id"]
    assert modified(client, cid) == (False, None, None)
    client.post(f"/contacts/{cid}/dnc/email/add")
    assert modified(client, cid) == (True, 1, "Admin User")
    other = create(client, email="dnc2@x.io", doNotContact=[{"reason": 1}])["id"]
    client.post(f"/contacts/{other}/dnc/sms/remove")  # nothing removed: nothing saved
    assert modified(client, other) == (False, None, None)
    client.post(f"/contacts/{other}/dnc/email/remove")
    assert modified(client, other) == (True, 1, "Admin User")


def test_an_unchanged_save_sets_only_the_modifier(client: httpx.Client) -> None:
    # Lead::getChanges() is empty, so dateModified stays; modifiedBy is set on every update.
    cid = create(client, email="same@x.io")["id"]
    client.post(f"/contacts/{cid}/utm/add", json={"url": "/landing"})  # no utm_* value: no tracked change
    assert modified(client, cid) == (False, 1, "Admin User")
    utm_contact = create(client, email="utm@x.io")["id"]
    client.post(f"/contacts/{utm_contact}/utm/add", json={"utm_source": "news"})
    assert modified(client, utm_contact)[0] is True


def test_utm_removal_and_points_set_the_modification_stamp(client: httpx.Client) -> None:
    cid = create(client, email="rm@x.io")["id"]
    utm_id = client.post(f"/contacts/{cid}/utm/add", json={"url": "/x"}).json()["contact"]["utmtags"][0]["id"]
    client.post(f"/contacts/{cid}/utm/{utm_id}/remove")
    assert modified(client, cid)[0] is True
    points = create(client, email="pts@x.io")["id"]
    assert client.post(f"/contacts/{points}/points/plus/5").status_code == 200
    assert modified(client, points) == (True, 1, "Admin User")


def test_group_points_save_the_contact_without_a_tracked_change() -> None:
    with FakeMautic(data={"pointGroups": [{"name": "Fit"}]}) as fake, _client(fake) as client:
        cid = create(client, email="g@x.io")["id"]
        assert client.post(f"/contacts/{cid}/points/groups/1/plus/4").status_code == 200
        assert modified(client, cid) == (False, 1, "Admin User")


def test_a_dnc_response_shows_the_new_stamp(client: httpx.Client) -> None:
    cid = create(client, email="stamp@x.io")["id"]
    answered = client.post(f"/contacts/{cid}/dnc/email/add").json()["contact"]
    assert answered["modifiedBy"] == 1
    assert answered["dateModified"]


# --- 8. ApiSubscriber::onKernelResponse replaces auth errors with a new JsonResponse ----------------------


def test_auth_errors_carry_no_www_authenticate(anon: httpx.Client) -> None:
    wrong = "Basic " + base64.b64encode(b"admin:wrong").decode()
    for headers in ({}, {"Authorization": wrong}, {"Authorization": "Bearer nope"}):
        response = anon.get("/contacts", headers=headers)
        assert response.status_code == 401
        assert "www-authenticate" not in response.headers


def test_token_endpoint_errors_carry_no_cache_headers() -> None:
    with (
        FakeMautic(client_id="cid", client_secret="secret") as fake,
        httpx.Client(transport=fake.transport(), base_url="http://mautic.test") as http,
    ):
        response = http.post(
            "/oauth/v2/token",
            data={"grant_type": "client_credentials", "client_id": "cid", "client_secret": "x"},
        )
        assert response.status_code == 400
        assert error(response)["type"] == "invalid_client"
        assert "no-store" not in response.headers.get("cache-control", "")


# --- 9. LeadSubscriber::addTimelineUtmEntries labels -------------------------------------------------------


def test_utm_activity_labels(client: httpx.Client) -> None:
    cid = create(client, email="act@x.io")["id"]
    client.post(
        f"/contacts/{cid}/utm/add", json={"utm_campaign": "spring", "lastActive": "2024-01-02 00:00:00"}
    )
    client.post(f"/contacts/{cid}/utm/add", json={"utm_source": "fb", "lastActive": "2024-01-01 00:00:00"})
    body = client.get(f"/contacts/{cid}/activity", params={"filters[includeEvents][]": "lead.utmtagsadded"})
    labels = [e["eventLabel"] for e in body.json()["events"]]
    assert labels == ["UTM Campaign: spring", "UTM tags recorded"]


# --- 10. CommonRepository::validateWhereClause --------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        {"col": "email", "expr": "", "val": "x"},
        {"col": "email", "expr": "0", "val": "x"},
        {"col": "", "expr": "eq", "val": "x"},
        {"col": "0", "expr": "eq", "val": "x"},
        {"column": "", "expr": "isNull"},
        {"expr": "andX", "val": "x"},
    ],
)
def test_where_clauses_with_an_empty_expr_or_column_are_500s(
    client: httpx.Client, clause: dict[str, str]
) -> None:
    params = {f"where[0][{k}]": v for k, v in clause.items()}
    response = client.get("/contacts", params=params)
    assert response.status_code == 500
    assert response.json() == {"errors": [generic_error(500)]}


def test_where_column_and_value_win_over_col_and_val(client: httpx.Client) -> None:
    create(client, email="w1@x.io", city="Paris")
    create(client, email="w2@x.io", city="Oslo")
    params = {
        "where[0][col]": "email",
        "where[0][column]": "city",
        "where[0][expr]": "eq",
        "where[0][val]": "w1@x.io",
        "where[0][value]": "Oslo",
    }
    contacts = client.get("/contacts", params=params).json()["contacts"]
    assert [c["fields"]["all"]["email"] for c in contacts.values()] == ["w2@x.io"]


# --- 11. DoNotContact::addDncForContact / updateDncRecord ---------------------------------------------------


def test_a_dnc_update_keeps_the_channel_id(client: httpx.Client) -> None:
    cid = create(client, email="ch@x.io")["id"]
    client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 3, "channelId": 5})
    record = client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 2}).json()["contact"][
        "doNotContact"
    ]
    assert [(d["reason"], d["channelId"]) for d in record] == [(2, 5)]


def test_a_dnc_add_with_a_channel_id_never_updates_an_existing_record(client: httpx.Client) -> None:
    # With channelId the channel becomes [channel => id]: `$dnc->getChannel() === $channel` never holds.
    cid = create(client, email="chid@x.io")["id"]
    client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 2})
    answer = client.post(
        f"/contacts/{cid}/dnc/email/add", json={"reason": 3, "channelId": 9, "comments": "new"}
    )
    assert answer.status_code == 200
    records = answer.json()["contact"]["doNotContact"]
    assert [(d["reason"], d.get("channelId")) for d in records] == [(2, None)]
    assert records[0].get("comments") != "new"


# --- debatable b: LeadApiController::preSaveEntity passes doNotContact comments raw ----------------------


def test_body_dnc_comments_are_stored_raw(client: httpx.Client) -> None:
    created = client.post(
        "/contacts/new",
        json={"email": "raw@x.io", "doNotContact": [{"reason": 2, "comments": "<b>it's</b>"}]},
    )
    assert created.json()["contact"]["doNotContact"][0]["comments"] == "<b>it's</b>"


# --- debatable d: the {value}/{delta} path segments bind to PHP int parameters (coercive mode) ----------


@pytest.mark.parametrize(("raw", "expected"), [("1.5", 1), ("1e1", 10), ("%205", 5), ("5%20", 5), ("+3", 3)])
def test_point_amounts_are_coerced_like_php_ints(raw: str, expected: int) -> None:
    with FakeMautic(data={"pointGroups": [{"name": "Fit"}]}) as fake, _client(fake) as client:
        cid = create(client, email="coerce@x.io")["id"]
        assert client.post(f"/contacts/{cid}/points/plus/{raw}").status_code == 200
        assert contact(client, cid)["points"] == expected
        answer = client.post(f"/contacts/{cid}/points/groups/1/set/{raw}")
        assert answer.status_code == 200
        assert answer.json()["groupScore"]["score"] == expected


@pytest.mark.parametrize("raw", ["abc", "0x1A", "1e30"])
def test_point_amounts_that_are_no_php_int_are_500s(client: httpx.Client, raw: str) -> None:
    cid = create(client, email="bad@x.io")["id"]
    assert client.post(f"/contacts/{cid}/points/plus/{raw}").status_code == 500


# --- group points: Lead::addPointsChangeLogEntry records nothing for a zero delta ----------------------


def test_an_unchanged_group_score_logs_no_points_change() -> None:
    with FakeMautic(data={"pointGroups": [{"name": "Fit"}]}) as fake, _client(fake) as client:
        cid = create(client, email="zero@x.io")["id"]
        assert client.post(f"/contacts/{cid}/points/groups/1/set/0").status_code == 200
        assert client.post(f"/contacts/{cid}/points/groups/1/times/3").status_code == 200
        events = client.get(f"/contacts/{cid}/activity", params={"filters[includeEvents][]": "point.gained"})
        assert events.json()["events"] == []


# --- tags: TagRepository::getTagsByName (case-insensitive SQL) + LeadModel::modifyTags (exact array keys) ---


def test_tag_names_differing_in_case_are_different_tags(client: httpx.Client) -> None:
    cid = create(client, email="vip@x.io", tags=["VIP", "keep"])["id"]
    response = client.patch(f"/contacts/{cid}/edit", json={"tags": ["vip", "-VIP"]})
    assert response.status_code == 200
    assert tag_names(client, cid) == ["keep", "vip"]
    ids = {t["tag"]: t["id"] for t in contact(client, cid)["tags"]}
    other = create(client, email="other@x.io", tags=["VIP"])["id"]
    upper = contact(client, other)["tags"][0]
    assert upper["tag"] == "VIP"
    assert upper["id"] != ids["vip"]


def test_removing_a_tag_needs_its_exact_case(client: httpx.Client) -> None:
    cid = create(client, email="case@x.io", tags=["VIP"])["id"]
    client.patch(f"/contacts/{cid}/edit", json={"tags": ["-vip"]})
    assert tag_names(client, cid) == ["VIP"]
    client.patch(f"/contacts/{cid}/edit", json={"tags": "-VIP"})
    assert tag_names(client, cid) == []


def test_an_existing_tag_is_reused_only_by_its_exact_name(client: httpx.Client) -> None:
    first = create(client, email="t1@x.io", tags=["Golf"])
    second = create(client, email="t2@x.io", tags=["Golf", "golf"])
    golf = {t["tag"]: t["id"] for t in second["tags"]}
    assert golf["Golf"] == first["tags"][0]["id"]
    assert golf["golf"] != golf["Golf"]
    # the tag search is a LIKE and MySQL compares case-insensitively: both spellings match
    found_ids = {int(k) for k in client.get("/contacts", params={"search": "tag:GOLF"}).json()["contacts"]}
    assert found_ids == {first["id"], second["id"]}


def test_a_dnc_channel_differing_in_case_is_found_but_not_updated(client: httpx.Client) -> None:
    # isContactable's SQL finds "email" for "EMAIL" (case-insensitive collation); the update loop
    # compares the channel strings exactly, so nothing is created or changed.
    cid = create(client, email="case-dnc@x.io")["id"]
    client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 2})
    records = client.post(f"/contacts/{cid}/dnc/EMAIL/add", json={"reason": 3}).json()["contact"][
        "doNotContact"
    ]
    assert [(d["channel"], d["reason"]) for d in records] == [("email", 2)]


def test_a_tag_created_by_a_request_is_not_removed_by_it(client: httpx.Client) -> None:
    # getTagsByName runs once before any change: "-fresh" finds no stored tag to remove.
    cid = create(client, email="fresh@x.io", tags=["fresh", "-fresh"])["id"]
    assert tag_names(client, cid) == ["fresh"]
