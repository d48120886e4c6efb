"""The ``--data FILE`` seed format: loading, references, and clear validation errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from mautic_mock import FakeDataError, FakeMautic

FULL = {
    "fields": [
        {
            "alias": "shoe_size",
            "label": "Shoe size",
            "type": "number",
            "group": "personal",
            "properties": {"scale": 1},
        },
        {
            "alias": "plan",
            "label": "Plan",
            "type": "select",
            "properties": {"list": "free|pro"},
            "defaultValue": "free",
        },
    ],
    "stages": [{"name": "Lead", "weight": 5, "description": "New"}],
    "segments": [{"name": "Newsletter"}],
    "campaigns": [{"name": "Welcome", "segments": ["newsletter"]}],
    "companies": [{"companyname": "Acme", "companycity": "Paris", "companynumber_of_employees": 12}],
    "pointGroups": [{"name": "Engagement"}],
    "contacts": [
        {
            "email": "seed@example.com",
            "firstname": "Seed",
            "shoe_size": 44.25,
            "tags": ["a"],
            "owner": 2,
            "stage": 1,
            "companies": [1],
            "segments": [1],
            "campaigns": [1],
            "points": 8,
            "notes": [{"text": "hello"}],
            "pointGroups": {"1": 4},
            "dateAdded": "2020-05-05 05:05:05",
            "lastActive": "2021-01-01 00:00:00",
            "doNotContact": [{"reason": 2}],
        },
    ],
}


def http(fake: FakeMautic) -> httpx.Client:
    return httpx.Client(
        transport=fake.transport(), base_url="http://mautic.test/api", auth=("admin", "mautic")
    )


def test_full_data_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(FULL), encoding="utf-8")
    with FakeMautic(data=path) as fake, http(fake) as client:
        contact = client.get("/contacts/1").json()["contact"]
        assert contact["fields"]["all"]["shoe_size"] == 44.3
        assert contact["fields"]["all"]["plan"] == "free"
        assert contact["fields"]["personal"]["shoe_size"]["value"] == 44.3
        assert contact["owner"]["id"] == 2
        assert contact["stage"]["name"] == "Lead"
        assert contact["points"] == 8
        assert contact["dateAdded"] == "2020-05-05T05:05:05+00:00"
        assert contact["doNotContact"][0]["reason"] == 2
        fields = client.get("/contacts/list/fields").json()
        assert fields["44"]["alias"] == "shoe_size"
        assert fields["44"]["order"] == 29
        assert fields["45"]["alias"] == "plan"
        company = client.get("/contacts/1/companies").json()["companies"][0]
        assert company["companycity"] == "Paris"
        assert company["companynumber_of_employees"] == "12"
        assert client.get("/contacts/1/notes").json()["total"] == 1
        assert client.get("/contacts/1/points/groups/1").json()["groupScore"]["score"] == 4
        assert client.get("/contacts", params={"search": "segment:newsletter"}).json()["total"] == "1"
        params = {
            "where[0][col]": "shoe_size",
            "where[0][expr]": "gt",
            "where[0][val]": "40",
            "orderBy": "shoe_size",
        }
        assert client.get("/contacts", params=params).json()["total"] == "1"
        assert client.post("/contacts/new", json={"plan": "enterprise"}).status_code == 400


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"contacts": {}}, "contacts: must be a list of objects"),
        ({"people": []}, "unknown top-level key(s) people"),
        ({"contacts": [{"emial": "x@example.com"}]}, "contacts[0]: unknown field(s) emial"),
        ({"contacts": [{"email": "bad"}]}, "contacts[0]: email: bad is invalid."),
        ({"contacts": [{"stage": "Nope"}]}, "contacts[0].stage: unknown stage 'Nope'"),
        ({"contacts": [{"segments": ["x"]}]}, "contacts[0].segments[0]: unknown segment 'x'"),
        (
            {"contacts": [{"email": "a@b.co"}, {"email": "a@b.co"}]},
            "contacts[1]: email: This field must be unique.",
        ),
        ({"fields": [{"alias": "email", "label": "E"}]}, "fields[0].alias: 'email' is already used"),
        ({"fields": [{"alias": "Bad-Alias", "label": "E"}]}, "fields[0].alias: must match"),
        ({"fields": [{"alias": "x", "label": "X", "type": "blob"}]}, "fields[0].type: 'blob' is not one of"),
        ({"fields": [{"alias": "x", "label": "X", "type": "select"}]}, "fields[0].properties.list"),
        ({"stages": [{"weight": 1}]}, "stages[0]: 'name' is required"),
        ({"campaigns": [{"name": "C", "publishUp": "soon-ish"}]}, "campaigns[0].publishUp: not a date/time"),
        ({"contacts": [{"notes": [{"text": "t", "type": "memo"}]}]}, "contacts[0].notes[0].type: 'memo'"),
        (
            {"contacts": [{"pointGroups": {"Missing": 1}}]},
            "contacts[0].pointGroups: unknown point group 'Missing'",
        ),
    ],
)
def test_invalid_data_is_reported_clearly(data: dict[str, Any], message: str) -> None:
    with pytest.raises(FakeDataError) as caught:
        FakeMautic(data=data)
    assert message in str(caught.value)


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(FakeDataError, match="cannot read it"):
        FakeMautic(data=tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"contacts": [', encoding="utf-8")
    with pytest.raises(FakeDataError, match="invalid JSON at line 1"):
        FakeMautic(data=broken)
    listed = tmp_path / "list.json"
    listed.write_text("[]", encoding="utf-8")
    with pytest.raises(FakeDataError, match="top level must be a JSON object"):
        FakeMautic(data=listed)


def test_bad_data_leaves_a_file_database_untouched(tmp_path: Path) -> None:
    db = tmp_path / "fake.sqlite"
    with pytest.raises(FakeDataError):
        FakeMautic(db=db, data={"contacts": [{"email": "ok@example.com"}, {"email": "bad"}]})
    with FakeMautic(db=db, data={"contacts": [{"email": "ok@example.com"}]}) as fake, http(fake) as client:
        assert fake.data_ignored is False
        assert client.get("/contacts").json()["total"] == "1"
    with FakeMautic(db=db, data={"contacts": [{"email": "more@example.com"}]}) as fake, http(fake) as client:
        assert fake.data_ignored is True  # data applies only to a fresh database
        assert client.get("/contacts").json()["total"] == "1"


def test_readme_example_loads() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Fake data file format", 1)[1]
    example = json.loads(section.split("```json", 1)[1].split("```", 1)[0])
    with FakeMautic(data=example) as fake, http(fake) as client:
        contact = client.get("/contacts/1").json()["contact"]
        assert contact["fields"]["all"]["shoe_size"] == 44.0
        assert contact["stage"]["name"] == "Lead"
        assert client.get("/contacts/1/campaigns").json()["total"] == 1
