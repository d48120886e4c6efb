"""DNC, UTM, points, point groups, notes, devices, segments, campaigns, companies and lookups (§4.8-4.22)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fake_mautic_support import create, error, generic_error
from mautic_mock import FakeMautic

DATA = {
    "segments": [
        {"name": "News", "alias": "news"},
        {"name": "Hidden", "alias": "hidden", "isPublished": False},
        {"name": "Alpha", "alias": "alpha"},
    ],
    "campaigns": [
        {"name": "Live", "segments": ["news", "alpha"]},
        {"name": "Off", "isPublished": False},
        {"name": "Future", "publishUp": "2999-01-01 00:00:00"},
        {"name": "Gone"},
    ],
    "pointGroups": [{"name": "Engagement", "description": "Opens and clicks"}, {"name": "Fit"}],
    "contacts": [
        {
            "email": "rich@example.com",
            "firstname": "Rich",
            "segments": ["news", "hidden", {"segment": "alpha", "manuallyRemoved": True}],
            "campaigns": ["Live", "Off", "Future", {"campaign": "Gone", "manuallyRemoved": True}],
            "notes": [
                {
                    "text": "First call",
                    "type": "call",
                    "dateTime": "2024-01-01 09:00:00",
                    "dateAdded": "2024-01-01 09:00:00",
                },
                {"text": "Sent brochure", "type": "email", "dateAdded": "2024-01-02 09:00:00"},
                {"text": "Met at fair", "type": "meeting", "dateAdded": "2024-01-03 09:00:00"},
            ],
            "pointGroups": {"Engagement": 12},
        }
    ],
}


@pytest.fixture
def rich() -> Any:
    fake = FakeMautic(data=DATA)
    with httpx.Client(
        transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
    ) as http:
        yield http
    fake.close()


def test_dnc_add_rules(client: httpx.Client) -> None:
    cid = create(client, email="d@example.com", firstname="Dee")["id"]
    response = client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 2, "comments": "<b>bounced</b>"})
    assert response.status_code == 200
    contact = response.json()["contact"]
    assert contact["doNotContact"][0]["reason"] == 2
    assert contact["doNotContact"][0]["comments"] == "&#60;b&#62;bounced&#60;/b&#62;"
    # serialized without the API's groups: top-level columns, no fields.all, nulls left out
    assert contact["firstname"] == "Dee"
    assert "all" not in contact["fields"]
    assert "lastname" not in contact
    assert (
        client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 1}).json()["contact"]["doNotContact"][
            0
        ]["reason"]
        == 1
    )
    # an UNSUBSCRIBED record is never overridden
    body = client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 3}).json()
    assert body["contact"]["doNotContact"][0]["reason"] == 1
    body = client.post(f"/contacts/{cid}/dnc/sms/add", json={"reason": 7, "channelId": 12}).json()
    sms = next(d for d in body["contact"]["doNotContact"] if d["channel"] == "sms")
    assert sms["reason"] == 7
    assert sms["channelId"] == 12


@pytest.mark.parametrize("reason", [0, "0", "abc", None])
def test_dnc_invalid_reason(client: httpx.Client, reason: Any) -> None:
    cid = create(client, email="r@example.com")["id"]
    response = client.post(f"/contacts/{cid}/dnc/email/add", json={"reason": reason})
    assert response.status_code == 400
    assert error(response) == {
        "code": 400,
        "message": "Invalid reason code given",
        "details": ["Reason code needs to be an integer and higher than 0."],
        "type": None,
    }


def test_dnc_remove(client: httpx.Client) -> None:
    cid = create(client, email="rm@example.com")["id"]
    body = client.post(f"/contacts/{cid}/dnc/email/remove").json()
    assert body["recordFound"] is False
    assert body["contact"]["id"] == cid
    client.post(f"/contacts/{cid}/dnc/email/add")
    body = client.post(f"/contacts/{cid}/dnc/email/remove").json()
    assert body["recordFound"] is True
    assert body["contact"]["doNotContact"] == []
    assert client.post("/contacts/999/dnc/email/remove").status_code == 404


def test_utm_add_and_remove(client: httpx.Client) -> None:
    cid = create(client, email="u@example.com")["id"]
    agent = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605 Version/17.0 Mobile Safari"
    )
    response = client.post(
        f"/contacts/{cid}/utm/add",
        json={
            "utm_campaign": "spring",
            "utm_source": "fb",
            "utm_medium": "social",
            "utm_content": "ad",
            "utm_term": "shoes",
            "useragent": agent,
            "url": "/landing",
            "referer": "https://google.com",
            "query": "cid=abc&cond=new",
            "remotehost": "example.com",
            "lastActive": "2017-01-17T00:30:08+00:00",
        },
    )
    assert response.status_code == 200
    contact = response.json()["contact"]
    utm = contact["utmtags"][0]
    assert utm["utmCampaign"] == "spring"
    assert utm["userAgent"] == agent
    assert utm["remoteHost"] == "example.com"
    assert utm["query"] == {"cid": "abc", "cond": "new"}
    assert contact["lastActive"] == "2017-01-17T00:30:08+00:00"
    devices = client.get(f"/contacts/{cid}/devices").json()
    assert devices["total"] == 1
    device = next(iter(devices["devices"].values()))
    assert device["device"] == "smartphone"
    assert device["deviceOsName"] == "iOS"
    assert device["deviceBrand"] == "Apple"
    assert device["lead"] == {}
    assert device["clientInfo"]["name"] == "Safari"
    client.post(f"/contacts/{cid}/utm/add", json={"query": {"a": "1"}, "Useragent": "ignored key"})
    assert (
        client.get(f"/contacts/{cid}/devices").json()["total"] == 1
    )  # only lower-case useragent makes devices
    second = client.get(f"/contacts/{cid}").json()["contact"]["utmtags"][1]
    response = client.post(f"/contacts/{cid}/utm/{second['id']}/remove")
    assert response.status_code == 200
    assert response.json()["recordFound"] is True
    assert len(response.json()["contact"]["utmtags"]) == 1
    for bad in (second["id"], "abc", 99999):
        response = client.post(f"/contacts/{cid}/utm/{bad}/remove")
        assert response.status_code == 400
        assert error(response)["message"] == "This is a bad request."


@pytest.mark.parametrize(
    ("operator", "delta", "expected"),
    [
        ("plus", 5, 15),
        ("minus", "3", 7),
        ("times", 3, 30),
        ("divide", 3, 3),
        ("plus", -4, 6),
        ("plus", 0, 10),
    ],
)
def test_points(client: httpx.Client, operator: str, delta: Any, expected: int) -> None:
    cid = create(client, email="p@example.com", points=10)["id"]
    response = client.post(
        f"/contacts/{cid}/points/{operator}/{delta}", json={"eventName": "Quiz", "actionName": "x"}
    )
    assert response.status_code == 200
    assert response.json() == {"success": 1}
    assert client.get(f"/contacts/{cid}").json()["contact"]["points"] == expected


def test_points_errors_and_log(client: httpx.Client) -> None:
    cid = create(client, email="pe@example.com")["id"]
    response = client.post(f"/contacts/{cid}/points/pow/2")
    assert response.status_code == 400
    assert error(response)["message"] == "Invalid operator"
    assert client.post(f"/contacts/{cid}/points/pow/0").status_code == 200  # delta 0: nothing to do
    response = client.post("/contacts/999/points/plus/1")
    assert response.status_code == 404
    assert error(response)["message"] == "Contact not found."
    response = client.post(f"/contacts/{cid}/points/plus/lots")
    assert response.status_code == 500
    assert response.json() == {"errors": [generic_error(500)]}
    client.post(f"/contacts/{cid}/points/plus/4")
    events = client.get(
        f"/contacts/{cid}/activity", params={"filters[includeEvents][]": "point.gained"}
    ).json()
    assert [e["eventLabel"] for e in events["events"]] == ["add (+) / 4"]
    assert events["events"][0]["details"]["log"]["actionName"] == "API"


def test_point_groups(rich: httpx.Client) -> None:
    body = rich.get("/contacts/1/points/groups").json()
    assert body == {
        "total": 1,
        "groupScores": [
            {"score": 12, "group": {"id": 1, "name": "Engagement", "description": "Opens and clicks"}}
        ],
    }
    assert rich.get("/contacts/1/points/groups/2").content == b"[]"
    assert rich.post("/contacts/1/points/groups/2/minus/3").json()["groupScore"]["score"] == -3
    assert rich.post("/contacts/1/points/groups/1/set/100").json()["groupScore"]["score"] == 100
    assert rich.post("/contacts/1/points/groups/1/divide/3").json()["groupScore"]["score"] == 33
    assert rich.post("/contacts/1/points/groups/1/times/-2").json()["groupScore"] == {
        "score": -66,
        "group": {"id": 1, "name": "Engagement", "description": "Opens and clicks"},
    }
    assert rich.post("/contacts/1/points/groups/1/plus/x").status_code == 500
    assert rich.post("/contacts/999/points/groups/1/plus/1").status_code == 404
    assert rich.get("/contacts/1").json()["contact"]["points"] == 0  # group scores are separate


def test_notes(rich: httpx.Client) -> None:
    body = rich.get("/contacts/1/notes").json()
    assert body["total"] == 3
    assert [n["text"] for n in body["notes"].values()] == ["Met at fair", "Sent brochure", "First call"]
    first = body["notes"]["1"]
    assert first == {
        "id": 1,
        "text": "First call",
        "type": "call",
        "dateTime": "2024-01-01T09:00:00+00:00",
        "lead": {},
    }
    assert "dateTime" not in body["notes"]["2"]  # nulls left out
    page = rich.get(
        "/contacts/1/notes", params={"orderBy": "n.id", "orderByDir": "ASC", "start": 1, "limit": 1}
    )
    assert page.json() == {"total": 3, "notes": {"2": page.json()["notes"]["2"]}}
    assert list(rich.get("/contacts/1/notes", params={"search": "type:meeting"}).json()["notes"]) == ["3"]
    assert list(rich.get("/contacts/1/notes", params={"search": "brochure"}).json()["notes"]) == ["2"]
    assert rich.get("/contacts/1/notes", params={"orderBy": "nope"}).status_code == 500
    empty = create(rich, email="none@example.com")["id"]
    assert rich.get(f"/contacts/{empty}/notes").json() == {"total": 0, "notes": []}
    assert rich.get(f"/contacts/{empty}/devices").json() == {"total": 0, "devices": []}
    assert rich.get("/contacts/999/notes").status_code == 404


def test_segments_and_campaigns(rich: httpx.Client) -> None:
    lists = rich.get("/contacts/1/segments").json()
    assert lists["total"] == 2  # manually removed memberships are left out; unpublished ones are kept
    assert set(lists["lists"]) == {"1", "2"}
    news = lists["lists"]["1"]
    assert news["name"] == "News"
    assert news["alias"] == "news"
    assert news["manuallyRemoved"] is False
    assert news["dateAdded"].endswith("+00:00")
    campaigns = rich.get("/contacts/1/campaigns").json()
    assert campaigns["total"] == 1  # unpublished, not yet published and manually removed are left out
    assert campaigns["campaigns"]["1"]["listMembership"] == [1]
    other = create(rich, email="o@example.com")["id"]
    assert rich.get(f"/contacts/{other}/segments").json() == {"total": 0, "lists": []}


def test_lookups(rich: httpx.Client, client: httpx.Client) -> None:
    owners = rich.get("/contacts/list/owners").json()
    assert owners == [
        {"id": 1, "firstName": "Admin", "lastName": "User"},
        {"id": 2, "firstName": "Sales", "lastName": "User"},
    ]
    assert rich.get("/contacts/list/owners", params={"filter": "sal"}).json() == [owners[1]]
    assert rich.get("/contacts/list/owners", params={"filter": "sales us"}).json() == [owners[1]]
    assert rich.get("/contacts/list/owners", params={"limit": 1, "start": 1}).json() == [owners[1]]
    fields = rich.get("/contacts/list/fields").json()
    assert len(fields) == 43
    assert fields["1"] == {
        "id": 1,
        "label": "Title",
        "alias": "title",
        "type": "lookup",
        "group": "core",
        "order": 1,
        "object": "lead",
    }
    assert fields["37"]["alias"] == "companyname"
    assert fields["37"]["object"] == "company"
    assert fields["26"]["label"] == "mautic.lead.field.linkedin"
    assert [f["order"] for f in fields.values()] == sorted(f["order"] for f in fields.values())
    lead_fields = [f["alias"] for f in fields.values() if f["object"] == "lead"]
    assert lead_fields[:6] == ["title", "firstname", "lastname", "company", "position", "email"]
    assert len(lead_fields) == 28
    segments = rich.get("/contacts/list/segments").json()
    assert segments == {
        "3": {"id": 3, "name": "Alpha", "alias": "alpha"},
        "1": {"id": 1, "name": "News", "alias": "news"},
    }
    assert client.get("/contacts/list/segments").json() == []
