"""Every answer the fake sends in a broad scenario is documented by openapi.yaml and validates against it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fake_spec_check import SPEC_PATH, check
from mautic_mock import FakeMautic

pytestmark = pytest.mark.skipif(not SPEC_PATH.exists(), reason="openapi.yaml not written yet")

DATA = {
    "fields": [
        {"alias": "shoe_size", "label": "Shoe size", "type": "number", "properties": {"scale": 1}},
        {
            "alias": "newsletter",
            "label": "Newsletter",
            "type": "boolean",
            "properties": {"no": "No", "yes": "Yes"},
        },
        {
            "alias": "colour",
            "label": "Colour",
            "type": "select",
            "group": "personal",
            "properties": {"list": [{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"}]},
        },
        {"alias": "birthday", "label": "Birthday", "type": "date", "group": "personal"},
    ],
    "stages": [{"name": "Lead", "weight": 10}],
    "segments": [{"name": "Newsletter", "alias": "newsletter-list"}],
    "campaigns": [{"name": "Welcome", "segments": ["newsletter-list"]}, {"name": "Solo"}],
    "companies": [{"companyname": "Acme", "companycity": "Paris", "score": 3}],
    "pointGroups": [{"name": "Engagement", "description": "Engagement points"}],
    "contacts": [
        {
            "email": "seed@example.com",
            "firstname": "Seed",
            "shoe_size": 42.5,
            "newsletter": True,
            "colour": "red",
            "birthday": "1990-02-03",
            "tags": ["seeded"],
            "owner": 1,
            "stage": "Lead",
            "companies": ["Acme"],
            "segments": ["newsletter-list"],
            "campaigns": ["Welcome", "Solo"],
            "notes": [{"text": "Met at a fair", "type": "meeting", "dateTime": "2024-01-02 10:00:00"}],
            "pointGroups": {"Engagement": 5},
            "doNotContact": [{"channel": "sms", "reason": 1}],
        }
    ],
}


@pytest.fixture
def recorded() -> Iterator[tuple[httpx.Client, list[httpx.Response]]]:
    answers: list[httpx.Response] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        answers.append(response)

    fake = FakeMautic(data=DATA, client_id="cid", client_secret="secret")
    with httpx.Client(
        transport=fake.transport(),
        base_url="http://mautic.test/api",
        auth=("admin", "mautic"),
        event_hooks={"response": [keep]},
    ) as http:
        yield http, answers
    fake.close()


def test_every_answer_matches_the_spec(recorded: tuple[httpx.Client, list[httpx.Response]]) -> None:
    http, answers = recorded
    seed = 1
    new = http.post(
        "/contacts/new", json={"email": "a@example.com", "firstname": "Ann", "newsletter": 1}
    ).json()
    cid = new["contact"]["id"]
    http.post("/contacts/new", json={"email": "a@example.com", "lastname": "Again"})
    http.post("/contacts/new", json={"email": "not-an-email"})
    http.post("/contacts/new", content=b"{not json")
    http.get("/contacts")
    http.get("/contacts", params={"minimal": 1, "limit": 1, "orderBy": "email", "orderByDir": "DESC"})
    http.get("/contacts", params={"select[]": ["email", "firstname"], "search": "seed"})
    http.get("/contacts", params={"where[0][col]": "email", "where[0][expr]": "eq", "where[0][val]": "none"})
    http.get("/contacts", params={"orderBy": "nope"})
    http.get("/contacts", params={"where[0][col]": "email"})
    http.get(f"/contacts/{cid}")
    http.get(f"/contacts/{seed}")
    http.get("/contacts/999")
    http.put(f"/contacts/{cid}/edit", json={"email": "a@example.com", "firstname": "Anna"})
    http.put("/contacts/999/edit", json={"email": "put@example.com"})
    http.patch(f"/contacts/{cid}/edit", json={"lastname": "Smith", "tags": ["x", "-y"], "stage": 1})
    http.patch(f"/contacts/{cid}/edit", json={"email": "seed@example.com"})
    http.patch("/contacts/999/edit", json={"lastname": "x"})
    http.get("/contacts/1/events")
    batch = http.post("/contacts/batch/new", json=[{"email": "b1@example.com"}, {"email": "bad"}]).json()
    http.post("/contacts/batch/new", json=[{"email": f"x{i}@example.com"} for i in range(201)])
    http.put("/contacts/batch/edit", json=[{"id": cid, "city": "Rome"}, {"email": "noid@example.com"}])
    http.patch("/contacts/batch/edit", json=[{"id": cid, "city": "Oslo"}, {"id": 999, "city": "x"}])
    b1 = batch["contacts"][0]["id"]
    http.delete("/contacts/batch/delete", params={"ids": f"{b1},999"})
    http.delete("/contacts/batch/delete", params={"ids": "foo"})
    http.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 2, "comments": "bounce"})
    http.post(f"/contacts/{cid}/dnc/email/add", json={"reason": 0})
    http.post(f"/contacts/{cid}/dnc/email/remove")
    http.post(f"/contacts/{cid}/dnc/email/remove")
    utm = http.post(
        f"/contacts/{cid}/utm/add",
        json={
            "utm_campaign": "spring",
            "useragent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0",
            "query": "a=1",
        },
    ).json()
    utm_id = utm["contact"]["utmtags"][0]["id"]
    http.post(f"/contacts/{cid}/utm/{utm_id}/remove")
    http.post(f"/contacts/{cid}/utm/{utm_id}/remove")
    http.post(f"/contacts/{cid}/points/plus/5", json={"eventName": "Bonus"})
    http.post(f"/contacts/{cid}/points/pow/5")
    http.post("/contacts/999/points/plus/5")
    http.get(f"/contacts/{seed}/points/groups")
    http.get(f"/contacts/{seed}/points/groups/1")
    http.get(f"/contacts/{cid}/points/groups/1")
    http.get(f"/contacts/{cid}/points/groups/9")
    http.post(f"/contacts/{cid}/points/groups/1/set/7")
    http.post(f"/contacts/{cid}/points/groups/1/pow/7")
    http.get(f"/contacts/{cid}/activity")
    http.get(
        "/contacts/activity",
        params={"filters[search]": "spring", "order[0]": "eventLabel", "order[1]": "ASC"},
    )
    http.get("/contacts/activity", params={"filters[dateFrom]": "not a date"})
    for sub in ("notes", "devices", "campaigns", "segments", "companies"):
        http.get(f"/contacts/{seed}/{sub}")
        http.get(f"/contacts/{cid}/{sub}")
    http.get("/contacts/999/notes")
    http.get("/contacts/list/owners")
    http.get("/contacts/list/fields")
    http.get("/contacts/list/segments")
    http.delete(f"/contacts/{cid}/delete")
    http.delete(f"/contacts/{cid}/delete")
    http.get("/contacts", headers={"Authorization": "Bearer nope"})
    with httpx.Client(transport=http._transport, base_url="http://mautic.test/api") as anonymous:
        answers.append(anonymous.get("/contacts"))

    assert len(answers) > 60
    statuses = {r.status_code for r in answers}
    assert {200, 201, 400, 401, 404, 422, 500} <= statuses
    problems = [problem for response in answers for problem in check(response)]
    assert not problems, "\n".join(problems)


def test_rate_limited_and_auth_answers_match_the_spec() -> None:
    answers = []
    with (
        FakeMautic(rate_limit="2/60", client_id="c", client_secret="s") as fake,
        httpx.Client(transport=fake.transport(), base_url="http://mautic.test/api") as http,
    ):
        answers.append(http.get("/contacts"))
        answers.append(http.get("/contacts", auth=("admin", "wrong")))
        answers.append(http.get("/contacts", headers={"Authorization": "Bearer expired-or-unknown"}))
        answers.extend(http.get("/contacts", auth=("admin", "mautic")) for _ in range(3))
    assert [r.status_code for r in answers] == [401, 401, 401, 200, 200, 429]
    problems = [problem for response in answers for problem in check(response)]
    assert not problems, "\n".join(problems)
