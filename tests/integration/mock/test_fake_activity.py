"""Activity generated from API actions: filters, order, page/limit, per-type paging (§4.17)."""

from __future__ import annotations

import httpx
from fake_mautic_support import create, generic_error


def scenario(client: httpx.Client) -> tuple[int, int]:
    one = create(client, email="one@example.com")["id"]
    anon = client.post("/contacts/batch/new", json=[{"city": "Nowhere"}]).json()["contacts"][0]["id"]
    client.post(f"/contacts/{one}/dnc/email/add", json={"reason": 1})
    client.post(
        f"/contacts/{one}/utm/add", json={"utm_campaign": "spring", "lastActive": "2020-01-01 00:00:00"}
    )
    client.post(
        f"/contacts/{one}/utm/add", json={"utm_campaign": "autumn", "lastActive": "2020-09-01 00:00:00"}
    )
    client.post(f"/contacts/{anon}/points/plus/3", json={"eventName": "Webinar"})
    return one, anon


def test_events_from_api_actions(client: httpx.Client) -> None:
    one, anon = scenario(client)
    body = client.get("/contacts/activity").json()
    kinds = sorted(e["event"] for e in body["events"])
    assert kinds == [
        "lead.donotcontact",
        "lead.source.created",
        "lead.source.identified",
        "lead.utmtagsadded",
        "lead.utmtagsadded",
        "point.gained",
    ]
    assert body["total"] == 6
    assert body["page"] == 1
    assert body["limit"] == 25
    assert body["maxPages"] == 1.0
    assert body["order"] == ["timestamp", "DESC"]
    assert body["filters"] == {"search": "", "includeEvents": [], "excludeEvents": []}
    assert body["types"]["lead.donotcontact"] == "Do not contact"
    labels = {e["event"]: e["eventLabel"] for e in body["events"]}
    assert labels["lead.source.identified"] == "Contact identified via API"
    assert labels["lead.source.created"] == "Contact created via API batch"
    assert labels["point.gained"] == "Webinar / 3"
    dnc = next(e for e in body["events"] if e["event"] == "lead.donotcontact")
    assert dnc["details"]["dnc"]["reason"] == "Contact unsubscribed from this channel."
    assert dnc["contactId"] == str(one)
    assert dnc["eventId"].startswith("lead.donotcontact")
    timestamps = [e["timestamp"] for e in body["events"]]
    assert timestamps == sorted(timestamps, reverse=True)
    assert set(dnc) == {"event", "eventId", "eventLabel", "eventType", "timestamp", "contactId", "details"}
    mine = client.get(f"/contacts/{anon}/activity").json()
    assert sorted(e["event"] for e in mine["events"]) == ["lead.source.created", "point.gained"]


def test_filters_order_and_paging(client: httpx.Client) -> None:
    one, _ = scenario(client)
    include = client.get(
        "/contacts/activity", params={"filters[includeEvents][]": ["lead.utmtagsadded"]}
    ).json()
    assert [e["eventLabel"] for e in include["events"]] == ["UTM Campaign: autumn", "UTM Campaign: spring"]
    assert include["filters"]["includeEvents"] == ["lead.utmtagsadded"]
    exclude = client.get(
        "/contacts/activity", params={"filters[excludeEvents][]": ["lead.utmtagsadded", "point.gained"]}
    ).json()
    assert {e["event"] for e in exclude["events"]} == {
        "lead.donotcontact",
        "lead.source.created",
        "lead.source.identified",
    }
    search = client.get("/contacts/activity", params={"filters[search]": "spring"}).json()
    assert [e["eventLabel"] for e in search["events"]] == ["UTM Campaign: spring"]
    dated = client.get(
        "/contacts/activity",
        params={"filters[dateFrom]": "2020-06-01", "filters[dateTo]": "2021-01-01 00:00:00"},
    ).json()
    assert [e["eventLabel"] for e in dated["events"]] == ["UTM Campaign: autumn"]
    ordered = client.get(
        f"/contacts/{one}/activity",
        params={"order[0]": "eventLabel", "order[1]": "ASC", "filters[includeEvents][]": "lead.utmtagsadded"},
    ).json()
    assert [e["eventLabel"] for e in ordered["events"]] == ["UTM Campaign: autumn", "UTM Campaign: spring"]
    assert ordered["order"] == ["eventLabel", "ASC"]
    page2 = client.get("/contacts/activity", params={"limit": 1, "page": 2}).json()
    # each type is paged on its own: only the UTM type has a second event
    assert [e["eventLabel"] for e in page2["events"]] == ["UTM Campaign: spring"]
    assert page2["total"] == 6
    assert page2["maxPages"] == 2.0
    assert page2["page"] == 2


def test_activity_errors(client: httpx.Client) -> None:
    assert client.get("/contacts/999/activity").status_code == 404
    response = client.get("/contacts/activity", params={"filters[dateFrom]": "not a date"})
    assert response.status_code == 500
    assert response.json() == {"errors": [generic_error(500)]}
    assert client.get("/contacts/activity", params={"filters": "scalar"}).status_code == 500


def test_deleting_a_contact_removes_its_events(client: httpx.Client) -> None:
    one, _ = scenario(client)
    client.delete(f"/contacts/{one}/delete")
    assert {e["event"] for e in client.get("/contacts/activity").json()["events"]} == {
        "lead.source.created",
        "point.gained",
    }
